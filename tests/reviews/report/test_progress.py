"""The regional report's "Progress since the previous review" and each objective's stages then and now."""

import pytest
from django.utils import translation

from reviews.models import Country, ReviewObjective
from reviews.report.build import render_report_html
from reviews.report.data import regional_report
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_take
from tests import factories
from tests.reviews.conftest import review_complete
from tests.reviews.past import past_review_import

pytestmark = pytest.mark.django_db


def _accepted(cycle, iso2, reviewer, *, numbers=(1, 3), stage="advanced"):
    focal_point = factories.FocalPointFactory(username=f"fp-{iso2.lower()}", country=Country.objects.get(iso2=iso2))
    review = factories.ReviewFactory(cycle=cycle, country=focal_point.country)
    review_complete(review, focal_point, objective_numbers=numbers)
    ReviewObjective.objects.filter(review=review).update(stage=stage)
    ReviewObjective.objects.filter(review=review, objective__number=3).update(is_priority=True)
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    review_accept(review=review, reviewer=reviewer)
    return review


def test_progress_counts_moves_new_objectives_and_new_priorities_per_objective(open_cycle, organiser, reviewer):
    past_review_import(organiser, "EG", stage="planned", objectives=(1, 2), priorities=(1,))
    past_review_import(organiser, "MA", stage="achieved", objectives=(1,), priorities=())
    _accepted(open_cycle, "EG", reviewer)
    _accepted(open_cycle, "MA", reviewer)
    _accepted(open_cycle, "JO", reviewer)  # no review in 2024: not compared

    with translation.override("en"):
        report = regional_report(cycle=open_cycle, user=organiser, language="en")

    rows = {row.objective.number: (row.compared, row.up, row.down, row.newly_reported, row.new_priorities)
            for row in report.progress.rows}
    assert report.progress.countries == 2
    assert (rows[1], rows[2], rows[3]) == ((2, 1, 1, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 2, 2))
    assert report.progress.totals == {"up": 1, "down": 1, "newly_reported": 2, "new_priorities": 2}
    section = next(s for chapter in report.round_tables for s in chapter.objectives if s.objective.number == 1)
    assert [(row.label, row.value) for row in section.stages_then if row.value] == [("Planned", 1), ("Achieved", 1)]


@pytest.mark.parametrize(("language", "heading"), [("ar", "التقدّم منذ الاستعراض السابق"),
                                                   ("en", "Progress since the previous review")])
def test_progress_chapter_is_in_the_outline_of_both_editions_after_the_round_tables(
        open_cycle, organiser, reviewer, language, heading):
    past_review_import(organiser, "EG", stage="planned", objectives=(1,))
    _accepted(open_cycle, "EG", reviewer, numbers=(1,))

    with translation.override(language):
        html = render_report_html(cycle=open_cycle, user=organiser, languages=(language,))

    assert f'<section class="chapter progress" id="{language}-progress">\n<h1>{heading}</h1>' in html
    assert html.index(f'id="{language}-progress"') > html.index(f'id="{language}-rt-4"')
    assert html.index(f'id="{language}-progress"') < html.index(f'id="{language}-means"')
