import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcm_portal.settings")
application = get_wsgi_application()

from gcm_portal.warm_up import warm_up  # noqa: E402 (after Django is set up)

warm_up()  # before the first request, not during it
