"""The search page in Arabic and English: grouped results with escaped, highlighted snippets in their own
direction, links to the exact place, the header's search box, bad parameters ignored."""

import pytest
from django.urls import reverse
from django.utils import translation

from reviews.models import Review
from reviews.services.search import search_reindex
from tests import factories


@pytest.fixture
def indexed(review, prompts):
    Review.objects.filter(pk=review.pk).update(status=Review.Status.SUBMITTED, first_submitted_at="2027-09-01T10:00Z")
    factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="إصلاح نظام الكفالة <script>x</script>",
                            text_en="Reform of the kafala <b>system</b>")
    search_reindex()
    return review


def _get(client, user, page_language, **params):
    client.force_login(user)
    with translation.override(page_language):
        url = reverse("reviews:search")
    return client.get(url, params)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_search_page_shows_grouped_highlighted_escaped_results(client, indexed, reviewer, language):
    response = _get(client, reviewer, language, q="الكفاله")
    page = response.content.decode()

    assert response.status_code == 200
    assert page.count('class="search-hit') == 1
    assert ('<p class="mb-0 search-snippet" lang="ar" dir="rtl">إصلاح نظام <mark>الكفالة</mark> '
            '&lt;script&gt;x&lt;/script&gt;</p>') in page
    assert f'href="/{language}/reviews/{indexed.uid}/parts/1/#prompt-1.1"' in page
    assert "<script>x" not in page


def test_search_page_shows_the_english_text_in_its_own_direction(client, indexed, reviewer):
    page = _get(client, reviewer, "ar", q="KAFALA").content.decode()

    assert ('<p class="mb-0 search-snippet" lang="en" dir="ltr">Reform of the <mark>kafala</mark> '
            '&lt;b&gt;system&lt;/b&gt;</p>') in page


def test_search_page_hides_a_draft_from_the_staff(client, review, prompts, reviewer):
    factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="الكفالة")
    search_reindex()

    page = _get(client, reviewer, "en", q="الكفالة").content.decode()

    assert 'class="search-hit' not in page
    assert "Nothing found" in page


@pytest.mark.parametrize("value", ["x", "' OR 1=1 --", "99999999999999999999", "\u00b2"])
def test_search_page_answers_tampered_filters_with_a_page(client, indexed, reviewer, value):
    params = dict.fromkeys(("cycle", "country", "part", "objective", "round_table", "status", "language", "kind",
                            "group", "page"), value)

    response = _get(client, reviewer, "en", q="kafala", **params)

    assert (response.status_code, response.context["results"].page.number) == (200, 1)


def test_header_has_the_search_box(client, reviewer):
    client.force_login(reviewer)

    page = client.get(reverse("home")).content.decode()

    assert f'action="{reverse("reviews:search")}" role="search"' in page


def test_search_page_finds_no_review_for_a_stakeholder_organisation(client, indexed, reference):
    """A stakeholder organisation reaches the search box like every signed-in user, but no review is theirs to
    see (reviews_visible_to): the same words the staff find give them nothing."""
    organisation = factories.StakeholderOrganisationFactory()

    page = _get(client, organisation.account, "en", q="kafala").content.decode()

    assert 'class="search-hit' not in page
    assert "Nothing found" in page
