"""Loading the demo: cycles, one login per role and reviews in varied states, so a newcomer can try every page."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, Q

from accounts.models import Role
from accounts.services import user_sync_staff_access
from reviews.demo.build import demo_content_load
from reviews.demo.content import CURRENT_CYCLE
from reviews.demo.past import demo_past_load
from reviews.demo.synthesis import demo_synthesis_write
from reviews.models import Country, Organisation, Review, ReviewCycle
from reviews.selectors.compilation import COMPILED_STATUSES
from reviews.services.reference import cycle_create, reference_load
from stakeholders.demo import demo_stakeholders_load

User = get_user_model()


@transaction.atomic
def demo_load(*, full: bool = False) -> ReviewCycle:
    """Create the demo cycles, users and reviews. Idempotent: existing users keep their password,
    and a country's review that already has content is left as it is.

    By default a few countries' reviews, one in each status, and a regional synthesis of the accepted ones
    (what the report compiles by default); `full` writes all 22 as the region's differ, and a synthesis of the
    submitted ones (none is accepted yet: its report is built with the submitted reviews included)."""
    reference_load()
    cycle = cycle_create(**CURRENT_CYCLE, is_open=True)
    # Hashed once for all demo users: a password hash takes about half a second by design, and
    # a distinct salt per account protects nothing when the password is published in the README.
    password = make_password(settings.DEMO_PASSWORD)
    for country in Country.objects.all():
        code = country.iso2.lower()
        _demo_user(
            f"fp-{code}", password=password, role=Role.FOCAL_POINT, country=country,
            name=(f"جهة التنسيق الوطنية – {country.name_ar}", f"Focal point – {country.name_en}"),
            ministry=("وزارة الخارجية", "Ministry of Foreign Affairs"),
        )
        _demo_user(
            f"contrib-{code}", password=password, role=Role.CONTRIBUTOR, country=country,
            name=(f"مساهم – {country.name_ar}", f"Contributor – {country.name_en}"),
            ministry=("وزارة العمل", "Ministry of Labour"),
        )
    for organisation in Organisation.objects.all():
        _demo_user(
            f"reviewer-{organisation.code}", password=password, role=Role.REVIEWER, organisation=organisation,
            name=(f"المراجِع – {organisation.acronym_ar}", f"Reviewer – {organisation.acronym_en}"),
        )
    _demo_user("organiser", password=password, role=Role.ORGANISER,
               name=("المنظِّم الإقليمي", "Regional organiser"))
    demo_past_load(full=full)  # the 2024 reviews, brought in as an organiser brings in a closed cycle's
    demo_content_load(cycle=cycle, full=full)
    demo_synthesis_write(cycle=cycle, statuses=COMPILED_STATUSES if full else (Review.Status.ACCEPTED,))
    demo_stakeholders_load(cycle=cycle, password=password)
    return cycle


def demo_countries(*, cycle: ReviewCycle) -> list[tuple[Country, Review | None]]:
    """Every country with its review in the cycle (None: not started), the review annotated with
    `reported`, its number of reported objectives. Two queries."""
    reviews = Review.objects.filter(cycle=cycle).annotate(
        reported=Count("review_objectives", filter=Q(review_objectives__is_reported=True)))
    by_country = {review.country_id: review for review in reviews}
    return [(country, by_country.get(country.pk)) for country in Country.objects.order_by("name_en")]


def _demo_user(username: str, *, password: str, role: str, name: tuple[str, str], country=None, organisation=None,
               ministry: tuple[str, str] = ("", "")) -> None:
    """One demo login with its name and ministry in Arabic and English. A user loaded by an earlier demo
    keeps its password and gets the names it lacks."""
    names = {"name_ar": name[0], "name_en": name[1], "ministry_ar": ministry[0], "ministry_en": ministry[1]}
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "role": role, "country": country, "organisation": organisation, **names,
            "email": f"{username}@demo.gcm-review.invalid", "password": password,
        },
    )
    missing = [field for field, value in names.items() if value and not getattr(user, field)]
    if not created and missing:
        for field in missing:
            setattr(user, field, names[field])
        user.save(update_fields=missing)
    user_sync_staff_access(user=user)
