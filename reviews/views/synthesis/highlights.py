"""Per objective, the passage each country is quoted with in the report: the list, a country's picker, the
choice and the return to the default."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.forms import HighlightForm
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.passages import latest_contents
from reviews.selectors.synthesis import highlight_answers, highlight_choices
from reviews.services import highlights as highlight_services
from reviews.services.errors import DomainError
from reviews.views.http import posted_version
from reviews.views.synthesis.common import chapter_for, staff_check


def _section(request, slug, uid, number):
    """An objective's section of a round-table chapter the user may edit, or 404."""
    current = chapter_for(request, slug, uid)
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
    staff_check(request)
    section = _section(request, slug, uid, number)
    return render(request, "reviews/synthesis/highlights.html", {
        "cycle": section.chapter.cycle, "chapter": section.chapter, "section": section,
        "choices": highlight_choices(user=request.user, section=section, language=translation.get_language()),
    })


@login_required
def highlight(request, slug, uid, number, review_uid):
    staff_check(request)
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
    staff_check(request)
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
        highlight_services.highlight_choose(
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
    staff_check(request)
    section = _section(request, slug, uid, number)
    review = get_object_or_404(compiled_reviews(user=request.user, cycle=section.chapter.cycle), uid=review_uid)
    try:
        highlight_services.highlight_reset(section=section, review=review, base_version=posted_version(request.POST),
                                           user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(country)s is quoted with its default passage again.")
                         % {"country": review.country.name})
    return redirect(f"{_highlights_page(section)}#country-{review.country.iso2}")
