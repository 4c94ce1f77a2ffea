"""Every existing cycle gets its synthesis chapters, which cycle_create now makes when a cycle is set
up: the synthesis overview only reads, so it no longer creates them on a first visit.

The chapter layout is copied here, not imported from the services: a migration must keep doing what
it did when it was written, whatever the code becomes.
"""

from django.db import migrations

ROUND_TABLE = "round_table"
CHAPTER_LAYOUT = [
    ("executive_summary", "الملخص التنفيذي", "Executive summary"),
    ("introduction", "مقدمة", "Introduction"),
    ("methodology", "المنهجية", "Methodology"),
    ("policy", "السياسات والبيئة التمكينية", "Policy and enabling environment"),
    (ROUND_TABLE, "", ""),
    ("means", "وسائل التنفيذ", "Means of implementation"),
    ("next_steps", "الخطوات التالية", "Next steps"),
    ("conclusions", "الاستنتاجات", "Conclusions"),
]


def chapters_create(apps, schema_editor):
    ReviewCycle = apps.get_model("reviews", "ReviewCycle")
    RoundTable = apps.get_model("reviews", "RoundTable")
    SynthesisChapter = apps.get_model("reviews", "SynthesisChapter")
    ObjectiveSynthesis = apps.get_model("reviews", "ObjectiveSynthesis")
    round_tables = list(RoundTable.objects.prefetch_related("objectives").order_by("number"))
    for cycle in ReviewCycle.objects.all():
        existing = set(SynthesisChapter.objects.filter(cycle=cycle).values_list("kind", "round_table_id"))
        missing = []
        position = 0
        for kind, title_ar, title_en in CHAPTER_LAYOUT:
            for round_table in (round_tables if kind == ROUND_TABLE else [None]):
                position += 1
                if (kind, round_table.pk if round_table else None) in existing:
                    continue
                titles = ((round_table.title_ar or round_table.title, round_table.title_en or round_table.title)
                          if round_table else (title_ar, title_en))
                missing.append(SynthesisChapter(cycle=cycle, kind=kind, round_table=round_table, position=position,
                                                title_ar=titles[0], title_en=titles[1]))
        SynthesisChapter.objects.bulk_create(missing, ignore_conflicts=True)
        have = set(ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).values_list("chapter_id", "objective_id"))
        ObjectiveSynthesis.objects.bulk_create([
            ObjectiveSynthesis(chapter=chapter, objective=objective)
            for chapter in SynthesisChapter.objects.filter(cycle=cycle, kind=ROUND_TABLE)
            for round_table in round_tables if round_table.pk == chapter.round_table_id
            for objective in round_table.objectives.all()
            if (chapter.pk, objective.pk) not in have
        ], ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0005_generated_report"),
    ]

    operations = [
        # Nothing to undo: the chapters stay, as they would have after a first visit of the overview.
        migrations.RunPython(chapters_create, migrations.RunPython.noop),
    ]
