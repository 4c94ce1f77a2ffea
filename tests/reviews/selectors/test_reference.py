"""Reference lists kept in each process's memory, read again as soon as any process changes them."""

import pytest
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.utils import translation

from reviews.models import (
    Country,
    GoodPractice,
    GoodPracticeCriterion,
    GuidingPrinciple,
    Objective,
    PracticeType,
    RoundTable,
    StakeholderCategory,
)
from reviews.selectors.reference import (
    VERSION_KEY,
    reference_by_pk,
    reference_kept,
    reference_rows,
    request_begins,
    request_ends,
    round_tables_with_objectives,
    with_reference,
    with_reference_relations,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_reference_list_is_read_once_then_kept(reference, django_assert_num_queries):
    first = reference_rows(StakeholderCategory)

    with django_assert_num_queries(0):
        again = reference_rows(StakeholderCategory)

    assert again is first
    assert [row.code for row in first] == list(StakeholderCategory.objects.values_list("code", flat=True))


def test_a_kept_row_shows_its_name_in_the_active_language(reference):
    row = reference_rows(GuidingPrinciple)[0]

    with translation.override("ar"):
        arabic = str(row.name)
    with translation.override("en"):
        english = str(row.name)

    assert (arabic, english) == (row.name_ar, row.name_en) and arabic != english


def test_a_change_to_a_reference_row_is_read_at_once(reference):
    reference_rows(StakeholderCategory)
    category = StakeholderCategory.objects.order_by("pk").first()
    category.name_en = "Migrant workers' organisations"
    category.save()

    assert reference_rows(StakeholderCategory)[0].name_en == "Migrant workers' organisations"


def test_a_change_made_by_another_process_is_read_at_the_next_request(reference, django_assert_num_queries):
    reference_rows(StakeholderCategory)
    StakeholderCategory.objects.filter(code=StakeholderCategory.objects.order_by("pk").first().code).update(
        name_en="Changed elsewhere")  # another server: no signal here, only the shared version moves
    cache.set(VERSION_KEY, "set-by-another-process", timeout=None)

    request_begins()  # what Django's request_started signal calls (sending it would also close the connection)
    try:
        rows = reference_rows(StakeholderCategory)
        with django_assert_num_queries(0):  # the version is checked once per request
            reference_kept("other", lambda: ["kept"])
            reference_rows(StakeholderCategory)
    finally:
        request_ends()

    assert rows[0].name_en == "Changed elsewhere"


def test_outside_a_request_every_read_checks_the_version(reference):
    reference_rows(StakeholderCategory)
    cache.set(VERSION_KEY, "moved", timeout=None)
    StakeholderCategory.objects.filter(pk=StakeholderCategory.objects.order_by("pk").first().pk).update(
        name_en="Read again")

    assert reference_rows(StakeholderCategory)[0].name_en == "Read again"


def _practices_with_links():
    row = factories.ReviewObjectiveFactory(objective=Objective.objects.get(number=6))
    criteria = list(GoodPracticeCriterion.objects.all())
    categories = list(StakeholderCategory.objects.all())
    first = factories.GoodPracticeFactory(review_objective=row)
    first.criteria.set([criteria[2], criteria[0]])
    first.partners.set([categories[3]])
    second = factories.GoodPracticeFactory(review_objective=row)  # none of either
    return [first, second]


def test_reference_relations_come_from_the_kept_lists_as_prefetch_related_would_give_them(
        reference, django_assert_num_queries):
    practices = _practices_with_links()
    expected = list(GoodPractice.objects.filter(pk__in=[p.pk for p in practices]).order_by("pk"))
    prefetch_related_objects(expected, "criteria", "partners")
    reference_rows(StakeholderCategory), reference_rows(GoodPracticeCriterion)
    rows = list(GoodPractice.objects.filter(pk__in=[p.pk for p in practices]).order_by("pk"))

    with django_assert_num_queries(2):  # the links of each relation
        with_reference_relations(rows, "criteria", "partners")
        shown = [(list(row.criteria.all()), list(row.partners.all())) for row in rows]

    assert shown == [(list(row.criteria.all()), list(row.partners.all())) for row in expected]
    assert [len(criteria) for criteria, _partners in shown] == [2, 0]
    assert shown[0][0][0] is reference_rows(GoodPracticeCriterion)[0]  # the kept row itself


def test_reference_relations_read_from_the_database_a_row_added_since_the_list_was_read(reference):
    practices = _practices_with_links()
    reference_rows(StakeholderCategory)
    added = StakeholderCategory.objects.bulk_create([StakeholderCategory(code="new", name_en="New", name_ar="جديد")])[0]
    practices[1].partners.add(added)  # bulk_create sends no signal: the kept list does not know it yet
    rows = list(GoodPractice.objects.filter(pk__in=[p.pk for p in practices]).order_by("pk"))

    with_reference_relations(rows, "partners")

    assert [[category.code for category in row.partners.all()] for row in rows][1] == ["new"]


def test_reference_rows_set_on_foreign_keys_as_select_related_would_set_them(reference, django_assert_num_queries):
    practices = _practices_with_links()
    reference_rows(Objective), reference_rows(PracticeType)
    rows = list(GoodPractice.objects.filter(pk__in=[p.pk for p in practices]).select_related("review_objective")
                .order_by("pk"))

    with django_assert_num_queries(0):
        with_reference(rows, kind=PracticeType)
        with_reference([row.review_objective for row in rows], objective=Objective)
        shown = [(row.kind.code, row.review_objective.objective.number) for row in rows]

    assert shown == [(p.kind.code, 6) for p in practices]
    assert rows[0].review_objective.objective is reference_by_pk(Objective)[rows[0].review_objective.objective_id]


def test_reference_rows_read_from_the_database_a_row_added_since_the_list_was_read(reference):
    practices = _practices_with_links()
    reference_rows(PracticeType)
    added = PracticeType.objects.bulk_create([PracticeType(code="new", name_en="New", name_ar="جديد")])[0]
    GoodPractice.objects.filter(pk=practices[1].pk).update(kind=added)  # no signal: the kept list lacks it
    rows = list(GoodPractice.objects.filter(pk__in=[p.pk for p in practices]).order_by("pk"))

    with_reference(rows, kind=PracticeType)

    assert [row.kind.code for row in rows] == [practices[0].kind.code, "new"]


def test_reference_by_pk_reads_the_ids_it_is_asked_for_that_the_kept_list_lacks(reference, django_assert_num_queries):
    reference_rows(Country)
    added = Country.objects.bulk_create([Country(iso2="ZZ", name_en="Testland", name_ar="أرض الاختبار")])[0]

    with django_assert_num_queries(1):
        found = reference_by_pk(Country, needed={added.pk, reference_rows(Country)[0].pk})

    assert found[added.pk].iso2 == "ZZ" and len(found) == len(reference_rows(Country)) + 1


def test_round_tables_with_their_objectives_come_from_the_kept_lists(reference, django_assert_num_queries):
    round_tables_with_objectives()

    with django_assert_num_queries(0):
        shown = [(table.number, [objective.number for objective in table.objectives.all()])
                 for table in round_tables_with_objectives()]

    assert shown == [(table.number, list(table.objectives.order_by("number").values_list("number", flat=True)))
                     for table in RoundTable.objects.order_by("number")]
    assert sorted(number for _table, numbers in shown for number in numbers) == list(range(1, 24))


def test_round_tables_show_an_objective_moved_to_another_at_once(reference):
    round_tables_with_objectives()
    objective = Objective.objects.get(number=1)
    other = RoundTable.objects.exclude(pk=objective.round_table_id).order_by("number").first()
    objective.round_table = other
    objective.save()

    moved_to = {table.number for table in round_tables_with_objectives()
                if 1 in [objective.number for objective in table.objectives.all()]}

    assert moved_to == {other.number}
