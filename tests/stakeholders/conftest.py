import pytest

from reviews.models import RoundTable, StakeholderCategory
from tests import factories
from tests.reviews.conftest import complete_review, open_cycle, prompts, review, submitted_review  # noqa: F401


@pytest.fixture
def organisation(reference):
    return factories.StakeholderOrganisationFactory(category=StakeholderCategory.objects.get(code="civil-society"))


@pytest.fixture
def stakeholder(organisation):
    return organisation.account


@pytest.fixture
def other_organisation(reference):
    return factories.StakeholderOrganisationFactory(category=StakeholderCategory.objects.get(code="academia"))


@pytest.fixture
def draft(organisation, open_cycle):
    return factories.StakeholderInputFactory(organisation=organisation, cycle=open_cycle)


@pytest.fixture
def accepted(organisation, open_cycle):
    item = factories.StakeholderInputFactory(organisation=organisation, cycle=open_cycle, status="accepted")
    item.round_tables.add(RoundTable.objects.get(number=1))
    return item
