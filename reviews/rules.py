"""Who may do what. Views and services ask these; templates get their answers."""

from accounts.models import Role


def can_manage_users(user) -> bool:
    return user.is_authenticated and user.is_active and user.role == Role.ORGANISER


def can_manage_cycles(user) -> bool:
    return can_manage_users(user)


def can_follow_region(user) -> bool:
    """Regional staff follow every country's submitted reviews."""
    return user.is_authenticated and user.is_active and user.is_regional_staff


def can_request_report(user, *, include_submitted: bool = False) -> bool:
    """The regional report is for the regional staff; only organisers add the reviews submitted but not
    yet accepted (the published report holds accepted reviews). The report a user may ask for is the
    report they may list, follow and download: one rule for the request and for reports_visible_to."""
    return can_follow_region(user) and (not include_submitted or can_manage_cycles(user))


def is_country_team_of(user, review) -> bool:
    return user.is_authenticated and user.is_active and user.is_country_team and user.country_id == review.country_id


def is_focal_point_of(user, review) -> bool:
    return is_country_team_of(user, review) and user.role == Role.FOCAL_POINT


def can_edit_section(user, review, *, part_number: int, objective_id: int | None = None,
                     assignments=None) -> bool:
    """The focal point edits everything while the review is open to the country; a contributor
    edits the parts and objectives assigned to them. `assignments` may be passed in as
    (part numbers, objective ids) so a page with many sections asks the database once."""
    if not review.is_editable_by_country or not is_country_team_of(user, review):
        return False
    if user.role == Role.FOCAL_POINT:
        return True
    parts, objectives = assignments if assignments is not None else contributor_assignments(user, review)
    return part_number in parts or (objective_id is not None and objective_id in objectives)


def contributor_assignments(user, review) -> tuple[set[int], set[int]]:
    from reviews.models import Assignment

    rows = Assignment.objects.filter(review=review, contributor=user).values_list("part__number", "objective_id")
    parts = {number for number, _objective in rows if number is not None}
    objectives = {objective for _number, objective in rows if objective is not None}
    return parts, objectives


def can_import_word(user, review) -> bool:
    """A filled Word template is imported by whoever may edit some of the review: the focal point, or a
    contributor with a part or objective assigned (the import then writes only what is theirs)."""
    if not review.is_editable_by_country or not is_country_team_of(user, review):
        return False
    if user.role == Role.FOCAL_POINT:
        return True
    parts, objectives = contributor_assignments(user, review)
    return bool(parts or objectives)


def can_submit(user, review) -> bool:
    return review.is_editable_by_country and is_focal_point_of(user, review)


def can_manage_assignments(user, review) -> bool:
    return review.is_editable_by_country and is_focal_point_of(user, review)


def can_add_documents(user, review) -> bool:
    """The focal point, and any contributor with work assigned: documents support every part."""
    if not is_country_team_of(user, review):
        return False
    if user.role == Role.FOCAL_POINT:
        return True
    parts, objectives = contributor_assignments(user, review)
    return bool(parts or objectives)


def can_see_downloads(user) -> bool:
    """Organisers answer for who holds a copy of unpublished reviews."""
    return can_manage_users(user)


def can_upload(user, review) -> bool:
    """Whether the upload form is shown: the documents' rule, while the review is open to the country."""
    return review.is_editable_by_country and can_add_documents(user, review)


def can_export(user) -> bool:
    """Who may see reviews may export them; which reviews is the export selector's choice."""
    return can_follow_region(user) or (user.is_authenticated and user.is_active and user.is_country_team)


def can_comment(user, review) -> bool:
    """Regional staff comment once a review is submitted; the country team answers them."""
    if review.first_submitted_at is None:
        return False
    return can_follow_region(user) or is_country_team_of(user, review)


def can_translate(user, review) -> bool:
    """Regional staff translate any review they see once submitted; the country team its own while it may edit."""
    if can_follow_region(user):
        return review.first_submitted_at is not None and not review.imported_from  # an imported review is read-only
    return is_country_team_of(user, review) and review.is_editable_by_country


# The workflow's transitions, as the overview offers them; the services check the same on the locked row.


def can_take(user, review) -> bool:
    return can_follow_region(user) and review.status == review.Status.SUBMITTED


def can_accept(user, review) -> bool:
    return can_follow_region(user) and review.status == review.Status.IN_REVIEW


def can_request_revision(user, review) -> bool:
    return can_accept(user, review)


def can_reopen(user, review) -> bool:
    return can_manage_users(user) and review.status == review.Status.ACCEPTED and not review.imported_from
