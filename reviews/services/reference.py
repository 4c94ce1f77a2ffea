"""Load the reference data and the default guiding template from the project's fixtures."""

import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from reviews.models import (
    Country,
    GoodPracticeCriterion,
    GuidingPrinciple,
    GuidingPrompt,
    Objective,
    Organisation,
    PracticeType,
    ReviewCycle,
    RoundTable,
    SdgTarget,
    StakeholderCategory,
    SuggestedIndicator,
    TemplatePart,
)
from reviews.selectors.reference import reference_changed
from reviews.services.synthesis import synthesis_chapters_ensure

REFERENCE_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "gcm_reference.json"


def reference_data() -> dict:
    return json.loads(REFERENCE_FIXTURE.read_text(encoding="utf-8"))


def _upsert(model, key: str, rows: dict, *, update: bool) -> dict:
    """Create the rows of `model` missing by `key`; overwrite the others only when asked, so organisers' edits
    survive set-up. `rows` maps each key to the row's other values; returns the rows by key. A few queries per
    list, whatever its length (a row at a time, the reference data took 519 queries)."""
    existing = model.objects.in_bulk(list(rows), field_name=key)
    missing = [model(**{key: value}, **values) for value, values in rows.items() if value not in existing]
    changed = []
    if update:
        for value, row in existing.items():
            wanted = {name: new for name, new in rows[value].items() if getattr(row, name) != new}
            if wanted:
                for name, new in wanted.items():
                    setattr(row, name, new)
                changed.append(row)
    if changed:
        model.objects.bulk_update(changed, list(next(iter(rows.values()))))
    if missing:
        model.objects.bulk_create(missing)
    if not (missing or changed):
        return existing
    reference_changed()  # bulk writes send no post_save: every process reads the lists again
    return model.objects.in_bulk(list(rows), field_name=key)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@transaction.atomic
def reference_load(*, update: bool = False) -> None:
    """Load every reference list and the past cycles. Idempotent; `update` restores the fixture's wording."""
    data = reference_data()
    _upsert(Country, "iso2", {row["iso2"]: {"name_ar": row["name_ar"], "name_en": row["name_en"]}
                              for row in data["countries"]}, update=update)
    _upsert(Organisation, "code", {row["code"]: {key: row[key] for key in ("name_ar", "name_en", "acronym_ar",
                                                                           "acronym_en")}
                                   for row in data["organisations"]}, update=update)
    round_tables = _upsert(RoundTable, "number", {row["number"]: {"title_ar": row["title_ar"],
                                                                  "title_en": row["title_en"]}
                                                  for row in data["round_tables"]}, update=update)
    objectives = _upsert(Objective, "number", {
        row["number"]: {
            "title_ar": row["title_ar"],
            "title_en": row["title_en"],
            "short_label_ar": row["short_ar"],
            "short_label_en": row["short_en"],
            "round_table_id": round_tables[row["round_table"]].pk,
            "title_ar_source": row["title_ar_source"],
        }
        for row in data["objectives"]
    }, update=update)
    for key, model in [
        ("guiding_principles", GuidingPrinciple),
        ("stakeholder_categories", StakeholderCategory),
        ("practice_types", PracticeType),
        ("good_practice_criteria", GoodPracticeCriterion),
    ]:
        _upsert(model, "code", {row["code"]: {"name_ar": row["name_ar"], "name_en": row["name_en"],
                                              "position": position}
                                for position, row in enumerate(data[key])}, update=update)
    _upsert(SdgTarget, "code", {row["code"]: {"label_ar": row["label_ar"], "label_en": row["label_en"]}
                                for row in data["sdg_targets"]}, update=update)
    indicators = _upsert(SuggestedIndicator, "code", {row["code"]: {"name_ar": row["name_ar"],
                                                                    "name_en": row["name_en"], "unit": row["unit"]}
                                                      for row in data["suggested_indicators"]}, update=update)
    _indicator_objectives_add(data["suggested_indicators"], indicators=indicators, objectives=objectives)
    for row in data["review_cycles"]:
        cycle_create(
            slug=row["slug"],
            name_ar=row["name_ar"],
            name_en=row["name_en"],
            opens=_date(row["opens"]),
            submission_deadline=_date(row["submission_deadline"]),
            conference=_date(row["conference"]),
            is_open=False,
        )


def _indicator_objectives_add(rows: list[dict], *, indicators: dict, objectives: dict) -> None:
    """Link each suggested indicator to the fixture's objectives, keeping the links an organiser added."""
    through = SuggestedIndicator.objectives.through
    linked = set(through.objects.values_list("suggestedindicator_id", "objective_id"))
    wanted = {(indicators[row["code"]].pk, objectives[number].pk) for row in rows for number in row["objectives"]}
    through.objects.bulk_create(through(suggestedindicator_id=indicator, objective_id=objective)
                                for indicator, objective in sorted(wanted - linked))


@transaction.atomic
def cycle_create(
    *,
    slug: str,
    name_ar: str,
    name_en: str,
    opens: date | None = None,
    submission_deadline: date | None = None,
    conference: date | None = None,
    is_open: bool = False,
) -> ReviewCycle:
    """Create a cycle with its own copy of the guiding template and its synthesis chapters (or
    return the existing one, completing what it lacks).

    The template is copied from the latest earlier cycle that has one, so wording an
    organiser refined carries forward; the very first cycle takes the fixture's template.
    The synthesis chapters exist from the start, so reading the synthesis never writes.
    """
    cycle, created = ReviewCycle.objects.get_or_create(
        slug=slug,
        defaults={
            "name_ar": name_ar,
            "name_en": name_en,
            "opens": opens,
            "submission_deadline": submission_deadline,
            "conference": conference,
            "is_open": is_open,
        },
    )
    if created or not cycle.parts.exists():
        _template_copy(cycle=cycle)
    synthesis_chapters_ensure(cycle=cycle)
    return cycle


def _template_copy(*, cycle: ReviewCycle) -> None:
    source = (
        ReviewCycle.objects.exclude(pk=cycle.pk).filter(parts__isnull=False).order_by("-pk").distinct().first()
    )
    if source is None:
        _template_from_fixture(cycle=cycle)
        return
    for part in source.parts.prefetch_related("prompts"):
        new_part = TemplatePart.objects.create(
            cycle=cycle, number=part.number, title_ar=part.title_ar, title_en=part.title_en,
            introduction_ar=part.introduction_ar, introduction_en=part.introduction_en,
        )
        GuidingPrompt.objects.bulk_create(
            GuidingPrompt(
                part=new_part, code=prompt.code, text_ar=prompt.text_ar, text_en=prompt.text_en,
                help_text_ar=prompt.help_text_ar, help_text_en=prompt.help_text_en, scope=prompt.scope,
                is_required=prompt.is_required, position=prompt.position,
            )
            for prompt in part.prompts.all()
        )


def _template_from_fixture(*, cycle: ReviewCycle) -> None:
    for row in reference_data()["template_parts"]:
        part = TemplatePart.objects.create(
            cycle=cycle, number=row["number"], title_ar=row["title_ar"], title_en=row["title_en"],
            introduction_ar=row["introduction_ar"], introduction_en=row["introduction_en"],
        )
        GuidingPrompt.objects.bulk_create(
            GuidingPrompt(
                part=part, code=prompt["code"], text_ar=prompt["text_ar"], text_en=prompt["text_en"],
                scope=prompt["scope"], is_required=prompt["required"], position=position,
            )
            for position, prompt in enumerate(row["prompts"])
        )
