"""Reading the synthesis: chapters with their sections, citations and featured practices, key messages and
country highlights, for the regional staff only, at a cost that does not grow with the chapters filled in or
the countries cited."""

import pytest
from django.utils import timezone, translation

from reviews.models import Country, Objective, ObjectiveSynthesis, Review, ReviewObjective
from reviews.selectors.synthesis import (
    highlight_answers,
    highlight_choices,
    key_messages,
    practices_for_chapter,
    recent_changes,
    synthesis_chapters,
    with_last_change,
)
from reviews.services.highlights import highlight_choose
from reviews.services.key_messages import key_message_create, key_message_delete, key_message_move
from reviews.services.synthesis import (
    chapter_cite,
    chapter_feature_practice,
    chapter_text_save,
    objective_synthesis_save,
    synthesis_chapters_ensure,
)
from tests import factories

pytestmark = pytest.mark.django_db

# The ids of the reviews the user sees, the chapters, their sections, citations and featured practices; and, once
# a text is written, the users who wrote or verified them (one query). The round tables, objectives, countries,
# practice kinds and the cycle's template come from the lists kept per process (selectors/reference.py).
QUERIES = 5


@pytest.fixture
def chapters(open_cycle) -> list:
    return synthesis_chapters_ensure(cycle=open_cycle)


@pytest.fixture
def region(open_cycle, reference):
    """`region(n)`: the first n countries (by ISO code) with a submitted review reporting objectives 1
    and 2, each with a good practice on objective 1."""

    def make(count: int) -> list[Review]:
        reviews = []
        for country in Country.objects.order_by("iso2")[:count]:
            review = factories.ReviewFactory(cycle=open_cycle, country=country, status=Review.Status.SUBMITTED,
                                             first_submitted_at=timezone.now())
            for number in (1, 2):
                row = factories.ReviewObjectiveFactory(review=review, objective=Objective.objects.get(number=number),
                                                       stage=ReviewObjective.Stage.UNDER_WAY)
                if number == 1:
                    factories.GoodPracticeFactory(review_objective=row, title=f"Practice of {country.iso2}")
            reviews.append(review)
        return reviews

    return make


def _write(chapter, user, text="نص الفصل"):
    return chapter_text_save(chapter=chapter, user=user, text_ar=text, text_en="", original_language=None,
                             base_version=chapter.version)


def _cite_and_feature(chapter, reviews, user):
    for review in reviews:
        chapter_cite(chapter=chapter, review=review, prompt_code="3.a", objective_number=1, note="", user=user)
        chapter_cite(chapter=chapter, review=review, prompt_code="1.1", objective_number=None, note="", user=user)
        for practice in practices_for_chapter(user=user, chapter=chapter):
            if practice.review_objective.review_id == review.pk:
                chapter_feature_practice(chapter=chapter, practice=practice, user=user, featured=True)


def test_synthesis_chapters_in_report_order_with_their_sections(open_cycle, chapters, reviewer):
    rows = synthesis_chapters(user=reviewer, cycle=open_cycle)

    assert [chapter.pk for chapter in rows] == [chapter.pk for chapter in chapters]
    assert [[s.objective.number for s in chapter.objective_syntheses.all()] for chapter in rows] == [
        [], [], [], [], [2, 5, 6, 12, 18], [4, 8, 9, 10, 11, 13, 21], [14, 15, 16, 19, 20, 22], [1, 3, 7, 17, 23],
        [], [], []]
    assert [(chapter.last_change, chapter.sections_written) for chapter in with_last_change(rows)[4:8]] == [
        (None, 0)] * 4


def test_synthesis_chapters_of_one_chapter_by_uid(open_cycle, chapters, reviewer):
    rows = synthesis_chapters(user=reviewer, cycle=open_cycle, uid=chapters[7].uid)

    assert [chapter.pk for chapter in rows] == [chapters[7].pk]


def test_synthesis_chapters_citations_with_the_country_and_the_part(open_cycle, chapters, region, reviewer):
    egypt, jordan = (review for review in region(22) if review.country.iso2 in ("EG", "JO"))
    chapter_cite(chapter=chapters[7], review=jordan, prompt_code="3.a", objective_number=1, note="Survey",
                 user=reviewer)
    chapter_cite(chapter=chapters[7], review=egypt, prompt_code="2.1", objective_number=None, note="",
                 user=reviewer)
    chapter_cite(chapter=chapters[7], review=egypt, prompt_code="3.b", objective_number=2, note="", user=reviewer)

    chapter = synthesis_chapters(user=reviewer, cycle=open_cycle, uid=chapters[7].uid)[0]

    assert [(c.review.country.iso2, c.prompt_code, c.objective_number, c.part_number)
            for c in chapter.citations.all()] == [("EG", "2.1", None, 2), ("EG", "3.b", 2, 3), ("JO", "3.a", 1, 3)]
    # Round table 4 has objective 1 (Jordan's citation goes under it); objective 2 is round table 1's.
    assert [(c.review.country.iso2, c.prompt_code) for c in chapter.general_citations] == [("EG", "2.1"),
                                                                                          ("EG", "3.b")]
    sections = {s.objective.number: s for s in chapter.objective_syntheses.all()}
    assert [(c.review.country.iso2, c.note) for c in sections[1].citations_here] == [("JO", "Survey")]
    assert sections[3].citations_here == []


def test_synthesis_chapters_featured_practices_under_their_objective(open_cycle, chapters, region, reviewer):
    reviews = region(3)
    practices = list(practices_for_chapter(user=reviewer, chapter=chapters[7]))
    for practice in reversed(practices):
        chapter_feature_practice(chapter=chapters[7], practice=practice, user=reviewer, featured=True)

    chapter = synthesis_chapters(user=reviewer, cycle=open_cycle, uid=chapters[7].uid)[0]

    expected = [(p.review_objective.review.country.iso2, p.review_objective.objective.number)
                for p in practices]
    assert expected == [(review.country.iso2, 1) for review in reviews]
    assert [(p.review_objective.review.country.iso2, p.review_objective.objective.number)
            for p in chapter.featured_practices.all()] == expected
    section = next(s for s in chapter.objective_syntheses.all() if s.objective.number == 1)
    assert (section.practices_here, chapter.general_practices) == (list(chapter.featured_practices.all()), [])


def test_synthesis_chapters_last_change_and_sections_written(open_cycle, chapters, reviewer, organiser):
    _write(chapters[7], reviewer)
    section = chapters[7].objective_syntheses.get(objective__number=3)
    objective_synthesis_save(synthesis=section, user=organiser, text_ar="", text_en="Information",
                             original_language=None, base_version=1)

    chapter = with_last_change(synthesis_chapters(user=reviewer, cycle=open_cycle, uid=chapters[7].uid))[0]

    assert (chapter.last_change.user, chapter.last_change.objective.number, chapter.last_change.field) == (
        organiser, 3, "original_language")
    assert (chapter.sections_written, chapter.text_ar, chapter.version) == (1, "نص الفصل", 2)


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_synthesis_chapters_hidden_from_country_teams(request, open_cycle, chapters, user_fixture):
    assert synthesis_chapters(user=request.getfixturevalue(user_fixture), cycle=open_cycle) == []


def test_practices_for_chapter_of_a_round_table_are_on_its_objectives(open_cycle, chapters, region, reviewer,
                                                                      review):
    reviews = region(2)
    ro = ReviewObjective.objects.get(review=reviews[0], objective__number=2)  # round table 1
    on_round_table_1 = factories.GoodPracticeFactory(review_objective=ro, title="Regular pathways pilot")
    draft = factories.ReviewObjectiveFactory(review=review, objective=Objective.objects.get(number=1))
    factories.GoodPracticeFactory(review_objective=draft, title="A draft's practice")  # Egypt's draft: private

    assert [p.title for p in practices_for_chapter(user=reviewer, chapter=chapters[7])] == [
        f"Practice of {reviews[0].country.iso2}", f"Practice of {reviews[1].country.iso2}"]
    assert list(practices_for_chapter(user=reviewer, chapter=chapters[4])) == [on_round_table_1]
    assert len(practices_for_chapter(user=reviewer, chapter=chapters[0])) == 3


@pytest.mark.parametrize("filled", [1, 3])
def test_synthesis_chapters_queries_do_not_grow_with_chapters_filled(open_cycle, chapters, region, reviewer,
                                                                    filled, django_assert_num_queries):
    reviews = region(2)
    for chapter in chapters[4:4 + filled]:
        _write(chapter, reviewer)
        for section in chapter.objective_syntheses.all():
            objective_synthesis_save(synthesis=section, user=reviewer, text_ar="قسم", text_en="",
                                     original_language=None, base_version=1)
        chapter_cite(chapter=chapter, review=reviews[0], prompt_code="1.1", objective_number=None, note="",
                     user=reviewer)

    synthesis_chapters(user=reviewer, cycle=open_cycle)  # the reference lists, read once per process
    with django_assert_num_queries(QUERIES + 1):
        rows = synthesis_chapters(user=reviewer, cycle=open_cycle)

    assert sum(1 for chapter in rows if chapter.is_written) == filled
    assert {str(chapter.updated_by) for chapter in rows if chapter.is_written} == {str(reviewer)}
    assert sum(len(chapter.citations.all()) for chapter in rows) == filled


@pytest.mark.parametrize("countries", [3, 22])
def test_synthesis_chapters_queries_do_not_grow_with_countries_cited(open_cycle, chapters, region, reviewer,
                                                                    countries, django_assert_num_queries):
    _cite_and_feature(chapters[7], region(countries), reviewer)
    synthesis_chapters(user=reviewer, cycle=open_cycle)  # the reference lists, read once per process

    with django_assert_num_queries(QUERIES):
        rows = synthesis_chapters(user=reviewer, cycle=open_cycle)

    chapter = rows[7]
    assert (len(chapter.citations.all()), len(chapter.featured_practices.all())) == (2 * countries, countries)
    assert len({c.review.country.name for c in chapter.citations.all()}) == countries


# --- key messages, highlights, recent changes --------------------------------------------------------------------


def _submitted_version(review, *, objectives=(1, 2), text="First sentence. Second sentence."):
    """The review's last submitted version, as review_submit stores it: objective 1's answers in English."""
    factories.ReviewVersionFactory(review=review, number=1, content={
        "objectives": [{"objective": number} for number in objectives],
        "answers": [{"prompt": code, "objective": 1, "text_ar": "", "text_en": text, "original_language": "en"}
                    for code in ("3.a", "3.b")],
    })


def _section_1(open_cycle):
    return ObjectiveSynthesis.objects.select_related("chapter__cycle", "objective").get(
        chapter__cycle=open_cycle, objective__number=1)


def test_key_messages_in_their_order_with_their_objectives(chapters, reviewer):
    for text, numbers in (("One.", (2, 1)), ("Two.", ())):
        key_message_create(chapter=chapters[0], user=reviewer, text_ar="", text_en=text, original_language=None,
                           objectives=list(Objective.objects.filter(number__in=numbers)))

    rows = list(key_messages(chapter=chapters[0]))

    assert [(m.text_en, [o.number for o in m.objectives.all()]) for m in rows] == [("One.", [1, 2]), ("Two.", [])]


def test_highlight_choices_default_and_chosen_per_country(open_cycle, chapters, region, reviewer):
    first, second, third = region(3)
    _submitted_version(first)
    _submitted_version(second)
    _submitted_version(third, objectives=(2,))  # does not report objective 1 in what it submitted
    section = _section_1(open_cycle)
    highlight_choose(section=section, review=second, prompt_code="3.b", first_sentence=1, last_sentence=1,
                     base_version=0, user=reviewer)

    choices = highlight_choices(user=reviewer, section=section, language="en")

    assert [(c.review.country.iso2, c.default.text["text"], c.shown.text["text"], c.shown.prompt_code, c.version)
            for c in choices] == [
        (first.country.iso2, "First sentence.", "First sentence.", "3.a", 0),
        (second.country.iso2, "First sentence.", "Second sentence.", "3.b", 1),
    ]


@pytest.mark.parametrize("countries", [3, 22])
def test_highlight_choices_queries_do_not_grow_with_countries(open_cycle, chapters, region, reviewer, countries,
                                                              django_assert_num_queries):
    for review in region(countries):
        _submitted_version(review)
    section = _section_1(open_cycle)

    with django_assert_num_queries(4):  # the reviews, their last versions, the prompts, the chosen passages
        choices = highlight_choices(user=reviewer, section=section, language="ar")

    assert len(choices) == countries


def test_highlight_answers_numbers_the_sentences_in_the_answers_language(open_cycle, chapters, reviewer):
    content = {"answers": [
        {"prompt": "3.b", "objective": 1, "text_ar": "جملة أولى. جملة ثانية؟ ثالثة", "text_en": "One. Two.",
         "original_language": "ar"},
        {"prompt": "3.a", "objective": 1, "text_ar": "", "text_en": "Only English.", "original_language": "ar"},
        {"prompt": "3.c", "objective": 2, "text_ar": "هدف آخر.", "text_en": "", "original_language": "ar"},
    ]}

    answers = highlight_answers(section=_section_1(open_cycle), content=content)

    assert [(a.prompt.code, a.language, a.sentences) for a in answers] == [
        ("3.a", "en", ["Only English."]),
        ("3.b", "ar", ["جملة أولى.", "جملة ثانية؟", "ثالثة"]),
    ]


def test_recent_changes_name_messages_by_number_and_highlights_by_country(open_cycle, chapters, region, reviewer,
                                                                         english):
    def add(text):
        return key_message_create(chapter=chapters[0], user=reviewer, text_ar="", text_en=text,
                                  original_language=None, objectives=[])

    gone, first, second = add("Gone."), add("One."), add("Two.")
    key_message_delete(message=gone, user=reviewer, base_version=1)
    key_message_move(message=second, user=reviewer, up=True, base_version=1)
    review = region(1)[0]
    _submitted_version(review)
    section = _section_1(open_cycle)
    highlight_choose(section=section, review=review, prompt_code="3.a", first_sentence=0, last_sentence=1,
                     base_version=0, user=reviewer)

    labels = [change.label for change in recent_changes(chapter=chapters[0])]
    highlight_labels = [change.label for change in recent_changes(chapter=section.chapter)]

    assert labels == ["Key message 1 · place in the list", "Deleted key message · English text",
                      "Key message 1 · English text", "Key message 2 · English text",
                      "Deleted key message · English text"]
    assert highlight_labels == [f"Highlight of {review.country.name}"]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_recent_changes_name_citations_and_featured_practices_in_the_page_language(chapters, region, reviewer,
                                                                                   language):
    chapter = chapters[7]  # round table 4, objective 1 among its objectives
    review = region(1)[0]
    _submitted_version(review)
    _cite_and_feature(chapter, [review], reviewer)

    with translation.override(language):
        labels = {change.label for change in recent_changes(chapter=chapter)}

    with translation.override(language):
        assert labels == {translation.gettext("Country answers cited"), translation.gettext("Good practices featured")}
