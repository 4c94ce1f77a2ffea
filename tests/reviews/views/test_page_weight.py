"""How much HTML an editable page weighs (issue 16): a table's rows are text, so each row adds its words and a
few links, not a form with its lists of choices."""

import pytest

from reviews.models import Consultation, StakeholderCategory
from tests import factories

pytestmark = pytest.mark.django_db

ROW_CEILING = 1_700  # bytes a consultation row may add to part 1, in Arabic (its own text excluded)


def _part_1(client, review, language="ar") -> bytes:
    return client.get(f"/{language}/reviews/{review.uid}/parts/1/").content


def test_each_row_adds_its_text_and_links_not_a_form(client, review, focal_point, reference):
    client.force_login(focal_point)
    categories = list(StakeholderCategory.objects.all())
    empty = len(_part_1(client, review))
    rows = []
    for number in range(10):
        row = factories.ConsultationFactory(review=review, participants=40 + number, summary=f"ورشة {number}",
                                            updated_by=focal_point)
        row.categories.set(categories[:4])
        rows.append(row)

    page = _part_1(client, review)

    text = sum(len(row.summary.encode()) for row in rows)
    assert (len(page) - empty - text) / len(rows) < ROW_CEILING
    assert page.count(b'class="row-form') == 0  # no form per row, and "Add a row" is a link until used
    assert page.count(b'type="checkbox"') == 0
    adding = client.get(f"/ar/reviews/{review.uid}/parts/1/?add=consultations").content
    assert adding.count(b'type="checkbox"') == len(categories)  # the new consultation's boxes, once
    assert Consultation.objects.filter(review=review).count() == 10


def test_an_editable_part_page_of_a_full_review_stays_under_50_kb_in_english(client, review, focal_point,
                                                                            reference):
    client.force_login(focal_point)
    for number in range(6):
        factories.GovernmentEntityFactory(review=review, name=f"Ministry {number}", updated_by=focal_point)
        factories.ConsultationFactory(review=review, summary="Workshop on parts one to three.",
                                      updated_by=focal_point)

    assert len(_part_1(client, review, "en")) < 50_000
