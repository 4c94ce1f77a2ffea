"""Supporting documents: PDF, DOCX and XLSX, recognised by their content, within a size limit."""

import unicodedata
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import Attachment, Review
from reviews.services.errors import DomainError, NotAllowed

ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def attachment_too_large_message() -> str:
    return _("The file is larger than %(limit)s MB.") % {"limit": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}


def attachment_check(file: UploadedFile) -> str:
    """Return the file's real extension, or raise DomainError: the name and the browser's
    content type are not trusted, only the bytes."""
    if file.size > settings.ATTACHMENT_MAX_BYTES:
        raise DomainError(attachment_too_large_message())
    head = file.read(8192)
    file.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in ALLOWED_TYPES:
        raise DomainError(_("Only PDF, Word (DOCX) and Excel (XLSX) files can be attached."))
    return kind.extension


def safe_file_name(name: str, extension: str) -> str:
    """A name fit to show and store: no path, no control or bidi characters, the real extension."""
    stem = PurePath(name).stem
    stem = "".join(ch for ch in stem if unicodedata.category(ch)[0] != "C")
    try:
        stem = get_valid_filename(stem)[:150]
    except SuspiciousFileOperation:  # nothing usable left, e.g. "#.pdf" or only bidi marks
        stem = "document"
    return f"{stem}.{extension}"


def attachment_add(*, review: Review, user, file: UploadedFile, description: str = "") -> Attachment:
    if not rules.can_add_documents(user, review):
        raise NotAllowed(_("You cannot add documents to this review."))
    if not review.is_editable_by_country:
        raise NotAllowed(_("This review can no longer be changed."))
    extension = attachment_check(file)
    name = safe_file_name(file.name, extension)
    file.name = name
    return Attachment.objects.create(
        review=review, file=file, original_name=name, content_type=ALLOWED_TYPES[extension], size=file.size,
        description=description, uploaded_by=user,
    )
