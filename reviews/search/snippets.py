"""What a result shows: a few lines of the original text (never the normalised one) around the first
match, every character escaped, the matched words in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reviews.search.normalise import normalise

# A written word with its marks: letters and digits, Arabic diacritics and tatweel, Latin accents, joiners.
WORD = re.compile("(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640\u0300-\u036f\u200c\u200d])+")
# Clitics an Arabic word may carry before the word searched for (the PostgreSQL stemmer finds the word
# under them; the highlight follows it): and, so, with, like, for, the, and their combinations.
CLITICS = sorted({"و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل", "ول", "فل", "وب", "فب", "ولل"},
                 key=len, reverse=True)
SUFFIX_ROOM = 3  # a stemmed match may differ by a plural or a pronoun suffix
WORDS_AROUND = 18


def _forms(word: str) -> set[str]:
    forms = {word}
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            forms.add(word[len(clitic):])
    return forms


def word_matches(written: str, terms: set[str]) -> bool:
    """Whether a written word is one of the query's words: the same normalised word, or the same under a
    clitic or with a short suffix (what stemming finds)."""
    word = normalise(written).replace(" ", "")
    if not word:
        return False
    for form in _forms(word):
        for term in terms:
            for stem in _forms(term):
                if form == stem or (len(stem) >= 3 and form.startswith(stem) and len(form) - len(stem) <= SUFFIX_ROOM):
                    return True
    return False


def query_terms(pieces: list[str]) -> set[str]:
    return {word for piece in pieces for word in piece.split()}


def snippet(text: str, pieces: list[str]) -> SafeString:
    """The passage of `text` around its first matched word, escaped, with every matched word marked."""
    terms = query_terms(pieces)
    spans = [(match.start(), match.end(), word_matches(match.group(), terms)) for match in WORD.finditer(text)]
    if not spans:
        return escape(text[:200])
    first = next((index for index, span in enumerate(spans) if span[2]), 0)
    start_word, end_word = max(0, first - WORDS_AROUND // 3), min(len(spans), first + WORDS_AROUND)
    start = spans[start_word][0] if start_word else 0
    end = spans[end_word][0] if end_word < len(spans) else len(text)
    parts, cursor = ["…" if start else ""], start
    for word_start, word_end, matched in spans[start_word:end_word]:
        if matched:
            parts += [escape(text[cursor:word_start]), "<mark>", escape(text[word_start:word_end]), "</mark>"]
            cursor = word_end
    parts += [escape(text[cursor:end]).rstrip(), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))
