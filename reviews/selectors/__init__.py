"""Reads for pages, exports and reports. Every view gets its objects through these."""

from reviews.selectors.reference import round_tables_with_objectives
from reviews.selectors.visibility import (
    answers_visible_to,
    changes_visible_to,
    countries_visible_to,
    current_cycle_visible_to,
    cycles_visible_to,
    home_cycles_for_country,
    home_region_for_cycle,
    reviews_visible_to,
    user_counts_by_role,
    users_visible_to,
)

__all__ = [
    "answers_visible_to",
    "changes_visible_to",
    "countries_visible_to",
    "current_cycle_visible_to",
    "cycles_visible_to",
    "home_cycles_for_country",
    "home_region_for_cycle",
    "reviews_visible_to",
    "round_tables_with_objectives",
    "user_counts_by_role",
    "users_visible_to",
]
