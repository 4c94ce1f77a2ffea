"""Generated PDFs: the regional report of a cycle, or one country's review, built in the background.

Each build is kept with its date and the data version it was built from (a fingerprint of what the
report shows), so asking again while the data is unchanged hands back the same file.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.models.cycles import ReviewCycle
from reviews.models.review import Review


def report_upload_to(report: "GeneratedReport", filename: str) -> str:
    """A safe name built from our own fields, never the user's: cycle, kind, languages, date, data version."""
    return f"reports/{timezone.now():%Y/%m}/{report.file_stem()}-{report.data_version[:12]}.pdf"


class GeneratedReport(models.Model):
    """One build of a PDF, from the request to the file."""

    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regional report")
        COUNTRY = "country", _("Country review")
        COMPENDIUM = "compendium", _("Compendium of national answers")

    class Languages(models.TextChoices):
        BOTH = "both", _("Arabic and English")
        AR = "ar", _("Arabic only")
        EN = "en", _("English only")

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("report status", "Queued")
        RUNNING = "running", pgettext_lazy("report status", "Being built")
        DONE = "done", pgettext_lazy("report status", "Ready")
        FAILED = "failed", pgettext_lazy("report status", "Failed")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="reports", verbose_name=_("cycle"))
    review = models.ForeignKey(Review, on_delete=models.CASCADE, null=True, blank=True, related_name="reports",
                               verbose_name=_("review"))
    languages = models.CharField(_("languages"), max_length=4, choices=Languages.choices, default=Languages.BOTH)
    include_submitted = models.BooleanField(_("submitted reviews included"), default=False)
    # A country's review not yet submitted prints its live draft: such a build is the country team's own.
    from_draft = models.BooleanField(_("built from a draft"), default=False)
    status = models.CharField(pgettext_lazy("report", "status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    phase = models.CharField(_("phase"), max_length=20, blank=True)
    pages_done = models.PositiveIntegerField(_("pages"), default=0)
    file = models.FileField(upload_to=report_upload_to, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    data_version = models.CharField(_("data version"), max_length=64)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("requested by"))
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Written by the running build every few seconds: a build whose heartbeat is older than
    # REPORT_HEARTBEAT_SECONDS lost its worker (reviews.services.report_builds.reports_fail_dead).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        indexes = [models.Index(fields=["cycle", "kind", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="country", review__isnull=False, include_submitted=False)
                | Q(kind__in=["regional", "compendium"], review__isnull=True),
                name="report_country_has_review",
            ),
        ]

    def __str__(self):
        return f"{self.file_stem()} ({self.status})"

    REGIONAL_KINDS = (Kind.REGIONAL, Kind.COMPENDIUM)  # of the whole cycle, for the regional staff

    @property
    def is_regional(self) -> bool:
        return self.kind in self.REGIONAL_KINDS

    @property
    def language_codes(self) -> tuple[str, ...]:
        return ("ar", "en") if self.languages == self.Languages.BOTH else (self.languages,)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def file_stem(self) -> str:
        """ASCII only: slugs and codes, never a translated name."""
        subject = {self.Kind.REGIONAL: "regional-report", self.Kind.COMPENDIUM: "compendium"}.get(self.kind) or (
            f"{self.review.country.iso2.lower()}-review")
        if self.include_submitted:
            subject += "-with-submitted"
        return slugify(f"gcm-{self.cycle.slug}-{subject}-{self.languages}")

    def download_name(self) -> str:
        day = timezone.localtime(self.finished_at or self.created_at).date()
        return f"{self.file_stem()}-{day:%Y-%m-%d}.pdf"


class Download(models.Model):
    """Who downloaded which report or export, when, with which parameters. A file may hold reviews not
    yet published: organisers can tell who holds a copy, and the record is kept with the backups."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Report PDF")
        EXPORT = "export", _("Data export")
        WORD = "word", _("Word document")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("downloaded by"))
    cycle = models.ForeignKey(ReviewCycle, on_delete=models.PROTECT, related_name="+", verbose_name=_("cycle"))
    # A pruned build keeps its download records: they say who holds a copy of it.
    report = models.ForeignKey(GeneratedReport, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="downloads")
    file_name = models.CharField(_("file"), max_length=200)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    created_at = models.DateTimeField(_("downloaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self):
        return f"{self.file_name} ({self.user})"
