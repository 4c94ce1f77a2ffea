from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.user_list, name="user_list"),
    path("new/", views.user_create, name="user_create"),
    path("<uuid:uid>/", views.user_edit, name="user_edit"),
    path("<uuid:uid>/active/", views.user_toggle_active, name="user_toggle_active"),
    path("<uuid:uid>/two-factor/reset/", views.two_factor_reset, name="two_factor_reset"),
    path("<uuid:uid>/lockout/reset/", views.lockout_reset, name="lockout_reset"),
    path("security/", views.security_settings, name="security_settings"),
]
