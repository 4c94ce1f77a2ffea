from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
