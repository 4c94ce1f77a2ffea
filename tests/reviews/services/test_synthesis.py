"""The regional synthesis: standard chapters, texts saved without lost updates, translation
verification, citations of country answers and featured good practices; regional staff only."""

import pytest

from reviews.models import (
    ChapterCitation,
    ObjectiveSynthesis,
    Review,
    ReviewObjective,
    SynthesisChange,
    SynthesisChapter,
)
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.services.reference import cycle_create
from reviews.services.submission import review_submit
from reviews.services.synthesis import (
    chapter_citation_remove,
    chapter_cite,
    chapter_feature_practice,
    chapter_text_save,
    chapter_translation_verify,
    objective_synthesis_save,
    synthesis_chapters_ensure,
)
from tests import factories

pytestmark = pytest.mark.django_db

Kind = SynthesisChapter.Kind
TEXT_CONFLICT = ("{name} saved this text while you were editing it. Your text was not saved: compare both "
                 "versions, merge them and save again.")
ROUND_TABLE_OBJECTIVES = {
    1: [2, 5, 6, 12, 18],
    2: [4, 8, 9, 10, 11, 13, 21],
    3: [14, 15, 16, 19, 20, 22],
    4: [1, 3, 7, 17, 23],
}


@pytest.fixture
def chapters(open_cycle) -> dict:
    """The open cycle's standard chapters: by kind, and round-table chapters by round-table number."""
    rows = synthesis_chapters_ensure(cycle=open_cycle)
    return {chapter.round_table.number if chapter.round_table else chapter.kind: chapter for chapter in rows}


@pytest.fixture
def morocco_review(open_cycle, other_focal_point, complete_review):
    """Morocco's review, complete (objectives 1 and 3 reported) and submitted by its focal point."""
    review = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(review, other_focal_point, objective_numbers=(1, 3))
    review_submit(review=review, user=other_focal_point)
    return Review.objects.get(pk=review.pk)


def _save(chapter, user, *, base_version, text_ar="", text_en="", original_language=None):
    return chapter_text_save(chapter=chapter, user=user, text_ar=text_ar, text_en=text_en,
                             original_language=original_language, base_version=base_version)


def _stored(item):
    item = type(item).objects.get(pk=item.pk)
    return item.text_ar, item.text_en, item.original_language, item.version, item.updated_by


def _changes(chapter):
    return list(SynthesisChange.objects.filter(chapter=chapter).order_by("pk").values_list(
        "objective__number", "field", "before", "after", "user__username"))


def _practice(review, objective_number, title="Fair recruitment pilot"):
    row = ReviewObjective.objects.get(review=review, objective__number=objective_number)
    return factories.GoodPracticeFactory(review_objective=row, title=title)


# --- synthesis_chapters_ensure --------------------------------------------------------------------------------


def test_synthesis_chapters_ensure_creates_the_standard_chapters_in_report_order(open_cycle):
    rows = synthesis_chapters_ensure(cycle=open_cycle)

    assert [(c.position, c.kind, c.round_table.number if c.round_table else None, c.title_en, c.version)
            for c in rows] == [
        (10, Kind.KEY_MESSAGES, None, "Key messages", 1),
        (20, Kind.EXECUTIVE_SUMMARY, None, "Executive summary", 1),
        (30, Kind.METHODOLOGY, None, "The regional review process", 1),
        (40, Kind.POLICY, None, "Policy and enabling environment", 1),
        (50, Kind.ROUND_TABLE, 1, rows[4].round_table.title_en, 1),
        (60, Kind.ROUND_TABLE, 2, rows[5].round_table.title_en, 1),
        (70, Kind.ROUND_TABLE, 3, rows[6].round_table.title_en, 1),
        (80, Kind.ROUND_TABLE, 4, rows[7].round_table.title_en, 1),
        (90, Kind.MEANS, None, "Means of implementation", 1),
        (100, Kind.NEXT_STEPS, None, "Next steps", 1),
        (110, Kind.CONCLUSIONS, None, "Conclusions and recommendations", 1),
    ]
    assert (rows[0].title_ar, rows[1].title_ar, rows[4].title_ar) == (
        "الرسائل الرئيسية", "الملخص التنفيذي", rows[4].round_table.title_ar)
    assert rows[4].title_en.startswith("Round table 1: ")


def test_synthesis_chapters_ensure_adds_a_section_per_objective_under_its_round_table(open_cycle):
    synthesis_chapters_ensure(cycle=open_cycle)

    sections = {}
    cycle_sections = ObjectiveSynthesis.objects.filter(chapter__cycle=open_cycle)
    for section in cycle_sections.select_related("chapter__round_table", "objective"):
        sections.setdefault(section.chapter.round_table.number, []).append(section.objective.number)
    assert sections == ROUND_TABLE_OBJECTIVES
    assert cycle_sections.count() == 23


def test_synthesis_chapters_ensure_is_idempotent_and_keeps_the_texts(open_cycle, reviewer):
    first = synthesis_chapters_ensure(cycle=open_cycle)
    _save(first[0], reviewer, base_version=1, text_ar="ملخص")

    second = synthesis_chapters_ensure(cycle=open_cycle)

    assert [c.pk for c in second] == [c.pk for c in first]
    assert (SynthesisChapter.objects.filter(cycle=open_cycle).count(),
            ObjectiveSynthesis.objects.filter(chapter__cycle=open_cycle).count()) == (11, 23)
    assert _stored(second[0])[:4] == ("ملخص", "", "ar", 2)


def test_synthesis_chapters_ensure_restores_a_missing_chapter_only(open_cycle):
    rows = synthesis_chapters_ensure(cycle=open_cycle)
    SynthesisChapter.objects.filter(cycle=open_cycle, kind=Kind.ROUND_TABLE, round_table__number=2).delete()

    again = synthesis_chapters_ensure(cycle=open_cycle)

    assert [c.pk for c in again if c.kind != Kind.ROUND_TABLE or c.round_table.number != 2] == [
        c.pk for c in rows if c.kind != Kind.ROUND_TABLE or c.round_table.number != 2]
    assert (len(again), ObjectiveSynthesis.objects.filter(chapter__cycle=open_cycle).count()) == (11, 23)


def test_synthesis_chapters_ensure_puts_an_earlier_layouts_chapters_in_report_order(open_cycle, reviewer):
    rows = synthesis_chapters_ensure(cycle=open_cycle)
    SynthesisChapter.objects.filter(pk=rows[0].pk).delete()  # a cycle set up before key messages existed
    SynthesisChapter.objects.filter(cycle=open_cycle).update(position=1)
    kept = SynthesisChapter.objects.create(cycle=open_cycle, kind=Kind.INTRODUCTION, position=2, title_ar="مقدمة",
                                           title_en="Introduction", text_ar="نص كتبه أحد")

    again = synthesis_chapters_ensure(cycle=open_cycle)

    assert [c.kind for c in again[:4]] == [Kind.KEY_MESSAGES, Kind.EXECUTIVE_SUMMARY, Kind.INTRODUCTION,
                                            Kind.METHODOLOGY]
    assert again[2].pk == kept.pk and again[2].text_ar == "نص كتبه أحد"


def test_synthesis_chapters_ensure_keeps_cycles_apart(open_cycle):
    other = cycle_create(slug="arab-2032", name_ar="الرابع", name_en="Fourth")

    synthesis_chapters_ensure(cycle=open_cycle)
    synthesis_chapters_ensure(cycle=other)

    assert [SynthesisChapter.objects.filter(cycle=c).count() for c in (open_cycle, other)] == [11, 11]


def test_synthesis_chapters_ensure_costs_the_same_once_created(open_cycle, django_assert_num_queries):
    synthesis_chapters_ensure(cycle=open_cycle)

    # A savepoint and its release, the round tables, their objectives, the chapters, their sections.
    with django_assert_num_queries(6):
        synthesis_chapters_ensure(cycle=open_cycle)


# --- chapter_text_save ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_chapter_text_save_by_regional_staff(request, chapters, user_fixture):
    user = request.getfixturevalue(user_fixture)

    chapter = _save(chapters[4], user, base_version=1, text_ar="أحرزت البلدان تقدماً.")

    assert (chapter.version, chapter.updated_by, chapter.original_language) == (2, user, "ar")
    assert _stored(chapters[4]) == ("أحرزت البلدان تقدماً.", "", "ar", 2, user)
    assert _changes(chapters[4]) == [(None, "text_ar", "", "أحرزت البلدان تقدماً.", user.username)]


def test_chapter_text_save_takes_english_as_original_when_written_first(chapters, reviewer):
    _save(chapters[Kind.METHODOLOGY], reviewer, base_version=1, text_en="The region reported.")

    assert _stored(chapters[Kind.METHODOLOGY])[:4] == ("", "The region reported.", "en", 2)
    assert _changes(chapters[Kind.METHODOLOGY]) == [
        (None, "text_en", "", "The region reported.", "reviewer-escwa"),
        (None, "original_language", "ar", "en", "reviewer-escwa"),
    ]


def test_chapter_text_save_refuses_a_stale_version_and_keeps_the_stored_text(chapters, reviewer, organiser,
                                                                             english):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص المراجع")

    with pytest.raises(EditConflict) as conflict:
        _save(chapters[4], organiser, base_version=1, text_ar="نص المنظم")

    assert (conflict.value.current.text_ar, conflict.value.current.version) == ("نص المراجع", 2)
    assert conflict.value.message == TEXT_CONFLICT.format(name=reviewer)
    assert _stored(chapters[4]) == ("نص المراجع", "", "ar", 2, reviewer)
    assert len(_changes(chapters[4])) == 1


def test_chapter_text_save_identical_retried_save_is_not_a_conflict(chapters, reviewer):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص", text_en="Text")

    retried = _save(chapters[4], reviewer, base_version=1, text_ar="نص", text_en="Text")

    assert (retried.version, retried.text_ar) == (2, "نص")
    assert _stored(chapters[4])[3] == 2


def test_chapter_text_save_clears_the_verification_when_a_text_changes(chapters, reviewer, organiser):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص", text_en="Text")
    chapter_translation_verify(item=chapters[4], user=organiser, verified=True, base_version=2)

    chapter = _save(chapters[4], reviewer, base_version=3, text_ar="نص", text_en="Better text")

    assert (chapter.translation_verified_by, chapter.translation_verified_at, chapter.translation_status) == (
        None, None, "draft")


def test_chapter_text_save_keeps_the_verification_when_only_the_language_changes(chapters, reviewer, organiser):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص", text_en="Text")
    chapter_translation_verify(item=chapters[4], user=organiser, verified=True, base_version=2)

    chapter = _save(chapters[4], reviewer, base_version=3, text_ar="نص", text_en="Text", original_language="ar")

    assert (chapter.version, chapter.translation_verified_by, chapter.translation_status) == (4, organiser,
                                                                                             "verified")


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_chapter_text_save_refused_to_country_teams(request, chapters, user_fixture, english):
    with pytest.raises(NotAllowed) as refused:
        _save(chapters[4], request.getfixturevalue(user_fixture), base_version=1, text_ar="نص")

    assert refused.value.message == "Only the regional staff write the regional synthesis."
    assert _stored(chapters[4]) == ("", "", "ar", 1, None)


# --- objective_synthesis_save ---------------------------------------------------------------------------------


def test_objective_synthesis_save_records_the_objective(chapters, reviewer):
    section = chapters[4].objective_syntheses.get(objective__number=1)

    saved = objective_synthesis_save(synthesis=section, user=reviewer, text_ar="", text_en="Data improved.",
                                     original_language="en", base_version=1)

    assert (saved.version, saved.text_en, saved.original_language) == (2, "Data improved.", "en")
    assert _changes(chapters[4]) == [
        (1, "text_en", "", "Data improved.", "reviewer-escwa"),
        (1, "original_language", "ar", "en", "reviewer-escwa"),
    ]
    assert _stored(chapters[4])[3] == 1  # the chapter's own text is another version


def test_objective_synthesis_save_refuses_a_stale_version(chapters, reviewer, organiser, english):
    section = chapters[4].objective_syntheses.get(objective__number=3)
    objective_synthesis_save(synthesis=section, user=reviewer, text_ar="أولاً", text_en="",
                             original_language=None, base_version=1)

    with pytest.raises(EditConflict) as conflict:
        objective_synthesis_save(synthesis=section, user=organiser, text_ar="ثانياً", text_en="",
                                 original_language=None, base_version=1)

    assert (conflict.value.current.text_ar, conflict.value.message) == ("أولاً", TEXT_CONFLICT.format(name=reviewer))
    assert _stored(section) == ("أولاً", "", "ar", 2, reviewer)


# --- chapter_translation_verify -------------------------------------------------------------------------------


def test_chapter_translation_verify_records_who_vouched(chapters, reviewer, organiser):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص", text_en="Text")

    chapter = chapter_translation_verify(item=chapters[4], user=organiser, verified=True, base_version=2)

    assert (chapter.translation_status, chapter.translation_verified_by, chapter.version) == (
        "verified", organiser, 3)
    assert chapter.translation_verified_at is not None
    assert _changes(chapters[4])[-1] == (None, "verified", "False", "True", "organiser")


def test_chapter_translation_verify_withdrawn(chapters, reviewer, organiser):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص", text_en="Text")
    chapter_translation_verify(item=chapters[4], user=organiser, verified=True, base_version=2)

    chapter = chapter_translation_verify(item=chapters[4], user=reviewer, verified=False, base_version=3)

    assert (chapter.translation_status, chapter.translation_verified_by, chapter.translation_verified_at) == (
        "draft", None, None)


def test_chapter_translation_verify_needs_a_translation(chapters, reviewer, english):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص")

    with pytest.raises(DomainError) as refused:
        chapter_translation_verify(item=chapters[4], user=reviewer, verified=True, base_version=2)

    assert refused.value.message == "There is no translation to verify yet."
    assert SynthesisChapter.objects.get(pk=chapters[4].pk).translation_status == "needed"


def test_chapter_translation_verify_refuses_a_text_changed_since_it_was_read(chapters, reviewer, organiser,
                                                                             english):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص", text_en="Text")
    _save(chapters[4], reviewer, base_version=2, text_ar="نص", text_en="Changed text")

    with pytest.raises(EditConflict) as conflict:
        chapter_translation_verify(item=chapters[4], user=organiser, verified=True, base_version=2)

    assert conflict.value.message == (f"{reviewer} changed this text since you read it. Read it again before "
                                      "verifying the translation.")
    assert SynthesisChapter.objects.get(pk=chapters[4].pk).translation_verified_at is None


def test_chapter_translation_verify_an_objective_section(chapters, reviewer):
    section = chapters[4].objective_syntheses.get(objective__number=7)
    objective_synthesis_save(synthesis=section, user=reviewer, text_ar="نص", text_en="Text",
                             original_language=None, base_version=1)

    verified = chapter_translation_verify(item=section, user=reviewer, verified=True, base_version=2)

    assert verified.translation_status == "verified"
    assert _changes(chapters[4])[-1] == (7, "verified", "False", "True", "reviewer-escwa")


def test_chapter_translation_verify_refused_to_country_teams(chapters, focal_point, reviewer):
    _save(chapters[4], reviewer, base_version=1, text_ar="نص", text_en="Text")

    with pytest.raises(NotAllowed):
        chapter_translation_verify(item=chapters[4], user=focal_point, verified=True, base_version=2)


# --- chapter_feature_practice ---------------------------------------------------------------------------------


def test_chapter_feature_practice_adds_and_removes(chapters, submitted_review, reviewer):
    practice = _practice(submitted_review, 1)

    chapter_feature_practice(chapter=chapters[4], practice=practice, user=reviewer, featured=True)
    featured = list(chapters[4].featured_practices.all())
    chapter_feature_practice(chapter=chapters[4], practice=practice, user=reviewer, featured=False)

    assert (featured, list(chapters[4].featured_practices.all())) == ([practice], [])
    assert _changes(chapters[4]) == [
        (None, "featured_practices", "", "EG: Fair recruitment pilot", "reviewer-escwa"),
        (None, "featured_practices", "EG: Fair recruitment pilot", "", "reviewer-escwa"),
    ]


def test_chapter_feature_practice_twice_changes_nothing(chapters, submitted_review, reviewer):
    practice = _practice(submitted_review, 1)
    chapter_feature_practice(chapter=chapters[4], practice=practice, user=reviewer, featured=True)

    chapter_feature_practice(chapter=chapters[4], practice=practice, user=reviewer, featured=True)

    assert (chapters[4].featured_practices.count(), len(_changes(chapters[4]))) == (1, 1)


def test_chapter_feature_practice_refuses_a_draft_review(chapters, review, reviewer, english):
    practice = factories.GoodPracticeFactory(review_objective=factories.ReviewObjectiveFactory(
        review=review, objective=chapters[4].objective_syntheses.first().objective))

    with pytest.raises(NotAllowed) as refused:
        chapter_feature_practice(chapter=chapters[4], practice=practice, user=reviewer, featured=True)

    assert refused.value.message == "This review is not one of the cycle's reviews you can see."
    assert chapters[4].featured_practices.count() == 0


def test_chapter_feature_practice_refuses_another_cycle(chapters, submitted_review, reviewer):
    other = cycle_create(slug="arab-2032", name_ar="الرابع", name_en="Fourth")
    other_chapter = synthesis_chapters_ensure(cycle=other)[7]
    practice = _practice(submitted_review, 1)

    with pytest.raises(NotAllowed):
        chapter_feature_practice(chapter=other_chapter, practice=practice, user=reviewer, featured=True)

    assert other_chapter.featured_practices.count() == 0


def test_chapter_feature_practice_refused_to_country_teams(chapters, submitted_review, focal_point):
    practice = _practice(submitted_review, 1)

    with pytest.raises(NotAllowed):
        chapter_feature_practice(chapter=chapters[4], practice=practice, user=focal_point, featured=True)

    assert chapters[4].featured_practices.count() == 0


# --- chapter_cite ---------------------------------------------------------------------------------------------


def _cite(chapter, review, user, code="3.a", objective_number=1, note=""):
    return chapter_cite(chapter=chapter, review=review, prompt_code=code, objective_number=objective_number,
                        note=note, user=user)


def test_chapter_cite_an_objective_answer_and_a_part_answer(chapters, submitted_review, morocco_review, reviewer):
    first = _cite(chapters[4], submitted_review, reviewer, note="Labour migration survey")
    second = _cite(chapters[4], morocco_review, reviewer, code="1.1", objective_number=None)

    rows = ChapterCitation.objects.filter(chapter=chapters[4]).order_by("pk")
    assert [(c.review.country.iso2, c.prompt_code, c.objective_number, c.note, c.created_by) for c in rows] == [
        ("EG", "3.a", 1, "Labour migration survey", reviewer), ("MA", "1.1", None, "", reviewer)]
    assert [first, second] == list(rows)
    assert _changes(chapters[4]) == [
        (None, "citations", "", "EG 3.a o1: Labour migration survey", "reviewer-escwa"),
        (None, "citations", "", "MA 1.1", "reviewer-escwa"),
    ]


@pytest.mark.parametrize(("code", "objective_number", "message"), [
    ("9.9", None, "There is no question 9.9 in this cycle's template."),
    ("1.1", 1, "Question 1.1 is answered once for the whole part: choose no objective."),
    ("3.a", None, "Question 3.a is answered for each objective: choose the objective."),
    ("3.a", 7, "Egypt does not report on objective 7."),
])
def test_chapter_cite_refuses_an_answer_that_does_not_exist(chapters, submitted_review, reviewer, code,
                                                            objective_number, message, english):
    with pytest.raises(DomainError) as refused:
        _cite(chapters[4], submitted_review, reviewer, code=code, objective_number=objective_number)

    assert refused.value.message == message
    assert ChapterCitation.objects.count() == 0


def test_chapter_cite_the_same_answer_once(chapters, submitted_review, reviewer, english):
    _cite(chapters[4], submitted_review, reviewer)

    with pytest.raises(DomainError) as refused:
        _cite(chapters[4], submitted_review, reviewer, note="again")

    assert refused.value.message == "This answer is already cited in this chapter."
    assert ChapterCitation.objects.count() == 1


def test_chapter_cite_the_same_answer_in_two_chapters(chapters, submitted_review, reviewer):
    _cite(chapters[4], submitted_review, reviewer)
    _cite(chapters[Kind.EXECUTIVE_SUMMARY], submitted_review, reviewer)

    assert ChapterCitation.objects.count() == 2


def test_chapter_cite_refuses_a_draft_review(chapters, review, reviewer, english):
    with pytest.raises(NotAllowed) as refused:
        _cite(chapters[4], review, reviewer, code="1.1", objective_number=None)

    assert refused.value.message == "This review is not one of the cycle's reviews you can see."


def test_chapter_cite_refuses_a_review_of_another_cycle(submitted_review, reviewer):
    other = cycle_create(slug="arab-2032", name_ar="الرابع", name_en="Fourth")
    other_chapter = synthesis_chapters_ensure(cycle=other)[0]

    with pytest.raises(NotAllowed):
        _cite(other_chapter, submitted_review, reviewer, code="1.1", objective_number=None)

    assert ChapterCitation.objects.count() == 0


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_chapter_cite_refused_to_country_teams(request, chapters, submitted_review, user_fixture):
    with pytest.raises(NotAllowed):
        _cite(chapters[4], submitted_review, request.getfixturevalue(user_fixture))

    assert ChapterCitation.objects.count() == 0


def test_chapter_citation_remove_keeps_a_trace(chapters, submitted_review, reviewer, organiser):
    citation = _cite(chapters[4], submitted_review, reviewer)

    chapter_citation_remove(citation=citation, user=organiser)

    assert ChapterCitation.objects.count() == 0
    assert _changes(chapters[4])[-1] == (None, "citations", "EG 3.a o1", "", "organiser")


def test_chapter_citation_remove_refused_to_country_teams(chapters, submitted_review, reviewer, focal_point):
    citation = _cite(chapters[4], submitted_review, reviewer)

    with pytest.raises(NotAllowed):
        chapter_citation_remove(citation=citation, user=focal_point)

    assert ChapterCitation.objects.count() == 1
