"""The checks a Word file passes before anything reads it. Each refusal says why, in the user's language,
and changes nothing: not a Word document, a macro-enabled one, a password-protected one, a zip bomb,
a file over the size limit."""

import io
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from reviews.services.errors import DomainError

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the OLE container of encrypted Office files and of .doc
MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
}
MACRO_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
MAX_MEMBERS = 1000
MAX_RATIO = 100  # a Word document's XML compresses about 10 times; a bomb thousands of times
MAX_UNCOMPRESSED = 200 * 1024 * 1024


class WordFileRefused(DomainError):
    """The file cannot be imported; `message` says why."""


def max_bytes() -> int:
    return settings.ATTACHMENT_MAX_BYTES


def too_large_message() -> str:
    return _("The file is larger than %(limit)s MB: nothing was imported.") % {"limit": max_bytes() // (1024 * 1024)}


def docx_check(content: bytes) -> None:
    """Refuse anything but a plain Word document (.docx) of reasonable size; read the zip's members
    through to the end, counting, so a member that lies about its size is caught too."""
    if len(content) > max_bytes():
        raise WordFileRefused(too_large_message())
    if content.startswith(CFB_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in content or b"EncryptedPackage" in content \
                or "EncryptedPackage".encode("utf-16-le") in content:
            raise WordFileRefused(_("The file is protected by a password. Remove the password in Word (File, "
                                    "Info, Protect document) and upload it again: nothing was imported."))
        raise WordFileRefused(_("This is an old Word file (.doc). Save it in Word as a Word document (.docx) "
                                "and upload it again: nothing was imported."))
    not_word = _("This file is not a Word document (.docx): nothing was imported.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise WordFileRefused(not_word) from None
    with archive:
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names:
            raise WordFileRefused(not_word)
        bomb = _("The file expands to far more than a Word document can hold (a “zip bomb”): "
                 "nothing was imported.")
        if len(members) > MAX_MEMBERS:
            raise WordFileRefused(bomb)
        total = 0
        try:
            for member in members:
                read = 0
                with archive.open(member) as stream:
                    while chunk := stream.read(64 * 1024):
                        read += len(chunk)
                        total += len(chunk)
                        if total > MAX_UNCOMPRESSED or (
                                read > 1024 * 1024 and read > MAX_RATIO * max(member.compress_size, 1)):
                            raise WordFileRefused(bomb)
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
            raise WordFileRefused(not_word) from None
    if any(kind in types for kind in MACRO_TYPES) or any(name.lower().endswith("vbaproject.bin") for name in names):
        raise WordFileRefused(_("This Word file contains macros (.docm). Save it in Word as a Word document "
                                "(.docx), without macros, and upload it again: nothing was imported."))
    if not any(kind in types for kind in MAIN_TYPES):
        raise WordFileRefused(not_word)
    try:
        from docx import Document

        Document(io.BytesIO(content))
    except Exception:  # python-docx raises many kinds of errors for a damaged document
        raise WordFileRefused(_("The Word document is damaged and cannot be read: open it in Word, save it "
                                "again and upload it again. Nothing was imported.")) from None
