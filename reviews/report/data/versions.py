"""The version of each review the report and the compendium print: its last submitted one."""

import datetime
from dataclasses import dataclass

from reviews.models import Review, ReviewVersion


@dataclass
class PrintedVersion:
    """The version of a review the report prints: its last submitted one, never the edits in progress."""
    number: int
    submitted_at: datetime.datetime
    content: dict
    is_sent_back: bool  # the review was sent back for revision: the report prints what was last submitted


def printed_versions(reviews: list[Review]) -> dict[int, PrintedVersion]:
    """The last submitted version of each review (one query): the report prints it, whatever the country
    has changed since, and says when the review was sent back for revision."""
    by_id = {review.pk: review for review in reviews}
    printed: dict[int, PrintedVersion] = {}
    for version in ReviewVersion.objects.filter(review__in=list(by_id)).order_by("review_id", "-number").only(
            "review_id", "number", "submitted_at", "content"):
        if version.review_id not in printed:
            printed[version.review_id] = PrintedVersion(
                number=version.number, submitted_at=version.submitted_at, content=version.content,
                is_sent_back=by_id[version.review_id].status == Review.Status.REVISION_REQUESTED)
    return printed
