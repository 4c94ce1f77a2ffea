"""Compiled pages kept in the cache (views/page_cache.py): never older than the data, never another reader's.
The workspace's: test_kept_workspace_pages.py."""

import html

import pytest

from reviews.models import Country, GoodPractice, Review, ReviewObjective
from reviews.services import workflow
from reviews.views.page_cache import generations_of, kept_page_key
from tests.reviews.compilation_content import module_data, region_build

pytestmark = pytest.mark.django_db

MATRIX = "/{language}/reviews/cycles/arab-2028/matrix/"
PRACTICES = "/{language}/reviews/cycles/arab-2028/practices/"
DASHBOARD = "/{language}/reviews/cycles/arab-2028/dashboard/"


@pytest.fixture(scope="module")
def region(django_db_setup, django_db_blocker):
    """Egypt's draft, Morocco's review submitted and Jordan's accepted (tests/reviews/compilation_content.py)."""
    with module_data(django_db_blocker):
        yield region_build()


def _read(client, user, url: str) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _row(page: str, country: str) -> str:
    """A country's row of the matrix."""
    return page.partition(f">{country}</a></th>")[2].partition("</tr>")[0]


def test_a_kept_page_shows_a_change_written_without_save(client, region):
    url = MATRIX.format(language="en")
    reported = ReviewObjective.objects.get(review=region["MA"], objective__number=2)
    stage = next(stage for stage in ReviewObjective.Stage if stage != reported.stage)
    before = _read(client, region["reviewer"], url)
    ReviewObjective.objects.filter(pk=reported.pk).update(stage=stage)  # no save(), no signal

    after = _read(client, region["reviewer"], url)

    label = str(stage.label)
    assert _row(after, "Morocco").count(label) == _row(before, "Morocco").count(label) + 1


def test_a_kept_page_shows_a_practice_renamed_and_a_review_accepted(client, region):
    url = PRACTICES.format(language="en") + "?accepted=1"
    before = _read(client, region["reviewer"], url)
    GoodPractice.objects.filter(pk=region["practices"]["jo-6"].pk).update(title="Labour inspectorate")
    workflow.review_take(review=region["MA"], reviewer=region["reviewer"])
    workflow.review_accept(review=Review.objects.get(pk=region["MA"].pk), reviewer=region["reviewer"])

    after = _read(client, region["reviewer"], url)

    assert ("Labour inspection unit" in before, "Fair recruitment charter" in before) == (True, False)
    assert ("Labour inspectorate" in after, "Fair recruitment charter" in after) == (True, True)


def test_a_kept_page_shows_a_country_renamed_by_an_organiser(client, region):
    url = DASHBOARD.format(language="en")
    _read(client, region["reviewer"], url)
    morocco = Country.objects.get(iso2="MA")
    morocco.name_en = "Kingdom of Morocco"
    morocco.save()  # as the admin saves it

    assert "Kingdom of Morocco" in _read(client, region["reviewer"], url)


def test_a_kept_page_is_the_readers_own_in_the_readers_language(client, region, rf):
    arabic = _read(client, region["reviewer"], MATRIX.format(language="ar"))
    english = _read(client, region["reviewer"], MATRIX.format(language="en"))
    reviews = Review.objects.filter(pk=region["MA"].pk)
    keys = set()
    for user in (region["reviewer"], region["organiser"]):
        request = rf.get(MATRIX.format(language="en"))
        request.user = user
        keys.add(kept_page_key(request, generations_of(reviews)))

    assert ("المغرب" in arabic, "Morocco" in arabic) == (True, False)
    assert ("Morocco" in english, "المغرب" in english) == (True, False)
    assert len(keys) == 2


def test_a_kept_page_is_refused_to_whoever_may_not_see_it(client, region):
    _read(client, region["reviewer"], MATRIX.format(language="en"))  # kept now

    client.force_login(region["focal_point"])

    assert client.get(MATRIX.format(language="en")).status_code == 403

