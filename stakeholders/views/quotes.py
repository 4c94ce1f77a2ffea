"""In the synthesis editor, a round-table chapter's "Stakeholder perspectives": the accepted inputs on its round
table, a picker of each one's sentences (the country highlights' picker and form), the quote and its removal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.forms import HighlightForm
from reviews.selectors.synthesis import synthesis_chapters_visible_to
from reviews.services.errors import DomainError
from reviews.views.http import posted_version
from stakeholders import selectors
from stakeholders.services import quotes as quote_services
from stakeholders.views.common import staff_check


def _chapter(request, slug, uid):
    return get_object_or_404(synthesis_chapters_visible_to(request.user).select_related("cycle", "round_table"),
                             cycle__slug=slug, uid=uid, kind="round_table")


def _page(chapter) -> str:
    return reverse("stakeholders:quotes", args=[chapter.cycle.slug, chapter.uid])


@login_required
def quotes(request, slug, uid):
    staff_check(request)
    chapter = _chapter(request, slug, uid)
    quoted = {quote.stakeholder_input_id: quote for quote in selectors.quotes_visible_to(request.user)
              .filter(chapter=chapter)}
    rows = []
    for found in selectors.compiled_inputs(user=request.user, cycle=chapter.cycle, round_table=chapter.round_table):
        quote = quoted.get(found.pk)
        language, parts = quote_services.input_sentences(found)
        selected = (quote.first_sentence, quote.last_sentence) if quote else (0, 0)
        found.language, found.sentences = language, parts
        found.quoted = range(selected[0], selected[1] + 1) if quote else range(0)
        rows.append((found, quote, HighlightForm(prefix=f"i{found.pk}", sentence_count=len(parts),
                                                 version=quote.version if quote else 0, selected=selected)))
    return render(request, "stakeholders/quotes.html", {"cycle": chapter.cycle, "chapter": chapter, "rows": rows})


@login_required
@require_POST
def quote_choose(request, slug, uid, input_uid):
    staff_check(request)
    chapter = _chapter(request, slug, uid)
    found = get_object_or_404(selectors.compiled_inputs(user=request.user, cycle=chapter.cycle), uid=input_uid)
    _language, parts = quote_services.input_sentences(found)
    form = HighlightForm(request.POST, prefix=f"i{found.pk}", sentence_count=len(parts), version=0)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect(f"{_page(chapter)}#input-{found.uid}")
    data = form.cleaned_data
    try:
        quote_services.input_quote_choose(chapter=chapter, stakeholder_input=found, user=request.user,
                                          first_sentence=data["first_sentence"], last_sentence=data["last_sentence"],
                                          base_version=data["version"])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The passage is quoted in the chapter's stakeholder perspectives."))
    return redirect(f"{_page(chapter)}#input-{found.uid}")


@login_required
@require_POST
def quote_remove(request, slug, uid, input_uid):
    staff_check(request)
    chapter = _chapter(request, slug, uid)
    quote = get_object_or_404(selectors.quotes_visible_to(request.user), chapter=chapter,
                              stakeholder_input__uid=input_uid)
    try:
        quote_services.input_quote_remove(quote=quote, base_version=posted_version(request.POST), user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The quote was removed."))
    return redirect(f"{_page(chapter)}#input-{input_uid}")
