from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from reviews import selectors
from reviews.models import Review
from reviews.selectors.previous import previous_review_of
from reviews.selectors.workspace import reviews_progress
from reviews.rules import can_follow_region, can_manage_users


@login_required
def home(request):
    """Each role lands on its own overview; someone with no role sees only an explanation."""
    user = request.user
    if user.is_stakeholder:
        return redirect("stakeholders:inputs")
    if user.is_country_team:
        cycles = selectors.home_cycles_for_country(user=user)
        reviews = [review for _cycle, review in cycles if review]
        progress = {pk: each.percent for pk, each in reviews_progress(reviews).items()}
        # The review a focal point may start from, per open cycle not started yet (a choice they make).
        previous = {cycle.pk: previous_review_of(Review(cycle=cycle, country_id=user.country_id), user=user)
                    for cycle, review in cycles if review is None and cycle.is_open and user.is_focal_point}
        return render(request, "reviews/home_country.html", {"cycles": cycles, "progress": progress,
                                                              "previous": previous})
    if can_follow_region(user):
        cycles = selectors.cycles_visible_to(user)
        context = {"cycles": cycles, "is_organiser": can_manage_users(user)}
        current = selectors.current_cycle_visible_to(user)
        if current is not None:
            context["current_cycle"] = current
            context["countries"] = selectors.home_region_for_cycle(user=user, cycle=current)
        if can_manage_users(user):
            context["user_counts"] = selectors.user_counts_by_role()
        return render(request, "reviews/home_region.html", context)
    return render(request, "reviews/home_no_role.html", status=403)


@login_required
def cycle_overview(request, slug):
    """A cycle's countries and their review status, for the regional staff."""
    cycle = get_object_or_404(selectors.cycles_visible_to(request.user), slug=slug)
    if not can_follow_region(request.user):
        return render(request, "reviews/home_no_role.html", status=403)
    return render(request, "reviews/cycle_overview.html", {
        "cycle": cycle,
        "countries": selectors.home_region_for_cycle(user=request.user, cycle=cycle),
    })
