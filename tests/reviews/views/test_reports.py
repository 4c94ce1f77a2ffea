"""The reports page, a country's review PDF, a build's status JSON and the download, for every role:
another country's team never sees, asks for or downloads a build; regional staff do."""

import datetime
import html
import re

import pytest
import time_machine
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, pgettext

from accounts.models import User
from accounts.services import user_sync_staff_access
from reviews.models import Country, GeneratedReport, Organisation
from reviews.services.reference import reference_load
from reviews.services.reports import country_report_request, report_request
from reviews.services.submission import review_submit
from tests import factories
from tests.conftest import rows_for_the_class
from tests.reviews.conftest import open_cycle_create, review_complete
from tests.reviews.reports_content import accept

pytestmark = pytest.mark.django_db

PAGE = "/{language}/reviews/cycles/arab-2028/reports/"


def _in(language, english: str) -> str:
    with translation.override(language):
        return gettext(english)


@pytest.fixture
def accepted(review, focal_point, reviewer):
    return accept(review, focal_point=focal_point, reviewer=reviewer)


def _ar_status(english: str) -> str:
    with translation.override("ar"):
        return pgettext("report status", english)


def _day() -> str:
    return timezone.localdate().isoformat()


# --- the reports page ---------------------------------------------------------------------------------------


def test_reports_page_sends_anonymous_visitors_to_sign_in(client, open_cycle):
    response = client.get(PAGE.format(language="en"))

    assert (response.status_code, response.url.split("?")[0]) == (302, "/en/accounts/login/")


def test_reports_page_request_builds_and_redirects(client, accepted, reviewer, django_capture_on_commit_callbacks):
    client.force_login(reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PAGE.format(language="en"), {"languages": "en"})

    report = GeneratedReport.objects.get()
    assert (response.status_code, response.url) == (302, PAGE.format(language="en"))
    assert (report.kind, report.languages, report.requested_by, report.status) == ("regional", "en", reviewer, "done")


def test_reports_page_builds_the_compendium_in_the_background(client, accepted, reviewer,
                                                              django_capture_on_commit_callbacks):
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PAGE.format(language="en"), {"kind": "regional", "languages": "en"})
        response = client.post(PAGE.format(language="en"), {"kind": "compendium", "languages": "en"})

    report = GeneratedReport.objects.get(kind="compendium")
    assert response.status_code == 302
    assert (report.languages, report.requested_by, report.status) == ("en", reviewer, "done")
    assert report.pages_done > 0 and report.file_stem() == "gcm-arab-2028-compendium-en"
    page = client.get(PAGE.format(language="en")).content.decode()
    assert page.count("Compendium of national answers") >= 2  # the choice and the build listed
    assert client.get(f"/en/reviews/reports/{report.uid}/download/").status_code == 200


def test_reports_page_refuses_an_unknown_document(client, accepted, reviewer):
    client.force_login(reviewer)
    response = client.post(PAGE.format(language="en"), {"kind": "country", "languages": "en"})
    assert response.status_code == 200 and not GeneratedReport.objects.exists()


def test_reports_page_request_message_stays_true_once_built(client, accepted, reviewer,
                                                            django_capture_on_commit_callbacks):
    client.force_login(reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PAGE.format(language="en"), {"languages": "en"}, follow=True)

    assert GeneratedReport.objects.get().status == "done"
    assert [str(m) for m in response.context["messages"]] == ["The report was requested: its state is shown below."]


def test_reports_current_goes_to_the_open_cycle(client, open_cycle, reviewer):
    client.force_login(reviewer)

    response = client.get("/en/reviews/reports/")

    assert (response.status_code, response.url) == (302, PAGE.format(language="en"))


# --- status and download ------------------------------------------------------------------------------------


def test_report_status_while_laying_out_in_arabic(client, accepted, reviewer):
    report = report_request(cycle=accepted.cycle, user=reviewer)
    GeneratedReport.objects.filter(pk=report.pk).update(status="running", phase="layout", pages_done=12)
    client.force_login(reviewer)

    data = client.get(f"/ar/reviews/reports/{report.uid}/status/").json()

    assert data == {"status": "running", "status_label": _ar_status("Being built"), "phase": "layout",
                    "phase_label": _in("ar", "Laying out the pages"), "pages_done": 12, "finished": False,
                    "download_url": "", "finished_at": ""}
    assert data["phase_label"] != "Laying out the pages"


def test_report_download_of_an_unfinished_build_is_not_found(client, accepted, reviewer):
    report = report_request(cycle=accepted.cycle, user=reviewer)
    client.force_login(reviewer)

    assert client.get(f"/en/reviews/reports/{report.uid}/download/").status_code == 404


# --- a country's review PDF ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["focal_point", "contributor", "reviewer"])
def test_review_pdf_request_goes_to_the_build(client, submitted_review, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)

    response = client.post(f"/en/reviews/{submitted_review.uid}/pdf/", {"languages": "en"})

    report = GeneratedReport.objects.get()
    assert (response.status_code, response.url) == (302, f"/en/reviews/reports/{report.uid}/")
    assert (report.kind, report.review, report.languages, report.requested_by) == (
        "country", submitted_review, "en", user)


def test_review_pdf_request_by_another_country_is_not_found(client, submitted_review, other_focal_point):
    client.force_login(other_focal_point)

    assert client.post(f"/en/reviews/{submitted_review.uid}/pdf/", {"languages": "en"}).status_code == 404
    assert GeneratedReport.objects.count() == 0


def test_review_pdf_request_of_a_draft_is_not_found_for_regional_staff(client, review, reviewer):
    client.force_login(reviewer)

    assert client.post(f"/en/reviews/{review.uid}/pdf/", {"languages": "en"}).status_code == 404


@pytest.mark.parametrize("who", ["focal_point", "reviewer"])
def test_overview_offers_the_review_pdf(client, submitted_review, request, who):
    client.force_login(request.getfixturevalue(who))

    page = client.get(f"/ar/reviews/{submitted_review.uid}/").content.decode()

    assert f'action="/ar/reviews/{submitted_review.uid}/pdf/"' in page
    assert _in("ar", "PDF of the review") in page


def test_reports_page_queries_do_not_grow_with_builds(client, accepted, reviewer, organiser):
    """The list reads its builds with their requesters in one query: 1 build or 3, the same count."""
    client.force_login(reviewer)
    counts = []
    for languages, who in (("en", reviewer), ("ar", organiser), ("both", reviewer)):
        report_request(cycle=accepted.cycle, user=who, languages=languages)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(PAGE.format(language="en"))
        assert response.status_code == 200
        counts.append(len(queries))

    assert counts == [counts[0]] * 3
    assert GeneratedReport.objects.count() == 3


# --- quotas, drafts and the one rule ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_reports_page_request_over_the_limit_is_refused_with_429(client, accepted, reviewer, settings, language):
    settings.REPORT_BUILDS_PER_MINUTE = 1
    client.force_login(reviewer)
    with time_machine.travel(timezone.now().replace(second=1), tick=False):
        client.post(PAGE.format(language=language), {"languages": "en"})
        response = client.post(PAGE.format(language=language), {"languages": "ar"})

    page = html.unescape(response.content.decode())
    assert (response.status_code, response["Retry-After"]) == (429, "60")
    assert _in(language, "You have started several builds in the last minute. Wait a minute, then ask again.") in page
    assert f'href="{PAGE.format(language=language)}"' in page
    assert list(GeneratedReport.objects.values_list("languages", flat=True)) == ["en"]


def test_review_pdf_request_over_the_limit_is_refused_with_429(client, submitted_review, focal_point, settings):
    settings.REPORT_BUILDS_PER_MINUTE = 1
    client.force_login(focal_point)
    with time_machine.travel(timezone.now().replace(second=1), tick=False):
        first = client.post(f"/ar/reviews/{submitted_review.uid}/pdf/", {"languages": "en"})
        again = client.post(f"/ar/reviews/{submitted_review.uid}/pdf/", {"languages": "en", "force": "1"})
        refused = client.post(f"/ar/reviews/{submitted_review.uid}/pdf/", {"languages": "ar"})

    report = GeneratedReport.objects.get()
    assert (first.status_code, first.url, again.url) == (302, f"/ar/reviews/reports/{report.uid}/",
                                                         f"/ar/reviews/reports/{report.uid}/")
    assert refused.status_code == 429
    assert _in("ar", "Please wait a minute") in refused.content.decode()


def test_country_report_from_a_draft_stays_the_country_teams(client, review, focal_point, contributor, reviewer,
                                                             organiser, complete_review,
                                                             django_capture_on_commit_callbacks):
    """Built while the review was a draft: after its submission staff see the review, never that build."""
    complete_review(review, focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        draft = country_report_request(review=review, user=focal_point, languages="en")
    review_submit(review=review, user=focal_point)
    seen = {}
    for user in (focal_point, contributor, reviewer, organiser):
        client.force_login(user)
        seen[user.username] = [client.get(f"/en/reviews/reports/{draft.uid}/{suffix}").status_code
                               for suffix in ("", "status/", "download/")]

    assert seen == {"fp-eg": [200, 200, 200], "contrib-eg": [200, 200, 200],
                    "reviewer-escwa": [404, 404, 404], "organiser": [404, 404, 404]}


def test_report_with_submitted_reviews_is_listed_and_downloaded_by_organisers_only(
        client, accepted, reviewer, organiser, django_capture_on_commit_callbacks):
    """Who may ask for a report is who may list, follow and download it."""
    with django_capture_on_commit_callbacks(execute=True):
        with_submitted = report_request(cycle=accepted.cycle, user=organiser, languages="en",
                                        include_submitted=True)
    seen = {}
    for user in (reviewer, organiser):
        client.force_login(user)
        listed = str(with_submitted.uid) in client.get(PAGE.format(language="en")).content.decode()
        seen[user.username] = [listed] + [client.get(f"/en/reviews/reports/{with_submitted.uid}/{suffix}").status_code
                                          for suffix in ("", "status/", "download/")]

    assert seen == {"reviewer-escwa": [False, 404, 404, 404], "organiser": [True, 200, 200, 200]}


def test_report_status_shows_a_build_whose_worker_died_as_failed(client, review, focal_point, settings):
    """The poll of a build whose worker was killed answers "failed" once REPORT_HEARTBEAT_SECONDS passed."""
    settings.REPORT_HEARTBEAT_SECONDS = 2
    report = country_report_request(review=review, user=focal_point, languages="en")
    GeneratedReport.objects.filter(pk=report.pk).update(
        status="running", heartbeat_at=timezone.now() - datetime.timedelta(seconds=3))
    client.force_login(focal_point)

    state = client.get(f"/en/reviews/reports/{report.uid}/status/").json()

    assert (state["status"], state["finished"], state["download_url"]) == ("failed", True, "")


# --- builds made once, for the tests that only read them ----------------------------------------------------
# A PDF build takes seconds: each class below makes its own once (tests.conftest.rows_for_the_class) and
# hands its tests the same objects the function fixtures of the same names would make.


def _people() -> dict:
    """What the fixtures `reference`, `open_cycle`, `review` and the five users make."""
    reference_load()
    cycle = open_cycle_create()
    egypt, morocco = Country.objects.get(iso2="EG"), Country.objects.get(iso2="MA")
    organiser = factories.OrganiserFactory(username="organiser")
    user_sync_staff_access(user=organiser)
    return {
        "review": factories.ReviewFactory(cycle=cycle, country=egypt),
        "focal_point": factories.FocalPointFactory(username="fp-eg", country=egypt),
        "contributor": factories.ContributorFactory(username="contrib-eg", country=egypt),
        "other_focal_point": factories.FocalPointFactory(username="fp-ma", country=morocco),
        "reviewer": factories.ReviewerFactory(username="reviewer-escwa",
                                              organisation=Organisation.objects.get(code="escwa")),
        "organiser": organiser,
    }


def _built(request_report) -> dict[str, int]:
    """The people, and the report `request_report(people)` asks for, built as its on-commit task runs."""
    people = _people()
    with TestCase.captureOnCommitCallbacks(execute=True):
        report = request_report(people)
    return {"report": report.pk} | {name: row.pk for name, row in people.items()}


class _SharedBuild:
    """The users the tests log in as (`request.getfixturevalue(who)`), read afresh for each test."""

    @pytest.fixture
    def focal_point(self, built):
        return User.objects.get(pk=built["focal_point"])

    @pytest.fixture
    def contributor(self, built):
        return User.objects.get(pk=built["contributor"])

    @pytest.fixture
    def other_focal_point(self, built):
        return User.objects.get(pk=built["other_focal_point"])

    @pytest.fixture
    def reviewer(self, built):
        return User.objects.get(pk=built["reviewer"])

    @pytest.fixture
    def organiser(self, built):
        return User.objects.get(pk=built["organiser"])


def _regional_report(people) -> GeneratedReport:
    """An English regional report, built (the `regional_report` fixture of the other tests)."""
    accepted = accept(people["review"], focal_point=people["focal_point"], reviewer=people["reviewer"])
    return report_request(cycle=accepted.cycle, user=people["reviewer"], languages="en")


class TestRegionalReport(_SharedBuild):
    @pytest.fixture(scope="class")
    @classmethod
    def built(cls, django_db_setup, django_db_blocker):
        yield from rows_for_the_class(django_db_blocker, lambda: _built(_regional_report))

    @pytest.fixture
    def regional_report(self, built) -> GeneratedReport:
        return GeneratedReport.objects.get(pk=built["report"])

    @pytest.mark.parametrize("language", ["ar", "en"])
    @pytest.mark.parametrize("who", ["reviewer", "organiser"])
    def test_reports_page_lists_the_builds_for_regional_staff(self, client, regional_report, request, who, language):
        client.force_login(request.getfixturevalue(who))

        response = client.get(PAGE.format(language=language))

        page = html.unescape(response.content.decode())
        assert response.status_code == 200
        assert _in(language, "Ask for the regional report") in page
        assert f"/{language}/reviews/reports/{regional_report.uid}/download/" in page
        assert ('name="include_submitted"' in page) == (who == "organiser")
        assert "<script>" not in page

    @pytest.mark.parametrize("who", ["focal_point", "contributor", "other_focal_point"])
    def test_reports_page_is_refused_to_country_teams(self, client, regional_report, request, who):
        client.force_login(request.getfixturevalue(who))

        assert client.get(PAGE.format(language="en")).status_code == 403
        assert client.post(PAGE.format(language="en"), {"languages": "en", "force": "on"}).status_code == 403
        assert GeneratedReport.objects.count() == 1

    def test_reports_page_request_returns_the_unchanged_build(self, client, regional_report, organiser):
        client.force_login(organiser)

        response = client.post(PAGE.format(language="en"), {"languages": "en"}, follow=True)

        assert GeneratedReport.objects.get() == regional_report
        assert [str(m) for m in response.context["messages"]] == [
            "The data has not changed since this report was built: here it is."]

    def test_reports_page_forced_request_queues_a_new_build(self, client, regional_report, organiser):
        client.force_login(organiser)

        client.post(PAGE.format(language="en"), {"languages": "en", "force": "on", "include_submitted": "on"})

        new = GeneratedReport.objects.exclude(pk=regional_report.pk).get()
        assert (new.status, new.include_submitted, new.requested_by) == ("queued", True, organiser)

    @pytest.mark.parametrize("language", ["ar", "en"])
    def test_reports_page_shows_the_data_date_not_a_fingerprint(self, client, regional_report, organiser, language):
        """A second build of unchanged data shares the first one's data date; the fingerprint is only a tooltip."""
        factories.GeneratedReportFactory(cycle=regional_report.cycle, data_version=regional_report.data_version,
                                         requested_by=organiser)
        client.force_login(organiser)

        response = client.get(PAGE.format(language=language))

        page = html.unescape(response.content.decode())
        with translation.override(language):
            first = formats.date_format(timezone.localtime(regional_report.created_at), "SHORT_DATETIME_FORMAT")
            header = gettext("Data as of")
        cells = re.findall(rf'<td class="small" title="{regional_report.data_version}">([^<]*)</td>', page)
        assert cells == [first, first]
        assert f"<th scope=\"col\">{header}</th>" in page
        assert f">{regional_report.data_version[:12]}<" not in page

    @pytest.mark.parametrize("who", ["reviewer", "organiser"])
    def test_report_status_of_a_finished_build(self, client, regional_report, request, who):
        client.force_login(request.getfixturevalue(who))

        response = client.get(f"/en/reviews/reports/{regional_report.uid}/status/")

        assert response.status_code == 200
        assert response["Cache-Control"].startswith("max-age=0")
        data = response.json()
        assert data == {
            "status": "done", "status_label": "Ready", "phase": "", "phase_label": "",
            "pages_done": regional_report.pages_done, "finished": True,
            "download_url": f"/en/reviews/reports/{regional_report.uid}/download/",
            "finished_at": data["finished_at"],
        }
        assert data["finished_at"]

    @pytest.mark.parametrize("who", ["reviewer", "organiser"])
    def test_report_download_sends_the_pdf_as_an_attachment(self, client, regional_report, request, who):
        client.force_login(request.getfixturevalue(who))

        response = client.get(f"/en/reviews/reports/{regional_report.uid}/download/")

        content = b"".join(response.streaming_content)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            f'attachment; filename="gcm-arab-2028-regional-report-en-{_day()}.pdf"')
        assert response["Cache-Control"].startswith("max-age=0")
        assert content[:5] == b"%PDF-"
        assert len(content) == regional_report.size

    @pytest.mark.parametrize("who", ["focal_point", "contributor", "other_focal_point"])
    def test_regional_report_is_invisible_to_country_teams(self, client, regional_report, request, who):
        client.force_login(request.getfixturevalue(who))

        for suffix in ("", "status/", "download/"):
            assert client.get(f"/en/reviews/reports/{regional_report.uid}/{suffix}").status_code == 404

    def test_report_pages_need_a_sign_in(self, client, regional_report):
        response = client.get(f"/en/reviews/reports/{regional_report.uid}/download/")

        assert (response.status_code, response.url.split("?")[0]) == (302, "/en/accounts/login/")


def _country_report(people) -> GeneratedReport:
    """Egypt's review as an Arabic PDF, built at its focal point's request (the review submitted, as the
    `submitted_review` fixture leaves it)."""
    review, focal_point = people["review"], people["focal_point"]
    review_complete(review, focal_point)
    review_submit(review=review, user=focal_point)
    review.refresh_from_db()
    return country_report_request(review=review, user=focal_point, languages="ar")


class TestCountryReport(_SharedBuild):
    @pytest.fixture(scope="class")
    @classmethod
    def built(cls, django_db_setup, django_db_blocker):
        yield from rows_for_the_class(django_db_blocker, lambda: _built(_country_report))

    @pytest.fixture
    def country_report(self, built) -> GeneratedReport:
        return GeneratedReport.objects.get(pk=built["report"])

    @pytest.mark.parametrize("who", ["focal_point", "contributor", "reviewer", "organiser"])
    def test_country_report_is_seen_and_downloaded_by_whoever_sees_the_review(self, client, country_report, request, who):
        client.force_login(request.getfixturevalue(who))

        page = client.get(f"/en/reviews/reports/{country_report.uid}/")
        download = client.get(f"/en/reviews/reports/{country_report.uid}/download/")

        assert page.status_code == 200
        assert 'class="report-progress"' in page.content.decode()
        assert download["Content-Disposition"] == f'attachment; filename="gcm-arab-2028-eg-review-ar-{_day()}.pdf"'
        assert b"".join(download.streaming_content)[:5] == b"%PDF-"

    def test_country_report_is_invisible_to_another_country(self, client, country_report, other_focal_point):
        client.force_login(other_focal_point)

        for suffix in ("", "status/", "download/"):
            assert client.get(f"/en/reviews/reports/{country_report.uid}/{suffix}").status_code == 404
