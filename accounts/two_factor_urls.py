from django.urls import path

from accounts import two_factor_views as views

app_name = "two_factor"

urlpatterns = [
    path("", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("recovery-codes/new/", views.recovery_codes_regenerate, name="recovery_codes_regenerate"),
]
