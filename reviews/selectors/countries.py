"""The order of country names, the one helper every list of countries uses.

Arabic readers look a country up without its article: «الأردن» comes under أ, beside «إثيوبيا», not
under ا before «البحرين». Alif with or without hamza or madda (أ إ آ ا) counts as one letter, as in an
Arabic index. English names sort without regard to case. The Python key and the database expression
give the same order, so a paginated list (ordered in the database) and a short one (sorted in Python)
agree."""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db.models import Case, CharField, F, Func, Value, When
from django.db.models.functions import Lower, Replace, Substr
from django.utils.translation import get_language

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


def country_name_order(path: str = "") -> list[Func | F]:
    """The same order in the database, for a queryset that is paginated: `path` leads from the queried
    model to the country ("review__country__"), and the result goes into `order_by(*...)`."""
    if not (get_language() or "ar").startswith("ar"):
        return [Lower(f"{path}name_en"), F(f"{path}iso2")]
    name = F(f"{path}name_ar")
    key = Case(When(**{f"{path}name_ar__startswith": ARTICLE}, then=Substr(name, len(ARTICLE) + 1)),
               default=name, output_field=CharField())
    for form in ALIF_FORMS:
        key = Replace(key, Value(form), Value("ا"))
    for mark in DIACRITICS:
        key = Replace(key, Value(mark), Value(""))
    return [key, F(f"{path}iso2")]
