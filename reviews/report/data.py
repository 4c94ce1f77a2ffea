"""What the PDFs print, gathered once per edition (run inside `translation.override(language)`: the
reference names, status labels and figure labels come out in that edition's language).

Every review comes through `reviews_visible_to` (via the compilation selectors), so the report never
holds more than the user may see, and a draft never reaches the regional report. The regional report and
the compendium print each review's last submitted version (a review sent back for revision included, and
said so), never the country's edits in progress. The cost is a fixed number of queries whatever the number
of countries.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.models import (
    GoodPracticeCriterion,
    GuidingPrompt,
    KeyMessage,
    Objective,
    Organisation,
    PlanStatus,
    Policy,
    PracticeType,
    Review,
    ReviewCycle,
    ReviewObjective,
    ReviewVersion,
    StakeholderCategory,
    SynthesisChapter,
)
from reviews.models.content import ShownText, text_in
from reviews.selectors.compilation import COMPILED_STATUSES, compiled_reviews
from reviews.selectors.countries import by_country_name, name_sort_key
from reviews.selectors.figures import BarRow, bar_rows
from reviews.selectors.passages import Highlight, country_highlights, passage
from reviews.selectors.snapshot import review_snapshot
from reviews.selectors.synthesis import synthesis_chapters
from reviews.selectors.visibility import countries_visible_to, reviews_visible_to
from reviews.selectors.workspace import cycle_template_parts
from reviews.services.errors import NotFound


# --- the regional report ---------------------------------------------------------------------------------------

COMPILED_WORDS = 40  # a country's passage in a compiled chapter (process, policy, means, next steps)
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
    printed: "PrintedVersion | None" = None  # the version the report prints, when included


@dataclass
class PrintedVersion:
    """The version of a review the report prints: its last submitted one, never the edits in progress."""
    number: int
    submitted_at: datetime.datetime
    content: dict
    is_sent_back: bool  # the review was sent back for revision: the report prints what was last submitted


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
class CountryPassage:
    review: Review
    text: ShownText


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


@dataclass
class RoundTableChapter(Chapter):
    round_table: object = None
    objectives: list[ObjectiveSection] = field(default_factory=list)


@dataclass
class PreparationRow:
    review: Review
    entities: int
    consultations: int
    participants: int
    categories: int


@dataclass
class PolicyRow:
    review: Review
    adopted: int
    years: str  # "2019, 2021 (2)"
    plan: str


@dataclass
class ActionRow:
    review: Review
    actions: int
    support: int  # actions that need support


@dataclass
class CountryProfile:
    review: Review
    facts: list[tuple[str, str]]
    lead_institution: ShownText | None
    key_messages: ShownText | None
    objectives: list[dict]  # {number, title, is_priority, stage_label} as last submitted
    printed: PrintedVersion | None = None


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

    @property
    def chapters(self) -> list[Chapter]:
        """The chapters in report order, for the contents."""
        return [self.key_messages_chapter, self.summary, *self.extra_chapters, self.process, self.policy,
                *self.round_tables, self.means, self.next_steps, self.conclusions]


def printed_versions(reviews: list[Review]) -> dict[int, PrintedVersion]:
    """The last submitted version of each review (one query): the report prints it, whatever the country
    has changed since, and says when the review was sent back for revision."""
    by_id = {review.pk: review for review in reviews}
    printed: dict[int, PrintedVersion] = {}
    for version in ReviewVersion.objects.filter(review__in=list(by_id)).order_by("review_id", "-number").only(
            "review_id", "number", "submitted_at", "content"):
        if version.review_id not in printed:
            printed[version.review_id] = PrintedVersion(
                number=version.number, submitted_at=version.submitted_at, content=version.content,
                is_sent_back=by_id[version.review_id].status == Review.Status.REVISION_REQUESTED)
    return printed


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
    key_chapter = chapters.get((SynthesisChapter.Kind.KEY_MESSAGES, None))
    highlights = country_highlights(cycle_id=cycle.pk, reviews=reviews, language=language, contents=contents)
    prompts = dict(GuidingPrompt.objects.filter(part__cycle=cycle, scope=GuidingPrompt.Scope.PART)
                   .values_list("code", "text"))

    def chapter(kind) -> Chapter:
        return chapters.get((kind, None)) or Chapter(kind=kind, title=str(_default_title(kind)), anchor=kind)

    round_tables = []
    for round_table in {objective.round_table_id: objective.round_table for objective in objectives}.values():
        found = chapters.get((SynthesisChapter.Kind.ROUND_TABLE, round_table.pk))
        rt = RoundTableChapter(kind=SynthesisChapter.Kind.ROUND_TABLE, title=found.title if found else round_table.title,
                               anchor=f"rt-{round_table.number}", text=found.text if found else None,
                               citations=found.citations if found else [], round_table=round_table)
        sections = found.sections if found else {}  # a round table without its chapter: no synthesis yet
        for objective in (o for o in objectives if o.round_table_id == round_table.pk):
            rt.objectives.append(_objective_section(
                objective, section=sections.get(objective.number), reviews=reviews, contents=contents,
                highlights=highlights.get(objective.number, [])))
        round_tables.append(rt)
    compilations = {kind: [PromptCompilation(code=code, prompt=prompts.get(code, code),
                                             passages=_passages(reviews, contents, code=code, language=language))
                           for code in codes if code in prompts]
                    for kind, codes in PART_PROMPTS.items()}
    catalogue: dict[int, list[PracticeCase]] = {}
    for _uid, case in practices:
        catalogue.setdefault(case.objective_number, []).append(case)
    return RegionalReport(
        cycle=cycle, language=language, organisations=list(Organisation.objects.all()), reviews=reviews,
        statuses=_statuses(user=user, cycle=cycle, included=included, printed=printed),
        not_final=any(review.status != Review.Status.ACCEPTED for review in reviews),
        key_messages_chapter=key_chapter or Chapter(kind=SynthesisChapter.Kind.KEY_MESSAGES,
                                                    title=str(_default_title(SynthesisChapter.Kind.KEY_MESSAGES)),
                                                    anchor=SynthesisChapter.Kind.KEY_MESSAGES),
        key_messages=_key_messages(key_chapter, language=language),
        summary=chapter(SynthesisChapter.Kind.EXECUTIVE_SUMMARY),
        process=chapter(SynthesisChapter.Kind.METHODOLOGY),
        preparation=_preparation(reviews, contents),
        stakeholders=_stakeholders(reviews, contents),
        policy=chapter(SynthesisChapter.Kind.POLICY),
        policies=_policy_rows(reviews, contents),
        policies_by_year=_policies_by_year(contents),
        plan_status=_plan_status(reviews, contents),
        round_tables=round_tables,
        means=chapter(SynthesisChapter.Kind.MEANS),
        next_steps=chapter(SynthesisChapter.Kind.NEXT_STEPS),
        actions=_action_rows(reviews, contents),
        conclusions=chapter(SynthesisChapter.Kind.CONCLUSIONS),
        extra_chapters=[found for (kind, _rt), found in chapters.items()
                        if kind == SynthesisChapter.Kind.INTRODUCTION and found.text],
        compilations=compilations,
        profiles=_profiles(reviews, printed=printed, objectives=objectives, language=language),
        catalogue=[(objective, catalogue[objective.number]) for objective in sorted(objectives, key=lambda o: o.number)
                   if objective.number in catalogue],
        data_date=max((version.submitted_at for version in printed.values()), default=None),
        include_submitted=include_submitted,
    )


def _default_title(kind: str) -> str:
    return SynthesisChapter.Kind(kind).label


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


def _passages(reviews: list[Review], contents: dict, *, code: str, language: str) -> list[CountryPassage]:
    """Each country's answer to a part's question, its first sentences (at most COMPILED_WORDS words)."""
    found = []
    for review in reviews:
        for answer in contents.get(review.pk, {}).get("answers", []):
            if answer["prompt"] == code and not answer["objective"]:
                text = text_in(text_ar=passage(answer["text_ar"], max_words=COMPILED_WORDS),
                               text_en=passage(answer["text_en"], max_words=COMPILED_WORDS), language=language)
                if text["text"]:
                    found.append(CountryPassage(review=review, text=text))
    return found


def _preparation(reviews: list[Review], contents: dict) -> list[PreparationRow]:
    rows = []
    for review in reviews:
        content = contents.get(review.pk, {})
        consultations = content.get("consultations", [])
        rows.append(PreparationRow(
            review=review, entities=len(content.get("entities", [])), consultations=len(consultations),
            participants=sum(row["participants"] or 0 for row in consultations),
            categories=len({code for row in consultations for code in row["categories"]})))
    return rows


def _stakeholders(reviews: list[Review], contents: dict) -> list[BarRow]:
    """Countries whose consultations included each stakeholder category (one query: the names)."""
    counts = []
    for code, name in StakeholderCategory.objects.values_list("code", "name"):
        counts.append((name, sum(1 for review in reviews if any(
            code in row["categories"] for row in contents.get(review.pk, {}).get("consultations", [])))))
    return bar_rows(sorted(counts, key=lambda row: -row[1]), scale=len(reviews))


def _policy_rows(reviews: list[Review], contents: dict) -> list[PolicyRow]:
    plan_labels = dict(PlanStatus.choices)
    rows = []
    for review in reviews:
        content = contents.get(review.pk, {})
        years = Counter(row["year"] for row in content.get("policies", []) if row["status"] == Policy.Status.ADOPTED)
        rows.append(PolicyRow(
            review=review, adopted=sum(years.values()),
            years=", ".join(f"{year} ({n})" if n > 1 else str(year) for year, n in sorted(years.items(),
                                                                                          key=lambda i: i[0] or 0)),
            plan=str(plan_labels.get(content.get("plan", {}).get("status"), _("Not stated")))))
    return rows


def _policies_by_year(contents: dict) -> list[BarRow]:
    years = Counter(row["year"] for content in contents.values() for row in content.get("policies", [])
                    if row["status"] == Policy.Status.ADOPTED and row["year"])
    return bar_rows([(str(year), n) for year, n in sorted(years.items())], scale=max(years.values(), default=0))


def _plan_status(reviews: list[Review], contents: dict) -> list[BarRow]:
    statuses = [contents.get(review.pk, {}).get("plan", {}).get("status") or "" for review in reviews]
    counts = [(str(label), statuses.count(value)) for value, label in PlanStatus.choices]
    if "" in statuses:
        counts.append((_("Not stated"), statuses.count("")))
    return bar_rows(counts, scale=len(reviews))


def _action_rows(reviews: list[Review], contents: dict) -> list[ActionRow]:
    rows = []
    for review in reviews:
        actions = contents.get(review.pk, {}).get("planned_actions", [])
        rows.append(ActionRow(review=review, actions=len(actions),
                              support=sum(1 for row in actions if (row.get("support_needed") or "").strip())))
    return rows


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


def _answer(content: dict, code: str, language: str) -> ShownText | None:
    for answer in content.get("answers", []):
        if answer["prompt"] == code and not answer["objective"]:
            text = text_in(text_ar=answer["text_ar"], text_en=answer["text_en"], language=language)
            return text if text["text"] else None
    return None


def _profiles(reviews: list[Review], *, printed: dict[int, PrintedVersion], objectives: list[Objective],
              language: str) -> list[CountryProfile]:
    """Key facts of parts 1, 2 and 5 and the objectives reported, per country, as last submitted."""
    plan_labels = dict(PlanStatus.choices)
    stages = dict(ReviewObjective.Stage.choices)
    by_number = {objective.number: objective for objective in objectives}
    profiles = []
    for review in reviews:
        version = printed.get(review.pk)
        content = version.content if version else {}
        policies = content.get("policies", [])
        consultations = content.get("consultations", [])
        participants = sum(row["participants"] or 0 for row in consultations)
        facts = [
            (_("Government entities involved"), str(len(content.get("entities", [])))),
            (_("Consultations held"), str(len(consultations))),
            (_("Participants in consultations"), str(participants)),
            (_("Policies reported"), str(len(policies))),
            (_("Policies adopted"), str(sum(1 for row in policies if row["status"] == Policy.Status.ADOPTED))),
            (_("National implementation plan"), str(plan_labels.get(content.get("plan", {}).get("status"), _("Not stated")))),
            (_("Planned actions"), str(len(content.get("planned_actions", [])))),
        ]
        reported = [{"number": row["objective"], "title": by_number[row["objective"]].short_label,
                     "is_priority": row["is_priority"], "stage_label": str(stages.get(row["stage"], ""))}
                    for row in sorted(content.get("objectives", []), key=lambda row: row["objective"])
                    if row["objective"] in by_number]
        profiles.append(CountryProfile(
            review=review, facts=facts, lead_institution=_answer(content, "1.1", language),
            key_messages=_answer(content, "5.3", language), objectives=reported, printed=version,
        ))
    return profiles


# --- the compendium ---------------------------------------------------------------------------------------------


@dataclass
class CountryAnswers:
    review: Review
    printed: PrintedVersion
    is_priority: bool
    stage_label: str
    answers: list["AnswerBlock"]


@dataclass
class CompendiumObjective:
    objective: Objective
    countries: list[CountryAnswers]


@dataclass
class Compendium:
    """Every included country's full answers, objective by objective: the organisers' working copy."""
    cycle: ReviewCycle
    language: str
    reviews: list[Review]
    not_final: bool
    objectives: list[CompendiumObjective]
    data_date: datetime.datetime | None
    include_submitted: bool
    generated_on: datetime.date = field(default_factory=timezone.localdate)


def compendium(*, cycle: ReviewCycle, user, language: str, include_submitted: bool = False) -> Compendium:
    """The compendium for one edition, each review as last submitted. A fixed number of queries."""
    reviews = by_country_name(compiled_reviews(user=user, cycle=cycle, accepted_only=not include_submitted)
                              .select_related("country"), lambda review: review.country)
    printed = printed_versions(reviews)
    prompts = list(GuidingPrompt.objects.filter(part__cycle=cycle, scope=GuidingPrompt.Scope.OBJECTIVE)
                   .order_by("part__number", "position", "code"))
    stages = dict(ReviewObjective.Stage.choices)
    found: dict[int, list[CountryAnswers]] = {}
    for review in reviews:
        version = printed.get(review.pk)
        if version is None:
            continue
        for row in version.content.get("objectives", []):
            found.setdefault(row["objective"], []).append(CountryAnswers(
                review=review, printed=version, is_priority=row["is_priority"],
                stage_label=str(stages.get(row["stage"], "")),
                answers=_answers(version.content, prompts, objective=row["objective"], language=language)))
    objectives = Objective.objects.filter(number__in=list(found)).order_by("number")
    return Compendium(
        cycle=cycle, language=language, reviews=reviews,
        not_final=any(review.status != Review.Status.ACCEPTED for review in reviews),
        objectives=[CompendiumObjective(objective=objective, countries=found[objective.number])
                    for objective in objectives],
        data_date=max((version.submitted_at for version in printed.values()), default=None),
        include_submitted=include_submitted,
    )


# --- one country's review ----------------------------------------------------------------------------------------


@dataclass
class AnswerBlock:
    prompt: GuidingPrompt
    text: ShownText


@dataclass
class ObjectiveBlock:
    objective: Objective
    row: dict
    stage_label: str
    answers: list[AnswerBlock]


@dataclass
class PartBlock:
    part: object  # TemplatePart
    answers: list[AnswerBlock]
    objectives: list[ObjectiveBlock] = field(default_factory=list)
    planned_actions: list[dict] = field(default_factory=list)


@dataclass
class CountryReview:
    review: Review
    language: str
    version_number: int | None  # None: not submitted yet, the live draft is printed
    submitted_at: datetime.datetime | None
    parts: list[PartBlock]
    content: dict
    category_names: dict[str, str]


def country_review(*, review: Review, user, language: str) -> CountryReview:
    """The whole five-part review as last submitted, labelled in the edition's language.
    Raises NotFound when the user may not see the review."""
    review = reviews_visible_to(user).filter(pk=review.pk).first()
    if review is None:
        raise NotFound(_("You cannot see this review."))
    version = review.versions.order_by("-number").first()
    content = version.content if version else review_snapshot(review)
    objectives = {objective.number: objective for objective in Objective.objects.all()}
    stages = dict(ReviewObjective.Stage.choices)
    parts = []
    for part in cycle_template_parts(review.cycle_id):
        prompts = list(part.prompts.all())
        block = PartBlock(part=part, answers=_answers(content, prompts, objective=None, language=language))
        if any(prompt.scope == GuidingPrompt.Scope.OBJECTIVE for prompt in prompts):
            for row in sorted(content.get("objectives", []), key=lambda row: row["objective"]):
                block.objectives.append(ObjectiveBlock(
                    objective=objectives[row["objective"]], row=row, stage_label=str(stages.get(row["stage"], "")),
                    answers=_answers(content, prompts, objective=row["objective"], language=language)))
        block.planned_actions = [row for row in content.get("planned_actions", []) if row["part"] == part.number]
        parts.append(block)
    category_names = dict(StakeholderCategory.objects.values_list("code", "name"))
    return CountryReview(
        review=review, language=language, version_number=version.number if version else None,
        submitted_at=version.submitted_at if version else None, parts=parts,
        content=_labelled(content, category_names=category_names), category_names=category_names,
    )


def _labelled(content: dict, *, category_names: dict[str, str]) -> dict:
    """The content with the labels the edition prints beside the stored codes (policy status,
    consultation categories), looked up once here rather than by nested loops in the template."""
    statuses = dict(Policy.Status.choices)
    return {
        **content,
        "policies": [{**row, "status_label": str(statuses.get(row["status"], row["status"]))}
                     for row in content.get("policies", [])],
        "consultations": [{**row, "category_labels": [category_names.get(code, code) for code in row["categories"]]}
                          for row in content.get("consultations", [])],
    }


def _answers(content: dict, prompts: list[GuidingPrompt], *, objective: int | None, language: str) -> list[AnswerBlock]:
    wanted = GuidingPrompt.Scope.OBJECTIVE if objective else GuidingPrompt.Scope.PART
    texts = {answer["prompt"]: answer for answer in content.get("answers", []) if answer["objective"] == objective}
    blocks = []
    for prompt in prompts:
        if prompt.scope != wanted:
            continue
        answer = texts.get(prompt.code, {})
        blocks.append(AnswerBlock(prompt=prompt, text=text_in(text_ar=answer.get("text_ar", ""),
                                                             text_en=answer.get("text_en", ""),
                                                             language=language)))
    return blocks
