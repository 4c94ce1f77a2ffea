"""Another organisation's input, and a country team, on every route that names an input: 404, as for a wrong
address, or 403 on the staff's actions (the route-by-role table covers the rest)."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.test_routes_by_role import named_routes

pytestmark = pytest.mark.django_db

READ = {"stakeholders:input", "stakeholders:input_document"}
STAFF_ACTIONS = {"stakeholders:input_accept", "stakeholders:input_decline", "stakeholders:input_translation"}


def _input_routes():
    return sorted(name for name in named_routes() if name.startswith("stakeholders:input")
                  and name not in ("stakeholders:inputs", "stakeholders:input_new"))


@pytest.mark.parametrize("who", ["other_organisation", "focal_point"])
def test_an_input_is_hidden_from_another_organisation_and_from_country_teams(client, accepted, stakeholder, who,
                                                                             other_organisation, focal_point):
    document = accepted.documents.create(file="stakeholders/x.pdf", original_name="x.pdf",
                                         content_type="application/pdf", size=1, uploaded_by=stakeholder)
    client.force_login(other_organisation.account if who == "other_organisation" else focal_point)

    outcomes = {}
    for name in _input_routes():
        kwargs = {"uid": accepted.uid, **({"document_uid": document.uid} if name.endswith("input_document") else {})}
        with translation.override("en"):
            url = reverse(name, kwargs=kwargs)
        outcomes[name] = (client.get(url) if name in READ else client.post(url)).status_code

    # The staff's actions refuse anyone else before looking the input up: 403 whether it exists or not.
    assert outcomes == {name: 403 if name in STAFF_ACTIONS else 404 for name in _input_routes()}
