"""Transitions lock the review's row and re-check its status under the lock.

On PostgreSQL the calls really run at once, each in its own thread and connection, released
together by a barrier. SQLite has no row locks and the test database is a shared in-memory file
that refuses a second writer outright, so there the same scenarios run one after the other on
instances loaded before either acted: what the lock buys (the status is read after the other
transaction, not before) is what is asserted on both.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.utils import translation

from reviews.models import Review, ReviewEvent, ReviewVersion
from reviews.services.errors import DomainError
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_reopen, review_take, revision_request

pytestmark = pytest.mark.django_db(transaction=True)

Status = Review.Status
ON_POSTGRESQL = connection.vendor == "postgresql"
REFUSED = ("This cannot be done while the review is “%s”: somebody may have acted on it just now. "
           "Reload the page to see its current state.")
ALREADY_SUBMITTED = "This review was already submitted."
ROUNDS = 4


@pytest.fixture(autouse=True)
def _english(english):
    """Refusals are asserted in English, in every thread (each activates it itself too)."""


def _in_thread(call, *, started: threading.Barrier | None = None, pids: list | None = None):
    """Run `call` in a new thread with its own connection; return (thread, outcome list)."""
    outcome: list = []

    def run():
        translation.activate("en")
        try:
            if pids is not None:
                with connections["default"].cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    pids.append(cursor.fetchone()[0])
            if started is not None:
                started.wait(timeout=10)
            outcome.append(call())
        except Exception as error:  # noqa: BLE001 (asserted by the caller, whatever it is)
            outcome.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _race(*calls, sqlite_reversed: bool = False) -> list:
    """Each call's result or the exception it raised, in the order of `calls`. The calls run at
    once on PostgreSQL; on SQLite one after the other, in the order given or its reverse."""
    if not ON_POSTGRESQL:
        outcomes = {}
        for index in reversed(range(len(calls))) if sqlite_reversed else range(len(calls)):
            try:
                outcomes[index] = calls[index]()
            except DomainError as error:
                outcomes[index] = error
        return [outcomes[index] for index in range(len(calls))]
    barrier = threading.Barrier(len(calls))
    running = [_in_thread(call, started=barrier) for call in calls]
    for thread, _outcome in running:
        thread.join(timeout=30)
    return [outcome[0] for _thread, outcome in running]


def _status(review) -> str:
    return Review.objects.get(pk=review.pk).status


def _message(outcome) -> str | None:
    return outcome.message if isinstance(outcome, DomainError) else None


def _assert_history_consistent(review) -> None:
    """Events chain (each leaves the status the previous one entered), the last one is the
    review's status, and there is exactly one version, numbered in order, per submission."""
    stored = Review.objects.get(pk=review.pk)
    events = list(ReviewEvent.objects.filter(review=review).order_by("pk").values_list("from_status", "to_status"))
    assert events[0][0] == Status.DRAFT
    assert all(previous[1] == current[0] for previous, current in zip(events, events[1:]))
    assert events[-1][1] == stored.status
    submissions = sum(1 for _from, to in events if to == Status.SUBMITTED)
    numbers = list(ReviewVersion.objects.filter(review=review).order_by("number").values_list("number", flat=True))
    assert numbers == list(range(1, submissions + 1))


def _bring_to_in_review(review, *, focal_point, reviewer) -> None:
    status = Review.objects.get(pk=review.pk).status
    if status == Status.REVISION_REQUESTED:
        review_submit(review=review, user=focal_point)
        status = Status.SUBMITTED
    if status == Status.SUBMITTED:
        review_take(review=review, reviewer=reviewer)


def test_submission_racing_a_revision_request_ends_in_one_order(submitted_review, focal_point, reviewer):
    """In review, the focal point submits (from a page loaded earlier) while a reviewer requests a
    revision. Either the submission came first and is refused (the review is in review), and the
    revision is requested; or the revision request came first and the submission follows it. Never
    both from the same status, never a version without its event."""
    seen = {"submission first": 0, "revision first": 0}
    for round_number in range(ROUNDS):
        _bring_to_in_review(submitted_review, focal_point=focal_point, reviewer=reviewer)
        stale = Review.objects.get(pk=submitted_review.pk)
        events_before = ReviewEvent.objects.filter(review=submitted_review).count()
        versions_before = ReviewVersion.objects.filter(review=submitted_review).count()

        submission, revision = _race(
            lambda: review_submit(review=stale, user=focal_point),
            lambda: revision_request(review=stale, reviewer=reviewer, reason="Add the 2027 figures."),
            sqlite_reversed=bool(round_number % 2),
        )

        assert isinstance(revision, Review), revision
        new_events = list(ReviewEvent.objects.filter(review=submitted_review).order_by("pk")
                          .values_list("from_status", "to_status", "actor__username")[events_before:])
        versions = ReviewVersion.objects.filter(review=submitted_review).count()
        if isinstance(submission, ReviewVersion):
            seen["revision first"] += 1
            assert (_status(submitted_review), versions, submission.number) == (
                Status.SUBMITTED, versions_before + 1, versions_before + 1)
            assert new_events == [(Status.IN_REVIEW, Status.REVISION_REQUESTED, "reviewer-escwa"),
                                  (Status.REVISION_REQUESTED, Status.SUBMITTED, "fp-eg")]
        else:
            seen["submission first"] += 1
            assert _message(submission) == ALREADY_SUBMITTED
            assert (_status(submitted_review), versions) == (Status.REVISION_REQUESTED, versions_before)
            assert new_events == [(Status.IN_REVIEW, Status.REVISION_REQUESTED, "reviewer-escwa")]
        _assert_history_consistent(submitted_review)
    assert sum(seen.values()) == ROUNDS
    if not ON_POSTGRESQL:  # both orders were played; on PostgreSQL the scheduler picks
        assert seen == {"submission first": ROUNDS // 2, "revision first": ROUNDS // 2}


def test_resubmission_racing_a_second_revision_request_submission_wins(submitted_review, focal_point, reviewer):
    """Revision requested: the focal point resubmits while a reviewer, on a page still showing
    "in review", requests a revision again. The submission wins in either order; the reviewer
    is told the review moved on, and nothing of theirs is written."""
    _bring_to_in_review(submitted_review, focal_point=focal_point, reviewer=reviewer)
    revision_request(review=submitted_review, reviewer=reviewer, reason="Add the 2027 figures.")
    stale = Review.objects.get(pk=submitted_review.pk)

    revision, submission = _race(
        lambda: revision_request(review=stale, reviewer=reviewer, reason="And the 2026 ones."),
        lambda: review_submit(review=stale, user=focal_point),
    )

    assert isinstance(submission, ReviewVersion), submission
    assert _message(revision) in (REFUSED % "Submitted", REFUSED % "Revision requested")
    assert (_status(submitted_review), submission.number) == (Status.SUBMITTED, 2)
    assert list(ReviewEvent.objects.filter(review=submitted_review).order_by("pk")
                .values_list("to_status", "reason")) == [
        (Status.SUBMITTED, ""), (Status.IN_REVIEW, ""), (Status.REVISION_REQUESTED, "Add the 2027 figures."),
        (Status.SUBMITTED, ""),
    ]
    _assert_history_consistent(submitted_review)


def test_two_submissions_at_once_make_one_version(review, focal_point, complete_review):
    """The focal point's double click, or two tabs: one version, one event, one refusal."""
    complete_review(review, focal_point)
    stale = Review.objects.get(pk=review.pk)

    outcomes = _race(lambda: review_submit(review=stale, user=focal_point),
                     lambda: review_submit(review=stale, user=focal_point))

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["DomainError", "ReviewVersion"]
    assert [_message(outcome) for outcome in outcomes if isinstance(outcome, DomainError)] == [ALREADY_SUBMITTED]
    assert (_status(review), ReviewVersion.objects.filter(review=review).count()) == (Status.SUBMITTED, 1)
    _assert_history_consistent(review)


def test_two_reviewers_accepting_and_requesting_revision_at_once_one_wins(submitted_review, reviewer, organiser):
    _bring_to_in_review(submitted_review, focal_point=None, reviewer=reviewer)
    stale = Review.objects.get(pk=submitted_review.pk)

    accepted, revision = _race(lambda: review_accept(review=stale, reviewer=organiser),
                               lambda: revision_request(review=stale, reviewer=reviewer, reason="Add figures."))

    if isinstance(accepted, Review):
        assert (_message(revision), _status(submitted_review)) == (REFUSED % "Accepted", Status.ACCEPTED)
    else:
        assert (_message(accepted), _status(submitted_review)) == (
            REFUSED % "Revision requested", Status.REVISION_REQUESTED)
        assert isinstance(revision, Review)
    assert ReviewEvent.objects.filter(review=submitted_review).count() == 3
    _assert_history_consistent(submitted_review)


# --- the lock itself: a transition waits for the row, then reads what the other one committed ------------

# (transition, status it starts from, status another transaction commits meanwhile, expected refusal)
WAITERS = {
    "take": (Status.SUBMITTED, Status.IN_REVIEW, REFUSED % "In review"),
    "request_revision": (Status.IN_REVIEW, Status.ACCEPTED, REFUSED % "Accepted"),
    "accept": (Status.IN_REVIEW, Status.REVISION_REQUESTED, REFUSED % "Revision requested"),
    "reopen": (Status.ACCEPTED, Status.IN_REVIEW, REFUSED % "In review"),
    "submit": (Status.REVISION_REQUESTED, Status.SUBMITTED, ALREADY_SUBMITTED),
}


def _call(action, review, *, focal_point, reviewer, organiser):
    return {
        "take": lambda: review_take(review=review, reviewer=reviewer),
        "request_revision": lambda: revision_request(review=review, reviewer=reviewer, reason="Add figures."),
        "accept": lambda: review_accept(review=review, reviewer=reviewer),
        "reopen": lambda: review_reopen(review=review, organiser=organiser, reason="A second look."),
        "submit": lambda: review_submit(review=review, user=focal_point),
    }[action]


def _blocked_statement(pid: int) -> str:
    """The statement backend `pid` waits in for a lock ("" if it never waits). pg_locks is read
    live; pg_stat_activity is a per-transaction snapshot, cleared before each look."""
    with connection.cursor() as cursor:
        for _attempt in range(200):
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT activity.query FROM pg_locks JOIN pg_stat_activity activity USING (pid) "
                           "WHERE pid = %s AND NOT granted", [pid])
            row = cursor.fetchone()
            if row:
                return row[0]
            time.sleep(0.05)
    return ""


@pytest.mark.parametrize("action", list(WAITERS))
def test_transition_waits_for_the_row_then_rechecks_its_status(action, submitted_review, focal_point, reviewer,
                                                                organiser):
    """Another transaction holds the review's row and moves it on: the transition waits for it
    (on PostgreSQL, where it is seen waiting) and is refused by the status it then reads, even
    though the instance it was given still shows the old one."""
    start, meanwhile, refusal = WAITERS[action]
    Review.objects.filter(pk=submitted_review.pk).update(status=start)
    stale = Review.objects.get(pk=submitted_review.pk)
    events_before = ReviewEvent.objects.count()
    call = _call(action, stale, focal_point=focal_point, reviewer=reviewer, organiser=organiser)

    if ON_POSTGRESQL:
        pids: list = []
        with transaction.atomic():
            Review.objects.select_for_update().get(pk=stale.pk)
            thread, outcome = _in_thread(call, pids=pids)
            while not pids and thread.is_alive():
                time.sleep(0.01)
            # It waits in a SELECT of the review: a plain read never waits under MVCC, so this is the
            # locking read, before any work or write (the statement text is cut before its FOR UPDATE).
            assert _blocked_statement(pids[0]).startswith('SELECT "reviews_review"."id"')
            Review.objects.filter(pk=stale.pk).update(status=meanwhile)
        thread.join(timeout=30)
        outcome = outcome[0]
    else:
        Review.objects.filter(pk=stale.pk).update(status=meanwhile)
        try:
            outcome = call()
        except DomainError as error:
            outcome = error

    assert (_message(outcome), _status(stale)) == (refusal, meanwhile)
    assert ReviewEvent.objects.count() == events_before
    assert ReviewVersion.objects.filter(review=stale).count() == 1
