from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from reviews.views.health import healthz, readyz
from reviews.views.home import cycle_overview, home

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("cycles/<slug:slug>/", cycle_overview, name="cycle_overview"),
    path("accounts/two-factor/", include("accounts.two_factor_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("users/", include("accounts.urls")),
    path("reviews/", include("reviews.urls")),
    path("stakeholders/", include("stakeholders.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

admin.site.site_header = admin.site.site_title = _("GCM Review Portal")
