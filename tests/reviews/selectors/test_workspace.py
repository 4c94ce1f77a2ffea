import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from reviews.models import Country, GuidingPrompt, Objective, ReviewObjective, TemplatePart
from reviews.selectors.reference import reference_rows
from reviews.services.reference import cycle_create
from reviews.selectors.workspace import (
    Missing,
    review_overview,
    review_progress,
    reviews_progress,
    table_rows,
    team_members,
)
from reviews.tables import TABLES
from tests import factories

pytestmark = pytest.mark.django_db


def _counts(progress):
    """(part number, done, total) per part."""
    return [(part.number, part.done, part.total) for part in progress.parts]


def _part_item(review, prompt):
    url = reverse("reviews:part", args=[review.uid, prompt.part.number])
    return Missing(f"{prompt.part.number}. \u2066{prompt.code}\u2069 {prompt.text}", f"{url}#prompt-{prompt.code}")


def _objective_url(review, number, anchor):
    return f"{reverse('reviews:objective', args=[review.uid, number])}#{anchor}"


def _answer(review, prompt, objective=None, *, text_ar="نص", text_en=""):
    return factories.AnswerFactory(review=review, prompt=prompt, objective=objective, text_ar=text_ar,
                                   text_en=text_en)


def test_review_progress_of_a_new_review_lists_every_required_item(review, prompts, english):
    progress = review_progress(review)

    assert _counts(progress) == [(1, 0, 5), (2, 0, 5), (3, 0, 2), (4, 0, 4), (5, 0, 3)]
    assert (progress.done, progress.total, progress.percent) == (0, 19, 0)
    part_codes = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.0"]
    later_codes = ["4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3"]
    assert progress.missing == (
        [_part_item(review, prompts[code]) for code in part_codes]
        + [Missing("Choose at least one objective to report on.", reverse("reviews:objectives", args=[review.uid]))]
        + [_part_item(review, prompts[code]) for code in later_codes]
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_review_progress_missing_items_follow_the_active_language(review, prompts, language):
    translation.activate(language)

    first = review_progress(review).missing[0]

    prompt = prompts["1.1"]
    expected_text = prompt.text_ar if language == "ar" else prompt.text_en
    assert first.label == f"1. \u20661.1\u2069 {expected_text}"
    assert first.url == f"/{language}/reviews/{review.uid}/parts/1/#prompt-1.1"


def test_review_progress_counts_answers_in_either_language(review, prompts):
    _answer(review, prompts["1.1"], text_ar="بالعربية")
    _answer(review, prompts["1.2"], text_ar="", text_en="In English")
    _answer(review, prompts["1.3"], text_ar="  \n\u00a0", text_en="\t \u3000")  # no-break and ideographic spaces
    _answer(review, prompts["2.1"])

    progress = review_progress(review)

    assert _counts(progress) == [(1, 2, 5), (2, 1, 5), (3, 0, 2), (4, 0, 4), (5, 0, 3)]
    assert [item.url.rsplit("#", 1)[1] for item in progress.missing[:3]] == [
        "prompt-1.3", "prompt-1.4", "prompt-1.5"
    ]


def test_review_progress_counts_required_prompts_only(review, prompts, objectives):
    GuidingPrompt.objects.filter(pk=prompts["1.5"].pk).update(is_required=False)
    factories.ReviewObjectiveFactory(review=review, objective=objectives[2], stage="planned")
    for code in ("3.d", "3.e", "3.f"):  # optional per-objective prompts
        _answer(review, prompts[code], objectives[2])

    progress = review_progress(review)

    assert _counts(progress)[:3] == [(1, 0, 4), (2, 0, 5), (3, 1, 5)]
    assert all("1.5" not in item.label and "3.d" not in item.label for item in progress.missing)


def test_review_progress_counts_each_reported_objective_in_part_3(review, prompts, objectives, english):
    factories.ReviewObjectiveFactory(review=review, objective=objectives[1], stage="under_way")
    factories.ReviewObjectiveFactory(review=review, objective=objectives[6])
    factories.ReviewObjectiveFactory(review=review, objective=objectives[9], is_reported=False, stage="planned")
    _answer(review, prompts["3.0"])
    for code in ("3.a", "3.b", "3.c"):
        _answer(review, prompts[code], objectives[1])
    _answer(review, prompts["3.a"], objectives[6])
    _answer(review, prompts["3.b"], objectives[9])  # not reported: does not count

    progress = review_progress(review)

    assert _counts(progress)[2] == (3, 6, 9)  # 3.0, three prompts and a stage for each of two objectives
    part_3_missing = [item for item in progress.missing if item.label.startswith("Objective")]
    assert part_3_missing == [
        Missing(f"Objective 6: \u20663.b\u2069 {prompts['3.b'].text_en}", _objective_url(review, 6, "prompt-3.b")),
        Missing(f"Objective 6: \u20663.c\u2069 {prompts['3.c'].text_en}", _objective_url(review, 6, "prompt-3.c")),
        Missing("Objective 6: implementation stage", _objective_url(review, 6, "stage")),
    ]


def test_review_progress_without_reported_objective_has_one_item_for_the_choice(review, prompts, objectives,
                                                                                 english):
    factories.ReviewObjectiveFactory(review=review, objective=objectives[4], is_reported=False, stage="planned")
    _answer(review, prompts["3.0"])

    progress = review_progress(review)

    choose = Missing("Choose at least one objective to report on.", reverse("reviews:objectives", args=[review.uid]))
    assert _counts(progress)[2] == (3, 1, 2)
    assert [item for item in progress.missing if "/parts/3/" in item.url or "/objectives/" in item.url] == [choose]


def test_review_progress_of_a_complete_review(review, focal_point, complete_review):
    complete_review(review, focal_point, objective_numbers=(1, 6))

    progress = review_progress(review)

    assert _counts(progress) == [(1, 5, 5), (2, 5, 5), (3, 9, 9), (4, 4, 4), (5, 3, 3)]
    assert (progress.missing, progress.percent) == ([], 100)


def test_review_progress_percent_per_part(review, prompts):
    _answer(review, prompts["5.1"])

    progress = review_progress(review)

    assert [part.percent for part in progress.parts] == [0, 0, 0, 0, 33]
    assert progress.percent == 5  # 1 of 19


@pytest.mark.parametrize("objective_count", [1, 5])
def test_review_progress_query_count_does_not_grow_with_objectives(review, focal_point, complete_review,
                                                                   django_assert_num_queries, objective_count,
                                                                   english):
    complete_review(review, focal_point, objective_numbers=range(1, objective_count + 1))
    ReviewObjective.objects.filter(review=review, objective__number=1).update(stage="")  # one missing item too
    reference_rows(Objective)  # the objectives' list, read once per process (selectors/reference.py)

    with django_assert_num_queries(4):  # the template's parts and prompts, the reported objectives, the answers
        progress = review_progress(review)

    # prompt 3.0, then per objective three required prompts and a stage
    assert _counts(progress)[2] == (3, 4 * objective_count, 1 + 4 * objective_count)
    assert [item.label for item in progress.missing] == ["Objective 1: implementation stage"]


def test_reviews_progress_of_many_reviews_across_cycles_matches_each_reviews_own(review, focal_point, prompts,
                                                                                complete_review, reference):
    ReviewObjective.objects.create(review=review, objective=Objective.objects.get(number=6), is_reported=True)
    _answer(review, prompts["1.1"], text_ar="", text_en="In English only")
    _answer(review, prompts["1.2"], text_ar=" \n\u00a0")  # only spaces: no answer
    earlier = factories.ReviewFactory(cycle=cycle_create(slug="arab-2024", name_ar="الأول", name_en="First"),
                                      country=review.country)
    complete_review(earlier, focal_point, objective_numbers=(1, 6))
    morocco = factories.ReviewFactory(cycle=review.cycle, country=Country.objects.get(iso2="MA"))
    _answer(morocco, prompts["5.1"])
    reviews = [review, earlier, morocco]

    progress = reviews_progress(reviews)

    assert {pk: (_counts(each), each.percent, each.objectives_reported) for pk, each in progress.items()} == {
        one.pk: (_counts(review_progress(one)), review_progress(one).percent,
                 one.review_objectives.filter(is_reported=True).count()) for one in reviews}
    assert [progress[one.pk].percent for one in reviews] == [5, 100, 5]  # 1 of 21, all, 1 of 19
    assert progress[review.pk].missing == review_progress(review).missing  # its gaps written out alike


@pytest.mark.parametrize("count", [1, 3])
def test_reviews_progress_reads_any_number_of_reviews_in_two_queries(open_cycle, reference, count,
                                                                    django_assert_num_queries):
    reviews = [factories.ReviewFactory(cycle=open_cycle, country=country)
               for country in Country.objects.order_by("iso2")[:count]]
    reviews_progress(reviews)  # the cycle's template, read once per process

    with django_assert_num_queries(2):  # the answers with text, the reported objectives
        progress = reviews_progress(reviews)

    assert sorted(progress) == sorted(one.pk for one in reviews)


@pytest.mark.parametrize("size", [1, 3])
def test_team_members_lists_the_countrys_active_contributors_with_their_work_in_two_queries(
        review, objectives, size, django_assert_num_queries):
    parts = {part.number: part for part in TemplatePart.objects.filter(cycle=review.cycle)}
    contributors = [factories.ContributorFactory(username=f"contrib-eg-{n}", country=review.country)
                    for n in range(size)]
    for contributor in contributors:
        factories.AssignmentFactory(review=review, contributor=contributor, part=parts[1])
        factories.AssignmentFactory(review=review, contributor=contributor, part=None, objective=objectives[2])
    factories.ContributorFactory(username="contrib-eg-left", country=review.country, is_active=False)
    factories.FocalPointFactory(username="fp-eg-team", country=review.country)
    for country in Country.objects.exclude(pk=review.country_id)[:size]:
        factories.ContributorFactory(username=f"contrib-{country.iso2}", country=country)

    with django_assert_num_queries(2):
        members = team_members(review)

    assert members == [(contributor, {"parts": {1}, "objectives": {objectives[2].pk}})
                       for contributor in contributors]


@pytest.mark.parametrize("size", [1, 3])
def test_review_overview_reads_documents_versions_event_and_comments_in_four_queries(
        review, focal_point, reviewer, size, django_assert_num_queries):
    for n in range(size):
        factories.AttachmentFactory(review=review, file=f"attachments/plan-{n}.pdf", uploaded_by=focal_point)
        factories.ReviewVersionFactory(review=review, number=n + 1, submitted_by=focal_point)
        factories.ReviewEventFactory(review=review, actor=reviewer, reason=f"Reason {n}")
        factories.CommentFactory(review=review, author=reviewer)
    factories.CommentFactory(review=review, author=reviewer, is_resolved=True)

    with django_assert_num_queries(4):
        overview = review_overview(review)
        shown = ([(a.original_name, str(a.uploaded_by)) for a in overview["attachments"]],
                 [(v.number, str(v.submitted_by)) for v in overview["versions"]],
                 (overview["last_event"].reason, str(overview["last_event"].actor)))

    assert shown == (
        [(f"plan-{n}.pdf", str(focal_point)) for n in reversed(range(size))],
        [(n + 1, str(focal_point)) for n in range(size)],
        (f"Reason {size - 1}", str(reviewer)),
    )
    assert overview["open_shared_comments"] == size


def test_table_rows_join_what_rows_point_to_and_neither_the_review_nor_a_user(review, focal_point, objectives):
    factories.GovernmentEntityFactory(review=review, updated_by=focal_point)
    reported = factories.ReviewObjectiveFactory(review=review, objective=objectives[6])
    factories.GoodPracticeFactory(review_objective=reported, updated_by=focal_point)

    with CaptureQueriesContext(connection) as queries:
        entities = table_rows(TABLES["entities"], review)
        practices = table_rows(TABLES["practices"], review, reported)

    tables = ('FROM "reviews_governmententity"', 'FROM "reviews_goodpractice"')
    joins = [re.findall(r'JOIN "(\w+)"', query["sql"]) for query in queries.captured_queries
             if any(table in query["sql"] for table in tables)]
    assert (len(entities), len(practices)) == (1, 1)
    assert joins == [[], ["reviews_practicetype"]]  # a practice's kind; who changed a row: with_users, per page
