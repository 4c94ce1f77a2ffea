"""Each review table has its form, chosen by the table's kind in the view layer."""

import pytest

from reviews import forms
from reviews.models import PlannedAction, Policy
from reviews.tables import TABLES
from reviews.forms import TABLE_FORMS, table_form

pytestmark = pytest.mark.django_db


def test_every_table_has_a_form_for_its_own_model():
    assert {kind: TABLE_FORMS[kind]._meta.model for kind in TABLES} == {
        kind: table.model for kind, table in TABLES.items()}


def test_table_form_names_the_row_and_gives_a_policy_form_the_review(review):
    policies = TABLES["policies"]

    new = table_form(policies, review, instance=policies.new_row(review))
    means = table_form(TABLES["means"], review, instance=PlannedAction(review=review, part_number=4))

    assert (type(new), new.prefix, new.instance.review, type(means), means.prefix) == (
        forms.PolicyForm, "policies-new", review, forms.PlannedActionForm, "means-new")
    assert isinstance(new.instance, Policy)
