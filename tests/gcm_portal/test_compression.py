"""Pages go compressed on the wire, with Django's BREACH padding (docs/production.md, section 7)."""

import gzip

import pytest
from django.http import HttpResponse

from gcm_portal.middleware import TextGZipMiddleware

pytestmark = pytest.mark.django_db


def test_a_page_is_compressed_when_the_browser_accepts_gzip(client, django_user_model):
    user = django_user_model.objects.create_user(username="reader", password="a-long-passphrase-1")
    client.force_login(user)

    plain = client.get("/en/accounts/password_change/")
    compressed = client.get("/en/accounts/password_change/", headers={"accept-encoding": "gzip"})

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip" and "Accept-Encoding" in compressed["Vary"]
    page = gzip.decompress(compressed.content)  # the same page (its CSRF token masked afresh, as every time)
    assert page.startswith(b"<!doctype html>") and page.endswith(b"</html>\n") and len(page) == len(plain.content)
    assert len(compressed.content) < len(plain.content) / 2
    # Django's padding against BREACH: a file name of random length in the gzip header (the FNAME flag).
    assert compressed.content[:2] == b"\x1f\x8b" and compressed.content[3] & 0x08


@pytest.mark.parametrize(("content_type", "compressed"), [
    ("text/html; charset=utf-8", True), ("text/csv", True), ("application/json", True),
    ("application/pdf", False), ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", False),
    ("application/zip", False),
])
def test_only_text_is_compressed(rf, content_type, compressed):
    """A PDF, a Word file or a backup is compressed already: gzipping it again costs time for nothing."""
    body = b"<p>" + b"The same words again. " * 200 + b"</p>"
    middleware = TextGZipMiddleware(lambda request: HttpResponse(body, content_type=content_type))

    response = middleware(rf.get("/", headers={"accept-encoding": "gzip"}))

    assert (response.get("Content-Encoding") == "gzip", len(response.content) < len(body)) == (compressed, compressed)
