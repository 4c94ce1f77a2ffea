"""The synthesis editor: the regional staff write the regional report's own text, chapter by chapter.

Only the regional staff reach these pages: a country team gets 403, an anonymous visitor the login page.
"""

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
from reviews.forms import CitationForm, KeyMessageForm, SynthesisTextForm
from reviews.models import Language, SynthesisChapter
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.countries import by_country_name
from reviews.selectors.passages import country_highlights
from reviews.selectors.synthesis import (
    cycle_prompts,
    highlight_counts,
    key_messages,
    practices_for_chapter,
    practices_of_visible_reviews,
    recent_changes,
    synthesis_chapters,
    with_last_change,
)
from reviews.services import synthesis as synthesis_services
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.views.http import (
    autosave_conflict,
    autosave_invalid,
    autosave_saved,
    posted_version,
)
from reviews.views.synthesis.common import chapter_for, chapter_with_content, cycle_for, editor_of, message_prefix, objective_section, staff_check, uuid_or_404
from stakeholders.selectors import report_perspectives


@login_required
def overview(request, slug):
    staff_check(request)
    cycle = cycle_for(request, slug)
    return render(request, "reviews/synthesis/overview.html", {
        "cycle": cycle, "chapters": with_last_change(synthesis_chapters(user=request.user, cycle=cycle)),
    })


@login_required
def chapter(request, slug, uid):
    staff_check(request)
    cycle = cycle_for(request, slug)
    current = chapter_with_content(request, cycle, uid)
    is_key_messages = current.kind == SynthesisChapter.Kind.KEY_MESSAGES
    return render(request, "reviews/synthesis/chapter.html", {
        "cycle": cycle, "chapter": current,
        "messages_forms": [(message, KeyMessageForm(instance=message, prefix=message_prefix(message)))
                           for message in key_messages(chapter=current)] if is_key_messages else None,
        "add_message_form": KeyMessageForm(prefix="new") if is_key_messages else None,
        "highlight_counts": highlight_counts(chapter=current) if current.is_round_table else {},
        "text_form": SynthesisTextForm(instance=current, prefix="chapter"),
        "text_action": reverse("reviews:synthesis_text_save", args=[cycle.slug, current.uid]),
        "verify_action": reverse("reviews:synthesis_verify", args=[cycle.slug, current.uid]),
        "sections": [(section, SynthesisTextForm(instance=section, prefix=f"o{section.objective.number}"))
                     for section in current.objective_syntheses.all()],
        "cite_form": None if is_key_messages else CitationForm(user=request.user, chapter=current,
                                                               prompts=cycle_prompts(cycle)),
        # The practices it features; choosing among all the reported ones is a page of its own (practices).
        "featured": current.featured_practices.all(),
        "practices_count": 0 if is_key_messages else practices_for_chapter(user=request.user, chapter=current).count(),
        "changes": recent_changes(chapter=current),
    })


@login_required
def practices(request, slug, uid):
    """The good practices a chapter may feature, each featured or not with one click."""
    staff_check(request)
    current = chapter_for(request, slug, uid)
    if current.kind == SynthesisChapter.Kind.KEY_MESSAGES:
        raise Http404  # a key message speaks for the region: it features no practice
    return render(request, "reviews/synthesis/practices.html", {
        "cycle": current.cycle, "chapter": current,
        "practices": practices_for_chapter(user=request.user, chapter=current),
        "featured": set(current.featured_practices.values_list("pk", flat=True)),
    })


@login_required
@require_POST
def text_save(request, slug, uid):
    """Autosave endpoint, the answer autosave's contract: 200 {version, updated_at}, 409 with the
    stored texts on a conflict, 400 on invalid input, 403 for anyone but the regional staff."""
    if not rules.can_follow_region(request.user):
        return JsonResponse({"ok": False, "message": _("Only the regional staff write the regional synthesis.")},
                            status=403)
    current = chapter_for(request, slug, uid)
    section = objective_section(request, current)
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
    staff_check(request)
    current = chapter_for(request, slug, uid)
    item = objective_section(request, current) or current
    try:
        synthesis_services.chapter_translation_verify(
            item=item, user=request.user, verified=request.POST.get("verified") == "1",
            base_version=posted_version(request.POST))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Translation status saved."))
    return redirect(editor_of(current))


@login_required
@require_POST
def cite(request, slug, uid):
    staff_check(request)
    cycle = cycle_for(request, slug)
    current = chapter_with_content(request, cycle, uid)
    form = CitationForm(request.POST, user=request.user, chapter=current, prompts=cycle_prompts(cycle))
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect(editor_of(current))
    try:
        synthesis_services.chapter_cite(chapter=current, user=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Citation added."))
    return redirect(f"{editor_of(current)}#citations")


@login_required
@require_POST
def citation_remove(request, slug, uid, citation_uid):
    staff_check(request)
    current = chapter_for(request, slug, uid)
    citation = get_object_or_404(current.citations.select_related("review__country", "chapter"), uid=citation_uid)
    synthesis_services.chapter_citation_remove(citation=citation, user=request.user)
    messages.success(request, _("Citation removed."))
    return redirect(f"{editor_of(current)}#citations")


@login_required
@require_POST
def feature(request, slug, uid):
    staff_check(request)
    current = chapter_for(request, slug, uid)
    practice = get_object_or_404(practices_of_visible_reviews(user=request.user),
                                 uid=uuid_or_404(request.POST.get("practice", "")))
    featured = request.POST.get("featured") == "1"
    try:
        synthesis_services.chapter_feature_practice(chapter=current, practice=practice, user=request.user,
                                                    featured=featured)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    messages.success(request, _("Practice featured.") if featured else _("Practice no longer featured."))
    if request.POST.get("back") == "practices":  # the list of every practice the chapter may feature
        return redirect(f"{reverse('reviews:synthesis_practices', args=[slug, uid])}#practice-{practice.uid}")
    return redirect(f"{editor_of(current)}#practices")


@login_required
def preview(request, slug, uid):
    """The chapter as the report will read in one language (?lang=ar|en): a text missing in that
    language shows in the other, marked as such, so a gap is visible before the report is compiled."""
    staff_check(request)
    cycle = cycle_for(request, slug)
    current = chapter_with_content(request, cycle, uid)
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
        with translation.override(lang):  # the organisations' categories in the report's language
            current.perspectives = report_perspectives(user=request.user, cycle=cycle,
                                                       language=lang).get(current.round_table_id, [])
    # The body speaks the report's language (titles, labels, country names); the page around it
    # stays in the user's language, and so do the links it renders.
    with translation.override(lang):
        body = render_to_string("reviews/synthesis/_preview_body.html",
                                {"chapter": current, "lang": lang, "key_messages": shown_messages}, request=request)
    return render(request, "reviews/synthesis/preview.html", {
        "cycle": cycle, "chapter": current, "lang": lang, "body": body,
    })
