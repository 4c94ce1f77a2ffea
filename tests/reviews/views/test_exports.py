"""The exports page and the download, for each kind of user, in Arabic and English: what a file holds
is what the user may see."""

import html
import io
import json
import zipfile

import openpyxl
import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from reviews.models import Review
from reviews.services.submission import review_submit
from tests import factories

pytestmark = pytest.mark.django_db

PAGE = "/{language}/reviews/cycles/arab-2028/exports/"
DOWNLOAD = "/{language}/reviews/cycles/arab-2028/exports/download/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _in(language, english: str) -> str:
    with translation.override(language):
        return gettext(english)


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _attachment(extension: str) -> str:
    return f'attachment; filename="gcm-arab-2028-{timezone.localdate().isoformat()}.{extension}"'


def _sheet_countries(content: bytes) -> dict[str, list[str]]:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return {sheet.title: sorted({row[0] for row in sheet.iter_rows(min_row=2, values_only=True)})
            for sheet in workbook}


@pytest.fixture
def morocco_review(open_cycle, other_focal_point, complete_review):
    """Morocco's review, complete and submitted by its focal point, with a policy."""
    review = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(review, other_focal_point)
    factories.PolicyFactory(review=review, title="Loi sur la migration")
    review_submit(review=review, user=other_focal_point)
    return Review.objects.get(pk=review.pk)


@pytest.fixture
def egypt_draft(review, focal_point, complete_review):
    """Egypt's review, complete but never submitted: private to the Egyptian team."""
    complete_review(review, focal_point)
    factories.PolicyFactory(review=review, title="Egyptian draft law")
    return review


# --- the page ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize(("user_fixture", "count"), [
    ("focal_point", 1), ("contributor", 1), ("other_focal_point", 1), ("reviewer", 1), ("organiser", 1),
])
def test_exports_page_shows_the_form_to_every_role(request, client, egypt_draft, morocco_review, user_fixture,
                                                   count, language):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(PAGE.format(language=language))

    page = _page(response)
    assert (response.status_code, response.context["review_count"]) == (200, count)
    assert f'<h1 class="h3">{_in(language, "Data exports")}</h1>' in page
    assert f'<form method="get" action="/{language}/reviews/cycles/arab-2028/exports/download/"' in page
    assert '<input type="radio" name="format" value="xlsx" class="form-check-input"' in page
    assert f'<input type="radio" name="language" value="{language}" class="form-check-input"' in page
    assert f'id="id_language_{["ar", "en"].index(language)}" checked>' in page
    assert '<input type="checkbox" name="status" value="accepted" class="form-check-input"' in page


def test_exports_page_tells_a_country_team_it_exports_its_own_country(client, focal_point, egypt_draft):
    client.force_login(focal_point)

    page = _page(client.get(PAGE.format(language="en")))

    assert "The export holds your country's review only" in page
    assert "Drafts stay private to their country team." not in page


def test_exports_page_tells_regional_staff_drafts_stay_private(client, reviewer, egypt_draft):
    client.force_login(reviewer)

    response = client.get(PAGE.format(language="en"))

    assert (response.context["review_count"], "Drafts stay private to their country team." in _page(response)) == (
        0, True)


@pytest.mark.parametrize("url", [PAGE, DOWNLOAD])
def test_exports_send_anonymous_to_login(client, open_cycle, url):
    response = client.get(url.format(language="en"))

    assert (response.status_code, response["Location"]) == (
        302, f"/en/accounts/login/?next={url.format(language='en')}")


@pytest.mark.parametrize("url", [PAGE, DOWNLOAD])
def test_exports_forbidden_to_a_user_without_a_role(client, open_cycle, morocco_review, url):
    client.force_login(factories.UserFactory(role=""))

    response = client.get(url.format(language="en"))

    assert (response.status_code, "Loi sur la migration" in response.content.decode()) == (403, False)


@pytest.mark.parametrize("url", [PAGE, DOWNLOAD])
def test_exports_of_an_unknown_cycle_are_404(client, reviewer, url):
    client.force_login(reviewer)

    assert client.get(url.format(language="en").replace("arab-2028", "arab-2099")).status_code == 404


# --- the download --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor"])
def test_export_download_gives_a_country_team_its_own_country(request, client, egypt_draft, morocco_review,
                                                              user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(DOWNLOAD.format(language="en"), {"format": "xlsx", "language": "en"})

    assert (response.status_code, response["Content-Type"], response["Content-Disposition"]) == (
        200, XLSX, _attachment("xlsx"))
    countries = _sheet_countries(response.content)
    every_country = {country for listed in countries.values() for country in listed}
    assert (every_country, countries["policies"], len(countries)) == ({"EG"}, ["EG"], 9)


def test_export_download_never_gives_a_reviewer_a_draft(client, reviewer, egypt_draft, morocco_review):
    client.force_login(reviewer)

    response = client.get(DOWNLOAD.format(language="en"), {"format": "json"})

    data = json.loads(response.content)
    assert (response.status_code, response["Content-Type"], response["Content-Disposition"]) == (
        200, "application/json", _attachment("json"))
    assert ({answer["country"] for answer in data["answers"]}, [policy["title"] for policy in data["policies"]]) == (
        {"MA"}, ["Loi sur la migration"])


def test_export_download_filters_by_status(client, organiser, morocco_review):
    client.force_login(organiser)

    accepted = client.get(DOWNLOAD.format(language="en") + "?format=json&status=accepted")
    submitted = client.get(DOWNLOAD.format(language="en") + "?format=json&status=accepted&status=submitted")

    assert ([country["country"] for country in json.loads(accepted.content)["countries"]],
            [country["country"] for country in json.loads(submitted.content)["countries"]]) == ([], ["MA"])


def test_export_download_csv_zip_in_arabic(client, other_focal_point, morocco_review):
    client.force_login(other_focal_point)

    response = client.get(DOWNLOAD.format(language="en"), {"format": "csv", "language": "ar"})

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    first_line = archive.read("policies.csv").decode("utf-8-sig").splitlines()[0]
    assert (response.status_code, response["Content-Type"], response["Content-Disposition"]) == (
        200, "application/zip", _attachment("zip"))
    assert first_line == "البلد,العنوان,النوع,السنة,الحالة,الأهداف المعنية,الرابط,مرفق,آخر من عدّله,آخر تعديل"


@pytest.mark.parametrize(("language", "right_to_left"), [("ar", True), ("en", False)])
def test_export_download_defaults_to_xlsx_in_the_page_language(client, reviewer, morocco_review, language,
                                                               right_to_left):
    client.force_login(reviewer)

    response = client.get(DOWNLOAD.format(language=language))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["countries"]
    assert (response["Content-Type"], sheet.sheet_view.rightToLeft, sheet["C1"].value) == (
        XLSX, right_to_left, _in(language, "Status"))


def test_export_download_is_never_cached(client, reviewer, morocco_review):
    client.force_login(reviewer)

    response = client.get(DOWNLOAD.format(language="en"))

    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


@pytest.mark.parametrize("query", ["format=pdf", "language=fr", "status=lost"])
def test_export_download_refuses_bad_choices_on_the_page(client, reviewer, morocco_review, query):
    client.force_login(reviewer)

    response = client.get(DOWNLOAD.format(language="en") + "?" + query)

    assert (response.status_code, response["Content-Type"]) == (400, "text/html; charset=utf-8")
    assert "Please correct the choices below." in _page(response)


# --- links ---------------------------------------------------------------------------------------------------


def test_dashboard_links_to_the_exports(client, reviewer, open_cycle):
    client.force_login(reviewer)

    page = _page(client.get("/en/reviews/cycles/arab-2028/dashboard/"))

    assert '<a class="btn btn-sm btn-link" href="/en/reviews/cycles/arab-2028/exports/">Data exports</a>' in page


@pytest.mark.parametrize(("user_fixture", "linked"), [("focal_point", True), ("reviewer", False)])
def test_workspace_links_the_country_team_to_the_exports(request, client, submitted_review, user_fixture, linked):
    client.force_login(request.getfixturevalue(user_fixture))

    page = _page(client.get(f"/en/reviews/{submitted_review.uid}/"))

    link = '<a class="nav-link px-0" href="/en/reviews/cycles/arab-2028/exports/">Data exports</a>'
    assert (link in page) == linked
