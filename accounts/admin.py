from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "role", "country", "organisation", "is_active"]
    list_filter = ["role", "is_active", "organisation", "country"]
    fieldsets = BaseUserAdmin.fieldsets + (
        (None, {"fields": ["role", "country", "organisation", "ministry", "preferred_language"]}),
    )
