"""A review cycle and its guiding template: parts and prompts are data per cycle."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewCycle(models.Model):
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    opens = models.DateField(_("opens"), null=True, blank=True)
    submission_deadline = models.DateField(_("submission deadline"), null=True, blank=True)
    conference = models.DateField(_("regional conference"), null=True, blank=True)
    is_open = models.BooleanField(
        _("open for reviews"), default=False, help_text=_("Country teams can edit their reviews while the cycle is open.")
    )

    class Meta:
        ordering = ["-conference", "-slug"]
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")

    def __str__(self):
        return self.name

    @property
    def days_to_deadline(self) -> int | None:
        if self.submission_deadline is None:
            return None
        return (self.submission_deadline - timezone.localdate()).days


class TemplatePart(models.Model):
    """One of the five parts of the guiding template, as a cycle words it."""

    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="parts", verbose_name=_("cycle"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)

    class Meta:
        ordering = ["cycle", "number"]
        verbose_name = _("template part")
        verbose_name_plural = _("template parts")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="unique_part_number_per_cycle"),
            models.CheckConstraint(condition=models.Q(number__gte=1, number__lte=5), name="part_number_1_to_5"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class GuidingPrompt(models.Model):
    class Scope(models.TextChoices):
        PART = "part", _("once for the part")
        OBJECTIVE = "objective", _("for each objective reported")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    part = models.ForeignKey(TemplatePart, on_delete=models.CASCADE, related_name="prompts", verbose_name=_("part"))
    code = models.CharField(_("code"), max_length=10)
    text = models.TextField(_("question"))
    help_text = models.TextField(_("help text"), blank=True)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.PART)
    is_required = models.BooleanField(_("required"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["part", "position", "code"]
        verbose_name = _("guiding prompt")
        verbose_name_plural = _("guiding prompts")
        constraints = [
            models.UniqueConstraint(fields=["part", "code"], name="unique_prompt_code_per_part"),
        ]

    def __str__(self):
        return f"{self.code} {self.text}"
