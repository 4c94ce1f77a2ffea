"""Regional figures: stakeholders consulted, policies adopted per year, implementation plans and the
objectives most and least reported on, from the reviews the regional staff see (a draft stays private),
at a cost that does not grow with the number of countries."""

import pytest
from django.utils import translation

from reviews.models import PlanStatus, Review, StakeholderCategory
from reviews.selectors.figures import BarRow, regional_figures
from tests.reviews.compilation_content import module_data, region_build, region_grow

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def region(django_db_setup, django_db_blocker):
    """Egypt's draft, Morocco's review submitted and Jordan's accepted, with their tables: built once."""
    with module_data(django_db_blocker):
        yield region_build()


@pytest.fixture
def cycle(region, english):
    return region["cycle"]


@pytest.fixture
def reviewer(region):
    return region["reviewer"]


def _zeros(*labels) -> list[BarRow]:
    return [BarRow(label, 0, 0) for label in labels]


def test_regional_figures_count_the_countries(cycle, reviewer):
    figures = regional_figures(user=reviewer, cycle=cycle)

    others = StakeholderCategory.objects.exclude(code__in=["migrants", "civil-society", "academia"])
    assert figures.countries == 2
    # Morocco consulted migrants, civil society (twice) and academia; Jordan migrants; Egypt's draft is private.
    assert figures.stakeholders == [
        BarRow("Migrants", 2, 100), BarRow("Civil society organizations", 1, 50), BarRow("Academia", 1, 50),
        *_zeros(*others.values_list("name_en", flat=True)),
    ]
    # Morocco's 2019 and 2021 policies and Jordan's 2021 one; Morocco's 2022 policy is a draft.
    assert figures.policies_by_year == [BarRow("2019", 1, 50), BarRow("2021", 2, 100)]
    assert figures.plan_status == [
        BarRow("Adopted", 1, 50), BarRow("In preparation", 1, 50), BarRow("Integrated in other plans", 0, 0),
        BarRow("None", 0, 0),
    ]


def test_regional_figures_objectives_most_and_least_reported(cycle, reviewer):
    figures = regional_figures(user=reviewer, cycle=cycle)

    # Morocco reports objectives 2 and 6, Jordan 6 and 23; ties go by objective number.
    assert figures.most_reported == [
        BarRow("6. Recruitment and decent work", 2, 100), BarRow("2. Minimize adverse drivers", 1, 50),
        BarRow("23. International cooperation", 1, 50), BarRow("1. Data", 0, 0),
        BarRow("3. Information provision", 0, 0),
    ]
    assert figures.least_reported == _zeros("1. Data", "3. Information provision",
                                            "4. Legal identity and documentation", "5. Regular pathways",
                                            "7. Reduce vulnerabilities")


def test_regional_figures_accepted_only(cycle, reviewer):
    figures = regional_figures(user=reviewer, cycle=cycle, accepted_only=True)

    assert figures.countries == 1
    assert figures.stakeholders[0] == BarRow("Migrants", 1, 100)
    assert figures.policies_by_year == [BarRow("2021", 1, 100)]
    assert [row.value for row in figures.plan_status] == [0, 1, 0, 0]
    assert figures.most_reported[:2] == [BarRow("6. Recruitment and decent work", 1, 100),
                                         BarRow("23. International cooperation", 1, 100)]


def test_regional_figures_plan_not_stated(region, cycle, reviewer):
    Review.objects.filter(pk=region["JO"].pk).update(plan_status="")

    figures = regional_figures(user=reviewer, cycle=cycle)

    assert figures.plan_status == [
        BarRow("Adopted", 1, 50), BarRow("In preparation", 0, 0), BarRow("Integrated in other plans", 0, 0),
        BarRow("None", 0, 0), BarRow("Not stated", 1, 50),
    ]


def test_regional_figures_of_no_review(region, reviewer):
    Review.objects.filter(pk=region["JO"].pk).update(status=Review.Status.IN_REVIEW)  # nothing accepted

    figures = regional_figures(user=reviewer, cycle=region["cycle"], accepted_only=True)

    assert (figures.countries, figures.policies_by_year, figures.most_reported[0].share) == (0, [], 0)
    assert {row.value for row in figures.stakeholders + figures.plan_status} == {0}


def test_regional_figures_in_arabic(cycle, reviewer):
    translation.activate("ar")

    figures = regional_figures(user=reviewer, cycle=cycle)

    assert figures.stakeholders[0].label == StakeholderCategory.objects.get(code="migrants").name_ar
    assert figures.plan_status[0].label == str(PlanStatus.ADOPTED.label)
    assert figures.most_reported[0].label.startswith("6. ") is True


# The reviews, the stakeholder categories with their countries, the policies per year, the objectives.
FIGURES_QUERIES = 4


def test_regional_figures_queries_do_not_grow_with_countries(region, cycle, reviewer, django_assert_num_queries):
    Review.objects.filter(pk=region["EG"].pk).delete()  # Egypt's draft makes way: every country compiled
    for countries in (3, 22):
        assert region_grow(cycle=cycle, countries=countries) == countries

        with django_assert_num_queries(FIGURES_QUERIES):
            figures = regional_figures(user=reviewer, cycle=cycle)

        # Like Morocco and Jordan, each country added consulted migrants and adopted a policy in 2021.
        assert (figures.countries, figures.stakeholders[0], figures.policies_by_year[-1]) == (
            countries, BarRow("Migrants", countries, 100), BarRow("2021", countries, 100))
