""""Last changed by" on the workspace pages: each answer, row and objective names who changed it last, the users
read in one query for the whole page (views/workspace/common._with_last_changes)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db
MARCH = datetime.datetime(2027, 3, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Beirut"))  # the cycle is open


def _last_changed_by(page: str) -> list[str]:
    return [part.split(",")[0] for part in page.split("Last changed by ")[1:]]


@time_machine.travel(MARCH, tick=False)
def test_a_part_page_names_who_changed_each_answer_and_row_last(client, review, prompts, focal_point, contributor):
    focal_point.name_en, contributor.name_en = "Amal Focal", "Karim Contributor"
    focal_point.save()
    contributor.save()
    factories.AnswerFactory(review=review, prompt=prompts["1.1"], updated_by=focal_point)
    factories.GovernmentEntityFactory(review=review, updated_by=contributor)
    factories.GovernmentEntityFactory(review=review, updated_by=focal_point)
    client.force_login(focal_point)

    page = client.get(f"/en/reviews/{review.uid}/parts/1/").content.decode()

    assert sorted(_last_changed_by(page)) == ["Amal Focal", "Amal Focal", "Karim Contributor"]


@time_machine.travel(MARCH, tick=False)
def test_an_objective_page_names_who_changed_it_its_answers_and_rows_last(client, review, prompts, objectives,
                                                                         focal_point, contributor):
    focal_point.name_en, contributor.name_en = "Amal Focal", "Karim Contributor"
    focal_point.save()
    contributor.save()
    reported = factories.ReviewObjectiveFactory(review=review, objective=objectives[6], updated_by=contributor)
    factories.AnswerFactory(review=review, prompt=prompts["3.a"], objective=objectives[6], updated_by=focal_point)
    factories.GoodPracticeFactory(review_objective=reported, updated_by=contributor)
    client.force_login(focal_point)
    client.get(f"/en/reviews/{review.uid}/objectives/6/?first=1")  # the reference lists, read once per process

    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/en/reviews/{review.uid}/objectives/6/").content.decode()

    # the answer, the practice, and the objective's own details
    assert sorted(_last_changed_by(page)) == ["Amal Focal", "Karim Contributor", "Karim Contributor"]
    # the reader (the session's user), then every user the page names, at once
    assert sum('FROM "accounts_user"' in query["sql"] for query in queries.captured_queries) == 2
