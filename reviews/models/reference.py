"""Reference data of the GCM and the regional review: lists that organisers can edit.

Text fields are translated with django-modeltranslation (see reviews/translation.py):
each gets `_ar` and `_en` columns, and the plain attribute reads the active language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    iso2 = models.CharField(_("ISO code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """One of the bodies that coordinate the regional review (ESCWA, IOM, LAS)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=60)

    class Meta:
        ordering = ["code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.acronym or self.name


class RoundTable(models.Model):
    """The regional conference groups the 23 objectives into four round tables."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        ordering = ["number"]
        verbose_name = _("round table")
        verbose_name_plural = _("round tables")

    def __str__(self):
        return self.title


class Objective(models.Model):
    class TitleSource(models.TextChoices):
        SEED = "seed", _("from the seed documents")
        WORKING = "working", _("working translation")

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    short_label = models.CharField(_("short label"), max_length=80)
    round_table = models.ForeignKey(
        RoundTable, on_delete=models.PROTECT, related_name="objectives", verbose_name=_("round table")
    )
    title_ar_source = models.CharField(
        _("source of the Arabic title"), max_length=10, choices=TitleSource.choices, default=TitleSource.WORKING
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=23), name="objective_number_1_to_23"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.short_label}"


class CodedItem(models.Model):
    """A named entry of a short reference list, identified by a stable code."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self):
        return self.name


class GuidingPrinciple(CodedItem):
    class Meta(CodedItem.Meta):
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")


class StakeholderCategory(CodedItem):
    class Meta(CodedItem.Meta):
        verbose_name = _("stakeholder category")
        verbose_name_plural = _("stakeholder categories")


class PracticeType(CodedItem):
    class Meta(CodedItem.Meta):
        verbose_name = _("practice type")
        verbose_name_plural = _("practice types")


class GoodPracticeCriterion(CodedItem):
    class Meta(CodedItem.Meta):
        verbose_name = _("good-practice criterion")
        verbose_name_plural = _("good-practice criteria")


class SdgTarget(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    label = models.CharField(_("label"), max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self):
        # The code is isolated left-to-right so "10.c" never reads "c.10" inside Arabic text.
        return f"\u2066{self.code}\u2069 {self.label}"


class SuggestedIndicator(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=400)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    objectives = models.ManyToManyField(
        Objective, related_name="suggested_indicators", blank=True, verbose_name=_("objectives")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("suggested indicator")
        verbose_name_plural = _("suggested indicators")

    def __str__(self):
        return f"\u2066{self.code}\u2069 {self.name}"
