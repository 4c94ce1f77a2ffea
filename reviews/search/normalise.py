"""The one normalisation used when indexing a text and when reading a query, so both meet in one form.

Arabic is written many ways for one word: with or without diacritics and tatweel, with hamza on its
carrier or not, taa marbuta or haa, alef maqsura or yaa, Arabic-Indic or Western digits. English differs
by case and accents. Every form is folded to one; punctuation becomes a space, so words are whole.
"""

import re
import unicodedata

ARABIC_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # alef forms
    "ة": "ه",  # taa marbuta
    "ى": "ي",  # alef maqsura
    "ؤ": "و", "ئ": "ي",  # hamza on its carriers
    "ء": None,  # lone hamza
    "\u0640": None,  # tatweel
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian digits
})
# Direction marks and isolates (LRM, RLM, ALM, embeddings, overrides, isolates): invisible, never a letter.
DIRECTION_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NOT_A_WORD = re.compile(r"[^\w]+|_")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def normalise(text: str) -> str:
    """The searchable form of `text`: its words, normalised, separated by single spaces.

    Decomposing (NFKD) splits hamza above or below (U+0654, U+0655) and Latin accents from their
    letters; every combining mark (Arabic diacritics, accents) is then dropped.
    """
    text = DIRECTION_MARKS.sub("", text).translate(ARABIC_LETTERS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    # Decomposition turns presentation forms back into letters, some of them with hamza: fold again.
    text = text.translate(ARABIC_LETTERS).casefold()
    return " ".join(NOT_A_WORD.sub(" ", text).split())


# "and" (و) or "so" (ف) written onto a word with the article: والهجرة is الهجرة to a reader. Neither the
# whole-word match nor PostgreSQL's Arabic stemmer (which strips بال لل كال but keeps وال) would find it.
CONJUNCTION_ON_ARTICLE = re.compile(r"(?<!\S)[وف](?=ال\S{2,})")


def searchable(text: str) -> str:
    """The form the index stores and the query is read in: `normalise`, then a conjunction written onto
    a word with the article split off (والهجرة -> الهجرة), in both alike."""
    return CONJUNCTION_ON_ARTICLE.sub("", normalise(text))


def words(text: str) -> list[str]:
    return normalise(text).split()


def language_of(text: str) -> str:
    """"ar" when the text has Arabic letters, else "en": for texts written in one language without saying which."""
    return "ar" if ARABIC_SCRIPT.search(text) else "en"
