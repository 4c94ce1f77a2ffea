"""Organisations joining the regional review: a request through the public form, an organiser's invitation,
the organiser's decision. Approving makes the organisation's one account and e-mails it a link to choose its
password (the portal's invitation)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.services import user_create
from gcm_portal.limits import rate_limit_spend
from reviews.models import Country, StakeholderCategory
from reviews.rules import can_manage_users
from reviews.services.errors import DomainError, NotAllowed, RateLimited
from stakeholders.models import StakeholderOrganisation


def _organiser_check(user) -> None:
    if not can_manage_users(user):
        raise NotAllowed(_("Only organisers decide which organisations take part."))


@transaction.atomic
def organisation_request(*, name_ar: str, name_en: str, category: StakeholderCategory, countries: list[Country],
                         contact_name: str, contact_email: str, website: str = "",
                         client: str) -> StakeholderOrganisation:
    """An organisation asks to take part, through the public form: kept as a request an organiser decides on.
    `client` (the sender's address) may send STAKEHOLDER_JOINS_PER_HOUR requests an hour."""
    if not rate_limit_spend(scope="stakeholder-join", key=client, limit=settings.STAKEHOLDER_JOINS_PER_HOUR,
                            period=3600):
        raise RateLimited(_("Too many requests were sent from your connection in the last hour. Please try again "
                            "later."))
    if not (name_ar.strip() or name_en.strip()):
        raise DomainError(_("Give the organisation's name in Arabic, in English or both."))
    organisation = StakeholderOrganisation.objects.create(
        name_ar=name_ar.strip(), name_en=name_en.strip(), category=category, contact_name=contact_name,
        contact_email=contact_email, website=website)
    organisation.countries.set(countries)
    return organisation


@transaction.atomic
def organisation_approve(*, organisation: StakeholderOrganisation, username: str, user,
                         request=None, password: str | None = None) -> StakeholderOrganisation:
    """An organiser lets an organisation take part: its account (role "stakeholder") is made under `username`
    and, without a password, invited by e-mail to choose one."""
    _organiser_check(user)
    locked = StakeholderOrganisation.objects.select_for_update().get(pk=organisation.pk)
    if locked.status == StakeholderOrganisation.Status.APPROVED:
        raise DomainError(_("This organisation already takes part."))
    account = user_create(username=username, email=locked.contact_email, name_ar=locked.name_ar,
                          name_en=locked.name_en, role=Role.STAKEHOLDER, password=password,
                          send_invitation=password is None, request=request)
    locked.account = account
    locked.status = StakeholderOrganisation.Status.APPROVED
    locked.decided_by, locked.decided_at = user, timezone.now()
    locked.save(update_fields=["account", "status", "decided_by", "decided_at"])
    return locked


@transaction.atomic
def organisation_invite(*, name_ar: str, name_en: str, category: StakeholderCategory, countries: list[Country],
                        contact_name: str, contact_email: str, username: str, user, website: str = "",
                        request=None, password: str | None = None) -> StakeholderOrganisation:
    """An organiser invites an organisation: it takes part at once, and its account is invited by e-mail."""
    _organiser_check(user)
    if not (name_ar.strip() or name_en.strip()):
        raise DomainError(_("Give the organisation's name in Arabic, in English or both."))
    organisation = StakeholderOrganisation.objects.create(
        name_ar=name_ar.strip(), name_en=name_en.strip(), category=category, contact_name=contact_name,
        contact_email=contact_email, website=website)
    organisation.countries.set(countries)
    return organisation_approve(organisation=organisation, username=username, user=user, request=request,
                                password=password)


@transaction.atomic
def organisation_decline(*, organisation: StakeholderOrganisation, user) -> StakeholderOrganisation:
    """An organiser declines a request; an organisation already taking part is not declined here (its account
    is deactivated on the users page, which keeps its inputs)."""
    _organiser_check(user)
    locked = StakeholderOrganisation.objects.select_for_update().get(pk=organisation.pk)
    if locked.status != StakeholderOrganisation.Status.PENDING:
        raise DomainError(_("Only a request waiting for a decision can be declined."))
    locked.status = StakeholderOrganisation.Status.DECLINED
    locked.decided_by, locked.decided_at = user, timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    return locked
