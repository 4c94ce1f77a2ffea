"""What the stakeholders' views share: the input the user may see, by its id, or 404."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from reviews.rules import can_follow_region
from stakeholders.selectors import inputs_visible_to


def input_for(request, uid):
    """An input the user may see (their organisation's, or a submitted one for the staff), or 404."""
    return get_object_or_404(inputs_visible_to(request.user), uid=uid)


def staff_check(request) -> None:
    if not can_follow_region(request.user):
        raise PermissionDenied


def stakeholder_check(request) -> None:
    if not (request.user.is_active and request.user.is_stakeholder):
        raise PermissionDenied
