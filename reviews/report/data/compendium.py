"""The compendium's data: every included country's full answers, objective by objective."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from reviews.models import GuidingPrompt, Objective, Review, ReviewCycle, ReviewObjective
from reviews.report.data.country import AnswerBlock, answer_blocks
from reviews.report.data.versions import PrintedVersion, printed_versions
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.countries import by_country_name


@dataclass
class CountryAnswers:
    review: Review
    printed: PrintedVersion
    is_priority: bool
    stage_label: str
    answers: list[AnswerBlock]


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
                answers=answer_blocks(version.content, prompts, objective=row["objective"], language=language)))
    objectives = Objective.objects.filter(number__in=list(found)).order_by("number")
    return Compendium(
        cycle=cycle, language=language, reviews=reviews,
        not_final=any(review.status != Review.Status.ACCEPTED for review in reviews),
        objectives=[CompendiumObjective(objective=objective, countries=found[objective.number])
                    for objective in objectives],
        data_date=max((version.submitted_at for version in printed.values()), default=None),
        include_submitted=include_submitted,
    )
