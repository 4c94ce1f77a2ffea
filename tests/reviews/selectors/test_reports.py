"""Generated PDFs: who sees which build, and the data version, whose cost does not grow with the number
of countries and which moves with every change the report would show, and only then."""

import pytest

from reviews.models import Answer, Country, SynthesisChapter
from reviews.selectors.reports import country_data_version, regional_data_version, reports_visible_to
from reviews.services.synthesis import synthesis_chapters_ensure
from tests import factories
from tests.reviews.reports_content import accept

pytestmark = pytest.mark.django_db

REGIONAL_QUERIES = 18  # reviews, statuses, 8 tables, versions, chapters, featured practices, sections, citations,
# key messages, their objectives, country highlights
COUNTRY_QUERIES = 10  # the review, 8 tables, versions


@pytest.fixture
def accepted(review, focal_point, reviewer):
    return accept(review, focal_point=focal_point, reviewer=reviewer)


def _accept_another(cycle, iso2: str, reviewer):
    focal_point = factories.FocalPointFactory(username=f"fp-{iso2.lower()}", country=Country.objects.get(iso2=iso2))
    return accept(factories.ReviewFactory(cycle=cycle, country=focal_point.country), focal_point=focal_point,
                  reviewer=reviewer)


def test_regional_data_version_queries_do_not_grow_with_countries(accepted, reviewer, django_assert_num_queries):
    cycle = accepted.cycle
    with django_assert_num_queries(REGIONAL_QUERIES):
        one = regional_data_version(cycle=cycle)
    for iso2 in ("JO", "TN"):
        _accept_another(cycle, iso2, reviewer)

    with django_assert_num_queries(REGIONAL_QUERIES):
        three = regional_data_version(cycle=cycle)

    assert one != three


def test_country_data_version_queries(accepted, django_assert_num_queries):
    with django_assert_num_queries(COUNTRY_QUERIES):
        version = country_data_version(review=accepted)

    assert len(version) == 64


def test_regional_data_version_is_stable_while_nothing_changes(accepted):
    assert regional_data_version(cycle=accepted.cycle) == regional_data_version(cycle=accepted.cycle)


def test_regional_data_version_moves_with_the_synthesis(accepted, reviewer):
    # A cycle whose chapters are not there yet (they are made when a cycle is set up).
    SynthesisChapter.objects.filter(cycle=accepted.cycle).delete()
    before = regional_data_version(cycle=accepted.cycle)
    chapter = synthesis_chapters_ensure(cycle=accepted.cycle)[0]
    created = regional_data_version(cycle=accepted.cycle)
    chapter.text_en = "The region improved its data."
    chapter.version += 1
    chapter.save()

    assert len({before, created, regional_data_version(cycle=accepted.cycle)}) == 3


def test_regional_data_version_moves_with_key_messages_and_highlights(accepted, reviewer):
    from reviews.models import CountryHighlight, KeyMessage, Objective, ObjectiveSynthesis

    chapters = synthesis_chapters_ensure(cycle=accepted.cycle)
    key_chapter = next(chapter for chapter in chapters if chapter.kind == SynthesisChapter.Kind.KEY_MESSAGES)
    before = regional_data_version(cycle=accepted.cycle)
    message = KeyMessage.objects.create(chapter=key_chapter, position=1, text_en="Data gaps remain.")
    with_message = regional_data_version(cycle=accepted.cycle)
    message.objectives.add(Objective.objects.get(number=1))
    linked = regional_data_version(cycle=accepted.cycle)
    section = ObjectiveSynthesis.objects.filter(chapter__cycle=accepted.cycle).first()
    CountryHighlight.objects.create(section=section, review=accepted, prompt_code="3.b")
    highlighted = regional_data_version(cycle=accepted.cycle)

    assert len({before, with_message, linked, highlighted}) == 4


def test_regional_data_version_moves_when_a_row_is_deleted(accepted):
    before = regional_data_version(cycle=accepted.cycle)
    Answer.objects.filter(review=accepted).last().delete()

    assert regional_data_version(cycle=accepted.cycle) != before


def test_regional_data_version_with_submitted_reviews_differs(accepted, reviewer):
    assert regional_data_version(cycle=accepted.cycle, include_submitted=True) != regional_data_version(
        cycle=accepted.cycle)


def test_country_data_version_moves_with_its_review_only(accepted, reviewer, other_focal_point):
    before = country_data_version(review=accepted)
    other = factories.ReviewFactory(cycle=accepted.cycle, country=other_focal_point.country)
    factories.AnswerFactory(review=other, prompt=Answer.objects.first().prompt, updated_by=other_focal_point)
    unchanged = country_data_version(review=accepted)
    factories.GovernmentEntityFactory(review=accepted, updated_by=reviewer)

    assert (unchanged, country_data_version(review=accepted) != before) == (before, True)


def test_reports_visible_to_each_role(accepted, reviewer, organiser, focal_point, contributor, other_focal_point):
    regional = factories.GeneratedReportFactory(cycle=accepted.cycle, requested_by=reviewer, data_version="x")
    compendium = factories.GeneratedReportFactory(cycle=accepted.cycle, requested_by=reviewer, data_version="x",
                                                  kind="compendium")
    egypt = factories.GeneratedReportFactory(review=accepted, requested_by=focal_point, data_version="x")

    seen = {user.username: set(reports_visible_to(user)) for user in
            (reviewer, organiser, focal_point, contributor, other_focal_point)}

    assert seen == {"reviewer-escwa": {regional, compendium, egypt}, "organiser": {regional, compendium, egypt},
                    "fp-eg": {egypt}, "contrib-eg": {egypt}, "fp-ma": set()}


def test_reports_visible_to_keeps_the_report_with_submitted_reviews_to_organisers(accepted, reviewer, organiser):
    """The report a user may ask for is the report they see: reviewers never ask for it, nor see it."""
    published = factories.GeneratedReportFactory(cycle=accepted.cycle, requested_by=reviewer, data_version="x")
    with_submitted = factories.GeneratedReportFactory(cycle=accepted.cycle, requested_by=organiser,
                                                      include_submitted=True, data_version="y")

    assert (set(reports_visible_to(reviewer)), set(reports_visible_to(organiser))) == (
        {published}, {published, with_submitted})


def test_reports_visible_to_keeps_a_build_from_a_draft_to_its_country_team(accepted, reviewer, organiser,
                                                                           focal_point, contributor,
                                                                           other_focal_point):
    """Made while the review was the country's draft: still the team's once the review is submitted."""
    draft_build = factories.GeneratedReportFactory(review=accepted, from_draft=True, requested_by=focal_point,
                                                   data_version="x")

    seen = {user.username: list(reports_visible_to(user)) for user in
            (reviewer, organiser, focal_point, contributor, other_focal_point)}

    assert accepted.first_submitted_at is not None
    assert seen == {"reviewer-escwa": [], "organiser": [], "fp-eg": [draft_build], "contrib-eg": [draft_build],
                    "fp-ma": []}
