"""UnreadableInputMiddleware: a NUL, a lone surrogate or bytes that were not UTF-8, anywhere in a request,
end in a 400 with a message in the user's language, never in a server error or in stored damaged text.

Run on SQLite and on PostgreSQL (which refuses a NUL in a string with an error, the case that used to
be a 500): `DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> pytest tests/gcm_portal/test_middleware.py`.
"""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext

from gcm_portal.validators import UNREADABLE_TEXT
from reviews.models import Answer, Attachment, Comment, Review
from tests import factories
from tests.test_routes_by_role import named_routes, route_url, world  # noqa: F401 (fixture)
from tests.reviews.conftest import (  # noqa: F401 (fixtures)
    complete_review,
    open_cycle,
    prompts,
    review,
    submitted_review,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _message(language: str) -> str:
    with translation.override(language):
        return gettext(UNREADABLE_TEXT)


def _answer_url(review, prompt, language: str) -> str:
    return f"/{language}/reviews/{review.uid}/answers/{prompt.uid}/"


@pytest.fixture
def answer(review, focal_point, prompts) -> Answer:
    return factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="نص سليم", updated_by=focal_point)


def test_unreadable_message_is_translated():
    assert _message("ar") != _message("en")
    assert _message("ar").startswith("يحتوي هذا النص")


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("text", ["نص\x00مخفي", "text\x00hidden"])
def test_autosave_with_a_nul_is_refused_in_json(client, focal_point, answer, language, text):
    client.force_login(focal_point)
    prefix = f"p{answer.prompt.pk}"

    response = client.post(_answer_url(answer.review, answer.prompt, language), {
        f"{prefix}-text_ar": text, f"{prefix}-text_en": "", f"{prefix}-original_language": "ar",
        f"{prefix}-version": answer.version,
    }, HTTP_X_REQUESTED_WITH="fetch")

    assert (response.status_code, response.json()) == (400, {"ok": False, "message": _message(language)})
    assert Answer.objects.get(pk=answer.pk).text_ar == "نص سليم"


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("body", [
    b"%ED%A0%80",  # a lone surrogate (U+D800) as UTF-8 bytes, which no UTF-8 encoder writes
    b"%FF%FE%E0%A4",  # bytes that are not UTF-8 at all
    "نص".encode("cp1256"),  # Arabic sent in a legacy code page instead of UTF-8, not even percent-encoded
])
def test_autosave_with_invalid_utf8_is_refused_in_json(client, focal_point, answer, language, body):
    client.force_login(focal_point)
    prefix = f"p{answer.prompt.pk}".encode()
    raw = (prefix + b"-text_ar=" + body + b"&" + prefix + b"-original_language=ar&" + prefix
           + f"-version={answer.version}".encode())

    response = client.generic("POST", _answer_url(answer.review, answer.prompt, language), raw,
                              content_type="application/x-www-form-urlencoded", HTTP_X_REQUESTED_WITH="fetch")

    assert (response.status_code, response.json()) == (400, {"ok": False, "message": _message(language)})
    assert Answer.objects.get(pk=answer.pk).text_ar == "نص سليم"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_form_post_with_a_nul_gets_a_page_with_the_message(client, submitted_review, reviewer, language):
    # The reason of a transition is read without a form: PostgreSQL used to answer a NUL with a 500.
    client.force_login(reviewer)

    response = client.post(f"/{language}/reviews/{submitted_review.uid}/transition/take/",
                           {"reason": "bad\x00reason"})

    assert response.status_code == 400
    assert _message(language) in html.unescape(response.content.decode())
    assert Review.objects.get(pk=submitted_review.pk).status == Review.Status.SUBMITTED


def test_a_comment_with_a_nul_is_not_stored(client, submitted_review, reviewer):
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/{submitted_review.uid}/comments/", {
        "anchor": "answer:1.1", "part": "1", "body": "see\x00this", "visibility": "shared"})

    assert (response.status_code, Comment.objects.count()) == (400, 0)


def test_a_query_string_with_a_nul_is_refused(client, submitted_review, reviewer):
    client.force_login(reviewer)

    response = client.get("/ar/reviews/cycles/arab-2028/compilations/?country=%00EG&prompt=1.1")

    assert response.status_code == 400
    assert _message("ar") in html.unescape(response.content.decode())


def test_an_upload_with_a_nul_in_its_description_is_refused(client, review, focal_point):
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/documents/", {
        "file": SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf"), "description": "plan\x00"})

    assert (response.status_code, Attachment.objects.count()) == (400, 0)


def test_arabic_text_with_direction_marks_is_accepted(client, focal_point, answer):
    # Direction marks are part of ordinary Arabic typing: only unreadable characters are refused.
    client.force_login(focal_point)
    prefix = f"p{answer.prompt.pk}"
    text = "\u200fالمادة 5\u200f (الفقرة \u2067ب\u2069)"

    response = client.post(_answer_url(answer.review, answer.prompt, "ar"), {
        f"{prefix}-text_ar": text, f"{prefix}-text_en": "", f"{prefix}-original_language": "ar",
        f"{prefix}-version": answer.version,
    }, HTTP_X_REQUESTED_WITH="fetch")

    assert (response.status_code, Answer.objects.get(pk=answer.pk).text_ar) == (200, text)


def test_every_route_refuses_a_nul_before_its_view_runs(client, world):
    # Every named route of the URL configuration (admin included), as tests/test_routes_by_role.py finds them:
    # a NUL in the query string, and in the body of a POST, is a 400 whatever the route does with it.
    routes = named_routes()
    client.force_login(world["users"]["focal_point"])
    urls = {name: route_url(world, name, pattern) for name, pattern in routes.items()}

    outcomes = {name: (client.get(f"{url}?q=%00").status_code, client.post(url, {"q": "a\x00"}).status_code)
                for name, url in urls.items()}

    assert outcomes == {name: (400, 400) for name in routes}


def test_a_multipart_field_that_is_not_utf8_is_refused(client, review, focal_point):
    client.force_login(focal_point)
    boundary = "BoUnDaRy"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n".encode()
            + "خطة".encode("cp1256") + f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"plan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".encode() + PDF
            + f"\r\n--{boundary}--\r\n".encode())

    response = client.generic("POST", f"/ar/reviews/{review.uid}/documents/", body,
                              content_type=f"multipart/form-data; boundary={boundary}")

    assert (response.status_code, Attachment.objects.count()) == (400, 0)
    assert _message("ar") in html.unescape(response.content.decode())
