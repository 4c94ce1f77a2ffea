import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FOCAL_POINT = "focal_point", _("Focal point")
    CONTRIBUTOR = "contributor", _("Contributor")
    REVIEWER = "reviewer", _("Regional reviewer")
    ORGANISER = "organiser", _("Organiser")


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
    ministry = models.CharField(
        _("ministry or entity"), max_length=200, blank=True,
        help_text=_("For country teams: the ministry or public body the person works for."),
    )
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
        return self.get_full_name() or self.username

    @property
    def is_country_team(self) -> bool:
        return self.role in COUNTRY_ROLES

    @property
    def is_regional_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_organiser(self) -> bool:
        return self.role == Role.ORGANISER
