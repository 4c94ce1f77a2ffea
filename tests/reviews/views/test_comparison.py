"""The comparison with the previous review (country page and objective page), starting from the previous review,
and the carried-over answers through the submission check."""

import pytest
from django.test.utils import CaptureQueriesContext
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import Answer, Review, ReviewObjective
from reviews.selectors.exports import export_json, export_tables
from reviews.services.submission import review_open
from tests import factories
from tests.reviews.past import past_review_import

pytestmark = pytest.mark.django_db


def _in(language, english: str) -> str:
    with translation.override(language):
        return gettext(english)


@pytest.fixture
def compared(open_cycle, organiser, focal_point, objectives):
    """Egypt's 2024 review (objectives 1 and 2 planned, objective 1 a priority, one policy) and its 2028 review:
    objective 1 advanced, objective 2 no longer reported, objective 3 newly reported and a priority, a new law."""
    past_review_import(organiser)
    review = review_open(cycle=open_cycle, user=focal_point)
    ReviewObjective.objects.create(review=review, objective=objectives[1], stage="advanced", is_priority=True)
    ReviewObjective.objects.create(review=review, objective=objectives[3], stage="under_way", is_priority=True)
    policy = factories.PolicyFactory(review=review, title="New law on labour migration", kind="law", year=2026)
    policy.objectives.add(objectives[1])
    return review


@pytest.mark.parametrize("language", ["ar", "en"])
def test_comparison_lists_what_moved_since_the_previous_review(client, compared, focal_point, language):
    client.force_login(focal_point)

    response = client.get(f"/{language}/reviews/{compared.uid}/compare/")

    found = response.context["comparison"]
    assert response.status_code == 200
    assert [(c.objective.number, c.movement) for c in found.objectives] == [(1, "up"), (2, "dropped"), (3, "new")]
    assert [c.objective.number for c in found.new_priorities] == [3]
    assert [p.title for p in found.policies_added] == ["New law on labour migration"]
    page = response.content.decode()
    assert _in(language, "Compared with the previous review") in page
    assert _in(language, "Advanced") in page and _in(language, "Planned") in page


@pytest.mark.parametrize("language", ["ar", "en"])
def test_objective_comparison_shows_the_answers_side_by_side_with_the_differences_marked(
        client, compared, focal_point, prompts, objectives, language):
    Answer.objects.create(review=compared, prompt=prompts["3.a"], objective=objectives[1],
                          text_en="Objective 1: a national programme in two regions.", original_language="en")
    client.force_login(focal_point)

    response = client.get(f"/{language}/reviews/{compared.uid}/compare/1/")

    change = response.context["change"]
    assert (change.then.stage, change.now.stage, change.priority_then, change.priority_now) == (
        "planned", "advanced", True, True)
    [answer] = change.answers
    assert (str(answer.then_html), str(answer.now_html)) == (
        "Objective 1: a <del>pilot</del> programme in two regions.",
        "Objective 1: a <ins>national</ins> programme in two regions.")
    assert "<ins>national</ins>" in response.content.decode()
    assert [p.title for p in change.policies_added] == ["New law on labour migration"]


def test_comparison_pages_cost_the_same_whatever_the_number_of_countries(client, compared, reviewer, organiser):
    """Staff read one country's comparison: other countries' reviews, then and now, add no query."""
    compared.first_submitted_at = compared.created_at
    compared.save(update_fields=["first_submitted_at"])
    client.force_login(reviewer)
    urls = [f"/en/reviews/{compared.uid}/compare/", f"/en/reviews/{compared.uid}/compare/1/"]

    def counts():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    counts()  # the cycle's template is read once per process (selectors/workspace.py)
    one = counts()
    for iso2 in ("MA", "JO", "QA"):
        review = past_review_import(organiser, iso2, objectives=(1, 2, 3, 4))
        later = factories.ReviewFactory(cycle=compared.cycle, country=review.country,
                                        first_submitted_at=compared.created_at, status=Review.Status.SUBMITTED)
        ReviewObjective.objects.create(review=later, objective_id=review.review_objectives.first().objective_id,
                                       stage="achieved")

    assert counts() == one


def test_home_offers_a_start_from_the_previous_review_as_a_choice(client, open_cycle, organiser, focal_point):
    past_review_import(organiser)
    client.force_login(focal_point)

    page = client.get("/en/").content.decode()

    assert 'name="start" value="empty"' in page and 'name="start" value="previous"' in page
    client.post("/en/reviews/open/arab-2028/", {"start": "previous"})
    review = Review.objects.get(cycle=open_cycle)
    assert review.answers.filter(carried_over_from__isnull=False).count() == 3


@pytest.mark.parametrize("language", ["ar", "en"])
def test_carried_over_answers_are_marked_confirmed_and_listed_in_the_submission_check(
        client, open_cycle, organiser, focal_point, language):
    past_review_import(organiser)
    review = review_open(cycle=open_cycle, user=focal_point, from_previous=True)
    client.force_login(focal_point)

    part = client.get(f"/{language}/reviews/{review.uid}/parts/1/").content.decode()
    check = client.get(f"/{language}/reviews/{review.uid}/submit/")

    with translation.override(language):
        carried = gettext("Carried over from %(year)s, not yet updated.") % {"year": "2024"}
    assert carried in part
    assert len(check.context["carried_over"]) == 3
    answer = review.answers.get(prompt__code="1.1")
    response = client.post(f"/{language}/reviews/{review.uid}/answers/{answer.uid}/confirm/")
    assert response.status_code == 302
    assert len(client.get(f"/{language}/reviews/{review.uid}/submit/").context["carried_over"]) == 2


@pytest.mark.parametrize("language", ["ar", "en"])
def test_matrix_shows_the_change_since_the_previous_review_when_asked(client, compared, reviewer, language):
    compared.first_submitted_at = compared.created_at
    compared.status = Review.Status.SUBMITTED
    compared.save(update_fields=["first_submitted_at", "status"])
    client.force_login(reviewer)

    plain = client.get(f"/{language}/reviews/cycles/arab-2028/matrix/")
    changed = client.get(f"/{language}/reviews/cycles/arab-2028/matrix/?change=1")

    def movements(response):
        return {cell.objective.number: cell.movement for row in response.context["matrix"].rows for cell in row.cells
                if cell.movement}

    assert movements(plain) == {}
    assert movements(changed) == {1: "up", 2: "dropped", 3: "new"}
    assert changed.content.decode().count('<span class="movement movement-up" aria-hidden="true">▲</span>') == 1


def test_exports_put_the_previous_cycles_values_beside_the_objectives_when_asked(compared, organiser):
    compared.first_submitted_at = compared.created_at
    compared.save(update_fields=["first_submitted_at"])

    plain = export_json(user=organiser, cycle=compared.cycle)
    data = export_json(user=organiser, cycle=compared.cycle, with_previous=True)
    headings, rows = export_tables(user=organiser, cycle=compared.cycle, with_previous=True)["objectives_reported"]

    assert "previous_stage" not in plain["objectives_reported"][0]
    assert [(row["objective"], row["stage"], row["previous_reported"], row["previous_stage"],
             row["previous_is_priority"]) for row in data["objectives_reported"]] == [
        (1, "advanced", True, "planned", True), (3, "under_way", False, "", False)]
    assert headings[-3:] == ["Reported in the previous review", "Stage in the previous review",
                             "National priority in the previous review"]
    assert rows[0][-3:] == ["Yes", "Planned", "Yes"]
