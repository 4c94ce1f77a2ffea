"""A review's history: its submitted versions compared field by field, its workflow events and
its audit trail."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from reviews.models import Review, ReviewEvent, ReviewVersion

# Fields that say who and when, not what: a change there alone is not a change of content.
_BOOKKEEPING = {"updated_by", "updated_at", "uid"}


@dataclass(frozen=True)
class FieldChange:
    """One field changed between two versions, as the snapshots store it (stable keys, raw values). The
    history's selector (history.version_lines) dresses it for a page, as it does the audit trail."""

    place: str
    field: str
    before: str
    after: str
    # Where the place is, named as the audit trail names it ("answer:1.3", "row:policy:<uid>", "objective:6",
    # "plan"), and the objective of a per-objective row: not part of what changed.
    anchor: str = field(default="", compare=False)
    objective: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Place:
    anchor: str
    objective: int | None = None


# Snapshot tables and the model each row is (reviews.tables names the same models).
_ROW_MODELS = {"entities": "governmententity", "consultations": "consultation", "policies": "policy",
               "planned_actions": "plannedaction", "practices": "goodpractice", "indicators": "indicator"}


def _flatten(content: dict) -> tuple[dict[tuple[str, str], str], dict[str, _Place]]:
    """Every value of a snapshot under a stable (place, field) key, and where each place is."""
    flat: dict[tuple[str, str], str] = {}
    places: dict[str, _Place] = {}

    def put(place: str, row: dict, where: _Place, skip=()):
        places[place] = where
        for key, value in row.items():
            if key in _BOOKKEEPING or key in skip or isinstance(value, list) and value and isinstance(value[0], dict):
                continue
            flat[(place, key)] = "" if value is None else ", ".join(map(str, value)) if isinstance(value, list) \
                else str(value)

    for answer in content.get("answers", []):
        objective = f" · {answer['objective']}" if answer["objective"] else ""
        anchor = f"answer:{answer['prompt']}" + (f":o{answer['objective']}" if answer["objective"] else "")
        put(f"{answer['prompt']}{objective}", answer, _Place(anchor), skip={"part", "prompt", "objective"})
    put("plan", content.get("plan", {}), _Place("plan"))
    for key in ("entities", "consultations", "policies", "planned_actions"):
        for row in content.get(key, []):
            put(_row_place(key, row), row, _Place(_row_anchor(key, row)))
    for objective in content.get("objectives", []):
        number = objective["objective"]
        put(f"objective {number}", objective, _Place(f"objective:{number}"), skip={"objective"})
        for key in ("practices", "indicators"):
            for row in objective.get(key, []):
                put(f"objective {number} · {_row_place(key, row)}", row, _Place(_row_anchor(key, row), number))
    return flat, places


def _row_anchor(table: str, row: dict) -> str:
    return f"row:{_ROW_MODELS[table]}:{row.get('uid', '')}"


def _row_place(table: str, row: dict) -> str:
    """Rows are matched across versions by their id, so an edited title shows as a change of
    the title, and a deleted row as fields emptied."""
    return f"{table} [{row.get('uid', '')[:8]}]"


def version_diff(older: ReviewVersion, newer: ReviewVersion) -> list[FieldChange]:
    """What changed between two versions, in a stable order; added and removed fields included."""
    (before, before_places), (after, after_places) = _flatten(older.content), _flatten(newer.content)
    places = {**before_places, **after_places}
    return [
        FieldChange(place=place, field=name, before=before.get((place, name), ""),
                    after=after.get((place, name), ""), anchor=places[place].anchor,
                    objective=places[place].objective)
        for place, name in sorted(before.keys() | after.keys())
        if before.get((place, name), "") != after.get((place, name), "")
    ]


def review_versions(review: Review) -> QuerySet[ReviewVersion]:
    """The submitted versions, oldest first, with who submitted each."""
    return review.versions.select_related("submitted_by")


def review_events(review: Review) -> QuerySet[ReviewEvent]:
    """The workflow events (submitted, revision requested, accepted...) with who acted."""
    return ReviewEvent.objects.filter(review=review).select_related("actor")
