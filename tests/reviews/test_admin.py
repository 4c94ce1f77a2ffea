"""The admin's own behaviour beyond Django's: what saving a model there sets up."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from reviews.admin import ReviewCycleAdmin
from reviews.models import ReviewCycle, SynthesisChapter

pytestmark = pytest.mark.django_db


def test_cycle_added_in_the_admin_has_its_synthesis_chapters(reference, organiser):
    request = RequestFactory().post("/admin/reviews/reviewcycle/add/")
    request.user = organiser
    cycle = ReviewCycle(slug="arab-2032", name_ar="الرابع", name_en="Fourth")

    ReviewCycleAdmin(ReviewCycle, admin.site).save_model(request, cycle, form=None, change=False)

    assert SynthesisChapter.objects.filter(cycle=cycle).count() == 11



@pytest.mark.parametrize("language", ["ar", "en"])
def test_admin_pages_wear_the_portal_look(client, organiser, language):
    """The portal's font and colours (static files, no CDN), its name linking back to the portal, and the
    organiser greeted by their name in the page's language."""
    organiser.name_ar, organiser.name_en = "المنظِّم الإقليمي", "Regional organiser"
    organiser.save()
    client.force_login(organiser)

    response = client.get(f"/{language}/admin/reviews/country/")

    page = response.content.decode()
    assert response.status_code == 200

    assert ('<link rel="stylesheet" href="/static/css/fonts.css">'
            '<link rel="stylesheet" href="/static/css/admin.css">') in page
    assert f'<div id="site-name"><a href="/{language}/">' in page
    assert {"ar": "المنظِّم الإقليمي", "en": "Regional organiser"}[language] in page
    assert "//cdn" not in page and "https://" not in page.split("<body")[0]
