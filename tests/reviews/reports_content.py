"""Content shared by the tests of generated PDFs: an accepted review the regional report includes."""

from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_take
from tests.reviews.conftest import review_complete


def accept(review, *, focal_point, reviewer):
    """Complete, submit, take and accept `review`: the regional report includes it."""
    review_complete(review, focal_point)
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    review_accept(review=review, reviewer=reviewer)
    review.refresh_from_db()
    return review
