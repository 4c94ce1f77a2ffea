"""The only way a PDF may load anything: the bundled fonts and the project's own static files.

Country teams write the answers the report prints. Escaping already turns any markup they type into
text, and this fetcher is the second lock: whatever URL reaches WeasyPrint (http, https, ftp, data,
a file outside the static directories such as /etc/passwd) is refused before anything is opened.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reviews.report.fonts import font_files


def static_roots() -> list[Path]:
    roots = [Path(settings.STATIC_ROOT)] if settings.STATIC_ROOT else []
    for entry in settings.STATICFILES_DIRS:
        roots.append(Path(entry[1] if isinstance(entry, (tuple, list)) else entry))
    return [root.resolve() for root in roots]


def allowed_path(url: str) -> Path | None:
    """The local file `url` names, if the PDF may read it; None for anything else."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()  # resolves "..", and symlinks out of the static dirs
    if path in font_files():
        return path
    if path.is_file() and any(path.is_relative_to(root) for root in static_roots()):
        return path
    return None


class SafeFetcher(URLFetcher):
    """A WeasyPrint fetcher that serves allowed local files itself and refuses every other URL."""

    def __init__(self):
        super().__init__(allowed_protocols=("file",), allow_redirects=False)

    def fetch(self, url, headers=None):
        path = allowed_path(url)
        if path is None:
            raise ValueError(f"The report may not load {url[:200]!r}.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type})
