"""What the PDFs print, gathered once per edition (run inside `translation.override(language)`: the
reference names, status labels and figure labels come out in that edition's language).

Every review comes through `reviews_visible_to` (via the compilation selectors), so the report never
holds more than the user may see, and a draft never reaches the regional report. The cost is a fixed
number of queries whatever the number of countries.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.models import (
    GuidingPrompt,
    Objective,
    Organisation,
    PlanStatus,
    Policy,
    Review,
    ReviewCycle,
    ReviewObjective,
    StakeholderCategory,
)
from reviews.models.content import ShownText, text_in
from reviews.selectors.compilation import COMPILED_STATUSES, Matrix, compiled_reviews, objective_matrix
from reviews.selectors.countries import name_sort_key
from reviews.selectors.figures import RegionalFigures, regional_figures
from reviews.selectors.passages import latest_contents
from reviews.selectors.snapshot import review_snapshot
from reviews.selectors.synthesis import synthesis_chapters
from reviews.selectors.visibility import countries_visible_to, reviews_visible_to
from reviews.selectors.workspace import cycle_template_parts
from reviews.services.errors import NotFound


# --- the regional report ---------------------------------------------------------------------------------------


@dataclass
class StatusRow:
    country_name: str
    status: str  # label; empty when not submitted
    submitted_at: datetime.datetime | None = None
    is_late: bool = False
    is_included: bool = False


@dataclass
class CountryProfile:
    review: Review
    facts: list[tuple[str, str]]
    lead_institution: ShownText | None
    key_messages: ShownText | None
    objectives: list[ReviewObjective]


@dataclass
class RegionalReport:
    cycle: ReviewCycle
    language: str
    organisations: list[Organisation]
    reviews: list[Review]
    statuses: list[StatusRow]
    matrix: Matrix
    figures: RegionalFigures
    chapters: list
    profiles: list[CountryProfile]
    data_date: datetime.datetime | None
    include_submitted: bool
    generated_on: datetime.date = field(default_factory=timezone.localdate)


def regional_report(*, cycle: ReviewCycle, user, language: str, include_submitted: bool = False) -> RegionalReport:
    """The whole regional report for one edition: accepted reviews only, or every submitted one."""
    accepted_only = not include_submitted
    reviews = sorted(compiled_reviews(user=user, cycle=cycle, accepted_only=accepted_only),
                     key=lambda review: review.country.name)
    included = {review.pk for review in reviews}
    chapters = synthesis_chapters(user=user, cycle=cycle)
    for chapter in chapters:  # a chapter may cite a review the report leaves out (submitted, not accepted)
        chapter.text = chapter.text_in(language)
        chapter.general_citations = [c for c in chapter.general_citations if c.review_id in included]
        chapter.general_practices = [p for p in chapter.general_practices
                                     if p.review_objective.review_id in included]
        for section in chapter.objective_syntheses.all():
            section.text = section.text_in(language)
            section.citations_here = [c for c in section.citations_here if c.review_id in included]
            section.practices_here = [p for p in section.practices_here if p.review_objective.review_id in included]
    return RegionalReport(
        cycle=cycle, language=language, organisations=list(Organisation.objects.all()), reviews=reviews,
        statuses=_statuses(user=user, cycle=cycle, included=included),
        matrix=objective_matrix(user=user, cycle=cycle, accepted_only=accepted_only),
        figures=regional_figures(user=user, cycle=cycle, accepted_only=accepted_only),
        chapters=chapters, profiles=_profiles(reviews, cycle=cycle, language=language),
        data_date=max((review.submitted_at for review in reviews if review.submitted_at), default=None),
        include_submitted=include_submitted,
    )


def _statuses(*, user, cycle: ReviewCycle, included: set[int]) -> list[StatusRow]:
    reviews = {review.country_id: review for review in reviews_visible_to(user).filter(cycle=cycle)}
    rows = []
    for country in countries_visible_to(user):
        review = reviews.get(country.pk)
        if review is None or review.status not in COMPILED_STATUSES:  # a draft is the country's private work
            rows.append(StatusRow(country_name=country.name, status=""))
        else:
            rows.append(StatusRow(country_name=country.name, status=review.get_status_display(),
                                  submitted_at=review.submitted_at, is_late=review.is_late,
                                  is_included=review.pk in included))
    return sorted(rows, key=lambda row: name_sort_key(row.country_name))


def _answer(content: dict, code: str, language: str) -> ShownText | None:
    for answer in content.get("answers", []):
        if answer["prompt"] == code and not answer["objective"]:
            text = text_in(text_ar=answer["text_ar"], text_en=answer["text_en"], language=language)
            return text if text["text"] else None
    return None


def _profiles(reviews: list[Review], *, cycle: ReviewCycle, language: str) -> list[CountryProfile]:
    """Key facts of parts 1, 2 and 5 and the objectives reported, per country. Two queries."""
    contents = latest_contents(review.pk for review in reviews)
    reported: dict[int, list[ReviewObjective]] = {}
    for row in ReviewObjective.objects.filter(review__in=[r.pk for r in reviews], is_reported=True).select_related(
            "objective").order_by("objective__number"):
        reported.setdefault(row.review_id, []).append(row)
    plan_labels = dict(PlanStatus.choices)
    profiles = []
    for review in reviews:
        content = contents.get(review.pk, {})
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
        profiles.append(CountryProfile(
            review=review, facts=facts, lead_institution=_answer(content, "1.1", language),
            key_messages=_answer(content, "5.3", language), objectives=reported.get(review.pk, []),
        ))
    return profiles


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
