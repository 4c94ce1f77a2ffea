from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Voluntary reviews")

    def ready(self):
        from reviews.selectors.reference import connect_signals

        connect_signals()
