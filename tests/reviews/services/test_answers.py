import pytest

from reviews.models import Answer, GuidingPrompt, Review
from reviews.services.answers import answer_save
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from tests import factories

pytestmark = pytest.mark.django_db


def _save(review, prompt, user, *, base_version, text_ar="", text_en="", objective=None, original_language=None):
    return answer_save(
        review=review, prompt=prompt, objective=objective, user=user, text_ar=text_ar, text_en=text_en,
        original_language=original_language, base_version=base_version,
    )


def _stored(review, prompt, objective=None):
    answer = Answer.objects.get(review=review, prompt=prompt, objective=objective)
    return answer.text_ar, answer.text_en, answer.version


def test_answer_save_creates_first_version(review, prompts, focal_point):
    answer = _save(review, prompts["1.1"], focal_point, base_version=0, text_ar="وزارة الخارجية تقود الاستعراض.")

    assert (answer.version, answer.updated_by, answer.original_language) == (1, focal_point, "ar")
    assert _stored(review, prompts["1.1"]) == ("وزارة الخارجية تقود الاستعراض.", "", 1)


def test_answer_save_updates_when_based_on_current_version(review, prompts, focal_point):
    _save(review, prompts["1.1"], focal_point, base_version=0, text_ar="مسودة")

    answer = _save(review, prompts["1.1"], focal_point, base_version=1, text_ar="نص نهائي", text_en="Final text")

    assert (answer.text_ar, answer.text_en, answer.version) == ("نص نهائي", "Final text", 2)
    assert _stored(review, prompts["1.1"]) == ("نص نهائي", "Final text", 2)
    assert Answer.objects.filter(review=review).count() == 1


def test_answer_save_refuses_stale_version_and_keeps_stored_text(review, prompts, focal_point, contributor,
                                                                  english):
    factories.AssignmentFactory(review=review, contributor=contributor, part=prompts["1.1"].part)
    _save(review, prompts["1.1"], focal_point, base_version=0, text_ar="الأصل")
    _save(review, prompts["1.1"], contributor, base_version=1, text_ar="نص المساهم")

    with pytest.raises(EditConflict) as conflict:
        _save(review, prompts["1.1"], focal_point, base_version=1, text_ar="نص نقطة الاتصال")

    assert (conflict.value.current.text_ar, conflict.value.current.version) == ("نص المساهم", 2)
    assert conflict.value.current.updated_by == contributor
    assert conflict.value.message.startswith(f"{contributor} saved this answer while you were editing it.")
    assert _stored(review, prompts["1.1"]) == ("نص المساهم", "", 2)


def test_answer_save_concurrent_first_saves_second_gets_conflict(review, prompts, focal_point, contributor):
    factories.AssignmentFactory(review=review, contributor=contributor, part=prompts["1.1"].part)
    _save(review, prompts["1.1"], focal_point, base_version=0, text_ar="الأول")

    with pytest.raises(EditConflict) as conflict:
        _save(review, prompts["1.1"], contributor, base_version=0, text_ar="الثاني")

    assert conflict.value.current.text_ar == "الأول"
    assert _stored(review, prompts["1.1"]) == ("الأول", "", 1)
    assert Answer.objects.filter(review=review, prompt=prompts["1.1"]).count() == 1


def test_answer_save_identical_retried_first_save_is_not_a_conflict(review, prompts, focal_point):
    first = _save(review, prompts["1.1"], focal_point, base_version=0, text_ar="نص", text_en="Text")

    retried = _save(review, prompts["1.1"], focal_point, base_version=0, text_ar="نص", text_en="Text")

    assert (retried.pk, retried.version) == (first.pk, 1)
    assert _stored(review, prompts["1.1"]) == ("نص", "Text", 1)


def test_answer_save_identical_retried_update_is_not_a_conflict(review, prompts, focal_point):
    _save(review, prompts["1.1"], focal_point, base_version=0, text_ar="مسودة")
    _save(review, prompts["1.1"], focal_point, base_version=1, text_ar="نهائي")

    retried = _save(review, prompts["1.1"], focal_point, base_version=1, text_ar="نهائي")

    assert retried.version == 2
    assert _stored(review, prompts["1.1"]) == ("نهائي", "", 2)


@pytest.mark.parametrize(
    ("text_ar", "text_en", "original_language", "expected"),
    [
        ("", "Written in English only.", None, "en"),
        ("بالعربية فقط", "", None, "ar"),
        ("بالعربية", "And in English.", None, "ar"),
        ("", "Written in English only.", "fr", "en"),
        ("بالعربية", "Translated from English.", "en", "en"),
        ("مترجم من العربية", "", "ar", "ar"),
    ],
)
def test_answer_save_original_language_defaults_to_the_language_written(
    review, prompts, focal_point, text_ar, text_en, original_language, expected
):
    answer = _save(review, prompts["1.1"], focal_point, base_version=0, text_ar=text_ar, text_en=text_en,
                   original_language=original_language)

    assert Answer.objects.get(pk=answer.pk).original_language == expected


def test_answer_save_contributor_edits_assigned_part_only(review, prompts, contributor, english):
    factories.AssignmentFactory(review=review, contributor=contributor, part=prompts["1.1"].part)

    answer = _save(review, prompts["1.2"], contributor, base_version=0, text_en="Ministries involved.")
    with pytest.raises(NotAllowed) as refused:
        _save(review, prompts["2.1"], contributor, base_version=0, text_en="Not my part.")

    assert (answer.text_en, answer.updated_by) == ("Ministries involved.", contributor)
    assert refused.value.message == "You cannot edit this answer."
    assert Answer.objects.filter(review=review, prompt=prompts["2.1"]).exists() is False


def test_answer_save_contributor_edits_assigned_objective_only(review, prompts, objectives, contributor):
    for number in (5, 6):
        factories.ReviewObjectiveFactory(review=review, objective=objectives[number])
    factories.AssignmentFactory(review=review, contributor=contributor, part=None, objective=objectives[5])

    answer = _save(review, prompts["3.a"], contributor, base_version=0, text_ar="تدابير", objective=objectives[5])
    with pytest.raises(NotAllowed):
        _save(review, prompts["3.a"], contributor, base_version=0, text_ar="تدابير", objective=objectives[6])
    with pytest.raises(NotAllowed):
        _save(review, prompts["3.0"], contributor, base_version=0, text_ar="الأولويات")

    assert answer.objective == objectives[5]
    assert list(Answer.objects.filter(review=review).values_list("prompt__code", "objective__number")) == [
        ("3.a", 5)
    ]


def test_answer_save_contributor_without_assignment_refused(review, prompts, contributor):
    with pytest.raises(NotAllowed):
        _save(review, prompts["1.1"], contributor, base_version=0, text_ar="نص")

    assert Answer.objects.filter(review=review).exists() is False


@pytest.mark.parametrize("user_fixture", ["other_focal_point", "reviewer", "organiser"])
def test_answer_save_refused_outside_the_country_team(request, review, prompts, user_fixture):
    user = request.getfixturevalue(user_fixture)

    with pytest.raises(NotAllowed):
        _save(review, prompts["1.1"], user, base_version=0, text_ar="نص")

    assert Answer.objects.filter(review=review).exists() is False


@pytest.mark.parametrize("status", [Review.Status.SUBMITTED, Review.Status.IN_REVIEW, Review.Status.ACCEPTED])
def test_answer_save_refused_once_review_left_the_country(review, prompts, focal_point, status):
    answer = factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="المقدم")
    Review.objects.filter(pk=review.pk).update(status=status)
    review.refresh_from_db()

    with pytest.raises(NotAllowed):
        _save(review, prompts["1.1"], focal_point, base_version=1, text_ar="تغيير")

    assert _stored(review, prompts["1.1"]) == ("المقدم", "", answer.version)


def test_answer_save_allowed_again_when_revision_requested(review, prompts, focal_point):
    factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="المقدم")
    Review.objects.filter(pk=review.pk).update(status=Review.Status.REVISION_REQUESTED)
    review.refresh_from_db()

    answer = _save(review, prompts["1.1"], focal_point, base_version=1, text_ar="منقح")

    assert (answer.text_ar, answer.version) == ("منقح", 2)


def test_answer_save_refused_when_cycle_closed(review, prompts, focal_point):
    review.cycle.is_open = False
    review.cycle.save()

    with pytest.raises(NotAllowed):
        _save(review, prompts["1.1"], focal_point, base_version=0, text_ar="نص")

    assert Answer.objects.filter(review=review).exists() is False


def test_answer_save_refuses_prompt_of_another_cycle(review, focal_point, english):
    old_prompt = GuidingPrompt.objects.get(part__cycle__slug="arab-2020", code="1.1")

    with pytest.raises(NotAllowed) as refused:
        _save(review, old_prompt, focal_point, base_version=0, text_ar="نص")

    assert refused.value.message == "This question does not belong to this review."
    assert Answer.objects.filter(review=review).exists() is False


def test_answer_save_per_objective_prompt_requires_objective(review, prompts, focal_point):
    with pytest.raises(NotAllowed):
        _save(review, prompts["3.a"], focal_point, base_version=0, text_ar="نص")

    assert Answer.objects.filter(review=review).exists() is False


def test_answer_save_part_prompt_refuses_objective(review, prompts, objectives, focal_point):
    with pytest.raises(NotAllowed):
        _save(review, prompts["3.0"], focal_point, base_version=0, text_ar="نص", objective=objectives[1])

    assert Answer.objects.filter(review=review).exists() is False


def test_answer_save_keeps_one_answer_per_objective(review, prompts, objectives, focal_point):
    for number in (1, 2):
        factories.ReviewObjectiveFactory(review=review, objective=objectives[number])
    _save(review, prompts["3.a"], focal_point, base_version=0, text_ar="الهدف الأول", objective=objectives[1])
    _save(review, prompts["3.a"], focal_point, base_version=0, text_ar="الهدف الثاني", objective=objectives[2])

    assert sorted(Answer.objects.filter(review=review).values_list("objective__number", "text_ar", "version")) == [
        (1, "الهدف الأول", 1), (2, "الهدف الثاني", 1)
    ]


@pytest.mark.parametrize("is_reported", [False, None], ids=["taken off the list", "never chosen"])
def test_answer_save_refuses_an_objective_the_review_does_not_report(review, prompts, objectives, focal_point,
                                                                     is_reported, english):
    if is_reported is not None:
        factories.ReviewObjectiveFactory(review=review, objective=objectives[7], is_reported=is_reported)

    with pytest.raises(DomainError) as refused:
        _save(review, prompts["3.a"], focal_point, base_version=0, text_ar="تدابير", objective=objectives[7])

    assert refused.value.message == ("Objective 7 is not among the objectives this review reports. Add it on the "
                                     "Objectives page first; nothing was saved.")
    assert Answer.objects.filter(review=review).exists() is False
