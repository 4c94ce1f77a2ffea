# Notifications keep who acted as the user; a comment's visibility has no default (it is always chosen).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0013_generatedreport_compendium'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='notification',
            name='actor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='comment',
            name='visibility',
            field=models.CharField(choices=[('shared', 'Shared with the country team'), ('internal', 'Internal to the regional staff')], max_length=10, verbose_name='visibility'),
        ),
    ]
