import pytest
from django.urls import reverse
from django.utils import translation

from reviews.models import Review
from tests import factories

pytestmark = pytest.mark.django_db


def _home(client, user, language="ar"):
    client.force_login(user)
    with translation.override(language):
        url = reverse("home")
    return client.get(url)


@pytest.fixture
def reviews(cycle, egypt, morocco):
    """Egypt has submitted; Morocco's draft is private to Morocco."""
    from django.utils import timezone

    return {
        "EG": factories.ReviewFactory(cycle=cycle, country=egypt, status=Review.Status.SUBMITTED,
                                      first_submitted_at=timezone.now()),
        "MA": factories.ReviewFactory(cycle=cycle, country=morocco),
    }


def test_home_for_anonymous_redirects_to_login(client):
    response = client.get("/ar/")

    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/login/?next=/ar/"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_home_focal_point_sees_own_country_cycles_only(client, focal_point, reviews, language):
    response = _home(client, focal_point, language)

    assert response.status_code == 200
    assert response.templates[0].name == "reviews/home_country.html"
    assert [review for _cycle, review in response.context["cycles"] if review] == [reviews["EG"]]
    content = response.content.decode()
    assert ("مصر" if language == "ar" else "Egypt") in content
    assert "المغرب" not in content and "Morocco" not in content


def test_home_contributor_sees_own_country(client, contributor, reviews):
    response = _home(client, contributor, "en")

    assert response.status_code == 200
    assert [review for _cycle, review in response.context["cycles"] if review] == [reviews["EG"]]
    assert "Ministry of Labour" in response.content.decode()


def test_home_focal_point_of_morocco_sees_nothing_of_egypt(client, other_focal_point, reviews):
    response = _home(client, other_focal_point, "en")

    assert [review for _cycle, review in response.context["cycles"] if review] == [reviews["MA"]]
    assert "Egypt" not in response.content.decode()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_home_reviewer_sees_cycles_and_every_country_but_not_drafts(client, reviewer, reviews, language):
    response = _home(client, reviewer, language)

    assert response.status_code == 200
    assert response.templates[0].name == "reviews/home_region.html"
    assert len(response.context["countries"]) == 22
    visible = {country.iso2: review for country, review in response.context["countries"] if review}
    assert visible == {"EG": reviews["EG"]}
    assert "user_counts" not in response.context


def test_home_organiser_sees_cycles_and_users(client, organiser, focal_point, reviewer, cycle):
    response = _home(client, organiser, "en")

    assert response.status_code == 200
    counts = dict((str(label), count) for label, count in response.context["user_counts"])
    assert counts == {"Focal point": 1, "Contributor": 0, "Regional reviewer": 1, "Organiser": 1,
                      "Stakeholder organisation": 0}
    assert response.context["current_cycle"] == cycle
    assert reverse("accounts:user_list") in response.content.decode()


def test_home_user_without_role_gets_explanation(client, reference):
    user = factories.UserFactory()

    response = _home(client, user, "en")

    assert response.status_code == 403
    assert "No access yet" in response.content.decode()


def test_cycle_overview_refused_to_country_team(client, focal_point, cycle):
    client.force_login(focal_point)

    response = client.get(reverse("cycle_overview", args=[cycle.slug]))

    assert response.status_code == 403


def test_cycle_overview_lists_countries_for_reviewer(client, reviewer, reviews, cycle):
    client.force_login(reviewer)

    response = client.get(f"/en/cycles/{cycle.slug}/")

    assert response.status_code == 200
    assert len(response.context["countries"]) == 22


def test_region_home_query_count_does_not_grow_with_countries(client, reviewer, cycle, django_assert_num_queries,
                                                                reference):
    from django.utils import timezone

    from reviews.models import Country

    client.force_login(reviewer)
    countries = list(Country.objects.all())
    for country in countries[:3]:
        factories.ReviewFactory(cycle=cycle, country=country, first_submitted_at=timezone.now())
    with django_assert_num_queries(8):
        client.get("/en/")
    for country in countries[3:]:
        factories.ReviewFactory(cycle=cycle, country=country, first_submitted_at=timezone.now())
    with django_assert_num_queries(8):
        client.get("/en/")


def test_country_home_query_count_does_not_grow_with_the_teams_reviews(client, focal_point, egypt,
                                                                        django_assert_num_queries):
    from reviews.services.reference import cycle_create

    factories.ReviewFactory(cycle=cycle_create(slug="arab-2024", name_ar="الأول", name_en="First"), country=egypt)
    client.force_login(focal_point)
    client.get("/en/")  # the cycles' templates, read once per process
    with django_assert_num_queries(8):
        client.get("/en/")
    factories.ReviewFactory(cycle=cycle_create(slug="arab-2028", name_ar="الثاني", name_en="Second"), country=egypt)
    client.get("/en/")

    with django_assert_num_queries(8):
        response = client.get("/en/")

    reviews = [review for _cycle, review in response.context["cycles"] if review]
    assert sorted(review.cycle.slug for review in reviews) == ["arab-2024", "arab-2028"]
    assert response.context["progress"] == {review.pk: 0 for review in reviews}


@pytest.mark.parametrize(("language", "not_started", "not_submitted"), [
    ("ar", "لم يبدأ", "لم يُقدَّم"), ("en", "Not started", "Not submitted")])
def test_country_home_says_a_closed_cycle_without_review_was_not_submitted(client, focal_point, cycle, language,
                                                                          not_started, not_submitted):
    """An open cycle the team has not started can still be started; a closed one was simply not submitted."""
    import datetime

    factories.ReviewCycleFactory(slug="arab-2020", is_open=False, conference=datetime.date(2021, 2, 24))

    response = _home(client, focal_point, language)

    content = response.content.decode()
    closed = [each.slug for each, _review in response.context["cycles"] if not each.is_open]
    assert sorted(closed) == ["arab-2020", "arab-2024"]  # arab-2024: the earlier cycle of the reference data
    assert content.count(f'<span class="badge status-none">{not_started}</span>') == 1
    assert content.count(f'<span class="badge status-none">{not_submitted}</span>') == 2
    # the conference in its column, and under the deadline where a phone hides that column
    conference = "24 فبراير 2021" if language == "ar" else "24 February 2021"
    assert content.count(conference) == 2
