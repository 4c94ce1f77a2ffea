"""The Word pages: downloads, and a filled template uploaded, previewed and confirmed; every bad file refused
with its reason in the user's language, nothing kept and nothing changed."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import Answer, Download, WordImport
from reviews.word.template import DOCX_CONTENT_TYPE
from tests.reviews.word.filling import blank_template, find_heading, open_docx, save_docx, type_under

pytestmark = pytest.mark.django_db


def _rezip(content: bytes, replace: dict[str, bytes]) -> bytes:
    """The same zip with some members' bytes replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.pop(info.filename, source.read(info.filename)))
        for name, data in replace.items():
            target.writestr(name, data)
    return buffer.getvalue()


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (40 * 1024 * 1024))  # 40 MB of spaces: about 40 KB zipped
    return buffer.getvalue()


def _bad_file(kind: str, open_cycle) -> bytes:
    template = blank_template(open_cycle, "en")
    if kind == "pdf":
        return b"%PDF-1.4\n%%EOF\n"
    if kind == "doc":
        return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000 + "WordDocument".encode("utf-16-le")
    if kind == "password":
        return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000 + "EncryptionInfo".encode("utf-16-le")
    if kind == "docm":
        types = zipfile.ZipFile(io.BytesIO(template)).read("[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml")
        return _rezip(template, {"[Content_Types].xml": types, "word/vbaProject.bin": b"\0" * 100})
    if kind == "bomb":
        return _bomb()
    if kind == "damaged":
        return _rezip(template, {"word/document.xml": b"<w:document>not xml"})
    if kind == "large":
        return template  # over the limit the test sets
    raise AssertionError(kind)


MESSAGES = {
    "pdf": "This file is not a Word document (.docx): nothing was imported.",
    "doc": "This is an old Word file (.doc). Save it in Word as a Word document (.docx) and upload it again: "
           "nothing was imported.",
    "password": "The file is protected by a password. Remove the password in Word (File, Info, Protect document) "
                "and upload it again: nothing was imported.",
    "docm": "This Word file contains macros (.docm). Save it in Word as a Word document (.docx), without macros, "
            "and upload it again: nothing was imported.",
    "bomb": "The file expands to far more than a Word document can hold (a “zip bomb”): nothing was "
            "imported.",
    "damaged": "The Word document is damaged and cannot be read: open it in Word, save it again and upload it "
               "again. Nothing was imported.",
    "large": "The file is larger than %(limit)s MB: nothing was imported.",
}


def _upload(client, review, content: bytes, *, language="en", name="filled.docx"):
    return client.post(f"/{language}/reviews/{review.uid}/word/",
                       {"file": SimpleUploadedFile(name, content, content_type=DOCX_CONTENT_TYPE)})


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("kind", list(MESSAGES))
def test_a_bad_file_is_refused_with_its_reason_and_nothing_changes(client, settings, open_cycle, review, focal_point,
                                                                   kind, language):
    if kind == "large":
        settings.ATTACHMENT_MAX_BYTES = 1024 * 1024  # 1 MB: the blank template is 40 KB, so...
        content = blank_template(open_cycle, "en") + b"\0" * (1024 * 1024)  # ...padded beyond it
    else:
        content = _bad_file(kind, open_cycle)
    client.force_login(focal_point)

    response = _upload(client, review, content, language=language)

    with translation.override(language):
        expected = gettext(MESSAGES[kind]) % ({"limit": 1} if kind == "large" else {})
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert (WordImport.objects.count(), Answer.objects.count()) == (0, 0)


def _filled(open_cycle) -> bytes:
    document = open_docx(blank_template(open_cycle, "en"))
    type_under(document, find_heading(document, "1.1"), "Prepared by the Ministry of Foreign Affairs.")
    type_under(document, find_heading(document, "1.5"), "بيانات غير كافية")
    document.add_paragraph("A stray note after the last part.")
    return save_docx(document)


def test_upload_previews_then_confirm_imports(client, open_cycle, review, focal_point, prompts):
    client.force_login(focal_point)

    preview = _upload(client, review, _filled(open_cycle))
    page = preview.content.decode()
    upload = WordImport.objects.get()

    assert preview.status_code == 200
    assert "Prepared by the Ministry of Foreign Affairs." in page
    assert 'lang="ar" dir="rtl">بيانات غير كافية' in page
    assert "A stray note after the last part." in page  # unrecognised, shown
    assert Answer.objects.count() == 0

    done = client.post(f"/en/reviews/{review.uid}/word/{upload.uid}/apply/")

    assert done.status_code == 200
    assert {a.prompt.code: (a.text_ar, a.text_en) for a in Answer.objects.filter(review=review)} == {
        "1.1": ("", "Prepared by the Ministry of Foreign Affairs."), "1.5": ("بيانات غير كافية", "")}
    upload.refresh_from_db()
    assert upload.applied_at is not None
    again = client.post(f"/en/reviews/{review.uid}/word/{upload.uid}/apply/")
    assert (again.status_code, "This file was imported already" in again.content.decode()) == (409, True)


def test_a_submitted_review_refuses_an_import_with_the_reason(client, open_cycle, submitted_review, focal_point):
    client.force_login(focal_point)

    page = client.get(f"/en/reviews/{submitted_review.uid}/word/")
    response = _upload(client, submitted_review, _filled(open_cycle))

    reason = "This review has been submitted (“Submitted”): a Word file cannot be imported into it."
    assert (page.status_code, reason in page.content.decode()) == (200, True)
    assert (response.status_code, reason in response.content.decode()) == (403, True)
    assert WordImport.objects.count() == 0


def test_another_users_upload_is_not_found(client, open_cycle, review, focal_point, contributor):
    client.force_login(focal_point)
    _upload(client, review, _filled(open_cycle))
    upload = WordImport.objects.get()
    client.force_login(contributor)

    assert client.get(f"/en/reviews/{review.uid}/word/{upload.uid}/").status_code == 404


@pytest.mark.parametrize("language", ["ar", "en"])
def test_review_download_is_a_word_document_and_recorded(client, review, focal_point, prompts, language):
    Answer.objects.create(review=review, prompt=prompts["1.1"], text_ar="نص", text_en="", original_language="ar")
    client.force_login(focal_point)

    response = client.get(f"/en/reviews/{review.uid}/review.docx?lang={language}")

    document = open_docx(response.content)
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert re.search(r'filename="arab-2028-eg-review-(ar|en)\.docx"', response["Content-Disposition"])
    assert "نص" in [p.text for p in document.paragraphs]
    assert list(Download.objects.values_list("kind", "parameters")) == [
        ("word", {"country": "EG", "language": language})]


def test_template_download(client, open_cycle, reviewer):
    client.force_login(reviewer)

    response = client.get("/en/reviews/cycles/arab-2028/template.docx?lang=ar")

    headings = [p.text for p in open_docx(response.content).paragraphs if p.style.name == "Heading 1"]
    assert headings == ["1. المنهجية", "2. السياسة العامة والبيئة التمكينية",
                        "3. التقدم المحرز في تحقيق أهداف الاتفاق العالمي", "4. وسائل التنفيذ", "5. الخطوات التالية"]
