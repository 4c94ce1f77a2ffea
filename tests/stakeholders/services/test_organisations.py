import pytest
from django.core import mail

from accounts.models import Role
from reviews.models import Country, StakeholderCategory
from reviews.services.errors import DomainError, NotAllowed, RateLimited
from stakeholders.services.organisations import organisation_approve, organisation_decline, organisation_request

pytestmark = pytest.mark.django_db


def _request(**extra):
    return organisation_request(name_ar="جمعية", name_en="", category=StakeholderCategory.objects.get(code="academia"),
                                countries=[Country.objects.get(iso2="JO")], contact_name="Sara",
                                contact_email="sara@example.org", client="192.0.2.1", **extra)


def test_a_request_waits_for_an_organiser_who_approves_it_with_an_account(reference, organiser, rf,
                                                                          django_capture_on_commit_callbacks):
    request = _request()

    with django_capture_on_commit_callbacks(execute=True):
        approved = organisation_approve(organisation=request, username="org-jo", user=organiser,
                                        request=rf.get("/"))

    assert (request.status, approved.status, approved.account.role, approved.account.username,
            [message.to for message in mail.outbox]) == ("pending", "approved", Role.STAKEHOLDER, "org-jo",
                                                         [["sara@example.org"]])


def test_requests_from_one_address_are_rate_limited(reference, settings):
    settings.STAKEHOLDER_JOINS_PER_HOUR = 2
    _request()
    _request()

    with pytest.raises(RateLimited):
        _request()


def test_only_an_organiser_decides(reference, reviewer, organiser):
    request = _request()

    with pytest.raises(NotAllowed):
        organisation_approve(organisation=request, username="org-x", user=reviewer)
    declined = organisation_decline(organisation=request, user=organiser)
    with pytest.raises(DomainError):
        organisation_decline(organisation=declined, user=organiser)
    assert declined.status == "declined"
