import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gcm_portal.validators import BIDI_CONTROLS
from reviews.models import Attachment, Review
from reviews.services.attachments import ALLOWED_TYPES, attachment_add, safe_file_name
from reviews.services.errors import DomainError, NotAllowed
from tests import factories

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)


def _docx() -> bytes:
    """The smallest Word file `filetype` recognises: a ZIP whose first entry is
    [Content_Types].xml followed by a word/ part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


def _xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Remittances (USD million)"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not an office document")
    return buffer.getvalue()


def _upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("name", "content", "stored_name", "content_type"),
    [
        ("Annual report.pdf", PDF, "Annual_report.pdf", "application/pdf"),
        ("Consultation minutes.docx", _docx(), "Consultation_minutes.docx", ALLOWED_TYPES["docx"]),
        ("Remittances.xlsx", _xlsx(), "Remittances.xlsx", ALLOWED_TYPES["xlsx"]),
    ],
)
def test_attachment_add_accepts_pdf_docx_and_xlsx(review, focal_point, name, content, stored_name, content_type):
    attachment = attachment_add(review=review, user=focal_point, file=_upload(name, content),
                                description="Evidence")

    stored = Attachment.objects.get(pk=attachment.pk)
    assert (stored.review, stored.original_name, stored.content_type, stored.size, stored.description) == (
        review, stored_name, content_type, len(content), "Evidence"
    )
    assert stored.uploaded_by == focal_point
    assert stored.file.name.startswith("attachments/")
    with stored.file.open("rb") as saved:
        assert saved.read() == content


def test_attachment_add_names_file_by_its_real_type(review, focal_point):
    attachment = attachment_add(review=review, user=focal_point, file=_upload("figures.pdf", _xlsx()))

    assert (attachment.original_name, attachment.content_type) == ("figures.xlsx", ALLOWED_TYPES["xlsx"])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"This is plain text pretending to be a PDF.\n"),
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
        ("archive.docx", _zip()),
        ("empty.pdf", b""),
        ("report.pdf", b"<!doctype html><html><script>alert(document.cookie)</script></html>"),
        ("chart.pdf", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ],
    ids=["text-named-pdf", "exe-named-pdf", "exe", "plain-zip-named-docx", "empty", "html-named-pdf",
         "svg-named-pdf", "png-named-pdf"],
)
def test_attachment_add_refuses_what_is_not_pdf_docx_or_xlsx(review, focal_point, name, content, english):
    with pytest.raises(DomainError) as refused:
        attachment_add(review=review, user=focal_point, file=_upload(name, content))

    assert refused.value.message == "Only PDF, Word (DOCX) and Excel (XLSX) files can be attached."
    assert Attachment.objects.exists() is False


def test_attachment_add_refuses_file_over_the_limit(review, focal_point, settings, english):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    too_big = PDF + b"0" * (1024 * 1024 + 1 - len(PDF))

    with pytest.raises(DomainError) as refused:
        attachment_add(review=review, user=focal_point, file=_upload("big.pdf", too_big))

    assert refused.value.message == "The file is larger than 1 MB."
    assert Attachment.objects.exists() is False


def test_attachment_add_accepts_file_at_the_limit(review, focal_point, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    exactly = PDF + b"0" * (1024 * 1024 - len(PDF))

    attachment = attachment_add(review=review, user=focal_point, file=_upload("exact.pdf", exactly))

    assert attachment.size == 1024 * 1024


@pytest.mark.parametrize(
    ("name", "stored_name"),
    [
        ("../../etc/Annual report.pdf", "Annual_report.pdf"),
        ("invoice\u202efdp.exe", "invoicefdp.pdf"),
        ("\u200fتقرير الهجرة\u200f.pdf", "تقرير_الهجرة.pdf"),
        ("report\u0000\u0007.pdf", "report.pdf"),
        ("\u202e.pdf", "document.pdf"),
        ("#.pdf", "document.pdf"),
    ],
    ids=["path", "right-to-left-override", "arabic-with-rlm", "control-characters", "only-bidi", "nothing-valid"],
)
def test_attachment_add_cleans_the_name(review, focal_point, name, stored_name):
    attachment = attachment_add(review=review, user=focal_point, file=_upload(name, PDF))

    assert Attachment.objects.get(pk=attachment.pk).original_name == stored_name
    assert attachment.file.name.rsplit("/", 1)[-1].startswith(stored_name.rsplit(".", 1)[0])


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("reports/2024/summary.pdf", "pdf", "summary.pdf"),
        ("/tmp/../../secret.docx", "docx", "secret.docx"),
        ("data.xlsx.exe", "xlsx", "data.xlsx.xlsx"),
        ("x" * 300 + ".pdf", "pdf", "x" * 150 + ".pdf"),
        ("..", "pdf", "document.pdf"),
    ],
)
def test_safe_file_name_keeps_no_path_and_the_real_extension(name, extension, expected):
    assert safe_file_name(name, extension) == expected


def test_attachment_add_by_contributor_assigned_to_part_1(review, contributor):
    factories.AssignmentFactory(review=review, contributor=contributor, part=review.cycle.parts.get(number=1))

    attachment = attachment_add(review=review, user=contributor, file=_upload("minutes.pdf", PDF))

    assert Attachment.objects.get(pk=attachment.pk).uploaded_by == contributor


@pytest.mark.parametrize("user_fixture", ["contributor", "other_focal_point", "reviewer"])
def test_attachment_add_refused_without_right_to_the_review(request, review, user_fixture):
    user = request.getfixturevalue(user_fixture)

    with pytest.raises(NotAllowed):
        attachment_add(review=review, user=user, file=_upload("minutes.pdf", PDF))

    assert Attachment.objects.exists() is False


def test_attachment_add_refused_once_submitted(review, focal_point):
    Review.objects.filter(pk=review.pk).update(status=Review.Status.SUBMITTED)
    review.refresh_from_db()

    with pytest.raises(NotAllowed):
        attachment_add(review=review, user=focal_point, file=_upload("late.pdf", PDF))

    assert Attachment.objects.exists() is False


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS), ids=lambda c: f"U+{ord(c):04X}")
def test_attachment_add_strips_every_direction_control_from_the_name(review, focal_point, control):
    # "report<control>fdp.exe" must not display as "reportexe.pdf" or hide its real extension.
    attachment = attachment_add(review=review, user=focal_point, file=_upload(f"report{control}fdp.exe", PDF))

    assert Attachment.objects.get(pk=attachment.pk).original_name == "reportfdp.pdf"
