"""The order of country names, the one helper every list of countries uses.

Arabic readers look a country up without its article: «الأردن» comes under أ, beside «إثيوبيا», not
under ا before «البحرين». Alif with or without hamza or madda (أ إ آ ا) counts as one letter, as in an
Arabic index. English names sort without regard to case. Lists are sorted in Python, the long ones (the
good-practice catalogue) on a few numbers per row before the page shown is read: the same order as a
database expression cost more to compile and evaluate than the rest of the page."""

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

ARTICLE = "ال"
ALIF_FORMS = ("أ", "إ", "آ")
# Short vowels, tanwin, shadda and sukun («عُمان» sorts as «عمان»).
DIACRITICS = tuple(chr(code) for code in range(0x064B, 0x0653))


def name_sort_key(name: str) -> str:
    """The key of one name, Arabic or English."""
    if name.startswith(ARTICLE) and len(name) > len(ARTICLE):
        name = name[len(ARTICLE):]
    for form in ALIF_FORMS:
        name = name.replace(form, "ا")
    for mark in DIACRITICS:
        name = name.replace(mark, "")
    return name.casefold()


def by_country_name(items: Iterable[T], country: Callable[[T], object] = lambda item: item) -> list[T]:
    """Items (countries, reviews, rows) in the order of their country's name in the active language;
    `country` finds the country of an item. The ISO code breaks a tie, so the order is total."""
    return sorted(items, key=lambda item: (name_sort_key(country(item).name), country(item).iso2))
