"""A submitted review through one round of regional review, in the browser.

The ESCWA reviewer (English interface) takes Tunisia's submitted review, comments on an answer for
the country and leaves an internal note, and asks for a revision. The focal point (Arabic interface)
reads the reason and the shared comment, never the internal note, revises the answer, replies and
resubmits. The reviewer compares the two versions, reads the answer's history, and accepts.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import Answer, ChangeLog, Comment, Country, Review, ReviewEvent
from reviews.services.submission import review_open, review_submit
from tests import factories
from tests.e2e.steps import sign_in
from tests.reviews.conftest import review_complete

pytestmark = [pytest.mark.e2e]

SHARED_COMMENT = "Please add figures for 2024"
INTERNAL_COMMENT = "Internal note: check these figures against the ESCWA labour migration database."
REASON = "Objective 1 needs the figures for 2024: see the comment beside answer 3.a."
ADDITION = " وبلغ عدد المستفيدين 1200 شخص في عام 2024."
REPLY = "أضفنا أرقام عام 2024 إلى الإجابة."
ANCHOR = "answer:3.a:o1"  # the place of objective 1's answer to 3.a, shared by comments and history
Status = Review.Status


@pytest.fixture
def tunisia_submitted(open_cycle, escwa_reviewer):
    """Reference data, the open cycle, Tunisia's focal point, the ESCWA reviewer, and Tunisia's
    complete review (objective 1 reported) submitted once. Rows are committed for the live server."""
    cycle, reviewer = open_cycle, escwa_reviewer
    focal_point = factories.FocalPointFactory(username="fp-tn", first_name="Leila", last_name="Trabelsi",
                                              country=Country.objects.get(iso2="TN"))
    review = review_open(cycle=cycle, user=focal_point)
    review_complete(review, focal_point, objective_numbers=(1,))
    review_submit(review=review, user=focal_point)
    return {"review": review, "focal_point": focal_point, "reviewer": reviewer}


def prompt_section(page: Page, code: str):
    return page.locator(f'section[id="prompt-{code}"]')


def comment_on(page: Page, code: str, body: str, *, visibility: str) -> None:
    """Open the answer's "Add a comment" form, choose who reads it, and send it."""
    comments = prompt_section(page, code).locator(".comments")
    comments.locator(":scope > a.comment-add").click()  # the page's one comment form, opened here
    form = comments.locator(":scope > form.comment-form")
    form.locator("textarea[name=body]").fill(body)
    form.locator(f"input[name=visibility][value={visibility}]").check()  # nothing is chosen in advance
    form.locator("button[type=submit]").click()
    expect(comments.locator(".comment", has_text=body)).to_have_count(1)


def wait_saved(page: Page, code: str) -> None:
    """The autosave state reads the page's own "Saved" message (translated or not)."""
    saved = page.locator(".autosave-root").get_attribute("data-msg-saved")
    expect(prompt_section(page, code).locator(".save-state")).to_have_text(re.compile("^" + re.escape(saved)))


def expect_status(page: Page, status: str) -> None:
    expect(page.locator(f"aside .badge.status-{status}")).to_have_count(1)


def test_regional_review_revision_round_then_acceptance(tunisia_submitted, new_page, tmp_path):
    review, focal_point = tunisia_submitted["review"], tunisia_submitted["focal_point"]
    original = Answer.objects.get(review=review, prompt__code="3.a", objective__number=1).text_ar
    revised = original + ADDITION

    def screenshots(page):
        return lambda name: page.screenshot(path=tmp_path / f"{name}.png", full_page=True)

    # The reviewer finds Tunisia on the cycle's dashboard and takes the review.
    rv = new_page(locale="en")
    rv_shot = screenshots(rv)
    sign_in(rv, "reviewer-escwa", language="en")
    rv.goto("/en/reviews/cycles/arab-2028/dashboard/")
    rv.locator("main table.dashboard").get_by_role("link", name="Tunisia", exact=True).click()
    expect(rv).to_have_url(re.compile(rf"/en/reviews/{review.uid}/$"))
    overview_url = rv.url
    rv.get_by_role("button", name="Take this review").click()
    expect_status(rv, Status.IN_REVIEW)

    # A shared comment on objective 1's answer to 3.a, an internal note on 3.b; then the revision request.
    rv.click('aside a[href$="/objectives/1/"]')
    comment_on(rv, "3.a", SHARED_COMMENT, visibility=Comment.Visibility.SHARED)
    comment_on(rv, "3.b", INTERNAL_COMMENT, visibility=Comment.Visibility.INTERNAL)
    expect(prompt_section(rv, "3.b").locator(".comment .badge", has_text="Internal")).to_have_count(1)
    rv_shot("01-reviewer-comments")
    rv.goto(overview_url)
    rv.fill("#reason", REASON)
    rv.get_by_role("button", name="Request a revision").click()
    expect_status(rv, Status.REVISION_REQUESTED)

    # The focal point reads the reason, then the shared comment beside 3.a and no internal note.
    fp = new_page()
    fp_shot = screenshots(fp)
    sign_in(fp, "fp-tn", language="ar")
    fp.click(f'main a[href$="/reviews/{review.uid}/"]')
    expect(fp.locator("main .alert-warning .user-text")).to_have_text(REASON)
    fp_shot("02-revision-notice")
    fp.click('aside a[href$="/objectives/1/"]')
    thread = prompt_section(fp, "3.a").locator(".comment")
    expect(thread.locator(":scope > .user-text")).to_have_text(SHARED_COMMENT)
    expect(fp.locator(".comment")).to_have_count(1)
    assert INTERNAL_COMMENT not in fp.content()

    # It appends the figures to 3.a, waits for the autosave, and replies to the comment.
    box = prompt_section(fp, "3.a").locator('textarea[lang="ar"]')
    expect(box).to_have_value(original)
    box.focus()
    box.press("Control+End")
    box.press_sequentially(ADDITION)
    box.blur()
    wait_saved(fp, "3.a")
    expect(box).to_have_value(revised)
    thread.locator("details > summary").click()
    thread.locator("details textarea[name=body]").fill(REPLY)
    thread.locator("details button[type=submit]").click()
    expect(prompt_section(fp, "3.a").locator(".comment .ms-3 .user-text")).to_have_text(REPLY)
    expect(prompt_section(fp, "3.a").locator('textarea[lang="ar"]')).to_have_value(revised)
    fp_shot("03-revised-and-replied")

    # Nothing is missing: it resubmits.
    fp.click('aside a[href$="/submit/"]')
    expect(fp.locator("main .alert-success")).to_have_count(1)
    fp.check('main input[name="confirm"]')  # submitting asks for confirmation
    fp.click("main form[method=post] button[type=submit]")
    expect(fp).to_have_url(re.compile(rf"/ar/reviews/{review.uid}/$"))
    expect_status(fp, Status.SUBMITTED)

    # The reviewer sees the change in the diff of the two versions, then in the answer's history.
    rv.goto(overview_url)
    expect_status(rv, Status.SUBMITTED)
    rv.get_by_role("link", name="Versions and changes").click()
    changes = rv.locator("table.diff tbody tr")
    expect(changes).to_have_count(1)
    expect(changes.locator("td").nth(0).locator("span[dir=ltr]").first).to_have_text("3.a · 1")  # linked to the question
    expect(changes.locator("td").nth(1)).to_have_text("Arabic text")  # the field's name, not its key
    expect(changes.locator(".diff-before")).to_have_text(original)
    expect(changes.locator(".diff-after")).to_have_text(revised)
    rv_shot("04-versions-diff")
    rv.goto(overview_url)
    rv.get_by_role("link", name="History of changes").click()
    rv.locator("main table tbody tr").filter(has_text="3.a · 1").first.get_by_role("link", name="its changes").click()
    expect(rv).to_have_url(re.compile(r"\?anchor=answer%3A3\.a%3Ao1$"))
    history = rv.locator("main table tbody tr")
    expect(history).to_have_count(1)
    expect(history.locator("td")).to_have_text(
        [re.compile(r"\S"), str(focal_point), re.compile(r"^3\.a · 1 \S.* · its changes$"), "Arabic text", original,
         revised])
    rv_shot("05-history-3a")

    # A resubmitted review is taken again before it is accepted.
    rv.goto(overview_url)
    rv.get_by_role("button", name="Take this review").click()
    expect_status(rv, Status.IN_REVIEW)
    rv.get_by_role("button", name="Accept", exact=True).click()
    expect_status(rv, Status.ACCEPTED)
    rv_shot("06-accepted")

    review.refresh_from_db()
    assert review.status == Status.ACCEPTED
    assert list(review.versions.values_list("number", "submitted_by__username")) == [(1, "fp-tn"), (2, "fp-tn")]
    assert [(e.from_status, e.to_status, e.actor.username, e.reason) for e in ReviewEvent.objects.filter(
        review=review).select_related("actor")] == [
        (Status.DRAFT, Status.SUBMITTED, "fp-tn", ""),
        (Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", ""),
        (Status.IN_REVIEW, Status.REVISION_REQUESTED, "reviewer-escwa", REASON),
        (Status.REVISION_REQUESTED, Status.SUBMITTED, "fp-tn", ""),
        (Status.SUBMITTED, Status.IN_REVIEW, "reviewer-escwa", ""),
        (Status.IN_REVIEW, Status.ACCEPTED, "reviewer-escwa", ""),
    ]
    assert list(ChangeLog.objects.filter(review=review).values_list("anchor", "field", "before", "after",
                                                                    "user__username")) == [
        (ANCHOR, "text_ar", original, revised, "fp-tn")]
    comments = Comment.objects.filter(review=review).order_by("created_at", "pk")
    assert [(c.anchor, c.visibility, c.author.username, c.body, c.parent_id is not None) for c in comments] == [
        (ANCHOR, Comment.Visibility.SHARED, "reviewer-escwa", SHARED_COMMENT, False),
        ("answer:3.b:o1", Comment.Visibility.INTERNAL, "reviewer-escwa", INTERNAL_COMMENT, False),
        (ANCHOR, Comment.Visibility.SHARED, "fp-tn", REPLY, True),
    ]
