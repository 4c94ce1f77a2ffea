"""The audit trail: what changed, field by field, by whom and when.

A country review's changes go to ChangeLog; the regional synthesis, which belongs to no review, keeps
its own (SynthesisChange). Both record the same thing: one row per field whose value changed.
"""

from reviews.models import ChangeLog, Objective, Review, SynthesisChange, SynthesisChapter


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return ", ".join(sorted(str(item) for item in value))
    return str(value)


def changed_fields(*, before: dict, after: dict) -> list[tuple[str, str, str]]:
    """(field, before, after) as text for every field whose value changed; unchanged fields leave no trace."""
    return [(name, _text(before.get(name)), _text(value)) for name, value in after.items()
            if _text(before.get(name)) != _text(value)]


def audit_record(*, review: Review, anchor: str, user, before: dict, after: dict) -> list[ChangeLog]:
    """Store one row per field of a country review that changed."""
    return ChangeLog.objects.bulk_create(
        ChangeLog(review=review, anchor=anchor, field=name, before=old, after=new, user=user)
        for name, old, new in changed_fields(before=before, after=after)
    )


def synthesis_audit_record(*, chapter: SynthesisChapter, objective: Objective | None, user, before: dict,
                           after: dict) -> list[SynthesisChange]:
    """Store one row per field of the regional synthesis that changed."""
    return SynthesisChange.objects.bulk_create(
        SynthesisChange(chapter=chapter, objective=objective, field=name, before=old, after=new, user=user)
        for name, old, new in changed_fields(before=before, after=after)
    )
