"""Editing through the workspace: contributors edit what they were assigned, and two people editing
the same answer or row never overwrite each other (optimistic locking, seen from the browser's side)."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import Answer, GovernmentEntity, GuidingPrinciple, ReviewObjective
from reviews.services.assignments import assignments_set
from tests import factories

pytestmark = pytest.mark.django_db

BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")  # settings.TIME_ZONE
MARCH = datetime.datetime(2027, 3, 1, 10, 0, tzinfo=BEIRUT)  # the cycle is open, before the deadline

ANSWER_CONFLICT = ("%(name)s saved this answer while you were editing it. Your text was not saved: compare both "
                   "versions, merge them and save again.")
ROW_CONFLICT = ("%(name)s changed this row while you were editing it. Your changes were not saved: reload the "
                "row and apply them again.")


def _in(language, message, **params) -> str:
    with translation.override(language):
        return gettext(message) % params if params else gettext(message)


def _hidden_value(html: str, name: str) -> int:
    """The value a hidden input of the page holds, as the browser would read it."""
    match = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="(\d+)"', html)
    assert match is not None, f"no hidden input {name} on the page"
    return int(match.group(1))


def _answer_post(prompt, *, text_ar, text_en="", version):
    prefix = f"p{prompt.pk}"
    return {f"{prefix}-text_ar": text_ar, f"{prefix}-text_en": text_en, f"{prefix}-original_language": "",
            f"{prefix}-version": version}


def _stored_answer(review, prompt):
    answer = Answer.objects.get(review=review, prompt=prompt, objective=None)
    return answer.text_ar, answer.text_en, answer.version, answer.updated_by


@pytest.fixture
def part_4_contributor(review, focal_point, contributor):
    """Egypt's contributor, assigned part 4 (means of implementation) and nothing else."""
    assignments_set(review=review, contributor=contributor, part_numbers={4}, objective_ids=set(), actor=focal_point)
    return contributor


@pytest.fixture
def part_1_contributor(review, focal_point, contributor):
    assignments_set(review=review, contributor=contributor, part_numbers={1}, objective_ids=set(), actor=focal_point)
    return contributor


# --- a contributor edits what was assigned, and only that --------------------------------------


def test_answer_save_by_contributor_in_assigned_part_is_saved(client, review, prompts, part_4_contributor):
    with time_machine.travel(MARCH, tick=False):
        client.force_login(part_4_contributor)

        response = client.post(f"/en/reviews/{review.uid}/answers/{prompts['4.1'].uid}/",
                               _answer_post(prompts["4.1"], text_ar="تمويل من الموازنة العامة", version=0))

    assert (response.status_code, response.json()) == (200, {
        "ok": True, "version": 1, "original_language": "ar", "updated_by": str(part_4_contributor),
        "updated_at": "01/03/2027 10:00",
    })
    assert _stored_answer(review, prompts["4.1"]) == ("تمويل من الموازنة العامة", "", 1, part_4_contributor)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_answer_save_by_contributor_outside_assignment_is_refused(client, review, prompts, focal_point,
                                                                  part_4_contributor, language):
    factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="أعدّت وزارة الخارجية الاستعراض",
                            updated_by=focal_point)
    client.force_login(part_4_contributor)

    response = client.post(f"/{language}/reviews/{review.uid}/answers/{prompts['1.1'].uid}/",
                           _answer_post(prompts["1.1"], text_ar="نص المساهم", version=1))

    assert (response.status_code, response.json()) == (
        403, {"ok": False, "message": _in(language, "You cannot edit this answer.")})
    assert _stored_answer(review, prompts["1.1"]) == ("أعدّت وزارة الخارجية الاستعراض", "", 1, focal_point)


def test_answer_refusal_message_is_translated():
    assert _in("ar", "You cannot edit this answer.") != "You cannot edit this answer."


def test_part_page_shows_unassigned_part_read_only_to_contributor(client, review, prompts, focal_point,
                                                                  part_4_contributor):
    factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="أعدّت وزارة الخارجية الاستعراض",
                            updated_by=focal_point)
    client.force_login(part_4_contributor)

    response = client.get(f"/en/reviews/{review.uid}/parts/1/")

    content = response.content.decode()
    assert [block["can_edit"] for block in response.context["blocks"]] == [False] * 5
    assert f'name="p{prompts["1.1"].pk}-text_ar"' not in content
    assert re.findall(r'name="p\d+-text_(?:ar|en)"', content) == []  # no answer box (comments aside)
    assert ('<div class="user-text border rounded p-2 bg-light" dir="rtl" lang="ar">'
            "أعدّت وزارة الخارجية الاستعراض</div>") in content


def test_part_page_shows_assigned_part_editable_to_contributor(client, review, prompts, part_4_contributor):
    client.force_login(part_4_contributor)

    response = client.get(f"/en/reviews/{review.uid}/parts/4/")

    content = response.content.decode()
    assert [block["can_edit"] for block in response.context["blocks"]] == [True] * 4
    assert [f'name="p{prompts[code].pk}-text_ar"' in content for code in ("4.1", "4.2", "4.3", "4.4")] == [True] * 4


# --- two people, one answer ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_answer_save_concurrent_edit_is_refused_then_merged(review, prompts, focal_point, part_1_contributor,
                                                            language):
    prompt = prompts["1.1"]
    page = f"/{language}/reviews/{review.uid}/parts/1/"
    autosave = f"/{language}/reviews/{review.uid}/answers/{prompt.uid}/"
    first, second = Client(), Client()
    first.force_login(focal_point)
    second.force_login(part_1_contributor)
    first_version = _hidden_value(first.get(page).content.decode(), f"p{prompt.pk}-version")
    second_version = _hidden_value(second.get(page).content.decode(), f"p{prompt.pk}-version")

    saved = first.post(autosave, _answer_post(prompt, text_ar="نص نقطة الاتصال", text_en="The focal point's text",
                                              version=first_version))
    refused = second.post(autosave, _answer_post(prompt, text_ar="نص المساهم", version=second_version))

    assert (first_version, second_version) == (0, 0)
    assert (saved.status_code, saved.json()["version"]) == (200, 1)
    body = refused.json()
    assert (refused.status_code, body["ok"], body["conflict"], body["version"]) == (409, False, True, 1)
    assert (body["text_ar"], body["text_en"]) == ("نص نقطة الاتصال", "The focal point's text")
    assert body["message"] == _in(language, ANSWER_CONFLICT, name=str(focal_point))
    assert body["updated_by"] == str(focal_point)
    assert _stored_answer(review, prompt) == ("نص نقطة الاتصال", "The focal point's text", 1, focal_point)

    merged = second.post(autosave, _answer_post(prompt, text_ar="نص نقطة الاتصال\nنص المساهم",
                                                text_en="The focal point's text", version=body["version"]))

    assert (merged.status_code, merged.json()["ok"], merged.json()["version"]) == (200, True, 2)
    assert _stored_answer(review, prompt) == (
        "نص نقطة الاتصال\nنص المساهم", "The focal point's text", 2, part_1_contributor)


def test_answer_conflict_message_is_translated(focal_point):
    english = ANSWER_CONFLICT % {"name": str(focal_point)}

    assert _in("en", ANSWER_CONFLICT, name=str(focal_point)) == english
    assert _in("ar", ANSWER_CONFLICT, name=str(focal_point)) != english
    assert str(focal_point) in _in("ar", ANSWER_CONFLICT, name=str(focal_point))


def test_answer_save_same_text_twice_is_not_a_conflict(client, review, prompts, focal_point):
    """A retried request (the network dropped the first answer) must not show a conflict."""
    client.force_login(focal_point)
    url = f"/en/reviews/{review.uid}/answers/{prompts['1.1'].uid}/"
    client.post(url, _answer_post(prompts["1.1"], text_ar="نص", version=0))

    again = client.post(url, _answer_post(prompts["1.1"], text_ar="نص", version=0))

    assert (again.status_code, again.json()["ok"], again.json()["version"]) == (200, True, 1)


# --- two people, one table row ---------------------------------------------------------------------


def _entity_post(entity, *, name, version):
    prefix = f"entities-{entity.uid}"
    return {f"{prefix}-name": name, f"{prefix}-level": "national", f"{prefix}-role": "Coordination",
            f"{prefix}-version": version}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_row_save_concurrent_edit_keeps_first_change(review, focal_point, part_1_contributor, language):
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry of Manpower", updated_by=focal_point)
    page = f"/{language}/reviews/{review.uid}/parts/1/"
    url = f"/{language}/reviews/{review.uid}/rows/entities/{entity.uid}/"
    first, second = Client(), Client()
    first.force_login(focal_point)
    second.force_login(part_1_contributor)
    editing = f"{page}?edit={entity.uid}"  # "Edit row" without JavaScript: the row as a form
    first_version = _hidden_value(first.get(editing).content.decode(), f"entities-{entity.uid}-version")
    second_version = _hidden_value(second.get(editing).content.decode(), f"entities-{entity.uid}-version")

    saved = first.post(url, _entity_post(entity, name="Ministry of Interior", version=first_version))
    refused = second.post(url, _entity_post(entity, name="Ministry of Foreign Affairs", version=second_version))

    assert (first_version, second_version) == (1, 1)
    assert (saved.status_code, saved["Location"]) == (302, f"{page}#row-{entity.uid}")
    assert [str(m) for m in get_messages(saved.wsgi_request)] == [_in(language, "Row saved.")]
    assert (refused.status_code, refused["Location"]) == (302, f"{page}#row-{entity.uid}")
    assert [str(m) for m in get_messages(refused.wsgi_request)] == [
        _in(language, ROW_CONFLICT, name=str(focal_point))]
    stored = GovernmentEntity.objects.get(pk=entity.pk)
    assert (stored.name, stored.version, stored.updated_by) == ("Ministry of Interior", 2, focal_point)


def test_row_conflict_message_is_translated(focal_point):
    assert _in("ar", ROW_CONFLICT, name=str(focal_point)) != ROW_CONFLICT % {"name": str(focal_point)}


def test_row_save_after_reload_applies_second_change(client, review, focal_point, part_1_contributor):
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry of Manpower", updated_by=focal_point)
    GovernmentEntity.objects.filter(pk=entity.pk).update(version=2)  # somebody saved it since
    client.force_login(part_1_contributor)
    page = client.get(f"/en/reviews/{review.uid}/parts/1/?edit={entity.uid}").content.decode()

    response = client.post(f"/en/reviews/{review.uid}/rows/entities/{entity.uid}/",
                           _entity_post(entity, name="Ministry of Foreign Affairs",
                                        version=_hidden_value(page, f"entities-{entity.uid}-version")))

    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Row saved."]
    stored = GovernmentEntity.objects.get(pk=entity.pk)
    assert (stored.name, stored.version, stored.updated_by) == ("Ministry of Foreign Affairs", 3, part_1_contributor)


def test_row_delete_of_a_row_changed_meanwhile_is_refused(client, review, focal_point, part_1_contributor):
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry of Manpower", updated_by=focal_point)
    client.force_login(part_1_contributor)
    seen = entity.version
    GovernmentEntity.objects.filter(pk=entity.pk).update(name="Ministry of Interior", version=seen + 1)

    response = client.post(f"/en/reviews/{review.uid}/rows/entities/{entity.uid}/delete/", {"version": seen})

    assert [str(m) for m in get_messages(response.wsgi_request)] == [ROW_CONFLICT % {"name": str(focal_point)}]
    assert GovernmentEntity.objects.get(pk=entity.pk).name == "Ministry of Interior"


UNREPORTED = ("Objective %(number)s is not among the objectives this review reports. Add it on the Objectives page "
              "first; nothing was saved.")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_answer_autosave_for_an_objective_the_review_does_not_report_is_refused(client, review, prompts, objectives,
                                                                                focal_point, language):
    factories.ReviewObjectiveFactory(review=review, objective=objectives[2])  # reported: 2; not: 9
    client.force_login(focal_point)

    response = client.post(f"/{language}/reviews/{review.uid}/answers/{prompts['3.a'].uid}/",
                           {**_answer_post(prompts["3.a"], text_ar="تدابير", version=0), "objective": 9})

    assert (response.status_code, response.json()) == (400, {"ok": False, "message": _in(language, UNREPORTED,
                                                                                         number=9)})
    assert Answer.objects.filter(review=review).exists() is False


def test_unreported_objective_message_is_translated():
    assert _in("ar", UNREPORTED, number=9) != UNREPORTED % {"number": 9}


# --- the row the user worked on is where the page opens again ------------------------------------------


def test_row_create_returns_to_the_new_row(client, review, focal_point):
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/rows/entities/new/", {
        "entities-new-name": "Ministry of Interior", "entities-new-level": "national",
        "entities-new-role": "Coordination", "entities-new-version": 0})

    created = GovernmentEntity.objects.get(review=review)
    assert (response.status_code, response["Location"]) == (
        302, f"/en/reviews/{review.uid}/parts/1/#row-{created.uid}")


def test_row_forms_post_to_their_own_row_on_the_page(client, review, focal_point):
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry of Manpower", updated_by=focal_point)
    client.force_login(focal_point)

    page = client.get(f"/en/reviews/{review.uid}/parts/1/?edit={entity.uid}").content.decode()

    assert f'<div class="card mb-2" id="row-{entity.uid}">' in page
    assert f'action="/en/reviews/{review.uid}/rows/entities/{entity.uid}/#row-{entity.uid}"' in page
    assert '<div class="new-row" id="new-entities">' in page
    assert f'href="?add=entities#new-entities"' in page  # the form to add a row comes when asked for


def test_the_form_to_add_a_row_comes_when_asked_for(client, review, focal_point):
    client.force_login(focal_point)

    page = client.get(f"/en/reviews/{review.uid}/parts/1/?add=entities").content.decode()

    assert f'action="/en/reviews/{review.uid}/rows/entities/new/#new-entities"' in page
    assert page.count('class="row-form"') == 1  # the consultations table still offers a link, not a form
    assert 'href="?add=consultations#new-consultations"' in page


def test_rows_are_text_until_edited(client, review, focal_point):
    """A page of many rows sends no form per row: "Edit row" opens the page with that row as a form (the
    script takes the form from it and puts it in place)."""
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry <of> Manpower", updated_by=focal_point)
    other = factories.GovernmentEntityFactory(review=review, name="Ministry of Health", updated_by=focal_point)
    client.force_login(focal_point)
    base = f"/en/reviews/{review.uid}/parts/1/"

    page = client.get(base).content.decode()
    editing = client.get(f"{base}?edit={entity.uid}").content.decode()

    assert f'name="entities-{entity.uid}-name"' not in page and "Ministry &lt;of&gt; Manpower" in page
    assert f'<a class="btn btn-sm btn-outline-primary row-edit" href="?edit={entity.uid}#row-{entity.uid}">' in page
    assert f'name="entities-{entity.uid}-name"' in editing and f'name="entities-{other.uid}-name"' not in editing
    assert 'value="Ministry &lt;of&gt; Manpower"' in editing
    assert f'<a class="btn btn-sm btn-link row-cancel" href="{base}#row-{entity.uid}">Cancel</a>' in editing


# --- objective details save themselves like answers --------------------------------------------------


@pytest.fixture
def reported_objective(review, objectives, focal_point):
    return factories.ReviewObjectiveFactory(review=review, objective=objectives[1],
                                            stage=ReviewObjective.Stage.UNDER_WAY, updated_by=focal_point)


def _details_post(*, stage="under_way", principles=(), version):
    return {"details-stage": stage, "details-principles": [str(p.pk) for p in principles],
            "details-version": version}


def test_objective_details_autosave_saves_and_answers_with_the_new_version(client, review, reported_objective,
                                                                            focal_point):
    principle = GuidingPrinciple.objects.order_by("pk").first()
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/objectives/1/details/",
                           _details_post(principles=[principle], version=reported_objective.version),
                           headers={"X-Requested-With": "fetch"})

    stored = ReviewObjective.objects.get(pk=reported_objective.pk)
    assert (response.status_code, response.json()["ok"], response.json()["version"]) == (
        200, True, reported_objective.version + 1)
    assert (list(stored.principles.all()), stored.version) == ([principle], reported_objective.version + 1)


def test_objective_details_autosave_on_an_old_version_answers_409_with_the_stored_choices(
        client, review, reported_objective, focal_point, part_1_contributor):
    first, second = GuidingPrinciple.objects.order_by("pk")[:2]
    loaded = reported_objective.version
    client.force_login(focal_point)
    client.post(f"/en/reviews/{review.uid}/objectives/1/details/", _details_post(principles=[first], version=loaded),
                headers={"X-Requested-With": "fetch"})

    response = client.post(f"/en/reviews/{review.uid}/objectives/1/details/",
                           _details_post(principles=[second], version=loaded), headers={"X-Requested-With": "fetch"})

    data = response.json()
    assert (response.status_code, data["conflict"], data["version"]) == (409, True, loaded + 1)
    assert data["message"] == ROW_CONFLICT % {"name": str(focal_point)}
    assert (data["stored"]["details-stage"], data["stored"]["details-principles"]) == ("under_way", [str(first.pk)])
    assert list(ReviewObjective.objects.get(pk=reported_objective.pk).principles.all()) == [first]


def test_objective_details_autosave_without_stage_answers_400_field_by_field(client, review, reported_objective,
                                                                             focal_point):
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/objectives/1/details/",
                           _details_post(stage="", version=reported_objective.version),
                           headers={"X-Requested-With": "fetch"})

    assert (response.status_code, response.json()) == (400, {"ok": False, "errors": {"stage": [
        "This field is required."]}})
    assert ReviewObjective.objects.get(pk=reported_objective.pk).version == reported_objective.version


def test_objective_page_details_form_saves_itself(client, review, reported_objective, focal_point):
    client.force_login(focal_point)

    page = client.get(f"/en/reviews/{review.uid}/objectives/1/").content.decode()

    assert (f'<form method="post" class="autosave-form" '
            f'action="/en/reviews/{review.uid}/objectives/1/details/#stage" novalidate>') in page
    assert '<span class="save-state text-secondary" role="status" aria-live="polite">' in page


# --- the implementation plan saves itself too --------------------------------------------------------


def test_plan_autosave_saves_and_answers_with_the_new_version(client, review, focal_point):
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/plan/", {
        "plan_status": "adopted", "plan_detail": "Adopted in 2025.", "version": review.plan_version},
        headers={"X-Requested-With": "fetch"})

    review.refresh_from_db()
    assert (response.status_code, response.json()["ok"], response.json()["version"]) == (200, True, 2)
    assert (review.plan_status, review.plan_detail, review.plan_version) == ("adopted", "Adopted in 2025.", 2)


def test_plan_autosave_on_an_old_version_answers_409_with_the_stored_plan(client, review, focal_point):
    client.force_login(focal_point)
    client.post(f"/en/reviews/{review.uid}/plan/", {"plan_status": "adopted", "plan_detail": "First.", "version": 1},
                headers={"X-Requested-With": "fetch"})

    response = client.post(f"/en/reviews/{review.uid}/plan/", {
        "plan_status": "in_preparation", "plan_detail": "Second.", "version": 1}, headers={"X-Requested-With": "fetch"})

    assert (response.status_code, response.json()["version"], response.json()["stored"]) == (
        409, 2, {"plan_status": "adopted", "plan_detail": "First."})
