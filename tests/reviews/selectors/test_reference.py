"""Reference lists kept in each process's memory, read again as soon as any process changes them."""

import pytest
from django.core.cache import cache
from django.utils import translation

from reviews.models import GuidingPrinciple, StakeholderCategory
from reviews.selectors.reference import (
    VERSION_KEY,
    reference_kept,
    reference_rows,
    request_begins,
    request_ends,
)

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
