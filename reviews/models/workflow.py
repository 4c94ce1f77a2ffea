"""The regional review of a submission: transitions, comments, the audit trail and notifications."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reviews.models.review import Review


class ReviewEvent(models.Model):
    """One workflow transition: who moved the review from which status to which, when and why."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=Review.Status.choices)
    to_status = models.CharField(max_length=20, choices=Review.Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"), blank=True, max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Comment(models.Model):
    """A remark on a place of the review. The anchor names the place by stable codes
    ("answer:3.a:o6", "row:policies:<uid>", "objective:6", "part:2"), so the comment stays
    attached to it across submitted versions."""

    class Visibility(models.TextChoices):
        SHARED = "shared", _("Shared with the country team")
        INTERNAL = "internal", _("Internal to the regional staff")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    anchor = models.CharField(max_length=120)
    part_number = models.PositiveSmallIntegerField()
    objective_number = models.PositiveSmallIntegerField(null=True, blank=True)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"), max_length=4000)
    # No default: who reads a comment is always chosen (an internal note must not become shared by omission).
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices)
    is_resolved = models.BooleanField(default=False)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the comment went out in its readers' e-mail digest (send_comment_digests); empty until then,
    # and for ever for an internal note, which is never e-mailed.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["review", "anchor"])]


class ChangeLog(models.Model):
    """The audit trail: every change to an answer or a table row, field by field."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="changes")
    anchor = models.CharField(max_length=120)
    field = models.CharField(max_length=60)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["review", "anchor"])]


class Notification(models.Model):
    """A line in a user's notification list, e-mailed too. The link is kept as a route name with its
    arguments, not a path: it is reversed in the reader's language when shown or sent, so a renamed
    route fails where the notification is made (see `notify`), never in a stored link."""

    class Kind(models.TextChoices):
        ASSIGNMENT = "assignment", _("Assignment")
        SUBMISSION = "submission", _("Submission")
        REVISION = "revision", _("Revision requested")
        COMMENT = "comment", _("New comment")
        ACCEPTANCE = "acceptance", _("Acceptance")
        REMINDER = "reminder", _("Deadline reminder")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # Who acted (assigned, commented, asked for revisions): the user, not their name, so each reader reads
    # the name in their own language. Rows made before it have the name in params["actor"].
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    params = models.JSONField(default=dict, blank=True)
    route = models.CharField(max_length=60, blank=True)  # e.g. "reviews:part"; blank: no link
    route_kwargs = models.JSONField(default=dict, blank=True)
    fragment = models.CharField(max_length=160, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]
