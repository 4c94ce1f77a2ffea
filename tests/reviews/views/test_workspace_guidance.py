"""What a member of the country team sees to find their own work and the next step: what is assigned
to them, why a section is read-only and who can edit it, the next gap, the open comments of a
revision request, the confirmation of a submission and why choosing objectives moves the progress."""

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import Review
from reviews.selectors.workspace import review_progress
from reviews.services.assignments import assignments_set
from reviews.services.submission import review_submit
from reviews.services.workflow import review_take, revision_request
from tests import factories

pytestmark = pytest.mark.django_db


def _in(language, english: str) -> str:
    with translation.override(language):
        return gettext(english)


def _assigned_marks(page: str) -> list[str]:
    """The text of each card title or navigation entry marked "assigned to you", tags removed."""
    return [re.sub(r"<[^>]+>|\s+", " ", html.unescape(match)).strip() for match in re.findall(
        r'<h2 class="h6 card-title">(.*?)</h2>', page, re.S) if "assigned-mark" in match]


@pytest.fixture
def part_4_contributor(review, focal_point, contributor, objectives):
    assignments_set(review=review, contributor=contributor, part_numbers={4}, objective_ids=set(), actor=focal_point)
    return contributor


@pytest.mark.parametrize("language", ["ar", "en"])
def test_overview_marks_the_parts_assigned_to_the_contributor(client, review, prompts, part_4_contributor, language):
    client.force_login(part_4_contributor)

    page = client.get(f"/{language}/reviews/{review.uid}/").content.decode()

    marks = _assigned_marks(page)
    assert len(marks) == 1
    assert marks[0].startswith("4.") and marks[0].endswith(_in(language, "Assigned to you"))


def test_overview_marks_nothing_for_the_focal_point(client, review, prompts, focal_point):
    client.force_login(focal_point)

    page = client.get(f"/en/reviews/{review.uid}/").content.decode()

    assert "assigned-mark" not in page


@pytest.mark.parametrize("language", ["ar", "en"])
def test_unassigned_part_says_why_it_is_read_only_and_who_can_edit_it(client, review, prompts, focal_point,
                                                                         part_4_contributor, language):
    client.force_login(part_4_contributor)

    unassigned = client.get(f"/{language}/reviews/{review.uid}/parts/1/").content.decode()
    assigned = client.get(f"/{language}/reviews/{review.uid}/parts/4/").content.decode()

    note = re.search(r'<div class="alert alert-secondary small read-only-note" role="note">(.*?)</div>', unassigned,
                     re.S).group(1)
    editors = re.findall(r'<li>(.*?) \((.*?)\)</li>', note)
    assert _in(language, "You can read this section but not change it: it is not assigned to you.") in note
    name = html.escape(str(focal_point))  # a Latin name: marked as English on an Arabic page
    with translation.override(language):
        assert editors == [(f'<span lang="en" dir="ltr">{name}</span>' if language == "ar" else name,
                            str(focal_point.get_role_display()))]
    assert "read-only-note" not in assigned


def test_overview_links_the_contributor_to_the_first_gap_in_their_own_work(client, review, prompts,
                                                                           part_4_contributor):
    client.force_login(part_4_contributor)

    page = client.get(f"/en/reviews/{review.uid}/").content.decode()

    link = re.search(r'<p class="next-gap"><a class="btn btn-sm btn-outline-primary" href="([^"]+)">', page)
    assert link.group(1) == f"/en/reviews/{review.uid}/parts/4/#prompt-4.1"


def test_overview_links_the_focal_point_to_the_first_gap(client, review, prompts, focal_point):
    client.force_login(focal_point)

    page = client.get(f"/en/reviews/{review.uid}/").content.decode()

    link = re.search(r'<p class="next-gap"><a class="btn btn-sm btn-outline-primary" href="([^"]+)">', page)
    assert link.group(1) == f"/en/reviews/{review.uid}/parts/1/#prompt-1.1"


def test_revision_banner_links_to_each_open_comment(client, review, focal_point, reviewer, complete_review):
    complete_review(review, focal_point)
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    on_answer = factories.CommentFactory(review=review, author=reviewer, body="Add the 2024 figures.")
    on_objective = factories.CommentFactory(review=review, author=reviewer, anchor="objective:1", part_number=3,
                                            objective_number=1, body="Which stage?")
    factories.CommentFactory(review=review, author=reviewer, is_resolved=True)
    revision_request(review=Review.objects.get(pk=review.pk), reviewer=reviewer, reason="See the comments.")
    client.force_login(focal_point)

    page = client.get(f"/en/reviews/{review.uid}/").content.decode()

    banner = re.search(r'<ul class="small mb-0 open-comments">(.*?)</ul>', page, re.S).group(1)
    assert re.findall(r'<a class="alert-link" href="([^"]+)">([^<]+)</a>', banner) == [
        (f"/en/reviews/{review.uid}/parts/1/#comments-{on_answer.anchor}", "Part 1"),
        (f"/en/reviews/{review.uid}/objectives/1/#comments-{on_objective.anchor}", "Objective 1"),
    ]


def test_choosing_objectives_explains_the_change_of_the_overall_progress(client, review, prompts, objectives,
                                                                         focal_point):
    for code in ("1.1", "1.2", "1.3", "1.4", "1.5"):
        factories.AnswerFactory(review=review, prompt=prompts[code], updated_by=focal_point)
    before = review_progress(review).percent
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/objectives/", {"reported": [objectives[1].pk]})

    after = review_progress(review).percent
    assert 0 < after < before
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "The objectives you report on were saved.",
        f"The overall progress went from {before}% to {after}%: each objective you report on adds its questions "
        "and its implementation stage to the required items.",
    ]


def test_saving_the_same_objectives_again_says_nothing_of_the_progress(client, review, prompts, objectives,
                                                                       focal_point):
    client.force_login(focal_point)
    client.post(f"/en/reviews/{review.uid}/objectives/", {"reported": [objectives[1].pk]}, follow=True)

    response = client.post(f"/en/reviews/{review.uid}/objectives/", {"reported": [objectives[1].pk]})

    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "The objectives you report on were saved."]
