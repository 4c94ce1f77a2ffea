"""Reads for the synthesis editor: chapters with their sections, citations and featured practices.

The cost of these reads does not grow with the number of chapters filled in or countries cited.
"""

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from reviews import rules
from reviews.models import (
    ChapterCitation,
    GoodPractice,
    GuidingPrompt,
    ObjectiveSynthesis,
    Review,
    ReviewCycle,
    SynthesisChange,
    SynthesisChapter,
)
from reviews.selectors.countries import country_name_order
from reviews.selectors.visibility import reviews_visible_to


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
    - `last_change`: its latest SynthesisChange (any text, citation or practice), or None;
    - `general_citations` / `general_practices`: those not under one of its objective sections,
      while each section gets `citations_here` / `practices_here`.
    """
    reviews = reviews_visible_to(user).filter(cycle=cycle).values("pk")
    latest_change = SynthesisChange.objects.filter(chapter=OuterRef("pk")).order_by("-created_at", "-pk")
    chapters = synthesis_chapters_visible_to(user).filter(cycle=cycle)
    if uid is not None:
        chapters = chapters.filter(uid=uid)
    chapters = list(
        chapters.annotate(last_change_id=Subquery(latest_change.values("pk")[:1])).prefetch_related(
            Prefetch("objective_syntheses", queryset=ObjectiveSynthesis.objects.select_related(
                "objective", "updated_by", "translation_verified_by").order_by("objective__number")),
            Prefetch("citations", queryset=ChapterCitation.objects.filter(review__in=reviews).select_related(
                "review__country", "created_by").order_by("review__country__iso2", "prompt_code",
                                                           "objective_number", "pk")),
            Prefetch("featured_practices", queryset=GoodPractice.objects.filter(
                review_objective__review__in=reviews).select_related(
                "review_objective__review__country", "review_objective__objective", "kind").order_by(
                "review_objective__objective__number", "review_objective__review__country__iso2", "pk")),
        )
    )
    if not chapters:
        return chapters
    changes = SynthesisChange.objects.select_related("user", "objective").in_bulk(
        [chapter.last_change_id for chapter in chapters if chapter.last_change_id])
    part_of_prompt = dict(GuidingPrompt.objects.filter(part__cycle=cycle).values_list("code", "part__number"))
    for chapter in chapters:
        chapter.last_change = changes.get(chapter.last_change_id)
        for citation in chapter.citations.all():
            citation.part_number = part_of_prompt.get(citation.prompt_code)
        _group_by_objective(chapter)
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
    return reviews_visible_to(user).filter(cycle=cycle).select_related("country").order_by(
        *country_name_order("country__"))


def cycle_prompts(cycle: ReviewCycle) -> QuerySet[GuidingPrompt]:
    return GuidingPrompt.objects.filter(part__cycle=cycle).select_related("part").order_by(
        "part__number", "position", "code")


def synthesis_changes(*, chapter: SynthesisChapter) -> QuerySet[SynthesisChange]:
    return chapter.changes.select_related("user", "objective")


def practices_of_visible_reviews(*, user) -> QuerySet[GoodPractice]:
    """The good practices a chapter may be asked to feature: those of any review the user sees."""
    return GoodPractice.objects.filter(review_objective__review__in=reviews_visible_to(user).values("pk"))
