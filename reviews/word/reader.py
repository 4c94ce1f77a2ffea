"""Reading a filled guiding template back: which text stands under which prompt, objective and table.

Headings are matched by their code, not their wording or style: Arabic-Indic digits, direction marks,
changed heading styles, extra blank lines, a renamed prompt and a language other than the template's
all still find their place. The text is read from the document's XML, as Word would show it with every
tracked change accepted: insertions kept, deletions and moved-away text dropped (python-docx's
`paragraph.text` silently drops tracked insertions). Comments live in their own part and are not read.
Whatever is not recognised is returned, so the preview can show it: nothing in the file is dropped
silently. The file must have passed checks.docx_check first.
"""

import difflib
import io
import re
from dataclasses import dataclass, field

from docx import Document
from docx.oxml.ns import qn

from reviews.tables import TABLES
from reviews.word.layout import (
    GUIDANCE_STYLE,
    PRIORITY_LABEL,
    STAGE_LABEL,
    TABLE_LAYOUTS,
    clean_text,
    labels_in_both,
    normalise,
)

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo")}
DROPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"),
           "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}

PROMPT_CODE = re.compile(r"^(\d)\s*[.\-/]?\s*([0-9a-z])(?![0-9a-z])")
PART_HEADING = re.compile(r"^([1-5])\s*[.\-:)]?\s+\D")
OBJECTIVE_WORD = re.compile(r"^(?:objective|objectif|الهدف|هدف)\s*(?:no\.?|n°|رقم)?\s*(\d{1,2})(?!\d)")
OBJECTIVE_NUMBER = re.compile(r"^(\d{1,2})\s*[.:\-–—)]\s*\D")


@dataclass(frozen=True)
class PromptInfo:
    code: str
    part: int
    per_objective: bool
    texts: frozenset[str]  # the prompt's wording, normalised, in both languages


@dataclass
class ReadTemplate:
    """What a filled template holds, keyed as the review stores it."""

    answers: dict[tuple[str, int | None], str] = field(default_factory=dict)  # (code, objective) -> text
    stages: dict[int, str] = field(default_factory=dict)  # objective -> the stage as typed
    priorities: dict[int, str] = field(default_factory=dict)  # objective -> "yes"/"no" as typed
    rows: dict[tuple[str, int | None], list[dict[str, str]]] = field(default_factory=dict)  # (kind, objective)
    unrecognised: list[str] = field(default_factory=list)

    @property
    def objectives(self) -> set[int]:
        """The objectives the file writes something about."""
        return ({objective for _code, objective in self.answers if objective} | set(self.stages)
                | {objective for objective, value in self.priorities.items() if value}
                | {objective for _kind, objective in self.rows if objective})


# --- the document's XML -------------------------------------------------------------------------------


def _blocks(container):
    """Paragraphs and tables in reading order, through content controls and tracked insertions."""
    for child in container:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag in CONTAINERS:
            yield from _blocks(child)


def _dropped(element, stop) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in DROPPED:
            return True
        parent = parent.getparent()
    return False


def paragraph_text(p) -> str:
    """The paragraph's text with tracked changes accepted: runs inside w:ins are read, w:del dropped."""
    parts = []
    for element in p.iter(*TEXT):
        if _dropped(element, p):
            continue
        fixed = TEXT[element.tag]
        parts.append(element.text or "" if fixed is None else fixed)
    return "".join(parts)


class _Styles:
    """Paragraph styles by id: their normalised name, outline level and parent, read once."""

    def __init__(self, document):
        self.styles = {}
        for style in document.styles.element.findall(qn("w:style")):
            if style.get(qn("w:type")) != "paragraph":
                continue
            name = style.find(qn("w:name"))
            based = style.find(qn("w:basedOn"))
            level = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            self.styles[style.get(qn("w:styleId"))] = (
                (name.get(qn("w:val")) if name is not None else "").casefold(),
                int(level.get(qn("w:val"))) if level is not None and level.get(qn("w:val"), "").isdigit() else None,
                based.get(qn("w:val")) if based is not None else None,
            )

    def chain(self, style_id):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = self.styles[style_id][2]

    def kind(self, p) -> tuple[str, int | None]:
        """("guidance" | "title" | "heading" | "body", the heading's level from 1)."""
        p_pr = p.find(qn("w:pPr"))
        style_id = None
        if p_pr is not None:
            style = p_pr.find(qn("w:pStyle"))
            style_id = style.get(qn("w:val")) if style is not None else None
            level = p_pr.find(qn("w:outlineLvl"))
            if level is not None and (level.get(qn("w:val")) or "").isdigit() and int(level.get(qn("w:val"))) < 9:
                return "heading", int(level.get(qn("w:val"))) + 1
        for name, level, _based in self.chain(style_id):
            if name == GUIDANCE_STYLE.casefold():
                return "guidance", None
            if name in ("title", "subtitle"):
                return "title", None
            named = re.match(r"^(?:heading|عنوان)\s*(\d)?", name)
            if named:
                return "heading", int(named.group(1)) if named.group(1) else level + 1 if level is not None else None
            if level is not None and level < 9:
                return "heading", level + 1
        return "body", None


# --- matching -------------------------------------------------------------------------------------------


class _Matcher:
    def __init__(self, prompts: list[PromptInfo]):
        self.prompts = {prompt.code: prompt for prompt in prompts}
        self.stage = labels_in_both(STAGE_LABEL)
        self.priority = labels_in_both(PRIORITY_LABEL)
        self.table_titles = set().union(*(labels_in_both(table.title) for table in TABLES.values()))
        self.headers = {
            kind: [(name, labels_in_both(column_label(layout.model, name))) for name in layout.columns]
            for kind, layout in TABLE_LAYOUTS.items()
        }

    def prompt(self, norm: str, *, heading: bool) -> PromptInfo | None:
        found = PROMPT_CODE.match(norm)
        if not found:
            return None
        prompt = self.prompts.get(f"{found.group(1)}.{found.group(2)}")
        if prompt is None:
            return None
        if heading:
            return prompt
        # A body paragraph is a heading whose style was lost only when it still reads like the prompt.
        rest = norm[found.end():].strip(" .:-")
        if rest and max(difflib.SequenceMatcher(None, rest, text).ratio() for text in prompt.texts) >= 0.6:
            return prompt
        return None

    def labelled(self, norm: str, labels: set[str]) -> str | None:
        for label in labels:
            if norm.startswith(label):
                rest = norm[len(label):]
                if not rest or rest[0] in ":： -–":
                    return rest.strip(" :：-–")
        return None

    def table_kind(self, header: list[str], *, part: int | None) -> str | None:
        cells = [normalise(text) for text in header]
        scores = {kind: sum(1 for _name, labels in columns if any(cell in labels for cell in cells))
                  for kind, columns in self.headers.items()}
        best = max(scores.values())
        kinds = [kind for kind, score in scores.items() if score == best]
        if best < 2:
            return None
        if set(kinds) == {"means", "actions"}:
            return "means" if part == 4 else "actions"
        return kinds[0]


def column_label(model, name):
    """A column's heading as a lazy translation, to read it in both languages."""
    return model._meta.get_field(name).verbose_name


def _table_rows(tbl, matcher: _Matcher, kind: str) -> list[dict[str, str]]:
    rows = [tr for tr in tbl.findall(W_TR) if tr.find(f"{qn('w:trPr')}/{qn('w:del')}") is None]
    header = [_cell_text(tc) for tc in rows[0].findall(W_TC)]
    columns = []
    for text in header:
        norm = normalise(text)
        columns.append(next((name for name, labels in matcher.headers[kind] if norm in labels), None))
    found = []
    for tr in rows[1:]:
        values = {}
        for name, tc in zip(columns, tr.findall(W_TC)):
            if name:
                values[name] = clean_text(_cell_text(tc))
        if any(values.values()):
            found.append(values)
    return found


def _cell_text(tc) -> str:
    return "\n".join(paragraph_text(p) for p in tc.iter(W_P))


def read_template(content: bytes, *, prompts: list[PromptInfo], part_titles: dict[int, set[str]]) -> ReadTemplate:
    """Read a filled template (already checked by checks.docx_check)."""
    document = Document(io.BytesIO(content))
    styles = _Styles(document)
    matcher = _Matcher(prompts)
    result = ReadTemplate()
    texts: dict[tuple[str, int | None], list[str]] = {}
    part = objective = None
    target = None

    for block in _blocks(document.element.body):
        if block.tag == W_TBL:
            target = None
            rows = [tr for tr in block.findall(W_TR)]
            if not rows:
                continue
            kind = matcher.table_kind([_cell_text(tc) for tc in rows[0].findall(W_TC)], part=part)
            per_objective = kind is not None and TABLES[kind].per_objective
            if kind is None or (per_objective and objective is None):
                result.unrecognised += [" | ".join(_cell_text(tc) for tc in tr.findall(W_TC)) for tr in rows
                                        if any(_cell_text(tc).strip() for tc in tr.findall(W_TC))]
                continue
            found = _table_rows(block, matcher, kind)
            if found:
                result.rows.setdefault((kind, objective if per_objective else None), []).extend(found)
            continue

        text = paragraph_text(block)
        norm = normalise(text)
        kind, level = styles.kind(block)
        if not norm or kind in ("guidance", "title"):
            continue
        heading = kind == "heading"
        prompt = matcher.prompt(norm, heading=heading)
        if prompt is not None:
            part = prompt.part
            if not prompt.per_objective:
                objective = None
            if prompt.per_objective and objective is None:
                target = None
                result.unrecognised.append(text)
            else:
                target = (prompt.code, objective if prompt.per_objective else None)
            continue
        found = _part_number(norm, level=level, titles=part_titles) if heading else None
        if found is not None:
            part, objective, target = found, None, None
            continue
        number = _objective_number(norm, heading=heading, level=level, part=part)
        if number is not None:
            part, objective, target = 3, number, None
            continue
        if heading:
            target = None
            if norm not in matcher.table_titles:
                result.unrecognised.append(text)
            continue
        if objective is not None and target is None:
            stage = matcher.labelled(norm, matcher.stage)
            if stage is not None:
                if stage:
                    result.stages[objective] = stage
                continue
            priority = matcher.labelled(norm, matcher.priority)
            if priority is not None:
                if priority:
                    result.priorities[objective] = priority
                continue
        if target is None:
            result.unrecognised.append(text)
        else:
            texts.setdefault(target, []).append(clean_text(text))

    result.answers = {key: "\n\n".join(parts) for key, parts in texts.items() if "".join(parts).strip()}
    return result


def _part_number(norm: str, *, level: int | None, titles: dict[int, set[str]]) -> int | None:
    """A part's heading: "N. title" as a Heading 1, or in another heading style with the part's title."""
    found = PART_HEADING.match(norm)
    if not found:
        return None
    number = int(found.group(1))
    rest = norm[found.end() - 1:].strip()
    if level == 1 or any(difflib.SequenceMatcher(None, rest, title).ratio() >= 0.6 for title in titles.get(number, ())):
        return number
    return None


def _objective_number(norm: str, *, heading: bool, level: int | None, part: int | None) -> int | None:
    found = OBJECTIVE_WORD.match(norm)
    if not found and heading and part == 3 and level != 1:
        found = OBJECTIVE_NUMBER.match(norm)
    if found and 1 <= int(found.group(1)) <= 23:
        return int(found.group(1))
    return None
