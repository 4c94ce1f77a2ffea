from urllib.parse import quote

from django import template
from django.db import models
from django.utils import formats
from django.utils.html import conditional_escape, escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gcm_portal.validators import link_host as _link_host
from gcm_portal.validators import strip_bidi_controls
from reviews.forms.rendering import bilingual_form_html, field_html, hidden_html
from reviews.models.content import ShownText, shown_html, text_in
from reviews.report.template_filters import text_dir
from reviews.selectors.previous import MOVEMENT_LABELS

register = template.Library()


@register.simple_tag
def field_display(row, name: str) -> str:
    """A row's field as a reader sees it: choice labels, lists joined, dates and numbers localised."""
    field = row._meta.get_field(name)
    if field.many_to_many:
        return "; ".join(str(item) for item in getattr(row, name).all()) or "—"
    if field.choices:
        return getattr(row, f"get_{name}_display")() or "—"
    value = getattr(row, name)
    if value is None or value == "":
        return "—"
    if isinstance(field, models.URLField):
        # Left-to-right isolate, direction controls removed: an address reads as what it is, host first.
        return f"\u2066{strip_bidi_controls(value)}\u2069"
    if isinstance(value, str) or name.endswith("year"):
        return str(value)  # a year is a name, not a quantity: never "2,019"
    return formats.localize(value)


@register.simple_tag(takes_context=True)
def comments_at(context, anchor: str, part_number) -> str:
    """The comments at one place of a review (reviews/workspace/_comments.html). Most places of a page have
    none, and a page has dozens of places: for those, the "Add a comment" link is written here, not through
    the template."""
    if context.get("comment_threads", {}).get(anchor) or context.get("commenting") == anchor:
        with context.push(anchor=anchor, part_number=part_number):
            return context.template.engine.get_template("reviews/workspace/_comments.html").render(context)
    if not context.get("can_comment"):
        return ""
    return format_html(
        '<div class="comments mt-2" id="comments-{}" data-part="{}"><a class="small comment-add" '
        'href="?comment={}#comments-{}">{}</a></div>', anchor, part_number, quote(anchor, safe="/"), anchor,
        _("Add a comment"))


@register.simple_tag
def options(choices, selected="") -> str:
    """An <option> for each (value, label) of `choices`, the one whose value reads as `selected` selected:
    written here rather than by a template loop, as a page's lists hold dozens of them."""
    selected = str(selected)
    return format_html_join("", '<option value="{}"{}>{}</option>', (
        (value, mark_safe(" selected") if str(value) == selected else "", label) for value, label in choices))


@register.simple_tag
def objective_links(reported, current, assigned) -> str:
    """The workspace navigation's link to each reported objective (★: a national priority), the page's own
    marked as current, those `assigned` to the contributor marked: written here rather than by the template,
    as every workspace page has up to 23."""
    assigned_mark = format_html(' <span class="badge text-bg-info assigned-mark">{}</span>', _("Assigned to you"))
    current_pk = current.pk if current else None
    return format_html_join("", '<a class="nav-link px-0 ps-3 small{}" href="{}"{}>{}{}. {}{}</a>', (
        (" active fw-semibold" if row.objective_id == current_pk else "", row.url,
         mark_safe(' aria-current="page"') if row.objective_id == current_pk else "", "★ " if row.is_priority else "",
         row.objective.number, row.objective.short_label, assigned_mark if row.objective_id in assigned else "")
        for row in reported))


@register.simple_tag(takes_context=True)
def status_badge(context, review, cycle=None) -> str:
    """A review's status as a badge. Without a review: "Not submitted" to the regional staff (a country's draft
    is private to it) and wherever the `cycle` given is closed, "Not started" to a country team while its cycle is
    open. A tag, not an include: the dashboard has a badge per country."""
    if review:
        return format_html('<span class="badge status-{}">{}</span>', review.status, review.get_status_display())
    user = context.get("user")
    closed = cycle is not None and not cycle.is_open
    label = _("Not submitted") if closed or (user is not None and user.is_regional_staff) else _("Not started")
    return format_html('<span class="badge status-none">{}</span>', label)


@register.simple_tag
def row_as_text(row, labels) -> str:
    """A row as a reader sees it: each (field name, label) of `labels` as a term and its field_display.
    Built in one pass, without a form: a page shows many rows and edits at most one."""
    return format_html('<dl class="row mb-0 small">{}</dl>', format_html_join(
        "", '<dt class="col-sm-3">{}</dt><dd class="col-sm-9 user-text" dir="auto">{}</dd>',
        ((label, field_display(row, name)) for name, label in labels)))


@register.filter
def in_language(text, language: str) -> ShownText:
    """A bilingual text (a row) in `language`, or in the other one marked: the same rule as the PDFs."""
    return text_in(text_ar=text.text_ar if text else "", text_en=text.text_en if text else "", language=language)


def _page_language() -> str:
    return "en" if (get_language() or "ar").startswith("en") else "ar"


@register.filter
def person(user) -> str:
    """A user's name in the page's language, or in the other one marked with its `lang` and `dir`."""
    if user is None or user == "":
        return ""
    return shown_name(user)


@register.filter
def shown_name(named) -> str:
    """The name of anything with `name_in(language)` (a user, a stakeholder organisation) in the page's language,
    or in the other one marked with its `lang` and `dir`."""
    return shown_html(named.name_in(_page_language()), page_language=_page_language())


@register.simple_tag
def last_changed(row) -> str:
    """A tracked row's "Last changed by <who>, <when>", or "" when nobody has changed it yet."""
    if row is None or row == "" or not row.updated_by_id:
        return ""
    when = formats.date_format(template_localtime(row.updated_at), "SHORT_DATETIME_FORMAT")
    return mark_safe(_("Last changed by %(who)s, %(when)s") % {"who": person(row.updated_by),
                                                               "when": conditional_escape(when)})


@register.simple_tag(takes_context=True)
def bilingual_form(context, form, *, action, rows, saved=None, objective=None, verify=False, named_by="",
                   required=False, more=""):
    """A bilingual text's form (forms/rendering.py: bilingual_form_html); `more`, the name of a template of
    further fields, is rendered with `form` in the context."""
    more_html = ""
    if more:
        with context.push(form=form):
            more_html = context.template.engine.get_template(more).render(context)
    return bilingual_form_html(form, action=action, csrf_token=str(context.get("csrf_token", "")), rows=rows,
                               objective=objective, verify=verify, named_by=named_by, required=required,
                               more=mark_safe(more_html), last_changed=last_changed(saved))


@register.filter
def ministry(user) -> str:
    """A user's ministry or entity in the page's language, or in the other one marked; "" when none."""
    if user is None or user == "":
        return ""
    return shown_html(user.ministry_in(_page_language()), page_language=_page_language())


@register.filter
def without_bidi(value: str) -> str:
    """A web address or file name as text, without the direction controls that could disguise it."""
    return strip_bidi_controls(str(value or ""))


@register.filter
def link_host(url: str) -> str:
    """The host a link leads to, shown beside it (IDNA for a non-ASCII host)."""
    return _link_host(str(url or ""))


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


HIDDEN_FIELDS = {"id", "uid", "version", "updated_at", "updated_by", "review", "review_objective", "part_number"}


@register.filter
def row_fields(row):
    """The fields of a table row a reader cares about, in model order."""
    return [f for f in row._meta.get_fields() if f.concrete and f.name not in HIDDEN_FIELDS]


@register.filter
def form_field(bound_field) -> str:
    """One field of a form with its label, errors and help, without crispy's templates (see field_html)."""
    return field_html(bound_field)


@register.filter
def hidden_field(bound_field) -> str:
    return hidden_html(bound_field)


@register.filter
def field_column(bound_field) -> str:
    """Long texts and lists of checkboxes take a full line; short inputs share it."""
    widget = bound_field.field.widget
    wide = getattr(widget, "allow_multiple_selected", False) or widget.__class__.__name__ in {"Textarea", "CheckboxSelectMultiple"}
    return "col-12" if wide else "col-md-4"


@register.simple_tag
def notification_text(notification) -> str:
    from reviews.notifications import notification_text as text

    return text(notification, html=True)


@register.simple_tag
def notification_link(notification) -> str:
    """The notification's link in the page's language."""
    from reviews.notifications import notification_link as link

    return link(notification)


def _text_language(text) -> str:
    """"ar" or "en" from the first letter with a direction, as `dir="auto"` decides; "" for none."""
    direction = text_dir(text)
    return {"rtl": "ar", "ltr": "en"}.get(direction, "")


@register.filter
def lang_dir(text) -> str:
    """The `lang` and `dir` attributes of one fragment of user text whose language is not recorded (a
    practice's title, a name): an English title on an Arabic page is then read and laid out as English."""
    language = _text_language(text)
    if not language:
        return mark_safe('dir="auto"')
    return mark_safe(f'lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}"')


@register.simple_tag
def only_in(*texts) -> str:
    """The language of texts written in one language only when it is not the page's ("" otherwise): the
    Arabic edition marks an English-only item as such, and the English one an Arabic-only item."""
    languages = {_text_language(text) for text in texts} - {""}
    page = "ar" if (get_language() or "ar").startswith("ar") else "en"
    return languages.pop() if len(languages) == 1 and page not in languages else ""


@register.filter
def parameter_value(value) -> str:
    """A recorded choice as a reader reads it: a list as its items, nothing as a dash."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


# The matrix's "change since the previous review": a mark per cell (its words are in the cell's label).
MOVEMENT_MARKS = {"up": '<span class="movement movement-up" aria-hidden="true">▲</span>',
                  "down": '<span class="movement movement-down" aria-hidden="true">▼</span>',
                  "new": '<span class="movement movement-new" aria-hidden="true">+</span>',
                  "dropped": '<span class="movement movement-dropped" aria-hidden="true">−</span>'}


@register.simple_tag
def matrix_cells(row, compilations_url: str, accepted: bool) -> str:
    """A matrix row's cells: some 500 on the page, written here in one pass rather than through the
    template language cell by cell. Each mark links to the country's answers on the objective and is
    named by what it adds to its headers (the country, the objective). Every text is escaped once."""
    states: dict[tuple, str] = {}  # a handful of distinct states, each translated and escaped once per row
    link = f'{escape(compilations_url)}?objective=%d{"&amp;accepted=1" if accepted else ""}#country-{escape(row.country.iso2)}'
    cells = []
    for cell in row.cells:
        key = (cell.is_reported, cell.is_priority, cell.stage, cell.movement)
        if key not in states:
            states[key] = escape(cell.state + (f" · {MOVEMENT_LABELS[cell.movement]}" if cell.movement else ""))
        moved = MOVEMENT_MARKS.get(cell.movement, "")
        if not cell.is_reported:
            cells.append(f'<td class="matrix-cell"><span class="visually-hidden">{states[key]}</span>{moved}</td>')
            continue
        level = cell.stage_level
        mark = f'<span class="stage stage-{level}">{level}</span>' if cell.stage else '<span class="stage stage-none">✓</span>'
        priority = '<span class="priority">★</span>' if cell.is_priority else ""
        cells.append(f'<td class="matrix-cell"><a href="{link % cell.objective.number}" aria-label="{states[key]}">'
                     f"{mark}{priority}{moved}</a></td>")
    return mark_safe("".join(cells))
