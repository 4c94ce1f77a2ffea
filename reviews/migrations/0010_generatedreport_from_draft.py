from django.db import migrations, models
from django.db.models import F, Q


def mark_builds_from_drafts(apps, schema_editor):
    """A country build asked for before its review was first submitted printed the live draft."""
    GeneratedReport = apps.get_model("reviews", "GeneratedReport")
    GeneratedReport.objects.filter(kind="country").filter(
        Q(review__first_submitted_at__isnull=True) | Q(created_at__lt=F("review__first_submitted_at"))
    ).update(from_draft=True)


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0009_download"),
    ]

    operations = [
        migrations.AddField(
            model_name="generatedreport",
            name="from_draft",
            field=models.BooleanField(default=False, verbose_name="built from a draft"),
        ),
        migrations.RunPython(mark_builds_from_drafts, migrations.RunPython.noop),
    ]
