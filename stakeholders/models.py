"""Stakeholder organisations and their written inputs to a cycle's regional review.

An input is a bilingual text like a country's answer (BilingualText: original language kept, the other
language a translation the staff may add), versioned for autosave. Its quotes in the synthesis follow the
shape of a country highlight: a range of sentences, counted from 0, of the text in its original language.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.models import Country, Objective, ReviewCycle, RoundTable, StakeholderCategory, SynthesisChapter
from reviews.models.content import BilingualText, TrackedRow, text_in

INPUT_TEXT_MAX = 20_000  # as long as a country's answer


class StakeholderOrganisation(models.Model):
    """An organisation taking part in the regional review: asked to join through the public form, or invited
    by an organiser. Its one account (`account`) is made when an organiser approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("organisation status", "Asked to take part")
        APPROVED = "approved", pgettext_lazy("organisation status", "Taking part")
        DECLINED = "declined", pgettext_lazy("organisation status", "Declined")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    category = models.ForeignKey(StakeholderCategory, on_delete=models.PROTECT, related_name="organisations",
                                 verbose_name=_("category"))
    countries = models.ManyToManyField(Country, blank=True, related_name="stakeholder_organisations",
                                       verbose_name=_("countries where it works"))
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="stakeholder_organisation", verbose_name=_("account"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["category__code", "name_en", "name_ar"]
        verbose_name = _("stakeholder organisation")
        verbose_name_plural = _("stakeholder organisations")
        constraints = [
            models.CheckConstraint(condition=~Q(name_ar="", name_en=""), name="stakeholder_organisation_named"),
        ]

    def __str__(self):
        return self.name_en or self.name_ar

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    def name_in(self, language: str) -> dict:
        """The name in `language`, else in the other one marked (see reviews.models.content.text_in)."""
        return text_in(text_ar=self.name_ar, text_en=self.name_en, language=language)


class StakeholderInput(BilingualText):
    """An organisation's written input to one cycle: a draft it autosaves, then submitted (locked) for the
    staff to accept for compilation, decline with a reason, or question."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("input status", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("input status", "Submitted")
        ACCEPTED = "accepted", pgettext_lazy("input status", "Accepted for compilation")
        DECLINED = "declined", pgettext_lazy("input status", "Declined")

    class Attribution(models.TextChoices):
        NAMED = "named", _("Name our organisation in the report")
        CATEGORY = "category", _("Cite us by our category only")

    organisation = models.ForeignKey(StakeholderOrganisation, on_delete=models.PROTECT, related_name="inputs",
                                     verbose_name=_("organisation"))
    cycle = models.ForeignKey(ReviewCycle, on_delete=models.PROTECT, related_name="stakeholder_inputs",
                              verbose_name=_("cycle"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    round_tables = models.ManyToManyField(RoundTable, blank=True, related_name="+", verbose_name=_("round tables"))
    objectives = models.ManyToManyField(Objective, blank=True, related_name="+", verbose_name=_("objectives"))
    text_ar, text_en = BilingualText.texts(INPUT_TEXT_MAX)
    attribution = models.CharField(_("how the report may cite you"), max_length=10, choices=Attribution.choices,
                                   default=Attribution.NAMED)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("written input")
        verbose_name_plural = _("written inputs")
        constraints = [
            models.CheckConstraint(condition=Q(status="draft") | Q(submitted_at__isnull=False),
                                   name="stakeholder_input_submitted_has_date"),
            models.CheckConstraint(condition=~Q(status="declined") | ~Q(decline_reason=""),
                                   name="stakeholder_input_declined_has_reason"),
        ]

    def __str__(self):
        return self.title or str(self.uid)

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED

    @property
    def is_submitted(self) -> bool:
        """Waiting for the staff's decision."""
        return self.status == self.Status.SUBMITTED

    def text_in(self, language: str) -> dict:
        return text_in(text_ar=self.text_ar, text_en=self.text_en, language=language)


class InputDocument(models.Model):
    """A supporting document of an input: the same kinds and limits as a review's documents."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    stakeholder_input = models.ForeignKey(StakeholderInput, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to="stakeholders/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")

    def __str__(self):
        return self.original_name


class InputMessage(models.Model):
    """One message of an input's thread: a question of the staff, or the organisation's answer."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    stakeholder_input = models.ForeignKey(StakeholderInput, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.stakeholder_input} · {self.created_at:%Y-%m-%d %H:%M}"


class InputQuote(TrackedRow):
    """The passage of an accepted input a round-table chapter quotes under "Stakeholder perspectives": a range
    of sentences (counted from 0, both ends included) of the input's text in its original language, as the
    picker numbers them (reviews.selectors.passages.sentences, the same split as a country highlight)."""

    chapter = models.ForeignKey(SynthesisChapter, on_delete=models.CASCADE, related_name="stakeholder_quotes")
    stakeholder_input = models.ForeignKey(StakeholderInput, on_delete=models.CASCADE, related_name="quotes")
    first_sentence = models.PositiveSmallIntegerField(_("first sentence"), default=0)
    last_sentence = models.PositiveSmallIntegerField(_("last sentence"), default=0)

    class Meta:
        ordering = ["chapter", "created_at", "pk"]
        verbose_name = _("stakeholder quote")
        verbose_name_plural = _("stakeholder quotes")
        constraints = [
            models.UniqueConstraint(fields=["chapter", "stakeholder_input"], name="input_quoted_once_per_chapter"),
            models.CheckConstraint(condition=Q(last_sentence__gte=F("first_sentence")),
                                   name="input_quote_sentence_range_in_order"),
        ]

    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.chapter} · {self.stakeholder_input} [{self.first_sentence}:{self.last_sentence}]"
