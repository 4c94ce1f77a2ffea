"""How much HTML an editable page weighs (issue 16): a table's rows are text, so each row adds its words and a
few links, not a form with its lists of choices."""

import re

import pytest

from reviews.models import Consultation, GuidingPrompt, Objective, StakeholderCategory
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


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_editable_objective_page_of_a_full_review_stays_under_50_kb(client, review, focal_point, reference,
                                                                      language):
    """Every objective reported (the navigation lists 23), and objective 6 with its answers, practices and
    indicators: its SDG targets, principles and partners are the long lists of the page."""
    client.force_login(focal_point)
    rows = {objective.number: factories.ReviewObjectiveFactory(review=review, objective=objective, is_reported=True)
            for objective in Objective.objects.all()}
    for prompt in GuidingPrompt.objects.filter(part__cycle=review.cycle, scope=GuidingPrompt.Scope.OBJECTIVE):
        factories.AnswerFactory(review=review, prompt=prompt, objective=rows[6].objective, text_ar="نص " * 60,
                                updated_by=focal_point)
    for number in range(4):
        factories.GoodPracticeFactory(review_objective=rows[6], title=f"ممارسة {number}", updated_by=focal_point)
        factories.IndicatorFactory(review_objective=rows[6], name=f"مؤشر {number}", updated_by=focal_point)

    page = client.get(f"/{language}/reviews/{review.uid}/objectives/6/")

    linked = set(re.findall(rb'/objectives/(\d+)/"', page.content))
    assert (page.status_code, len(linked)) == (200, 23)  # the navigation lists every objective reported
    assert len(page.content) < 50_000
