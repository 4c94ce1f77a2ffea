"""The tables of a review, described once: which model, part and parent each row has.

Selectors read these definitions, so they name no form (selectors never import forms): each table's
form is chosen by its kind in the view layer, reviews/views/table_forms.py."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from reviews.models import Consultation, GoodPractice, GovernmentEntity, Indicator, PlannedAction, Policy


@dataclass(frozen=True)
class Table:
    kind: str
    model: type
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


TABLES = {
    table.kind: table
    for table in [
        Table("entities", GovernmentEntity, 1, _("Government entities involved")),
        Table("consultations", Consultation, 1, _("Stakeholder consultations")),
        Table("policies", Policy, 2, _("Policies, laws and strategies")),
        Table("practices", GoodPractice, 3, _("Good practices"), per_objective=True),
        Table("indicators", Indicator, 3, _("Indicators"), per_objective=True),
        Table("means", PlannedAction, 4, _("Planned actions"), planned_part=4),
        Table("actions", PlannedAction, 5, _("Planned actions"), planned_part=5),
    ]
}

TABLES_BY_PART = {
    number: [table for table in TABLES.values() if table.part_number == number and not table.per_objective]
    for number in range(1, 6)
}
