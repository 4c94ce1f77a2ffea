"""Saving and deleting the rows of a review's tables, one row at a time, without lost updates."""

from django.db import transaction
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Review, ReviewObjective
from reviews.models.content import TrackedRow
from reviews.services.audit import audit_record
from reviews.services.errors import NotAllowed
from reviews.services.search import is_searchable, search_index, search_unindex
from reviews.services.versioned import versioned_update

# Bookkeeping columns: the audit trail records what was written, not these.
AUDIT_SKIP = {"id", "uid", "version", "updated_at", "updated_by", "review", "review_objective"}


def _check_may_edit(*, review: Review, user, part_number: int, objective_id: int | None) -> None:
    if not rules.can_edit_section(user, review, part_number=part_number, objective_id=objective_id):
        raise NotAllowed(_("You cannot edit this section."))


def _claim_version(row: TrackedRow, *, base_version: int, user) -> None:
    versioned_update(
        row=row, base_version=base_version, user=user, values={},
        conflict_message=_("%(name)s changed this row while you were editing it. Your changes were not saved: "
                           "reload the row and apply them again."),
    )


@transaction.atomic
def row_save(
    *, review: Review, row: TrackedRow, data: dict, user, base_version: int, part_number: int,
    objective_id: int | None = None,
) -> TrackedRow:
    """Create a row (base_version 0) or update it if nobody changed it since it was loaded.

    `data` is a form's cleaned_data: plain fields and many-to-many lists alike.
    """
    _check_may_edit(review=review, user=user, part_number=part_number, objective_id=objective_id)
    many_to_many = {field.name for field in row._meta.many_to_many}
    before = _values(type(row).objects.get(pk=row.pk), data.keys(), many_to_many) if row.pk else {}
    if row.pk:
        _claim_version(row, base_version=base_version, user=user)
    for name, value in data.items():
        if name not in many_to_many:
            setattr(row, name, value)
    row.updated_by = user
    row.save()
    for name in many_to_many & data.keys():
        getattr(row, name).set(data[name])
    if is_searchable(row):
        search_index(item=row)
    audit_record(review=review, anchor=row_anchor(row), user=user, before=before,
                 after=_values(row, data.keys(), many_to_many))
    return row


def row_anchor(row: TrackedRow) -> str:
    """The stable name of a row's place, shared by comments and the audit trail."""
    if isinstance(row, ReviewObjective):
        return f"objective:{row.objective.number}"
    return f"row:{row._meta.model_name}:{row.uid}"


def _values(row: TrackedRow, names, many_to_many: set) -> dict:
    return {
        name: [str(item) for item in getattr(row, name).all()] if name in many_to_many else getattr(row, name)
        for name in names
    }


@transaction.atomic
def row_delete(*, review: Review, row: TrackedRow, user, base_version: int, part_number: int,
               objective_id: int | None = None) -> None:
    """Delete a row, unless somebody changed it since the user saw it."""
    _check_may_edit(review=review, user=user, part_number=part_number, objective_id=objective_id)
    _claim_version(row, base_version=base_version, user=user)
    fields = [f.name for f in row._meta.concrete_fields if f.name not in AUDIT_SKIP]
    audit_record(review=review, anchor=row_anchor(row), user=user, before=_values(row, fields, set()),
                 after=dict.fromkeys(fields, ""))
    search_unindex(item=row)
    row.delete()


@transaction.atomic
def plan_status_save(*, review: Review, user, plan_status: str, plan_detail: str, base_version: int) -> Review:
    """The national implementation plan: part 2, one answer per review."""
    _check_may_edit(review=review, user=user, part_number=2, objective_id=None)
    before = {"plan_status": review.plan_status, "plan_detail": review.plan_detail}
    after = {"plan_status": plan_status, "plan_detail": plan_detail}
    versioned_update(
        row=review, base_version=base_version, user=user, values=after, version_field="plan_version",
        conflict_message=_("Somebody changed the implementation plan while you were editing it. Your changes "
                           "were not saved."),
    )
    audit_record(review=review, anchor="plan", user=user, before=before, after=after)
    return review
