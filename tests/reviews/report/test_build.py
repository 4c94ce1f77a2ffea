"""The PDFs: a faithful text layer in both editions, user text printed as text and never fetched,
and nothing beyond what the user may see."""

import io
import re

import pytest

from reviews.report.build import html_to_pdf, render_country_html, render_report_html
from reviews.report.fetcher import SafeFetcher
from reviews.services.errors import NotFound
from tests.reviews.report.conftest import (
    ARABIC_ANSWER,
    ENGLISH_ANSWER,
    HOSTILE_ANSWER,
    MIXED_ANSWER,
    SHADDA_WORDS,
    arabic_indic,
    occurrences,
    pdf_text,
    pdf_words,
    text_tokens,
)

pytestmark = pytest.mark.django_db


class RecordingFetcher(SafeFetcher):
    """The project's fetcher, noting every URL WeasyPrint asks for."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def fetch(self, url, headers=None):
        self.urls.append(url)
        return super().fetch(url, headers)


def test_country_pdf_text_layer_gives_back_every_word_in_both_editions(accepted_review, organiser, tmp_path):
    pdf = html_to_pdf(render_country_html(review=accepted_review, user=organiser))
    words = pdf_words(pdf, tmp_path)
    # Each answer prints in both editions: in its own edition and, marked, in the other one; word for word,
    # shadda (alone or under a vowel), tanween, lam-alef and every other mark included.
    assert occurrences(words, ARABIC_ANSWER.split()) == 2
    assert occurrences(words, ENGLISH_ANSWER.split()) == 2
    assert [word for word in SHADDA_WORDS if words.count(word) < 2] == []
    assert ("Only", "in", "Arabic") in zip(words, words[1:], words[2:])
    # Amiri's spacing makes pdftotext split "بالإنجليزية" in two; the words of the answers themselves stay whole.
    assert words.count("فقط") == 2


def test_country_pdf_text_layer_keeps_mixed_arabic_english_and_digits(accepted_review, organiser, tmp_path):
    tokens = text_tokens(pdf_text(html_to_pdf(render_country_html(review=accepted_review, user=organiser)), tmp_path))
    # 1.3 has both languages: the Arabic edition prints the Arabic text (in its digits), the English edition
    # its translation.
    assert occurrences(tokens, text_tokens(arabic_indic(MIXED_ANSWER))) == 1
    assert occurrences(tokens, text_tokens(ENGLISH_ANSWER.upper())) == 1


def test_country_pdf_marks_are_not_guessed_from_their_first_use(accepted_review, organiser, tmp_path):
    """The cover says "المقدَّمة" (shadda under fatha, one cluster of two glyphs) before any answer: the
    shadda glyph must still read as a shadda afterwards, not as nothing or as the fatha."""
    text = pdf_text(html_to_pdf(render_country_html(review=accepted_review, user=organiser, languages=("ar",))),
                    tmp_path)
    assert text.index("المقدَّمة") < text.index("العمّال")
    assert text.count("\u0651") == sum(word.count("\u0651") for word in (text.split()))
    assert {"العمّال", "شدّة", "مُدّة", "حقٌّ", "تُبيِّن"} <= set(text.split())


def test_country_html_marks_text_only_in_its_original_language(accepted_review, organiser):
    html = render_country_html(review=accepted_review, user=organiser, languages=("en",))
    assert html.count("Only in Arabic") >= 1
    assert f'<p class="only-in">Only in Arabic</p><div class="answer" dir="rtl" lang="ar"><p>{ARABIC_ANSWER}</p></div>' in html


def test_country_pdf_prints_hostile_markup_as_text_and_never_fetches_it(accepted_review, organiser, tmp_path):
    html = render_country_html(review=accepted_review, user=organiser)
    assert '<img src="file:///etc/passwd">' not in html
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    fetcher = RecordingFetcher()
    pdf = html_to_pdf(html, url_fetcher=fetcher)
    text = pdf_text(pdf, tmp_path)
    # Printed whole, in order, in both editions (a line may break inside "url(http://x)"). In the Arabic
    # edition pdftotext's own bidi may move the punctuation that ends a line of this English passage to its
    # other end, so there it is compared word by word (the English edition, left to right, character for character).
    assert "".join(text.split()).count("".join(HOSTILE_ANSWER.split())) >= 1
    assert occurrences(text_tokens(text), text_tokens(HOSTILE_ANSWER)) == 2
    assert {url.split("/")[-1] for url in fetcher.urls} == {"NotoSans%5Bwdth%2Cwght%5D.ttf", "Amiri-Regular.ttf",
                                                            "Amiri-Bold.ttf"}
    assert all(url.startswith("file:///") and "passwd" not in url for url in fetcher.urls)


def test_country_pdf_of_another_countrys_review_is_impossible(accepted_review, other_focal_point):
    with pytest.raises(NotFound):
        render_country_html(review=accepted_review, user=other_focal_point)


def test_country_pdf_of_a_draft_is_hidden_from_regional_staff(morocco_draft, organiser):
    with pytest.raises(NotFound):
        render_country_html(review=morocco_draft, user=organiser)


@pytest.mark.parametrize("include_submitted", [False, True])
def test_regional_report_leaves_drafts_out(accepted_review, morocco_draft, organiser, include_submitted):
    html = render_report_html(cycle=accepted_review.cycle, user=organiser, include_submitted=include_submitted)
    assert "Moroccan private draft sentence" not in html
    assert html.count(f'id="en-profile-EG"') == 1
    assert html.count('id="ar-profile-') == 1
    assert html.count('id="en-profile-') == 1


def test_regional_report_leaves_submitted_reviews_out_unless_asked(accepted_review, morocco_draft, organiser,
                                                                   other_focal_point):
    from reviews.services.submission import review_submit
    review_submit(review=morocco_draft, user=other_focal_point)
    accepted_only = render_report_html(cycle=accepted_review.cycle, user=organiser, languages=("en",))
    every_submitted = render_report_html(cycle=accepted_review.cycle, user=organiser, languages=("en",),
                                         include_submitted=True)
    assert 'id="en-profile-MA"' not in accepted_only
    assert 'id="en-profile-MA"' in every_submitted


def test_regional_report_pdf_has_both_editions(accepted_review, organiser, tmp_path):
    pdf = html_to_pdf(render_report_html(cycle=accepted_review.cycle, user=organiser))
    words = pdf_words(pdf, tmp_path)
    assert pdf.startswith(b"%PDF")
    assert "Contents" in words
    assert occurrences(words, ARABIC_ANSWER.split()) == 2  # the profile's "how the review was prepared" (1.1)


def test_country_pdf_reports_layout_start_then_pages_as_each_edition_is_done(accepted_review, organiser):
    from reviews.report.build import country_pdf

    seen = []
    built = country_pdf(review=accepted_review, user=organiser, on_progress=lambda *step: seen.append(step))

    assert built.content.startswith(b"%PDF")
    assert [phase for phase, _ in seen] == ["gathering", "layout", "layout", "layout", "writing"]
    assert seen[1] == ("layout", 0)  # layout starts: the page shows it before the first edition is done
    first_edition_pages = seen[2][1]
    assert 0 < first_edition_pages < seen[3][1] == built.pages == seen[-1][1]


@pytest.mark.parametrize(("language", "contents", "other_title"), [
    ("ar", "المحتويات", "Voluntary national review"),
    ("en", "Contents", "الاستعراض الوطني الطوعي"),
])
def test_country_edition_labels_come_from_the_catalogue(accepted_review, organiser, language, contents, other_title):
    html = render_country_html(review=accepted_review, user=organiser, languages=(language,))
    assert f'id="{language}-toc">{contents}</h1>' in html
    assert other_title in html  # the cover gives the title in the other language too


def test_country_pdf_outline_links_and_page_numbers_per_edition(accepted_review, organiser, tmp_path):
    from pypdf import PdfReader

    from reviews.report.build import country_pdf

    built = country_pdf(review=accepted_review, user=organiser)
    reader = PdfReader(io.BytesIO(built.content))
    arabic_pages = country_pdf(review=accepted_review, user=organiser, languages=("ar",)).pages
    outline = reader.outline  # [edition title, [its chapters], edition title, [its chapters]]
    assert [outline[0].title, outline[2].title] == ["الاستعراض الوطني الطوعي — مصر",
                                                    "Voluntary national review — Egypt"]
    assert [item.title for item in outline[3][:2]] == ["Contents", "1. Methodology"]
    assert reader.get_destination_page_number(outline[2]) == arabic_pages  # English starts after the Arabic edition
    # The contents' links still lead into their own edition.
    destinations = reader.named_destinations
    assert reader.get_destination_page_number(destinations["ar-part-1"]) < arabic_pages
    assert reader.get_destination_page_number(destinations["en-part-1"]) > arabic_pages
    # Page numbers restart: the English edition's first chapter is on its page 3, as in the Arabic one.
    text = pdf_text(built.content, tmp_path)
    english_toc_page = int(re.search(r"1\. Methodology *\.+ *(\d+)", text).group(1))
    assert english_toc_page == reader.get_destination_page_number(destinations["en-part-1"]) - arabic_pages + 1
    arabic_toc_line = next(line for line in text.splitlines() if "المنهجية" in line and ".." in line)
    assert re.search("[\u0660-\u0669]", arabic_toc_line)  # Arabic-Indic page numbers in the Arabic edition


def test_text_direction_of_user_text_follows_its_own_letters(accepted_review, organiser):
    from reviews.report.template_filters import text_dir

    assert [text_dir("وزارة العمل"), text_dir("Ministry of Labour"), text_dir("2024"), text_dir("")] == [
        "rtl", "ltr", "auto", "auto"]
    html = render_country_html(review=accepted_review, user=organiser, languages=("en",))
    assert re.findall('dir="auto">[^<]', html) == []  # only empty blocks are left to "auto"


def test_bilingual_pdf_as_one_tagged_document_prints_what_the_joined_editions_print(accepted_review, organiser,
                                                                                    settings, tmp_path):
    from reviews.report.build import country_editions, pdf_from_editions

    editions = country_editions(review=accepted_review, user=organiser)
    one_document = pdf_from_editions(editions)
    settings.REPORT_PDF_WORKERS = 1
    joined = pdf_from_editions(editions, one_document=False)
    assert one_document.pages == joined.pages
    assert pdf_words(one_document.content, tmp_path) == pdf_words(joined.content, tmp_path)
