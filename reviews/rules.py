"""Who may do what. Views and services ask these; templates get their answers."""

from accounts.models import Role


def can_manage_users(user) -> bool:
    return user.is_authenticated and user.is_active and user.role == Role.ORGANISER


def can_manage_cycles(user) -> bool:
    return can_manage_users(user)


def can_follow_region(user) -> bool:
    """Regional staff follow every country's submitted reviews."""
    return user.is_authenticated and user.is_active and user.is_regional_staff
