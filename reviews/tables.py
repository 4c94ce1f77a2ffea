"""The tables of a review, described once: which model, form, part and parent each row has."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from reviews import forms
from reviews.models import Consultation, GoodPractice, GovernmentEntity, Indicator, PlannedAction, Policy


@dataclass(frozen=True)
class Table:
    kind: str
    model: type
    form: type
    part_number: int
    title: str
    per_objective: bool = False
    planned_part: int | None = None  # planned actions live in part 4 or 5

    def rows(self, review, review_objective=None):
        if self.per_objective:
            if review_objective is None:
                return self.model.objects.none()
            queryset = self.model.objects.filter(review_objective=review_objective)
        else:
            queryset = self.model.objects.filter(review=review)
        if self.planned_part:
            queryset = queryset.filter(part_number=self.planned_part)
        many = [field.name for field in self.model._meta.many_to_many]
        return queryset.select_related("updated_by").prefetch_related(*many)

    def new_row(self, review, review_objective=None):
        if self.per_objective:
            return self.model(review_objective=review_objective)
        if self.planned_part:
            return self.model(review=review, part_number=self.planned_part)
        return self.model(review=review)

    def make_form(self, review, *, instance, data=None):
        # The prefix names the row, so a page can show one invalid submitted form among the others.
        row_key = instance.uid if instance.pk else "new"
        kwargs = {"instance": instance, "data": data, "prefix": f"{self.kind}-{row_key}"}
        if self.form is forms.PolicyForm:
            kwargs["review"] = review
        return self.form(**kwargs)


TABLES = {
    table.kind: table
    for table in [
        Table("entities", GovernmentEntity, forms.GovernmentEntityForm, 1, _("Government entities involved")),
        Table("consultations", Consultation, forms.ConsultationForm, 1, _("Stakeholder consultations")),
        Table("policies", Policy, forms.PolicyForm, 2, _("Policies, laws and strategies")),
        Table("practices", GoodPractice, forms.GoodPracticeForm, 3, _("Good practices"), per_objective=True),
        Table("indicators", Indicator, forms.IndicatorForm, 3, _("Indicators"), per_objective=True),
        Table("means", PlannedAction, forms.PlannedActionForm, 4, _("Planned actions"), planned_part=4),
        Table("actions", PlannedAction, forms.PlannedActionForm, 5, _("Planned actions"), planned_part=5),
    ]
}

TABLES_BY_PART = {
    number: [table for table in TABLES.values() if table.part_number == number and not table.per_objective]
    for number in range(1, 6)
}
