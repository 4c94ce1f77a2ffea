"""What the search finds and for whom: every normalisation pair both ways, whole words, filters, the
visibility rules (on SQLite and PostgreSQL alike), stemming on PostgreSQL only, and a fixed query count."""

import pytest
from django.db import connection

from reviews.models import Comment, Country, Review
from reviews.selectors.search import SearchFilters, query_pieces, search, search_documents
from reviews.services.search import search_reindex
from tests import factories
from tests.reviews.search.test_normalise import PAIRS

ON_POSTGRESQL = connection.vendor == "postgresql"
postgresql_only = pytest.mark.skipif(not ON_POSTGRESQL, reason="stemming: PostgreSQL's text search configurations")


def _found(user, query: str, **filters) -> set[str]:
    """The original texts the user finds."""
    documents = search_documents(user=user, pieces=query_pieces(query), filters=SearchFilters(**filters))
    return set(documents.values_list("text", flat=True))


def _submitted(review: Review) -> Review:
    Review.objects.filter(pk=review.pk).update(status=Review.Status.SUBMITTED, first_submitted_at="2027-09-01T10:00Z")
    review.refresh_from_db()
    return review


@pytest.fixture
def egypt_review(review):
    return _submitted(review)


@pytest.mark.parametrize("direction", ["written-finds-other", "other-finds-written"])
def test_search_finds_each_normalisation_pair_both_ways(egypt_review, reviewer, direction):
    texts = {}
    for pair in PAIRS:
        written, other = pair.values
        stored, query = (written, other) if direction == "other-finds-written" else (other, written)
        texts[pair.id] = (f"نص {stored} هنا", query)
        factories.PolicyFactory(review=egypt_review, title=texts[pair.id][0])
    search_reindex()

    missed = [name for name, (text, query) in texts.items() if text not in _found(reviewer, query)]

    assert missed == []


def test_search_matches_whole_words_only(egypt_review, reviewer):
    factories.PolicyFactory(review=egypt_review, title="Law on remittances and workers")
    factories.PolicyFactory(review=egypt_review, title="قانون العمل")
    search_reindex()

    assert _found(reviewer, "remit") == set()
    assert _found(reviewer, "عم") == set()
    assert _found(reviewer, "REMITTANCES") == {"Law on remittances and workers"}
    assert _found(reviewer, "العمل") == {"قانون العمل"}


def test_search_finds_a_word_written_with_a_conjunction_on_its_article(egypt_review, reviewer):
    factories.PolicyFactory(review=egypt_review, title="حماية العمال والمهاجرين")
    search_reindex()

    assert _found(reviewer, "المهاجرين") == {"حماية العمال والمهاجرين"}
    assert _found(reviewer, "والعمال") == {"حماية العمال والمهاجرين"}


def test_search_finds_a_quoted_phrase_in_order(egypt_review, reviewer):
    factories.PolicyFactory(review=egypt_review, title="Protection of domestic workers")
    factories.PolicyFactory(review=egypt_review, title="Workers in domestic service")
    search_reindex()

    assert _found(reviewer, '"domestic workers"') == {"Protection of domestic workers"}
    assert _found(reviewer, "domestic workers") == {"Protection of domestic workers", "Workers in domestic service"}


def test_search_reads_answers_in_both_languages_with_the_language_filter(egypt_review, reviewer, prompts):
    factories.AnswerFactory(review=egypt_review, prompt=prompts["1.1"], text_ar="إصلاح نظام الكفالة",
                            text_en="Reform of the kafala system")
    search_reindex()

    assert _found(reviewer, "الكفاله") == {"إصلاح نظام الكفالة"}
    assert _found(reviewer, "kafala") == {"Reform of the kafala system"}
    assert _found(reviewer, "kafala", language="ar") == set()
    assert _found(reviewer, "kafala", language="en", kind="answer", part=1, country="eg", cycle="arab-2028",
                  status="submitted") == {"Reform of the kafala system"}
    assert _found(reviewer, "kafala", kind="row") == set()
    assert _found(reviewer, "kafala", part=2) == set()
    assert _found(reviewer, "kafala", status="accepted") == set()


def test_search_of_a_draft_reaches_its_own_team_never_the_staff(review, focal_point, reviewer, organiser):
    factories.PolicyFactory(review=review, title="Draft kafala law")
    search_reindex()

    assert _found(focal_point, "kafala") == {"Draft kafala law"}
    assert _found(reviewer, "kafala") == set()
    assert _found(organiser, "kafala") == set()


def test_search_never_shows_a_focal_point_another_countrys_review(egypt_review, open_cycle, morocco,
                                                                   other_focal_point, focal_point):
    moroccan = _submitted(factories.ReviewFactory(cycle=open_cycle, country=morocco))
    factories.PolicyFactory(review=egypt_review, title="Egyptian kafala law")
    factories.PolicyFactory(review=moroccan, title="Moroccan kafala law")
    search_reindex()

    assert _found(focal_point, "kafala") == {"Egyptian kafala law"}
    assert _found(other_focal_point, "kafala") == {"Moroccan kafala law"}


def test_search_shows_internal_comments_to_staff_only(egypt_review, reviewer, focal_point, contributor):
    factories.CommentFactory(review=egypt_review, author=reviewer, body="Shared note on kafala")
    factories.CommentFactory(review=egypt_review, author=reviewer, body="Internal note on kafala",
                             visibility=Comment.Visibility.INTERNAL)
    search_reindex()

    assert _found(reviewer, "kafala") == {"Shared note on kafala", "Internal note on kafala"}
    assert _found(focal_point, "kafala") == {"Shared note on kafala"}
    assert _found(contributor, "kafala") == {"Shared note on kafala"}
    assert _found(focal_point, "kafala", kind="comment") == {"Shared note on kafala"}


def test_search_shows_the_synthesis_to_staff_only(open_cycle, reviewer, focal_point):
    factories.SynthesisChapterFactory(cycle=open_cycle, text_en="The region reformed kafala.", text_ar="")
    search_reindex()

    assert _found(reviewer, "kafala", kind="synthesis") == {"The region reformed kafala."}
    assert _found(focal_point, "kafala") == set()


def test_search_finds_nothing_for_an_outsider(egypt_review, reviewer):
    factories.PolicyFactory(review=egypt_review, title="kafala")
    search_reindex()
    outsider = factories.UserFactory(role="", country=None)

    assert _found(outsider, "kafala") == set()


def test_search_groups_by_country_or_objective_with_counts(egypt_review, open_cycle, morocco, reviewer, objectives):
    moroccan = _submitted(factories.ReviewFactory(cycle=open_cycle, country=morocco))
    factories.PolicyFactory(review=egypt_review, title="kafala one")
    factories.PolicyFactory(review=egypt_review, title="kafala two")
    row = factories.ReviewObjectiveFactory(review=moroccan, objective=objectives[6])
    factories.GoodPracticeFactory(review_objective=row, title="kafala practice")
    search_reindex()

    by_country = search(user=reviewer, query="kafala")
    by_objective = search(user=reviewer, query="kafala", group_by="objective")

    assert sorted((group.label, group.count, len(group.hits)) for group in by_country.groups) == sorted([
        (egypt_review.country.name, 2, 2), (morocco.name, 1, 1)])
    assert sorted((group.key is None, group.count) for group in by_objective.groups) == [(False, 1), (True, 2)]
    assert by_country.total == 3


def test_search_page_costs_the_same_queries_for_one_or_three_countries(egypt_review, open_cycle, reviewer,
                                                                      django_assert_num_queries):
    factories.PolicyFactory(review=egypt_review, title="kafala")
    search_reindex()
    with django_assert_num_queries(3):
        search(user=reviewer, query="kafala")

    for iso2 in ("MA", "JO"):
        other = _submitted(factories.ReviewFactory(cycle=open_cycle, country=Country.objects.get(iso2=iso2)))
        factories.PolicyFactory(review=other, title="kafala")
        factories.CommentFactory(review=other, author=reviewer, body="kafala")
    search_reindex()
    with django_assert_num_queries(3):
        page = search(user=reviewer, query="kafala")
    assert page.total == 5


def test_search_of_no_words_runs_no_query(reviewer, django_assert_num_queries):
    with django_assert_num_queries(0):
        page = search(user=reviewer, query="  ؟ ... «»  ")
    assert (page.total, page.groups) == (0, [])


@postgresql_only
def test_search_on_postgresql_finds_a_word_under_its_clitics_and_suffixes(egypt_review, reviewer):
    factories.PolicyFactory(review=egypt_review, title="قانون بالكفالة")
    factories.PolicyFactory(review=egypt_review, title="Rights of migrant workers")
    search_reindex()

    assert _found(reviewer, "الكفالة") == {"قانون بالكفالة"}
    assert _found(reviewer, "worker") == {"Rights of migrant workers"}


@postgresql_only
def test_search_on_postgresql_ranks_the_denser_text_first(egypt_review, reviewer):
    factories.PolicyFactory(review=egypt_review, title="kafala kafala kafala reform")
    factories.PolicyFactory(review=egypt_review, title="a long title that mentions kafala once among many other words")
    search_reindex()

    hits = search(user=reviewer, query="kafala").groups[0].hits

    assert [hit.text for hit in hits][0] == "kafala kafala kafala reform"
