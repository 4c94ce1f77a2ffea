"""Small pieces of the demo's wording shared by the reviews and the synthesis: lists joined as English and
Arabic write them, each country's programme for an objective, the consultations as answer 1.3 names them."""

import zlib

from reviews.demo.content import PROGRAMMES
from reviews.demo.tables import CONSULTATION_COUNTS, CONSULTATIONS, CONSULTATIONS_SUMMARY, NO_CONSULTATION


def pick(*seed, low: int = 0, high: int) -> int:
    """A stable pseudo-random number in [low, high] for the seed: the same texts on every load."""
    return low + zlib.crc32("/".join(map(str, seed)).encode()) % (high - low + 1)


def programme_index(iso2: str, number: int) -> int:
    # Distinct for the 23 objectives of one country: no programme serves two objectives.
    return (pick(iso2, "programmes", high=len(PROGRAMMES) - 1) + number) % len(PROGRAMMES)


def demo_programme(iso2: str, number: int) -> tuple[str, str]:
    """The name (English, Arabic) of the programme a country's demo review reports under an objective."""
    return PROGRAMMES[programme_index(iso2, number)]


def consultations_text(positions: tuple[int, ...]) -> tuple[str, str]:
    """Answer 1.3 (English, Arabic) as the review's consultation table reads: as many consultations, the
    same ones, in the same order."""
    if not positions:
        return NO_CONSULTATION
    held = CONSULTATION_COUNTS[len(positions)]
    named = [CONSULTATIONS[position][5] for position in positions]
    return (CONSULTATIONS_SUMMARY[0].format(held=held[0], named=join_en([en for en, _ar in named])),
            CONSULTATIONS_SUMMARY[1].format(held=held[1], named=join_ar([ar for _en, ar in named])))


def join_en(items: list[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def join_ar(items: list[str]) -> str:
    return "، و".join(items)
