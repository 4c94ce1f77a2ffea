from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "name_ar", "name_en", "email", "role", "country", "organisation", "is_active"]
    list_filter = ["role", "is_active", "organisation", "country"]
    search_fields = ["username", "name_ar", "name_en", "email"]
    # The portal's names in both languages take the place of Django's first and last name.
    fieldsets = tuple(
        (title, {**options, "fields": ["name_ar", "name_en", "email"]}) if "first_name" in options["fields"]
        else (title, options)
        for title, options in BaseUserAdmin.fieldsets
    ) + (
        (None, {"fields": ["role", "country", "organisation", "ministry_ar", "ministry_en", "preferred_language"]}),
    )
