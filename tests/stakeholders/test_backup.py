"""The stakeholders' rows and documents go into the portal's backups (gcm_portal/backup.py takes every model)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gcm_portal.backup import backup_create
from stakeholders.services.inputs import input_document_add

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_backup_holds_the_inputs_and_their_documents(draft, stakeholder, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    document = input_document_add(stakeholder_input=draft, user=stakeholder, file=SimpleUploadedFile("دليل.pdf", PDF))

    manifest = backup_create(output=tmp_path / "portal.tar.gz")

    counts = {label: entry["count"] for label, entry in manifest["models"].items() if label.startswith("stakeholders.")}
    assert counts == {"stakeholders.inputdocument": 1, "stakeholders.inputmessage": 0, "stakeholders.inputquote": 0,
                      "stakeholders.stakeholderinput": 1, "stakeholders.stakeholderorganisation": 1}
    assert list(manifest["media"]) == [document.file.name]
