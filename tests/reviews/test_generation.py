"""Each review's generation: counted by the database on every write to what belongs to the review."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from reviews.models import (
    Answer,
    GoodPractice,
    GovernmentEntity,
    Objective,
    Review,
    ReviewGeneration,
    ReviewObjective,
    StakeholderCategory,
)
from tests import factories

pytestmark = pytest.mark.django_db
COUNTED = importlib.import_module("reviews.migrations.0019_review_generation").COUNTED

# Tables that name a review but are not part of it, with why its pages need not move with them.
NOT_COUNTED = {
    "reviews_notification": "a user's notice about the review, shown only in that user's list",
    "reviews_countryhighlight": "the regional synthesis, written by regional staff about the review",
    "reviews_chaptercitation": "the regional synthesis",
    "reviews_synthesischapter_featured_practices": "the regional synthesis",
    "reviews_generatedreport": "a PDF built from the review, with its own data version",
    "reviews_download": "who downloaded a PDF",
    "reviews_searchdocument": "derived from the texts for search",
}


def _generation(review) -> int:
    return ReviewGeneration.objects.filter(review=review).values_list("changes", flat=True).first() or 0


def _tables_naming_a_review() -> set[str]:
    """Every table with a row that leads to a review in at most two steps (a practice's criteria: practice,
    reported objective, review)."""
    def leads(model, steps):
        if model is Review:
            return True
        return steps > 0 and any(field.many_to_one and field.concrete and field.related_model is not None and leads(field.related_model, steps - 1)
                                 for field in model._meta.get_fields())
    return {model._meta.db_table for model in apps.get_models(include_auto_created=True)
            if model is Review or leads(model, 3)}


def test_every_table_of_a_review_is_counted_or_said_why_not():
    assert _tables_naming_a_review() - set(NOT_COUNTED) <= set(COUNTED)
    assert set(COUNTED) <= _tables_naming_a_review()
    assert not set(COUNTED) & set(NOT_COUNTED)


def test_every_counted_table_has_its_triggers():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT DISTINCT event_object_table FROM information_schema.triggers "
                           "WHERE trigger_name LIKE '%%_generation'")
        else:
            cursor.execute("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                           "AND name LIKE '%_generation_%'")
        assert {row[0] for row in cursor.fetchall()} == set(COUNTED)


def test_insert_update_and_delete_each_move_only_their_reviews_generation(reference, cycle, egypt, morocco):
    review = factories.ReviewFactory(cycle=cycle, country=egypt)
    other = factories.ReviewFactory(cycle=cycle, country=morocco)
    start, other_start = _generation(review), _generation(other)

    entity = factories.GovernmentEntityFactory(review=review)
    inserted = _generation(review)
    GovernmentEntity.objects.filter(pk=entity.pk).update(name="Another name")  # no save(), no signal
    updated = _generation(review)
    entity.delete()

    assert start < inserted < updated < _generation(review)
    assert _generation(other) == other_start


def test_rows_through_another_row_and_their_links_move_the_review(reference, cycle, egypt):
    review = factories.ReviewFactory(cycle=cycle, country=egypt)
    reported = factories.ReviewObjectiveFactory(review=review, objective=Objective.objects.get(number=6))
    practice = factories.GoodPracticeFactory(review_objective=reported)
    before = _generation(review)

    practice.partners.add(StakeholderCategory.objects.first())
    linked = _generation(review)
    GoodPractice.objects.filter(pk=practice.pk).update(title="Renamed")
    renamed = _generation(review)
    ReviewObjective.objects.filter(pk=reported.pk).delete()  # the cascade takes the practice and its links

    assert before < linked < renamed < _generation(review)
    assert not GoodPractice.objects.filter(pk=practice.pk).exists()


def test_a_review_status_written_without_save_moves_it(reference, cycle, egypt):
    review = factories.ReviewFactory(cycle=cycle, country=egypt)
    answer = factories.AnswerFactory(review=review)
    before = _generation(review)

    Review.objects.filter(pk=review.pk).update(status=Review.Status.SUBMITTED)
    submitted = _generation(review)
    Answer.objects.filter(pk=answer.pk).update(text_en="Changed")

    assert before < submitted < _generation(review)
