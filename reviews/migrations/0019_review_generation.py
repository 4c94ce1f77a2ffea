"""Each review's generation (ReviewGeneration), counted by triggers on every table that holds a part of it.

The triggers run in the database, so no write escapes them: the services' saves, their bulk and `.update()`
writes, the admin, a restore. A row that belongs to a review through another row (a practice through its
reported objective, a many-to-many link through its row) finds its review with a subquery; a row whose
parent is already gone (a cascade) counts for nothing. SQLite and PostgreSQL, the same statement:
INSERT ... ON CONFLICT DO UPDATE.
"""

import django.db.models.deletion
from django.db import migrations, models

_OBJECTIVE = "(SELECT review_id FROM reviews_reviewobjective WHERE id = {row}.reviewobjective_id)"
_REVIEW_OBJECTIVE = "(SELECT review_id FROM reviews_reviewobjective WHERE id = {row}.review_objective_id)"
_PRACTICE = ("(SELECT o.review_id FROM reviews_goodpractice p JOIN reviews_reviewobjective o "
             "ON o.id = p.review_objective_id WHERE p.id = {row}.goodpractice_id)")

# table → the review of one of its rows, `{row}` being NEW or OLD.
COUNTED = {
    "reviews_review": "{row}.id",
    "reviews_answer": "{row}.review_id",
    "reviews_reviewobjective": "{row}.review_id",
    "reviews_reviewobjective_principles": _OBJECTIVE,
    "reviews_reviewobjective_sdg_targets": _OBJECTIVE,
    "reviews_reviewobjective_partners": _OBJECTIVE,
    "reviews_governmententity": "{row}.review_id",
    "reviews_consultation": "{row}.review_id",
    "reviews_consultation_categories": "(SELECT review_id FROM reviews_consultation WHERE id = {row}.consultation_id)",
    "reviews_attachment": "{row}.review_id",
    "reviews_policy": "{row}.review_id",
    "reviews_policy_objectives": "(SELECT review_id FROM reviews_policy WHERE id = {row}.policy_id)",
    "reviews_goodpractice": _REVIEW_OBJECTIVE,
    "reviews_goodpractice_criteria": _PRACTICE,
    "reviews_goodpractice_partners": _PRACTICE,
    "reviews_indicator": _REVIEW_OBJECTIVE,
    "reviews_plannedaction": "{row}.review_id",
    "reviews_plannedaction_objectives": "(SELECT review_id FROM reviews_plannedaction WHERE id = {row}.plannedaction_id)",
    "reviews_assignment": "{row}.review_id",
    "reviews_reviewversion": "{row}.review_id",
    "reviews_reviewevent": "{row}.review_id",
    "reviews_comment": "{row}.review_id",
    "reviews_changelog": "{row}.review_id",
    "reviews_wordimport": "{row}.review_id",
}
EVENTS = {"INSERT": ["NEW"], "UPDATE": ["NEW", "OLD"], "DELETE": ["OLD"]}


def _count(review: str) -> str:
    """One more change for `review` (an SQL expression; NULL counts for nothing)."""
    return (f"INSERT INTO reviews_reviewgeneration (review_id, changes) "
            f"SELECT counted.review, 1 FROM (SELECT {review} AS review) counted WHERE counted.review IS NOT NULL "
            f"ON CONFLICT (review_id) DO UPDATE SET changes = reviews_reviewgeneration.changes + 1;")


def _name(table: str, event: str = "") -> str:
    return f"{table}_generation{'_' + event.lower() if event else ''}"


def _create(apps, schema_editor):
    execute = schema_editor.execute
    for table, review in COUNTED.items():
        if schema_editor.connection.vendor == "postgresql":
            body = "\n".join(
                f"IF TG_OP = '{event}' THEN {' '.join(_count(review.format(row=row)) for row in rows)} END IF;"
                for event, rows in EVENTS.items())
            execute(f"CREATE FUNCTION {_name(table)}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    f"BEGIN {body} RETURN NULL; END $$;")
            execute(f"CREATE TRIGGER {_name(table)} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION {_name(table)}();")
        else:
            for event, rows in EVENTS.items():
                execute(f"CREATE TRIGGER {_name(table, event)} AFTER {event} ON {table} FOR EACH ROW BEGIN "
                        f"{' '.join(_count(review.format(row=row)) for row in rows)} END;")


def _drop(apps, schema_editor):
    for table in COUNTED:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {_name(table)} ON {table};")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {_name(table)}();")
        else:
            for event in EVENTS:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {_name(table, event)};")


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0018_generatedreport_heartbeat"),
    ]

    operations = [
        migrations.CreateModel(
            name='ReviewGeneration',
            fields=[
                ('review', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='generation', serialize=False, to='reviews.review')),
                ('changes', models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(_create, _drop),
    ]
