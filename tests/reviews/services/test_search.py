"""The services that write texts keep the search index current, and search_reindex rebuilds it exactly."""

import io

from django.core.management import call_command

from reviews.models import Comment, GovernmentEntity, SearchDocument
from reviews.services.answers import answer_save
from reviews.services.comments import comment_add
from reviews.services.rows import row_delete, row_save
from reviews.services.search import search_reindex
from reviews.services.key_messages import key_message_create, key_message_delete
from reviews.services.synthesis import chapter_text_save, synthesis_chapters_ensure
from reviews.services.translations import translation_save
from tests import factories


def _documents(**where) -> list[tuple]:
    return sorted(SearchDocument.objects.filter(**where).values_list("kind", "language", "text", "normalised"))


def test_answer_save_indexes_each_language_and_follows_every_change(review, prompts, focal_point):
    prompt = prompts["1.1"]
    answer = answer_save(review=review, prompt=prompt, objective=None, user=focal_point, text_ar="إدارة الهجرة",
                         text_en="", original_language=None, base_version=0)
    assert _documents() == [("answer", "ar", "إدارة الهجرة", " اداره الهجره ")]

    answer_save(review=review, prompt=prompt, objective=None, user=focal_point, text_ar="إدارة الكفالة",
                text_en="Kafala reform", original_language=None, base_version=answer.version)

    assert _documents() == [("answer", "ar", "إدارة الكفالة", " اداره الكفاله "),
                            ("answer", "en", "Kafala reform", " kafala reform ")]
    stored = SearchDocument.objects.get(language="en")
    assert (stored.review, stored.country, stored.cycle, stored.part_number, stored.prompt, stored.route,
            stored.route_kwargs, stored.fragment) == (review, review.country, review.cycle, 1, prompt, "reviews:part",
                                                      {"uid": str(review.uid), "number": 1}, "prompt-1.1")


def test_translation_save_indexes_the_translation(submitted_review, prompts, reviewer):
    answer = submitted_review.answers.get(prompt=prompts["1.1"])

    translation_save(answer=answer, user=reviewer, text="Three ministries coordinate.", verified=False,
                     base_version=answer.version)

    assert _documents(language="en") == [("answer", "en", "Three ministries coordinate.",
                                          " three ministries coordinate ")]


def test_row_save_and_row_delete_keep_the_row_indexed(review, focal_point):
    row = row_save(review=review, row=GovernmentEntity(review=review), user=focal_point, base_version=0,
                   part_number=1, data={"name": "وزارة الهجرة", "level": "national", "role": ""})
    assert _documents() == [("row", "ar", "وزارة الهجرة", " وزاره الهجره ")]
    assert SearchDocument.objects.get().fragment == f"row-{row.uid}"

    row = row_save(review=review, row=row, user=focal_point, base_version=row.version, part_number=1,
                   data={"name": "Ministry of Labour", "level": "national", "role": "Lead"})
    assert _documents() == [("row", "en", "Ministry of Labour\nLead", " ministry of labour lead ")]

    row_delete(review=review, row=row, user=focal_point, base_version=row.version, part_number=1)
    assert _documents() == []


def test_comment_add_indexes_the_comment_with_its_visibility(submitted_review, reviewer):
    comment_add(review=submitted_review, author=reviewer, anchor="answer:1.1", part_number=1, objective_number=None,
                body="Internal: check the kafala figures.", visibility=Comment.Visibility.INTERNAL)

    stored = SearchDocument.objects.get()
    assert (stored.kind, stored.comment_visibility, stored.prompt.code, stored.fragment) == (
        "comment", "internal", "1.1", "comments-answer:1.1")


def test_chapter_text_save_indexes_the_synthesis(open_cycle, reviewer):
    chapter = synthesis_chapters_ensure(cycle=open_cycle)[0]

    chapter_text_save(chapter=chapter, user=reviewer, text_ar="", text_en="Regional kafala reforms.",
                      original_language=None, base_version=chapter.version)

    assert _documents(kind="synthesis") == [("synthesis", "en", "Regional kafala reforms.",
                                             " regional kafala reforms ")]
    stored = SearchDocument.objects.get()
    assert (stored.route_kwargs, stored.fragment) == (
        {"slug": open_cycle.slug, "uid": str(chapter.uid)}, "chapter-text")


def test_a_key_message_is_indexed_when_written_and_forgotten_when_deleted(open_cycle, reviewer):
    chapter = synthesis_chapters_ensure(cycle=open_cycle)[0]  # the key messages

    message = key_message_create(chapter=chapter, user=reviewer, text_ar="", text_en="Kafala reform spreads.",
                                 original_language=None, objectives=[])
    indexed = _documents(kind="synthesis")
    key_message_delete(message=message, user=reviewer, base_version=message.version)

    assert indexed == [("synthesis", "en", "Kafala reform spreads.", " kafala reform spreads ")]
    assert not SearchDocument.objects.exists()


def test_search_reindex_rebuilds_the_same_documents_and_is_idempotent(submitted_review, reviewer, objectives):
    row = factories.ReviewObjectiveFactory(review=submitted_review, objective=objectives[6])
    factories.GoodPracticeFactory(review_objective=row, title="Labour mobility", description="")
    factories.IndicatorFactory(review_objective=row, name="Recruitment costs", source="")
    factories.PlannedActionFactory(review=submitted_review, action="Reform kafala", part_number=4)
    factories.CommentFactory(review=submitted_review, author=reviewer, anchor="objective:6", part_number=3,
                             objective_number=6, body="Good")
    first = search_reindex()
    documents = _documents()

    call_command("search_reindex", stdout=io.StringIO())

    assert (first, _documents()) == (len(documents), documents)
    places = dict(SearchDocument.objects.filter(kind__in=["row", "comment"]).values_list("text", "route_kwargs"))
    assert places["Reform kafala"] == {"uid": str(submitted_review.uid), "number": 4}
    assert places["Labour mobility"] == places["Good"] == {"uid": str(submitted_review.uid), "number": 6}
    assert SearchDocument.objects.get(text="Reform kafala").table == "means"
