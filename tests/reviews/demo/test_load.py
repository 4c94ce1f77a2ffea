from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from accounts.models import Role
from reviews.demo.load import demo_load
from reviews.models import Country, ReviewCycle
from tests.conftest import rows_for_the_class

pytestmark = pytest.mark.django_db
User = get_user_model()


def _snapshot():
    return (
        sorted(User.objects.values_list("username", "role", "country__iso2", "organisation__code", "password")),
        sorted(ReviewCycle.objects.values_list("slug", "is_open")),
        Country.objects.count(),
    )


class TestDemoLoad:
    """The demo, loaded once for these tests: they only read it."""

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _demo(cls, django_db_setup, django_db_blocker):
        yield from rows_for_the_class(django_db_blocker, demo_load)

    def test_demo_load_creates_cycles_and_one_login_per_role(self, settings):
        assert sorted(ReviewCycle.objects.values_list("slug", flat=True)) == ["arab-2020", "arab-2024", "arab-2028"]
        assert ReviewCycle.objects.get(slug="arab-2028").is_open is True
        assert User.objects.filter(role=Role.FOCAL_POINT).count() == 22
        assert User.objects.filter(role=Role.CONTRIBUTOR).count() == 22
        assert User.objects.get(username="fp-eg").country.iso2 == "EG"
        assert User.objects.get(username="contrib-jo").country.iso2 == "JO"
        assert User.objects.get(username="reviewer-escwa").organisation.code == "escwa"
        assert set(User.objects.filter(role=Role.REVIEWER).values_list("username", flat=True)) == {
            "reviewer-escwa", "reviewer-iom", "reviewer-las"
        }
        organiser = User.objects.get(username="organiser")
        assert organiser.role == Role.ORGANISER and organiser.is_staff is True
        assert User.objects.get(username="fp-ma").check_password(settings.DEMO_PASSWORD) is True

    def test_demo_users_have_a_name_and_ministry_in_both_languages(self):
        names = User.objects.filter(username__in=["fp-eg", "contrib-eg", "reviewer-escwa", "organiser"]).order_by(
            "username").values_list("username", "name_ar", "name_en", "ministry_ar", "ministry_en")
        assert list(names) == [
            ("contrib-eg", "مساهم – مصر", "Contributor – Egypt", "وزارة العمل", "Ministry of Labour"),
            ("fp-eg", "جهة التنسيق الوطنية – مصر", "Focal point – Egypt", "وزارة الخارجية", "Ministry of Foreign Affairs"),
            ("organiser", "المنظِّم الإقليمي", "Regional organiser", "", ""),
            ("reviewer-escwa", "المراجِع – الإسكوا", "Reviewer – ESCWA", "", ""),
        ]
        assert User.objects.filter(name_ar="").exists() is False


def test_demo_load_gives_names_to_users_of_an_earlier_demo():
    demo_load()
    User.objects.filter(username="fp-eg").update(name_ar="", name_en="")

    demo_load()

    assert User.objects.values_list("name_ar", "name_en").get(username="fp-eg") == (
        "جهة التنسيق الوطنية – مصر", "Focal point – Egypt")


def test_demo_load_is_idempotent():
    demo_load()
    first = _snapshot()

    demo_load()

    assert _snapshot() == first


def test_load_demo_command_refuses_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")

    assert User.objects.count() == 0


def test_load_demo_command_lists_the_countries_with_their_states():
    out = StringIO()

    call_command("load_demo", "--force", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Demo data loaded: current cycle arab-2028 with 10 reviews (6 submitted)") is True
    assert [line.split() for line in lines[1:11]] == [
        ["fp-eg", "Egypt", "draft,", "8", "objectives", "reported"],
        ["fp-iq", "Iraq", "draft,", "0", "objectives", "reported"],
        ["fp-jo", "Jordan", "accepted,", "23", "objectives", "reported"],
        ["fp-lb", "Lebanon", "draft,", "4", "objectives", "reported"],
        ["fp-mr", "Mauritania", "draft,", "0", "objectives", "reported"],
        ["fp-ma", "Morocco", "accepted,", "8", "objectives", "reported"],
        ["fp-om", "Oman", "revision_requested,", "8", "objectives", "reported"],
        ["fp-qa", "Qatar", "accepted,", "11", "objectives", "reported"],
        ["fp-ps", "State", "of", "Palestine", "submitted,", "3", "objectives", "reported"],
        ["fp-tn", "Tunisia", "in_review,", "14", "objectives", "reported"],
    ]
    assert lines[11].startswith("  No review yet: Algeria, Bahrain, Comoros, Djibouti, Kuwait,") is True
    assert lines[12] == (
        "Regional synthesis (reviewer-escwa): 7 key messages, 11 chapters and 23 objective sections written in "
        "Arabic and English; 6 chosen highlights, 8 featured good practices, 6 citations. Build the report from the "
        "regional dashboard (Reports)."
    )
    assert lines[13] == "Earlier cycle arab-2024: 14 reviews brought in (accepted), to compare with."
    assert len(lines) == 14


def test_load_demo_command_runs_with_force(settings):
    settings.DEBUG = False

    call_command("load_demo", "--force")

    assert User.objects.filter(username="fp-eg").exists() is True
