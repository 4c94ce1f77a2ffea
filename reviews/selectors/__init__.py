"""Reads for pages, exports and reports. Every view gets its objects through these."""

from reviews.selectors.visibility import (
    countries_visible_to,
    cycles_visible_to,
    home_cycles_for_country,
    home_region_for_cycle,
    reviews_visible_to,
    round_tables_with_objectives,
    user_counts_by_role,
    users_visible_to,
)

__all__ = [
    "countries_visible_to",
    "cycles_visible_to",
    "home_cycles_for_country",
    "home_region_for_cycle",
    "reviews_visible_to",
    "round_tables_with_objectives",
    "user_counts_by_role",
    "users_visible_to",
]
