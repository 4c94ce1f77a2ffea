"""What the synthesis editor's views share: the cycle and chapter the regional staff may write, and the
small pieces of their pages."""

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from reviews import rules
from reviews.models import SynthesisChapter
from reviews.selectors import cycles_visible_to
from reviews.selectors.synthesis import synthesis_chapters, synthesis_chapters_visible_to
from reviews.views.http import query_int


def staff_check(request) -> None:
    if not rules.can_follow_region(request.user):
        raise PermissionDenied


def cycle_for(request, slug):
    return get_object_or_404(cycles_visible_to(request.user), slug=slug)


def chapter_with_content(request, cycle, uid) -> SynthesisChapter:
    chapters = synthesis_chapters(user=request.user, cycle=cycle, uid=uid)
    if not chapters:
        raise Http404
    chapter = chapters[0]
    for citation in chapter.citations.all():
        citation.source_url = source_url(citation)
    return chapter


def chapter_for(request, slug, uid) -> SynthesisChapter:
    return get_object_or_404(synthesis_chapters_visible_to(request.user), cycle__slug=slug, uid=uid)


def source_url(citation) -> str:
    """The cited answer's place in the country's review, or "" when the template lost the prompt."""
    if citation.objective_number:
        url = reverse("reviews:objective", args=[citation.review.uid, citation.objective_number])
    elif citation.part_number:
        url = reverse("reviews:part", args=[citation.review.uid, citation.part_number])
    else:
        return ""
    return f"{url}#prompt-{citation.prompt_code}"


def objective_section(request, chapter: SynthesisChapter):
    """The objective's section of the chapter a form names (?objective=), None when it names none."""
    if not request.POST.get("objective"):
        return None
    number = query_int(request.POST, "objective", min_value=1)
    if number is None:
        raise Http404
    section = get_object_or_404(chapter.objective_syntheses.select_related("objective"), objective__number=number)
    section.chapter = chapter
    return section


def uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise Http404 from error


def editor_of(chapter) -> str:
    return reverse("reviews:synthesis_chapter", args=[chapter.cycle.slug, chapter.uid])


def message_prefix(message) -> str:
    return f"m{message.uid.hex[:12]}"
