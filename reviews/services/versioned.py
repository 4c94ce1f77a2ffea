"""Saving a row only if nobody changed it since it was loaded: the one compare-and-set every edit uses.

A save names the version it started from. The write and the version bump are one UPDATE filtered on
that version, so it is atomic on SQLite (no row locks) and PostgreSQL alike: when somebody saved in
between, no row matches and EditConflict carries what is stored now, so the editor can merge.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.models.content import BilingualText, TrackedRow
from reviews.services.errors import EditConflict
from reviews.services.search import is_searchable, search_index

UNVERIFIED = {"translation_verified_by": None, "translation_verified_at": None}


def versioned_update(*, row: models.Model, base_version: int, user, values: dict, conflict_message: str,
                     version_field: str = "version") -> models.Model:
    """Write `values` to `row` and bump its version, if the stored version is still `base_version`.

    A tracked row also records who changed it and when. `row` is refreshed from the database either
    way; on a conflict EditConflict carries it, and `conflict_message` (already translated) may name
    the person who saved in between as %(name)s.
    """
    model = type(row)
    stamps = {"updated_by": user, "updated_at": timezone.now()} if isinstance(row, TrackedRow) else {}
    claimed = model._default_manager.filter(pk=row.pk, **{version_field: base_version}).update(
        **{version_field: F(version_field) + 1}, **stamps, **values
    )
    stored = model._default_manager.select_related("updated_by") if stamps else model._default_manager.all()
    row.refresh_from_db(from_queryset=stored)
    if claimed == 0:
        name = getattr(row, "updated_by", None) or _("Someone")
        raise EditConflict(conflict_message % {"name": name}, current=row)
    if {"text_ar", "text_en"} & values.keys() and is_searchable(row):
        search_index(item=row)  # every bilingual text (answers, translations, synthesis) is saved here
    return row


def bilingual_text_update(*, row: BilingualText, base_version: int, user, values: dict,
                          conflict_message: str) -> dict | None:
    """Save the texts of a bilingual row (`values`: text_ar, text_en, original_language) like any
    versioned row; a change to either text clears the translation's verification.

    Returns the values replaced, for the audit trail, or None when a retried request finds its own
    texts already stored: nothing is saved and nothing is lost.
    """
    texts = (values["text_ar"], values["text_en"])
    if row.version != base_version and (row.text_ar, row.text_en) == texts:
        return None
    before = {name: getattr(row, name) for name in values}
    changes = {**values, **UNVERIFIED} if (row.text_ar, row.text_en) != texts else values
    versioned_update(row=row, base_version=base_version, user=user, values=changes,
                     conflict_message=conflict_message)
    return before
