"""Who sees what: one "visible to this user" selector per model."""

from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet

from accounts.models import Role
from reviews.models import Answer, ChangeLog, Country, Review, ReviewCycle
from reviews.rules import can_follow_region, can_manage_users
from reviews.selectors.countries import by_country_name

User = get_user_model()


def countries_visible_to(user) -> QuerySet[Country]:
    if not user.is_authenticated or not user.is_active:
        return Country.objects.none()
    if can_follow_region(user):
        return Country.objects.all()
    if user.is_country_team:
        return Country.objects.filter(pk=user.country_id)
    return Country.objects.none()


def cycles_visible_to(user) -> QuerySet[ReviewCycle]:
    """Cycles are public knowledge to every active user; an outsider sees none."""
    if not user.is_authenticated or not user.is_active or not user.role:
        return ReviewCycle.objects.none()
    return ReviewCycle.objects.all()


def reviews_visible_to(user) -> QuerySet[Review]:
    """A country team sees its own country's reviews; regional staff see a review once it
    has been submitted (until then it is the country's private draft)."""
    if not user.is_authenticated or not user.is_active:
        return Review.objects.none()
    reviews = Review.objects.select_related("country", "cycle")
    if user.is_country_team:
        return reviews.filter(country_id=user.country_id)
    if can_follow_region(user):
        return reviews.filter(first_submitted_at__isnull=False)
    return Review.objects.none()


def current_cycle_visible_to(user) -> ReviewCycle | None:
    """The cycle a regional page opens on: the open one, or the latest when none is open."""
    cycles = cycles_visible_to(user)
    return cycles.filter(is_open=True).first() or cycles.first()


def answers_visible_to(user) -> QuerySet[Answer]:
    """The answers of the reviews the user sees, with their review, prompt and objective."""
    return Answer.objects.filter(review__in=reviews_visible_to(user)).select_related("review", "prompt", "objective")


def changes_visible_to(user, review: Review, *, anchor: str = "") -> QuerySet[ChangeLog]:
    """A review's field history, whole or of one place (an answer, a row) by its anchor; `review` comes from
    reviews_visible_to(user). The country team sees all of it; everyone else sees it from the first
    submission on: what the team wrote, changed and deleted in its draft before then stays its own."""
    changes = ChangeLog.objects.filter(review=review).select_related("user")
    if anchor:
        changes = changes.filter(anchor=anchor)
    if user.is_country_team and user.country_id == review.country_id:
        return changes
    if review.first_submitted_at is None:
        return changes.none()
    return changes.filter(created_at__gt=review.first_submitted_at)


def users_visible_to(user) -> QuerySet:
    if not can_manage_users(user):
        return User.objects.none()
    return User.objects.select_related("country", "organisation").order_by("role", "country__iso2", "username")


def home_cycles_for_country(*, user) -> list[tuple[ReviewCycle, Review | None]]:
    """Each cycle with the country's review in it, or None where the team has not started."""
    reviews = {review.cycle_id: review for review in reviews_visible_to(user)}
    return [(cycle, reviews.get(cycle.pk)) for cycle in cycles_visible_to(user)]


def home_region_for_cycle(*, user, cycle: ReviewCycle) -> list[tuple[Country, Review | None]]:
    """Every country with its review in the cycle, as far as the user may see it."""
    reviews = {review.country_id: review for review in reviews_visible_to(user).filter(cycle=cycle)}
    return [(country, reviews.get(country.pk)) for country in by_country_name(countries_visible_to(user))]


def user_counts_by_role() -> list[tuple[str, int]]:
    """Active users per role, as (role label, count), every role listed."""
    rows = dict(User.objects.filter(is_active=True).values_list("role").annotate(n=Count("pk")))
    return [(label, rows.get(value, 0)) for value, label in Role.choices]
