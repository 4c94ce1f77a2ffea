"""One country's review as the country PDF prints it: the five parts as last submitted."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reviews.models import GuidingPrompt, Objective, Policy, Review, ReviewObjective, StakeholderCategory
from reviews.models.content import ShownText, text_in
from reviews.selectors.snapshot import review_snapshot
from reviews.selectors.visibility import reviews_visible_to
from reviews.selectors.workspace import cycle_template_parts
from reviews.services.errors import NotFound


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
        block = PartBlock(part=part, answers=answer_blocks(content, prompts, objective=None, language=language))
        if any(prompt.scope == GuidingPrompt.Scope.OBJECTIVE for prompt in prompts):
            for row in sorted(content.get("objectives", []), key=lambda row: row["objective"]):
                block.objectives.append(ObjectiveBlock(
                    objective=objectives[row["objective"]], row=row, stage_label=str(stages.get(row["stage"], "")),
                    answers=answer_blocks(content, prompts, objective=row["objective"], language=language)))
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


def answer_blocks(content: dict, prompts: list[GuidingPrompt], *, objective: int | None,
                  language: str) -> list[AnswerBlock]:
    """The answers to `prompts` of the part (objective None) or of one objective, in the edition's language."""
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
