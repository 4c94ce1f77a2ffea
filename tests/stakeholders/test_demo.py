import pytest

from reviews.demo.load import demo_load
from stakeholders.models import InputQuote, StakeholderInput, StakeholderOrganisation

pytestmark = pytest.mark.django_db


def test_demo_has_organisations_inputs_and_a_quote_in_every_round_table_chapter():
    cycle = demo_load()
    demo_load()  # idempotent

    statuses = sorted(StakeholderInput.objects.filter(cycle=cycle).values_list("status", flat=True))
    languages = set(StakeholderInput.objects.values_list("original_language", flat=True))
    quoted = sorted(InputQuote.objects.filter(chapter__cycle=cycle).values_list("chapter__round_table__number",
                                                                                flat=True))
    assert (StakeholderOrganisation.objects.filter(status="approved").count(),
            StakeholderOrganisation.objects.values("category").distinct().count()) == (12, 11)
    assert statuses == ["accepted"] * 10 + ["declined", "draft", "submitted"]
    assert (languages, quoted) == ({"ar", "en"}, [1, 2, 3, 4])
    assert StakeholderInput.objects.get(status="submitted").messages.count() == 2
