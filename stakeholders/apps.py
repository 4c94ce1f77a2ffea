from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    """Whole of society: organisations' written inputs to the regional review, moderated by the staff and
    quoted in the report's round-table chapters."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "stakeholders"
    verbose_name = _("Stakeholders")

    def ready(self):
        from stakeholders.exports import inputs_table_add

        inputs_table_add()
