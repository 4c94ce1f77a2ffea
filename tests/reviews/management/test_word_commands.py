"""review_docx and import_docx: the template and a review as Word files, and an import previewed or applied."""

import pytest
from django.core.management import CommandError, call_command

from reviews.models import Answer, Review
from tests.reviews.word.filling import blank_template, find_heading, open_docx, save_docx, type_under

pytestmark = pytest.mark.django_db


def test_review_docx_writes_the_template_or_a_review(tmp_path, open_cycle, review, capsys):
    call_command("review_docx", "--cycle", "arab-2028", "--language", "ar", "--output", str(tmp_path / "t.docx"))
    call_command("review_docx", "--cycle", "arab-2028", "--language", "en", "--output", str(tmp_path / "r.docx"),
                 "--country", "EG")

    assert open_docx((tmp_path / "t.docx").read_bytes()).paragraphs[0].text == open_cycle.name_ar
    assert open_docx((tmp_path / "r.docx").read_bytes()).paragraphs[0].text == "Voluntary national review of Egypt"
    assert "the review of Egypt (draft), in en" in capsys.readouterr().out


def test_review_docx_as_a_user_sees_only_their_reviews(tmp_path, open_cycle, review, reviewer):
    with pytest.raises(CommandError, match="No review of “EG” in arab-2028 that reviewer-escwa may see"):
        call_command("review_docx", "--cycle", "arab-2028", "--language", "en", "--output", str(tmp_path / "r.docx"),
                     "--country", "EG", "--user", "reviewer-escwa")


def _filled(open_cycle, tmp_path):
    document = open_docx(blank_template(open_cycle, "en"))
    type_under(document, find_heading(document, "1.1"), "Prepared by a national committee.")
    path = tmp_path / "filled.docx"
    path.write_bytes(save_docx(document))
    return path


def test_import_docx_previews_then_applies_opening_the_review(tmp_path, open_cycle, egypt, focal_point, capsys):
    path = _filled(open_cycle, tmp_path)
    arguments = ["--cycle", "arab-2028", "--country", "EG", "--file", str(path), "--user", "fp-eg"]

    call_command("import_docx", *arguments)
    preview = capsys.readouterr().out
    assert (Review.objects.count(), Answer.objects.count()) == (0, 0)
    assert "[fill] \u20661.1\u2069 How was the review prepared" in preview
    assert "Preview only: 1 item(s) would change the review." in preview

    call_command("import_docx", *arguments, "--apply")
    assert list(Answer.objects.values_list("prompt__code", "text_en", "updated_by__username")) == [
        ("1.1", "Prepared by a national committee.", "fp-eg")]


def test_import_docx_refuses_a_bad_file_and_another_countrys_user(tmp_path, open_cycle, egypt, focal_point,
                                                                  other_focal_point):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"%PDF-1.4")
    with pytest.raises(CommandError, match=r"not a Word document \(.docx\)"):
        call_command("import_docx", "--cycle", "arab-2028", "--country", "EG", "--file", str(bad), "--user", "fp-eg")
    with pytest.raises(CommandError, match="fp-ma is not in Egypt's team"):
        call_command("import_docx", "--cycle", "arab-2028", "--country", "EG", "--file",
                     str(_filled(open_cycle, tmp_path)), "--user", "fp-ma")
