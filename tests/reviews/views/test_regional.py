"""The regional staff's pages: the dashboard, workflow transitions, comments, versions, history,
notifications and the translation workspace, for each kind of user, in Arabic and English."""

import datetime
import html
import re

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import Answer, ChangeLog, Comment, Country, Notification, Review
from reviews.selectors.countries import name_sort_key
from reviews.services.answers import answer_save
from reviews.services.rows import row_save
from reviews.services.submission import review_submit
from reviews.services.translations import translation_save
from reviews.services.workflow import review_accept, review_take, revision_request
from tests import factories
from tests.reviews.views.fragments import LANG_DIR

pytestmark = pytest.mark.django_db

Status = Review.Status
DASHBOARD = "/{language}/reviews/cycles/arab-2028/dashboard/"
TRANSLATIONS = "/en/reviews/cycles/arab-2028/translations/"


def _in(language, english: str) -> str:
    with translation.override(language):
        return gettext(english)


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _status(review) -> str:
    return Review.objects.get(pk=review.pk).status


def _page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def morocco_review(open_cycle, other_focal_point, complete_review):
    """Morocco's review, complete and submitted by its focal point."""
    review = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(review, other_focal_point)
    review_submit(review=review, user=other_focal_point)
    return Review.objects.get(pk=review.pk)


# --- dashboard ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_dashboard_lists_every_country_for_regional_staff(request, client, submitted_review, user_fixture, language):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(DASHBOARD.format(language=language))

    page = response.content.decode()
    names = sorted(Country.objects.values_list(f"name_{language}", flat=True), key=name_sort_key)  # no "ال"
    egypt, jordan = (Country.objects.get(iso2=iso2) for iso2 in ("EG", "JO"))
    assert response.status_code == 200
    assert [row.country.name for row in response.context["rows"]] == names
    assert f'<a href="/{language}/reviews/{submitted_review.uid}/">{getattr(egypt, f"name_{language}")}</a>' in page
    assert f'<th scope="row">{getattr(jordan, f"name_{language}")}</th>' in page  # not started: no link
    assert f"<h1 class=\"h3\">{_in(language, 'Dashboard')}</h1>" in page


def test_dashboard_keeps_a_draft_private(client, review, reviewer):
    client.force_login(reviewer)

    response = client.get(DASHBOARD.format(language="en"))

    egypt = next(row for row in response.context["rows"] if row.country.iso2 == "EG")
    assert (response.status_code, egypt.review) == (200, None)
    assert f"/en/reviews/{review.uid}/" not in response.content.decode()


def test_dashboard_filters_and_sorts_from_the_query_string(client, submitted_review, morocco_review, reviewer):
    review_take(review=morocco_review, reviewer=reviewer)
    client.force_login(reviewer)

    filtered = client.get(DASHBOARD.format(language="en"), {"status": "in_review"})
    sorted_ = client.get(DASHBOARD.format(language="en"), {"sort": "status"})
    unknown = client.get(DASHBOARD.format(language="en"), {"sort": "drop table"})

    assert [row.country.iso2 for row in filtered.context["rows"]] == ["MA"]
    assert [row.country.iso2 for row in sorted_.context["rows"]][-2:] == ["MA", "EG"]  # in_review, submitted
    assert (unknown.status_code, unknown.context["rows"][0].country.iso2) == (200, "DZ")  # Algeria: by name


@pytest.mark.parametrize("language", ["ar", "en"])
def test_dashboard_names_who_took_each_review_in_the_page_language(client, submitted_review, morocco_review,
                                                                    reviewer, organiser, language):
    reviewer.name_ar, reviewer.name_en = "عمر حداد", "Omar Haddad"
    reviewer.save()
    organiser.name_ar, organiser.name_en = "", "Regional Organiser"  # no Arabic name: English, marked
    organiser.save()
    review_take(review=submitted_review, reviewer=reviewer)
    review_take(review=morocco_review, reviewer=organiser)
    client.force_login(reviewer)

    page = _page(client.get(DASHBOARD.format(language=language)))

    cells = re.findall(r'<td class="small reviewer">(.*?)</td>', page)
    omar = {"ar": "عمر حداد", "en": "Omar Haddad"}[language]
    organiser_cell = {"ar": '<span lang="en" dir="ltr">Regional Organiser</span>', "en": "Regional Organiser"}[language]
    assert (cells.count(omar), cells.count(organiser_cell), len(cells)) == (1, 1, 22)
    assert f"<th scope=\"col\">{_in(language, 'Reviewer')}</th>" in page


@pytest.mark.parametrize("language", ["ar", "en"])
def test_dashboard_status_filter_offers_only_what_staff_see(client, review, reviewer, language):
    client.force_login(reviewer)

    response = client.get(DASHBOARD.format(language=language), {"status": "draft"})

    page = _page(response)
    options = re.findall(r'<option value="([a-z_]*)"', page.split('id="f-status"')[1].split("</select>")[0])
    assert options == ["", "none", "submitted", "in_review", "revision_requested", "accepted"]
    # "draft" is no filter: the list shows every country, Egypt's draft as not submitted.
    assert (len(response.context["rows"]), response.context["status"]) == (22, "")
    assert _in(language, "Not submitted") in page


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor", "other_focal_point"])
def test_dashboard_forbidden_to_country_teams(request, client, submitted_review, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(DASHBOARD.format(language="en"))

    assert (response.status_code, "Egypt" in response.content.decode()) == (403, False)


def test_dashboard_sends_anonymous_to_login(client, open_cycle):
    response = client.get(DASHBOARD.format(language="en"))

    assert (response.status_code, response["Location"]) == (
        302, "/en/accounts/login/?next=/en/reviews/cycles/arab-2028/dashboard/")


def test_dashboard_of_an_unknown_cycle_is_404(client, reviewer):
    client.force_login(reviewer)

    assert client.get("/en/reviews/cycles/arab-2099/dashboard/").status_code == 404


# --- workflow transitions -------------------------------------------------------------------------------------


def _transition(client, review, action, language="en", **data):
    return client.post(f"/{language}/reviews/{review.uid}/transition/{action}/", data)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_transition_take_by_reviewer(client, submitted_review, reviewer, language):
    client.force_login(reviewer)

    response = _transition(client, submitted_review, "take", language)

    assert (response.status_code, response["Location"]) == (302, f"/{language}/reviews/{submitted_review.uid}/")
    assert _status(submitted_review) == Status.IN_REVIEW
    with translation.override(language):
        expected = gettext("The review is now “%(status)s”.") % {"status": Status.IN_REVIEW.label}
    assert _messages(response) == [expected]


def test_transition_message_is_shown_on_the_overview(client, submitted_review, reviewer):
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/{submitted_review.uid}/transition/take/", follow=True)

    assert ('<div class="alert alert-success" role="alert">The review is now “In review”.</div>'
            in _page(response))


def test_transition_request_revision_with_its_reason(client, submitted_review, reviewer):
    review_take(review=submitted_review, reviewer=reviewer)
    client.force_login(reviewer)

    _transition(client, submitted_review, "request_revision", reason="Give the 2026 figures in 1.3.")

    stored = Review.objects.get(pk=submitted_review.pk)
    assert (stored.status, stored.events.last().reason) == (Status.REVISION_REQUESTED, "Give the 2026 figures in 1.3.")


def test_transition_accept_then_reopen_by_organiser(client, submitted_review, reviewer, organiser):
    review_take(review=submitted_review, reviewer=reviewer)
    client.force_login(reviewer)
    _transition(client, submitted_review, "accept")
    accepted = _status(submitted_review)
    client.force_login(organiser)

    _transition(client, submitted_review, "reopen", reason="The figures contradict part 2.")

    assert (accepted, _status(submitted_review)) == (Status.ACCEPTED, Status.IN_REVIEW)


REFUSED_WHILE_SUBMITTED = ("This cannot be done while the review is “Submitted”: somebody may have acted on it "
                           "just now. Reload the page to see its current state.")


@pytest.mark.parametrize(("action", "data", "message"), [
    ("accept", {}, REFUSED_WHILE_SUBMITTED),
    ("request_revision", {"reason": "Add figures."}, REFUSED_WHILE_SUBMITTED),
    ("reopen_missing_reason", {}, "Say why the review is reopened."),
    ("revision_missing_reason", {"reason": "   "}, "Say what should be revised."),
])
def test_transition_refused_shows_why_and_changes_nothing(client, submitted_review, reviewer, organiser, action,
                                                          data, message):
    status = Status.SUBMITTED
    if action == "reopen_missing_reason":
        review_take(review=submitted_review, reviewer=reviewer)
        review_accept(review=submitted_review, reviewer=reviewer)
        action, status = "reopen", Status.ACCEPTED
    elif action == "revision_missing_reason":
        review_take(review=submitted_review, reviewer=reviewer)
        action, status = "request_revision", Status.IN_REVIEW
    client.force_login(organiser)

    response = client.post(f"/en/reviews/{submitted_review.uid}/transition/{action}/", data, follow=True)

    assert response.redirect_chain == [(f"/en/reviews/{submitted_review.uid}/", 302)]
    assert f'<div class="alert alert-danger" role="alert">{message}</div>' in _page(response)
    assert _status(submitted_review) == status


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
@pytest.mark.parametrize("action", ["take", "accept", "request_revision", "reopen"])
def test_transition_forbidden_to_country_team(request, client, submitted_review, user_fixture, action):
    client.force_login(request.getfixturevalue(user_fixture))

    response = _transition(client, submitted_review, action, reason="Let us change it.")

    assert (response.status_code, _status(submitted_review)) == (403, Status.SUBMITTED)


def test_transition_reopen_forbidden_to_reviewer(client, submitted_review, reviewer):
    review_take(review=submitted_review, reviewer=reviewer)
    review_accept(review=submitted_review, reviewer=reviewer)
    client.force_login(reviewer)

    response = _transition(client, submitted_review, "reopen", reason="Another look.")

    assert (response.status_code, _status(submitted_review)) == (403, Status.ACCEPTED)


def test_transition_unknown_action_is_404(client, submitted_review, reviewer):
    client.force_login(reviewer)

    response = _transition(client, submitted_review, "delete")

    assert (response.status_code, _status(submitted_review)) == (404, Status.SUBMITTED)


def test_transition_by_get_is_refused(client, submitted_review, reviewer):
    client.force_login(reviewer)

    response = client.get(f"/en/reviews/{submitted_review.uid}/transition/take/")

    assert (response.status_code, _status(submitted_review)) == (405, Status.SUBMITTED)


def test_transition_on_a_draft_is_404_for_reviewer(client, review, reviewer):
    client.force_login(reviewer)

    response = _transition(client, review, "take")

    assert (response.status_code, _status(review)) == (404, Status.DRAFT)


# --- comments -------------------------------------------------------------------------------------------------


@pytest.fixture
def discussed(submitted_review, reviewer, organiser, focal_point):
    """On answer 1.1: a shared thread answered by the focal point, and an internal thread with a reply."""
    shared = factories.CommentFactory(review=submitted_review, author=reviewer, body="Please cite your sources.")
    factories.CommentFactory(review=submitted_review, author=focal_point, parent=shared,
                             body="Sources are in annex 2.")
    internal = factories.CommentFactory(review=submitted_review, author=reviewer,
                                        visibility=Comment.Visibility.INTERNAL,
                                        body="These figures contradict the IOM data.")
    factories.CommentFactory(review=submitted_review, author=organiser, parent=internal,
                             visibility=Comment.Visibility.INTERNAL, body="Raise it at the round table.")
    return submitted_review


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_part_page_never_shows_internal_comments_to_country_team(request, client, discussed, user_fixture,
                                                                 language):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(f"/{language}/reviews/{discussed.uid}/parts/1/")

    page = _page(response)
    assert response.status_code == 200
    assert ("Please cite your sources." in page, "Sources are in annex 2." in page) == (True, True)
    assert ("These figures contradict the IOM data." in page, "Raise it at the round table." in page) == (False, False)
    assert _in(language, "Internal to the regional staff") not in page  # nor the choice to write one
    assert 'name="visibility" value="shared"' in page


@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_part_page_shows_internal_comments_to_regional_staff(request, client, discussed, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(f"/en/reviews/{discussed.uid}/parts/1/")

    page = _page(response)
    assert response.status_code == 200
    assert [text in page for text in ("Please cite your sources.", "Sources are in annex 2.",
                                      "These figures contradict the IOM data.", "Raise it at the round table.")] == [
        True, True, True, True]
    assert page.count('<span class="badge text-bg-secondary">Internal</span>') == 1


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("user_fixture", ["reviewer", "organiser"])
def test_comment_form_asks_staff_who_reads_it_with_nothing_chosen(request, client, submitted_review, user_fixture,
                                                                  language):
    client.force_login(request.getfixturevalue(user_fixture))

    page = _page(client.get(f"/{language}/reviews/{submitted_review.uid}/parts/1/?comment=answer:1.1"))

    form = page.split('<input type="hidden" name="anchor" value="answer:1.1">')[1].split("</form>")[0]
    radios = re.findall(r'<input class="form-check-input" type="radio" name="visibility" value="(\w+)"[^>]*>', form)
    assert radios == ["shared", "internal"]
    assert [("checked" in tag, "required" in tag) for tag in re.findall(r'<input[^>]*type="radio"[^>]*>', form)] == [
        (False, True), (False, True)]
    assert "<select" not in form and 'name="visibility" value="shared">' not in form  # no hidden default
    assert _in(language, "Who can read it") in form


def test_comment_forms_are_one_template_per_page_and_a_link_per_place(client, submitted_review, reviewer):
    """A page of many commentable places sends one comment form (a <template> the script opens in place);
    without JavaScript, "Add a comment" asks the server for the page with that place's form."""
    client.force_login(reviewer)
    url = f"/en/reviews/{submitted_review.uid}/parts/1/"

    page = _page(client.get(url))
    with_form = _page(client.get(f"{url}?comment=answer:1.2"))

    assert page.count('class="comment-form') == 1 and '<template id="comment-form">' in page
    assert '<div class="comments mt-2" id="comments-answer:1.1" data-part="1">' in page
    assert '<a class="small comment-add" href="?comment=answer%3A1.1#comments-answer:1.1">Add a comment</a>' in page
    assert with_form.count('class="comment-form') == 2
    assert '<input type="hidden" name="anchor" value="answer:1.2">' in with_form


def test_comment_add_by_staff_without_a_choice_is_refused(client, submitted_review, reviewer, english):
    client.force_login(reviewer)
    back = f"/en/reviews/{submitted_review.uid}/parts/1/"

    response = client.post(f"/en/reviews/{submitted_review.uid}/comments/", {
        "anchor": "answer:1.1", "part": "1", "body": "Check against IOM data.", "next": back})

    assert (response.status_code, _messages(response), Comment.objects.exists()) == (
        302, ["Choose who can read the comment."], False)


def test_comment_add_by_the_country_team_is_shared_without_a_choice(client, submitted_review, focal_point):
    client.force_login(focal_point)

    client.post(f"/en/reviews/{submitted_review.uid}/comments/", {
        "anchor": "answer:1.1", "part": "1", "body": "Sources are in annex 2."})

    assert list(Comment.objects.values_list("visibility", "body")) == [("shared", "Sources are in annex 2.")]


def test_comment_add_internal_by_reviewer(client, submitted_review, reviewer):
    client.force_login(reviewer)
    back = f"/en/reviews/{submitted_review.uid}/parts/1/#comments-answer:1.1"

    response = client.post(f"/en/reviews/{submitted_review.uid}/comments/", {
        "anchor": "answer:1.1", "part": "1", "body": "Check against IOM data.", "visibility": "internal",
        "next": back})

    assert (response.status_code, response["Location"]) == (302, back)
    assert list(Comment.objects.values_list("anchor", "part_number", "visibility", "body", "author__username")) == [
        ("answer:1.1", 1, "internal", "Check against IOM data.", "reviewer-escwa")]
    assert _messages(response) == ["Comment added."]


@pytest.mark.parametrize(("part", "objective", "anchor"), [
    ("-1", "", "part:-1"),
    ("99999999999999999999", "", "part:99999999999999999999"),
    ("1", "99999999999999999999", "answer:1.1"),
    ("1", "²", "answer:1.1"),
    ("x", "", "answer:1.1"),
    ("1", "", "answer:1.1\r\n\r\nYour session expired: sign in at http://evil.example/login"),
    ("1", "", "answer:1.1" + "x" * 500),
])
def test_comment_add_at_a_tampered_place_is_refused_with_a_message(client, submitted_review, reviewer, part,
                                                                   objective, anchor):
    client.force_login(reviewer)
    back = f"/en/reviews/{submitted_review.uid}/parts/1/"

    response = client.post(f"/en/reviews/{submitted_review.uid}/comments/", {
        "anchor": anchor, "part": part, "objective": objective, "body": "Hello.", "visibility": "shared",
        "next": back})

    assert (response.status_code, response["Location"], _messages(response), Comment.objects.exists()) == (
        302, back, ["This place is not part of the review: the comment was not added."], False)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_comment_add_over_the_limit_is_429_in_the_user_language(client, submitted_review, focal_point, settings,
                                                               language):
    settings.COMMENTS_PER_MINUTE = 2
    url = f"/{language}/reviews/{submitted_review.uid}/comments/"
    post = {"anchor": "answer:1.1", "part": "1", "body": "Added the figures."}

    with time_machine.travel(datetime.datetime(2027, 3, 1, 9, 0, 10, tzinfo=datetime.UTC), tick=False):
        client.force_login(focal_point)  # inside the frozen time: the session's idle timeout counts from here
        statuses = [client.post(url, post).status_code for _ in range(2)]
        refused = client.post(url, post)

    message = _in(language, "You have posted many comments in a short time. Wait a minute, then try again.")
    assert (statuses, refused.status_code, message in _page(refused), Comment.objects.count()) == (
        [302, 302], 429, True, 2)


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_comment_add_internal_forbidden_to_country_team(request, client, submitted_review, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.post(f"/en/reviews/{submitted_review.uid}/comments/", {
        "anchor": "answer:1.1", "part": "1", "body": "Let me see.", "visibility": "internal"})

    assert (response.status_code, Comment.objects.exists()) == (403, False)


def test_comment_reply_to_an_internal_thread_is_404_for_country_team(client, discussed, focal_point):
    internal = Comment.objects.get(body="These figures contradict the IOM data.")
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{discussed.uid}/comments/", {"parent": str(internal.uid), "body": "Hm?"})

    assert (response.status_code, internal.replies.count()) == (404, 1)


def test_comment_resolve_by_focal_point_on_a_shared_thread(client, discussed, focal_point):
    shared = Comment.objects.get(body="Please cite your sources.")
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{discussed.uid}/comments/{shared.uid}/resolve/", {"resolved": "1"})

    stored = Comment.objects.get(pk=shared.pk)
    assert (response.status_code, stored.is_resolved, stored.resolved_by) == (302, True, focal_point)


def test_comment_resolve_forbidden_to_contributor(client, discussed, contributor):
    shared = Comment.objects.get(body="Please cite your sources.")
    client.force_login(contributor)

    response = client.post(f"/en/reviews/{discussed.uid}/comments/{shared.uid}/resolve/", {"resolved": "1"})

    assert (response.status_code, Comment.objects.get(pk=shared.pk).is_resolved) == (403, False)


def test_comment_resolve_of_an_internal_thread_is_404_for_focal_point(client, discussed, focal_point):
    internal = Comment.objects.get(body="These figures contradict the IOM data.")
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{discussed.uid}/comments/{internal.uid}/resolve/", {"resolved": "1"})

    assert (response.status_code, Comment.objects.get(pk=internal.pk).is_resolved) == (404, False)


# --- versions and history -------------------------------------------------------------------------------------


@pytest.fixture
def resubmitted(review, prompts, focal_point, reviewer, complete_review):
    """Egypt's review submitted with a policy, sent back, answer 1.3 and the policy's title edited, and
    submitted again (version 2)."""
    complete_review(review, focal_point)
    policy = factories.PolicyFactory(review=review, title="Labour law 2019", updated_by=focal_point)
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    revision_request(review=review, reviewer=reviewer, reason="Give the 2026 figures.")
    answer = review.answers.get(prompt=prompts["1.3"])
    answer_save(review=review, prompt=prompts["1.3"], objective=None, user=focal_point,
                text_ar="٣٠٠ ألف عامل", text_en="", original_language="ar", base_version=answer.version)
    row_save(review=review, row=policy, user=focal_point, base_version=policy.version, part_number=2,
             data={"title": "Labour law 2019, amended 2025"})
    review_submit(review=review, user=focal_point)
    return {"review": review, "policy": policy, "before": answer.text_ar}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_versions_page_shows_what_changed(client, resubmitted, reviewer, language):
    review, policy = resubmitted["review"], resubmitted["policy"]
    client.force_login(reviewer)

    response = client.get(f"/{language}/reviews/{review.uid}/versions/")

    page = _page(response)
    assert response.status_code == 200
    assert [(c.place, c.field, c.before, c.after) for c in response.context["changes"]] == [
        ("1.3", "text_ar", resubmitted["before"], "٣٠٠ ألف عامل"),
        (f"policies [{str(policy.uid)[:8]}]", "title", "Labour law 2019", "Labour law 2019, amended 2025"),
    ]
    assert '<td class="user-text diff-before" lang="en" dir="ltr">Labour law 2019</td>' in page
    assert '<td class="user-text diff-after" lang="en" dir="ltr">Labour law 2019, amended 2025</td>' in page
    assert '<td class="user-text diff-after" lang="ar" dir="rtl">٣٠٠ ألف عامل</td>' in page
    assert '<div class="user-text small" lang="en" dir="ltr">Give the 2026 figures.</div>' in page  # the workflow log


@pytest.mark.parametrize(("language", "back", "workflow"), [
    ("ar", "→", "من «مسودة» إلى «مُقدَّم»"),
    ("en", "←", "from “Draft” to “Submitted”"),
])
def test_versions_page_reads_in_the_readers_direction(client, resubmitted, reviewer, language, back, workflow):
    client.force_login(reviewer)

    page = _page(client.get(f"/{language}/reviews/{resubmitted['review'].uid}/versions/"))

    assert f'<span aria-hidden="true">{back}</span>' in page
    assert workflow in page
    assert "→ " not in page.replace('<span aria-hidden="true">→</span>', "")


@pytest.mark.parametrize(("language", "field", "back"), [("ar", "النص العربي", "→"), ("en", "Arabic text", "←")])
def test_history_page_names_the_question_and_the_field(client, resubmitted, reviewer, prompts, language, field,
                                                       back):
    review = resubmitted["review"]
    client.force_login(reviewer)

    response = client.get(f"/{language}/reviews/{review.uid}/history/", {"anchor": "answer:1.3"})

    page = _page(response)
    with translation.override(language):
        question = prompts["1.3"].text
    assert (f'<a href="/{language}/reviews/{review.uid}/parts/1/#prompt-1.3"><span dir="ltr">1.3</span> '
            f'<span {LANG_DIR[language]}>{question}</span></a>') in page
    assert f'<td class="small">{field}</td>' in page
    assert "text_ar" not in page
    assert f'<span aria-hidden="true">{back}</span>' in page


@pytest.mark.parametrize(("language", "text_field", "title_field"), [
    ("ar", "النص العربي", "العنوان"), ("en", "Arabic text", "Title")])
def test_versions_page_names_places_and_fields_in_the_readers_language(client, resubmitted, reviewer, prompts,
                                                                       language, text_field, title_field):
    review = resubmitted["review"]
    client.force_login(reviewer)

    page = _page(client.get(f"/{language}/reviews/{review.uid}/versions/"))

    table = page.split('<table class="table table-sm align-top diff">')[1].split("</table>")[0]
    with translation.override(language):
        question = prompts["1.3"].text
    assert (f'<a href="/{language}/reviews/{review.uid}/parts/1/#prompt-1.3"><span dir="ltr">1.3</span> '
            f'<span {LANG_DIR[language]}>{question}</span></a>') in table
    assert re.findall(r'<td class="small">([^<]*)</td>', table) == [text_field, title_field]
    assert ("text_ar" in table, "policies [" in table) == (False, False)


def test_versions_page_compares_the_versions_asked(client, resubmitted, reviewer):
    client.force_login(reviewer)
    url = f"/en/reviews/{resubmitted['review'].uid}/versions/"

    same = client.get(url, {"from": "2", "to": "2"})
    missing = client.get(url, {"from": "7", "to": "2"})

    assert (same.status_code, same.context["changes"]) == (200, [])
    assert "No change between these versions." in same.content.decode()
    assert missing.status_code == 404


def test_versions_page_with_one_version_has_nothing_to_compare(client, submitted_review, reviewer):
    client.force_login(reviewer)

    response = client.get(f"/en/reviews/{submitted_review.uid}/versions/")

    assert (response.status_code, response.context["changes"]) == (200, [])
    assert "Changes can be compared once the review has been submitted twice." in response.content.decode()


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_versions_and_history_pages_open_to_the_country_team(request, client, resubmitted, user_fixture):
    review = resubmitted["review"]
    client.force_login(request.getfixturevalue(user_fixture))

    versions = client.get(f"/en/reviews/{review.uid}/versions/")
    history = client.get(f"/en/reviews/{review.uid}/history/", {"anchor": "answer:1.3"})

    assert (versions.status_code, len(versions.context["changes"])) == (200, 2)
    assert (history.status_code, [c.anchor for c in history.context["page"]]) == (200, ["answer:1.3"])


def test_history_page_filtered_by_anchor(client, resubmitted, reviewer):
    review = resubmitted["review"]
    client.force_login(reviewer)

    response = client.get(f"/en/reviews/{review.uid}/history/", {"anchor": "answer:1.3"})

    assert response.status_code == 200
    assert [(c.anchor, c.field, c.before, c.after, c.user.username) for c in response.context["page"]] == [
        ("answer:1.3", "text_ar", resubmitted["before"], "٣٠٠ ألف عامل", "fp-eg")]
    assert "Labour law 2019, amended 2025" not in _page(response)


def test_history_page_unfiltered_lists_every_change(client, resubmitted, reviewer):
    client.force_login(reviewer)

    response = client.get(f"/en/reviews/{resubmitted['review'].uid}/history/")

    assert sorted((c.anchor, c.field) for c in response.context["page"]) == [
        ("answer:1.3", "text_ar"), (f"row:policy:{resubmitted['policy'].uid}", "title")]
    assert ChangeLog.objects.count() == 2


# --- notifications --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [("ar", "قُدِّم استعراض مصر."), ("en", "Egypt submitted its review.")])
def test_notifications_page_lists_them_and_marks_them_read(client, reviewer, organiser, submitted_review, language,
                                                           text):
    # The staff exist before the submission, which notifies them.
    client.force_login(reviewer)

    first = client.get(f"/{language}/reviews/notifications/")
    again = client.get(f"/{language}/reviews/notifications/")

    link = f'<a href="/{language}/reviews/{submitted_review.uid}/">{text}</a>'
    assert [n.user for n in first.context["notifications"]] == [reviewer]
    assert f'<li class="list-group-item fw-semibold">{link}' in _page(first)  # unread
    assert f'<li class="list-group-item">{link}' in _page(again)  # read since
    assert Notification.objects.filter(user=reviewer, read_at__isnull=True).exists() is False
    assert Notification.objects.filter(user=organiser, read_at__isnull=True).count() == 1  # somebody else's


def test_notifications_page_without_any(client, focal_point):
    client.force_login(focal_point)

    response = client.get("/en/reviews/notifications/")

    assert "No notification yet." in response.content.decode()


def test_notifications_page_sends_anonymous_to_login(client):
    response = client.get("/en/reviews/notifications/")

    assert (response.status_code, response["Location"]) == (302, "/en/accounts/login/?next=/en/reviews/notifications/")


# --- translation workspace ------------------------------------------------------------------------------------


def _listed(response) -> list[tuple]:
    return [(answer.review.country.iso2, answer.prompt.code, answer.objective.number if answer.objective else None)
            for answer in response.context["page"]]


def test_translations_filtered_by_country_and_part(client, submitted_review, morocco_review, reviewer):
    client.force_login(reviewer)

    response = client.get(TRANSLATIONS, {"country": "ma", "part": "1"})

    assert _listed(response) == [("MA", "1.1", None), ("MA", "1.2", None), ("MA", "1.3", None), ("MA", "1.4", None),
                                 ("MA", "1.5", None)]


def test_translations_filtered_by_part_with_objective_answers(client, submitted_review, reviewer):
    client.force_login(reviewer)

    response = client.get(TRANSLATIONS, {"part": "3"})

    assert _listed(response) == [("EG", "3.0", None), ("EG", "3.a", 1), ("EG", "3.b", 1), ("EG", "3.c", 1)]


def test_translations_filtered_by_status(client, submitted_review, morocco_review, prompts, reviewer):
    egypt_11 = submitted_review.answers.get(prompt=prompts["1.1"])
    translation_save(answer=egypt_11, user=reviewer, text="Draft translation.", verified=False,
                     base_version=egypt_11.version)
    morocco_12 = morocco_review.answers.get(prompt=prompts["1.2"])
    translation_save(answer=morocco_12, user=reviewer, text="Checked translation.", verified=True,
                     base_version=morocco_12.version)
    client.force_login(reviewer)

    draft = client.get(TRANSLATIONS, {"status": "draft"})
    verified = client.get(TRANSLATIONS, {"status": "verified"})
    needed = client.get(TRANSLATIONS, {"status": "needed", "country": "EG", "part": "1"})

    assert _listed(draft) == [("EG", "1.1", None)]
    assert _listed(verified) == [("MA", "1.2", None)]
    assert _listed(needed) == [("EG", "1.2", None), ("EG", "1.3", None), ("EG", "1.4", None), ("EG", "1.5", None)]
    assert "Draft translation." in _page(draft)


def test_translations_list_only_reviews_visible_to_the_user(client, submitted_review, morocco_review, focal_point):
    client.force_login(focal_point)

    response = client.get(TRANSLATIONS, {"country": "MA"})

    assert (response.status_code, _listed(response)) == (200, [])


def test_translation_save_by_reviewer(client, submitted_review, prompts, reviewer):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    back = f"{TRANSLATIONS}?country=EG&part=1"
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/translations/{answer.uid}/", {
        "text": "Three ministries coordinate.", "verified": "1", "version": answer.version, "next": back})

    stored = Answer.objects.get(pk=answer.pk)
    assert (response.status_code, response["Location"]) == (302, back)
    assert (stored.text_en, stored.translation_verified_by, stored.translation_status) == (
        "Three ministries coordinate.", reviewer, "verified")
    assert _messages(response) == ["Translation saved."]


def test_translation_save_on_an_outdated_version_is_refused(client, submitted_review, prompts, reviewer, organiser):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    loaded = answer.version
    translation_save(answer=answer, user=organiser, text="The organiser's translation.", verified=False,
                     base_version=loaded)
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/translations/{answer.uid}/", {"text": "Mine.", "version": loaded})

    assert Answer.objects.get(pk=answer.pk).text_en == "The organiser's translation."
    assert _messages(response) == [f"{organiser} changed this answer while you were translating it. "
                                   "Your translation was not saved."]


def test_translation_autosave_answers_with_the_new_version(client, submitted_review, prompts, reviewer):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/translations/{answer.uid}/", {
        "text": "Three ministries coordinate.", "version": answer.version}, headers={"X-Requested-With": "fetch"})

    stored = Answer.objects.get(pk=answer.pk)
    assert (response.status_code, response.json()["ok"], response.json()["version"]) == (200, True, stored.version)
    assert (stored.text_en, stored.version) == ("Three ministries coordinate.", answer.version + 1)


def test_translation_autosave_on_an_outdated_version_answers_409_with_the_stored_translation(
        client, submitted_review, prompts, reviewer, organiser):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    loaded = answer.version
    translation_save(answer=answer, user=organiser, text="The organiser's translation.", verified=True,
                     base_version=loaded)
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/translations/{answer.uid}/", {"text": "Mine.", "version": loaded},
                           headers={"X-Requested-With": "fetch"})

    data = response.json()
    assert (response.status_code, data["version"], data["stored"]) == (
        409, loaded + 1, {"text": "The organiser's translation.", "verified": True})
    assert data["message"] == (f"{organiser} changed this answer while you were translating it. "
                               "Your translation was not saved.")
    assert Answer.objects.get(pk=answer.pk).text_en == "The organiser's translation."


def test_translation_save_too_long_is_refused(client, submitted_review, prompts, reviewer):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/translations/{answer.uid}/", {"text": "x" * 20_001,
                                                                         "version": answer.version})

    assert (Answer.objects.get(pk=answer.pk).text_en, _messages(response)) == (
        "", ["The translation is longer than 20,000 characters."])


def test_translation_save_forbidden_to_country_team_once_submitted(client, submitted_review, prompts, focal_point):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/translations/{answer.uid}/", {"text": "Ours.", "version": answer.version})

    assert (response.status_code, Answer.objects.get(pk=answer.pk).text_en) == (403, "")


def _translate_as(client, user, answer):
    client.force_login(user)
    return client.post(f"/en/reviews/translations/{answer.uid}/", {"text": "Our translation.",
                                                                    "version": answer.version})


def test_translation_save_by_focal_point_while_drafting(client, review, prompts, focal_point, complete_review):
    complete_review(review, focal_point)
    answer = review.answers.get(prompt=prompts["1.1"])

    response = _translate_as(client, focal_point, answer)

    assert (response.status_code, Answer.objects.get(pk=answer.pk).text_en) == (302, "Our translation.")


def test_translation_save_by_contributor_of_the_part_while_drafting(client, review, prompts, focal_point,
                                                                     contributor, complete_review):
    complete_review(review, focal_point)
    factories.AssignmentFactory(review=review, contributor=contributor, part=prompts["1.1"].part,
                                assigned_by=focal_point)
    answer = review.answers.get(prompt=prompts["1.1"])

    response = _translate_as(client, contributor, answer)

    assert (response.status_code, Answer.objects.get(pk=answer.pk).text_en) == (302, "Our translation.")


def test_translation_save_forbidden_to_contributor_of_another_part(client, review, prompts, focal_point,
                                                                   contributor, complete_review):
    complete_review(review, focal_point)
    factories.AssignmentFactory(review=review, contributor=contributor, part=prompts["4.1"].part,
                                assigned_by=focal_point)
    answer = review.answers.get(prompt=prompts["1.1"])

    response = _translate_as(client, contributor, answer)

    assert (response.status_code, Answer.objects.get(pk=answer.pk).text_en) == (403, "")


# --- outsiders ------------------------------------------------------------------------------------------------


def _review_scoped(review, prompts) -> list[tuple[str, str, dict]]:
    comment = Comment.objects.get(parent__isnull=True, visibility=Comment.Visibility.SHARED)
    answer = review.answers.get(prompt=prompts["1.1"])
    return [
        ("post", f"/en/reviews/{review.uid}/transition/take/", {}),
        ("post", f"/en/reviews/{review.uid}/comments/", {"anchor": "answer:1.1", "part": "1", "body": "Hello."}),
        ("post", f"/en/reviews/{review.uid}/comments/{comment.uid}/resolve/", {"resolved": "1"}),
        ("get", f"/en/reviews/{review.uid}/versions/", {}),
        ("get", f"/en/reviews/{review.uid}/history/", {}),
        ("post", f"/en/reviews/translations/{answer.uid}/", {"text": "Hello.", "version": answer.version}),
    ]


def _snapshot_of_state(review) -> tuple:
    return (_status(review), Comment.objects.count(), Comment.objects.filter(is_resolved=True).count(),
            Answer.objects.filter(review=review).exclude(text_en="").count())


def test_regional_urls_are_404_for_a_focal_point_of_another_country(client, discussed, prompts, other_focal_point):
    before = _snapshot_of_state(discussed)
    client.force_login(other_focal_point)

    statuses = [getattr(client, method)(url, data).status_code for method, url, data in _review_scoped(discussed,
                                                                                                      prompts)]

    assert statuses == [404] * 6
    assert _snapshot_of_state(discussed) == before


def test_regional_urls_send_anonymous_to_login(client, discussed, prompts):
    before = _snapshot_of_state(discussed)

    responses = [getattr(client, method)(url, data) for method, url, data in _review_scoped(discussed, prompts)]

    assert [(r.status_code, r["Location"]) for r in responses] == [
        (302, f"/en/accounts/login/?next={url}") for _method, url, _data in _review_scoped(discussed, prompts)]
    assert _snapshot_of_state(discussed) == before


@pytest.mark.parametrize(("language", "message"), [
    ("en", "The reason is longer than 4000 characters."),
    ("ar", "السبب أطول من 4000 حرف."),
])
def test_transition_refuses_a_reason_over_the_limit(client, submitted_review, reviewer, language, message):
    review_take(review=submitted_review, reviewer=reviewer)
    client.force_login(reviewer)

    response = client.post(f"/{language}/reviews/{submitted_review.uid}/transition/request_revision/",
                           {"reason": "س" * 4001})

    assert (response.status_code, _messages(response), _status(submitted_review)) == (
        302, [message], Status.IN_REVIEW)


def test_comment_reply_to_a_tampered_parent_id_is_not_found(client, submitted_review, reviewer):
    client.force_login(reviewer)

    response = client.post(f"/en/reviews/{submitted_review.uid}/comments/",
                           {"parent": "not-a-uuid", "body": "Reply", "part": "1", "anchor": "answer:1.1"})

    assert (response.status_code, Comment.objects.count()) == (404, 0)
