from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import translation

from reviews import rules
from reviews.demo.build import demo_content_load
from reviews.demo.load import demo_load
from reviews.models import (
    Answer,
    Assignment,
    Consultation,
    GoodPractice,
    GovernmentEntity,
    Indicator,
    Notification,
    PlannedAction,
    Policy,
    Review,
    ReviewCycle,
    ReviewEvent,
    ReviewObjective,
    ReviewVersion,
)
from reviews.selectors.figures import regional_figures
from reviews.selectors.workspace import review_progress
from reviews.services.reference import cycle_create
from tests.conftest import rows_for_the_class

pytestmark = pytest.mark.django_db
User = get_user_model()

Status = Review.Status
DRAFT, SUBMITTED = Status.DRAFT, Status.SUBMITTED
DEFAULT_STATES = {
    "EG": DRAFT, "IQ": DRAFT, "JO": Status.ACCEPTED, "LB": DRAFT, "MA": Status.ACCEPTED, "MR": DRAFT,
    "OM": Status.REVISION_REQUESTED, "PS": SUBMITTED, "QA": Status.ACCEPTED, "TN": Status.IN_REVIEW,
}
FULL_REPORTED = {
    "AE": 13, "BH": 11, "DJ": 8, "DZ": 10, "EG": 23, "IQ": 9, "JO": 13, "KM": 3, "KW": 7, "LB": 9, "LY": 6,
    "MA": 21, "MR": 8, "OM": 8, "PS": 3, "QA": 11, "SA": 8, "SD": 8, "SO": 4, "SY": 6, "TN": 14, "YE": 3,
}
NOT_SUBMITTED_IN_FULL = {"KM", "LY", "SO", "SY"}


def _states() -> dict[str, str]:
    return dict(Review.objects.filter(cycle__slug="arab-2028").values_list("country__iso2", "status"))


def _reported() -> dict[str, int]:
    rows = ReviewObjective.objects.filter(is_reported=True, review__cycle__slug="arab-2028").values_list(
        "review__country__iso2")
    return dict(rows.annotate(n=Count("pk")))


def _everything() -> tuple:
    counts = tuple(model.objects.count() for model in (
        Answer, Assignment, Consultation, GoodPractice, GovernmentEntity, Indicator, PlannedAction, Policy, Review,
        ReviewObjective, ReviewVersion,
    ))
    reviews = sorted(Review.objects.values_list("country__iso2", "status", "submitted_at", "updated_at"))
    return counts, reviews


class TestDemoLoad:
    """The default demo, loaded once for these tests: they only read it."""

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _demo(cls, django_db_setup, django_db_blocker):
        yield from rows_for_the_class(django_db_blocker, demo_load)

    def test_demo_content_load_puts_each_country_in_its_state(self):
        assert _states() == DEFAULT_STATES
        assert set(DEFAULT_STATES.values()) == set(Status.values)
        assert _reported() == {"EG": 8, "JO": 23, "LB": 4, "MA": 8, "OM": 8, "PS": 3, "QA": 11, "TN": 14}

    def test_demo_content_load_reaches_each_status_through_the_workflow_services(self):
        events = ReviewEvent.objects.values_list("review__country__iso2", "from_status", "to_status", "actor__username")
        assert sorted(events) == sorted([
            ("JO", DRAFT, SUBMITTED, "fp-jo"), ("JO", SUBMITTED, Status.IN_REVIEW, "reviewer-escwa"),
            ("JO", Status.IN_REVIEW, Status.ACCEPTED, "reviewer-escwa"),
            ("MA", DRAFT, SUBMITTED, "fp-ma"), ("MA", SUBMITTED, Status.IN_REVIEW, "reviewer-las"),
            ("MA", Status.IN_REVIEW, Status.ACCEPTED, "reviewer-las"),
            ("OM", DRAFT, SUBMITTED, "fp-om"), ("OM", SUBMITTED, Status.IN_REVIEW, "reviewer-las"),
            ("OM", Status.IN_REVIEW, Status.REVISION_REQUESTED, "reviewer-las"),
            ("PS", DRAFT, SUBMITTED, "fp-ps"),
            ("QA", DRAFT, SUBMITTED, "fp-qa"), ("QA", SUBMITTED, Status.IN_REVIEW, "reviewer-iom"),
            ("QA", Status.IN_REVIEW, Status.ACCEPTED, "reviewer-iom"),
            ("TN", DRAFT, SUBMITTED, "fp-tn"), ("TN", SUBMITTED, Status.IN_REVIEW, "reviewer-iom"),
        ])
        reason = ReviewEvent.objects.get(to_status=Status.REVISION_REQUESTED).reason
        assert reason.startswith("Please add the 2025 figures") is True  # Oman writes in English
        to_teams = Notification.objects.filter(kind__in=[Notification.Kind.REVISION, Notification.Kind.ACCEPTANCE])
        assert sorted(to_teams.values_list("review__country__iso2", "kind", "user__username")) == [
            ("JO", Notification.Kind.ACCEPTANCE, "contrib-jo"), ("JO", Notification.Kind.ACCEPTANCE, "fp-jo"),
            ("MA", Notification.Kind.ACCEPTANCE, "contrib-ma"), ("MA", Notification.Kind.ACCEPTANCE, "fp-ma"),
            ("OM", Notification.Kind.REVISION, "contrib-om"), ("OM", Notification.Kind.REVISION, "fp-om"),
            ("QA", Notification.Kind.ACCEPTANCE, "contrib-qa"), ("QA", Notification.Kind.ACCEPTANCE, "fp-qa"),
        ]

    def test_demo_content_load_keeps_egypt_an_editable_draft_and_comoros_not_started(self):
        egypt = Review.objects.get(country__iso2="EG", cycle__slug="arab-2028")
        editable = rules.can_edit_section(User.objects.get(username="fp-eg"), egypt, part_number=3)
        assert (egypt.status, editable) == (DRAFT, True)
        assert Review.objects.filter(country__iso2="KM").exists() is False

    def test_demo_content_load_submits_complete_reviews_with_a_snapshot(self):
        translation.activate("en")  # review_progress labels what is missing in the active language
        reviews = Review.objects.filter(cycle__slug="arab-2028").select_related("country").order_by("country__iso2")
        missing = {review.country.iso2: len(review_progress(review).missing) for review in reviews}
        versions = dict(ReviewVersion.objects.filter(review__cycle__slug="arab-2028").values_list("review__country__iso2").annotate(n=Count("pk")))

        assert versions == {"JO": 1, "MA": 1, "OM": 1, "PS": 1, "QA": 1, "TN": 1}
        assert {iso2 for iso2, n in missing.items() if n == 0} == {"JO", "MA", "OM", "PS", "QA", "TN"}
        assert ReviewVersion.objects.get(review__country__iso2="PS", review__cycle__slug="arab-2028").content["objectives"][0]["objective"] == 4
        answers = dict(Answer.objects.filter(review__cycle__slug="arab-2028").values_list("review__country__iso2").annotate(n=Count("pk")))
        assert answers == {"EG": 34, "JO": 156, "LB": 16, "MA": 66, "OM": 66, "PS": 36, "QA": 84, "TN": 102}

    def test_demo_content_load_writes_arabic_and_english_except_where_untranslated(self):
        jordan = Answer.objects.get(review__country__iso2="JO", prompt__code="1.1", review__cycle__slug="arab-2028")
        assert jordan.original_language == "en"
        assert jordan.text_en.startswith("This review is fictional demo content") is True
        assert ("Jordan" in jordan.text_en, "الأردن" in jordan.text_ar) == (True, True)
        tunisia = Answer.objects.get(review__country__iso2="TN", prompt__code="3.a", objective__number=6,
                                     review__cycle__slug="arab-2028")
        assert tunisia.original_language == "ar"
        assert ("Recruitment and decent work" in tunisia.text_en, "التوظيف والعمل اللائق" in tunisia.text_ar) == (True, True)
        lebanon = Answer.objects.filter(review__country__iso2="LB", review__cycle__slug="arab-2028")
        assert set(lebanon.values_list("text_en", flat=True)) == {""}
        assert lebanon.filter(text_ar="").count() == 0
        assert Answer.objects.filter(review__cycle__slug="arab-2028").exclude(review__country__iso2="LB").filter(Q(text_en="") | Q(text_ar="")).count() == 0

    def test_demo_content_load_gives_egypt_contributor_part_4_and_objective_6(self):
        assignments = Assignment.objects.values_list("review__country__iso2", "contributor__username", "part__number",
                                                     "objective__number")
        assert sorted(assignments, key=str) == [("EG", "contrib-eg", 4, None), ("EG", "contrib-eg", None, 6)]
        written = Answer.objects.filter(review__country__iso2="EG", review__cycle__slug="arab-2028").filter(Q(prompt__part__number=4) | Q(objective__number=6))
        assert set(written.values_list("updated_by__username", flat=True)) == {"contrib-eg"}


def test_demo_content_load_is_idempotent_and_leaves_submitted_reviews_alone():
    demo_load()
    first = _everything()

    demo_load()

    assert _everything() == first


def test_load_demo_full_is_idempotent():
    call_command("load_demo", "--full", "--force", stdout=StringIO())
    first = _everything()

    call_command("load_demo", "--full", "--force", stdout=StringIO())

    assert _everything() == first


def test_demo_content_load_writes_nothing_in_a_closed_cycle(reference, focal_point):
    closed = cycle_create(slug="arab-2028", name_ar="دورة مغلقة", name_en="Closed cycle", is_open=False)

    demo_content_load(cycle=closed)

    assert Review.objects.count() == 0


COUNTS = {0: "No national consultation", 1: "One consultation was held", 2: "Two consultations were held",
          3: "Three consultations were held", 4: "Four consultations were held", 5: "Five consultations were held",
          6: "Six consultations were held"}


def _load_demo_full():
    call_command("load_demo", "--full", "--force", stdout=StringIO())


class TestLoadDemoFull:
    """`load_demo --full`, run once for these tests: they only read what it wrote."""

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _demo_full(cls, django_db_setup, django_db_blocker):
        yield from rows_for_the_class(django_db_blocker, _load_demo_full)

    def test_load_demo_full_varies_the_region_as_real_reviews_do(self):
        states = _states()
        assert {iso2 for iso2, status in states.items() if status == DRAFT} == NOT_SUBMITTED_IN_FULL
        assert {iso2 for iso2, status in states.items() if status == SUBMITTED} == set(states) - NOT_SUBMITTED_IN_FULL
        assert len(states) == 22
        assert _reported() == FULL_REPORTED
        assert ReviewVersion.objects.filter(review__cycle__slug="arab-2028").count() == 18
        def stages(iso2):
            return set(ReviewObjective.objects.filter(review__country__iso2=iso2, review__cycle__slug="arab-2028")
                       .values_list("stage", flat=True))

        assert stages("AE") == {"under_way", "advanced", "achieved"}  # well under way
        assert stages("YE") <= {"not_started", "planned", "under_way"}  # starting
        assert stages("EG") == {"planned", "under_way", "advanced", "achieved"}
        consultations = dict(Consultation.objects.filter(review__cycle__slug="arab-2028").values_list(
            "review__country__iso2").annotate(n=Count("pk")))
        assert (consultations["EG"], consultations["KW"], "YE" in consultations) == (6, 1, False)
        years = set(Policy.objects.filter(status=Policy.Status.ADOPTED, review__cycle__slug="arab-2028").values_list("year", flat=True))
        assert years == {2019, 2020, 2021, 2022, 2023, 2025}

    def test_load_demo_full_answer_1_3_agrees_with_the_consultation_table(self):
        """Each review's answer 1.3 counts and names the consultations its own table lists, in both languages."""
        answers = Answer.objects.filter(prompt__code="1.3", review__cycle__slug="arab-2028").select_related(
            "review__country")
        checked = set()
        for answer in answers:
            formats = list(answer.review.consultations.order_by("held_on", "pk").values_list("format", flat=True))
            if answer.text_en:
                assert answer.text_en.startswith(COUNTS[len(formats)]), answer.review.country.iso2
            assert ("مشاور" in answer.text_ar) is True
            named = {"meeting": ("workshop", "meeting", "hearing"), "survey": ("survey",), "written": ("written",),
                     "online": ("online consultation",)}
            for form in formats:
                assert any(word in answer.text_en for word in named[form]) or not answer.text_en
            checked.add((answer.review.country.iso2, len(formats)))
        assert {count for _iso2, count in checked} >= {0, 1, 2, 3, 6}

    def test_load_demo_full_has_egypt_complete_and_yemen_and_palestine_partial(self):
        translation.activate("en")
        egypt = Review.objects.get(country__iso2="EG", cycle__slug="arab-2028")
        assert (egypt.status, len(review_progress(egypt).missing), _reported()["EG"]) == (SUBMITTED, 0, 23)
        per_objective = (Answer.objects.filter(objective__isnull=False, review__cycle__slug="arab-2028").values_list("review__country__iso2")
                         .annotate(n=Count("pk")))
        answered = {iso2: n for iso2, n in per_objective if iso2 in ("EG", "PS", "YE")}
        assert answered == {"EG": 23 * 6, "PS": 3 * 3, "YE": 3 * 3}  # only the required 3.a–3.c where partial
        partial_prompts = Answer.objects.filter(review__country__iso2__in=["PS", "YE"], objective__isnull=False)
        assert set(partial_prompts.values_list("prompt__code", flat=True)) == {"3.a", "3.b", "3.c"}
        assert Policy.objects.filter(review__country__iso2__in=["PS", "YE"]).count() == 0

    def test_load_demo_full_gives_the_regional_figures_something_to_say(self):
        figures = regional_figures(user=User.objects.get(username="organiser"), cycle=ReviewCycle.objects.get(
            slug="arab-2028"))
        most = [row.value for row in figures.most_reported]
        least = [row.value for row in figures.least_reported]
        assert (figures.countries, most[0], least[0]) == (18, 13, 4)
        assert len({row.value for row in figures.stakeholders}) > 3
        assert [row.value for row in figures.plan_status] == [6, 4, 4, 4]  # adopted, in preparation, integrated, none

    def test_load_demo_full_fills_every_submitted_objective(self):
        submitted = ReviewObjective.objects.filter(review__status=SUBMITTED)
        assert submitted.filter(stage="").count() == 0
        assert Review.objects.filter(status=SUBMITTED, plan_status="").count() == 0
        per_objective = submitted.annotate(
            n_practices=Count("practices", distinct=True), n_indicators=Count("indicators", distinct=True),
            n_principles=Count("principles", distinct=True), n_targets=Count("sdg_targets", distinct=True),
            n_partners=Count("partners", distinct=True),
        )
        assert set(per_objective.values_list("n_practices", flat=True)) == {1, 2}
        assert set(per_objective.values_list("n_indicators", flat=True)) == {1, 2}
        assert per_objective.filter(Q(n_principles=0) | Q(n_targets=0) | Q(n_partners=0)).count() == 0
        untranslated = Answer.objects.filter(text_en="").values_list("review__country__iso2", flat=True)
        assert set(untranslated) == {"KM", "LY", "SD", "SO", "SY"}  # written in Arabic, not yet translated
        assert Answer.objects.filter(text_ar="").count() == 0
