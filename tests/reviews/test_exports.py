"""The export writers, end to end: each file read back (openpyxl, csv + zipfile, json) equals what the
database holds, computed here from the models; Arabic stays intact; formulas never run."""

import csv
import datetime
import io
import json
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext

from reviews.demo.load import demo_load
from reviews.exports import export_csv_zip, export_file, export_filename, export_json_bytes, export_xlsx, neutralise
from reviews.models import (
    Answer,
    Consultation,
    Country,
    GoodPractice,
    GoodPracticeCriterion,
    GovernmentEntity,
    GuidingPrinciple,
    Indicator,
    Objective,
    PlannedAction,
    Policy,
    PracticeType,
    Review,
    ReviewObjective,
    SdgTarget,
    StakeholderCategory,
    SuggestedIndicator,
)
from reviews.services.submission import review_submit
from stakeholders.models import StakeholderInput
from tests import factories

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTab", "\rReturn"]
ARABIC = "تقرير «جسور» الوطني: 10.7 و\u200f2024 — نصٌّ عربيٌّ مع تشكيل"


def _codes(model, *codes):
    return list(model.objects.filter(code__in=codes))


def _fill(review, user, *, objective_numbers, texts):
    """Every table of `review` gets rows, with the awkward values an export must carry."""
    rows = {row.objective.number: row for row in ReviewObjective.objects.filter(review=review)}
    for number, row in rows.items():
        row.principles.set(_codes(GuidingPrinciple, "rule-of-law", "people-centred"))
        row.sdg_targets.set(_codes(SdgTarget, "10.7", "10.c"))
        row.partners.set(_codes(StakeholderCategory, "migrants"))
        ReviewObjective.objects.filter(pk=row.pk).update(is_priority=number == objective_numbers[0])
        practice = factories.GoodPracticeFactory(
            review_objective=row, title=texts[0], kind=PracticeType.objects.get(code="project"),
            description=f"{ARABIC}\nsecond line, with \"quotes\"", period="2019–2023", updated_by=user)
        practice.criteria.set(_codes(GoodPracticeCriterion, "effective", "feasible"))
        practice.partners.set(_codes(StakeholderCategory, "civil-society", "migrants"))
        factories.IndicatorFactory(review_objective=row, suggested=SuggestedIndicator.objects.get(code="10.7.1"),
                                   name="", unit="%", baseline_value=Decimal("-2.50"), baseline_year=2019,
                                   latest_value=Decimal("0.10"), latest_year=2025, source=texts[1], updated_by=user)
        factories.IndicatorFactory(review_objective=row, name=ARABIC, unit="persons",
                                   baseline_value=Decimal("1234567.89"), baseline_year=2020, updated_by=user)
    # An objective no longer reported: its practice stays out of the export, as out of the snapshot.
    hidden = factories.ReviewObjectiveFactory(review=review, objective=Objective.objects.get(number=23),
                                              is_reported=False)
    factories.GoodPracticeFactory(review_objective=hidden, title="Not reported")
    answers = list(Answer.objects.filter(review=review).order_by("pk"))
    for answer, text in zip(answers, texts):
        Answer.objects.filter(pk=answer.pk).update(text_en=text, original_language="en")
    Answer.objects.filter(pk=answers[-1].pk).update(text_ar=ARABIC, text_en="")
    factories.GovernmentEntityFactory(review=review, name=texts[2], role=ARABIC, updated_by=user)
    factories.GovernmentEntityFactory(review=review, name="Ministry of Labour", level=GovernmentEntity.Level.LOCAL)
    consultation = factories.ConsultationFactory(review=review, summary=texts[3], participants=None, updated_by=user)
    consultation.categories.set(_codes(StakeholderCategory, "migrants", "academia"))
    factories.ConsultationFactory(review=review, held_on=datetime.date(2026, 12, 1), format="survey")
    policy = factories.PolicyFactory(review=review, title=texts[4], year=2023, status=Policy.Status.DRAFT,
                                     link="https://example.org/law", updated_by=user)
    policy.objectives.set(Objective.objects.filter(number__in=objective_numbers))
    factories.PolicyFactory(review=review, title=ARABIC, kind=Policy.Kind.STRATEGY, year=2019)
    action = factories.PlannedActionFactory(review=review, action=texts[5], lead_entity=ARABIC, timeframe="2027",
                                            updated_by=user)
    action.objectives.set(Objective.objects.filter(number__in=objective_numbers))
    factories.PlannedActionFactory(review=review, part_number=4, action="Train inspectors")


@pytest.fixture
def region(open_cycle, focal_point, other_focal_point, complete_review):
    """Egypt and Morocco submitted with every table filled; Lebanon a draft nobody else may see."""
    egypt = factories.ReviewFactory(cycle=open_cycle, country=focal_point.country)
    complete_review(egypt, focal_point, objective_numbers=(1, 6))
    _fill(egypt, focal_point, objective_numbers=(6, 1), texts=FORMULAS)
    review_submit(review=egypt, user=focal_point)
    morocco = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country,
                                      plan_status="adopted")
    complete_review(morocco, other_focal_point, objective_numbers=(20,))
    _fill(morocco, other_focal_point, objective_numbers=(20,), texts=["Plain", ARABIC, "A, B", "x", "y", "z"])
    review_submit(review=morocco, user=other_focal_point)
    lebanon = factories.ReviewFactory(cycle=open_cycle, country=Country.objects.get(iso2="LB"))
    factories.PolicyFactory(review=lebanon, title="Lebanon's private draft")
    return Review.objects.filter(pk__in=[egypt.pk, morocco.pk]).order_by("country__iso2")


# --- the database, read independently of the selector ----------------------------------------------------------


def _heading(msgid, context=None) -> str:
    return capfirst(pgettext(context, msgid) if context else gettext(msgid))


def _yes_no(value) -> str:
    return gettext("Yes") if value else gettext("No")


def _joined(items) -> str:
    return ", ".join(str(item) for item in sorted(items))


def _who(row):
    return [row.updated_by.username if row.updated_by else None, row.updated_at]


CHANGED = ["last changed by", "last changed"]


def expected_tables(reviews, language) -> dict[str, tuple[list[str], list[list]]]:
    """What each table must hold, in `language`, straight from the models."""
    with translation.override(language):
        return _expected(reviews)


def sorted_answers(reviews) -> list[Answer]:
    """The reviews' answers in the order of the template: country, part, prompt, objective."""
    iso2 = {review.pk: review.country.iso2 for review in reviews}
    answers = Answer.objects.filter(review__in=reviews).select_related("review", "prompt__part", "objective",
                                                                        "updated_by")
    return sorted(answers, key=lambda a: (iso2[a.review_id], a.prompt.part.number, a.prompt.position, a.prompt.code,
                                          a.objective.number if a.objective else 0))


def _expected(reviews):
    # select_related and prefetch_related only keep the full demo's comparison fast: every value is read
    # from the models here, independently of the selector.
    iso2 = {review.pk: review.country.iso2 for review in reviews}
    reported = ReviewObjective.objects.filter(review__in=reviews, is_reported=True).select_related(
        "objective__round_table", "updated_by").prefetch_related("principles", "sdg_targets", "partners")
    answers = sorted_answers(reviews)
    practices = GoodPractice.objects.filter(review_objective__in=reported).select_related(
        "review_objective__objective", "kind", "updated_by").prefetch_related("criteria", "partners")
    indicators = Indicator.objects.filter(review_objective__in=reported).select_related(
        "review_objective__objective", "suggested", "updated_by")

    def by_objective(row):
        return iso2[row.review_objective.review_id], row.review_objective.objective.number, row.pk

    return {
        "countries": (
            [_heading("ISO code"), _heading("country"), _heading("status", "review"), _heading("submitted"),
             _heading("submitted late"), _heading("Objectives reported"), _heading("national implementation plan")],
            [[r.country.iso2, r.country.name, r.get_status_display(), r.submitted_at, _yes_no(r.is_late),
              reported.filter(review=r).count(), r.get_plan_status_display()] for r in reviews],
        ),
        "objectives_reported": (
            [_heading(h) for h in ["country", "objective", "short label", "round table", "national priority",
                                   "implementation stage", "guiding principles applied", "SDG targets", "partners",
                                   *CHANGED]],
            [[iso2[r.review_id], r.objective.number, r.objective.short_label, r.objective.round_table.number,
              _yes_no(r.is_priority), r.get_stage_display(), _joined(p.code for p in r.principles.all()),
              _joined(t.code for t in r.sdg_targets.all()), _joined(p.code for p in r.partners.all()), *_who(r)]
             for r in sorted(reported, key=lambda r: (iso2[r.review_id], r.objective.number))],
        ),
        "answers": (
            [_heading("country"), _heading("part"), _heading("guiding prompt"), _heading("objective"),
             _heading("Arabic text"), _heading("English text"), _heading("original language"),
             _heading("Translation status"), _heading("status", "review"), *map(_heading, CHANGED)],
            [[iso2[a.review_id], a.prompt.part.number, a.prompt.code, a.objective.number if a.objective else None,
              a.text_ar, a.text_en, a.get_original_language_display(), str(a.get_translation_status_display()),
              a.review.get_status_display(), *_who(a)] for a in answers],
        ),
        "policies": (
            [_heading("country"), _heading("title"), _heading("kind"), _heading("year"), _heading("status", "policy"),
             _heading("objectives addressed"), _heading("link"), _heading("attachment"), *map(_heading, CHANGED)],
            [[iso2[p.review_id], p.title, p.get_kind_display(), p.year, p.get_status_display(),
              _joined(o.number for o in p.objectives.all()), p.link, None, *_who(p)]
             for p in sorted(Policy.objects.filter(review__in=reviews).select_related("updated_by")
                             .prefetch_related("objectives"), key=lambda p: (iso2[p.review_id], -p.year, p.pk))],
        ),
        "consultations": (
            [_heading(h) for h in ["country", "date", "format", "stakeholder categories", "participants", "summary",
                                   *CHANGED]],
            [[iso2[c.review_id], c.held_on, c.get_format_display(), _joined(s.code for s in c.categories.all()),
              c.participants, c.summary, *_who(c)]
             for c in sorted(Consultation.objects.filter(review__in=reviews).select_related("updated_by")
                             .prefetch_related("categories"),
                             key=lambda c: (iso2[c.review_id], c.held_on, c.pk))],
        ),
        "entities": (
            [_heading(h) for h in ["country", "entity", "level", "role in the review", *CHANGED]],
            [[iso2[e.review_id], e.name, e.get_level_display(), e.role, *_who(e)]
             for e in sorted(GovernmentEntity.objects.filter(review__in=reviews).select_related("updated_by"),
                             key=lambda e: (iso2[e.review_id], e.pk))],
        ),
        "practices": (
            [_heading(h) for h in ["country", "objective", "title", "kind", "description", "criteria met", "period",
                                   "partners", "link", *CHANGED]],
            [[iso2[p.review_objective.review_id], p.review_objective.objective.number, p.title, p.kind.code,
              p.description, _joined(c.code for c in p.criteria.all()), p.period,
              _joined(s.code for s in p.partners.all()), p.link, *_who(p)]
             for p in sorted(practices, key=by_objective)],
        ),
        "indicators": (
            [_heading(h) for h in ["country", "objective", "suggested indicator", "indicator name", "unit",
                                   "baseline value", "baseline year", "latest value", "latest year", "source",
                                   *CHANGED]],
            [[iso2[i.review_objective.review_id], i.review_objective.objective.number,
              i.suggested.code if i.suggested else None, i.name or i.suggested.name, i.unit, i.baseline_value,
              i.baseline_year, i.latest_value, i.latest_year, i.source, *_who(i)]
             for i in sorted(indicators, key=by_objective)],
        ),
        "planned_actions": (
            [_heading(h) for h in ["country", "part", "action", "objectives", "lead entity", "timeframe",
                                   "support needed", *CHANGED]],
            [[iso2[a.review_id], a.part_number, a.action, _joined(o.number for o in a.objectives.all()), a.lead_entity,
              a.timeframe, a.support_needed, *_who(a)]
             for a in sorted(PlannedAction.objects.filter(review__in=reviews).select_related("updated_by")
                             .prefetch_related("objectives"),
                             key=lambda a: (iso2[a.review_id], a.part_number, a.pk))],
        ),
    }


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value).replace(tzinfo=None, microsecond=0)


def _quoted(value):
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def as_read_from_xlsx(value):
    """What openpyxl reads back for a value the database holds."""
    if isinstance(value, datetime.datetime):
        return _local(value)
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    if isinstance(value, Decimal):
        return float(value)
    if value == "":
        return None  # an empty text is an empty cell
    if isinstance(value, str):
        return _quoted(value).replace("\r\n", "\n").replace("\r", "\n")  # XML reads line endings as \n
    return value


def as_read_from_csv(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return _local(value).isoformat(sep=" ")
    return str(_quoted(value))


def _read_xlsx(content: bytes) -> dict:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}


def _read_csv_zip(content: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name.removesuffix(".csv"): list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"),
                                                                       newline="")))
                for name in archive.namelist()}


# --- round trips ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_export_xlsx_read_back_equals_the_database(region, organiser, language):
    content = export_file(user=organiser, cycle=region[0].cycle, file_format="xlsx", language=language)

    expected = {name: [headings] + [[as_read_from_xlsx(value) for value in row] for row in rows]
                for name, (headings, rows) in expected_tables(region, language).items()}
    assert _read_xlsx(content) == expected
    assert {name: len(rows) > 2 for name, rows in expected.items()} == dict.fromkeys(expected, True)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_export_csv_zip_read_back_equals_the_database(region, organiser, language):
    content = export_file(user=organiser, cycle=region[0].cycle, file_format="csv", language=language)

    expected = {name: [headings] + [[as_read_from_csv(value) for value in row] for row in rows]
                for name, (headings, rows) in expected_tables(region, language).items()}
    assert _read_csv_zip(content) == expected


def test_export_json_read_back_equals_the_database(region, organiser):
    data = json.loads(export_file(user=organiser, cycle=region[0].cycle, file_format="json"))

    iso2 = {review.pk: review.country.iso2 for review in region}
    assert data["answers"] == [
        {"country": iso2[a.review_id], "part": a.prompt.part.number, "prompt": a.prompt.code,
         "objective": a.objective.number if a.objective else None, "text_ar": a.text_ar, "text_en": a.text_en,
         "original_language": a.original_language, "translation_status": a.translation_status,
         "review_status": a.review.status, "updated_by": a.updated_by.username if a.updated_by else None,
         "updated_at": timezone.localtime(a.updated_at).isoformat()}
        for a in sorted_answers(region)
    ]
    assert data["countries"] == [
        {"country": r.country.iso2, "name": {"ar": r.country.name_ar, "en": r.country.name_en}, "status": r.status,
         "submitted_at": timezone.localtime(r.submitted_at).isoformat(), "late": r.is_late,
         "objectives_reported": r.review_objectives.filter(is_reported=True).count(), "plan_status": r.plan_status}
        for r in region
    ]
    policies = sorted(Policy.objects.filter(review__in=region), key=lambda p: (iso2[p.review_id], -p.year, p.pk))
    assert [(p["country"], p["title"], p["year"], p["status"], p["objectives"]) for p in data["policies"]] == [
        (iso2[p.review_id], p.title, p.year, p.status, sorted(o.number for o in p.objectives.all()))
        for p in policies
    ]
    indicators = Indicator.objects.filter(review_objective__review__in=region, review_objective__is_reported=True)
    indicators = sorted(indicators, key=lambda i: (iso2[i.review_objective.review_id],
                                                   i.review_objective.objective.number, i.pk))
    assert [(i["country"], i["objective"], i["code"], i["name"], i["baseline_value"], i["latest_value"])
            for i in data["indicators"]] == [
        (iso2[i.review_objective.review_id], i.review_objective.objective.number,
         i.suggested.code if i.suggested else None, i.name,
         None if i.baseline_value is None else str(i.baseline_value),
         None if i.latest_value is None else str(i.latest_value)) for i in indicators]
    assert (data["cycle"], [len(data[name]) for name in ("objectives_reported", "consultations", "entities",
                                                          "practices", "planned_actions")]) == (
        "arab-2028", [3, 4, 4, 3, 4])


# --- formulas, Arabic, control characters --------------------------------------------------------------------


def test_neutralise_prefixes_a_quote_to_formula_starts_only():
    assert [neutralise(value) for value in [*FORMULAS, "Plain", ARABIC, "", " =1", 5, Decimal("-2"), None]] == [
        "'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rReturn", "Plain", ARABIC, "", "' =1", 5,
        Decimal("-2"), None]


TABLES = {"answers": (["Text", "Number"], [[text, -2] for text in FORMULAS] + [[ARABIC, Decimal("1.50")]])}


def test_export_xlsx_stores_formula_starts_as_quoted_text():
    stream = io.BytesIO()
    export_xlsx(TABLES, stream)

    sheet = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))["answers"]
    cells = [(cell.value, cell.data_type) for cell in sheet["A"][1:]]
    assert cells == [("'=HYPERLINK(\"http://x\")", "s"), ("'+1", "s"), ("'-2", "s"), ("'@SUM(A1)", "s"),
                     ("'\tTab", "s"), ("'\nReturn", "s"), (ARABIC, "s")]
    assert [cell.value for cell in sheet["B"][1:]] == [-2] * 6 + [1.5]  # numbers stay numbers


def test_export_csv_zip_quotes_formula_starts_and_keeps_arabic():
    stream = io.BytesIO()
    export_csv_zip(TABLES, stream)

    with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
        raw = archive.read("answers.csv")
    assert raw.startswith("\ufeff".encode())
    assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))) == [
        ["Text", "Number"], ["'=HYPERLINK(\"http://x\")", "-2"], ["'+1", "-2"], ["'-2", "-2"], ["'@SUM(A1)", "-2"],
        ["'\tTab", "-2"], ["'\rReturn", "-2"], [ARABIC, "1.50"]]


def test_export_json_bytes_keep_raw_text_and_arabic_unescaped():
    content = export_json_bytes({"answers": [{"text_en": text} for text in FORMULAS] + [{"text_ar": ARABIC}]})

    assert ARABIC.encode() in content
    assert json.loads(content) == {"answers": [{"text_en": text} for text in FORMULAS] + [{"text_ar": ARABIC}]}


def test_export_formulas_in_answers_reach_every_format_as_the_rules_say(region, organiser):
    cycle = region[0].cycle

    xlsx = _read_xlsx(export_file(user=organiser, cycle=cycle, file_format="xlsx"))["answers"]
    csv_rows = _read_csv_zip(export_file(user=organiser, cycle=cycle, file_format="csv"))["answers"]
    data = json.loads(export_file(user=organiser, cycle=cycle, file_format="json"))["answers"]

    english_texts = {row[5] for row in xlsx[1:]}
    assert {as_read_from_xlsx(text) for text in FORMULAS} <= english_texts
    assert {_quoted(text) for text in FORMULAS} <= {row[5] for row in csv_rows[1:]}
    assert set(FORMULAS) <= {answer["text_en"] for answer in data}
    assert not any(isinstance(text, str) and text.startswith(("=", "+", "-", "@")) for text in english_texts)


def test_export_xlsx_replaces_control_characters_it_cannot_hold():
    stream = io.BytesIO()
    export_xlsx({"answers": (["Text"], [["bell\x07 and nul\x00 end"]])}, stream)

    sheet = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))["answers"]
    assert sheet["A2"].value == "bell\ufffd and nul\ufffd end"


@pytest.mark.parametrize(("language", "right_to_left"), [("ar", True), ("en", False)])
def test_export_xlsx_sheets_bold_headings_and_direction(region, organiser, language, right_to_left):
    content = export_file(user=organiser, cycle=region[0].cycle, file_format="xlsx", language=language)

    workbook = openpyxl.load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["countries", "objectives_reported", "answers", "policies", "consultations",
                                   "entities", "practices", "indicators", "planned_actions"]
    for sheet in workbook:
        assert (bool(sheet.sheet_view.rightToLeft), sheet.freeze_panes) == (right_to_left, "A2")
        assert {cell.font.bold for cell in sheet[1]} == {True}
        assert {cell.font.bold for cell in sheet[2]} == {False}


def test_export_csv_zip_holds_one_file_per_table(region, organiser):
    content = export_file(user=organiser, cycle=region[0].cycle, file_format="csv")

    assert zipfile.ZipFile(io.BytesIO(content)).namelist() == [
        "countries.csv", "objectives_reported.csv", "answers.csv", "policies.csv", "consultations.csv",
        "entities.csv", "practices.csv", "indicators.csv", "planned_actions.csv"]


def test_export_file_refuses_an_unknown_format(region, organiser):
    with pytest.raises(ValueError, match="Unknown export format 'pdf'"):
        export_file(user=organiser, cycle=region[0].cycle, file_format="pdf")


@pytest.mark.parametrize(("file_format", "extension"), [("xlsx", "xlsx"), ("csv", "zip"), ("json", "json")])
def test_export_filename_names_cycle_and_date(cycle, file_format, extension):
    assert export_filename(cycle=cycle, file_format=file_format) == (
        f"gcm-arab-2028-{timezone.localdate().isoformat()}.{extension}")


def test_export_of_the_full_demo_reads_back_as_the_database(organiser):
    """The submitted reviews of the full demo (18 of 22 countries) written as country teams would write them,
    every value; the drafts stay out of exports. (The CSV files hold the same tables as the workbook, written
    by a simpler writer: the smaller region above checks them.)"""
    cycle = demo_load(full=True)
    reviews = (Review.objects.filter(cycle=cycle).exclude(status=Review.Status.DRAFT).select_related("country")
               .order_by("country__iso2"))

    xlsx = _read_xlsx(export_file(user=organiser, cycle=cycle, file_format="xlsx", language="ar"))
    data = json.loads(export_file(user=organiser, cycle=cycle, file_format="json"))

    stakeholder_inputs = xlsx.pop("stakeholder_inputs")  # the demo's organisations' inputs: their own sheet

    assert xlsx == {name: [headings] + [[as_read_from_xlsx(value) for value in row] for row in rows]
                    for name, (headings, rows) in expected_tables(reviews, "ar").items()}
    assert (len(stakeholder_inputs) - 1, len(data["stakeholder_inputs"])) == (
        (StakeholderInput.objects.filter(cycle=cycle).exclude(status="draft").count(),) * 2)
    assert [(a["country"], a["prompt"], a["objective"], a["text_ar"], a["text_en"], a["original_language"])
            for a in data["answers"]] == [
        (a.review.country.iso2, a.prompt.code, a.objective.number if a.objective else None, a.text_ar, a.text_en,
         a.original_language) for a in sorted_answers(reviews)]
    assert (len(xlsx["countries"]), len(data["answers"])) == (19, Answer.objects.filter(review__in=reviews).count())


# --- formulas in Arabic cells, markup as text --------------------------------------------------------------------

# Arabic cells a spreadsheet would run: formula starts before Arabic text, Arabic function-like text, and
# formula starts hidden behind the direction marks that Arabic keyboards insert (RLM, ALM, isolates).
ARABIC_FORMULAS = ["=مجموع(A1:A9)", "+٩٦٦", "-بند أول", "@المنظمة", "\tجدول", "\rسطر",
                   "\u200f=HYPERLINK(\"http://x\";\"انقر هنا\")", "\u061c+1", "\u2067\u200e-2\u2069"]
MARKUP = "<script>alert('x')</script><b onmouseover=\"x()\">نص</b> & <a href=\"javascript:x()\">link</a>"


def test_neutralise_quotes_formula_starts_in_arabic_cells():
    assert [neutralise(text) for text in ARABIC_FORMULAS] == ["'" + text for text in ARABIC_FORMULAS]


# Formula starts hidden behind what a program may drop before reading a cell: the zero-width space, the
# byte-order mark, joiners, a direction mark and a space; and the full-width signs some programs fold.
HIDDEN_FORMULAS = ["\u200b=1+1", "\ufeff=HYPERLINK(\"http://x\")", "\u200d+1", "\u200c-1", "\u2060@SUM(A1)",
                   "\u200f =1", "\u200e\u00a0+1", "\u2067 \u200b-2\u2069", "\uff1d1+1", "\uff0b1", "\uff0d1",
                   "\uff20SUM(A1)", "\u200f\uff1dمجموع(A1)"]


def test_neutralise_quotes_formula_starts_behind_invisible_characters_and_full_width_signs():
    assert [neutralise(text) for text in HIDDEN_FORMULAS] == ["'" + text for text in HIDDEN_FORMULAS]


def test_export_csv_zip_quotes_formula_starts_behind_invisible_characters():
    stream = io.BytesIO()
    export_csv_zip({"answers": (["Text"], [[text] for text in HIDDEN_FORMULAS])}, stream)

    with zipfile.ZipFile(stream) as archive:
        rows = list(csv.reader(io.StringIO(archive.read("answers.csv").decode("utf-8-sig"), newline="")))
    assert rows == [["Text"], *(["'" + text] for text in HIDDEN_FORMULAS)]


def test_neutralise_leaves_arabic_text_whose_marks_precede_plain_words():
    texts = ["\u200fالمادة 5 - الفقرة ب", "نسبة 10% = هدف", "\u2067تقرير\u2069 @2024"]

    assert [neutralise(text) for text in texts] == texts


@pytest.mark.parametrize("language", ["ar", "en"])
def test_export_xlsx_stores_arabic_formula_starts_as_quoted_text(language):
    stream = io.BytesIO()
    export_xlsx({"answers": (["النص"], [[text] for text in ARABIC_FORMULAS])}, stream, language=language)

    sheet = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))["answers"]
    assert [(cell.value, cell.data_type) for cell in sheet["A"][1:]] == [
        ("'" + text.replace("\r", "\n"), "s") for text in ARABIC_FORMULAS]


def test_export_csv_zip_quotes_arabic_formula_starts():
    stream = io.BytesIO()
    export_csv_zip({"answers": (["النص"], [[text] for text in ARABIC_FORMULAS])}, stream)

    with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
        rows = list(csv.reader(io.StringIO(archive.read("answers.csv").decode("utf-8-sig"), newline="")))
    assert rows == [["النص"]] + [["'" + text] for text in ARABIC_FORMULAS]


def test_export_keeps_markup_as_literal_text_in_every_format():
    # Files are data: markup is neither run nor escaped (escaping would corrupt the text someone wrote).
    tables = {"answers": (["Text"], [[MARKUP]])}
    xlsx, csv_zip = io.BytesIO(), io.BytesIO()
    export_xlsx(tables, xlsx)
    export_csv_zip(tables, csv_zip)

    with zipfile.ZipFile(io.BytesIO(csv_zip.getvalue())) as archive:
        csv_text = archive.read("answers.csv").decode("utf-8-sig")
    assert openpyxl.load_workbook(io.BytesIO(xlsx.getvalue()))["answers"]["A2"].value == MARKUP
    assert list(csv.reader(io.StringIO(csv_text, newline=""))) == [["Text"], [MARKUP]]
    assert json.loads(export_json_bytes({"answers": [{"text_ar": MARKUP}]})) == {"answers": [{"text_ar": MARKUP}]}
