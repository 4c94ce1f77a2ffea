import datetime
import importlib

import pytest
import time_machine
from django.apps import apps
from django.utils import timezone

from reviews.models import Answer, GeneratedReport
from reviews.services.errors import DomainError, NotAllowed, RateLimited
from reviews.services.reports import country_report_request, report_request
from reviews.services.translations import translation_save
from tests import factories
from tests.reviews.reports_content import accept

Status = GeneratedReport.Status


@pytest.fixture
def accepted(review, focal_point, reviewer):
    return accept(review, focal_point=focal_point, reviewer=reviewer)


def request_built(django_capture_on_commit_callbacks, **kwargs) -> GeneratedReport:
    """Request a regional report and run its task (the test settings' immediate backend)."""
    with django_capture_on_commit_callbacks(execute=True):
        report = report_request(**kwargs)
    report.refresh_from_db()
    return report


def test_report_request_builds_the_pdf_with_its_progress(accepted, reviewer, django_capture_on_commit_callbacks):
    report = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en")

    assert report.status == Status.DONE
    assert report.file.read(5) == b"%PDF-"
    assert report.pages_done > 0
    assert report.size == report.file.size
    assert report.started_at <= report.finished_at
    assert report.file.name.startswith("reports/")
    assert report.file.name.endswith(f"gcm-arab-2028-regional-report-en-{report.data_version[:12]}.pdf")
    assert len(report.data_version) == 64


def test_report_request_reuses_the_build_while_the_data_is_unchanged(accepted, reviewer, organiser,
                                                                     django_capture_on_commit_callbacks):
    first = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en")

    again = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=organiser, languages="en")

    assert again == first
    assert GeneratedReport.objects.count() == 1


def test_report_request_with_other_parameters_builds_anew(accepted, reviewer, django_capture_on_commit_callbacks):
    english = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en")

    arabic = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="ar")

    assert arabic != english
    assert arabic.data_version == english.data_version
    assert arabic.status == Status.DONE


def test_report_request_rebuilds_when_an_answer_changes(accepted, reviewer, django_capture_on_commit_callbacks):
    first = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en")
    answer = Answer.objects.filter(review=accepted).first()
    translation_save(answer=answer, user=reviewer, text="A verified translation.", verified=True,
                     base_version=answer.version)

    second = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en")

    assert second != first
    assert second.data_version != first.data_version
    assert second.status == Status.DONE
    assert list(GeneratedReport.objects.values_list("pk", flat=True)) == [second.pk, first.pk]


def test_report_request_forced_builds_anew_with_the_same_data_version(accepted, reviewer,
                                                                      django_capture_on_commit_callbacks):
    first = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en")

    forced = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en",
                           force=True)

    assert forced != first
    assert forced.data_version == first.data_version
    assert forced.status == Status.DONE


def test_report_request_reuses_a_queued_build(accepted, reviewer):
    """Two people asking at once get one build (nothing ran: the callbacks were not executed)."""
    first = report_request(cycle=accepted.cycle, user=reviewer)

    second = report_request(cycle=accepted.cycle, user=reviewer)

    assert (first.status, second) == (Status.QUEUED, first)


def test_report_request_does_not_wait_on_a_build_stuck_in_the_queue(accepted, reviewer):
    """A worker stopped during a build leaves it queued or running: after 30 minutes a request starts anew."""
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=31)):
        stuck = report_request(cycle=accepted.cycle, user=reviewer)
    recent = report_request(cycle=accepted.cycle, user=reviewer)

    assert recent != stuck
    assert report_request(cycle=accepted.cycle, user=reviewer) == recent


def test_report_request_does_not_reuse_a_build_whose_file_is_gone(accepted, reviewer,
                                                                  django_capture_on_commit_callbacks):
    first = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en")
    first.file.storage.delete(first.file.name)

    second = request_built(django_capture_on_commit_callbacks, cycle=accepted.cycle, user=reviewer, languages="en")

    assert second != first
    assert second.status == Status.DONE


def test_report_request_data_version_ignores_drafts(accepted, reviewer, other_focal_point, open_cycle):
    first = report_request(cycle=accepted.cycle, user=reviewer)
    draft = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    factories.AnswerFactory(review=draft, prompt=Answer.objects.first().prompt, updated_by=other_focal_point)

    assert report_request(cycle=accepted.cycle, user=reviewer) == first


@pytest.mark.usefixtures("english")
def test_report_request_refuses_the_country_team(accepted, focal_point, contributor, other_focal_point):
    for user in (focal_point, contributor, other_focal_point):
        with pytest.raises(NotAllowed) as refused:
            report_request(cycle=accepted.cycle, user=user)
        assert refused.value.message == "Only the regional staff build the regional report."
    assert GeneratedReport.objects.count() == 0


@pytest.mark.usefixtures("english")
def test_report_request_with_submitted_reviews_is_for_organisers(accepted, reviewer, organiser):
    with pytest.raises(NotAllowed) as refused:
        report_request(cycle=accepted.cycle, user=reviewer, include_submitted=True)
    assert refused.value.message == "Only organisers include reviews that are not accepted yet."

    report = report_request(cycle=accepted.cycle, user=organiser, include_submitted=True)

    assert (report.include_submitted, report.requested_by) == (True, organiser)


@pytest.mark.usefixtures("english")
def test_report_request_refuses_an_unknown_language(accepted, reviewer):
    with pytest.raises(DomainError) as refused:
        report_request(cycle=accepted.cycle, user=reviewer, languages="fr")
    assert refused.value.message == "Choose Arabic, English or both."


def test_country_report_request_builds_the_review_pdf(submitted_review, contributor,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = country_report_request(review=submitted_review, user=contributor, languages="ar")
    report.refresh_from_db()

    assert (report.kind, report.review, report.status) == ("country", submitted_review, Status.DONE)
    assert report.file.read(5) == b"%PDF-"
    assert report.download_name().startswith("gcm-arab-2028-eg-review-ar-")


@pytest.mark.usefixtures("english")
def test_country_report_request_refuses_who_may_not_see_the_review(review, other_focal_point, reviewer):
    """Another country's focal point never; regional staff not before the review is submitted."""
    for user in (other_focal_point, reviewer):
        with pytest.raises(NotAllowed) as refused:
            country_report_request(review=review, user=user)
        assert refused.value.message == "You cannot see this review."
    assert GeneratedReport.objects.count() == 0


def test_report_request_hands_back_the_users_build_on_its_way_even_forced(accepted, reviewer, organiser):
    """One user, one build of a document on its way: forcing again queues nothing; another user may."""
    first = report_request(cycle=accepted.cycle, user=reviewer, languages="en")

    again = [report_request(cycle=accepted.cycle, user=reviewer, languages="en", force=True) for _ in range(3)]
    running = GeneratedReport.objects.filter(pk=first.pk).update(status=Status.RUNNING)
    while_running = report_request(cycle=accepted.cycle, user=reviewer, languages="en", force=True)
    organisers = report_request(cycle=accepted.cycle, user=organiser, languages="en", force=True)

    assert (again, running, while_running) == ([first] * 3, 1, first)
    assert organisers != first
    assert GeneratedReport.objects.count() == 2


def test_report_request_forced_after_a_stuck_build_builds_anew(accepted, reviewer):
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=31)):
        stuck = report_request(cycle=accepted.cycle, user=reviewer)

    forced = report_request(cycle=accepted.cycle, user=reviewer, force=True)

    assert forced != stuck


@pytest.mark.usefixtures("english")
def test_report_request_limits_the_new_builds_a_user_starts_per_minute(accepted, reviewer, organiser, settings):
    settings.REPORT_BUILDS_PER_MINUTE = 2
    with time_machine.travel(timezone.now().replace(second=1), tick=False):
        english = report_request(cycle=accepted.cycle, user=reviewer, languages="en")
        arabic = report_request(cycle=accepted.cycle, user=reviewer, languages="ar")
        with pytest.raises(RateLimited) as refused:
            report_request(cycle=accepted.cycle, user=reviewer, languages="both")
        handed_back = report_request(cycle=accepted.cycle, user=reviewer, languages="en", force=True)
        organisers = report_request(cycle=accepted.cycle, user=organiser, languages="both")

    assert refused.value.message == ("You have started several builds in the last minute. "
                                     "Wait a minute, then ask again.")
    assert handed_back == english
    assert GeneratedReport.objects.filter(requested_by=reviewer).count() == 2
    assert organisers not in (english, arabic)


def test_report_request_limit_opens_again_the_next_minute(accepted, reviewer, settings):
    settings.REPORT_BUILDS_PER_MINUTE = 1
    start = timezone.now().replace(second=1)
    with time_machine.travel(start, tick=False):
        report_request(cycle=accepted.cycle, user=reviewer, languages="en")
        with pytest.raises(RateLimited):
            report_request(cycle=accepted.cycle, user=reviewer, languages="ar")

    with time_machine.travel(start + datetime.timedelta(minutes=1), tick=False):
        arabic = report_request(cycle=accepted.cycle, user=reviewer, languages="ar")

    assert (arabic.languages, arabic.status) == ("ar", Status.QUEUED)


def test_country_report_request_of_a_draft_is_marked_from_draft(review, focal_point):
    draft = country_report_request(review=review, user=focal_point, languages="en")

    assert (draft.kind, draft.from_draft, draft.requested_by) == ("country", True, focal_point)


def test_country_report_request_of_a_submitted_review_is_not_from_draft(submitted_review, focal_point, reviewer):
    by_team = country_report_request(review=submitted_review, user=focal_point, languages="en")
    by_staff = country_report_request(review=submitted_review, user=reviewer, languages="en")

    assert (by_team.from_draft, by_staff) == (False, by_team)


def test_migration_marks_the_country_builds_asked_for_before_the_first_submission(submitted_review, focal_point,
                                                                                  reviewer):
    """Builds made before the field existed: those asked for while the review was a draft become the team's."""
    migration = importlib.import_module("reviews.migrations.0010_generatedreport_from_draft")
    before, after = (timezone.now() - datetime.timedelta(days=1), timezone.now() + datetime.timedelta(days=1))
    cycle = submitted_review.cycle
    draft_build = GeneratedReport.objects.create(kind="country", cycle=cycle, review=submitted_review,
                                                 requested_by=focal_point, data_version="x")
    submitted_build = GeneratedReport.objects.create(kind="country", cycle=cycle, review=submitted_review,
                                                     requested_by=reviewer, data_version="y")
    regional = GeneratedReport.objects.create(kind="regional", cycle=cycle, requested_by=reviewer, data_version="z")
    GeneratedReport.objects.filter(pk=draft_build.pk).update(created_at=before)
    GeneratedReport.objects.filter(pk__in=[submitted_build.pk, regional.pk]).update(created_at=after)

    migration.mark_builds_from_drafts(apps, None)

    assert dict(GeneratedReport.objects.values_list("data_version", "from_draft")) == {
        "x": True, "y": False, "z": False}
