import sys

import pytest
from django.core.cache import caches
from django.db import transaction
from django.utils import translation

from accounts.services import user_sync_staff_access
from reviews.models import Country, Organisation
from reviews.services.reference import reference_load
from tests import factories


def rows_for_the_class(django_db_blocker, build):
    """A class-scoped fixture's body: `yield from rows_for_the_class(django_db_blocker, build)` writes `build()`'s
    rows once for every test of the class, which only read them (the demo, a built PDF: seconds each, too slow
    to repeat per test), and removes them after the class. The rows live in a transaction rolled back at the
    end; each test's own transaction nests in it as a savepoint, so what a test writes is still undone after
    it. A class, not a module: the module's other tests start from an empty database."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build()
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _restore_language():
    """Tests render in Arabic and English; none may leak its language into the next."""
    language = translation.get_language()
    yield
    translation.activate(language)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits count in the cache (one per test process): every test starts with nothing counted, and no
    test spends another's allowance. No test reads a page another kept (the generations restart with each
    test's rolled-back rows)."""
    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()


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
