import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.models.cycles import ReviewCycle
from reviews.models.reference import Country


class PlanStatus(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    IN_PREPARATION = "in_preparation", _("In preparation")
    INTEGRATED = "integrated", _("Integrated in other plans")
    NONE = "none", _("None")


class Review(models.Model):
    """A country's voluntary national review in one cycle."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("review status", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("review status", "Submitted")
        IN_REVIEW = "in_review", pgettext_lazy("review status", "In review")
        REVISION_REQUESTED = "revision_requested", pgettext_lazy("review status", "Revision requested")
        ACCEPTED = "accepted", pgettext_lazy("review status", "Accepted")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cycle = models.ForeignKey(ReviewCycle, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("cycle"))
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("country"))
    status = models.CharField(
        pgettext_lazy("review", "status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last activity"), auto_now=True)
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    is_late = models.BooleanField(_("submitted late"), default=False)
    plan_status = models.CharField(
        _("national implementation plan"), max_length=20, choices=PlanStatus.choices, blank=True
    )
    plan_detail = models.TextField(_("about the plan"), blank=True, max_length=4000)
    plan_version = models.PositiveIntegerField(default=1)
    # Where a review of an earlier cycle was brought in from (a JSON export, a Word file); empty for a review
    # written in the portal. An imported review is read-only and counts as accepted.
    imported_from = models.CharField(_("imported from"), max_length=300, blank=True)

    class Meta:
        ordering = ["cycle", "country__iso2"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "country"], name="one_review_per_country_per_cycle"),
        ]

    def __str__(self):
        return f"{self.country} – {self.cycle}"

    @property
    def is_editable_by_country(self) -> bool:
        return (self.status in (self.Status.DRAFT, self.Status.REVISION_REQUESTED) and self.cycle.is_open
                and not self.imported_from)

    @property
    def is_imported(self) -> bool:
        return bool(self.imported_from)


class ReviewGeneration(models.Model):
    """How many times anything of a review has changed: its own row, its answers and tables, the links of their
    rows, its comments, assignments, versions and events. Counted by the database itself (triggers, migration
    0019) on every insert, update and delete, whichever code writes, so a page kept under a review's generation
    (views/page_cache.py) never outlives a change. Nothing in Python writes it; a review that never changed has
    no row. Not backed up: it only describes when kept pages are still current (restore empties the cache)."""

    review = models.OneToOneField(Review, on_delete=models.DO_NOTHING, primary_key=True, db_constraint=False,
                                  related_name="generation")
    changes = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.review_id}: {self.changes}"
