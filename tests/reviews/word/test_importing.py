"""A filled template imported into a review: what lands where, read back through the JSON export."""

import datetime

import pytest
from django.utils import translation

from reviews.models import Answer, PracticeType, ReviewObjective
from reviews.selectors.exports import export_json
from reviews.selectors.snapshot import review_snapshot
from reviews.services.answers import answer_save
from reviews.services.submission import review_open
from reviews.word import import_writes, importing
from reviews.word.export import review_docx
from tests import factories
from tests.reviews.word.filling import blank_template, fill_table, find_heading, open_docx, save_docx, type_under

pytestmark = pytest.mark.django_db

RLM, LRM = "\u200f", "\u200e"
ARABIC_1_1 = "أُعدّ الاستعراض بقيادة وزارة الخارجية في ٢٠٢٧، بمشاركة ١٢ جهة."
ARABIC_3_A = f"{RLM}اعتمدت الحكومة استراتيجية وطنية للهجرة عام ٢٠٢٥."
ENGLISH_1_2 = "Twelve ministries took part.\n\nThe governorates sent written contributions."
ENGLISH_3_B = "Remittance costs fell to 4.5% (2026)."


def _filled(open_cycle, language: str) -> bytes:
    """A template filled as a person would: answers in both languages under part and objective
    headings, Arabic-Indic digits and direction marks, the stage and priority lines, table rows."""
    document = open_docx(blank_template(open_cycle, language))
    objective = "objective 5" if language == "en" else "الهدف 5"
    type_under(document, find_heading(document, "1.1"), ARABIC_1_1)
    type_under(document, find_heading(document, "1.2"), ENGLISH_1_2)
    type_under(document, find_heading(document, "3.a", after=objective), ARABIC_3_A)
    type_under(document, find_heading(document, "3.b", after=objective), ENGLISH_3_B)
    with translation.override(language):
        heading = find_heading(document, objective)
        stage, priority = heading._p.getnext(), heading._p.getnext().getnext()
        from docx.text.paragraph import Paragraph
        Paragraph(stage, heading._parent).add_run(" Under way" if language == "en" else " قيد التنفيذ")
        Paragraph(priority, heading._parent).add_run(" Yes" if language == "en" else " نعم")
    entities = "Government entities" if language == "en" else "الجهات الحكومية"
    fill_table(document, find_heading(document, entities),
               [["وزارة العمل", "National" if language == "en" else "وطني", "تنسيق"],
                ["Ministry of Interior", "Local" if language == "en" else "محلي", ""]])
    practice_type = PracticeType.objects.order_by("position").first()
    fill_table(document, find_heading(document, "Good practices" if language == "en" else "الممارسات الجيدة",
                                      after=objective),
               [["Digital remittances", practice_type.name_en, "A mobile wallet for workers abroad.", "٢٠٢٠–٢٠٢٥", ""]])
    fill_table(document, find_heading(document, "Indicators" if language == "en" else "المؤشرات", after=objective),
               [["", "Cost of remittances", "%", "٧٫٥", "٢٠٢٠", "4.5", "2026", "World Bank"]])
    return save_docx(document)


def _export(user, cycle) -> dict:
    data = export_json(user=user, cycle=cycle)
    return {
        "answers": {(a["prompt"], a["objective"]): (a["text_ar"], a["text_en"]) for a in data["answers"]},
        "objectives": [(o["objective"], o["stage"], o["is_priority"]) for o in data["objectives_reported"]],
        "entities": [(e["name"], e["level"], e["role"]) for e in data["entities"]],
        "practices": [(p["objective"], p["title"], p["description"], p["period"]) for p in data["practices"]],
        "indicators": [(i["objective"], i["name"], i["unit"], i["baseline_value"], i["baseline_year"],
                        i["latest_value"], i["latest_year"], i["source"]) for i in data["indicators"]],
    }


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_filled_template_lands_in_the_right_prompts_objectives_and_tables(open_cycle, review, focal_point,
                                                                           import_file, language):
    plan = import_file(review, focal_point, _filled(open_cycle, language))

    assert [item for item in plan.items if item.refused] == []
    assert plan.unrecognised == []
    assert _export(focal_point, open_cycle) == {
        "answers": {("1.1", None): (ARABIC_1_1, ""), ("1.2", None): ("", ENGLISH_1_2),
                    ("3.a", 5): (ARABIC_3_A, ""), ("3.b", 5): ("", ENGLISH_3_B)},
        "objectives": [(5, "under_way", True)],
        "entities": [("وزارة العمل", "national", "تنسيق"), ("Ministry of Interior", "local", "")],
        "practices": [(5, "Digital remittances", "A mobile wallet for workers abroad.", "٢٠٢٠–٢٠٢٥")],
        "indicators": [(5, "Cost of remittances", "%", "7.50", 2020, "4.50", 2026, "World Bank")],
    }


def test_headings_are_found_whatever_word_users_did_to_them(open_cycle, review, focal_point, import_file):
    """Arabic-Indic digits and direction marks in the code, a heading turned into another heading style or
    into plain bold text with its wording, a renamed prompt, blank lines: every answer still lands."""
    document = open_docx(blank_template(open_cycle, "ar"))
    retyped = find_heading(document, "1.1")
    for run in retyped.runs:
        run.text = ""
    retyped.runs[0].text = f"{RLM}١٫١{LRM} سؤال أعيدت صياغته"
    type_under(document, retyped, "الجواب الأول")
    restyled = find_heading(document, "1.2")
    restyled.style = document.styles["Heading 3"]
    type_under(document, restyled, "الجواب الثاني")
    plain = find_heading(document, "1.3")
    plain.style = document.styles["Normal"]
    for run in plain.runs:
        run.bold = True
    type_under(document, plain, "الجواب الثالث")
    blanks = find_heading(document, "1.4")
    type_under(document, blanks, "الجواب الرابع")
    for _ in range(3):
        blanks._p.addnext(document.add_paragraph("")._p)

    import_file(review, focal_point, save_docx(document))

    assert {a.prompt.code: a.text_ar for a in Answer.objects.filter(review=review)} == {
        "1.1": "الجواب الأول", "1.2": "الجواب الثاني", "1.3": "الجواب الثالث", "1.4": "الجواب الرابع"}


def test_an_exported_review_imported_into_an_empty_review_gives_the_same_content(
        open_cycle, review, focal_point, prompts, objectives, morocco, other_focal_point, import_file):
    """Egypt's review in both languages, exported in Arabic and in English, imported into Morocco's new review."""
    row = factories.ReviewObjectiveFactory(review=review, objective=objectives[7], stage="advanced",
                                           is_priority=True, updated_by=focal_point)
    factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="نص عربي\nسطر ثان", text_en="English text",
                            original_language="ar")
    factories.AnswerFactory(review=review, prompt=prompts["2.1"], text_ar="", text_en="Only English, 2,019 words.",
                            original_language="en")
    factories.AnswerFactory(review=review, prompt=prompts["3.c"], objective=objectives[7], text_ar="تحديات",
                            text_en="", original_language="ar")
    factories.GovernmentEntityFactory(review=review, name="Ministry of Labour", role="")
    factories.ConsultationFactory(review=review, held_on=datetime.date(2026, 3, 15))
    factories.PolicyFactory(review=review, link="https://example.org/law")
    factories.GoodPracticeFactory(review_objective=row, kind=PracticeType.objects.first(), period="2020-2024")
    factories.IndicatorFactory(review_objective=row, baseline_value="12.50", baseline_year=2019)
    factories.PlannedActionFactory(review=review, part_number=4, lead_entity="وزارة المالية")
    factories.PlannedActionFactory(review=review, part_number=5, timeframe="2028")
    files = [review_docx(review=review, language=language) for language in ("ar", "en")]

    target = review_open(cycle=open_cycle, user=other_focal_point)
    plans = [import_file(target, other_focal_point, content) for content in files]

    assert [item.outcome for plan in plans for item in plan.items if item.refused] == []
    assert _content(review_snapshot(target)) == _content(review_snapshot(review))


def _content(snapshot: dict) -> dict:
    """A snapshot without who wrote it, when, or which country."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("uid", "updated_by", "updated_at", "country")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    return strip(snapshot)


def test_a_non_empty_answer_is_replaced_only_when_ticked(open_cycle, review, focal_point, prompts, import_file):
    answer_save(review=review, prompt=prompts["1.1"], objective=None, user=focal_point, text_ar="نص قائم",
                text_en="", original_language=None, base_version=0)
    content = _filled(open_cycle, "en")

    kept = import_file(review, focal_point, content, replace=set())
    assert Answer.objects.get(review=review, prompt=prompts["1.1"]).text_ar == "نص قائم"
    assert [item.action for item in kept.items if item.key == "answer:1.1"] == [importing.REPLACE]

    import_file(review, focal_point, content, replace={"answer:1.1"})
    assert Answer.objects.get(review=review, prompt=prompts["1.1"]).text_ar == ARABIC_1_1


def test_an_answer_saved_after_the_preview_is_refused_and_shown(open_cycle, review, focal_point, english,
                                                                 prompts):
    content = _filled(open_cycle, "en")
    plan = importing.import_plan(review=review, user=focal_point, content=content)
    seen = import_writes.import_seen(review=review, plan=plan)
    answer_save(review=review, prompt=prompts["1.2"], objective=None, user=focal_point, text_ar="", text_en="Typed",
                original_language=None, base_version=0)

    done = import_writes.import_apply(review=review, user=focal_point, content=content, seen=seen, replace=set())

    refused = {item.key: item.outcome for item in done.items if item.refused}
    assert list(refused) == ["answer:1.2"]
    assert "while you were editing it" in refused["answer:1.2"]
    assert Answer.objects.get(review=review, prompt=prompts["1.2"]).text_en == "Typed"
    assert Answer.objects.get(review=review, prompt=prompts["1.1"]).text_ar == ARABIC_1_1


def test_a_contributor_imports_only_what_is_assigned_to_them(open_cycle, review, focal_point, contributor,
                                                              import_file):
    from reviews.services.assignments import assignments_set

    assignments_set(review=review, contributor=contributor, part_numbers={1}, objective_ids=set(), actor=focal_point)

    plan = import_file(review, contributor, _filled(open_cycle, "en"))

    assert sorted(a.prompt.code for a in Answer.objects.filter(review=review)) == ["1.1", "1.2"]
    assert {item.key: item.action for item in plan.items if item.action == importing.BLOCKED} == {
        "report:o5": importing.BLOCKED, "stage:o5": importing.BLOCKED, "priority:o5": importing.BLOCKED,
        "answer:3.a:o5": importing.BLOCKED, "answer:3.b:o5": importing.BLOCKED,
        "rows:practices:o5": importing.BLOCKED, "rows:indicators:o5": importing.BLOCKED}
    assert not ReviewObjective.objects.filter(review=review).exists()


def test_importing_twice_adds_no_row_twice(open_cycle, review, focal_point, import_file):
    content = _filled(open_cycle, "en")
    import_file(review, focal_point, content)
    again = importing.import_plan(review=review, user=focal_point, content=content)

    assert again.changes == 0
    assert review.entities.count() == 2
