"""The daily prune_reports command: what it says it removed, and a second run that finds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from reviews.models import GeneratedReport
from tests.reviews.reports_content import build_at

pytestmark = pytest.mark.django_db


def test_prune_reports_command_says_what_it_removed_and_is_safe_to_run_again(open_cycle, reviewer):
    build_at(open_cycle, reviewer, days_ago=3, size=2_500_000)
    build_at(open_cycle, reviewer, days_ago=2)
    first, second = StringIO(), StringIO()

    call_command("prune_reports", stdout=first)
    call_command("prune_reports", stdout=second)

    assert first.getvalue() == "1 build(s) removed, 2500000 bytes (2.5 MB) freed.\n"
    assert second.getvalue() == "0 build(s) removed, 0 bytes (0.0 MB) freed.\n"
    assert GeneratedReport.objects.count() == 1
