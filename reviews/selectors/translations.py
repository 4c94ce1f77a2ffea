"""Answers for the translation workspace, filtered by country, part and status."""

from django.db.models import F, Q, QuerySet

from reviews.models import Answer, Language, Review, TranslationStatus
from reviews.selectors.countries import by_country_name
from reviews.selectors.visibility import reviews_visible_to


def answers_for_translation(*, user, cycle, country_iso2: str = "", part_number: int | None = None,
                            status: str = "") -> QuerySet[Answer]:
    """Answered prompts of the reviews the user sees in the cycle, with the filters applied."""
    answers = (
        Answer.objects.filter(review__in=reviews_visible_to(user).filter(cycle=cycle))
        .exclude(text_ar="", text_en="")
        .select_related("review__country", "prompt__part", "objective", "updated_by", "translation_verified_by")
        # The part's own answers before those per objective, as in the template: PostgreSQL would put
        # the NULL objective last, SQLite first.
        .order_by("review__country__iso2", "prompt__part__number", F("objective__number").asc(nulls_first=True),
                  "prompt__position")
    )
    if country_iso2:
        answers = answers.filter(review__country__iso2=country_iso2.upper())
    if part_number:
        answers = answers.filter(prompt__part__number=part_number)
    missing_translation = (Q(original_language=Language.AR) & Q(text_en="")) | (
        Q(original_language=Language.EN) & Q(text_ar="")
    )
    if status == TranslationStatus.NEEDED:
        answers = answers.filter(missing_translation)
    elif status == TranslationStatus.DRAFT:
        answers = answers.exclude(missing_translation).filter(translation_verified_at__isnull=True)
    elif status == TranslationStatus.VERIFIED:
        answers = answers.exclude(missing_translation).filter(translation_verified_at__isnull=False)
    return answers


def translation_country_reviews(*, user, cycle) -> list[Review]:
    """The reviews of the cycle the user sees, with their country: the country filter's choices."""
    return by_country_name(reviews_visible_to(user).filter(cycle=cycle).select_related("country"),
                           lambda review: review.country)
