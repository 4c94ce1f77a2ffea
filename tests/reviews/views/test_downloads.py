"""Every download of a report or an export is recorded (who, when, what, with which choices) and listed
for organisers only, in Arabic and English."""

import html

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from reviews.models import Download
from reviews.services.reports import report_request
from tests.reviews.reports_content import accept

pytestmark = pytest.mark.django_db

DOWNLOADS = "/{language}/reviews/cycles/arab-2028/downloads/"


@pytest.fixture
def regional_report(review, focal_point, reviewer, django_capture_on_commit_callbacks):
    accepted = accept(review, focal_point=focal_point, reviewer=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        report = report_request(cycle=accepted.cycle, user=reviewer, languages="en")
    report.refresh_from_db()
    return report


def _records() -> list[tuple]:
    return [(d.kind, d.user.username, d.cycle.slug, d.file_name, d.parameters, d.report_id)
            for d in Download.objects.order_by("pk")]


def test_report_download_is_recorded_with_its_choices(client, regional_report, reviewer):
    client.force_login(reviewer)

    response = client.get(f"/en/reviews/reports/{regional_report.uid}/download/")

    b"".join(response.streaming_content)
    assert _records() == [(
        "report", "reviewer-escwa", "arab-2028", f"gcm-arab-2028-regional-report-en-{timezone.localdate()}.pdf",
        {"kind": "regional", "languages": "en", "include_submitted": False, "country": None,
         "data_version": regional_report.data_version}, regional_report.pk)]


def test_export_download_is_recorded_with_its_choices(client, submitted_review, focal_point):
    client.force_login(focal_point)

    response = client.get("/ar/reviews/cycles/arab-2028/exports/download/",
                          {"format": "csv", "status": ["submitted"]})

    assert response.status_code == 200
    assert _records() == [("export", "fp-eg", "arab-2028", f"gcm-arab-2028-{timezone.localdate()}.zip",
                           {"format": "csv", "language": "ar", "status": ["submitted"]}, None)]


def test_refused_or_unfinished_downloads_are_not_recorded(client, regional_report, other_focal_point, organiser):
    client.force_login(other_focal_point)
    refused = client.get(f"/en/reviews/reports/{regional_report.uid}/download/")
    client.force_login(organiser)
    invalid = client.get("/en/reviews/cycles/arab-2028/exports/download/", {"format": "pdf"})

    assert (refused.status_code, invalid.status_code, Download.objects.count()) == (404, 400, 0)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_downloads_page_lists_them_for_organisers(client, regional_report, reviewer, organiser, language):
    client.force_login(reviewer)
    b"".join(client.get(f"/en/reviews/reports/{regional_report.uid}/download/").streaming_content)
    client.force_login(organiser)

    response = client.get(DOWNLOADS.format(language=language))

    page = html.unescape(response.content.decode())
    with translation.override(language):
        heading, kind = gettext("Downloads"), gettext("Report PDF")
    assert response.status_code == 200
    assert [d.user.username for d in response.context["page"]] == ["reviewer-escwa"]
    assert f'<h1 class="h3">{heading}</h1>' in page
    assert f'<td class="small">{kind}</td>' in page
    assert "languages=en" in page


@pytest.mark.parametrize("who", ["focal_point", "reviewer"])
def test_downloads_page_is_refused_to_everyone_but_organisers(client, open_cycle, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(DOWNLOADS.format(language="en")).status_code == 403


def test_downloads_page_shows_a_list_of_choices_as_its_items(client, submitted_review, organiser):
    client.force_login(organiser)
    client.get("/en/reviews/cycles/arab-2028/exports/download/",
               {"format": "json", "status": ["submitted", "accepted"]})

    page = html.unescape(client.get(DOWNLOADS.format(language="en")).content.decode())

    assert "format=json; language=en; status=submitted, accepted</td>" in page
