"""The synthesis editor: the regional staff write the regional report's own text, chapter by chapter.

Only the regional staff reach these pages: a country team gets 403, an anonymous visitor the login page.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews import rules
from reviews.forms import CitationForm, HighlightForm, KeyMessageForm, SynthesisTextForm
from reviews.models import Language, SynthesisChapter
from reviews.selectors import cycles_visible_to
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.countries import by_country_name
from reviews.selectors.passages import country_highlights, latest_contents
from reviews.selectors.synthesis import (
    cycle_prompts,
    highlight_answers,
    highlight_choices,
    highlight_counts,
    key_messages,
    practices_for_chapter,
    practices_of_visible_reviews,
    recent_changes,
    synthesis_chapters,
    synthesis_chapters_visible_to,
)
from reviews.services import synthesis as synthesis_services
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.views.http import (
    autosave_conflict,
    autosave_invalid,
    autosave_saved,
    form_values,
    posted_version,
    query_int,
)


def _check_staff(request) -> None:
    if not rules.can_follow_region(request.user):
        raise PermissionDenied


def _cycle(request, slug):
    return get_object_or_404(cycles_visible_to(request.user), slug=slug)


def _chapter_with_content(request, cycle, uid) -> SynthesisChapter:
    chapters = synthesis_chapters(user=request.user, cycle=cycle, uid=uid)
    if not chapters:
        raise Http404
    chapter = chapters[0]
    for citation in chapter.citations.all():
        citation.source_url = _source_url(citation)
    return chapter


def _chapter(request, slug, uid) -> SynthesisChapter:
    return get_object_or_404(synthesis_chapters_visible_to(request.user), cycle__slug=slug, uid=uid)


def _source_url(citation) -> str:
    """The cited answer's place in the country's review, or "" when the template lost the prompt."""
    if citation.objective_number:
        url = reverse("reviews:objective", args=[citation.review.uid, citation.objective_number])
    elif citation.part_number:
        url = reverse("reviews:part", args=[citation.review.uid, citation.part_number])
    else:
        return ""
    return f"{url}#prompt-{citation.prompt_code}"


def _objective_section(request, chapter: SynthesisChapter):
    """The objective's section of the chapter a form names (?objective=), None when it names none."""
    if not request.POST.get("objective"):
        return None
    number = query_int(request.POST, "objective", min_value=1)
    if number is None:
        raise Http404
    section = get_object_or_404(chapter.objective_syntheses.select_related("objective"), objective__number=number)
    section.chapter = chapter
    return section


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise Http404 from error


def _editor(chapter) -> str:
    return reverse("reviews:synthesis_chapter", args=[chapter.cycle.slug, chapter.uid])


@login_required
def overview(request, slug):
    _check_staff(request)
    cycle = _cycle(request, slug)
    return render(request, "reviews/synthesis/overview.html", {
        "cycle": cycle, "chapters": synthesis_chapters(user=request.user, cycle=cycle),
    })


@login_required
def chapter(request, slug, uid):
    _check_staff(request)
    cycle = _cycle(request, slug)
    current = _chapter_with_content(request, cycle, uid)
    is_key_messages = current.kind == SynthesisChapter.Kind.KEY_MESSAGES
    return render(request, "reviews/synthesis/chapter.html", {
        "cycle": cycle, "chapter": current,
        "messages_forms": [(message, KeyMessageForm(instance=message, prefix=_message_prefix(message)))
                           for message in key_messages(chapter=current)] if is_key_messages else None,
        "add_message_form": KeyMessageForm(prefix="new") if is_key_messages else None,
        "highlight_counts": highlight_counts(chapter=current) if current.is_round_table else {},
        "text_form": SynthesisTextForm(instance=current, prefix="chapter"),
        "sections": [(section, SynthesisTextForm(instance=section, prefix=f"o{section.objective.number}"))
                     for section in current.objective_syntheses.all()],
        "cite_form": None if is_key_messages else CitationForm(user=request.user, chapter=current,
                                                               prompts=list(cycle_prompts(cycle))),
        "practices": [] if is_key_messages else practices_for_chapter(user=request.user, chapter=current),
        "featured": {practice.pk for practice in current.featured_practices.all()},
        "changes": recent_changes(chapter=current),
    })


@login_required
@require_POST
def text_save(request, slug, uid):
    """Autosave endpoint, the answer autosave's contract: 200 {version, updated_at}, 409 with the
    stored texts on a conflict, 400 on invalid input, 403 for anyone but the regional staff."""
    if not rules.can_follow_region(request.user):
        return JsonResponse({"ok": False, "message": _("Only the regional staff write the regional synthesis.")},
                            status=403)
    current = _chapter(request, slug, uid)
    section = _objective_section(request, current)
    form = SynthesisTextForm(request.POST, prefix=f"o{section.objective.number}" if section else "chapter")
    if not form.is_valid():
        return autosave_invalid(form)
    data = form.cleaned_data
    texts = {"user": request.user, "text_ar": data["text_ar"], "text_en": data["text_en"],
             "original_language": data["original_language"], "base_version": data["version"]}
    try:
        if section is None:
            saved = synthesis_services.chapter_text_save(chapter=current, **texts)
        else:
            saved = synthesis_services.objective_synthesis_save(synthesis=section, **texts)
    except EditConflict as conflict:
        return autosave_conflict(conflict)
    return autosave_saved(saved)


@login_required
@require_POST
def verify(request, slug, uid):
    _check_staff(request)
    current = _chapter(request, slug, uid)
    item = _objective_section(request, current) or current
    try:
        synthesis_services.chapter_translation_verify(
            item=item, user=request.user, verified=request.POST.get("verified") == "1",
            base_version=posted_version(request.POST))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Translation status saved."))
    return redirect(_editor(current))


@login_required
@require_POST
def cite(request, slug, uid):
    _check_staff(request)
    cycle = _cycle(request, slug)
    current = _chapter_with_content(request, cycle, uid)
    form = CitationForm(request.POST, user=request.user, chapter=current, prompts=cycle_prompts(cycle))
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect(_editor(current))
    try:
        synthesis_services.chapter_cite(chapter=current, user=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Citation added."))
    return redirect(f"{_editor(current)}#citations")


@login_required
@require_POST
def citation_remove(request, slug, uid, citation_uid):
    _check_staff(request)
    current = _chapter(request, slug, uid)
    citation = get_object_or_404(current.citations.select_related("review__country", "chapter"), uid=citation_uid)
    synthesis_services.chapter_citation_remove(citation=citation, user=request.user)
    messages.success(request, _("Citation removed."))
    return redirect(f"{_editor(current)}#citations")


@login_required
@require_POST
def feature(request, slug, uid):
    _check_staff(request)
    current = _chapter(request, slug, uid)
    practice = get_object_or_404(practices_of_visible_reviews(user=request.user),
                                 uid=_uuid_or_404(request.POST.get("practice", "")))
    featured = request.POST.get("featured") == "1"
    try:
        synthesis_services.chapter_feature_practice(chapter=current, practice=practice, user=request.user,
                                                    featured=featured)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    messages.success(request, _("Practice featured.") if featured else _("Practice no longer featured."))
    return redirect(f"{_editor(current)}#practices")


@login_required
def preview(request, slug, uid):
    """The chapter as the report will read in one language (?lang=ar|en): a text missing in that
    language shows in the other, marked as such, so a gap is visible before the report is compiled."""
    _check_staff(request)
    cycle = _cycle(request, slug)
    current = _chapter_with_content(request, cycle, uid)
    lang = request.GET.get("lang") or translation.get_language()
    if lang not in Language.values:
        lang = Language.AR
    for item in [current, *current.objective_syntheses.all()]:
        item.shown = item.text_in(lang)
    shown_messages = [(message, message.text_in(lang)) for message in key_messages(chapter=current)]
    if current.is_round_table:
        with translation.override(lang):  # countries in the order of their names in the report's language
            reviews = by_country_name(compiled_reviews(user=request.user, cycle=cycle), lambda row: row.country)
        found = country_highlights(cycle_id=cycle.pk, reviews=reviews, language=lang)
        for section in current.objective_syntheses.all():
            section.country_highlights = found.get(section.objective.number, [])
    # The body speaks the report's language (titles, labels, country names); the page around it
    # stays in the user's language, and so do the links it renders.
    with translation.override(lang):
        body = render_to_string("reviews/synthesis/_preview_body.html",
                                {"chapter": current, "lang": lang, "key_messages": shown_messages}, request=request)
    return render(request, "reviews/synthesis/preview.html", {
        "cycle": cycle, "chapter": current, "lang": lang, "body": body,
    })



# --- key messages -----------------------------------------------------------------------------------------------


def _message_prefix(message) -> str:
    return f"m{message.uid.hex[:12]}"


def _key_messages_chapter(request, slug, uid) -> SynthesisChapter:
    current = _chapter(request, slug, uid)
    if current.kind != SynthesisChapter.Kind.KEY_MESSAGES:
        raise Http404
    return current


def _message(current: SynthesisChapter, message_uid):
    return get_object_or_404(current.key_messages.select_related("chapter__cycle", "updated_by"), uid=message_uid)


@login_required
@require_POST
def key_message_add(request, slug, uid):
    _check_staff(request)
    current = _key_messages_chapter(request, slug, uid)
    form = KeyMessageForm(request.POST, prefix="new")
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect(f"{_editor(current)}#key-messages")
    data = form.cleaned_data
    try:
        message = synthesis_services.key_message_create(
            chapter=current, user=request.user, text_ar=data["text_ar"], text_en=data["text_en"],
            original_language=data["original_language"], objectives=list(data["objectives"]))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(f"{_editor(current)}#key-messages")
    messages.success(request, _("Key message added."))
    return redirect(f"{_editor(current)}#message-{message.uid}")


@login_required
@require_POST
def key_message_save(request, slug, uid, message_uid):
    """Autosave endpoint of one key message, the answers' contract (200, 409 with what is stored, 400)."""
    if not rules.can_follow_region(request.user):
        return JsonResponse({"ok": False, "message": _("Only the regional staff write the regional synthesis.")},
                            status=403)
    current = _key_messages_chapter(request, slug, uid)
    message = current.key_messages.filter(uid=message_uid).select_related("chapter").first()
    if message is None:
        return JsonResponse({"ok": False, "message": _("This key message has been deleted. Copy your text if you "
                                                       "need it, then reload the page.")}, status=404)
    prefix = _message_prefix(message)
    form = KeyMessageForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return autosave_invalid(form)
    data = form.cleaned_data
    try:
        saved = synthesis_services.key_message_save(
            message=message, user=request.user, text_ar=data["text_ar"], text_en=data["text_en"],
            original_language=data["original_language"], objectives=list(data["objectives"]),
            base_version=data["version"])
    except EditConflict as conflict:
        stored = form_values(KeyMessageForm(instance=conflict.current, prefix=prefix))
        objectives = f"{prefix}-objectives"
        return autosave_conflict(conflict, stored_values={objectives: stored[objectives]})
    except DomainError as error:
        form.add_error(None, error.message)
        return autosave_invalid(form)
    return autosave_saved(saved)


@login_required
@require_POST
def key_message_move(request, slug, uid, message_uid):
    _check_staff(request)
    current = _key_messages_chapter(request, slug, uid)
    message = _message(current, message_uid)
    try:
        synthesis_services.key_message_move(message=message, user=request.user, up=request.POST.get("to") == "up",
                                            base_version=posted_version(request.POST))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(f"{_editor(current)}#message-{message.uid}")


@login_required
@require_POST
def key_message_delete(request, slug, uid, message_uid):
    _check_staff(request)
    current = _key_messages_chapter(request, slug, uid)
    message = _message(current, message_uid)
    try:
        synthesis_services.key_message_delete(message=message, user=request.user,
                                              base_version=posted_version(request.POST))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(f"{_editor(current)}#message-{message.uid}")
    messages.success(request, _("Key message deleted. Its text stays in the chapter's history."))
    return redirect(f"{_editor(current)}#key-messages")


# --- country highlights -----------------------------------------------------------------------------------------


def _section(request, slug, uid, number):
    """An objective's section of a round-table chapter the user may edit, or 404."""
    current = _chapter(request, slug, uid)
    section = get_object_or_404(current.objective_syntheses.select_related("objective"), objective__number=number)
    section.chapter = current
    return section


def _highlight_choice(request, section, review_uid):
    review = get_object_or_404(compiled_reviews(user=request.user, cycle=section.chapter.cycle), uid=review_uid)
    found = highlight_choices(user=request.user, section=section, language=translation.get_language(),
                              review=review)
    if not found:  # the country does not report the objective in its last submitted version
        raise Http404
    return found[0]


def _highlights_page(section) -> str:
    return reverse("reviews:synthesis_highlights", args=[section.chapter.cycle.slug, section.chapter.uid,
                                                         section.objective.number])


@login_required
def highlights(request, slug, uid, number):
    _check_staff(request)
    section = _section(request, slug, uid, number)
    return render(request, "reviews/synthesis/highlights.html", {
        "cycle": section.chapter.cycle, "chapter": section.chapter, "section": section,
        "choices": highlight_choices(user=request.user, section=section, language=translation.get_language()),
    })


@login_required
def highlight(request, slug, uid, number, review_uid):
    _check_staff(request)
    section = _section(request, slug, uid, number)
    choice = _highlight_choice(request, section, review_uid)
    content = latest_contents([choice.review.pk])[choice.review.pk]
    if choice.chosen:
        quoted = (choice.chosen.prompt_code, choice.chosen.first_sentence, choice.chosen.last_sentence)
    else:
        quoted = (choice.default.prompt_code if choice.default else "", 0, 0)
    answers = []
    for answer in highlight_answers(section=section, content=content):
        here = answer.prompt.code == quoted[0]
        selected = (quoted[1], quoted[2]) if here else (0, 0)
        answer.quoted = range(selected[0], selected[1] + 1) if here else range(0)
        answers.append((answer, HighlightForm(prefix=answer.prompt.code, sentence_count=len(answer.sentences),
                                              version=choice.version, selected=selected)))
    return render(request, "reviews/synthesis/highlight.html", {
        "cycle": section.chapter.cycle, "chapter": section.chapter, "section": section, "choice": choice,
        "answers": answers,
    })


@login_required
@require_POST
def highlight_choose(request, slug, uid, number, review_uid):
    _check_staff(request)
    section = _section(request, slug, uid, number)
    choice = _highlight_choice(request, section, review_uid)
    picker = reverse("reviews:synthesis_highlight", args=[slug, uid, number, choice.review.uid])
    code = request.POST.get("prompt", "")
    content = latest_contents([choice.review.pk])[choice.review.pk]
    answer = next((a for a in highlight_answers(section=section, content=content) if a.prompt.code == code), None)
    if answer is None:
        messages.error(request, _("Choose a passage of one of the country's answers on this objective."))
        return redirect(picker)
    form = HighlightForm(request.POST, prefix=code, sentence_count=len(answer.sentences), version=choice.version)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect(f"{picker}#answer-{code}")
    data = form.cleaned_data
    try:
        synthesis_services.highlight_choose(
            section=section, review=choice.review, prompt_code=code, first_sentence=data["first_sentence"],
            last_sentence=data["last_sentence"], base_version=data["version"], user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(picker)
    messages.success(request, _("Passage chosen for %(country)s.") % {"country": choice.review.country.name})
    return redirect(f"{_highlights_page(section)}#country-{choice.review.country.iso2}")


@login_required
@require_POST
def highlight_reset(request, slug, uid, number, review_uid):
    _check_staff(request)
    section = _section(request, slug, uid, number)
    review = get_object_or_404(compiled_reviews(user=request.user, cycle=section.chapter.cycle), uid=review_uid)
    try:
        synthesis_services.highlight_reset(section=section, review=review, base_version=posted_version(request.POST),
                                           user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(country)s is quoted with its default passage again.")
                         % {"country": review.country.name})
    return redirect(f"{_highlights_page(section)}#country-{review.country.iso2}")
