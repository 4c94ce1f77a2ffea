import pytest
from django.conf import settings

from reviews.report.fetcher import SafeFetcher, allowed_path
from reviews.report.fonts import font_files


def test_fetcher_serves_the_bundled_fonts():
    font = font_files()[0]
    response = SafeFetcher().fetch(font.as_uri())
    assert response.read() == font.read_bytes()


def test_fetcher_serves_the_projects_static_files():
    css = (settings.BASE_DIR / "static" / "css" / "compilation.css").resolve()
    assert allowed_path(css.as_uri()) == css


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "file://localhost/etc/passwd",
    f"file://{settings.BASE_DIR}/static/../gcm_portal/settings.py",
    "http://example.com/x.css",
    "https://example.com/font.ttf",
    "http://127.0.0.1:9/",
    "data:text/css,body{color:red}",
    "data:image/svg+xml,<svg/>",
    "ftp://example.com/x",
])
def test_fetcher_refuses_everything_else(url):
    with pytest.raises(ValueError) as error:
        SafeFetcher().fetch(url)
    assert str(error.value).startswith("The report may not load")
