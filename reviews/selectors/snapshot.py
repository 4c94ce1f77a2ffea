"""The whole review as plain data: stored at each submission, and the source for previews."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from reviews.models import (
    Answer,
    Consultation,
    GoodPractice,
    GovernmentEntity,
    Indicator,
    PlannedAction,
    Policy,
    Review,
    ReviewObjective,
)


def _who(row) -> dict:
    """Who last changed the row, and its id so versions can be compared row by row."""
    return {
        "uid": str(row.uid),
        "updated_by": row.updated_by.username if row.updated_by_id else None,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
    }


def _codes(manager) -> list[str]:
    return sorted(item.code for item in manager.all())


def _numbers(manager) -> list[int]:
    return sorted(item.number for item in manager.all())


def reported_answers(answers: QuerySet[Answer]) -> QuerySet[Answer]:
    """The answers of the parts and of the objectives their review reports. An objective taken off the list
    keeps its answers in the workspace (it may come back), but they leave it with no version or export."""
    reported = ReviewObjective.objects.filter(review=OuterRef("review"), objective=OuterRef("objective"),
                                              is_reported=True)
    return answers.filter(Q(objective__isnull=True) | Exists(reported))


def review_snapshot(review: Review) -> dict:
    """Everything the country wrote, keyed by stable codes (prompt codes, objective numbers),
    so two versions can be compared field by field whatever the database ids."""
    answers = reported_answers(Answer.objects.filter(review=review)).select_related(
        "prompt__part", "objective", "updated_by")
    objectives = ReviewObjective.objects.filter(review=review, is_reported=True).select_related(
        "objective", "updated_by"
    ).prefetch_related(
        "principles", "sdg_targets", "partners",
        Prefetch("practices", GoodPractice.objects.select_related("kind", "updated_by")
                 .prefetch_related("criteria", "partners")),
        Prefetch("indicators", Indicator.objects.select_related("suggested", "updated_by")),
    )
    return {
        "country": review.country.iso2,
        "cycle": review.cycle.slug,
        "answers": [
            {
                "part": answer.prompt.part.number,
                "prompt": answer.prompt.code,
                "objective": answer.objective.number if answer.objective_id else None,
                "text_ar": answer.text_ar,
                "text_en": answer.text_en,
                "original_language": answer.original_language,
                **_who(answer),
            }
            for answer in answers
        ],
        "plan": {"status": review.plan_status, "detail": review.plan_detail},
        "entities": [
            {"name": row.name, "level": row.level, "role": row.role, **_who(row)}
            for row in GovernmentEntity.objects.filter(review=review).select_related("updated_by")
        ],
        "consultations": [
            {"date": row.held_on.isoformat(), "format": row.format, "categories": _codes(row.categories),
             "participants": row.participants, "summary": row.summary, **_who(row)}
            for row in Consultation.objects.filter(review=review).select_related("updated_by")
            .prefetch_related("categories")
        ],
        "policies": [
            {"title": row.title, "kind": row.kind, "year": row.year, "status": row.status,
             "objectives": _numbers(row.objectives), "link": row.link,
             "attachment": row.attachment.original_name if row.attachment_id else None, **_who(row)}
            for row in Policy.objects.filter(review=review).select_related("updated_by", "attachment")
            .prefetch_related("objectives")
        ],
        "objectives": [
            {
                "objective": row.objective.number,
                "is_priority": row.is_priority,
                "stage": row.stage,
                "principles": _codes(row.principles),
                "sdg_targets": _codes(row.sdg_targets),
                "partners": _codes(row.partners),
                "practices": [
                    {"title": p.title, "kind": p.kind.code, "description": p.description,
                     "criteria": _codes(p.criteria), "period": p.period, "partners": _codes(p.partners),
                     "link": p.link, **_who(p)}
                    for p in row.practices.all()
                ],
                "indicators": [
                    {"code": i.suggested.code if i.suggested_id else None, "name": i.name, "unit": i.unit,
                     "baseline_value": str(i.baseline_value) if i.baseline_value is not None else None,
                     "baseline_year": i.baseline_year,
                     "latest_value": str(i.latest_value) if i.latest_value is not None else None,
                     "latest_year": i.latest_year, "source": i.source, **_who(i)}
                    for i in row.indicators.all()
                ],
                **_who(row),
            }
            for row in objectives
        ],
        "planned_actions": [
            {"part": row.part_number, "action": row.action, "objectives": _numbers(row.objectives),
             "lead_entity": row.lead_entity, "timeframe": row.timeframe, "support_needed": row.support_needed,
             **_who(row)}
            for row in PlannedAction.objects.filter(review=review).select_related("updated_by")
            .prefetch_related("objectives")
        ],
    }
