"""The audit trail: what changed, field by field, by whom and when."""

from reviews.models import ChangeLog, Review


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return ", ".join(sorted(str(item) for item in value))
    return str(value)


def audit_record(*, review: Review, anchor: str, user, before: dict, after: dict) -> list[ChangeLog]:
    """Store one row per field whose value changed; unchanged fields leave no trace."""
    changes = [
        ChangeLog(review=review, anchor=anchor, field=name, before=_text(before.get(name)), after=_text(value),
                  user=user)
        for name, value in after.items()
        if _text(before.get(name)) != _text(value)
    ]
    return ChangeLog.objects.bulk_create(changes)
