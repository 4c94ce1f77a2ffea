"""The regional synthesis: the report's own text, written by the regional staff chapter by chapter.

Texts are stored in both languages side by side, like a country's answers (not through
modeltranslation): each has an original language and a translation a person verifies.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reviews.models.content import BilingualText, GoodPractice, TrackedRow
from reviews.models.cycles import ReviewCycle
from reviews.models.reference import Objective, RoundTable
from reviews.models.review import Review

SYNTHESIS_TEXT_MAX = 50_000  # a chapter of the regional report runs to about twenty pages
KEY_MESSAGE_MAX = 1_500  # a key message is a short paragraph: a few sentences the conference can quote


class SynthesisText(BilingualText):
    """A text of the report in Arabic and English, with the same translation status as an answer."""

    text_ar, text_en = BilingualText.texts(SYNTHESIS_TEXT_MAX)

    class Meta:
        abstract = True


class SynthesisChapter(SynthesisText):
    """One chapter of the regional report; round tables get one chapter each."""

    class Kind(models.TextChoices):
        KEY_MESSAGES = "key_messages", _("Key messages")
        EXECUTIVE_SUMMARY = "executive_summary", _("Executive summary")
        INTRODUCTION = "introduction", _("Introduction")
        METHODOLOGY = "methodology", _("The regional review process")
        POLICY = "policy", _("Policy and enabling environment")
        ROUND_TABLE = "round_table", _("Round table")
        MEANS = "means", _("Means of implementation")
        NEXT_STEPS = "next_steps", _("Next steps")
        CONCLUSIONS = "conclusions", _("Conclusions and recommendations")

    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="synthesis_chapters",
                              verbose_name=_("cycle"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    round_table = models.ForeignKey(RoundTable, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="synthesis_chapters", verbose_name=_("round table"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_ar = models.CharField(_("Arabic title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=300)
    featured_practices = models.ManyToManyField(GoodPractice, blank=True, related_name="synthesis_chapters",
                                                verbose_name=_("featured good practices"))

    class Meta:
        ordering = ["cycle", "position", "pk"]
        verbose_name = _("synthesis chapter")
        verbose_name_plural = _("synthesis chapters")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "kind"], condition=~Q(kind="round_table"),
                                    name="synthesis_chapter_kind_once_per_cycle"),
            models.UniqueConstraint(fields=["cycle", "round_table"], condition=Q(kind="round_table"),
                                    name="synthesis_round_table_once_per_cycle"),
            models.CheckConstraint(
                condition=Q(kind="round_table", round_table__isnull=False)
                | (~Q(kind="round_table") & Q(round_table__isnull=True)),
                name="synthesis_round_table_chapter_has_round_table",
            ),
        ]

    def __str__(self):
        return f"{self.cycle.slug}: {self.title_en}"

    @property
    def title(self) -> str:
        """The title in the active language."""
        return self.title_ar if (get_language() or "").startswith("ar") else self.title_en

    @property
    def is_round_table(self) -> bool:
        return self.kind == self.Kind.ROUND_TABLE


class ObjectiveSynthesis(SynthesisText):
    """What the region did on one objective: a section of its round table's chapter."""

    chapter = models.ForeignKey(SynthesisChapter, on_delete=models.CASCADE, related_name="objective_syntheses")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["chapter", "objective__number"]
        verbose_name = _("objective synthesis")
        verbose_name_plural = _("objective syntheses")
        constraints = [
            models.UniqueConstraint(fields=["chapter", "objective"], name="synthesis_objective_once_per_chapter"),
        ]

    def __str__(self):
        return f"{self.chapter} – {self.objective}"


class KeyMessage(BilingualText):
    """One of the report's key messages, numbered by its place in the key-messages chapter's list, and
    optionally tied to the objectives it speaks of."""

    chapter = models.ForeignKey(SynthesisChapter, on_delete=models.CASCADE, related_name="key_messages")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    objectives = models.ManyToManyField(Objective, blank=True, related_name="+", verbose_name=_("objectives"))
    text_ar, text_en = BilingualText.texts(KEY_MESSAGE_MAX)

    class Meta:
        ordering = ["chapter", "position", "pk"]
        verbose_name = _("key message")
        verbose_name_plural = _("key messages")

    def __str__(self):
        return f"{self.chapter.cycle.slug}: {self.position}"


class CountryHighlight(TrackedRow):
    """The passage of a country's answer its objective's section quotes, when a reviewer chose one: a range
    of sentences (counted from 0, both ends included) of the answer to `prompt_code`. Without a row the
    report quotes the first sentence of the answer to the objective's first prompt (report/passages.py)."""

    section = models.ForeignKey(ObjectiveSynthesis, on_delete=models.CASCADE, related_name="highlights")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="synthesis_highlights")
    prompt_code = models.CharField(_("question"), max_length=10)
    first_sentence = models.PositiveSmallIntegerField(_("first sentence"), default=0)
    last_sentence = models.PositiveSmallIntegerField(_("last sentence"), default=0)

    class Meta:
        ordering = ["section", "review__country__iso2"]
        verbose_name = _("country highlight")
        verbose_name_plural = _("country highlights")
        constraints = [
            models.UniqueConstraint(fields=["section", "review"], name="highlight_once_per_country_and_objective"),
            models.CheckConstraint(condition=Q(last_sentence__gte=F("first_sentence")),
                                   name="highlight_sentence_range_in_order"),
        ]

    def __str__(self):
        return f"{self.section} {self.review.country.iso2} {self.prompt_code}[{self.first_sentence}:{self.last_sentence}]"


class ChapterCitation(models.Model):
    """A chapter cites a country's answer: the review, the prompt's code and, for part 3, the objective."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    chapter = models.ForeignKey(SynthesisChapter, on_delete=models.CASCADE, related_name="citations")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="synthesis_citations")
    prompt_code = models.CharField(_("question"), max_length=10)
    objective_number = models.PositiveSmallIntegerField(_("objective"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("citation")
        constraints = [
            models.UniqueConstraint(fields=["chapter", "review", "prompt_code"],
                                    condition=Q(objective_number__isnull=True), name="cite_part_answer_once"),
            models.UniqueConstraint(fields=["chapter", "review", "prompt_code", "objective_number"],
                                    condition=Q(objective_number__isnull=False), name="cite_objective_answer_once"),
            models.CheckConstraint(
                condition=Q(objective_number__isnull=True) | Q(objective_number__gte=1, objective_number__lte=23),
                name="citation_objective_number_1_to_23",
            ),
        ]

    def __str__(self):
        suffix = f" o{self.objective_number}" if self.objective_number else ""
        return f"{self.review.country.iso2} {self.prompt_code}{suffix}"


class SynthesisChange(models.Model):
    """The synthesis's audit trail, field by field. ChangeLog needs a country review; the report has none."""

    chapter = models.ForeignKey(SynthesisChapter, on_delete=models.CASCADE, related_name="changes")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    field = models.CharField(max_length=60)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["chapter", "-created_at"])]
