"""Bringing one country's review of an earlier cycle in from a filled Word template (services/past_reviews.py
brings in a whole cycle from the JSON export)."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role
from reviews.models import Country, Review, ReviewCycle
from reviews.services.errors import DomainError
from reviews.services.past_reviews import past_import_check, past_import_check_no_review, reviews_mark_imported
from reviews.word.import_writes import import_apply, import_seen
from reviews.word.importing import import_plan


@transaction.atomic
def past_review_import_docx(*, cycle: ReviewCycle, country: Country, content: bytes, user, source: str):
    """Load one country's earlier review from a filled Word template into a closed cycle, with the Word
    importer (reviews/word/importing.py, import_writes.py) reading it as the country's focal point would into a
    new draft: what the file holds is written, what it cannot read is reported in the plan returned. `content`
    passed docx_check."""
    past_import_check(cycle=cycle, user=user)
    past_import_check_no_review(cycle=cycle, countries=[country])
    focal_point = country.users.filter(role=Role.FOCAL_POINT, is_active=True).order_by("pk").first()
    if focal_point is None:
        raise DomainError(_("%(country)s has no active focal point: the Word importer reads a file with the "
                            "focal point's rights. Nothing was imported.") % {"country": country.name})
    review = Review.objects.create(cycle=cycle, country=country)
    # Read and written as into a draft of an open cycle (in memory only: the cycle stays closed).
    review.cycle.is_open = True
    try:
        plan = import_plan(review=review, user=focal_point, content=content)
        plan = import_apply(review=review, user=focal_point, content=content,
                            seen=import_seen(review=review, plan=plan), replace=set())
    finally:
        review.cycle.is_open = False
    if not plan.items:
        raise DomainError(_("The file holds no answer, objective or table row of the guiding template. Nothing was "
                            "imported."))
    reviews_mark_imported(reviews=[review], source=source, user=user)
    return review, plan
