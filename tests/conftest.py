import pytest
from django.core.cache import cache
from django.utils import translation

from accounts.services import user_sync_staff_access
from reviews.models import Country, Organisation
from reviews.services.reference import reference_load
from tests import factories


@pytest.fixture(autouse=True)
def _restore_language():
    """Tests render in Arabic and English; none may leak its language into the next."""
    language = translation.get_language()
    yield
    translation.activate(language)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits count in the cache (one per test process): every test starts with nothing counted, and no
    test spends another's allowance."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reference(db):
    """The project's reference data, as `make run` loads it."""
    reference_load()


@pytest.fixture
def cycle(db):
    return factories.ReviewCycleFactory(slug="arab-2028", is_open=True)


@pytest.fixture
def egypt(reference):
    return Country.objects.get(iso2="EG")


@pytest.fixture
def morocco(reference):
    return Country.objects.get(iso2="MA")


@pytest.fixture
def focal_point(egypt):
    return factories.FocalPointFactory(username="fp-eg", country=egypt)


@pytest.fixture
def contributor(egypt):
    return factories.ContributorFactory(username="contrib-eg", country=egypt)


@pytest.fixture
def other_focal_point(morocco):
    return factories.FocalPointFactory(username="fp-ma", country=morocco)


@pytest.fixture
def reviewer(reference):
    return factories.ReviewerFactory(username="reviewer-escwa", organisation=Organisation.objects.get(code="escwa"))


@pytest.fixture
def organiser(reference):
    user = factories.OrganiserFactory(username="organiser")
    user_sync_staff_access(user=user)
    return user
