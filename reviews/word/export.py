"""A country's review as a Word document, per language, as the preview shows it: each answer in that
language, or in the other one marked "Only in ...". Its shape is the template's, so an exported review
imported into an empty review gives the same content."""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from reviews.models import GuidingPrompt, Review
from reviews.models.content import text_in
from reviews.selectors.workspace import review_full
from reviews.word.layout import NO, TABLE_LAYOUTS, YES
from reviews.word.template import WordWriter, choices_guidance, objective_section, prompt_heading, write_shown


def cell_text(row, name: str) -> str:
    """A row's value as the template asks it typed: choice labels, the suggested indicator's code, ISO dates."""
    value = getattr(row, name)
    field = row._meta.get_field(name)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(getattr(row, f"get_{name}_display")())
    if name == "suggested":
        return value.code
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def table_rows(kind: str, rows) -> list[list[str]]:
    return [[cell_text(row, name) for name in TABLE_LAYOUTS[kind].columns] for row in rows]


def review_docx(*, review: Review, language: str) -> bytes:
    """`review` comes from the user's visible reviews; the document is in `language`."""
    data = review_full(review)
    with translation.override(language):
        writer = WordWriter(language)
        title = _("Voluntary national review of %(country)s") % {"country": review.country.name}
        writer.document.core_properties.title = title
        writer.paragraph(title, style="Title")
        writer.guidance(f"{review.cycle.name} · {review.get_status_display()} · "
                        f"{formats.date_format(review.updated_at, 'DATE_FORMAT')}")
        for section in data["sections"]:
            part = section["part"]
            writer.heading(f"{part.number}. {part.title}", 1)
            for prompt, answer in section["answers"]:
                writer.heading(prompt_heading(prompt, language), 2)
                _answer(writer, answer, language)
            if part.number == 2:
                writer.guidance(f"{_('National implementation plan')}: {review.get_plan_status_display() or '—'}")
                writer.guidance(review.plan_detail)
            for table, rows in section["tables"]:
                writer.heading(str(table.title), 2)
                if not rows:
                    writer.guidance(choices_guidance(table.kind))
                writer.table(table.kind, table_rows(table.kind, rows))
            if part.number == 3:
                prompts = [p for p in part.prompts.all() if p.scope == GuidingPrompt.Scope.OBJECTIVE]
                for item in section["objectives"]:
                    row = item["row"]
                    answers = {prompt.pk: answer.text_in(language) for prompt, answer in item["answers"]
                               if answer is not None and answer.is_answered}
                    objective_section(
                        writer, row.objective, prompts, stage=row.get_stage_display() if row.stage else "",
                        priority=str(YES if row.is_priority else NO), answers=answers,
                        rows={"practices": table_rows("practices", row.practices.all()),
                              "indicators": table_rows("indicators", row.indicators.all())})
        return writer.content()


def _answer(writer: WordWriter, answer, language: str) -> None:
    if answer is None or not answer.is_answered:
        writer.paragraph("")
        return
    write_shown(writer, text_in(text_ar=answer.text_ar, text_en=answer.text_en, language=language))


