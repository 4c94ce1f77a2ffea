import datetime

import pytest
from django.utils import translation

from reviews.models import GuidingPrompt, Objective, ReviewObjective
from reviews.services.reference import cycle_create
from reviews.services.submission import review_submit
from tests import factories


@pytest.fixture
def english():
    """Service messages are asserted in English; the root conftest restores the language."""
    translation.activate("en")


@pytest.fixture
def open_cycle(reference):
    """The current cycle, open, with its own copy of the guiding template (parts and prompts)
    as `make run` sets it up. The bare `cycle` fixture has no template."""
    return open_cycle_create()


def open_cycle_create():
    """The `open_cycle` fixture's cycle, for class-scoped setups that cannot ask for the fixture."""
    return cycle_create(
        slug="arab-2028", name_ar="الاستعراض الإقليمي الثالث", name_en="Third regional review",
        opens=datetime.date(2026, 10, 1), submission_deadline=datetime.date(2027, 9, 30),
        conference=datetime.date(2028, 2, 15), is_open=True,
    )


@pytest.fixture
def review(open_cycle, egypt):
    """Egypt's draft review in the open cycle."""
    return factories.ReviewFactory(cycle=open_cycle, country=egypt)


@pytest.fixture
def prompts(open_cycle) -> dict[str, GuidingPrompt]:
    """The open cycle's guiding prompts by code ("1.1", "3.0", "3.a", ...)."""
    rows = GuidingPrompt.objects.select_related("part").filter(part__cycle=open_cycle)
    return {prompt.code: prompt for prompt in rows}


@pytest.fixture
def objectives(reference) -> dict[int, Objective]:
    """The 23 GCM objectives by number."""
    return {objective.number: objective for objective in Objective.objects.all()}


def review_complete(review, user, *, objective_numbers=(1,)) -> list[ReviewObjective]:
    """Make `review` submittable: answer every required prompt of the part, report the given
    objectives with a stage, and answer every required per-objective prompt for each."""
    prompts = GuidingPrompt.objects.filter(part__cycle=review.cycle_id, is_required=True)
    rows = [
        factories.ReviewObjectiveFactory(
            review=review, objective=Objective.objects.get(number=number), stage=ReviewObjective.Stage.UNDER_WAY,
            updated_by=user,
        )
        for number in objective_numbers
    ]
    for prompt in prompts:
        if prompt.scope == GuidingPrompt.Scope.PART:
            factories.AnswerFactory(review=review, prompt=prompt, updated_by=user)
        else:
            for row in rows:
                factories.AnswerFactory(review=review, prompt=prompt, objective=row.objective, updated_by=user)
    return rows


@pytest.fixture
def complete_review():
    """`complete_review(review, user, objective_numbers=(1,))` fills in everything required."""
    return review_complete


@pytest.fixture
def submitted_review(review, focal_point, complete_review):
    """Egypt's review, complete and submitted by its focal point (version 1): the regional staff see it."""
    complete_review(review, focal_point)
    review_submit(review=review, user=focal_point)
    review.refresh_from_db()
    return review
