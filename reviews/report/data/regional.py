"""The regional report's data: a synthesis of the included reviews, each as last submitted."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.models import (
    GoodPracticeCriterion,
    GuidingPrompt,
    KeyMessage,
    Objective,
    Organisation,
    PracticeType,
    Review,
    ReviewCycle,
    ReviewObjective,
    SynthesisChapter,
)
from reviews.models.content import ShownText
from reviews.report.data.parts import (
    ActionRow,
    CountryPassage,
    CountryProfile,
    PolicyRow,
    PreparationRow,
    action_rows,
    compiled_passages,
    country_profiles,
    plan_status_rows,
    policies_by_year,
    policy_rows,
    preparation_rows,
    stakeholder_rows,
)
from reviews.report.data.versions import PrintedVersion, printed_versions
from reviews.selectors.compilation import COMPILED_STATUSES, compiled_reviews
from reviews.selectors.countries import by_country_name, name_sort_key
from reviews.selectors.figures import BarRow, bar_rows
from reviews.selectors.passages import Highlight, country_highlights
from reviews.selectors.synthesis import synthesis_chapters
from reviews.selectors.visibility import countries_visible_to, reviews_visible_to
from stakeholders.selectors import ContributorGroup, Perspective, report_contributors, report_perspectives

PART_PROMPTS = {  # the part-level questions each compiled chapter quotes, country by country
    SynthesisChapter.Kind.POLICY: ("2.2",),  # institutional arrangements: the coordination mechanisms
    SynthesisChapter.Kind.MEANS: ("4.1", "4.2", "4.3", "4.4"),
    SynthesisChapter.Kind.NEXT_STEPS: ("5.1", "5.2"),
}


@dataclass
class StatusRow:
    country_name: str
    status: str  # label; empty when not submitted
    submitted_at: datetime.datetime | None = None
    is_late: bool = False
    is_included: bool = False
    printed: PrintedVersion | None = None  # the version the report prints, when included


@dataclass
class KeyMessageItem:
    number: int
    text: ShownText
    objectives: list[int]
    objectives_text: str  # "3, 7" ("3، 7" in Arabic)


@dataclass
class Chapter:
    """A chapter of the report: its title in the edition's language, and what the staff wrote for it (none
    when nobody created the chapter)."""
    kind: str
    title: str
    anchor: str
    text: ShownText | None = None
    citations: list = field(default_factory=list)
    practices: list["PracticeCase"] = field(default_factory=list)
    pk: int | None = None  # the SynthesisChapter's
    sections: dict = field(default_factory=dict)  # objective number -> its ObjectiveSynthesis, as shown


@dataclass
class PracticeCase:
    review: Review
    objective_number: int
    title: str
    kind: str
    criteria: list[str]
    description: str
    period: str = ""


@dataclass
class PromptCompilation:
    code: str
    prompt: str
    passages: list[CountryPassage]


@dataclass
class ObjectiveSection:
    objective: Objective
    anchor: str
    text: ShownText | None
    citations: list
    reporting: int
    priority: int
    stages: list[BarRow]
    highlights: list[Highlight]
    practices: list[PracticeCase]
    stages_then: list[BarRow] = field(default_factory=list)  # in the previous cycle (report/data/progress.py)


@dataclass
class RoundTableChapter(Chapter):
    round_table: object = None
    objectives: list[ObjectiveSection] = field(default_factory=list)
    perspectives: list[Perspective] = field(default_factory=list)  # stakeholders' inputs the chapter quotes


@dataclass
class RegionalReport:
    cycle: ReviewCycle
    language: str
    organisations: list[Organisation]
    reviews: list[Review]
    statuses: list[StatusRow]
    not_final: bool  # the build includes reviews not yet accepted
    key_messages_chapter: Chapter
    key_messages: list[KeyMessageItem]
    summary: Chapter
    process: Chapter
    preparation: list[PreparationRow]
    stakeholders: list[BarRow]
    policy: Chapter
    policies: list[PolicyRow]
    policies_by_year: list[BarRow]
    plan_status: list[BarRow]
    round_tables: list[RoundTableChapter]
    means: Chapter
    next_steps: Chapter
    actions: list[ActionRow]
    conclusions: Chapter
    extra_chapters: list[Chapter]  # chapters of an earlier layout that still hold text (the introduction)
    compilations: dict[str, list[PromptCompilation]]  # chapter kind -> its questions compiled
    profiles: list[CountryProfile]
    catalogue: list[tuple[Objective, list[PracticeCase]]]
    data_date: datetime.datetime | None
    include_submitted: bool
    generated_on: datetime.date = field(default_factory=timezone.localdate)
    contributors: list[ContributorGroup] = field(default_factory=list)  # the annex of stakeholder organisations
    progress: Chapter | None = None  # "Progress since the previous review", after the round tables

    @property
    def chapters(self) -> list[Chapter]:
        """The chapters in report order, for the contents."""
        return [self.key_messages_chapter, self.summary, *self.extra_chapters, self.process, self.policy,
                *self.round_tables, *([self.progress] if self.progress else []), self.means, self.next_steps,
                self.conclusions]


def regional_report(*, cycle: ReviewCycle, user, language: str, include_submitted: bool = False) -> RegionalReport:
    """The whole regional report for one edition: accepted reviews only, or every submitted one, each as
    last submitted. A fixed number of queries, whatever the number of countries."""
    accepted_only = not include_submitted
    reviews = by_country_name(compiled_reviews(user=user, cycle=cycle, accepted_only=accepted_only)
                              .select_related("country"), lambda review: review.country)
    included = {review.pk for review in reviews}
    printed = printed_versions(reviews)
    contents = {pk: version.content for pk, version in printed.items()}
    objectives = list(Objective.objects.select_related("round_table").order_by("round_table__number", "number"))
    practices = _practices(reviews, contents)
    by_uid = {case_uid: case for case_uid, case in practices}
    chapters = _chapters(user=user, cycle=cycle, language=language, included=included, by_uid=by_uid)
    prompts = dict(GuidingPrompt.objects.filter(part__cycle=cycle, scope=GuidingPrompt.Scope.PART)
                   .values_list("code", "text"))

    def chapter(kind) -> Chapter:
        return chapters.get((kind, None)) or Chapter(kind=kind, title=str(SynthesisChapter.Kind(kind).label),
                                                     anchor=kind)

    compilations = {
        kind: [PromptCompilation(code=code, prompt=prompts[code],
                                 passages=compiled_passages(reviews, contents, code=code, language=language))
               for code in codes if code in prompts]
        for kind, codes in PART_PROMPTS.items()}
    report = RegionalReport(
        cycle=cycle, language=language, organisations=list(Organisation.objects.all()), reviews=reviews,
        statuses=_statuses(user=user, cycle=cycle, included=included, printed=printed),
        not_final=any(review.status != Review.Status.ACCEPTED for review in reviews),
        key_messages_chapter=chapter(SynthesisChapter.Kind.KEY_MESSAGES),
        key_messages=_key_messages(chapters.get((SynthesisChapter.Kind.KEY_MESSAGES, None)), language=language),
        summary=chapter(SynthesisChapter.Kind.EXECUTIVE_SUMMARY),
        process=chapter(SynthesisChapter.Kind.METHODOLOGY),
        preparation=preparation_rows(reviews, contents),
        stakeholders=stakeholder_rows(reviews, contents),
        policy=chapter(SynthesisChapter.Kind.POLICY),
        policies=policy_rows(reviews, contents),
        policies_by_year=policies_by_year(contents),
        plan_status=plan_status_rows(reviews, contents),
        round_tables=_round_tables(objectives, chapters=chapters, reviews=reviews, contents=contents,
                                   highlights=country_highlights(cycle_id=cycle.pk, reviews=reviews,
                                                                 language=language, contents=contents)),
        means=chapter(SynthesisChapter.Kind.MEANS),
        next_steps=chapter(SynthesisChapter.Kind.NEXT_STEPS),
        actions=action_rows(reviews, contents),
        conclusions=chapter(SynthesisChapter.Kind.CONCLUSIONS),
        extra_chapters=[found for (kind, _rt), found in chapters.items()
                        if kind == SynthesisChapter.Kind.INTRODUCTION and found.text],
        compilations=compilations,
        profiles=country_profiles(reviews, printed=printed, objectives=objectives, language=language),
        catalogue=_catalogue(objectives, practices=[case for _uid, case in practices]),
        data_date=max((version.submitted_at for version in printed.values()), default=None),
        include_submitted=include_submitted,
    )
    _stakeholder_voices(report, user=user, language=language)
    _progress_add(report, user=user, contents=contents, objectives=objectives)
    return report


def _stakeholder_voices(report: RegionalReport, *, user, language: str) -> None:
    """Each round-table chapter's quoted stakeholder passages, and the annex of the organisations (two queries)."""
    perspectives = report_perspectives(user=user, cycle=report.cycle, language=language)
    for chapter in report.round_tables:
        chapter.perspectives = perspectives.get(chapter.round_table.pk, [])
    report.contributors = report_contributors(user=user, cycle=report.cycle, language=language)


def _progress_add(report: RegionalReport, *, user, contents: dict, objectives: list[Objective]) -> None:
    """The progress chapter, and each objective section's stages in the previous cycle."""
    from reviews.report.data.progress import progress_chapter  # it builds on this module's Chapter

    report.progress = progress_chapter(user=user, cycle=report.cycle, reviews=report.reviews, contents=contents,
                                       objectives=objectives)
    if report.progress is None:
        return
    for chapter in report.round_tables:
        for section in chapter.objectives:
            section.stages_then = report.progress.stages_then.get(section.objective.number, [])


def _round_tables(objectives: list[Objective], *, chapters: dict, reviews: list[Review], contents: dict,
                  highlights: dict[int, list[Highlight]]) -> list[RoundTableChapter]:
    """One chapter per round table, in their order, with a section per objective (a round table whose
    chapter nobody created still prints, titled with the round table's title, without synthesis)."""
    found = []
    for round_table in {objective.round_table_id: objective.round_table for objective in objectives}.values():
        chapter = chapters.get((SynthesisChapter.Kind.ROUND_TABLE, round_table.pk))
        rt = RoundTableChapter(kind=SynthesisChapter.Kind.ROUND_TABLE, anchor=f"rt-{round_table.number}",
                               title=chapter.title if chapter else round_table.title,
                               text=chapter.text if chapter else None,
                               citations=chapter.citations if chapter else [], round_table=round_table)
        sections = chapter.sections if chapter else {}
        rt.objectives = [
            _objective_section(objective, section=sections.get(objective.number), reviews=reviews,
                               contents=contents, highlights=highlights.get(objective.number, []))
            for objective in objectives if objective.round_table_id == round_table.pk]
        found.append(rt)
    return found


def _catalogue(objectives: list[Objective], *, practices: list[PracticeCase]) -> list[tuple[Objective, list]]:
    """The annex's catalogue: every practice, by objective number, then by country name."""
    by_objective: dict[int, list[PracticeCase]] = {}
    for case in practices:
        by_objective.setdefault(case.objective_number, []).append(case)
    return [(objective, by_objective[objective.number]) for objective in sorted(objectives, key=lambda o: o.number)
            if objective.number in by_objective]


def _chapters(*, user, cycle: ReviewCycle, language: str, included: set[int], by_uid: dict) -> dict:
    """(kind, round table id) -> Chapter, with its sections by objective number on `sections`. A chapter may
    cite a review the report leaves out (submitted, not accepted): such citations and practices are dropped.
    A featured practice is printed as last submitted (found by its uid), and left out when added since."""
    found = {}
    for row in synthesis_chapters(user=user, cycle=cycle):
        chapter = Chapter(kind=row.kind, title=row.title, anchor=(f"rt-{row.round_table.number}" if row.round_table_id
                                                                   else row.kind),
                          text=_written(row.text_in(language)),
                          citations=[c for c in row.general_citations if c.review_id in included],
                          practices=_featured(row.general_practices, by_uid), pk=row.pk)
        for section in row.objective_syntheses.all():
            section.shown = _written(section.text_in(language))
            section.citations_shown = [c for c in section.citations_here if c.review_id in included]
            section.practices_shown = _featured(section.practices_here, by_uid)
            chapter.sections[section.objective.number] = section
        found[(row.kind, row.round_table_id)] = chapter
    return found


def _list_separator(language: str) -> str:
    return "، " if language == "ar" else ", "


def _written(text: ShownText) -> ShownText | None:
    return text if text["text"] else None


def _featured(practices, by_uid: dict) -> list[PracticeCase]:
    return [by_uid[str(practice.uid)] for practice in practices if str(practice.uid) in by_uid]


def _key_messages(chapter: Chapter | None, *, language: str) -> list[KeyMessageItem]:
    if chapter is None:
        return []
    rows = KeyMessage.objects.filter(chapter_id=chapter.pk).prefetch_related("objectives").order_by("position", "pk")
    items = []
    for row in rows:
        text = row.text_in(language)
        if text["text"]:
            numbers = sorted(objective.number for objective in row.objectives.all())
            items.append(KeyMessageItem(number=len(items) + 1, text=text, objectives=numbers,
                                        objectives_text=_list_separator(language).join(map(str, numbers))))
    return items


def _objective_section(objective: Objective, *, section, reviews: list[Review], contents: dict,
                       highlights: list[Highlight]) -> ObjectiveSection:
    rows = [row for review in reviews for row in contents.get(review.pk, {}).get("objectives", [])
            if row["objective"] == objective.number]
    stages = [row["stage"] for row in rows]
    counts = [(str(label), stages.count(value)) for value, label in ReviewObjective.Stage.choices]
    if "" in stages:
        counts.append((_("Not stated"), stages.count("")))
    return ObjectiveSection(
        objective=objective, anchor=f"o{objective.number}",
        text=section.shown if section else None, citations=section.citations_shown if section else [],
        reporting=len(rows), priority=sum(1 for row in rows if row["is_priority"]),
        stages=bar_rows(counts, scale=len(rows)), highlights=highlights,
        practices=section.practices_shown if section else [],
    )


def _practices(reviews: list[Review], contents: dict) -> list[tuple[str, PracticeCase]]:
    """Every good practice of the included reviews as last submitted, with its uid: by objective, then by
    country name. Two queries (the type and criterion names)."""
    kinds = dict(PracticeType.objects.values_list("code", "name"))
    criteria = dict(GoodPracticeCriterion.objects.values_list("code", "name"))
    found = []
    for review in reviews:
        for row in contents.get(review.pk, {}).get("objectives", []):
            for practice in row.get("practices", []):
                found.append((practice.get("uid", ""), PracticeCase(
                    review=review, objective_number=row["objective"], title=practice["title"],
                    kind=kinds.get(practice["kind"], practice["kind"]),
                    criteria=[criteria.get(code, code) for code in practice.get("criteria", [])],
                    description=practice.get("description", ""), period=practice.get("period", ""))))
    return sorted(found, key=lambda item: item[1].objective_number)  # stable: countries stay in name order


def _statuses(*, user, cycle: ReviewCycle, included: set[int], printed: dict[int, PrintedVersion]) -> list[StatusRow]:
    reviews = {review.country_id: review for review in reviews_visible_to(user).filter(cycle=cycle)}
    rows = []
    for country in countries_visible_to(user):
        review = reviews.get(country.pk)
        if review is None or review.status not in COMPILED_STATUSES:  # a draft is the country's private work
            rows.append(StatusRow(country_name=country.name, status=""))
        else:
            rows.append(StatusRow(country_name=country.name, status=review.get_status_display(),
                                  submitted_at=review.submitted_at, is_late=review.is_late,
                                  is_included=review.pk in included, printed=printed.get(review.pk)))
    return sorted(rows, key=lambda row: name_sort_key(row.country_name))
