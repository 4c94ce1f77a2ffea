"""Who reaches which workspace URL: every workspace pattern of reviews/urls.py, for the five kinds of user.

An outsider (another country's focal point) gets 404 and learns nothing; an anonymous visitor is
sent to the login page; a regional reviewer sees a review only once it was submitted, and never
changes it; once submitted, the country team cannot change it either.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from reviews import urls as review_urls
from reviews.models import GovernmentEntity, Objective, Review
from reviews.selectors.snapshot import review_snapshot
from reviews.services.attachments import attachment_add
from reviews.services.submission import review_submit
from reviews.word.import_writes import word_import_start
from tests import factories
from tests.reviews.word.filling import blank_template

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

# The workspace's own URLs (reviews/urls.py also routes the regional views, tested with them).
WORKSPACE_PATTERNS = [pattern for pattern in review_urls.urlpatterns
                      if pattern.callback.__module__.startswith("reviews.views.workspace.")]
ALL_NAMES = [pattern.name for pattern in WORKSPACE_PATTERNS]
# Views decorated with require_POST: a GET gets 405 from anybody, before any lookup, so it tells nothing.
POST_ONLY = {"open", "answer_save", "row_create", "row_save", "row_delete", "objective_details", "plan_save",
             "word_import_apply", "carried_over_confirm"}
PAGES = [name for name in ALL_NAMES if name not in POST_ONLY]
# `open` names a cycle, not a review: it is tested on its own below.
REVIEW_URLS = [name for name in ALL_NAMES if name != "open"]
# The POSTs that would change a review if they were let through.
CHANGES = ["answer_save", "row_create", "row_save", "row_delete", "objective_details", "plan_save", "objectives",
           "team", "attachments", "submit", "word_import_apply"]
# A Word file uploaded for import is its uploader's: nobody else reaches its preview (tests/reviews/views/test_word.py).
UPLOADER_ONLY = {"word_import_preview"}
READABLE_BY_REVIEWER = ["overview", "part", "objectives", "objective", "preview"]


@pytest.fixture
def world(review, focal_point, contributor, prompts, complete_review):
    """Egypt's review, complete but still a draft, with a row, a reported objective and a document:
    every converter of every URL pattern has a value that exists."""
    complete_review(review, focal_point, objective_numbers=(1,))
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry of Manpower", updated_by=focal_point)
    attachment = attachment_add(review=review, user=focal_point,
                                file=SimpleUploadedFile("national-plan.pdf", PDF, content_type="application/pdf"))
    upload = word_import_start(review=review, user=focal_point, file_name="filled.docx",
                               content=blank_template(review.cycle, "en"))
    return {
        "review": review, "prompt": prompts["1.1"], "entity": entity, "attachment": attachment,
        "contributor": contributor, "focal_point": focal_point,
        # the values of the URL converters
        "slug": review.cycle.slug, "uid": review.uid, "number": 1, "prompt_uid": prompts["1.1"].uid,
        "kind": "entities", "row_uid": entity.uid, "attachment_uid": attachment.uid, "import_uid": upload.uid,
        "answer_uid": review.answers.get(prompt=prompts["1.1"], objective=None).uid,
    }


def _urls(world, language="en") -> dict[str, str]:
    """Every workspace URL, its arguments taken from the pattern's own converters."""
    urls = {}
    with translation.override(language):
        for pattern in WORKSPACE_PATTERNS:
            kwargs = {name: world[name] for name in pattern.pattern.converters}
            urls[pattern.name] = reverse(f"reviews:{pattern.name}", kwargs=kwargs)
    return urls


def _valid_post(name, world) -> dict:
    """A well-formed POST for each URL, so that a refusal comes from the access rules, not from validation."""
    review, prompt, entity = world["review"], world["prompt"], world["entity"]
    answer = review.answers.get(prompt=prompt, objective=None)
    details = review.review_objectives.get(objective__number=1)
    return {
        "answer_save": {f"p{prompt.pk}-text_ar": "نص آخر", f"p{prompt.pk}-text_en": "Other text",
                        f"p{prompt.pk}-original_language": "ar", f"p{prompt.pk}-version": answer.version},
        "row_create": {"entities-new-name": "Ministry of Health", "entities-new-level": "national",
                       "entities-new-role": "Data", "entities-new-version": 0},
        "row_save": {f"entities-{entity.uid}-name": "Ministry of Interior", f"entities-{entity.uid}-level": "local",
                     f"entities-{entity.uid}-role": "Lead", f"entities-{entity.uid}-version": entity.version},
        "row_delete": {"version": entity.version},
        "objective_details": {"details-stage": "achieved", "details-version": details.version},
        "plan_save": {"plan_status": "adopted", "plan_detail": "Adopted in 2025.",
                      "version": Review.objects.get(pk=review.pk).plan_version},
        "objectives": {"reported": [Objective.objects.get(number=2).pk], "priorities": []},
        "team": {"contributor": world["contributor"].uid, "parts": [1, 2]},
        "attachments": {"file": SimpleUploadedFile("annex.pdf", PDF, content_type="application/pdf"),
                        "description": "Annex"},
        "submit": {},
    }.get(name, {})


def _stored(review) -> dict:
    """Everything a POST could change, read back from the database."""
    review = Review.objects.select_related("country", "cycle").get(pk=review.pk)
    return {
        "review": (review.status, review.plan_version, review.submitted_at, review.is_late),
        "content": review_snapshot(review),
        "objectives": list(review.review_objectives.order_by("pk").values_list("objective__number", "is_reported")),
        "attachments": list(review.attachments.order_by("pk").values_list("original_name", flat=True)),
        "assignments": list(review.assignments.order_by("pk").values_list("contributor_id", "part_id",
                                                                          "objective_id")),
        "versions": review.versions.count(),
        "reviews": Review.objects.count(),
    }


def _submitted(world):
    review_submit(review=world["review"], user=world["focal_point"])


def test_workspace_url_list_covers_every_pattern(world):
    # A new workspace URL fails here until someone decides in which lists above it belongs.
    assert sorted(_urls(world)) == [
        "answer_save", "attachment", "attachments", "carried_over_confirm", "comparison", "objective",
        "objective_comparison", "objective_details", "objectives", "open", "overview", "part", "plan_save", "preview",
        "row_create", "row_delete", "row_save", "submit", "team", "word_import", "word_import_apply",
        "word_import_preview",
    ]


# The matrices below assert one dict per user, URL name -> outcome: a failure lists every URL that
# behaves differently at once, and the suite stays fast (one fixture setup per user, not per URL).

def _posted(client, world, names) -> dict[str, tuple[int, bool]]:
    """POST a well-formed request to each URL: (status, whether the database is unchanged)."""
    outcomes = {}
    for name in names:
        before = _stored(world["review"])
        response = client.post(_urls(world)[name], _valid_post(name, world))
        outcomes[name] = (response.status_code, _stored(world["review"]) == before)
    return outcomes


def test_workspace_anonymous_is_sent_to_login(client, world):
    urls = _urls(world)

    responses = {(name, method): getattr(client, method)(url) for name, url in urls.items()
                 for method in ("get", "post")}

    assert {key: (r.status_code, r["Location"]) for key, r in responses.items()} == {
        (name, method): (302, f"/en/accounts/login/?next={urls[name]}") for name in ALL_NAMES
        for method in ("get", "post")
    }


def test_workspace_owning_focal_point_gets_every_page(client, world):
    client.force_login(world["focal_point"])
    urls = _urls(world)

    responses = {name: client.get(urls[name]) for name in PAGES}

    assert {name: response.status_code for name, response in responses.items()} == {name: 200 for name in PAGES}
    assert b"".join(responses.pop("attachment").streaming_content) == PDF
    assert {name: (r.context["review"], r.context["is_focal_point"]) for name, r in responses.items()} == {
        name: (world["review"], True) for name in PAGES if name != "attachment"
    }


def test_workspace_contributor_of_same_country_gets_every_page(client, world):
    client.force_login(world["contributor"])
    urls = _urls(world)

    responses = {name: client.get(urls[name]) for name in PAGES}

    assert {name: response.status_code for name, response in responses.items()} == {
        name: 404 if name in UPLOADER_ONLY else 200 for name in PAGES}
    responses.pop("attachment")
    assert {name: (r.context["review"], r.context["can_submit"]) for name, r in responses.items()
            if name not in UPLOADER_ONLY} == {
        name: (world["review"], False) for name in PAGES if name != "attachment" and name not in UPLOADER_ONLY
    }


def test_workspace_post_only_urls_refuse_get(client, world):
    client.force_login(world["focal_point"])
    urls = _urls(world)

    responses = {name: client.get(urls[name]) for name in POST_ONLY}

    assert {name: (r.status_code, r["Allow"]) for name, r in responses.items()} == {
        name: (405, "POST") for name in POST_ONLY
    }


def test_workspace_focal_point_of_another_country_gets_404_on_get(client, world, other_focal_point):
    client.force_login(other_focal_point)
    urls = _urls(world)

    responses = {name: client.get(urls[name]) for name in PAGES}

    assert {name: response.status_code for name, response in responses.items()} == {name: 404 for name in PAGES}
    assert [name for name, response in responses.items() if "Egypt" in response.content.decode()] == []


def test_workspace_focal_point_of_another_country_gets_404_on_post(client, world, other_focal_point):
    client.force_login(other_focal_point)

    assert _posted(client, world, REVIEW_URLS) == {name: (404, True) for name in REVIEW_URLS}


def test_review_open_by_another_country_opens_its_own_review(client, world, other_focal_point, morocco):
    client.force_login(other_focal_point)

    response = client.post(_urls(world)["open"])

    opened = Review.objects.get(country=morocco)
    assert response["Location"] == f"/en/reviews/{opened.uid}/"
    assert Review.objects.filter(country__iso2="EG").get() == world["review"]


def test_workspace_reviewer_gets_404_while_review_is_a_draft(client, world, reviewer):
    client.force_login(reviewer)
    urls = _urls(world)

    statuses = {name: client.get(urls[name]).status_code for name in REVIEW_URLS}

    assert statuses == {name: 405 if name in POST_ONLY else 404 for name in REVIEW_URLS}
    assert _posted(client, world, REVIEW_URLS) == {name: (404, True) for name in REVIEW_URLS}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_workspace_reviewer_reads_submitted_review(client, world, reviewer, language):
    _submitted(world)
    client.force_login(reviewer)
    urls = _urls(world, language)

    responses = {name: client.get(urls[name]) for name in READABLE_BY_REVIEWER}

    assert {name: r.status_code for name, r in responses.items()} == {name: 200 for name in READABLE_BY_REVIEWER}
    assert {name: (r.context["review"], r.context["is_focal_point"], r.context["can_submit"])
            for name, r in responses.items()} == {name: (world["review"], False, False)
                                                   for name in READABLE_BY_REVIEWER}
    assert [name for name, r in responses.items() if f'<html lang="{language}"' not in r.content.decode()] == []


def test_workspace_reviewer_of_submitted_review_sees_no_form(client, world, reviewer):
    _submitted(world)
    client.force_login(reviewer)

    response = client.get(_urls(world)["part"])

    content = response.content.decode()
    assert [block["can_edit"] for block in response.context["blocks"]] == [False] * 5
    assert re.findall(r'name="p\d+-text_(?:ar|en)"', content) == []  # no answer box (comments aside)
    assert reverse("reviews:row_create", args=[world["review"].uid, "entities"]) not in content


def test_workspace_reviewer_other_pages_of_submitted_review(client, world, reviewer):
    _submitted(world)
    client.force_login(reviewer)
    urls = _urls(world)

    statuses = {name: client.get(urls[name]).status_code for name in ["team", "attachments", "attachment", "submit"]}

    # The team page is the country's own business; documents can be read by the reviewers.
    assert statuses == {"team": 403, "attachments": 200, "attachment": 200, "submit": 200}


def test_workspace_reviewer_cannot_change_submitted_review(client, world, reviewer):
    _submitted(world)
    client.force_login(reviewer)

    assert _posted(client, world, CHANGES) == {name: (403, True) for name in CHANGES}


def test_workspace_submitted_review_refuses_focal_point_changes(client, world):
    _submitted(world)
    client.force_login(world["focal_point"])
    changes = [name for name in CHANGES if name != "submit"]  # a second submission: see below

    assert _posted(client, world, changes) == {name: (403, True) for name in changes}


def test_workspace_submitted_review_autosave_refusal_says_why(client, world):
    _submitted(world)
    client.force_login(world["focal_point"])

    response = client.post(_urls(world)["answer_save"], _valid_post("answer_save", world))

    assert (response.status_code, response.json()) == (403, {"ok": False, "message": "You cannot edit this answer."})


def test_workspace_submitted_review_second_submission_is_refused(client, world):
    _submitted(world)
    client.force_login(world["focal_point"])
    before = _stored(world["review"])

    response = client.post(_urls(world)["submit"], {"confirm": "on"}, follow=True)

    assert [str(message) for message in response.context["messages"]] == ["This review was already submitted."]
    assert _stored(world["review"]) == before


def test_workspace_submitted_review_pages_are_read_only_for_focal_point(client, world):
    _submitted(world)
    client.force_login(world["focal_point"])

    response = client.get(_urls(world)["part"])

    content = response.content.decode()
    assert "This review was submitted: it is read-only for the country team." in content
    assert re.findall(r'name="p\d+-text_(?:ar|en)"', content) == []  # no answer box (comments aside)
    assert GovernmentEntity.objects.get(pk=world["entity"].pk).name in content
