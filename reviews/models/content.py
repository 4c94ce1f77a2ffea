"""What a country team writes in its review: narrative answers and the structured tables.

Every editable row carries a `version` for optimistic locking: a save names the version it
started from, and is refused when somebody saved in between (see services/answers.py).
Every row records who changed it last and when.
"""

import uuid
from typing import TypedDict

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.models.cycles import GuidingPrompt, TemplatePart
from reviews.models.reference import (
    GoodPracticeCriterion,
    GuidingPrinciple,
    Objective,
    PracticeType,
    SdgTarget,
    StakeholderCategory,
    SuggestedIndicator,
)
from reviews.models.review import Review

TEXT_MAX = 20_000  # about eight pages: the longest answer a template prompt needs
LINE_MAX = 300


class Language(models.TextChoices):
    AR = "ar", _("Arabic")
    EN = "en", _("English")


class TranslationStatus(models.TextChoices):
    """The status of an answer's translation; the original text is always "original"."""

    NEEDED = "needed", _("Needs translation")
    DRAFT = "draft", pgettext_lazy("translation status", "Draft translation")
    VERIFIED = "verified", _("Verified")


class TrackedRow(models.Model):
    """Columns every editable row shares: opaque id, version for optimistic locking, last change."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        abstract = True


class ShownText(TypedDict):
    """A bilingual text as one page or edition shows it: in that language, or in the other one with
    `only_in` set, so a missing translation is said, never silently dropped. A plain dict: templates
    and the PDF data read it alike."""

    text: str
    lang: str
    only_in: str | None  # "ar" or "en" when the wanted language has no text


def text_in(*, text_ar: str, text_en: str, language: str) -> ShownText:
    """The text in `language`, or the other language's text marked "only in"; works on stored
    snapshots (plain dicts) as well as on rows."""
    texts = {Language.AR: (text_ar or "").strip(), Language.EN: (text_en or "").strip()}
    if texts[language]:
        return ShownText(text=texts[language], lang=language, only_in=None)
    other = Language.EN if language == Language.AR else Language.AR
    if texts[other]:
        return ShownText(text=texts[other], lang=other, only_in=other)
    return ShownText(text="", lang=language, only_in=None)


def shown_html(shown: ShownText, *, page_language: str) -> str:
    """A short shown text (a name, a title) as escaped HTML: marked with its `lang` and `dir` when it is not in
    the page's language (an English name on an Arabic page), plain otherwise."""
    if not shown["text"] or shown["lang"] == page_language:
        return conditional_escape(shown["text"])
    return format_html('<span lang="{}" dir="{}">{}</span>', shown["lang"], "rtl" if shown["lang"] == "ar" else "ltr",
                       shown["text"])


def original_language_of(*, original_language: str | None, text_ar: str, text_en: str) -> str:
    """The language chosen, or by default the first language written (Arabic when both or neither)."""
    if original_language in Language.values:
        return original_language
    return Language.EN if text_en.strip() and not text_ar.strip() else Language.AR


class BilingualText(TrackedRow):
    """A text kept in Arabic and English with its original language (answers, synthesis texts).

    The translation is the text in the language other than the original; a person verifies it, and
    any change to either text clears the mark (services/versioned.py). Its status is derived.
    Each subclass adds the two texts with its own length: `text_ar, text_en = BilingualText.texts(N)`.
    """

    original_language = models.CharField(
        _("original language"), max_length=2, choices=Language.choices, default=Language.AR
    )
    translation_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    translation_verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @staticmethod
    def texts(max_length: int) -> tuple[models.TextField, models.TextField]:
        """The Arabic and English text fields, as long as the subclass allows."""
        return (models.TextField(_("Arabic text"), blank=True, max_length=max_length),
                models.TextField(_("English text"), blank=True, max_length=max_length))

    @property
    def is_written(self) -> bool:
        return bool(self.text_ar.strip() or self.text_en.strip())

    @property
    def translation_text(self) -> str:
        return self.text_en if self.original_language == Language.AR else self.text_ar

    @property
    def translation_status(self) -> str:
        if not self.translation_text.strip():
            return TranslationStatus.NEEDED
        if self.translation_verified_at:
            return TranslationStatus.VERIFIED
        return TranslationStatus.DRAFT

    def get_translation_status_display(self) -> str:
        return TranslationStatus(self.translation_status).label

    def text_in(self, language: str) -> ShownText:
        return text_in(text_ar=self.text_ar, text_en=self.text_en, language=language)


class Answer(BilingualText):
    """The answer to one guiding prompt, for the part or for one objective, in both languages."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="answers")
    prompt = models.ForeignKey(GuidingPrompt, on_delete=models.PROTECT, related_name="answers")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    text_ar, text_en = BilingualText.texts(TEXT_MAX)
    # Copied from the previous cycle's review when the review was started from it: shown as "carried over
    # from 2024, not yet updated" until someone edits or confirms it (services/carry_over.py).
    carried_over_from = models.ForeignKey(
        "reviews.ReviewCycle", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("carried over from"),
    )

    class Meta:
        ordering = ["prompt__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "prompt"], condition=Q(objective__isnull=True), name="one_part_answer_per_prompt"
            ),
            models.UniqueConstraint(
                fields=["review", "prompt", "objective"], condition=Q(objective__isnull=False),
                name="one_objective_answer_per_prompt",
            ),
        ]

    def __str__(self):
        return f"{self.review} {self.prompt.code}"

    @property
    def is_answered(self) -> bool:
        return self.is_written


class ReviewObjective(TrackedRow):
    """An objective the country reports on, with its stage and the lists the report compiles."""

    class Stage(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        ADVANCED = "advanced", _("Advanced")
        ACHIEVED = "achieved", _("Achieved")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="review_objectives")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="review_objectives")
    is_reported = models.BooleanField(_("reported"), default=True)
    is_priority = models.BooleanField(_("national priority"), default=False)
    stage = models.CharField(_("implementation stage"), max_length=20, choices=Stage.choices, blank=True)
    principles = models.ManyToManyField(GuidingPrinciple, blank=True, verbose_name=_("guiding principles applied"))
    sdg_targets = models.ManyToManyField(SdgTarget, blank=True, verbose_name=_("SDG targets"))
    partners = models.ManyToManyField(StakeholderCategory, blank=True, verbose_name=_("partners"))

    class Meta:
        ordering = ["objective__number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "objective"], name="objective_once_per_review"),
        ]

    def __str__(self):
        return f"{self.review} – {self.objective}"


class GovernmentEntity(TrackedRow):
    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        LOCAL = "local", _("Local")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="entities")
    name = models.CharField(_("entity"), max_length=LINE_MAX)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.NATIONAL)
    role = models.CharField(_("role in the review"), max_length=LINE_MAX, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("government entity")


class Consultation(TrackedRow):
    class Format(models.TextChoices):
        MEETING = "meeting", _("Meeting or workshop")
        ONLINE = "online", _("Online consultation")
        SURVEY = "survey", _("Survey")
        WRITTEN = "written", _("Written contributions")
        OTHER = "other", pgettext_lazy("format", "Other")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="consultations")
    held_on = models.DateField(_("date"))
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    categories = models.ManyToManyField(StakeholderCategory, blank=True, verbose_name=_("stakeholder categories"))
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True, max_length=4000)

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("consultation")


class Attachment(models.Model):
    """A supporting document: PDF, DOCX or XLSX, checked by content on upload."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="attachments/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    description = models.CharField(_("description"), max_length=LINE_MAX, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("attachment")

    def __str__(self):
        return self.original_name


class Policy(TrackedRow):
    class Kind(models.TextChoices):
        LAW = "law", _("Law")
        REGULATION = "regulation", _("Regulation or decree")
        POLICY = "policy", _("Policy")
        STRATEGY = "strategy", _("Strategy or plan")
        AGREEMENT = "agreement", _("Agreement")

    class Status(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        DRAFT = "draft", pgettext_lazy("policy status", "Draft")
        UNDER_REVISION = "under_revision", _("Under revision")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="policies")
    title = models.CharField(_("title"), max_length=LINE_MAX)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1945)])
    status = models.CharField(pgettext_lazy("policy", "status"), max_length=16, choices=Status.choices)
    objectives = models.ManyToManyField(Objective, blank=True, verbose_name=_("objectives addressed"))
    link = models.URLField(_("link"), blank=True, max_length=500)
    attachment = models.ForeignKey(
        Attachment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("attachment")
    )

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("policy, law or strategy")


class GoodPractice(TrackedRow):
    review_objective = models.ForeignKey(ReviewObjective, on_delete=models.CASCADE, related_name="practices")
    title = models.CharField(_("title"), max_length=LINE_MAX)
    kind = models.ForeignKey(PracticeType, on_delete=models.PROTECT, verbose_name=_("kind"))
    description = models.TextField(_("description"), max_length=6000)
    criteria = models.ManyToManyField(GoodPracticeCriterion, blank=True, verbose_name=_("criteria met"))
    period = models.CharField(_("period"), max_length=60, blank=True, help_text=_("For example 2019–2023."))
    partners = models.ManyToManyField(StakeholderCategory, blank=True, verbose_name=_("partners"))
    link = models.URLField(_("link"), blank=True, max_length=500)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("good practice")


class Indicator(TrackedRow):
    review_objective = models.ForeignKey(ReviewObjective, on_delete=models.CASCADE, related_name="indicators")
    suggested = models.ForeignKey(
        SuggestedIndicator, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("suggested indicator")
    )
    name = models.CharField(_("indicator name"), max_length=LINE_MAX, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline_value = models.DecimalField(_("baseline value"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True,
                                                     validators=[MinValueValidator(1945), MaxValueValidator(2100)])
    latest_value = models.DecimalField(_("latest value"), max_digits=14, decimal_places=2, null=True, blank=True)
    latest_year = models.PositiveSmallIntegerField(_("latest year"), null=True, blank=True,
                                                   validators=[MinValueValidator(1945), MaxValueValidator(2100)])
    source = models.CharField(_("source"), max_length=LINE_MAX, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        constraints = [
            models.CheckConstraint(
                condition=Q(suggested__isnull=False) | ~Q(name=""), name="indicator_has_code_or_name"
            ),
        ]

    @property
    def label(self) -> str:
        return self.name or (self.suggested.name if self.suggested_id else "")


class PlannedAction(TrackedRow):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="planned_actions")
    part_number = models.PositiveSmallIntegerField(_("part"), default=5)
    action = models.CharField(_("action"), max_length=LINE_MAX * 2)
    objectives = models.ManyToManyField(Objective, blank=True, verbose_name=_("objectives"))
    lead_entity = models.CharField(_("lead entity"), max_length=LINE_MAX, blank=True)
    timeframe = models.CharField(_("timeframe"), max_length=60, blank=True)
    support_needed = models.CharField(_("support needed"), max_length=LINE_MAX * 2, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("planned action")
        constraints = [
            models.CheckConstraint(condition=Q(part_number__in=[4, 5]), name="planned_action_in_part_4_or_5"),
        ]


class Assignment(models.Model):
    """A contributor may edit a whole part, or one objective of part 3."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="assignments")
    contributor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    part = models.ForeignKey(TemplatePart, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(part__isnull=False, objective__isnull=True) | Q(part__isnull=True, objective__isnull=False),
                name="assignment_is_part_or_objective",
            ),
            models.UniqueConstraint(fields=["review", "contributor", "part"], condition=Q(part__isnull=False),
                                    name="assign_part_once"),
            models.UniqueConstraint(fields=["review", "contributor", "objective"],
                                    condition=Q(objective__isnull=False), name="assign_objective_once"),
        ]


class ReviewVersion(models.Model):
    """An immutable snapshot of the whole review, taken at each submission."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    is_late = models.BooleanField(default=False)

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="version_number_once_per_review"),
        ]
