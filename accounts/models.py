import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FOCAL_POINT = "focal_point", _("Focal point")
    CONTRIBUTOR = "contributor", _("Contributor")
    REVIEWER = "reviewer", _("Regional reviewer")
    ORGANISER = "organiser", _("Organiser")
    STAKEHOLDER = "stakeholder", _("Stakeholder organisation")


COUNTRY_ROLES = (Role.FOCAL_POINT, Role.CONTRIBUTOR)
STAFF_ROLES = (Role.REVIEWER, Role.ORGANISER)


class User(AbstractUser):
    """A portal user. The role decides what they see; the database keeps the pairing
    of role with country or organisation consistent."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    country = models.ForeignKey(
        "reviews.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="users",
        verbose_name=_("country"),
    )
    organisation = models.ForeignKey(
        "reviews.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="users",
        verbose_name=_("organisation"),
    )
    # The name and the ministry as each language's readers read them: pages, notifications and e-mails
    # show the one in the reader's language, or the other one marked as such (`name_in`, `ministry_in`).
    name_ar = models.CharField(_("name in Arabic"), max_length=150, blank=True)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    ministry_ar = models.CharField(
        _("ministry or entity in Arabic"), max_length=200, blank=True,
        help_text=_("For country teams: the ministry or public body the person works for."),
    )
    ministry_en = models.CharField(_("ministry or entity in English"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=[("ar", _("Arabic")), ("en", _("English"))], default="ar"
    )

    class Meta(AbstractUser.Meta):
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(
                name="country_team_has_country",
                condition=~Q(role__in=COUNTRY_ROLES) | Q(country__isnull=False),
            ),
            models.CheckConstraint(
                name="only_country_team_has_country",
                condition=Q(role__in=COUNTRY_ROLES) | Q(country__isnull=True),
            ),
            models.CheckConstraint(
                name="reviewer_has_organisation",
                condition=~Q(role=Role.REVIEWER) | Q(organisation__isnull=False),
            ),
        ]

    def __str__(self):
        return self.name_in(get_language())["text"]

    def get_short_name(self):
        """The name the admin greets the user with: the same as the portal's."""
        return str(self)

    def name_in(self, language: str | None) -> dict:
        """The user's name in `language`, else in the other one (marked by `only_in`, see `text_in`), else
        the name given at sign-up, else the username (a Latin login name: read as English)."""
        from reviews.models.content import text_in  # the bilingual rule of the whole portal

        shown = text_in(text_ar=self.name_ar, text_en=self.name_en, language=_language(language))
        if shown["text"]:
            return shown
        fallback = self.get_full_name() or self.username
        return {"text": fallback, "lang": _script_language(fallback), "only_in": None}

    def ministry_in(self, language: str | None) -> dict:
        """The user's ministry or entity in `language`, else in the other one marked; empty when none."""
        from reviews.models.content import text_in

        return text_in(text_ar=self.ministry_ar, text_en=self.ministry_en, language=_language(language))

    @property
    def is_country_team(self) -> bool:
        return self.role in COUNTRY_ROLES

    @property
    def is_focal_point(self) -> bool:
        return self.role == Role.FOCAL_POINT

    @property
    def is_regional_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_organiser(self) -> bool:
        return self.role == Role.ORGANISER

    @property
    def is_stakeholder(self) -> bool:
        """An organisation's account: it sees its own written inputs only (stakeholders/selectors.py)."""
        return self.role == Role.STAKEHOLDER


def _language(language: str | None) -> str:
    return "en" if (language or "ar").startswith("en") else "ar"


def _script_language(text: str) -> str:
    """"ar" for a text whose first letter is right-to-left, "en" otherwise (a name typed in Latin letters)."""
    from reviews.report.template_filters import text_dir  # the one reading of a text's direction

    return "ar" if text_dir(text) == "rtl" else "en"


class TwoFactorPolicy(models.Model):
    """Which roles must sign in with a second factor. One row, edited by organisers on the
    security settings page; without it nobody is required to (the portal's starting point)."""

    require_reviewers = models.BooleanField(_("require for regional reviewers"), default=False)
    require_organisers = models.BooleanField(_("require for organisers"), default=False)
    require_country_teams = models.BooleanField(
        _("require for focal points and contributors"), default=False,
    )
    updated_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("two-factor policy")
        verbose_name_plural = _("two-factor policy")

    def __str__(self):
        return str(_("Two-factor policy"))

    def requires(self, role: str) -> bool:
        return {
            Role.REVIEWER: self.require_reviewers,
            Role.ORGANISER: self.require_organisers,
            Role.FOCAL_POINT: self.require_country_teams,
            Role.CONTRIBUTOR: self.require_country_teams,
        }.get(role, False)


class SecurityEvent(models.Model):
    """The record of security changes to accounts: who changed the policy, who enrolled,
    who reset whose second factor. Kept even when the device itself is deleted."""

    class Kind(models.TextChoices):
        POLICY_CHANGED = "policy_changed", _("Two-factor policy changed")
        TWO_FACTOR_ENABLED = "two_factor_enabled", _("Two-factor login turned on")
        RECOVERY_CODES_REGENERATED = "recovery_codes_regenerated", _("Recovery codes regenerated")
        RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
        TWO_FACTOR_RESET = "two_factor_reset", _("Two-factor login reset by an organiser")
        LOCKOUT_RESET = "lockout_reset", _("Sign-in lockout lifted by an organiser")

    kind = models.CharField(_("event"), max_length=40, choices=Kind.choices)
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("by"),
    )
    subject = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, null=True, blank=True, related_name="security_events",
        verbose_name=_("account"),
    )
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("security event")
        verbose_name_plural = _("security events")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"
