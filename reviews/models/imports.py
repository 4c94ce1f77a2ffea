"""A Word file uploaded to be imported into a review, kept between the preview and the confirmation."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reviews.models.review import Review


class WordImport(models.Model):
    """The uploaded file (in the default storage, never a local path) and what the preview showed:
    `seen` holds the version of each answer and objective the user saw, so a save made by someone
    else after the preview refuses that item instead of overwriting it."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="word_imports")
    file = models.FileField(upload_to="word-imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    seen = models.JSONField(default=dict)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("Word import")

    def __str__(self):
        return self.original_name
