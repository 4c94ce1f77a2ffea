"""Comments a user may read (the country team never sees the regional staff's internal notes), and the
places of a review a comment may be attached to."""

import uuid
from collections import defaultdict

from django.db.models import QuerySet

from reviews import rules
from reviews.models import Comment, GuidingPrompt, Review, ReviewObjective, TemplatePart
from reviews.selectors.prefetched import as_prefetched, with_users
from reviews.tables import TABLES

# The part whose pages report on each objective: the objective page sends it with every comment.
OBJECTIVES_PART = 3
ANCHOR_MAX = Comment._meta.get_field("anchor").max_length
# What a PositiveSmallIntegerField holds: a number outside it names no part or objective (and a query
# with it would fail on some databases instead of finding nothing).
SMALL_NUMBERS = range(1, 32768)


def comments_visible_to(user, review: Review) -> QuerySet[Comment]:
    if rules.can_follow_region(user):
        return Comment.objects.filter(review=review)
    if rules.is_country_team_of(user, review):
        return Comment.objects.filter(review=review, visibility=Comment.Visibility.SHARED)
    return Comment.objects.none()


def comment_threads_by_anchor(user, review: Review, **place) -> dict[str, list[Comment]]:
    """Top-level comments with their replies (`thread.replies.all()`), grouped by place: one query for a whole
    page, and one for their authors when it has any. `place` narrows them to one page's (`part_number=2,
    objective_number=None`); a reply is at its thread's place (services/comments.comment_add)."""
    comments = with_users(list(comments_visible_to(user, review).filter(**place)), "author", "resolved_by")
    replies: dict[int, list[Comment]] = defaultdict(list)
    for comment in comments:
        if comment.parent_id is not None:
            replies[comment.parent_id].append(comment)
    grouped: dict[str, list[Comment]] = defaultdict(list)
    for comment in comments:
        if comment.parent_id is None:
            as_prefetched(comment, "replies", replies[comment.pk])
            grouped[comment.anchor].append(comment)
    return dict(grouped)


class PageComments:
    """The comment threads a workspace page shows, by place (`.get(anchor)`), read when the page first asks:
    a page without comments (the team, the Word files) reads none, and a part's or an objective's page only
    its own, however many the rest of the review holds."""

    def __init__(self, user, review: Review, **place):
        self.user, self.review, self.place = user, review, place
        self._threads: dict[str, list[Comment]] | None = None

    def get(self, anchor: str, default=None):
        if self._threads is None:
            self._threads = comment_threads_by_anchor(self.user, self.review, **self.place)
        return self._threads.get(anchor, default)


def comment_place_exists(*, review: Review, anchor: str, part_number: int, objective_number: int | None) -> bool:
    """Whether `anchor` names a real place of this review, on the page of `part_number` (and
    `objective_number`): a prompt of the review's cycle in that part ("answer:<code>", or
    "answer:<code>:o<n>" for a reported objective), a row of this review ("row:<kind>:<uid>"), a reported
    objective ("objective:<n>") or a part of the cycle's template ("part:<n>").

    Anything else is refused: the anchor is shown in pages and links and was once copied into e-mails,
    so only names the portal itself makes may be stored."""
    if len(anchor) > ANCHOR_MAX or part_number not in SMALL_NUMBERS:
        return False
    if objective_number is not None and objective_number not in SMALL_NUMBERS:
        return False
    kind, _separator, rest = anchor.partition(":")
    if kind == "part":
        return (objective_number is None and rest == str(part_number)
                and TemplatePart.objects.filter(cycle_id=review.cycle_id, number=part_number).exists())
    if kind == "objective":
        return (part_number == OBJECTIVES_PART and rest == str(objective_number)
                and _objective_reported(review, objective_number))
    if kind == "answer":
        return _prompt_place_exists(review, rest, part_number, objective_number)
    if kind == "row":
        return _row_place(review, rest) == (part_number, objective_number)
    return False


def _objective_reported(review: Review, number: int) -> bool:
    return ReviewObjective.objects.filter(review=review, objective__number=number, is_reported=True).exists()


def _prompt_place_exists(review: Review, name: str, part_number: int, objective_number: int | None) -> bool:
    """"<code>" names a prompt asked once for the part; "<code>:o<n>" one asked for each reported objective."""
    code, objective_suffix = name, ""
    if objective_number is not None:
        code, _separator, objective_suffix = name.rpartition(":")
        if objective_suffix != f"o{objective_number}" or not _objective_reported(review, objective_number):
            return False
    scope = GuidingPrompt.Scope.OBJECTIVE if objective_number is not None else GuidingPrompt.Scope.PART
    return bool(code) and GuidingPrompt.objects.filter(
        part__cycle_id=review.cycle_id, part__number=part_number, code=code, scope=scope).exists()


def _row_place(review: Review, name: str) -> tuple[int, int | None] | None:
    """The part and objective numbers of the page showing row "<kind>:<uid>" of this review, or None."""
    kind, _separator, raw_uid = name.partition(":")
    tables = [table for table in TABLES.values() if table.model._meta.model_name == kind]
    try:
        uid = uuid.UUID(raw_uid)
    except ValueError:
        return None
    if not tables or str(uid) != raw_uid:
        return None
    table = tables[0]
    if table.per_objective:
        number = (table.model.objects.filter(review_objective__review=review, uid=uid)
                  .values_list("review_objective__objective__number", flat=True).first())
        return (table.part_number, number) if number is not None else None
    rows = table.model.objects.filter(review=review, uid=uid)
    if table.planned_part:  # one model, two tables: the row's own part says which page shows it
        number = rows.values_list("part_number", flat=True).first()
        return (number, None) if number is not None else None
    return (table.part_number, None) if rows.exists() else None
