"""The Content Security Policy: on every page, and nothing inline that it would block."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

EXPECTED_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+=", re.IGNORECASE)


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def _assert_nothing_inline(content: str) -> None:
    assert INLINE_SCRIPT.findall(content) == []
    assert STYLE_ATTRIBUTE.findall(content) == []
    assert EVENT_HANDLER.findall(content) == []


@pytest.mark.parametrize("path", ["/ar/accounts/login/", "/en/accounts/login/", "/ar/accounts/password_reset/"])
def test_csp_header_on_anonymous_pages(client, path):
    response = client.get(path)

    assert (response.status_code, _policy(response)) == (200, EXPECTED_POLICY)
    _assert_nothing_inline(response.content.decode())


def test_csp_header_on_the_lockout_page(client, focal_point):
    for _attempt in range(5):
        response = client.post("/en/accounts/login/", {"username": "fp-eg", "password": "wrong"})

    assert (response.status_code, _policy(response)) == (429, EXPECTED_POLICY)
    _assert_nothing_inline(response.content.decode())


@pytest.mark.parametrize("language", ["ar", "en"])
def test_signed_in_pages_have_the_policy_and_nothing_inline(client, organiser, reviewer, focal_point, cycle,
                                                            language, enrol):
    pages = {
        organiser: [f"/{language}/", f"/{language}/users/", f"/{language}/users/security/",
                    f"/{language}/users/{reviewer.uid}/", f"/{language}/accounts/two-factor/",
                    f"/{language}/accounts/password_change/"],
        focal_point: [f"/{language}/", f"/{language}/reviews/notifications/"],
    }
    for user, paths in pages.items():
        client.force_login(user)
        for path in paths:
            response = client.get(path)
            assert (path, response.status_code, _policy(response)) == (path, 200, EXPECTED_POLICY)
            _assert_nothing_inline(response.content.decode())


def test_templates_have_no_inline_script_or_style():
    """Pages are checked above; this catches templates no test renders. The PDF report's templates are
    exempt: WeasyPrint reads them, no browser does."""
    report = settings.BASE_DIR / "templates" / "reviews" / "report"
    offenders = []
    for template in Path(settings.BASE_DIR / "templates").rglob("*.html"):
        if report in template.parents:
            continue
        text = template.read_text(encoding="utf-8")
        if INLINE_SCRIPT.search(text) or STYLE_ATTRIBUTE.search(text) or EVENT_HANDLER.search(text):
            offenders.append(str(template.relative_to(settings.BASE_DIR)))

    assert offenders == []


def test_share_classes_are_the_same_for_pages_and_pdf():
    page_css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text(encoding="utf-8")
    pdf_css = (settings.BASE_DIR / "templates" / "reviews" / "figures" / "_shares.css").read_text(encoding="utf-8")
    expected = [f".share-{n} {{ --share: {n}%; }}" for n in range(101)]

    assert re.findall(r"\.share-\d+ \{ --share: \d+%; \}", page_css) == expected
    assert re.findall(r"\.share-\d+ \{ --share: \d+%; \}", pdf_css) == expected
