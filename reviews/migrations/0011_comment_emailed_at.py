from django.db import migrations, models
from django.db.models import F


def mark_existing_comments_emailed(apps, schema_editor):
    """Comments made before digests were e-mailed one by one when made: the first digest must not send
    them again."""
    apps.get_model("reviews", "Comment").objects.filter(visibility="shared").update(emailed_at=F("created_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0010_generatedreport_from_draft"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="emailed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(mark_existing_comments_emailed, migrations.RunPython.noop),
    ]
