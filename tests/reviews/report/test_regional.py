"""The regional report as a synthesis: its outline in both editions, key messages, country highlights,
practice boxes, the not-final mark, each review as last submitted, and a cost that does not grow with the
number of countries. Run with `pytest -s` to see both editions' outlines."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import pgettext

from reviews.models import (
    Answer,
    Country,
    CountryHighlight,
    GoodPracticeCriterion,
    KeyMessage,
    Objective,
    ObjectiveSynthesis,
    ReviewObjective,
    ReviewVersion,
    RoundTable,
    SynthesisChapter,
)
from reviews.report.build import compendium_editions, render_report_html
from reviews.report.data import compendium, regional_report
from reviews.report.numerals import html_with_edition_digits
from reviews.selectors.snapshot import review_snapshot
from reviews.services.submission import review_submit
from reviews.services.synthesis import synthesis_chapters_ensure
from reviews.services.workflow import review_accept, review_take, revision_request
from tests import factories
from tests.reviews.conftest import review_complete

pytestmark = pytest.mark.django_db

HEADING = re.compile(r"<(h[12])\b[^>]*>(.*?)</\1>", re.S)
FIRST_SENTENCE = "Egypt opened three one-stop centres for returning migrants in 2022."


def _in_digits(text: str, language: str) -> str:
    """A text as the edition prints it: the Arabic edition in its numeral system (REPORT_ARABIC_DIGITS)."""
    return html_with_edition_digits(text, language=language)


def outline(html: str) -> list[tuple[str, str]]:
    """The h1 and h2 headings of an edition, in order, as text."""
    return [(level, re.sub(r"<[^>]+>|[\u2066-\u2069]", "", text).strip()) for level, text in HEADING.findall(html)]


def _objective_answer(review, code: str, number: int, **texts) -> None:
    Answer.objects.filter(review=review, prompt__code=code, objective__number=number).update(**texts)


@pytest.fixture
def accepted(review, focal_point, reviewer):
    """Egypt's review, accepted, reporting objective 1 (round table 4) with an English answer to 3.a."""
    review_complete(review, focal_point)
    _objective_answer(review, "3.a", 1, text_en=f"{FIRST_SENTENCE} They served 4,000 people.", text_ar="",
                      original_language="en")
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    review_accept(review=review, reviewer=reviewer)
    review.refresh_from_db()
    return review


def _accept_another(cycle, iso2: str, reviewer, *, objective_numbers=(1,)):
    focal_point = factories.FocalPointFactory(username=f"fp-{iso2.lower()}", country=Country.objects.get(iso2=iso2))
    review = factories.ReviewFactory(cycle=cycle, country=focal_point.country)
    review_complete(review, focal_point, objective_numbers=objective_numbers)
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    review_accept(review=review, reviewer=reviewer)
    return review


def test_outline_of_both_editions_follows_the_report_structure(accepted, organiser):
    synthesis_chapters_ensure(cycle=accepted.cycle)
    round_tables = list(RoundTable.objects.order_by("number"))
    for language in ("ar", "en"):
        html = render_report_html(cycle=accepted.cycle, user=organiser, languages=(language,))
        found = outline(html)
        print(f"\n--- outline of the {language} edition ---")
        for level, text in found:
            print(("  " if level == "h2" else "") + text)
        with translation.override(language):
            rt_titles = [_in_digits(round_table.title, language) for round_table in round_tables]
            objectives = list(Objective.objects.select_related("round_table").order_by("round_table__number",
                                                                                        "number"))
            chapter_titles = [h1 for level, h1 in found if level == "h1"]
            titles = {chapter.kind: chapter.title for chapter in SynthesisChapter.objects.filter(
                cycle=accepted.cycle).exclude(kind="round_table")}
            expected = [
                "الرسائل الرئيسية" if language == "ar" else "Key messages",
                "الملخص التنفيذي" if language == "ar" else "Executive summary",
                titles["methodology"], titles["policy"], *rt_titles,
                "التقدّم منذ الاستعراض السابق" if language == "ar" else "Progress since the previous review",
                titles["means"], titles["next_steps"],
                titles["conclusions"],
            ]
            assert titles["methodology"] == ("عملية الاستعراض الإقليمي" if language == "ar"
                                             else "The regional review process")
            # cover title, contents, the chapters in order, then the two annexes
            assert chapter_titles[2:-2] == expected
            assert len(chapter_titles) == 2 + len(expected) + 2
            # each round table's chapter holds one section per objective, "N. short title", in order
            for round_table in round_tables:
                start = next(i for i, (level, text) in enumerate(found)
                             if text == _in_digits(round_table.title, language))
                sections = []
                for level, text in found[start + 1:]:
                    if level == "h1":
                        break
                    sections.append(text)
                assert sections == [_in_digits(f"{o.number}. {o.short_label}", language) for o in objectives
                                    if o.round_table_id == round_table.pk]


def test_outline_holds_without_any_chapter_written_or_created(accepted, organiser):
    SynthesisChapter.objects.filter(cycle=accepted.cycle).delete()
    html = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",))
    h1s = [text for level, text in outline(html) if level == "h1"]
    assert h1s[2:5] == ["Key messages", "Executive summary", "The regional review process"]
    assert "The synthesis of this section has not been written yet." in html


def test_key_messages_are_numbered_in_order_with_their_objectives(accepted, organiser):
    chapters = synthesis_chapters_ensure(cycle=accepted.cycle)
    key = next(chapter for chapter in chapters if chapter.kind == SynthesisChapter.Kind.KEY_MESSAGES)
    second = KeyMessage.objects.create(chapter=key, position=20, text_en="Regular pathways widened.",
                                       text_ar="اتسعت مسارات الهجرة النظامية.")
    first = KeyMessage.objects.create(chapter=key, position=10, text_en="", text_ar="البيانات ما زالت ناقصة.",
                                      original_language="ar")
    first.objectives.set(Objective.objects.filter(number__in=[7, 3]))
    second.objectives.set(Objective.objects.filter(number=5))

    report = regional_report(cycle=accepted.cycle, user=organiser, language="en")
    assert [(m.number, m.text["text"], m.objectives_text) for m in report.key_messages] == [
        (1, "البيانات ما زالت ناقصة.", "3, 7"), (2, "Regular pathways widened.", "5")]
    html = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",))
    ordered = re.search(r'<ol class="key-messages">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r'<li value="(\d+)">', ordered) == ["1", "2"]
    assert ordered.index("البيانات ما زالت ناقصة.") < ordered.index("Regular pathways widened.")
    assert "Only in Arabic" in ordered and "Objectives 3, 7" in ordered and "Objective 5" in ordered
    arabic = render_report_html(cycle=accepted.cycle, user=organiser, languages=("ar",))
    assert _in_digits("3، 7", "ar") in arabic


def test_country_highlights_are_attributed_and_marked_when_only_in_the_other_language(accepted, organiser,
                                                                                      reviewer):
    synthesis_chapters_ensure(cycle=accepted.cycle)
    jordan = _accept_another(accepted.cycle, "JO", reviewer)
    report = regional_report(cycle=accepted.cycle, user=organiser, language="ar")
    section = next(s for rt in report.round_tables for s in rt.objectives if s.objective.number == 1)
    assert [h.review.country.iso2 for h in section.highlights] == ["JO", "EG"]  # in Arabic name order
    egypt = next(h for h in section.highlights if h.review.country.iso2 == "EG")
    assert egypt.text == {"text": FIRST_SENTENCE, "lang": "en", "only_in": "en"}
    assert section.reporting == 2 and [row.value for row in section.stages if row.value] == [2]

    html = render_report_html(cycle=accepted.cycle, user=organiser, languages=("ar",))
    quote = re.search(r'<blockquote class="highlight"><p class="highlight-country">مصر</p>(.*?)</blockquote>', html,
                      re.S).group(1)
    assert "بالإنكليزية فقط" in quote
    assert 'lang="en"' in quote and FIRST_SENTENCE in quote
    assert jordan.country.name_ar in html


def test_featured_practice_is_a_box_with_country_type_and_criteria(accepted, organiser):
    chapters = synthesis_chapters_ensure(cycle=accepted.cycle)
    row = ReviewObjective.objects.get(review=accepted, objective__number=1)
    practice = factories.GoodPracticeFactory(review_objective=row, title="One-stop centres")
    practice.criteria.set(GoodPracticeCriterion.objects.filter(code="effective"))
    # The practice enters the last submitted version: submitted again after a revision.
    version = ReviewVersion.objects.get(review=accepted)
    version.content = review_snapshot(accepted)
    version.save()
    chapter = next(c for c in chapters if c.round_table_id == Objective.objects.get(number=1).round_table_id)
    chapter.featured_practices.add(practice)

    html = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",))
    box = re.search(r'<section class="objective" id="en-o1">.*?(<aside class="practice-box">.*?</aside>)', html,
                    re.S).group(1)
    assert "<h3" in box and "One-stop centres" in box and "Egypt" in box
    assert practice.kind.name_en in box and "Effective and successful" in box
    catalogue = html[html.index('id="en-annex-practices"'):]
    assert "One-stop centres" in catalogue
    assert "Only in English" not in box  # the English edition of an English description
    arabic = render_report_html(cycle=accepted.cycle, user=organiser, languages=("ar",))
    box = re.search(r'<section class="objective" id="ar-o1">.*?(<aside class="practice-box">.*?</aside>)', arabic,
                    re.S).group(1)
    with translation.override("ar"):
        marked = pgettext("report", "Only in English")
    assert f'<p class="only-in">{marked}</p>' in box and marked != "Only in English"


def test_not_final_mark_when_reviews_not_yet_accepted_are_included(accepted, organiser, other_focal_point):
    accepted_only = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",))
    with_submitted = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",),
                                        include_submitted=True)
    assert 'class="not-final"' not in accepted_only and 'class="not-final"' not in with_submitted  # all accepted

    morocco = factories.ReviewFactory(cycle=accepted.cycle, country=other_focal_point.country)
    review_complete(morocco, other_focal_point)
    review_submit(review=morocco, user=other_focal_point)
    html = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",), include_submitted=True)
    assert '<div class="not-final">' in html
    assert 'class="cover-not-final"' in html[html.index('<div class="cover">'):html.index('<nav class="toc">')]
    assert html.index('<div class="running-title">') < html.index('<div class="not-final">') < html.index(
        '<div class="cover">')


def test_review_sent_back_for_revision_is_printed_as_last_submitted(accepted, organiser, reviewer,
                                                                     other_focal_point):
    morocco = factories.ReviewFactory(cycle=accepted.cycle, country=other_focal_point.country)
    review_complete(morocco, other_focal_point)
    Answer.objects.filter(review=morocco, prompt__code="1.1").update(text_en="Submitted preparation text.")
    _objective_answer(morocco, "3.a", 1, text_en="Submitted highlight sentence.", text_ar="")
    review_submit(review=morocco, user=other_focal_point)
    review_take(review=morocco, reviewer=reviewer)
    revision_request(review=morocco, reviewer=reviewer, reason="Please add indicators.")
    # The country edits after being sent back: the report must not show it.
    Answer.objects.filter(review=morocco, prompt__code="1.1").update(text_en="Edit in progress, not submitted.")
    _objective_answer(morocco, "3.a", 1, text_en="Edit in progress of the highlight.")

    html = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",), include_submitted=True)
    assert "Submitted preparation text." in html and "Submitted highlight sentence." in html
    assert "Edit in progress" not in html
    profile = html[html.index('id="en-profile-MA"'):]
    assert "sent back for revision" in profile[:2000]
    status = html[html.index('id="en-status"'):html.index('id="en-preparation"')]
    assert "as last submitted (version 1)" in status
    assert "Edit in progress" not in "".join(compendium_editions(cycle=accepted.cycle, user=organiser,
                                                                 languages=("en",), include_submitted=True))


def test_queries_do_not_grow_with_countries(accepted, organiser, reviewer, django_assert_max_num_queries):
    synthesis_chapters_ensure(cycle=accepted.cycle)
    _accept_another(accepted.cycle, "JO", reviewer, objective_numbers=(1, 2))
    with CaptureQueriesContext(connection) as two:
        regional_report(cycle=accepted.cycle, user=organiser, language="en")
    for iso2 in ("TN", "LB", "IQ"):
        _accept_another(accepted.cycle, iso2, reviewer, objective_numbers=(1, 5, 9))
    with django_assert_max_num_queries(len(two)):
        report = regional_report(cycle=accepted.cycle, user=organiser, language="en")
    assert len(report.reviews) == 5
    with CaptureQueriesContext(connection) as five:
        compendium(cycle=accepted.cycle, user=organiser, language="ar")
    assert len(five) <= 6


def test_synthesis_texts_and_marks_per_objective(accepted, organiser):
    synthesis_chapters_ensure(cycle=accepted.cycle)
    section = ObjectiveSynthesis.objects.get(chapter__cycle=accepted.cycle, objective__number=1)
    section.text_ar = "تحسّنت البيانات في المنطقة."
    section.save()
    html = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",))
    objective = html[html.index('id="en-o1"'):]
    objective = objective[:objective.index("</section>")]
    assert "تحسّنت البيانات في المنطقة." in objective and "Only in Arabic" in objective
    assert "Countries reporting: 1 of 1" in objective


def test_compendium_has_every_included_countrys_full_answers(accepted, organiser, morocco_draft):
    html = compendium_editions(cycle=accepted.cycle, user=organiser, languages=("en",))[0]
    assert "They served 4,000 people." in html  # the full answer, not its first sentence
    assert "Moroccan private draft sentence" not in html and 'id="en-o1-MA"' not in html
    assert 'id="en-o1-EG"' in html
    h1s = [text for level, text in outline(html) if level == "h1"]
    assert h1s[2:] == ["1. " + Objective.objects.get(number=1).short_label_en]


def test_chosen_highlight_replaces_the_default_first_sentence(accepted, organiser):
    synthesis_chapters_ensure(cycle=accepted.cycle)
    section = ObjectiveSynthesis.objects.get(chapter__cycle=accepted.cycle, objective__number=1)
    CountryHighlight.objects.create(section=section, review=accepted, prompt_code="3.a", first_sentence=1,
                                    last_sentence=1)
    html = render_report_html(cycle=accepted.cycle, user=organiser, languages=("en",))
    quote = re.search(r'<blockquote class="highlight"><p class="highlight-country">Egypt</p>(.*?)</blockquote>', html,
                      re.S).group(1)
    assert "They served 4,000 people." in quote and FIRST_SENTENCE not in quote
