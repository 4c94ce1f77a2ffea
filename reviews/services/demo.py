"""Demo data: cycles and one login per role, so a newcomer can try every page."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import Role
from accounts.services import user_sync_staff_access
from reviews.models import Country, Organisation, ReviewCycle
from reviews.services.reference import cycle_create, reference_load

User = get_user_model()

CURRENT_CYCLE_SLUG = "arab-2028"


@transaction.atomic
def demo_load() -> ReviewCycle:
    """Create the demo cycles and users. Idempotent: existing users keep their password."""
    reference_load()
    cycle = cycle_create(
        slug=CURRENT_CYCLE_SLUG,
        name_ar="الاستعراض الإقليمي الثالث للاتفاق العالمي في المنطقة العربية (2028)",
        name_en="Third regional review of the GCM in the Arab region (2028)",
        opens=date(2026, 10, 1),
        submission_deadline=date(2027, 9, 30),
        conference=date(2028, 2, 15),
        is_open=True,
    )
    for country in Country.objects.all():
        code = country.iso2.lower()
        _demo_user(
            f"fp-{code}", role=Role.FOCAL_POINT, country=country,
            first_name="Focal point", last_name=country.name_en,
        )
        _demo_user(
            f"contrib-{code}", role=Role.CONTRIBUTOR, country=country, ministry="Ministry of Labour",
            first_name="Contributor", last_name=country.name_en,
        )
    for organisation in Organisation.objects.all():
        _demo_user(
            f"reviewer-{organisation.code}", role=Role.REVIEWER, organisation=organisation,
            first_name="Reviewer", last_name=organisation.acronym_en,
        )
    _demo_user("organiser", role=Role.ORGANISER, first_name="Regional", last_name="Organiser")
    return cycle


def _demo_user(username: str, *, role: str, country=None, organisation=None, ministry="", first_name="",
               last_name="") -> None:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "role": role, "country": country, "organisation": organisation, "ministry": ministry,
            "first_name": first_name, "last_name": last_name, "email": f"{username}@demo.gcm-review.invalid",
        },
    )
    if created:
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    user_sync_staff_access(user=user)
