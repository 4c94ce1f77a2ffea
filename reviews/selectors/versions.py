"""A review's history: its submitted versions compared field by field, its workflow events and
its audit trail."""

from dataclasses import dataclass

from django.db.models import QuerySet

from reviews.models import Review, ReviewEvent, ReviewVersion

# Fields that say who and when, not what: a change there alone is not a change of content.
_BOOKKEEPING = {"updated_by", "updated_at", "uid"}


@dataclass(frozen=True)
class FieldChange:
    place: str
    field: str
    before: str
    after: str


def _flatten(content: dict) -> dict[tuple[str, str], str]:
    """Every value of a snapshot under a stable (place, field) key."""
    flat: dict[tuple[str, str], str] = {}

    def put(place: str, row: dict, skip=()):
        for key, value in row.items():
            if key in _BOOKKEEPING or key in skip or isinstance(value, list) and value and isinstance(value[0], dict):
                continue
            flat[(place, key)] = "" if value is None else ", ".join(map(str, value)) if isinstance(value, list) \
                else str(value)

    for answer in content.get("answers", []):
        objective = f" · {answer['objective']}" if answer["objective"] else ""
        put(f"{answer['prompt']}{objective}", answer, skip={"part", "prompt", "objective"})
    put("plan", content.get("plan", {}))
    for key in ("entities", "consultations", "policies", "planned_actions"):
        for row in content.get(key, []):
            put(_row_place(key, row), row)
    for objective in content.get("objectives", []):
        number = objective["objective"]
        put(f"objective {number}", objective, skip={"objective"})
        for key in ("practices", "indicators"):
            for row in objective.get(key, []):
                put(f"objective {number} · {_row_place(key, row)}", row)
    return flat


def _row_place(table: str, row: dict) -> str:
    """Rows are matched across versions by their id, so an edited title shows as a change of
    the title, and a deleted row as fields emptied."""
    return f"{table} [{row.get('uid', '')[:8]}]"


def version_diff(older: ReviewVersion, newer: ReviewVersion) -> list[FieldChange]:
    """What changed between two versions, in a stable order; added and removed fields included."""
    before, after = _flatten(older.content), _flatten(newer.content)
    return [
        FieldChange(place=place, field=field, before=before.get((place, field), ""),
                    after=after.get((place, field), ""))
        for place, field in sorted(before.keys() | after.keys())
        if before.get((place, field), "") != after.get((place, field), "")
    ]


def review_versions(review: Review) -> QuerySet[ReviewVersion]:
    """The submitted versions, oldest first, with who submitted each."""
    return review.versions.select_related("submitted_by")


def review_events(review: Review) -> QuerySet[ReviewEvent]:
    """The workflow events (submitted, revision requested, accepted...) with who acted."""
    return ReviewEvent.objects.filter(review=review).select_related("actor")
