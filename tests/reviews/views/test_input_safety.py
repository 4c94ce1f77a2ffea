"""What users wrote is shown as text on every page, in Arabic and English: markup and script in answers,
rows and comments are escaped; file names and links cannot be disguised by direction controls, and a
link shows the host it really leads to. (PDFs: tests/reviews/report/test_build.py prints hostile markup
as text; exports: tests/reviews/test_exports.py; e-mails: tests/reviews/services/test_notifications.py.)"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reviews.models import Answer, Review
from reviews.services.attachments import attachment_add
from reviews.services.comments import comment_add
from reviews.services.submission import review_submit
from reviews.services.workflow import review_take
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SCRIPT = "<script>alert('answer')</script><img src=x onerror=alert(2)>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(&#x27;answer&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
ENTITY = '<a href="javascript:alert(3)">Ministry</a>'
ESCAPED_ENTITY = "&lt;a href=&quot;javascript:alert(3)&quot;&gt;Ministry&lt;/a&gt;"


@pytest.fixture
def hostile_review(review, focal_point, prompts, complete_review) -> Review:
    """Egypt's review, submitted, with script in an answer, a row and a comment, a disguised file name."""
    complete_review(review, focal_point, objective_numbers=(1,))
    Answer.objects.filter(review=review, prompt=prompts["1.1"], objective=None).update(text_ar=SCRIPT, text_en=SCRIPT)
    factories.GovernmentEntityFactory(review=review, name=ENTITY, role=SCRIPT, updated_by=focal_point)
    factories.PolicyFactory(review=review, link="https://www.iom.int/ar/x", updated_by=focal_point)
    attachment_add(review=review, user=focal_point,
                   file=SimpleUploadedFile("report\u202efdp.exe", PDF, content_type="application/pdf"))
    review_submit(review=review, user=focal_point)
    return Review.objects.get(pk=review.pk)


def _page(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("page", ["parts/1/", "preview/", "preview/?lang=en"])
def test_markup_in_answers_and_rows_is_shown_as_text(client, hostile_review, focal_point, language, page):
    html = _page(client, focal_point, f"/{language}/reviews/{hostile_review.uid}/{page}")

    assert ESCAPED_SCRIPT in html and ESCAPED_ENTITY in html
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html


@pytest.mark.parametrize("language", ["ar", "en"])
def test_markup_is_text_on_the_regional_pages(client, hostile_review, reviewer, language):
    review_take(review=hostile_review, reviewer=reviewer)
    comment_add(review=hostile_review, author=reviewer, anchor="answer:1.1", part_number=1, objective_number=None,
                body=SCRIPT, visibility="shared")
    factories.ChangeLogFactory(review=hostile_review, before="", after=SCRIPT)
    pages = [f"/{language}/reviews/{hostile_review.uid}/parts/1/", f"/{language}/reviews/{hostile_review.uid}/history/",
             f"/{language}/reviews/cycles/arab-2028/compilations/?prompt=1.1",
             f"/{language}/reviews/cycles/arab-2028/translations/"]

    htmls = {url: _page(client, reviewer, url) for url in pages}

    assert {url: ("<script>alert" in html, "<img src=x" in html, ESCAPED_SCRIPT in html)
            for url, html in htmls.items()} == {url: (False, False, True) for url in pages}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_disguised_file_name_is_shown_cleaned_and_isolated(client, hostile_review, focal_point, language):
    html = _page(client, focal_point, f"/{language}/reviews/{hostile_review.uid}/documents/")

    assert "<bdi>reportfdp.pdf</bdi>" in html
    assert "\u202e" not in html


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_link_in_a_row_is_shown_left_to_right_without_controls(client, hostile_review, focal_point, language):
    html = _page(client, focal_point, f"/{language}/reviews/{hostile_review.uid}/preview/")

    assert "\u2066https://www.iom.int/ar/x\u2069" in html


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize(("link", "host"), [
    ("https://www.iom.int/ar/page", "www.iom.int"),
    ("https://مثال.مصر/صفحة", "xn--mgbh0fb.xn--wgbh1c"),  # a host in Arabic letters shown as it resolves
    ("https://example.org\u202e/moc.vog", "example.org"),  # stored before links refused direction controls
])
def test_a_practice_link_shows_its_real_host(client, hostile_review, reviewer, language, link, host):
    practice = factories.GoodPracticeFactory(review_objective=hostile_review.review_objectives.get(), link=link)

    html = _page(client, reviewer, f"/{language}/reviews/practices/{practice.uid}/")

    shown = link.replace("\u202e", "")
    assert f'<a href="{shown}" rel="noopener noreferrer nofollow" dir="ltr"><bdi>{shown}</bdi></a>' in html
    assert f'(<bdi dir="ltr">{host}</bdi>)' in html
    assert "\u202e" not in html


def test_a_document_is_downloaded_as_an_attachment_of_its_checked_type(client, hostile_review, reviewer):
    # Never shown inline: the browser saves it under its cleaned name, and may not sniff another type.
    attachment = hostile_review.attachments.get()
    client.force_login(reviewer)

    response = client.get(f"/en/reviews/{hostile_review.uid}/documents/{attachment.uid}/")

    assert (response.status_code, response["Content-Type"], response["Content-Disposition"],
            response["X-Content-Type-Options"]) == (
        200, "application/pdf", 'attachment; filename="reportfdp.pdf"', "nosniff")


@pytest.mark.parametrize(("language", "message"), [
    ("en", "The objectives were not saved: choose them from the list."),
    ("ar", "لم تُحفظ الأهداف: اخترها من القائمة."),
])
@pytest.mark.parametrize("field", ["reported", "priorities"])
def test_an_objective_id_beyond_any_database_integer_is_refused_not_a_server_error(client, review, focal_point,
                                                                                  field, language, message):
    client.force_login(focal_point)

    response = client.post(f"/{language}/reviews/{review.uid}/objectives/", {field: ["1", "99999999999999999999"]})

    assert (response.status_code, [str(m) for m in response.context["messages"]],
            review.review_objectives.count()) == (200, [message], 0)


@pytest.mark.parametrize("target", ["x", "reviews:overview", "//evil.example/", "https://evil.example/"])
def test_a_tampered_return_address_falls_back_to_the_review(client, hostile_review, reviewer, target):
    review_take(review=hostile_review, reviewer=reviewer)
    comment = comment_add(review=hostile_review, author=reviewer, anchor="answer:1.1", part_number=1,
                          objective_number=None, body="Figures?", visibility="shared")
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/{hostile_review.uid}/comments/{comment.uid}/resolve/",
                           {"resolved": "1", "next": target})

    assert (response.status_code, response["Location"]) == (302, f"/en/reviews/{hostile_review.uid}/")
