"""Data migrations, run against the current models: what they create for existing rows."""

import importlib

import pytest
from django.apps import apps

from reviews.models import ObjectiveSynthesis, RoundTable, SynthesisChapter
from tests import factories

pytestmark = pytest.mark.django_db

chapters_migration = importlib.import_module("reviews.migrations.0007_synthesis_chapters_for_cycles")
reshape_migration = importlib.import_module("reviews.migrations.0012_synthesis_report_shape")


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
    # The cycles that already had theirs (set up by reference_load through cycle_create, in today's layout)
    # keep them, and gain only what that layout no longer has: the introduction.
    assert SynthesisChapter.objects.filter(cycle__slug__in=["arab-2020", "arab-2024"]).count() == 24


def test_synthesis_chapters_migration_completes_a_cycle_and_keeps_what_was_written(reference):
    cycle = factories.ReviewCycleFactory(slug="arab-2032")
    factories.SynthesisChapterFactory(cycle=cycle, position=2, text_en="Already written")

    chapters_migration.chapters_create(apps, None)
    chapters_migration.chapters_create(apps, None)

    assert SynthesisChapter.objects.filter(cycle=cycle).count() == 11
    assert SynthesisChapter.objects.get(cycle=cycle, kind="introduction").text_en == "Already written"
    assert ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).count() == 23


def test_report_shape_migration_adds_key_messages_renames_and_orders_the_chapters(reference):
    """A cycle in the earlier layout (0007's eleven chapters) gets the key-messages chapter first, the renamed
    process and conclusions chapters, and loses its introduction only when nothing was written there."""
    empty, written = factories.ReviewCycleFactory(slug="arab-2016"), factories.ReviewCycleFactory(slug="arab-2032")
    chapters_migration.chapters_create(apps, None)
    SynthesisChapter.objects.filter(cycle=written, kind="introduction").update(text_ar="مقدمة كتبها أحد")
    SynthesisChapter.objects.filter(cycle=written, kind="conclusions").update(title_en="Our conclusions")

    reshape_migration.reshape(apps, None)
    reshape_migration.reshape(apps, None)

    titles = {table.number: table.title_en for table in RoundTable.objects.all()}
    assert _layout(empty) == [
        ("key_messages", None, 10, "Key messages"), ("executive_summary", None, 20, "Executive summary"),
        ("methodology", None, 30, "The regional review process"),
        ("policy", None, 40, "Policy and enabling environment"),
        ("round_table", 1, 50, titles[1]), ("round_table", 2, 60, titles[2]),
        ("round_table", 3, 70, titles[3]), ("round_table", 4, 80, titles[4]),
        ("means", None, 90, "Means of implementation"), ("next_steps", None, 100, "Next steps"),
        ("conclusions", None, 110, "Conclusions and recommendations"),
    ]
    assert [row[0] for row in _layout(written)][:4] == ["key_messages", "executive_summary", "introduction",
                                                         "methodology"]
    assert SynthesisChapter.objects.get(cycle=written, kind="introduction").text_ar == "مقدمة كتبها أحد"
    assert SynthesisChapter.objects.get(cycle=written, kind="conclusions").title_en == "Our conclusions"
