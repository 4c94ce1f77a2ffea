from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from reviews import models
from reviews.services.synthesis import synthesis_chapters_ensure


@admin.register(models.Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["iso2", "name_ar", "name_en"]
    search_fields = ["iso2", "name_ar", "name_en"]


@admin.register(models.Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["code", "acronym_en", "name_ar", "name_en"]


@admin.register(models.RoundTable)
class RoundTableAdmin(TranslationAdmin):
    list_display = ["number", "title_ar", "title_en"]


@admin.register(models.Objective)
class ObjectiveAdmin(TranslationAdmin):
    list_display = ["number", "short_label_ar", "short_label_en", "round_table", "title_ar_source"]
    list_filter = ["round_table", "title_ar_source"]
    search_fields = ["title_ar", "title_en"]


@admin.register(
    models.GuidingPrinciple, models.StakeholderCategory, models.PracticeType, models.GoodPracticeCriterion
)
class CodedItemAdmin(TranslationAdmin):
    list_display = ["code", "name_ar", "name_en", "position"]
    list_editable = ["position"]


@admin.register(models.SdgTarget)
class SdgTargetAdmin(TranslationAdmin):
    list_display = ["code", "label_ar", "label_en"]


@admin.register(models.SuggestedIndicator)
class SuggestedIndicatorAdmin(TranslationAdmin):
    list_display = ["code", "name_ar", "name_en", "unit"]
    filter_horizontal = ["objectives"]


class GuidingPromptInline(TranslationTabularInline):
    model = models.GuidingPrompt
    extra = 0
    fields = ["code", "text_ar", "text_en", "help_text_ar", "help_text_en", "scope", "is_required", "position"]


@admin.register(models.TemplatePart)
class TemplatePartAdmin(TranslationAdmin):
    list_display = ["cycle", "number", "title_ar", "title_en"]
    list_filter = ["cycle"]
    inlines = [GuidingPromptInline]


@admin.register(models.ReviewCycle)
class ReviewCycleAdmin(TranslationAdmin):
    list_display = ["slug", "name_ar", "opens", "submission_deadline", "conference", "is_open"]
    prepopulated_fields = {"slug": ["name_en"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:  # a cycle has its synthesis chapters from the start: reading them never writes
            synthesis_chapters_ensure(cycle=obj)
