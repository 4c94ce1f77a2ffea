"""`manage.py build_report`: a PDF and its HTML written, clear errors otherwise."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.reviews.report.conftest import accepted_review  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def test_build_report_writes_the_pdf_and_the_html(accepted_review, organiser, tmp_path):
    pdf, html = tmp_path / "report.pdf", tmp_path / "report.html"
    call_command("build_report", "--cycle", "arab-2028", "--output", str(pdf), "--html-output", str(html),
                 "--language", "en", stdout=StringIO())
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert 'id="en-profile-EG"' in html.read_text(encoding="utf-8")


def test_build_report_writes_the_compendium(accepted_review, organiser, tmp_path):
    pdf, html = tmp_path / "compendium.pdf", tmp_path / "compendium.html"
    out = StringIO()
    call_command("build_report", "--cycle", "arab-2028", "--output", str(pdf), "--html-output", str(html),
                 "--compendium", stdout=out)
    text = html.read_text(encoding="utf-8")
    assert pdf.read_bytes()[:5] == b"%PDF-" and "pages" in out.getvalue()
    assert 'id="ar-o1-EG"' in text and 'id="en-o1-EG"' in text and 'class="edition edition-en compendium"' in text
    assert 'id="en-profile-EG"' not in text  # not the report


def test_build_report_writes_one_countrys_review(accepted_review, organiser, tmp_path):
    pdf = tmp_path / "eg.pdf"
    call_command("build_report", "--cycle", "arab-2028", "--output", str(pdf), "--country", "eg",
                 "--language", "ar", stdout=StringIO())
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_build_report_refuses_a_country_the_user_does_not_see(accepted_review, other_focal_point, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("build_report", "--cycle", "arab-2028", "--output", str(tmp_path / "x.pdf"),
                     "--country", "EG", "--user", "fp-ma")
    assert str(error.value) == "fp-ma sees no review of EG in arab-2028."


def test_build_report_needs_an_organiser(open_cycle, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("build_report", "--cycle", "arab-2028", "--output", str(tmp_path / "x.pdf"))
    assert str(error.value) == "No active organiser to build the report as: pass --user USERNAME."


def test_build_report_names_an_unknown_cycle(db, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("build_report", "--cycle", "nope", "--output", str(tmp_path / "x.pdf"))
    assert str(error.value) == "No cycle with the slug 'nope'."
