"""Who sees the stakeholders' inputs, and an organisation's account seen by every reviews selector."""

import pytest

from reviews.models import Review
from reviews.selectors import answers_visible_to, countries_visible_to, reviews_visible_to, users_visible_to
from reviews.selectors.practices import practices_visible_to
from reviews.selectors.reports import downloads_visible_to, reports_visible_to
from reviews.selectors.search import documents_visible_to
from reviews.selectors.synthesis import synthesis_chapters_visible_to
from reviews.selectors.comments import comments_visible_to
from stakeholders.selectors import inputs_visible_to, organisations_visible_to, quotes_visible_to
from tests import factories


pytestmark = pytest.mark.django_db


@pytest.fixture
def others_inputs(other_organisation, open_cycle):
    return [factories.StakeholderInputFactory(organisation=other_organisation, cycle=open_cycle, status=status)
            for status in ("draft", "submitted")]


def test_inputs_visible_to_an_organisation_are_its_own_drafts_included(stakeholder, draft, accepted, others_inputs):
    assert set(inputs_visible_to(stakeholder)) == {draft, accepted}


def test_inputs_visible_to_the_staff_are_the_submitted_ones(reviewer, organiser, draft, accepted, others_inputs):
    expected = {accepted, others_inputs[1]}

    assert (set(inputs_visible_to(reviewer)), set(inputs_visible_to(organiser))) == (expected, expected)


def test_inputs_visible_to_a_country_team_are_none(focal_point, contributor, draft, accepted, others_inputs):
    assert (list(inputs_visible_to(focal_point)), list(inputs_visible_to(contributor))) == ([], [])


def test_an_organisation_waiting_for_approval_sees_nothing(reference, open_cycle):
    pending = factories.StakeholderOrganisationFactory(status="pending")
    factories.StakeholderInputFactory(organisation=pending, cycle=open_cycle)

    assert (list(inputs_visible_to(pending.account)), list(organisations_visible_to(pending.account))) == ([], [])


def test_an_inactive_account_sees_no_input(stakeholder, draft):
    stakeholder.is_active = False

    assert list(inputs_visible_to(stakeholder)) == []


def test_every_reviews_selector_shows_an_organisation_nothing(stakeholder, submitted_review, open_cycle):
    """The stakeholder role is rejected by every "visible to" query of the reviews: a submitted review exists
    (the staff see it) yet the organisation sees no country, review, answer, comment, report or chapter."""
    assert submitted_review.status == Review.Status.SUBMITTED
    seen = {
        "countries": countries_visible_to(stakeholder).count(),
        "reviews": reviews_visible_to(stakeholder).count(),
        "answers": answers_visible_to(stakeholder).count(),
        "users": users_visible_to(stakeholder).count(),
        "practices": practices_visible_to(stakeholder).count(),
        "reports": reports_visible_to(stakeholder).count(),
        "downloads": downloads_visible_to(stakeholder, cycle=open_cycle).count(),
        "search": documents_visible_to(stakeholder).count(),
        "synthesis": synthesis_chapters_visible_to(stakeholder).count(),
        "comments": comments_visible_to(stakeholder, submitted_review).count(),
        "quotes": quotes_visible_to(stakeholder).count(),
    }

    assert seen == dict.fromkeys(seen, 0)
    assert reviews_visible_to(factories.ReviewerFactory()).count() == 1  # the same data, seen by the staff


def _inputs(open_cycle, reviewer, count: int) -> None:
    """`count` organisations with an accepted input on round table 1, each quoted in its chapter."""
    from reviews.models import RoundTable
    from reviews.services.synthesis import synthesis_chapters_ensure
    from stakeholders.services.quotes import input_quote_choose

    from reviews.models import Country

    country = Country.objects.get(iso2="JO")
    chapter = next(row for row in synthesis_chapters_ensure(cycle=open_cycle)
                   if row.round_table_id and row.round_table.number == 1)
    for _ in range(count):
        item = factories.StakeholderInputFactory(cycle=open_cycle, status="accepted")
        item.round_tables.add(RoundTable.objects.get(number=1))
        item.organisation.countries.add(country)
        input_quote_choose(chapter=chapter, stakeholder_input=item, first_sentence=0, last_sentence=0,
                           base_version=0, user=reviewer)


@pytest.mark.parametrize("count", [1, 3])
def test_list_and_report_selectors_cost_the_same_whatever_the_number_of_inputs(open_cycle, reviewer, count,
                                                                              django_assert_num_queries):
    from stakeholders.selectors import compiled_inputs, moderation_queue, report_contributors, report_perspectives

    _inputs(open_cycle, reviewer, count)

    with django_assert_num_queries(12):  # 6 for each list (inputs, then 5 prefetched), 1 for each report read
        queue = [(item.round_tables.all()[0].number, list(item.organisation.countries.all()))
                 for item in moderation_queue(user=reviewer)]
        compiled = [list(item.objectives.all()) for item in compiled_inputs(user=reviewer, cycle=open_cycle)]
        perspectives = report_perspectives(user=reviewer, cycle=open_cycle, language="en")
        contributors = report_contributors(user=reviewer, cycle=open_cycle, language="en")

    assert (len(queue), len(compiled), sum(map(len, perspectives.values())),
            sum(len(group.organisations) for group in contributors)) == (count,) * 4
