from io import StringIO

import pytest
from django.core.management import call_command

from reviews.demo.load import demo_load
from reviews.models import (
    ChapterCitation,
    CountryHighlight,
    KeyMessage,
    ObjectiveSynthesis,
    Review,
    ReviewObjective,
    SynthesisChange,
    SynthesisChapter,
)
from reviews.selectors.compilation import COMPILED_STATUSES
from tests.conftest import rows_for_the_class

pytestmark = pytest.mark.django_db
Kind = SynthesisChapter.Kind
ACCEPTED = (Review.Status.ACCEPTED,)


def _chapters():
    return SynthesisChapter.objects.filter(cycle__slug="arab-2028").select_related("round_table")


def _sections():
    return ObjectiveSynthesis.objects.filter(chapter__cycle__slug="arab-2028").select_related("objective", "chapter")


def _assert_written_in_both_languages():
    chapters = list(_chapters())
    assert [c.kind for c in chapters if not (c.text_en.strip() and c.text_ar.strip())] == []
    assert len([c for c in chapters if c.is_round_table]) == 4
    sections = list(_sections())
    assert sorted(s.objective.number for s in sections if s.text_en.strip() and s.text_ar.strip()) == list(range(1, 24))
    assert len({s.text_en for s in sections}) == len({s.text_ar for s in sections}) == 23  # none repeats another
    assert all("{" not in item.text_en + item.text_ar for item in chapters + sections)  # every placeholder filled
    messages = list(KeyMessage.objects.filter(chapter__cycle__slug="arab-2028").prefetch_related("objectives"))
    assert 5 <= len(messages) <= 8
    assert [m.position for m in messages] == list(range(1, len(messages) + 1))
    assert all(m.text_en.strip() and m.text_ar.strip() and 1 <= len(m.objectives.all()) <= 3 for m in messages)


def _assert_sections_name_the_countries_reporting(statuses):
    """Each objective's section names exactly the compiled countries that report the objective."""
    compiled = Review.objects.filter(cycle__slug="arab-2028", status__in=statuses).select_related("country")
    names = {review.country.name_en: review.pk for review in compiled}
    reported = set(ReviewObjective.objects.filter(review__in=compiled, is_reported=True)
                   .values_list("review_id", "objective__number"))
    for section in _sections():
        named = {name for name in names if name in section.text_en}
        number = section.objective.number
        assert named == {name for name, pk in names.items() if (pk, number) in reported}, number


class TestDemoLoad:
    """The demo, loaded once for these tests: they only read its synthesis."""

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _demo(cls, django_db_setup, django_db_blocker):
        yield from rows_for_the_class(django_db_blocker, demo_load)

    def test_demo_load_writes_the_synthesis_of_the_accepted_reviews(self):
        accepted = Review.objects.filter(status=Review.Status.ACCEPTED, cycle__slug="arab-2028").values_list("country__iso2", flat=True)
        assert sorted(accepted) == ["JO", "MA", "QA"]
        _assert_written_in_both_languages()
        _assert_sections_name_the_countries_reporting(ACCEPTED)
        summary = _chapters().get(kind=Kind.EXECUTIVE_SUMMARY)
        assert "from three countries (Jordan, Morocco and Qatar)" in summary.text_en
        assert "من 3 بلدان (الأردن وقطر والمغرب)" in summary.text_ar

    def test_demo_load_writes_the_synthesis_as_the_regional_reviewer_through_the_services(self):
        chapters, sections = list(_chapters()), list(_sections())
        written = [item for item in chapters + sections if item.is_written]
        assert {item.updated_by.username for item in written} == {"reviewer-escwa"}
        changed = set(SynthesisChange.objects.filter(field="text_en").values_list("chapter_id", "objective__number"))
        assert changed == ({(c.pk, None) for c in chapters if c.is_written}
                           | {(s.chapter_id, s.objective.number) for s in sections})
        assert set(SynthesisChange.objects.values_list("user__username", flat=True)) == {"reviewer-escwa"}
        assert {m.updated_by.username for m in KeyMessage.objects.all()} == {"reviewer-escwa"}

    def test_demo_load_features_practices_highlights_and_citations_of_compiled_reviews(self):
        for chapter in _chapters().filter(kind=Kind.ROUND_TABLE).prefetch_related(
                "round_table__objectives", "featured_practices__review_objective__review"):
            practices = list(chapter.featured_practices.all())
            assert len(practices) == 2
            objectives = {o.pk for o in chapter.round_table.objectives.all()}
            assert all(p.review_objective.objective_id in objectives for p in practices)
            assert {p.review_objective.review.status for p in practices} == {Review.Status.ACCEPTED}
        highlights = CountryHighlight.objects.select_related("review", "section__objective", "updated_by")
        assert len(highlights) >= 3
        assert all(h.review.status == Review.Status.ACCEPTED and h.prompt_code != "3.a" for h in highlights)
        assert all(h.updated_by.username == "reviewer-escwa" for h in highlights)
        reported = set(ReviewObjective.objects.values_list("review_id", "objective__number"))
        assert all((h.review_id, h.section.objective.number) in reported for h in highlights)
        citations = ChapterCitation.objects.select_related("chapter", "review")
        assert len(citations) >= 3
        assert {c.review.status for c in citations} == {Review.Status.ACCEPTED}
        assert {c.chapter.kind for c in citations} >= {Kind.METHODOLOGY, Kind.ROUND_TABLE, Kind.MEANS}


def _synthesis_state():
    chapters = sorted(_chapters().values_list("kind", "round_table_id", "version", "text_en", "text_ar"), key=str)
    sections = sorted(_sections().values_list("objective__number", "version", "text_en"))
    return (chapters, sections, KeyMessage.objects.count(), CountryHighlight.objects.count(),
            ChapterCitation.objects.count(), SynthesisChapter.featured_practices.through.objects.count(),
            SynthesisChange.objects.count())


def test_demo_load_leaves_a_written_synthesis_as_it_is():
    demo_load()
    first = _synthesis_state()

    demo_load()

    assert _synthesis_state() == first


def test_load_demo_full_writes_the_synthesis_of_the_submitted_region():
    call_command("load_demo", "--full", "--force", stdout=StringIO())

    _assert_written_in_both_languages()
    _assert_sections_name_the_countries_reporting(COMPILED_STATUSES)
    summary = _chapters().get(kind=Kind.EXECUTIVE_SUMMARY)
    assert "from 18 countries (Algeria, Bahrain, Djibouti, Egypt," in summary.text_en
    assert "the reviews of four countries were not yet compiled" in summary.text_en
    featured = SynthesisChapter.featured_practices.through.objects.count()
    assert (featured, CountryHighlight.objects.count(), ChapterCitation.objects.count()) == (8, 6, 6)
