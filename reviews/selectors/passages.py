"""The passages the regional report quotes from countries' answers: each country's highlight under an
objective, taken from what the country last submitted (never its edits in progress).

A highlight is, by default, the first sentence (at most DEFAULT_WORDS words) of the answer to the
objective's first prompt; a reviewer may choose another range of sentences, of that answer or another of
the objective's prompts, in the synthesis editor (a CountryHighlight row). The same sentence split serves
the editor's picker and the report, so the range a reviewer picks is the passage printed.
"""

import re
from dataclasses import dataclass

from reviews.models import CountryHighlight, GuidingPrompt, Review, ReviewVersion
from reviews.models.content import ShownText, text_in

DEFAULT_WORDS = 60

# A sentence ends at . ! ? or the Arabic question mark (؟), with any closing quote or bracket, before a
# space; a line break always ends one. Decimal points (3.5) and codes (1.2) have no space after the dot.
_SENTENCE_END = re.compile(r"(?<=[.!?؟…][\"'”»)\]])\s+|(?<=[.!?؟…])\s+|\s*\n+\s*")


def sentences(text: str) -> list[str]:
    """The sentences of a text, in order, without empty ones."""
    return [part.strip() for part in _SENTENCE_END.split(text or "") if part and part.strip()]


def passage(text: str, *, first: int = 0, last: int = 0, max_words: int | None = None) -> str:
    """Sentences `first` to `last` (both included, clamped to the text), cut to `max_words` with "…"."""
    parts = sentences(text)
    if not parts:
        return ""
    first = min(max(first, 0), len(parts) - 1)
    last = min(max(last, first), len(parts) - 1)
    chosen = " ".join(parts[first:last + 1])
    words = chosen.split()
    if max_words and len(words) > max_words:
        return " ".join(words[:max_words]).rstrip("،,;؛:") + "…"
    return chosen


def latest_contents(review_ids) -> dict[int, dict]:
    """The content of each review's latest submitted version: what the country sent, not its later edits.
    One query."""
    latest = {}
    for version in ReviewVersion.objects.filter(review__in=list(review_ids)).order_by("review_id", "-number"):
        latest.setdefault(version.review_id, version.content)
    return latest


def objective_prompt_codes(cycle_id: int) -> list[str]:
    """The codes of the cycle's per-objective prompts, in the template's order (3.a, 3.b, ...)."""
    return list(GuidingPrompt.objects.filter(part__cycle_id=cycle_id, scope=GuidingPrompt.Scope.OBJECTIVE)
                .order_by("part__number", "position", "code").values_list("code", flat=True))


@dataclass
class Highlight:
    review: Review
    prompt_code: str
    text: ShownText  # the passage in the edition's language, or marked as only in the other one
    is_chosen: bool  # a reviewer chose it (else the default first sentence)


def _answer_texts(content: dict, *, code: str, objective: int) -> tuple[str, str]:
    for answer in content.get("answers", []):
        if answer["prompt"] == code and answer["objective"] == objective:
            return answer["text_ar"], answer["text_en"]
    return "", ""


def answer_sentences(content: dict, *, code: str, objective: int) -> tuple[str, list[str]]:
    """(language, sentences) of a submitted answer, in the language it was written in (the other one when
    that is empty): what the editor's picker numbers and a chosen range is checked against."""
    for answer in content.get("answers", []):
        if answer["prompt"] == code and answer["objective"] == objective:
            languages = ["en", "ar"] if answer.get("original_language") == "en" else ["ar", "en"]
            for language in languages:
                found = sentences(answer[f"text_{language}"])
                if found:
                    return language, found
    return "", []


def highlight_of(*, review: Review, content: dict, objective_number: int, language: str, default_code: str,
                 chosen: CountryHighlight | None = None) -> Highlight | None:
    """One country's passage under one objective, or None when its submitted answer has no text there."""
    code = chosen.prompt_code if chosen else default_code
    text_ar, text_en = _answer_texts(content, code=code, objective=objective_number)
    if chosen:
        cut = {"first": chosen.first_sentence, "last": chosen.last_sentence}
    else:
        cut = {"max_words": DEFAULT_WORDS}
    shown = text_in(text_ar=passage(text_ar, **cut), text_en=passage(text_en, **cut), language=language)
    if not shown["text"]:
        return None
    return Highlight(review=review, prompt_code=code, text=shown, is_chosen=chosen is not None)


def country_highlights(*, cycle_id: int, reviews: list[Review], language: str,
                       contents: dict[int, dict] | None = None) -> dict[int, list[Highlight]]:
    """Objective number -> the highlight of every review in `reviews` that reports it in its last submitted
    version, in the order of `reviews`. A fixed number of queries, whatever the number of countries.
    `reviews` must already be what the reader may see (the caller's visible queryset)."""
    contents = latest_contents(review.pk for review in reviews) if contents is None else contents
    codes = objective_prompt_codes(cycle_id)
    if not codes:
        return {}
    chosen = {(row.section.objective.number, row.review_id): row for row in CountryHighlight.objects.filter(
        section__chapter__cycle_id=cycle_id, review__in=[review.pk for review in reviews]).select_related(
        "section__objective")}
    found: dict[int, list[Highlight]] = {}
    for review in reviews:
        content = contents.get(review.pk, {})
        for row in content.get("objectives", []):
            number = row["objective"]
            highlight = highlight_of(review=review, content=content, objective_number=number, language=language,
                                     default_code=codes[0], chosen=chosen.get((number, review.pk)))
            if highlight:
                found.setdefault(number, []).append(highlight)
    return found

