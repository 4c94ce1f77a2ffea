"""Data migrations, run against the current models: what they create for existing rows."""

import importlib

import pytest
from django.apps import apps

from reviews.models import ObjectiveSynthesis, RoundTable, SynthesisChapter
from tests import factories

pytestmark = pytest.mark.django_db

chapters_migration = importlib.import_module("reviews.migrations.0007_synthesis_chapters_for_cycles")


def _layout(cycle) -> list[tuple]:
    return [(c.kind, c.round_table.number if c.round_table else None, c.position, c.title_en)
            for c in SynthesisChapter.objects.filter(cycle=cycle).select_related("round_table")]


def test_synthesis_chapters_migration_gives_each_existing_cycle_its_chapters(reference):
    """Cycles set up before cycle_create made the chapters (bare rows here) get the full set, with
    the round tables' titles and a section per objective, as a first visit of the overview made them."""
    cycles = [factories.ReviewCycleFactory(slug="arab-2016"), factories.ReviewCycleFactory(slug="arab-2032")]
    titles = {table.number: table.title_en for table in RoundTable.objects.all()}

    chapters_migration.chapters_create(apps, None)

    for cycle in cycles:
        assert _layout(cycle) == [
            ("executive_summary", None, 1, "Executive summary"), ("introduction", None, 2, "Introduction"),
            ("methodology", None, 3, "Methodology"), ("policy", None, 4, "Policy and enabling environment"),
            ("round_table", 1, 5, titles[1]), ("round_table", 2, 6, titles[2]),
            ("round_table", 3, 7, titles[3]), ("round_table", 4, 8, titles[4]),
            ("means", None, 9, "Means of implementation"), ("next_steps", None, 10, "Next steps"),
            ("conclusions", None, 11, "Conclusions"),
        ]
        assert ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).count() == 23
    # The cycles that already had theirs (set up by reference_load through cycle_create) keep 11.
    assert SynthesisChapter.objects.filter(cycle__slug__in=["arab-2020", "arab-2024"]).count() == 22


def test_synthesis_chapters_migration_completes_a_cycle_and_keeps_what_was_written(reference):
    cycle = factories.ReviewCycleFactory(slug="arab-2032")
    factories.SynthesisChapterFactory(cycle=cycle, position=2, text_en="Already written")

    chapters_migration.chapters_create(apps, None)
    chapters_migration.chapters_create(apps, None)

    assert SynthesisChapter.objects.filter(cycle=cycle).count() == 11
    assert SynthesisChapter.objects.get(cycle=cycle, kind="introduction").text_en == "Already written"
    assert ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).count() == 23
