"""Writers for the data exports: XLSX workbook, zip of CSV files, JSON.

Pure formatting: the rows come from reviews.selectors.exports, which decides what the user may see.
Spreadsheet cells that a spreadsheet program would run as a formula are neutralised (OWASP's
advice against CSV injection): country teams write the answers, regional staff open the files.
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from gcm_portal.validators import BIDI_CONTROLS
from reviews.models import ReviewCycle
from reviews.selectors.exports import Table, export_json, export_tables

# A spreadsheet reads a cell starting with one of these as a formula (tab and carriage return too:
# some programs strip them and read what follows; the full-width forms, because some programs fold them
# to their ASCII twins).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# What a program may drop before it reads a cell: direction marks (common before Arabic text), the
# zero-width space, joiners, the word joiner and the byte-order mark, and the spaces around them.
INVISIBLE_LEAD = "".join(sorted(BIDI_CONTROLS)) + "\u200b\u200c\u200d\u2060\ufeff \u00a0"


def neutralise(value):
    """A text that would start a formula, prefixed with a quote so that it stays text. What a program
    may drop before reading the cell (invisible marks and the spaces around them) is looked through."""
    if isinstance(value, str) and value.lstrip(INVISIBLE_LEAD).startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _local(value: datetime) -> datetime:
    """Spreadsheets have no time zones: times are written in the portal's zone, to the second."""
    if timezone.is_aware(value):
        value = timezone.localtime(value).replace(tzinfo=None)
    return value.replace(microsecond=0)


def export_xlsx(tables: dict[str, Table], stream: IO[bytes], *, language: str = "en") -> None:
    """One sheet per table, named by the table's stable key; headings bold; right to left in Arabic."""
    workbook = Workbook(write_only=True)  # streams rows: a full cycle is about 15,000 of them
    for name, (headings, rows) in tables.items():
        sheet = workbook.create_sheet(title=name[:31])
        sheet.sheet_view.rightToLeft = language == "ar"
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        heading_cells = []
        for heading in headings:
            cell = WriteOnlyCell(sheet, value=str(heading))
            cell.font = bold
            heading_cells.append(cell)
        sheet.append(heading_cells)
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
    workbook.save(stream)


def _xlsx_cell(sheet, value):
    if isinstance(value, str):
        # XLSX cannot hold control characters (other than tab and line breaks): they become U+FFFD
        # rather than failing the whole export. Its XML reads every line ending as a line feed, so
        # line endings are written that way. The CSV and JSON files keep the text exactly.
        text = neutralise(value).replace("\r\n", "\n").replace("\r", "\n")
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
        cell.data_type = "s"  # text, never a formula, whatever openpyxl guesses
        return cell
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=_local(value))
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return _local(value).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(neutralise(value))


def export_csv_zip(tables: dict[str, Table], stream: IO[bytes]) -> None:
    """A zip of one CSV per table, UTF-8 with a byte-order mark so that Excel reads the Arabic."""
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, (headings, rows) in tables.items():
            text = io.StringIO(newline="")
            writer = csv.writer(text)
            writer.writerow([_csv_value(str(heading)) for heading in headings])
            writer.writerows([_csv_value(value) for value in row] for row in rows)
            archive.writestr(f"{name}.csv", text.getvalue().encode("utf-8-sig"))


def export_json_bytes(data: dict) -> bytes:
    """The JSON export as UTF-8, Arabic as it is (not \\u escapes).

    Values are not neutralised: JSON is data read by programs, not cells a spreadsheet evaluates,
    and a leading quote would corrupt the text. Whoever turns it into a spreadsheet must neutralise."""
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


@dataclass(frozen=True)
class ExportFormat:
    extension: str
    content_type: str


FORMATS = {
    "xlsx": ExportFormat("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": ExportFormat("zip", "application/zip"),
    "json": ExportFormat("json", "application/json"),
}


def export_file(*, user, cycle: ReviewCycle, file_format: str, language: str = "en",
                statuses: list[str] | None = None, with_previous: bool = False) -> bytes:
    """The whole export in one format, as the user may see it: what the download view and
    the export_data command both send. `with_previous`: the previous cycle's values beside the objectives."""
    if file_format == "json":
        return export_json_bytes(export_json(user=user, cycle=cycle, statuses=statuses, with_previous=with_previous))
    tables = export_tables(user=user, cycle=cycle, statuses=statuses, language=language, with_previous=with_previous)
    stream = io.BytesIO()
    if file_format == "xlsx":
        export_xlsx(tables, stream, language=language)
    elif file_format == "csv":
        export_csv_zip(tables, stream)
    else:
        raise ValueError(f"Unknown export format {file_format!r}: choose one of {', '.join(FORMATS)}.")
    return stream.getvalue()


def export_filename(*, cycle: ReviewCycle, file_format: str) -> str:
    return f"gcm-{cycle.slug}-{timezone.localdate().isoformat()}.{FORMATS[file_format].extension}"
