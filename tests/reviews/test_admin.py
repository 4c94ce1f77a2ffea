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

