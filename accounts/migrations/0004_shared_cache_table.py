"""The table of Django's database cache, which holds the counters every server process shares (build
quotas, rate limits). Created here so that every `migrate` has it, whatever CACHES says at the time: the
name is fixed (settings.CACHE_TABLE), and Django's own `createcachetable` writes the table."""

from django.db import migrations

CACHE_TABLE = "portal_cache"  # settings.CACHE_TABLE; a migration keeps its own copy of the name


def create_cache_table(apps, schema_editor):
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, CACHE_TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    connection = schema_editor.connection
    if CACHE_TABLE in connection.introspection.table_names():
        schema_editor.execute(f"DROP TABLE {connection.ops.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_security_event_lockout_reset"),
    ]

    operations = [
        migrations.RunPython(create_cache_table, drop_cache_table),
    ]
