"""The audit trail dressed for its readers (reviews/selectors/history.py), in both languages."""

import pytest
from django.utils import translation

from reviews.selectors.history import change_lines
from tests import factories


def _lines(review, language, *rows):
    changes = [factories.ChangeLogFactory(review=review, anchor=anchor, field=field, before=before, after=after)
               for anchor, field, before, after in rows]
    with translation.override(language):
        return [(line.place.code, line.place.title, line.place.link, line.field, line.before, line.after)
                for line in change_lines(changes, review=review)]


@pytest.mark.parametrize(("language", "field"), [("en", "Arabic text"), ("ar", "النص العربي")])
def test_change_lines_name_the_question_and_its_field(review, prompts, objectives, language, field):
    prompt = prompts["3.a"]

    [line] = _lines(review, language, ("answer:3.a:o6", "text_ar", "قبل", "بعد"))

    with translation.override(language):
        expected_title = prompt.text
    assert line == ("3.a · 6", expected_title, f"/{language}/reviews/{review.uid}/objectives/6/#prompt-3.a",
                    field, "قبل", "بعد")


@pytest.mark.parametrize(("language", "expected"), [
    ("en", [("Reported", "No", "Yes"), ("Implementation stage", "Planned", "Under way"),
            ("Original language", "Arabic", "English")]),
    ("ar", [("مُبلَّغ عنه", "لا", "نعم"), ("مرحلة التنفيذ", "مخطط له", "قيد التنفيذ"),
            ("اللغة الأصلية", "العربية", "الإنكليزية")]),
])
def test_change_lines_show_choices_and_yes_no_in_the_readers_language(review, prompts, objectives, language,
                                                                      expected):
    lines = _lines(review, language, ("objective:6", "is_reported", "False", "True"),
                   ("objective:6", "stage", "planned", "under_way"),
                   ("answer:1.1", "original_language", "ar", "en"))

    assert [(field, before, after) for _code, _title, _link, field, before, after in lines] == expected
    with translation.override(language):
        assert lines[0][:3] == ("6", objectives[6].title, f"/{language}/reviews/{review.uid}/objectives/6/")


def test_change_lines_link_a_table_row_to_its_table(review, prompts):
    policy = factories.PolicyFactory(review=review)

    [line] = _lines(review, "en", (f"row:policy:{policy.uid}", "status", "draft", "adopted"))

    assert line[:4] == ("", "Policy, law or strategy", f"/en/reviews/{review.uid}/parts/2/#table-policies", "Status")


def test_change_lines_keep_an_unknown_place_as_stored(review, prompts):
    [line] = _lines(review, "en", ("answer:9.z", "text_en", "", "x"))

    assert line == ("9.z", "", "", "English text", "", "x")


@pytest.mark.parametrize("count", [1, 3])
def test_change_lines_cost_does_not_grow_with_the_changes(review, prompts, django_assert_num_queries, count):
    changes = [factories.ChangeLogFactory(review=review, anchor=f"answer:1.{n % 3 + 1}") for n in range(count)]

    with django_assert_num_queries(2):
        change_lines(changes, review=review)


# --- the versions page: the same reading of a place, a field and a value -----------------------------------


def _version_lines(review, language, *changes):
    from reviews.selectors.history import version_lines

    with translation.override(language):
        return [(line.place.code, line.place.title, line.place.link, line.field, line.before, line.after)
                for line in version_lines(changes, review=review)]


@pytest.mark.parametrize(("language", "expected"), [
    ("en", [("1.3", "Arabic text", "قبل", "بعد"), ("", "National implementation plan", "In preparation", "Adopted"),
            ("6", "Implementation stage", "Planned", "Under way"), ("6", "National priority", "No", "Yes"),
            ("6", "Guiding principles applied", "", "People-centred; International cooperation"),
            ("", "Kind", "Law", "Strategy or plan")]),
    ("ar", [("1.3", "النص العربي", "قبل", "بعد"), ("", "خطة التنفيذ الوطنية", "قيد الإعداد", "معتمدة"),
            ("6", "مرحلة التنفيذ", "مخطط له", "قيد التنفيذ"), ("6", "أولوية وطنية", "لا", "نعم"),
            ("6", "المبادئ التوجيهية المطبَّقة", "", "الإنسان هو المركز; التعاون الدولي"),
            ("", "النوع", "قانون", "استراتيجية أو خطة")]),
])
def test_version_lines_read_like_the_history(review, prompts, objectives, language, expected):
    from reviews.selectors.versions import FieldChange

    policy = factories.PolicyFactory(review=review)
    lines = _version_lines(
        review, language,
        FieldChange(place="1.3", field="text_ar", before="قبل", after="بعد", anchor="answer:1.3"),
        FieldChange(place="plan", field="status", before="in_preparation", after="adopted", anchor="plan"),
        FieldChange(place="objective 6", field="stage", before="planned", after="under_way", anchor="objective:6"),
        FieldChange(place="objective 6", field="is_priority", before="False", after="True", anchor="objective:6"),
        FieldChange(place="objective 6", field="principles", before="",
                    after="people-centred, international-cooperation", anchor="objective:6"),
        FieldChange(place="policies", field="kind", before="law", after="strategy", anchor=f"row:policy:{policy.uid}"),
    )

    assert [(code, field, before, after) for code, _title, _link, field, before, after in lines] == expected
    assert lines[0][2] == f"/{language}/reviews/{review.uid}/parts/1/#prompt-1.3"
    assert lines[-1][2] == f"/{language}/reviews/{review.uid}/parts/2/#table-policies"
