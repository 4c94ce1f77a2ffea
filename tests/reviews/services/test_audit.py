"""The audit trail: every save of an answer, a row, the plan or a translation leaves one ChangeLog row per
field that changed (place, field, before, after, who), and none for a field left as it was."""

import pytest

from reviews.models import Answer, ChangeLog, GovernmentEntity, Policy, Review
from reviews.services.answers import answer_save
from reviews.services.audit import audit_record
from reviews.services.errors import EditConflict
from reviews.services.rows import plan_status_save, row_delete, row_save
from reviews.services.translations import translation_save
from tests import factories

pytestmark = pytest.mark.django_db


def _log(review) -> list[tuple]:
    """The trail, oldest first, as (anchor, field, before, after, username)."""
    return list(ChangeLog.objects.filter(review=review).order_by("pk").values_list(
        "anchor", "field", "before", "after", "user__username"))


def _save(review, prompt, user, *, text_ar="", text_en="", language=None, version=0, objective=None):
    return answer_save(review=review, prompt=prompt, objective=objective, user=user, text_ar=text_ar,
                       text_en=text_en, original_language=language, base_version=version)


# --- audit_record itself --------------------------------------------------------------------------------------


def test_audit_record_keeps_changed_fields_only(review, focal_point):
    audit_record(review=review, anchor="plan", user=focal_point,
                 before={"plan_status": "none", "plan_detail": "Same", "year": None},
                 after={"plan_status": "adopted", "plan_detail": "Same", "year": None})

    assert _log(review) == [("plan", "plan_status", "none", "adopted", "fp-eg")]


def test_audit_record_writes_lists_sorted_and_none_as_empty(review, focal_point):
    audit_record(review=review, anchor="row:policy:x", user=focal_point,
                 before={"objectives": ["6. B", "1. A"], "year": None},
                 after={"objectives": ["1. A"], "year": 2022})

    assert _log(review) == [("row:policy:x", "objectives", "1. A, 6. B", "1. A", "fp-eg"),
                            ("row:policy:x", "year", "", "2022", "fp-eg")]


# --- answers --------------------------------------------------------------------------------------------------


def test_answer_save_first_save_records_what_was_written(review, prompts, focal_point):
    _save(review, prompts["1.1"], focal_point, text_ar="ثلاث وزارات تنسق.")

    assert _log(review) == [
        ("answer:1.1", "text_ar", "", "ثلاث وزارات تنسق.", "fp-eg"),
        ("answer:1.1", "original_language", "", "ar", "fp-eg"),
    ]


def test_answer_save_records_only_the_changed_text(review, prompts, focal_point, contributor):
    factories.AssignmentFactory(review=review, contributor=contributor, part=prompts["1.1"].part,
                                assigned_by=focal_point)
    first = _save(review, prompts["1.1"], focal_point, text_ar="ثلاث وزارات تنسق.")
    ChangeLog.objects.all().delete()

    _save(review, prompts["1.1"], contributor, text_ar="ثلاث وزارات تنسق.", text_en="Three ministries coordinate.",
          language="ar", version=first.version)

    assert _log(review) == [("answer:1.1", "text_en", "", "Three ministries coordinate.", "contrib-eg")]


def test_answer_save_unchanged_leaves_no_trace(review, prompts, focal_point):
    first = _save(review, prompts["1.1"], focal_point, text_ar="نص", text_en="Text", language="ar")
    ChangeLog.objects.all().delete()

    saved = _save(review, prompts["1.1"], focal_point, text_ar="نص", text_en="Text", language="ar",
                  version=first.version)

    assert (saved.version, _log(review)) == (first.version + 1, [])


def test_answer_save_of_an_objective_answer_names_its_objective(review, prompts, objectives, focal_point):
    factories.ReviewObjectiveFactory(review=review, objective=objectives[6])

    _save(review, prompts["3.a"], focal_point, text_en="Labour attachés in five countries.", objective=objectives[6])

    assert _log(review) == [
        ("answer:3.a:o6", "text_en", "", "Labour attachés in five countries.", "fp-eg"),
        ("answer:3.a:o6", "original_language", "", "en", "fp-eg"),
    ]


def test_answer_save_refused_leaves_no_trace(review, prompts, focal_point):
    first = _save(review, prompts["1.1"], focal_point, text_ar="نص")
    _save(review, prompts["1.1"], focal_point, text_ar="نص ثان", version=first.version)
    ChangeLog.objects.all().delete()

    with pytest.raises(EditConflict):
        _save(review, prompts["1.1"], focal_point, text_ar="نص ثالث", version=first.version)

    assert _log(review) == []


# --- rows -----------------------------------------------------------------------------------------------------


def test_row_save_new_row_records_every_field_written(review, focal_point):
    row = row_save(review=review, row=GovernmentEntity(review=review), user=focal_point, base_version=0,
                   part_number=1, data={"name": "Ministry of Manpower", "level": "national", "role": ""})

    anchor = f"row:governmententity:{row.uid}"
    assert _log(review) == [(anchor, "name", "", "Ministry of Manpower", "fp-eg"),
                            (anchor, "level", "", "national", "fp-eg")]


def test_row_save_update_records_the_changed_fields_only(review, focal_point):
    row = factories.GovernmentEntityFactory(review=review, name="Ministry of Manpower", role="Coordination")

    row_save(review=review, row=row, user=focal_point, base_version=row.version, part_number=1,
             data={"name": "Ministry of Manpower", "level": "local", "role": "Coordination"})

    assert _log(review) == [(f"row:governmententity:{row.uid}", "level", "national", "local", "fp-eg")]


def test_row_save_unchanged_leaves_no_trace(review, focal_point):
    row = factories.GovernmentEntityFactory(review=review, name="Ministry of Manpower", role="Coordination")

    row_save(review=review, row=row, user=focal_point, base_version=row.version, part_number=1,
             data={"name": "Ministry of Manpower", "level": "national", "role": "Coordination"})

    assert (GovernmentEntity.objects.get(pk=row.pk).version, _log(review)) == (2, [])


def test_row_save_records_many_to_many_lists(review, objectives, focal_point, english):
    row = factories.PolicyFactory(review=review, title="Labour law")
    row.objectives.set([objectives[6]])

    row_save(review=review, row=row, user=focal_point, base_version=row.version, part_number=2,
             data={"title": "Labour law", "kind": "law", "year": 2022, "status": "adopted",
                   "objectives": [objectives[1], objectives[6]], "link": "", "attachment": None})

    assert _log(review) == [(f"row:policy:{row.uid}", "objectives", "6. Recruitment and decent work",
                             "1. Data, 6. Recruitment and decent work", "fp-eg")]


def test_row_save_of_objective_details_names_the_objective(review, objectives, focal_point):
    row = factories.ReviewObjectiveFactory(review=review, objective=objectives[6])

    row_save(review=review, row=row, user=focal_point, base_version=row.version, part_number=3,
             objective_id=objectives[6].pk, data={"is_priority": True, "stage": "planned"})

    assert _log(review) == [("objective:6", "is_priority", "False", "True", "fp-eg"),
                            ("objective:6", "stage", "", "planned", "fp-eg")]


def test_row_delete_records_every_value_emptied(review, focal_point):
    row = factories.PolicyFactory(review=review, title="Labour law", kind=Policy.Kind.LAW, year=2022,
                                  status=Policy.Status.ADOPTED)
    anchor = f"row:policy:{row.uid}"

    row_delete(review=review, row=row, user=focal_point, base_version=row.version, part_number=2)

    assert _log(review) == [(anchor, "title", "Labour law", "", "fp-eg"), (anchor, "kind", "law", "", "fp-eg"),
                            (anchor, "year", "2022", "", "fp-eg"), (anchor, "status", "adopted", "", "fp-eg")]
    assert Policy.objects.filter(pk=row.pk).exists() is False


def test_plan_status_save_records_plan_changes(review, focal_point):
    plan_status_save(review=review, user=focal_point, plan_status="adopted", plan_detail="Adopted in 2023.",
                     base_version=1)
    plan_status_save(review=review, user=focal_point, plan_status="adopted", plan_detail="Adopted in 2024.",
                     base_version=2)

    assert _log(review) == [("plan", "plan_status", "", "adopted", "fp-eg"),
                            ("plan", "plan_detail", "", "Adopted in 2023.", "fp-eg"),
                            ("plan", "plan_detail", "Adopted in 2023.", "Adopted in 2024.", "fp-eg")]
    assert Review.objects.get(pk=review.pk).plan_version == 3


# --- translations ---------------------------------------------------------------------------------------------


def _verification(answer) -> tuple:
    answer = Answer.objects.get(pk=answer.pk)
    return answer.translation_verified_by, answer.translation_verified_at is not None


def test_translation_save_verified_records_the_text_and_the_verification(submitted_review, prompts, reviewer):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    original = answer.text_ar

    translation_save(answer=answer, user=reviewer, text="Three ministries coordinate.", verified=True,
                     base_version=answer.version)

    assert _log(submitted_review) == [
        ("answer:1.1", "text_en", "", "Three ministries coordinate.", "reviewer-escwa"),
        ("answer:1.1", "verified", "False", "True", "reviewer-escwa"),
    ]
    stored = Answer.objects.get(pk=answer.pk)
    assert (stored.text_ar, stored.text_en, stored.translation_status) == (
        original, "Three ministries coordinate.", "verified")
    assert _verification(answer) == (reviewer, True)


def test_translation_save_unverified_clears_the_verification(submitted_review, prompts, reviewer, organiser):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    answer = translation_save(answer=answer, user=reviewer, text="Three ministries.", verified=True,
                              base_version=answer.version)
    ChangeLog.objects.all().delete()

    translation_save(answer=answer, user=organiser, text="Three ministries.", verified=False,
                     base_version=answer.version)

    assert _log(submitted_review) == [("answer:1.1", "verified", "True", "False", "organiser")]
    assert _verification(answer) == (None, False)


def test_translation_save_of_an_empty_text_is_never_verified(submitted_review, prompts, reviewer):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])

    translation_save(answer=answer, user=reviewer, text="  ", verified=True, base_version=answer.version)

    assert _log(submitted_review) == [("answer:1.1", "text_en", "", "  ", "reviewer-escwa")]
    assert _verification(answer) == (None, False)


def test_translation_save_of_an_english_original_fills_the_arabic(submitted_review, prompts, objectives, reviewer):
    answer = submitted_review.answers.get(prompt=prompts["3.a"], objective=objectives[1])
    Answer.objects.filter(pk=answer.pk).update(text_ar="", text_en="Data systems.", original_language="en")
    answer.refresh_from_db()

    translation_save(answer=answer, user=reviewer, text="أنظمة البيانات.", verified=False,
                     base_version=answer.version)

    assert _log(submitted_review) == [("answer:3.a:o1", "text_ar", "", "أنظمة البيانات.", "reviewer-escwa")]
    assert Answer.objects.get(pk=answer.pk).text_ar == "أنظمة البيانات."


def test_translation_save_on_an_outdated_version_leaves_no_trace(submitted_review, prompts, reviewer, organiser):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    loaded = answer.version
    translation_save(answer=answer, user=reviewer, text="First.", verified=False, base_version=loaded)
    ChangeLog.objects.all().delete()

    with pytest.raises(EditConflict):
        translation_save(answer=answer, user=organiser, text="Second.", verified=False, base_version=loaded)

    assert (_log(submitted_review), Answer.objects.get(pk=answer.pk).text_en) == ([], "First.")


def test_answer_save_of_a_changed_text_clears_the_verification(review, prompts, focal_point):
    answer = _save(review, prompts["1.1"], focal_point, text_ar="نص")
    answer = translation_save(answer=answer, user=focal_point, text="Text", verified=True,
                              base_version=answer.version)
    assert _verification(answer) == (focal_point, True)

    _save(review, prompts["1.1"], focal_point, text_ar="نص معدل", text_en="Text", language="ar",
          version=answer.version)

    assert _verification(answer) == (None, False)
    assert _log(review)[-1] == ("answer:1.1", "text_ar", "نص", "نص معدل", "fp-eg")


def test_answer_save_of_the_same_text_keeps_the_verification(review, prompts, focal_point):
    answer = _save(review, prompts["1.1"], focal_point, text_ar="نص")
    answer = translation_save(answer=answer, user=focal_point, text="Text", verified=True,
                              base_version=answer.version)

    _save(review, prompts["1.1"], focal_point, text_ar="نص", text_en="Text", language="ar", version=answer.version)

    assert _verification(answer) == (focal_point, True)
