"""Comparing two submitted versions: exactly the fields the country changed between them, before and after."""

import pytest

from reviews.models import ReviewVersion
from reviews.selectors.versions import FieldChange, version_diff
from reviews.services.answers import answer_save
from reviews.services.rows import row_delete, row_save
from reviews.services.submission import review_submit
from reviews.services.workflow import review_take, revision_request
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def revised(review, prompts, focal_point, reviewer, complete_review):
    """Egypt's review submitted with a policy and an entity; sent back for revision; then answer 1.3 and the
    policy's title edited, and resubmitted. Returns the review and its policy and entity."""
    complete_review(review, focal_point)
    policy = factories.PolicyFactory(review=review, title="Labour law 2019", updated_by=focal_point)
    entity = factories.GovernmentEntityFactory(review=review, name="Ministry of Manpower", updated_by=focal_point)
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    revision_request(review=review, reviewer=reviewer, reason="Give the 2026 figures.")
    return {"review": review, "policy": policy, "entity": entity}


def _versions(review) -> tuple[ReviewVersion, ReviewVersion]:
    first, second = review.versions.order_by("number")
    return first, second


def _edit(revised, prompts, focal_point):
    review, policy = revised["review"], revised["policy"]
    answer = review.answers.get(prompt=prompts["1.3"])
    before = answer.text_ar
    answer_save(review=review, prompt=prompts["1.3"], objective=None, user=focal_point, text_ar="٣٠٠ ألف عامل في 2026",
                text_en="", original_language="ar", base_version=answer.version)
    row_save(review=review, row=policy, user=focal_point, base_version=policy.version, part_number=2,
             data={"title": "Labour law 2019, amended 2025"})
    return before


def test_version_diff_shows_exactly_the_fields_edited(revised, prompts, focal_point):
    review, policy = revised["review"], revised["policy"]
    before = _edit(revised, prompts, focal_point)
    review_submit(review=review, user=focal_point)
    first, second = _versions(review)

    changes = version_diff(first, second)

    assert changes == [
        FieldChange(place="1.3", field="text_ar", before=before, after="٣٠٠ ألف عامل في 2026"),
        FieldChange(place=f"policies [{str(policy.uid)[:8]}]", field="title", before="Labour law 2019",
                    after="Labour law 2019, amended 2025"),
    ]


def test_version_diff_the_other_way_swaps_before_and_after(revised, prompts, focal_point):
    review = revised["review"]
    before = _edit(revised, prompts, focal_point)
    review_submit(review=review, user=focal_point)
    first, second = _versions(review)

    changes = version_diff(second, first)

    assert [(change.place, change.field, change.before, change.after) for change in changes] == [
        ("1.3", "text_ar", "٣٠٠ ألف عامل في 2026", before),
        (f"policies [{str(revised['policy'].uid)[:8]}]", "title", "Labour law 2019, amended 2025", "Labour law 2019"),
    ]


def test_version_diff_of_an_unchanged_resubmission_is_empty(revised, focal_point):
    review_submit(review=revised["review"], user=focal_point)
    first, second = _versions(revised["review"])

    assert version_diff(first, second) == []


def test_version_diff_shows_a_deleted_row_as_its_fields_emptied(revised, focal_point):
    review, entity = revised["review"], revised["entity"]
    row_delete(review=review, row=entity, user=focal_point, base_version=entity.version, part_number=1)
    review_submit(review=review, user=focal_point)
    first, second = _versions(review)

    place = f"entities [{str(entity.uid)[:8]}]"
    assert version_diff(first, second) == [
        FieldChange(place=place, field="level", before="national", after=""),
        FieldChange(place=place, field="name", before="Ministry of Manpower", after=""),
        FieldChange(place=place, field="role", before="Coordination", after=""),
    ]


def test_version_diff_shows_a_new_objective_answer(revised, prompts, objectives, focal_point):
    review = revised["review"]
    answer_save(review=review, prompt=prompts["3.d"], objective=objectives[1], user=focal_point, text_ar="",
                text_en="A new data unit.", original_language=None, base_version=0)
    review_submit(review=review, user=focal_point)
    first, second = _versions(review)

    assert version_diff(first, second) == [
        FieldChange(place="3.d · 1", field="original_language", before="", after="en"),
        FieldChange(place="3.d · 1", field="text_en", before="", after="A new data unit."),
    ]
