"""The demo's earlier cycle (arab-2024): the reviews the countries gave four years before, brought in as an
organiser brings in a closed cycle's reviews, so the comparison with the current cycle shows real movement.

Each is the country's current demo plan four years younger: fewer objectives, most of them a stage lower
(a few a stage higher: not every country moves forward everywhere), some other priorities and fewer policies.
"""

import dataclasses
import re

from django.contrib.auth import get_user_model
from django.db import transaction

from reviews.demo.build import demo_reviews_write
from reviews.demo.plans import DEFAULT_PLANS, FULL_PLANS, DemoPlan
from reviews.demo.words import pick
from reviews.models import Answer, Review, ReviewCycle, ReviewObjective
from reviews.services.past_reviews import reviews_mark_imported

User = get_user_model()

PAST_CYCLE = "arab-2024"
PAST_SOURCE = "Demo: invented review of the 2024 cycle"
# The countries whose 2024 review the demo brings in: those with a review in the default demo, and four more.
PAST_COUNTRIES = ("EG", "MA", "LB", "IQ", "MR", "JO", "TN", "OM", "QA", "PS", "SA", "AE", "DZ", "SD")
STAGES = ReviewObjective.Stage.values
SHORTER_THEN = ("3.a", "3.b")  # what was done and achieved: one sentence in 2024, more by 2028
SENTENCE_END = re.compile(r"(?<=[.!؟])\s+")


def past_plan(iso2: str, plan: DemoPlan) -> DemoPlan:
    """The country's 2024 review: about two thirds of today's objectives (at least three), complete."""
    objectives = tuple(n for n in plan.objectives if pick(iso2, n, "2024", high=2) != 0) or plan.objectives
    if len(objectives) < 3:
        objectives = plan.objectives[:3]
    priorities = tuple(n for n in plan.priorities if n in objectives)[:1] + objectives[-1:]
    return dataclasses.replace(
        plan, prompts=None, objectives=objectives, priorities=tuple(dict.fromkeys(priorities)), completed=None,
        policies=plan.policies[: max(1, len(plan.policies) - 2)] if plan.policies else (), contributor_parts=(),
        contributor_objectives=(), status=Review.Status.ACCEPTED,
    )


def past_stage(iso2: str, number: int, stage: str) -> str:
    """Four years earlier: three objectives in four a stage lower, one in eight a stage higher."""
    if not stage:
        return stage
    draw = pick(iso2, number, "moved", high=7)
    position = STAGES.index(stage)
    if draw < 6:
        return STAGES[max(0, position - 1)]
    if draw == 6:
        return STAGES[min(len(STAGES) - 1, position + 1)]
    return stage


@transaction.atomic
def demo_past_load(*, full: bool = False) -> list[Review]:
    """Bring in the 2024 demo reviews (idempotent: a country's 2024 review with content is left as it is)."""
    cycle = ReviewCycle.objects.filter(slug=PAST_CYCLE).first()
    organiser = User.objects.filter(username="organiser").first()
    if cycle is None or organiser is None:
        return []
    plans = {}
    for iso2 in PAST_COUNTRIES:
        plan = DEFAULT_PLANS.get(iso2) if not full else None
        if plan is None or len(plan.objectives) < 3 or plan.completed is not None:
            plan = FULL_PLANS[iso2]
        plans[iso2] = past_plan(iso2, plan)
    reviews = demo_reviews_write(cycle=cycle, plans=plans)
    rows = list(ReviewObjective.objects.filter(review__in=reviews).select_related("review__country", "objective"))
    for row in rows:
        row.stage = past_stage(row.review.country.iso2, row.objective.number, row.stage)
    ReviewObjective.objects.bulk_update(rows, ["stage"])
    answers = list(Answer.objects.filter(review__in=reviews, prompt__code__in=SHORTER_THEN))
    for answer in answers:
        answer.text_ar, answer.text_en = (SENTENCE_END.split(text, maxsplit=1)[0] if text else text
                                          for text in (answer.text_ar, answer.text_en))
    Answer.objects.bulk_update(answers, ["text_ar", "text_en"])
    reviews_mark_imported(reviews=reviews, source=PAST_SOURCE, user=organiser)
    return reviews
