from django.conf import settings
from django.http import JsonResponse
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation

from gcm_portal.validators import UNREADABLE_TEXT, has_unreadable_characters


class ArabicFirstLocaleMiddleware(LocaleMiddleware):
    """Pick the language from the URL prefix, then the user's own choice, then Arabic.

    Django's middleware would also follow the browser's Accept-Language, which on most
    office machines in the region says English; the portal is Arabic first, so a visitor
    who has not chosen a language lands on the Arabic pages.
    """

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info)
        if language is None:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            supported = {code for code, _name in settings.LANGUAGES}
            language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


# Room for a form's other fields and the multipart boundaries around an uploaded file.
FORM_OVERHEAD_BYTES = 256 * 1024


def body_limit(max_bytes, message):
    """Mark a view whose request body may not exceed `max_bytes()` bytes (plus the form around it);
    BodyLimitMiddleware refuses a larger one, with `message()` in the user's language, before the body is
    read. Both are callables, so settings changed in tests or at run time are honoured."""

    def decorate(view):
        view.body_limit = (max_bytes, message)
        return view

    return decorate


class BodyLimitMiddleware:
    """Refuse, from its Content-Length, a request body larger than its view accepts (see body_limit), before
    anything reads it: the CSRF check would otherwise read a 2 GB upload to the disk before the view could
    say no. Listed before CsrfViewMiddleware. The proxy's own body limit (nginx `client_max_body_size`,
    docs/production.md) stops larger bodies before they reach the portal at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        limit = getattr(view_func, "body_limit", None)
        if limit is None:
            return None
        max_bytes, message = limit
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= max_bytes() + FORM_OVERHEAD_BYTES:
            return None
        return render(request, "input_refused.html", {"message": str(message())}, status=413)


class UnreadableInputMiddleware:
    """Refuse a request whose parameters hold a NUL, a lone surrogate or bytes that were not UTF-8
    (gcm_portal.validators), before any view reads them.

    Several views read a parameter without a form (a reason, a comment, a filter); PostgreSQL refuses a
    NUL with an error, and Django turns invalid UTF-8 into U+FFFD without a word. Checking here makes
    every route answer 400 with a message in the user's language instead of a server error or damaged
    text: JSON for the autosave scripts (which show `message`), a page otherwise.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _raw_form_is_utf8(request) and not any(has_unreadable_characters(text) for text in _parameters(request)):
            return None
        message = str(UNREADABLE_TEXT)
        if request.headers.get("X-Requested-With"):
            return JsonResponse({"ok": False, "message": message}, status=400)
        return render(request, "input_refused.html", {"message": message}, status=400)


def _raw_form_is_utf8(request) -> bool:
    """A url-encoded body whose raw bytes are not UTF-8 is read by Django as ISO-8859-1, without a word:
    Arabic typed in a legacy code page would be stored as Latin letters."""
    if request.method != "POST" or request.content_type != "application/x-www-form-urlencoded":
        return True
    try:
        request.body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parameters(request):
    """Every name and value of the query string and of a form body (uploaded files' names included)."""
    sources = [request.GET]
    if request.method == "POST":
        sources.append(request.POST)
    for source in sources:
        for name, values in source.lists():
            yield name
            yield from (value for value in values if isinstance(value, str))
    if request.method == "POST":
        for upload in request.FILES.values():
            yield upload.name or ""


# What is worth compressing: text. A PDF, a Word or Excel file (a zip) or a backup is compressed already,
# and gzipping its stream again costs the server's time for nothing.
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml")


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (with its padding against BREACH) for text responses only."""

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)
