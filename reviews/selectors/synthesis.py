"""Reads for the synthesis editor: chapters with their sections, citations and featured practices.

The cost of these reads does not grow with the number of chapters filled in or countries cited.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews import rules
from reviews.models import (
    ChapterCitation,
    Country,
    CountryHighlight,
    GoodPractice,
    GuidingPrompt,
    KeyMessage,
    Objective,
    ObjectiveSynthesis,
    Review,
    ReviewCycle,
    RoundTable,
    SynthesisChange,
    SynthesisChapter,
)
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.countries import by_country_name
from reviews.selectors.passages import (
    Highlight,
    answer_sentences,
    highlight_of,
    latest_contents,
    objective_prompt_codes,
)
from reviews.selectors.practices import practices_with_reference
from reviews.selectors.prefetched import as_prefetched, with_users
from reviews.selectors.reference import with_reference
from reviews.selectors.visibility import reviews_visible_to
from reviews.selectors.workspace import cycle_template_parts


def synthesis_chapters_visible_to(user) -> QuerySet[SynthesisChapter]:
    """The regional staff see (and write) every chapter; nobody else sees the synthesis yet."""
    if not rules.can_follow_region(user):
        return SynthesisChapter.objects.none()
    return SynthesisChapter.objects.select_related("cycle", "round_table", "updated_by", "translation_verified_by")


def synthesis_chapters(*, user, cycle: ReviewCycle, uid=None) -> list[SynthesisChapter]:
    """The cycle's chapters (or the one with `uid`) in report order, each with:

    - `objective_syntheses`: its per-objective sections, by objective number;
    - `citations`: the country answers it cites, with the review's country and `part_number`
      (None when the cycle's template no longer has the prompt);
    - `featured_practices`: with the country and the objective;
    - `general_citations` / `general_practices`: those not under one of its objective sections,
      while each section gets `citations_here` / `practices_here`.
    """
    # The reviews' ids as a list: a subquery in each query costs more to compile than the list costs to read.
    reviews = list(reviews_visible_to(user).filter(cycle=cycle).order_by().values_list("pk", flat=True))
    chapters = synthesis_chapters_visible_to(user).filter(cycle=cycle).select_related(None).order_by("position", "pk")
    if uid is not None:
        chapters = chapters.filter(uid=uid)
    chapters = with_reference(list(chapters), round_table=RoundTable)
    # Each relation in one plain query, the reference rows it names from the lists kept per process: a
    # prefetch_related with joins for those rows cost twice as much.
    ids = [chapter.pk for chapter in chapters]
    sections = with_reference(list(ObjectiveSynthesis.objects.filter(chapter_id__in=ids).order_by()),
                              objective=Objective)
    citations = list(ChapterCitation.objects.filter(chapter_id__in=ids, review__in=reviews).select_related(
        "review").order_by())
    with_reference([citation.review for citation in citations], country=Country)
    practices = list(GoodPractice.objects.filter(synthesis_chapters__in=ids, review_objective__review__in=reviews)
                     .annotate(chapter_id=F("synthesis_chapters")).select_related("review_objective__review")
                     .order_by())
    practices_with_reference(practices)
    with_users([*chapters, *sections], "updated_by", "translation_verified_by")
    part_of_prompt = {prompt.code: prompt.part.number for prompt in cycle_prompts(cycle)}
    for citation in citations:
        citation.part_number = part_of_prompt.get(citation.prompt_code)
    sections_of, citations_of, practices_of = (_by_chapter(rows) for rows in (sections, citations, practices))
    for chapter in chapters:
        chapter.cycle = cycle
        as_prefetched(chapter, "objective_syntheses", sorted(
            sections_of[chapter.pk], key=lambda section: section.objective.number))
        as_prefetched(chapter, "citations", sorted(citations_of[chapter.pk], key=lambda citation: (
            citation.review.country.iso2, citation.prompt_code, citation.objective_number or 0, citation.pk)))
        as_prefetched(chapter, "featured_practices", sorted(practices_of[chapter.pk], key=lambda practice: (
            practice.review_objective.objective.number, practice.review_objective.review.country.iso2, practice.pk)))
        for section in chapter.objective_syntheses.all():
            section.chapter = chapter
        _group_by_objective(chapter)
    return chapters


def _by_chapter(rows: list) -> defaultdict:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.chapter_id].append(row)
    return grouped


def with_last_change(chapters: list[SynthesisChapter]) -> list[SynthesisChapter]:
    """The chapters, each with `last_change`: its latest SynthesisChange (any text, citation or practice),
    or None. Two queries."""
    latest = SynthesisChange.objects.filter(chapter=OuterRef("pk")).order_by("-created_at", "-pk")
    last_ids = dict(SynthesisChapter.objects.filter(pk__in=[chapter.pk for chapter in chapters]).annotate(
        last_change_id=Subquery(latest.values("pk")[:1])).values_list("pk", "last_change_id"))
    changes = SynthesisChange.objects.select_related("user", "objective").in_bulk(
        [pk for pk in last_ids.values() if pk])
    for chapter in chapters:
        chapter.last_change = changes.get(last_ids.get(chapter.pk))
    return chapters


def _group_by_objective(chapter: SynthesisChapter) -> None:
    """Put each citation and practice under the section of its objective, the rest at chapter level."""
    sections = {section.objective.number: section for section in chapter.objective_syntheses.all()}
    for section in sections.values():
        section.citations_here, section.practices_here = [], []
    chapter.general_citations, chapter.general_practices = [], []
    for citation in chapter.citations.all():
        section = sections.get(citation.objective_number)
        (section.citations_here if section else chapter.general_citations).append(citation)
    for practice in chapter.featured_practices.all():
        section = sections.get(practice.review_objective.objective.number)
        (section.practices_here if section else chapter.general_practices).append(practice)
    chapter.sections_written = sum(1 for section in sections.values() if section.is_written)


def practices_for_chapter(*, user, chapter: SynthesisChapter) -> QuerySet[GoodPractice]:
    """The good practices a chapter may feature: those of the cycle's reviews the user sees; for a
    round-table chapter, only those on the round table's objectives."""
    practices = GoodPractice.objects.filter(
        review_objective__review__in=reviews_visible_to(user).filter(cycle_id=chapter.cycle_id).values("pk"),
        review_objective__is_reported=True,
    )
    if chapter.round_table_id:
        practices = practices.filter(review_objective__objective__round_table_id=chapter.round_table_id)
    return practices.select_related("review_objective__review__country", "review_objective__objective",
                                    "kind").order_by("review_objective__objective__number",
                                                     "review_objective__review__country__iso2", "pk")


def citable_reviews(*, user, cycle: ReviewCycle) -> QuerySet[Review]:
    """The reviews a chapter may cite, with their country; unordered (a list shows them by_country_name)."""
    return reviews_visible_to(user).filter(cycle=cycle).select_related("country").order_by()


def cycle_prompts(cycle: ReviewCycle) -> list[GuidingPrompt]:
    """The cycle's prompts in template order, each with its `part`: from the template kept per process."""
    return [prompt for part in cycle_template_parts(cycle.pk) for prompt in part.prompts.all()]


_FIELD_LABELS = {"text_ar": gettext_lazy("Arabic text"), "text_en": gettext_lazy("English text"),
                 "objectives": gettext_lazy("objectives"), "position": gettext_lazy("place in the list"),
                 "citations": gettext_lazy("Country answers cited"),
                 "featured_practices": gettext_lazy("Good practices featured"),
                 "verified": gettext_lazy("Translation verified")}


def recent_changes(*, chapter: SynthesisChapter, limit: int = 20) -> list[SynthesisChange]:
    """The chapter's latest changes, each with a `label` a reader understands: a key message by its number
    now ("Key message 2 · English text"), a highlight by its country. Four queries at most."""
    latest = chapter.changes.defer("before", "after")[:limit]  # the texts: not listed
    changes = with_reference(with_users(list(latest), "user"), objective=Objective)
    numbers = {str(uid): number for number, uid in enumerate(
        chapter.key_messages.order_by("position", "pk").values_list("uid", flat=True), start=1)
    } if any(change.field.startswith("message/") for change in changes) else {}
    countries = dict(Country.objects.filter(iso2__in={change.field.split("/")[1] for change in changes
                                                      if change.field.startswith("highlight/")})
                     .order_by().values_list("iso2", "name"))
    for change in changes:
        parts = change.field.split("/")
        if parts[0] == "message" and len(parts) == 3:
            field = _FIELD_LABELS.get(parts[2], parts[2])
            change.label = (_("Key message %(number)s · %(field)s") % {"number": numbers[parts[1]], "field": field}
                            if parts[1] in numbers else _("Deleted key message · %(field)s") % {"field": field})
        elif parts[0] == "highlight" and len(parts) == 2:
            change.label = _("Highlight of %(country)s") % {"country": countries.get(parts[1], parts[1])}
        elif parts[0] == "stakeholder" and len(parts) == 2:
            change.label = _("Stakeholder perspectives")
        else:
            change.label = _FIELD_LABELS.get(change.field, change.field)
    return changes


def practices_of_visible_reviews(*, user) -> QuerySet[GoodPractice]:
    """The good practices a chapter may be asked to feature: those of any review the user sees."""
    return GoodPractice.objects.filter(review_objective__review__in=reviews_visible_to(user).values("pk"))


# --- key messages and country highlights ------------------------------------------------------------------------


def key_messages(*, chapter: SynthesisChapter) -> QuerySet[KeyMessage]:
    """The key-messages chapter's messages in their order, with their objectives."""
    return chapter.key_messages.select_related("updated_by", "translation_verified_by").prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.order_by("number"))).order_by("position", "pk")


def highlight_counts(*, chapter: SynthesisChapter) -> dict[int, int]:
    """Objective number -> how many countries have a chosen (not default) passage in the chapter's section
    (the chapter as synthesis_chapters reads it, with its sections)."""
    sections = {section.pk: section.objective.number for section in chapter.objective_syntheses.all()}
    return dict(Counter(sections[section_id] for section_id in CountryHighlight.objects.filter(
        section_id__in=sections).values_list("section_id", flat=True)))


@dataclass
class HighlightChoice:
    """One country's highlight under an objective, as the editor shows it: the default passage, the chosen
    one (a CountryHighlight, None when the default stands) and the passage the report prints."""

    review: Review
    default: Highlight | None
    chosen: CountryHighlight | None
    shown: Highlight | None

    @property
    def version(self) -> int:
        """The version a change of this choice starts from: 0 while the default stands."""
        return self.chosen.version if self.chosen else 0


def highlight_choices(*, user, section: ObjectiveSynthesis, language: str, review: Review | None = None,
                      contents: dict[int, dict] | None = None) -> list[HighlightChoice]:
    """Every review the user sees that the regional report compiles and that reports the section's objective
    in its last submitted version (or only `review`), by country name, with its default and chosen passages.
    A fixed number of queries, whatever the number of countries."""
    reviews = compiled_reviews(user=user, cycle=section.chapter.cycle).select_related("country")
    if review is not None:
        reviews = reviews.filter(pk=review.pk)
    reviews = by_country_name(reviews, lambda row: row.country)
    contents = latest_contents(row.pk for row in reviews) if contents is None else contents
    codes = objective_prompt_codes(section.chapter.cycle_id)
    chosen = {row.review_id: row for row in CountryHighlight.objects.filter(
        section=section, review__in=[row.pk for row in reviews]).select_related("updated_by")}
    number = section.objective.number
    choices = []
    for row in reviews:
        content = contents.get(row.pk, {})
        if not codes or number not in {item["objective"] for item in content.get("objectives", [])}:
            continue
        common = {"review": row, "content": content, "objective_number": number, "language": language,
                  "default_code": codes[0]}
        default = highlight_of(**common)
        shown = highlight_of(**common, chosen=chosen[row.pk]) if row.pk in chosen else default
        choices.append(HighlightChoice(review=row, default=default, chosen=chosen.get(row.pk), shown=shown))
    return choices


@dataclass
class AnswerSentences:
    """A submitted answer to one objective prompt, split as the report splits it, in the language it was
    written in: what the picker numbers."""

    prompt: GuidingPrompt
    language: str
    sentences: list[str]


def highlight_answers(*, section: ObjectiveSynthesis, content: dict) -> list[AnswerSentences]:
    """The answers a country's highlight may quote under the section's objective: each objective prompt's
    answer in the country's last submitted version (`content`), in the template's order; unanswered ones
    left out."""
    prompts = GuidingPrompt.objects.filter(part__cycle_id=section.chapter.cycle_id,
                                           scope=GuidingPrompt.Scope.OBJECTIVE).order_by("part__number", "position",
                                                                                         "code")
    answers = []
    for prompt in prompts:
        language, parts = answer_sentences(content, code=prompt.code, objective=section.objective.number)
        if parts:
            answers.append(AnswerSentences(prompt=prompt, language=language, sentences=parts))
    return answers
