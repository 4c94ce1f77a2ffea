"""Every file flow through Django's storage API only: run with `InMemoryStorage`, which has no local path
(`storage.path()` raises), so code reading `FieldFile.path` or opening a file under MEDIA_ROOT fails here.
What several servers sharing an object store (STORAGE_BACKEND=s3) need: upload, download, a report built by
the worker and downloaded, a Word file uploaded and imported, and a backup restored."""

from pathlib import Path

import pytest
from django.core.files.storage import InMemoryStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from gcm_portal.backup import backup_create, backup_restore, media_files
from reviews.models import Attachment, GeneratedReport, WordImport
from reviews.services.attachments import attachment_add
from reviews.word.template import DOCX_CONTENT_TYPE
from tests.reviews.reports_content import accept
from tests.reviews.word.filling import blank_template, find_heading, open_docx, save_docx, type_under

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def memory_storage(settings, tmp_path):
    """The default storage in memory; MEDIA_ROOT an empty folder that must stay empty."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    settings.MEDIA_ROOT = str(tmp_path / "media")
    assert isinstance(default_storage, InMemoryStorage)
    yield default_storage
    assert not Path(settings.MEDIA_ROOT).exists()


def _stored(storage) -> dict[str, bytes]:
    files = {}
    for name in media_files(storage):
        with storage.open(name, "rb") as stream:
            files[name] = stream.read()
    return files


@pytest.mark.django_db
def test_attachment_upload_and_download_through_the_storage(client, memory_storage, review, focal_point,
                                                             other_focal_point):
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/documents/",
                           {"file": SimpleUploadedFile("annex.pdf", PDF, content_type="application/pdf"),
                            "description": "Annex"})

    attachment = Attachment.objects.get()
    assert response.status_code == 302
    assert _stored(memory_storage) == {attachment.file.name: PDF}
    download = client.get(f"/en/reviews/{review.uid}/documents/{attachment.uid}/")
    assert (download.status_code, b"".join(download.streaming_content)) == (200, PDF)
    client.force_login(other_focal_point)
    assert client.get(f"/en/reviews/{review.uid}/documents/{attachment.uid}/").status_code == 404


@pytest.mark.django_db
def test_report_built_into_the_storage_and_downloaded_from_it(client, memory_storage, review, focal_point, reviewer,
                                                              django_capture_on_commit_callbacks):
    accept(review, focal_point=focal_point, reviewer=reviewer)
    client.force_login(reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/reviews/cycles/arab-2028/reports/", {"languages": "en"})

    report = GeneratedReport.objects.get()
    stored = _stored(memory_storage)
    assert (report.status, list(stored)) == ("done", [report.file.name])
    download = client.get(f"/en/reviews/reports/{report.uid}/download/")
    content = b"".join(download.streaming_content)
    assert (download.status_code, content, content[:5]) == (200, stored[report.file.name], b"%PDF-")


@pytest.mark.django_db
def test_word_file_uploaded_previewed_and_imported_through_the_storage(client, memory_storage, open_cycle, review,
                                                                      focal_point, django_capture_on_commit_callbacks):
    document = open_docx(blank_template(open_cycle, "en"))
    type_under(document, find_heading(document, "1.1"), "Prepared by the Ministry of Foreign Affairs.")
    client.force_login(focal_point)

    preview = client.post(f"/en/reviews/{review.uid}/word/",
                          {"file": SimpleUploadedFile("filled.docx", save_docx(document),
                                                      content_type=DOCX_CONTENT_TYPE)})
    upload = WordImport.objects.get()
    assert (preview.status_code, list(_stored(memory_storage))) == (200, [upload.file.name])

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/en/reviews/{review.uid}/word/{upload.uid}/apply/")

    assert done.status_code == 200
    assert review.answers.get(prompt__code="1.1").text_en == "Prepared by the Ministry of Foreign Affairs."
    assert _stored(memory_storage) == {}  # the file goes once imported


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_through_the_storage(memory_storage, review, focal_point, tmp_path):
    for number in range(2):
        attachment_add(review=review, user=focal_point, description=f"وثيقة {number}",
                       file=SimpleUploadedFile(f"تقرير-{number}.pdf", PDF + str(number).encode(),
                                               content_type="application/pdf"))
    files = _stored(memory_storage)
    archive = tmp_path / "backup.tar.gz"
    manifest = backup_create(output=archive)
    assert sorted(manifest["media"]) == sorted(files) and len(files) == 2

    call_command("flush", interactive=False, verbosity=0)
    for name in files:
        memory_storage.delete(name)
    result = backup_restore(archive_path=archive)

    assert (result.files, _stored(memory_storage)) == (2, files)
    assert sorted(Attachment.objects.values_list("file", flat=True)) == sorted(files)
