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
from reviews.forms import CitationForm, SynthesisTextForm
from reviews.models import Language, SynthesisChapter
from reviews.selectors import cycles_visible_to
from reviews.selectors.synthesis import (
    cycle_prompts,
    practices_for_chapter,
    practices_of_visible_reviews,
    synthesis_changes,
    synthesis_chapters,
    synthesis_chapters_visible_to,
)
from reviews.services import synthesis as synthesis_services
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.views.http import autosave_conflict, autosave_invalid, autosave_saved, posted_version, query_int

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
    prompts = list(cycle_prompts(cycle))
    return render(request, "reviews/synthesis/chapter.html", {
        "cycle": cycle, "chapter": current,
        "text_form": SynthesisTextForm(instance=current, prefix="chapter"),
        "sections": [(section, SynthesisTextForm(instance=section, prefix=f"o{section.objective.number}"))
                     for section in current.objective_syntheses.all()],
        "cite_form": CitationForm(user=request.user, chapter=current, prompts=prompts),
        "practices": practices_for_chapter(user=request.user, chapter=current),
        "featured": {practice.pk for practice in current.featured_practices.all()},
        "changes": synthesis_changes(chapter=current)[:20],
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
    # The body speaks the report's language (titles, labels, country names); the page around it
    # stays in the user's language, and so do the links it renders.
    with translation.override(lang):
        body = render_to_string("reviews/synthesis/_preview_body.html",
                                {"chapter": current, "lang": lang}, request=request)
    return render(request, "reviews/synthesis/preview.html", {
        "cycle": cycle, "chapter": current, "lang": lang, "body": body,
    })

