"""The table of the cache of kept pages (settings.PAGE_CACHE_TABLE; views/page_cache.py), apart from the counters'
(accounts 0004), so that making room for pages never drops a counter. Created here so that every `migrate` has
it, whatever CACHES says at the time; Django's own `createcachetable` writes the table."""

from django.db import migrations

PAGE_CACHE_TABLE = "portal_page_cache"  # settings.PAGE_CACHE_TABLE; a migration keeps its own copy of the name


def create_page_cache_table(apps, schema_editor):
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, PAGE_CACHE_TABLE, dry_run=False)


def drop_page_cache_table(apps, schema_editor):
    connection = schema_editor.connection
    if PAGE_CACHE_TABLE in connection.introspection.table_names():
        schema_editor.execute(f"DROP TABLE {connection.ops.quote_name(PAGE_CACHE_TABLE)}")


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0019_review_generation"),
    ]

    operations = [
        migrations.RunPython(create_page_cache_table, drop_page_cache_table),
    ]
