"""The regional dashboard: every country, its review once submitted (a draft stays private), filters,
sorts and completeness per part, at a cost that does not grow with the number of countries."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import translation

from reviews.models import Country, Review
from reviews.selectors.countries import name_sort_key
from reviews.selectors.dashboard import DASHBOARD_STATUSES, dashboard_rows
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_reopen, review_take
from tests import factories

pytestmark = pytest.mark.django_db

BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")
JUNE = datetime.datetime(2027, 6, 1, 10, 0, tzinfo=BEIRUT)
JULY = datetime.datetime(2027, 7, 1, 10, 0, tzinfo=BEIRUT)
OCTOBER = datetime.datetime(2027, 10, 5, 10, 0, tzinfo=BEIRUT)  # after the open cycle's deadline


@pytest.fixture
def submit(open_cycle, complete_review):
    """`submit(iso2, when=JUNE)`: the country's focal point completes and submits its review."""

    def submit(iso2: str, *, when=JUNE) -> Review:
        country = Country.objects.get(iso2=iso2)
        focal_point = factories.FocalPointFactory(username=f"fp-{iso2.lower()}", country=country)
        review = factories.ReviewFactory(cycle=open_cycle, country=country)
        complete_review(review, focal_point)
        with time_machine.travel(when, tick=False):
            review_submit(review=review, user=focal_point)
        return Review.objects.get(pk=review.pk)

    return submit


def _iso2(rows) -> list[str]:
    return [row.country.iso2 for row in rows]


def _by_name(language="en", *, exclude=()) -> list[str]:
    """The countries in the order of their names (in Arabic without the article: see test_countries.py)."""
    return [iso2 for _name, iso2 in sorted((name_sort_key(name), iso2) for name, iso2 in
                                           Country.objects.values_list(f"name_{language}", "iso2"))
            if iso2 not in exclude]


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_dashboard_rows_show_a_draft_as_no_review(request, open_cycle, review, submit, user_fixture, english):
    morocco = submit("MA")

    rows = {row.country.iso2: row for row in dashboard_rows(user=request.getfixturevalue(user_fixture),
                                                            cycle=open_cycle)}

    assert len(rows) == 22
    egypt = rows["EG"]
    assert (egypt.review, egypt.progress, egypt.objectives_reported, egypt.last_activity, egypt.is_late) == (
        None, None, 0, None, False)
    assert (rows["MA"].review, rows["MA"].objectives_reported, rows["MA"].last_activity) == (morocco, 1, JUNE)


def test_dashboard_rows_keep_a_review_once_submitted_even_when_sent_back(open_cycle, reviewer, submit):
    morocco = submit("MA")
    Review.objects.filter(pk=morocco.pk).update(status=Review.Status.REVISION_REQUESTED)

    rows = {row.country.iso2: row for row in dashboard_rows(user=reviewer, cycle=open_cycle)}

    assert (rows["MA"].review.pk, rows["MA"].review.status) == (morocco.pk, Review.Status.REVISION_REQUESTED)


def test_dashboard_rows_completeness_per_part(open_cycle, reviewer, prompts, submit):
    submit("MA")
    partial = factories.ReviewFactory(cycle=open_cycle, country=Country.objects.get(iso2="JO"),
                                      status=Review.Status.SUBMITTED, first_submitted_at=JUNE)
    for code in ("1.1", "1.2", "2.1"):
        factories.AnswerFactory(review=partial, prompt=prompts[code])
    factories.AnswerFactory(review=partial, prompt=prompts["1.3"], text_ar="   ")  # blank: not an answer

    rows = {row.country.iso2: row for row in dashboard_rows(user=reviewer, cycle=open_cycle)}

    # Part 1: 2 of 5; part 2: 1 of 5; part 3: prompt 3.0 and "choose an objective"; parts 4 and 5: none.
    assert [(part.number, part.done, part.total, part.percent) for part in rows["JO"].progress.parts] == [
        (1, 2, 5, 40), (2, 1, 5, 20), (3, 0, 2, 0), (4, 0, 4, 0), (5, 0, 3, 0)]
    assert (rows["JO"].progress.percent, rows["JO"].objectives_reported) == (16, 0)
    # Part 3 of a complete review with one objective: 3.0, three prompts for the objective and its stage.
    assert [(part.number, part.done, part.total) for part in rows["MA"].progress.parts] == [
        (1, 5, 5), (2, 5, 5), (3, 5, 5), (4, 4, 4), (5, 3, 3)]


# --- filters --------------------------------------------------------------------------------------------------


def test_dashboard_rows_status_filter(open_cycle, review, reviewer, submit, english):
    submit("MA")
    review_take(review=submit("JO"), reviewer=reviewer)

    def filtered(status):
        return _iso2(dashboard_rows(user=reviewer, cycle=open_cycle, status=status))

    assert filtered("submitted") == ["MA"]
    assert filtered("in_review") == ["JO"]
    assert filtered("accepted") == []
    assert filtered("draft") == []  # Egypt's draft is private to Egypt
    assert filtered("none") == _by_name(exclude={"JO", "MA"})
    assert filtered("") == _by_name()
    assert filtered("nonsense") == _by_name()


def test_dashboard_rows_late_filter(open_cycle, reviewer, submit):
    submit("MA", when=JUNE)
    submit("JO", when=OCTOBER)

    rows = dashboard_rows(user=reviewer, cycle=open_cycle, late_only=True)

    assert [(row.country.iso2, row.is_late) for row in rows] == [("JO", True)]


def test_dashboard_rows_late_and_status_filters_combine(open_cycle, reviewer, submit):
    submit("MA", when=OCTOBER)
    review_take(review=submit("JO", when=OCTOBER), reviewer=reviewer)

    rows = dashboard_rows(user=reviewer, cycle=open_cycle, status="in_review", late_only=True)

    assert _iso2(rows) == ["JO"]


def test_dashboard_rows_only_for_the_cycle_asked(open_cycle, reviewer, submit):
    submit("MA")
    past = factories.ReviewCycleFactory(slug="arab-2024")

    rows = dashboard_rows(user=reviewer, cycle=past)

    assert [row.review for row in rows] == [None] * 22


# --- sorts ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_dashboard_rows_sorted_by_country_name_in_the_active_language(open_cycle, reviewer, submit, language):
    submit("MA")
    translation.activate(language)

    rows = dashboard_rows(user=reviewer, cycle=open_cycle, sort="country")

    assert _iso2(rows) == _by_name(language)


def test_dashboard_rows_sorted_by_status(open_cycle, reviewer, submit, english):
    submit("MA")
    review_take(review=submit("JO"), reviewer=reviewer)

    rows = dashboard_rows(user=reviewer, cycle=open_cycle, sort="status")

    # No review first, then by status: in_review before submitted.
    assert _iso2(rows) == _by_name(exclude={"JO", "MA"}) + ["JO", "MA"]


def test_dashboard_rows_sorted_by_progress(open_cycle, reviewer, prompts, submit, english):
    submit("MA")
    partial = factories.ReviewFactory(cycle=open_cycle, country=Country.objects.get(iso2="JO"),
                                      status=Review.Status.SUBMITTED, first_submitted_at=JUNE)
    factories.AnswerFactory(review=partial, prompt=prompts["1.1"])

    rows = dashboard_rows(user=reviewer, cycle=open_cycle, sort="progress")

    assert _iso2(rows) == ["MA", "JO"] + _by_name(exclude={"JO", "MA"})
    assert [row.progress.percent for row in rows[:2]] == [100, 5]


def test_dashboard_rows_sorted_by_last_activity(open_cycle, reviewer, submit, english):
    submit("MA", when=JUNE)
    submit("JO", when=JULY)

    rows = dashboard_rows(user=reviewer, cycle=open_cycle, sort="activity")

    assert _iso2(rows) == ["JO", "MA"] + _by_name(exclude={"JO", "MA"})
    assert [row.last_activity for row in rows[:2]] == [JULY, JUNE]


def test_dashboard_rows_last_activity_counts_later_changes(open_cycle, reviewer, submit, english):
    morocco = submit("MA", when=JUNE)
    submit("JO", when=JULY)
    august = datetime.datetime(2027, 8, 1, 9, 0, tzinfo=BEIRUT)
    with time_machine.travel(august, tick=False):
        factories.ChangeLogFactory(review=morocco, user=reviewer)

    rows = dashboard_rows(user=reviewer, cycle=open_cycle, sort="activity")

    assert [(row.country.iso2, row.last_activity) for row in rows[:2]] == [("MA", august), ("JO", JULY)]


# --- cost -----------------------------------------------------------------------------------------------------


def _read_everything(rows) -> list:
    return [
        (row.country.name, row.review and row.review.status, row.review and row.review.cycle.slug,
         row.review and row.review.country.iso2, row.objectives_reported, row.last_activity,
         row.progress and [part.percent for part in row.progress.parts], row.is_late,
         row.reviewer and str(row.reviewer))
        for row in rows
    ]


# The reviews with their last change, the answered prompts, the reported objectives, who took each review,
# the countries. The cycle's parts and prompts are kept in memory once read (selectors/reference.py).
DASHBOARD_QUERIES = 5


@pytest.mark.parametrize("countries", [3, 22])
@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_dashboard_rows_queries_do_not_grow_with_countries(request, open_cycle, submit, countries, user_fixture,
                                                           django_assert_num_queries):
    user = request.getfixturevalue(user_fixture)
    for iso2 in Country.objects.order_by("iso2").values_list("iso2", flat=True)[:countries]:
        review_take(review=submit(iso2), reviewer=factories.ReviewerFactory())
    dashboard_rows(user=user, cycle=open_cycle, sort="progress")  # the cycle's template, read once

    with django_assert_num_queries(DASHBOARD_QUERIES):
        rows = _read_everything(dashboard_rows(user=user, cycle=open_cycle, sort="progress"))

    assert sum(1 for row in rows if row[1] == Review.Status.IN_REVIEW and row[-1]) == countries


# --- who took each review, the statuses staff can filter on ------------------------------------------------


def test_dashboard_rows_name_who_took_each_review(open_cycle, reviewer, organiser, submit):
    morocco, jordan, _tunisia = submit("MA"), submit("JO"), submit("TN")
    review_take(review=morocco, reviewer=reviewer)
    review_take(review=jordan, reviewer=organiser)

    rows = {row.country.iso2: row for row in dashboard_rows(user=reviewer, cycle=open_cycle)}

    assert [(iso2, rows[iso2].review and rows[iso2].review.status, rows[iso2].reviewer)
            for iso2 in ("MA", "JO", "TN", "EG")] == [
        ("MA", Review.Status.IN_REVIEW, reviewer), ("JO", Review.Status.IN_REVIEW, organiser),
        ("TN", Review.Status.SUBMITTED, None), ("EG", None, None)]


def test_dashboard_rows_name_the_latest_taker_after_a_reopening(open_cycle, reviewer, organiser, submit):
    morocco = submit("MA")
    review_take(review=morocco, reviewer=reviewer)
    review_accept(review=morocco, reviewer=reviewer)
    review_reopen(review=morocco, organiser=organiser, reason="One figure is wrong.")

    rows = {row.country.iso2: row for row in dashboard_rows(user=reviewer, cycle=open_cycle)}

    assert (rows["MA"].review.status, rows["MA"].reviewer) == (Review.Status.IN_REVIEW, organiser)


def test_dashboard_statuses_offer_only_what_staff_see(english):
    assert [(value, str(label)) for value, label in DASHBOARD_STATUSES] == [
        ("none", "Not submitted"), ("submitted", "Submitted"), ("in_review", "In review"),
        ("revision_requested", "Revision requested"), ("accepted", "Accepted")]
