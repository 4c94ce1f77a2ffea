import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.models import (
    Country,
    GoodPracticeCriterion,
    GuidingPrinciple,
    GuidingPrompt,
    Objective,
    ObjectiveSynthesis,
    Organisation,
    PracticeType,
    ReviewCycle,
    RoundTable,
    SdgTarget,
    StakeholderCategory,
    SuggestedIndicator,
    SynthesisChapter,
)
from reviews.selectors.reference import reference_version
from reviews.services.reference import cycle_create, reference_load

pytestmark = pytest.mark.django_db


def test_reference_load_creates_every_list():
    reference_load()

    assert Country.objects.count() == 22
    assert Objective.objects.count() == 23
    assert GuidingPrinciple.objects.count() == 10
    assert RoundTable.objects.count() == 4
    assert Organisation.objects.count() == 3
    assert StakeholderCategory.objects.count() == 14
    assert PracticeType.objects.count() == 8
    assert GoodPracticeCriterion.objects.count() == 7
    assert SdgTarget.objects.count() == 11
    assert SuggestedIndicator.objects.count() == 11
    assert sorted(ReviewCycle.objects.values_list("slug", flat=True)) == ["arab-2020", "arab-2024"]


def test_reference_load_gives_every_objective_both_titles_and_a_round_table():
    reference_load()

    objectives = list(Objective.objects.select_related("round_table"))
    assert all(o.title_ar and o.title_en and o.short_label_ar and o.short_label_en for o in objectives)
    assert sorted(o.round_table.number for o in objectives) == sorted(
        [1] * 5 + [2] * 7 + [3] * 6 + [4] * 5
    )
    assert Objective.objects.get(number=1).round_table.number == 4


def test_reference_load_gives_countries_arabic_and_english_names():
    reference_load()

    egypt = Country.objects.get(iso2="EG")
    assert (egypt.name_ar, egypt.name_en) == ("مصر", "Egypt")
    assert Country.objects.filter(name_ar="").count() == 0


def test_reference_load_is_idempotent_and_keeps_organiser_edits():
    reference_load()
    Objective.objects.filter(number=1).update(title_ar="عنوان معدّل")

    reference_load()

    assert Objective.objects.count() == 23
    assert Objective.objects.get(number=1).title_ar == "عنوان معدّل"


def test_reference_load_update_restores_fixture_wording():
    reference_load()
    Objective.objects.filter(number=1).update(title_en="Edited")

    reference_load(update=True)

    assert Objective.objects.get(number=1).title_en.startswith("Collect and utilize accurate")


def test_reference_load_writes_each_list_at_once_and_tells_every_process(django_assert_max_num_queries):
    version = reference_version()
    with django_assert_max_num_queries(100):  # a row at a time, it took 519
        reference_load()
    loaded = reference_version()

    with CaptureQueriesContext(connection) as again:
        reference_load()

    assert version != loaded  # bulk writes send no post_save: the loader moves the version itself
    assert reference_version() == loaded  # nothing changed the second time
    assert not [query for query in again if query["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert SuggestedIndicator.objects.get(code="10.7.1").objectives.get().number == 6


def test_reference_load_gives_each_past_cycle_the_five_part_template():
    reference_load()

    cycle = ReviewCycle.objects.get(slug="arab-2020")
    assert list(cycle.parts.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    part3_codes = list(
        GuidingPrompt.objects.filter(part__cycle=cycle, part__number=3).values_list("code", "scope")
    )
    assert part3_codes[0] == ("3.0", "part")
    assert {scope for code, scope in part3_codes[1:]} == {"objective"}


def test_cycle_create_copies_the_latest_template_so_edits_carry_forward():
    reference_load()
    prompt = GuidingPrompt.objects.get(part__cycle__slug="arab-2024", code="1.1")
    prompt.text_en = "Refined wording"
    prompt.save()

    cycle = cycle_create(slug="arab-2032", name_ar="دورة", name_en="Cycle")

    copied = GuidingPrompt.objects.get(part__cycle=cycle, code="1.1")
    assert copied.text_en == "Refined wording"
    assert copied.pk != prompt.pk
    assert GuidingPrompt.objects.filter(part__cycle=cycle).count() == GuidingPrompt.objects.filter(
        part__cycle__slug="arab-2024"
    ).count()


def test_cycle_create_sets_up_the_synthesis_chapters_with_a_section_per_objective():
    reference_load()

    cycle = cycle_create(slug="arab-2032", name_ar="دورة", name_en="Cycle")

    chapters = list(SynthesisChapter.objects.filter(cycle=cycle).select_related("round_table"))
    assert [(c.kind, c.round_table.number if c.round_table else None, c.position) for c in chapters] == [
        ("key_messages", None, 10), ("executive_summary", None, 20), ("methodology", None, 30), ("policy", None, 40),
        ("round_table", 1, 50), ("round_table", 2, 60), ("round_table", 3, 70), ("round_table", 4, 80),
        ("means", None, 90), ("next_steps", None, 100), ("conclusions", None, 110),
    ]
    assert sorted(ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).values_list(
        "objective__number", flat=True)) == list(range(1, 24))


def test_cycle_create_of_an_existing_cycle_keeps_its_chapters_and_texts():
    reference_load()
    cycle = cycle_create(slug="arab-2032", name_ar="دورة", name_en="Cycle")
    SynthesisChapter.objects.filter(cycle=cycle, kind="methodology").update(text_en="Written")

    again = cycle_create(slug="arab-2032", name_ar="دورة", name_en="Cycle")

    assert again.pk == cycle.pk
    assert SynthesisChapter.objects.filter(cycle=cycle).count() == 11
    assert SynthesisChapter.objects.get(cycle=cycle, kind="methodology").text_en == "Written"


def test_reference_load_sets_up_the_synthesis_chapters_of_its_cycles():
    reference_load()

    assert set(SynthesisChapter.objects.values_list("cycle__slug", flat=True)) == {"arab-2020", "arab-2024"}
    assert [SynthesisChapter.objects.filter(cycle__slug=slug).count() for slug in ("arab-2020", "arab-2024")] == [
        11, 11]
