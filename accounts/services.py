"""Creating and managing portal users: organisers do this from the portal."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from axes.utils import reset as axes_reset

from accounts.models import COUNTRY_ROLES, Role, SecurityEvent
from reviews.models import Country, Organisation
from reviews.services.errors import NotAllowed

User = get_user_model()


def _check_role_scope(*, role: str, country: Country | None, organisation: Organisation | None) -> None:
    if role in COUNTRY_ROLES and country is None:
        raise ValidationError({"country": _("A focal point or contributor needs a country.")})
    if role not in COUNTRY_ROLES and country is not None:
        raise ValidationError({"country": _("Only focal points and contributors belong to a country.")})
    if role == Role.REVIEWER and organisation is None:
        raise ValidationError({"organisation": _("A regional reviewer needs an organisation.")})


@transaction.atomic
def user_create(
    *,
    username: str,
    email: str,
    name_ar: str = "",
    name_en: str = "",
    role: str,
    country: Country | None = None,
    organisation: Organisation | None = None,
    ministry_ar: str = "",
    ministry_en: str = "",
    password: str | None = None,
    send_invitation: bool = False,
    request=None,
) -> User:
    """Create a user in one role. Without a password the account gets an unusable one and,
    if asked, an e-mail with a link to choose it (the password-reset flow)."""
    _check_role_scope(role=role, country=country, organisation=organisation)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is already taken.")})
    user = User(
        username=username, email=email, name_ar=name_ar, name_en=name_en, role=role,
        country=country, organisation=organisation, ministry_ar=ministry_ar, ministry_en=ministry_en,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user_sync_staff_access(user=user)
    if send_invitation and email:
        transaction.on_commit(lambda: _send_password_link(user=user, request=request))
    return user


def _send_password_link(*, user: User, request) -> None:
    form = PasswordResetForm({"email": user.email})
    if form.is_valid():
        # PasswordResetForm skips users with unusable passwords; invitations must reach them.
        form.get_users = lambda email: [user]
        form.save(request=request, use_https=bool(request and request.is_secure()))


@transaction.atomic
def user_update(
    *, user: User, email: str, name_ar: str, name_en: str, role: str, country: Country | None,
    organisation: Organisation | None, ministry_ar: str = "", ministry_en: str = "",
) -> User:
    _check_role_scope(role=role, country=country, organisation=organisation)
    user.email, user.name_ar, user.name_en = email, name_ar, name_en
    user.role, user.country, user.organisation = role, country, organisation
    user.ministry_ar, user.ministry_en = ministry_ar, ministry_en
    user.full_clean(exclude=["password"])
    user.save()
    user_sync_staff_access(user=user)
    return user


ORGANISER_GROUP = "organisers"


def user_sync_staff_access(*, user: User) -> None:
    """Organisers edit reference data and cycles in the admin site; nobody else enters it.

    The group's permissions cover the reference and template models only: users are
    managed from the portal's own pages, where the role rules apply.
    """
    is_organiser = user.role == Role.ORGANISER
    group = _organiser_group()
    if user.is_staff != (is_organiser or user.is_superuser):
        user.is_staff = is_organiser or user.is_superuser
        user.save(update_fields=["is_staff"])
    if is_organiser:
        user.groups.add(group)
    else:
        user.groups.remove(group)


def _organiser_group() -> Group:
    group, created = Group.objects.get_or_create(name=ORGANISER_GROUP)
    if created:
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label="reviews",
                content_type__model__in=ORGANISER_EDITABLE_MODELS,
            )
        )
    return group


ORGANISER_EDITABLE_MODELS = [
    "country", "organisation", "roundtable", "objective", "guidingprinciple", "stakeholdercategory",
    "practicetype", "goodpracticecriterion", "sdgtarget", "suggestedindicator", "reviewcycle",
    "templatepart", "guidingprompt",
]


def user_set_active(*, user: User, is_active: bool, actor: User) -> User:
    """Deactivate or reactivate an account. Nobody can lock themselves out."""
    if user.pk == actor.pk and not is_active:
        raise ValidationError(_("You cannot deactivate your own account."))
    user.is_active = is_active
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def user_lockout_reset(*, user: User, actor: User) -> int:
    """An organiser lifts the lockout of a username after too many wrong passwords: the failures
    recorded for that username are deleted (django-axes' own reset) and the change is recorded.
    Returns how many failure records were removed. A lockout of an address is left as it is."""
    if not actor.is_organiser:
        raise NotAllowed(_("Only organisers can unlock an account."))
    removed = axes_reset(username=user.username)
    SecurityEvent.objects.create(
        kind=SecurityEvent.Kind.LOCKOUT_RESET, actor=actor, subject=user, detail=f"records={removed}",
    )
    return removed
