"""One country's earlier review brought in from a filled Word template into a closed cycle."""

import pytest

from reviews.models import Answer, Review, ReviewCycle, ReviewObjective
from reviews.services.errors import DomainError
from reviews.word.past_import import past_review_import_docx
from tests.reviews.word.filling import blank_template, find_heading, open_docx, save_docx, type_under

pytestmark = pytest.mark.django_db


def _filled(cycle) -> bytes:
    document = open_docx(blank_template(cycle, "en"))
    type_under(document, find_heading(document, "1.1"), "The 2024 review was drafted by an inter-ministerial team.")
    type_under(document, find_heading(document, "3.a", after="objective 5"), "A pilot in two governorates.")
    return save_docx(document)


def test_a_filled_template_becomes_the_countrys_imported_review_of_a_closed_cycle(organiser, focal_point, egypt):
    cycle = ReviewCycle.objects.get(slug="arab-2024")

    review, plan = past_review_import_docx(cycle=cycle, country=egypt, content=_filled(cycle), user=organiser,
                                           source="egypt-2024.docx")

    review.refresh_from_db()
    cycle.refresh_from_db()
    assert (cycle.is_open, review.status, review.imported_from) == (False, Review.Status.ACCEPTED, "egypt-2024.docx")
    assert Answer.objects.get(review=review, prompt__code="1.1").text_en == (
        "The 2024 review was drafted by an inter-ministerial team.")
    assert list(ReviewObjective.objects.filter(review=review).values_list("objective__number", flat=True)) == [5]
    assert review.versions.count() == 1


def test_a_word_file_is_not_imported_over_an_existing_review(organiser, focal_point, egypt, english):
    cycle = ReviewCycle.objects.get(slug="arab-2024")
    past_review_import_docx(cycle=cycle, country=egypt, content=_filled(cycle), user=organiser, source="a.docx")

    with pytest.raises(DomainError) as error:
        past_review_import_docx(cycle=cycle, country=egypt, content=_filled(cycle), user=organiser, source="b.docx")

    assert error.value.message == ("The cycle arab-2024 already has a review of Egypt: it is never replaced. Nothing "
                                   "was imported.")
