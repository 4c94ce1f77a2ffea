from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0017_previous_reviews"),
    ]

    operations = [
        migrations.AddField(
            model_name="generatedreport",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
