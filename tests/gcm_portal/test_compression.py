"""Pages go compressed on the wire, with Django's BREACH padding (docs/production.md, section 7)."""

import gzip

import pytest

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
