import datetime
from decimal import Decimal

import pytest

from reviews.models import (
    Consultation,
    GoodPractice,
    GoodPracticeCriterion,
    GovernmentEntity,
    Indicator,
    PlannedAction,
    PlanStatus,
    Policy,
    PracticeType,
    Review,
    StakeholderCategory,
    SuggestedIndicator,
)
from reviews.services.errors import EditConflict, NotAllowed
from reviews.services.rows import plan_status_save, row_delete, row_save
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def review_objective(review, objectives, focal_point):
    return factories.ReviewObjectiveFactory(review=review, objective=objectives[6], updated_by=focal_point)


def _categories(*codes):
    return list(StakeholderCategory.objects.filter(code__in=codes))


def _codes(manager):
    return sorted(item.code for item in manager.all())


def _numbers(manager):
    return sorted(item.number for item in manager.all())


def test_row_save_creates_government_entity(review, focal_point):
    row = row_save(
        review=review, row=GovernmentEntity(review=review), user=focal_point, base_version=0, part_number=1,
        data={"name": "Ministry of Emigration", "level": GovernmentEntity.Level.NATIONAL, "role": "Lead"},
    )

    stored = GovernmentEntity.objects.get(pk=row.pk)
    assert (stored.review, stored.name, stored.level, stored.role) == (
        review, "Ministry of Emigration", "national", "Lead"
    )
    assert (stored.version, stored.updated_by) == (1, focal_point)


def test_row_save_updates_government_entity_from_current_version(review, focal_point):
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry", level="national")

    row = row_save(review=review, row=entity, data={"name": "Governorate of Alexandria", "level": "local"},
                   user=focal_point, base_version=1, part_number=1)

    stored = GovernmentEntity.objects.get(pk=entity.pk)
    assert (row.version, stored.version) == (2, 2)
    assert (stored.name, stored.level, stored.updated_by) == ("Governorate of Alexandria", "local", focal_point)


def test_row_save_refuses_government_entity_changed_since_loaded(review, focal_point, contributor, english):
    factories.AssignmentFactory(review=review, contributor=contributor, part=review.cycle.parts.get(number=1))
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry")
    mine, theirs = GovernmentEntity.objects.get(pk=entity.pk), GovernmentEntity.objects.get(pk=entity.pk)
    row_save(review=review, row=theirs, data={"name": "Ministry of Labour"}, user=contributor, base_version=1,
             part_number=1)

    with pytest.raises(EditConflict) as conflict:
        row_save(review=review, row=mine, data={"name": "Ministry of Interior"}, user=focal_point, base_version=1,
                 part_number=1)

    assert (conflict.value.current.name, conflict.value.current.version) == ("Ministry of Labour", 2)
    assert conflict.value.message.startswith(f"{contributor} changed this row while you were editing it.")
    stored = GovernmentEntity.objects.get(pk=entity.pk)
    assert (stored.name, stored.version, stored.updated_by) == ("Ministry of Labour", 2, contributor)


def test_row_save_creates_consultation_with_categories(review, focal_point):
    row = row_save(
        review=review, row=Consultation(review=review), user=focal_point, base_version=0, part_number=1,
        data={"held_on": datetime.date(2027, 4, 2), "format": Consultation.Format.MEETING, "participants": 45,
              "summary": "Validation workshop", "categories": _categories("migrants", "civil-society")},
    )

    stored = Consultation.objects.get(pk=row.pk)
    assert (stored.held_on, stored.format, stored.participants, stored.summary, stored.version) == (
        datetime.date(2027, 4, 2), "meeting", 45, "Validation workshop", 1
    )
    assert _codes(stored.categories) == ["civil-society", "migrants"]


def test_row_save_updates_consultation_categories(review, focal_point, reference):
    consultation = factories.ConsultationFactory(review=review)
    consultation.categories.set(_categories("migrants", "civil-society"))

    row_save(review=review, row=consultation, user=focal_point, base_version=1, part_number=1,
             data={"categories": _categories("academia"), "participants": 12})

    stored = Consultation.objects.get(pk=consultation.pk)
    assert (stored.participants, stored.version) == (12, 2)
    assert _codes(stored.categories) == ["academia"]


def test_row_save_refuses_stale_consultation_and_keeps_categories(review, focal_point, reference):
    consultation = factories.ConsultationFactory(review=review, participants=30)
    consultation.categories.set(_categories("migrants"))
    stale = Consultation.objects.get(pk=consultation.pk)
    row_save(review=review, row=consultation, user=focal_point, base_version=1, part_number=1,
             data={"participants": 31})

    with pytest.raises(EditConflict):
        row_save(review=review, row=stale, user=focal_point, base_version=1, part_number=1,
                 data={"participants": 99, "categories": _categories("media")})

    stored = Consultation.objects.get(pk=consultation.pk)
    assert (stored.participants, stored.version) == (31, 2)
    assert _codes(stored.categories) == ["migrants"]


def test_row_save_creates_policy_with_objectives(review, objectives, focal_point):
    row = row_save(
        review=review, row=Policy(review=review), user=focal_point, base_version=0, part_number=2,
        data={"title": "Law 82 of 2016 on irregular migration", "kind": Policy.Kind.LAW, "year": 2016,
              "status": Policy.Status.ADOPTED, "objectives": [objectives[9], objectives[10]],
              "link": "https://example.org/law-82"},
    )

    stored = Policy.objects.get(pk=row.pk)
    assert (stored.title, stored.kind, stored.year, stored.status, stored.link, stored.version) == (
        "Law 82 of 2016 on irregular migration", "law", 2016, "adopted", "https://example.org/law-82", 1
    )
    assert _numbers(stored.objectives) == [9, 10]


def test_row_save_updates_policy_objectives(review, objectives, focal_point):
    policy = factories.PolicyFactory(review=review)
    policy.objectives.set([objectives[9]])

    row_save(review=review, row=policy, user=focal_point, base_version=1, part_number=2,
             data={"status": Policy.Status.UNDER_REVISION, "objectives": [objectives[5], objectives[6]]})

    stored = Policy.objects.get(pk=policy.pk)
    assert (stored.status, stored.version) == ("under_revision", 2)
    assert _numbers(stored.objectives) == [5, 6]


def test_row_save_refuses_stale_policy(review, focal_point):
    policy = factories.PolicyFactory(review=review, year=2020)
    stale = Policy.objects.get(pk=policy.pk)
    row_save(review=review, row=policy, user=focal_point, base_version=1, part_number=2, data={"year": 2021})

    with pytest.raises(EditConflict) as conflict:
        row_save(review=review, row=stale, user=focal_point, base_version=1, part_number=2, data={"year": 2019})

    assert conflict.value.current.year == 2021
    assert Policy.objects.get(pk=policy.pk).year == 2021


def test_row_save_creates_good_practice_under_objective(review, review_objective, focal_point):
    kind = PracticeType.objects.get(code="project")

    row = row_save(
        review=review, row=GoodPractice(review_objective=review_objective), user=focal_point, base_version=0,
        part_number=3, objective_id=review_objective.objective_id,
        data={"title": "Decent work for migrant workers", "kind": kind, "description": "Inspections doubled.",
              "period": "2019–2023", "criteria": list(GoodPracticeCriterion.objects.filter(code="effective")),
              "partners": _categories("trade-unions", "private-sector")},
    )

    stored = GoodPractice.objects.get(pk=row.pk)
    assert (stored.review_objective, stored.title, stored.kind, stored.period, stored.version) == (
        review_objective, "Decent work for migrant workers", kind, "2019–2023", 1
    )
    assert (_codes(stored.criteria), _codes(stored.partners)) == (["effective"], ["private-sector", "trade-unions"])


def test_row_save_updates_and_refuses_stale_good_practice(review, review_objective, focal_point):
    practice = factories.GoodPracticeFactory(review_objective=review_objective, title="Pilot")
    stale = GoodPractice.objects.get(pk=practice.pk)
    row_save(review=review, row=practice, user=focal_point, base_version=1, part_number=3,
             objective_id=review_objective.objective_id, data={"title": "Pilot scaled up"})

    with pytest.raises(EditConflict):
        row_save(review=review, row=stale, user=focal_point, base_version=1, part_number=3,
                 objective_id=review_objective.objective_id, data={"title": "Pilot ended"})

    stored = GoodPractice.objects.get(pk=practice.pk)
    assert (stored.title, stored.version) == ("Pilot scaled up", 2)


def test_row_save_creates_indicator_under_objective(review, review_objective, focal_point):
    suggested = SuggestedIndicator.objects.get(code="8.8.1")

    row = row_save(
        review=review, row=Indicator(review_objective=review_objective), user=focal_point, base_version=0,
        part_number=3, objective_id=review_objective.objective_id,
        data={"suggested": suggested, "unit": "per 100,000", "baseline_value": Decimal("12.50"),
              "baseline_year": 2018, "latest_value": Decimal("9.25"), "latest_year": 2023, "source": "CAPMAS"},
    )

    stored = Indicator.objects.get(pk=row.pk)
    assert (stored.review_objective, stored.suggested, stored.label, stored.version) == (
        review_objective, suggested, suggested.name, 1
    )
    assert (stored.baseline_value, stored.baseline_year, stored.latest_value, stored.latest_year) == (
        Decimal("12.50"), 2018, Decimal("9.25"), 2023
    )


def test_row_save_updates_and_refuses_stale_indicator(review, review_objective, focal_point):
    indicator = factories.IndicatorFactory(review_objective=review_objective, name="Recruitment fees paid")
    stale = Indicator.objects.get(pk=indicator.pk)
    row_save(review=review, row=indicator, user=focal_point, base_version=1, part_number=3,
             objective_id=review_objective.objective_id, data={"latest_value": Decimal("4.00"), "latest_year": 2024})

    with pytest.raises(EditConflict):
        row_save(review=review, row=stale, user=focal_point, base_version=1, part_number=3,
                 objective_id=review_objective.objective_id, data={"latest_value": Decimal("7.00")})

    stored = Indicator.objects.get(pk=indicator.pk)
    assert (stored.latest_value, stored.latest_year, stored.version) == (Decimal("4.00"), 2024, 2)


def test_row_save_creates_planned_action_with_objectives(review, objectives, focal_point):
    row = row_save(
        review=review, row=PlannedAction(review=review), user=focal_point, base_version=0, part_number=5,
        data={"part_number": 5, "action": "Adopt a national implementation plan", "lead_entity": "Cabinet",
              "timeframe": "2028", "objectives": [objectives[23]]},
    )

    stored = PlannedAction.objects.get(pk=row.pk)
    assert (stored.part_number, stored.action, stored.lead_entity, stored.timeframe, stored.version) == (
        5, "Adopt a national implementation plan", "Cabinet", "2028", 1
    )
    assert _numbers(stored.objectives) == [23]


def test_row_save_updates_and_refuses_stale_planned_action(review, objectives, focal_point):
    action = factories.PlannedActionFactory(review=review, timeframe="2028")
    stale = PlannedAction.objects.get(pk=action.pk)
    row_save(review=review, row=action, user=focal_point, base_version=1, part_number=5,
             data={"timeframe": "2029", "objectives": [objectives[1]]})

    with pytest.raises(EditConflict):
        row_save(review=review, row=stale, user=focal_point, base_version=1, part_number=5,
                 data={"timeframe": "2030", "objectives": []})

    stored = PlannedAction.objects.get(pk=action.pk)
    assert (stored.timeframe, stored.version) == ("2029", 2)
    assert _numbers(stored.objectives) == [1]


def test_row_save_contributor_edits_assigned_objective_only(review, review_objective, objectives, contributor):
    factories.AssignmentFactory(review=review, contributor=contributor, part=None, objective=objectives[6])
    other = factories.ReviewObjectiveFactory(review=review, objective=objectives[7])
    kind = PracticeType.objects.get(code="project")
    data = {"title": "Practice", "kind": kind, "description": "Described."}

    row = row_save(review=review, row=GoodPractice(review_objective=review_objective), data=data, user=contributor,
                   base_version=0, part_number=3, objective_id=objectives[6].pk)
    with pytest.raises(NotAllowed):
        row_save(review=review, row=GoodPractice(review_objective=other), data=data, user=contributor,
                 base_version=0, part_number=3, objective_id=objectives[7].pk)

    assert list(GoodPractice.objects.values_list("pk", "review_objective__objective__number")) == [(row.pk, 6)]


@pytest.mark.parametrize("user_fixture", ["contributor", "other_focal_point", "reviewer"])
def test_row_save_refused_without_right_to_the_section(request, review, user_fixture):
    user = request.getfixturevalue(user_fixture)

    with pytest.raises(NotAllowed):
        row_save(review=review, row=GovernmentEntity(review=review), data={"name": "Ministry"}, user=user,
                 base_version=0, part_number=1)

    assert GovernmentEntity.objects.filter(review=review).exists() is False


def test_row_save_refused_once_submitted(review, focal_point):
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry")
    Review.objects.filter(pk=review.pk).update(status=Review.Status.SUBMITTED)
    review.refresh_from_db()

    with pytest.raises(NotAllowed):
        row_save(review=review, row=entity, data={"name": "Changed"}, user=focal_point, base_version=1,
                 part_number=1)

    assert GovernmentEntity.objects.get(pk=entity.pk).name == "Ministry"


def test_row_delete_removes_row_from_current_version(review, focal_point):
    entity = factories.GovernmentEntityFactory(review=review)

    row_delete(review=review, row=entity, user=focal_point, base_version=1, part_number=1)

    assert GovernmentEntity.objects.filter(pk=entity.pk).exists() is False


def test_row_delete_refuses_stale_version_and_keeps_row(review, focal_point, english):
    policy = factories.PolicyFactory(review=review, title="Old title")
    row_save(review=review, row=Policy.objects.get(pk=policy.pk), data={"title": "New title"}, user=focal_point,
             base_version=1, part_number=2)

    with pytest.raises(EditConflict) as conflict:
        row_delete(review=review, row=policy, user=focal_point, base_version=1, part_number=2)

    assert conflict.value.current.title == "New title"
    stored = Policy.objects.get(pk=policy.pk)
    assert (stored.title, stored.version) == ("New title", 2)


def test_row_delete_refused_to_unassigned_contributor(review, review_objective, contributor):
    practice = factories.GoodPracticeFactory(review_objective=review_objective)

    with pytest.raises(NotAllowed):
        row_delete(review=review, row=practice, user=contributor, base_version=1, part_number=3,
                   objective_id=review_objective.objective_id)

    assert GoodPractice.objects.get(pk=practice.pk).version == 1


def test_plan_status_save_updates_from_current_version(review, focal_point):
    saved = plan_status_save(review=review, user=focal_point, plan_status=PlanStatus.ADOPTED,
                             plan_detail="Adopted by cabinet decree in 2025.", base_version=1)

    stored = Review.objects.get(pk=review.pk)
    assert (saved.plan_version, stored.plan_status, stored.plan_detail, stored.plan_version) == (
        2, "adopted", "Adopted by cabinet decree in 2025.", 2
    )


def test_plan_status_save_refuses_stale_version(review, focal_point, english):
    stale = Review.objects.get(pk=review.pk)
    plan_status_save(review=review, user=focal_point, plan_status=PlanStatus.IN_PREPARATION,
                     plan_detail="Drafting started.", base_version=1)

    with pytest.raises(EditConflict) as conflict:
        plan_status_save(review=stale, user=focal_point, plan_status=PlanStatus.NONE, plan_detail="",
                         base_version=1)

    assert (conflict.value.current.plan_status, conflict.value.current.plan_version) == ("in_preparation", 2)
    assert conflict.value.message == (
        "Somebody changed the implementation plan while you were editing it. Your changes were not saved."
    )
    stored = Review.objects.get(pk=review.pk)
    assert (stored.plan_status, stored.plan_detail, stored.plan_version) == ("in_preparation", "Drafting started.", 2)


def test_plan_status_save_refused_to_contributor_without_part_2(review, contributor):
    factories.AssignmentFactory(review=review, contributor=contributor, part=review.cycle.parts.get(number=1))

    with pytest.raises(NotAllowed):
        plan_status_save(review=review, user=contributor, plan_status=PlanStatus.ADOPTED, plan_detail="",
                         base_version=1)

    stored = Review.objects.get(pk=review.pk)
    assert (stored.plan_status, stored.plan_version) == ("", 1)
