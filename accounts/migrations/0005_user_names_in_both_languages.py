"""Users get their name and their ministry in Arabic and in English. The one name and ministry they had
are kept in the language they are written in (read from their first letter), so nothing is lost."""

import unicodedata

from django.db import migrations, models


def _is_arabic(text: str) -> bool:
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.all():
        name = " ".join(part for part in (user.first_name, user.last_name) if part).strip()
        if name:
            setattr(user, "name_ar" if _is_arabic(name) else "name_en", name)
        if user.ministry:
            setattr(user, "ministry_ar" if _is_arabic(user.ministry) else "ministry_en", user.ministry)
        user.save(update_fields=["name_ar", "name_en", "ministry_ar", "ministry_en"])


def backwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.all():
        user.ministry = user.ministry_en or user.ministry_ar
        if not (user.first_name or user.last_name):
            user.first_name = (user.name_en or user.name_ar)[:150]
        user.save(update_fields=["ministry", "first_name"])


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_shared_cache_table"),
    ]

    operations = [
        migrations.AddField(
            model_name="user", name="name_ar",
            field=models.CharField(blank=True, max_length=150, verbose_name="name in Arabic"),
        ),
        migrations.AddField(
            model_name="user", name="name_en",
            field=models.CharField(blank=True, max_length=150, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="user", name="ministry_ar",
            field=models.CharField(
                blank=True, help_text="For country teams: the ministry or public body the person works for.",
                max_length=200, verbose_name="ministry or entity in Arabic"),
        ),
        migrations.AddField(
            model_name="user", name="ministry_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="ministry or entity in English"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="user", name="ministry"),
    ]
