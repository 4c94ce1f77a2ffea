"""`manage.py export_data`: each format written to a file, as the chosen user sees the cycle, with clear
errors for what cannot be exported."""

import json
import zipfile
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from reviews.models import Review
from reviews.services.submission import review_submit
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(open_cycle, review, focal_point, other_focal_point, complete_review):
    """Egypt's review is a draft; Morocco's is submitted."""
    complete_review(review, focal_point)
    morocco = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(morocco, other_focal_point)
    review_submit(review=morocco, user=other_focal_point)
    return open_cycle


def _export(*args) -> str:
    out = StringIO()
    call_command("export_data", "--cycle", "arab-2028", *args, stdout=out)
    return out.getvalue()


def _countries_in_xlsx(path) -> list:
    sheet = openpyxl.load_workbook(path)["countries"]
    return [row[:3] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_export_data_writes_xlsx_as_the_first_organiser(tmp_path, region, organiser):
    factories.OrganiserFactory(username="second-organiser")
    path = tmp_path / "region.xlsx"

    output = _export("--format", "xlsx", "--output", str(path), "--language", "ar")

    assert _countries_in_xlsx(path) == [("MA", "المغرب", "مُقدَّم")]
    assert output == (f"Wrote {path} ({path.stat().st_size:,} bytes): 1 review(s) of arab-2028 as organiser "
                      "sees them.\n")


def test_export_data_writes_a_csv_zip(tmp_path, region, organiser):
    path = tmp_path / "region.zip"

    _export("--format", "csv", "--output", str(path))

    with zipfile.ZipFile(path) as archive:
        countries = archive.read("countries.csv").decode("utf-8-sig").splitlines()
        assert len(archive.namelist()) == 9
    assert countries[1].split(",")[:3] == ["MA", "Morocco", "Submitted"]


def test_export_data_writes_json_for_a_chosen_user(tmp_path, region, focal_point):
    path = tmp_path / "egypt.json"

    _export("--format", "json", "--output", str(path), "--user", "fp-eg")

    data = json.loads(path.read_text(encoding="utf-8"))
    assert ([country["country"] for country in data["countries"]], {answer["country"] for answer in data["answers"]},
            data["cycle"]) == (["EG"], {"EG"}, "arab-2028")


def test_export_data_filters_by_status(tmp_path, region, organiser):
    path = tmp_path / "accepted.json"
    Review.objects.filter(country__iso2="MA").update(status=Review.Status.ACCEPTED)

    _export("--format", "json", "--output", str(path), "--status", "accepted", "--status", "in_review")

    data = json.loads(path.read_bytes())
    assert ([country["country"] for country in data["countries"]], data["statuses"]) == (
        ["MA"], ["accepted", "in_review"])


def test_export_data_fails_clearly_on_an_unknown_cycle(tmp_path, region, organiser):
    with pytest.raises(CommandError) as error:
        call_command("export_data", "--cycle", "arab-2099", "--format", "xlsx", "--output", str(tmp_path / "x"))

    assert (str(error.value), list(tmp_path.iterdir())) == (
        "Unknown cycle “arab-2099”. Known cycles: arab-2020, arab-2024, arab-2028.", [])


def test_export_data_fails_clearly_on_an_unknown_format(tmp_path, region, organiser):
    with pytest.raises(CommandError) as error:
        _export("--format", "pdf", "--output", str(tmp_path / "x.pdf"))

    assert str(error.value) == "Error: argument --format: invalid choice: 'pdf' (choose from 'xlsx', 'csv', 'json')"


def test_export_data_fails_clearly_without_an_organiser(tmp_path, region):
    with pytest.raises(CommandError) as error:
        _export("--format", "json", "--output", str(tmp_path / "x.json"))

    assert str(error.value) == "There is no active organiser to export as: pass --user USERNAME."


@pytest.mark.parametrize(("username", "message"), [
    ("nobody", "Unknown user “nobody”."),
    ("no-role", "User “no-role” is inactive or has no role: they may not see any review."),
])
def test_export_data_fails_clearly_on_a_user_who_cannot_export(tmp_path, region, username, message):
    factories.UserFactory(username="no-role", role="")

    with pytest.raises(CommandError) as error:
        _export("--format", "json", "--output", str(tmp_path / "x.json"), "--user", username)

    assert str(error.value) == message


def test_export_data_fails_clearly_on_a_missing_folder(tmp_path, region, organiser):
    with pytest.raises(CommandError) as error:
        _export("--format", "json", "--output", str(tmp_path / "missing" / "x.json"))

    assert str(error.value) == f"The folder {tmp_path / 'missing'} does not exist."
