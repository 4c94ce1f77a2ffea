from modeltranslation.translator import TranslationOptions, register

from reviews import models


@register([models.Country, models.GuidingPrinciple, models.StakeholderCategory, models.PracticeType,
           models.GoodPracticeCriterion])
class NameTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "acronym")


@register(models.RoundTable)
class RoundTableTranslation(TranslationOptions):
    fields = ("title",)


@register(models.Objective)
class ObjectiveTranslation(TranslationOptions):
    fields = ("title", "short_label")


@register(models.SdgTarget)
class SdgTargetTranslation(TranslationOptions):
    fields = ("label",)


@register(models.SuggestedIndicator)
class SuggestedIndicatorTranslation(TranslationOptions):
    fields = ("name",)


@register(models.ReviewCycle)
class ReviewCycleTranslation(TranslationOptions):
    fields = ("name",)


@register(models.TemplatePart)
class TemplatePartTranslation(TranslationOptions):
    fields = ("title", "introduction")


@register(models.GuidingPrompt)
class GuidingPromptTranslation(TranslationOptions):
    fields = ("text", "help_text")
