import json

import pytest

from reviews.exports import export_json_bytes
from reviews.models import Answer, Review, ReviewCycle, ReviewObjective, ReviewVersion
from reviews.selectors.exports import export_json
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.past_reviews import cycle_reviews_import
from reviews.services.workflow import review_reopen
from tests.reviews.past import past_export, past_review_import

pytestmark = pytest.mark.django_db

BOOKKEEPING = {"updated_by", "updated_at", "generated_at"}


def _comparable(data: dict) -> dict:
    """An export without who wrote each row and when (the importer writes them), nor its date."""
    return {name: [{key: value for key, value in row.items() if key not in BOOKKEEPING} for row in rows]
            for name, rows in data.items() if isinstance(rows, list)}


def test_cycle_reviews_import_marks_the_reviews_imported_accepted_and_read_only(organiser, egypt):
    review = past_review_import(organiser)

    review.refresh_from_db()
    assert (review.status, review.imported_from, review.is_editable_by_country) == (
        Review.Status.ACCEPTED, "Test export", False)
    assert review.first_submitted_at is not None
    assert ReviewVersion.objects.filter(review=review).count() == 1
    assert sorted(ReviewObjective.objects.filter(review=review).values_list("objective__number", "stage")) == [
        (1, "planned"), (2, "planned")]
    assert Answer.objects.filter(review=review).count() == 3


def test_json_export_then_import_into_a_fresh_database_state_gives_the_same_export(organiser, egypt, morocco):
    """The round trip: a cycle exported, the database emptied of its reviews, the file imported again."""
    past_review_import(organiser, "EG")
    past_review_import(organiser, "MA", stage="under_way", objectives=(5, 6, 7), priorities=(6,))
    cycle = ReviewCycle.objects.get(slug="arab-2024")
    exported = export_json_bytes(export_json(user=organiser, cycle=cycle))
    first = _comparable(export_json(user=organiser, cycle=cycle))
    for review in Review.objects.filter(cycle=cycle):
        review.versions.all().delete()
        review.delete()
    assert Review.objects.filter(cycle=cycle).count() == 0

    cycle_reviews_import(cycle=cycle, data=json.loads(exported), user=organiser, source="gcm-arab-2024.json")

    assert _comparable(export_json(user=organiser, cycle=cycle)) == first


def test_cycle_reviews_import_refuses_an_open_cycle_and_a_country_already_there(organiser, egypt, open_cycle,
                                                                                english):
    with pytest.raises(DomainError) as error:
        cycle_reviews_import(cycle=open_cycle, data=past_export(), user=organiser, source="x")
    assert error.value.message == ("The cycle arab-2028 is open: reviews are brought in only into a closed cycle, "
                                   "where nobody writes any more. Nothing was imported.")
    past_review_import(organiser)
    with pytest.raises(DomainError) as error:
        past_review_import(organiser)
    assert error.value.message == ("The cycle arab-2024 already has a review of Egypt: it is never replaced. Nothing "
                                   "was imported.")


def test_cycle_reviews_import_refuses_bad_data_and_writes_nothing(organiser, egypt, english):
    data = past_export()
    data["objectives_reported"][0]["stage"] = "finished"
    data["answers"][0]["prompt"] = "9.9"

    with pytest.raises(DomainError) as error:
        cycle_reviews_import(cycle=ReviewCycle.objects.get(slug="arab-2024"), data=data, user=organiser, source="x")

    assert error.value.message.startswith("Nothing was imported: the data has 2 problem(s).") is True
    assert "question 9.9 of part 1 is not in this cycle's template." in error.value.message
    assert Review.objects.count() == 0


def test_cycle_reviews_import_is_for_organisers_only(focal_point, egypt):
    with pytest.raises(NotAllowed):
        cycle_reviews_import(cycle=ReviewCycle.objects.get(slug="arab-2024"), data=past_export(), user=focal_point,
                             source="x")


def test_an_imported_review_cannot_be_reopened(organiser, egypt, english):
    review = past_review_import(organiser)

    with pytest.raises(DomainError) as error:
        review_reopen(review=review, organiser=organiser, reason="Check it again.")
    assert error.value.message == "This review was brought in from an earlier cycle's records: it is read-only."
