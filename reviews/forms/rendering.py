"""A table row's or an objective's fields as HTML, written here rather than through crispy-forms.

A row page holds dozens of row forms, each field of which crispy renders through some ten nested
templates (and Django's widgets through theirs, one per checkbox): half of an editable page's time, and
most of its weight in blank lines. The markup is the same Bootstrap 5 markup crispy writes, so the page
looks and reads the same: a label (a legend for a group of checkboxes) naming the field, "required" said
to assistive technology as well as shown, each error in a block the field names in aria-describedby.
Every value and label is escaped by format_html.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.utils import pretty_name
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

def _attrs(attrs: dict) -> SafeString:
    """HTML attributes from a dict: True as a bare attribute, False and None left out, values escaped."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(format_html(" {}", name))
        elif value is not None and value is not False:
            parts.append(format_html(' {}="{}"', name, value))
    return mark_safe("".join(parts))


def _errors(field: BoundField, error_id: str) -> SafeString:
    if not field.errors:
        return mark_safe("")
    messages = format_html_join("", "<strong>{}</strong>", ((message,) for message in field.errors))
    return format_html('<div id="{}" class="invalid-feedback">{}</div>', error_id, messages)


def _label(field: BoundField) -> SafeString:
    if not field.field.required:
        return format_html("{}", field.label)
    return format_html('{}<span class="text-danger" aria-hidden="true">*</span>'
                       '<span class="visually-hidden"> ({})</span>', field.label, _("Required"))


def _selected(field: BoundField) -> set[str]:
    value = field.value()
    values = value if isinstance(value, list | tuple) else [value]
    return {str(item) for item in values if item is not None}


def _options(field: BoundField, selected: set[str]) -> SafeString:
    rows = []
    for value, label in field.field.widget.choices:
        value = "" if value is None else str(getattr(value, "value", value))
        rows.append(format_html('<option value="{}"{}>{}</option>', value,
                                mark_safe(" selected") if value in selected else "", label))
    return mark_safe("".join(rows))


def _checkboxes(field: BoundField, base: dict, selected: set[str]) -> SafeString:
    """Each choice a tick box inside its label: a long list (SDG targets, stakeholder categories) costs
    no id per box, and the label is the box's name and its target."""
    rows = []
    for value, label in field.field.widget.choices:
        value = str(getattr(value, "value", value))
        rows.append(format_html('<label class="form-check"><input type="checkbox" class="form-check-input"{}> {}</label>',
                                _attrs({**base, "value": value, "checked": value in selected}), label))
    return mark_safe("".join(rows))


def field_html(field: BoundField) -> SafeString:
    """One visible field with its label, errors and help text, in Bootstrap 5's markup."""
    widget = field.field.widget
    field_id, error_id = field.auto_id, f"{field.auto_id}_error"
    invalid = bool(field.errors)
    described = " ".join(filter(None, [error_id if invalid else "", f"{field_id}_helptext" if field.help_text else ""]))
    base = {"name": field.html_name, "aria-describedby": described or None, "aria-invalid": "true" if invalid else None}
    extra = {key: value for key, value in widget.attrs.items() if key != "class"}
    help_text = format_html('<div id="{}_helptext" class="form-text">{}</div>', field_id, field.help_text) \
        if field.help_text else ""
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return format_html(
            '<fieldset class="mb-3"{}><legend class="form-label fs-6">{}</legend><div>{}</div>{}{}</fieldset>',
            _attrs({"aria-describedby": described or None}), _label(field),
            _checkboxes(field, {**base, "aria-describedby": None, "aria-invalid": None}, _selected(field)),
            _errors(field, error_id), help_text)
    css = "form-select" if isinstance(widget, forms.Select) else "form-control"
    attrs = {**base, **extra, "id": field_id, "class": css + (" is-invalid" if invalid else ""),
             "required": field.field.required, "aria-required": "true" if field.field.required else None}
    if isinstance(widget, forms.Select):
        attrs["multiple"] = widget.allow_multiple_selected
        control = format_html("<select{}>{}</select>", _attrs(attrs), _options(field, _selected(field)))
    elif isinstance(widget, forms.CheckboxInput):
        attrs = {**attrs, "class": "form-check-input" + (" is-invalid" if invalid else ""),
                 "checked": bool(field.value())}
        return format_html('<div class="mb-3 form-check"><input type="checkbox"{}><label for="{}" '
                           'class="form-check-label">{}</label>{}{}</div>', _attrs(attrs), field_id, _label(field),
                           _errors(field, error_id), help_text)
    elif isinstance(widget, forms.Textarea):
        value = widget.format_value(field.value()) or ""
        control = format_html("<textarea{}>\n{}</textarea>", _attrs(attrs), value)
    else:
        value = widget.format_value(field.value())
        control = format_html("<input{}>", _attrs({"type": widget.input_type, **attrs, "value": value}))
    return format_html('<div class="mb-3"><label for="{}" class="form-label">{}</label>{}{}{}</div>',
                       field_id, _label(field), control, _errors(field, error_id), help_text)


def hidden_html(field: BoundField) -> SafeString:
    """A hidden field (a row's version) as its input, as Django's widget writes it, without its templates."""
    value = field.field.widget.format_value(field.value())
    return format_html('<input type="hidden" name="{}"{} id="{}">', field.html_name, _attrs({"value": value}),
                       field.auto_id)


def text_labels(form_class) -> list[tuple[str, str]]:
    """(name, label) of the fields a form class shows, as BoundField.label names them, without building a
    form: the terms of a row shown as text (the row_as_text tag), translated once for all the rows."""
    return [(name, str(field.label or pretty_name(name))) for name, field in form_class.base_fields.items()
            if not field.widget.is_hidden]


def bilingual_form_html(form, *, action: str, csrf_token: str, rows: int, objective=None, verify: bool = False,
                        named_by: str = "", required: bool = False, more: str = "", last_changed: str = "") -> SafeString:
    """A bilingual text's form (an answer, a synthesis text) for static/js/autosave.js: its two texts side by
    side, the original language and "Save". Labels, direction and length limit come from the form's fields;
    `named_by` is the id of an element whose text starts each box's accessible name ("3.a Arabic", not ten
    boxes named "Arabic"); `more` is HTML of further fields the same save carries (a key message's
    objectives); `last_changed` says who changed it last. Its conflict box is the page's one template
    (includes/autosave_script.html), added by the script. Written here, not in a template: a page holds
    several, and each template variable costs more than this whole function."""
    version = form["version"]
    boxes = []
    for field in form.texts:
        box_id, widget_attrs = field.auto_id, field.field.widget.attrs
        boxes.append(format_html(
            '<div class="col-md-6"><label class="form-label small" for="{}" id="{}-label">{}</label>'
            '<textarea class="form-control" name="{}" id="{}"{} rows="{}" dir="{}" lang="{}" maxlength="{}">\n{}'
            "</textarea></div>",
            box_id, box_id, field.label, field.html_name, box_id,
            _attrs({"aria-labelledby": f"{named_by} {box_id}-label" if named_by else None,
                    "aria-required": "true" if required else None}),
            rows, widget_attrs.get("dir", ""), widget_attrs.get("lang", ""), field.field.max_length,
            field.value() or ""))
    language = form["original_language"]
    chosen = language.value()
    options = format_html_join("", '<option value="{}"{}>{}</option>', (
        (value, mark_safe(" selected") if value and value == chosen else "", label)
        for value, label in language.field.choices))
    return format_html(
        '<form method="post" class="answer-form{}" action="{}" data-prefix="{}"{}>'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">{}'
        '{}<div class="row g-2">{}</div>{}'
        '<div class="d-flex flex-wrap gap-3 align-items-center mt-1 small">'
        '<label class="d-flex gap-1 align-items-center">{} <select name="{}" class="form-select form-select-sm w-auto">'
        '{}</select></label><button type="submit" class="btn btn-sm btn-outline-primary">{}</button>'
        '<span class="save-state text-secondary" role="status" aria-live="polite">{}</span></div></form>',
        " synthesis-text" if verify else "", action, form.prefix,
        format_html(' data-verify-form="verify-{}"', form.prefix) if verify else "",
        csrf_token,
        format_html('<input type="hidden" name="objective" value="{}">', objective) if objective else "",
        hidden_html(version), mark_safe("".join(boxes)), more,
        language.label, language.html_name, options, _("Save"), last_changed)
