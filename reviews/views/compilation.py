"""Compiling the region, for regional staff: the objectives matrix, answers side by side, the
good-practice catalogue and the regional figures of a cycle."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from reviews import rules
from reviews.forms import CompilationFilterForm
from reviews.models import ReviewCycle, ReviewObjective
from reviews.selectors import cycles_visible_to
from reviews.selectors.compilation import STAGE_LEVELS, answers_side_by_side, compiled_reviews, objective_matrix
from reviews.selectors.figures import regional_figures
from reviews.selectors.previous import previous_reviews
from reviews.selectors.practices import practice_filter_choices, practices_catalogue, practices_visible_to
from reviews.views.http import shown_filters
from reviews.views.page_cache import generations_of, kept

PRACTICES_PER_PAGE = 20


def _regional_cycle(request, slug) -> ReviewCycle:
    if not rules.can_follow_region(request.user):
        raise PermissionDenied
    return get_object_or_404(cycles_visible_to(request.user), slug=slug)


def _filters(request) -> dict:
    return CompilationFilterForm(request.GET).filters()


def _compiled(request, slug):
    """What a compiled page shows, for its key (views/page_cache.py): the reviews it compiles."""
    return generations_of(compiled_reviews(user=request.user, cycle=_regional_cycle(request, slug)))


def _compiled_and_previous(request, slug):
    """The matrix's: the reviews it compiles, and those of the previous cycle it compares them with."""
    cycle = _regional_cycle(request, slug)
    return generations_of(compiled_reviews(user=request.user, cycle=cycle),
                          previous_reviews(user=request.user, cycle=cycle))


@login_required
@kept(_compiled_and_previous)
def matrix(request, slug):
    cycle = _regional_cycle(request, slug)
    filters = _filters(request)
    return render(request, "reviews/compilation/matrix.html", {
        "cycle": cycle, "accepted": filters["accepted"], "round_table": filters["round_table"],
        "matrix": objective_matrix(user=request.user, cycle=cycle, accepted_only=filters["accepted"],
                                   round_table_number=filters["round_table"], since_previous=filters["change"]),
        "change": filters["change"],
        "stages": [(level, ReviewObjective.Stage(stage).label) for stage, level in STAGE_LEVELS.items()],
        "compilations_url": reverse("reviews:compilations", args=[cycle.slug]),
    })


@login_required
@kept(_compiled)
def compilations(request, slug):
    cycle = _regional_cycle(request, slug)
    filters = _filters(request)
    compilation = answers_side_by_side(
        user=request.user, cycle=cycle, prompt_code=filters["prompt"], objective_number=filters["objective"],
        round_table_number=filters["round_table"], country_iso2=filters["country"],
        accepted_only=filters["accepted"],
    )
    return render(request, "reviews/compilation/compilations.html", {
        "cycle": cycle, "compilation": compilation, "accepted": filters["accepted"],
        "filters": shown_filters(request.GET, ["round_table", "country"]),
    })


@login_required
@kept(_compiled)
def practices(request, slug):
    cycle = _regional_cycle(request, slug)
    filters = _filters(request)
    catalogue = practices_catalogue(
        user=request.user, cycle=cycle, objective_number=filters["objective"],
        round_table_number=filters["round_table"], kind_code=filters["kind"], criterion_code=filters["criterion"],
        country_iso2=filters["country"], accepted_only=filters["accepted"],
    )
    return render(request, "reviews/compilation/practices.html", {
        "cycle": cycle, "page": Paginator(catalogue, PRACTICES_PER_PAGE).get_page(request.GET.get("page")),
        "choices": practice_filter_choices(user=request.user, cycle=cycle),
        "filters": shown_filters(request.GET, ["objective", "round_table", "kind", "criterion", "country"]),
        "accepted": filters["accepted"],
    })


@login_required
def practice(request, uid):
    if not rules.can_follow_region(request.user):
        raise PermissionDenied
    found = get_object_or_404(practices_visible_to(request.user), uid=uid)
    return render(request, "reviews/compilation/practice.html", {
        "practice": found, "review": found.review_objective.review, "objective": found.review_objective.objective,
    })


@login_required
@kept(_compiled)
def figures(request, slug):
    cycle = _regional_cycle(request, slug)
    accepted = _filters(request)["accepted"]
    return render(request, "reviews/compilation/figures.html", {
        "cycle": cycle, "accepted": accepted,
        "figures": regional_figures(user=request.user, cycle=cycle, accepted_only=accepted),
    })
