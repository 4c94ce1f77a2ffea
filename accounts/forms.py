from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from gcm_portal.validators import SafeInputFormMixin
from reviews.models import Country, Organisation

User = get_user_model()


class UserForm(SafeInputFormMixin, forms.Form):
    """Create or edit a portal user with their role and scope (country or organisation)."""

    username = forms.RegexField(
        label=_("Username"), max_length=150, regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use letters, digits and @ . + - _ only.")},
    )
    name_ar = forms.CharField(label=_("Name in Arabic"), max_length=150, required=False,
                              widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}))
    name_en = forms.CharField(label=_("Name in English"), max_length=150, required=False,
                              widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"}))
    email = forms.EmailField(label=_("E-mail"), required=True, max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False,
        help_text=_("For focal points and contributors."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False,
        help_text=_("For regional reviewers; optional for organisers."),
    )
    ministry_ar = forms.CharField(label=_("Ministry or entity in Arabic"), max_length=200, required=False,
                                  widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}))
    ministry_en = forms.CharField(label=_("Ministry or entity in English"), max_length=200, required=False,
                                  widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"}))
    password = forms.CharField(
        label=_("Initial password"), widget=forms.PasswordInput(render_value=False), required=False, max_length=128,
        help_text=_("Leave empty to e-mail the user a link to choose their own password."),
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if editing:
            self.fields["username"].disabled = True
            del self.fields["password"]
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("username"), Column("email")),
            Row(Column("name_ar"), Column("name_en")),
            Row(Column("role"), Column("country"), Column("organisation")),
            Row(Column("ministry_ar"), Column("ministry_en")),
            *([] if editing else ["password"]),
            Submit("save", _("Save")),
        )

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role in (Role.FOCAL_POINT, Role.CONTRIBUTOR) and not cleaned.get("country"):
            self.add_error("country", _("A focal point or contributor needs a country."))
        if role in (Role.REVIEWER, Role.ORGANISER):
            cleaned["country"] = None
        if role == Role.REVIEWER and not cleaned.get("organisation"):
            self.add_error("organisation", _("A regional reviewer needs an organisation."))
        password = cleaned.get("password")
        if password:
            try:
                validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class TwoFactorCodeForm(SafeInputFormMixin, forms.Form):
    """One code: six digits from the authenticator app, or a recovery code at login."""

    code = forms.CharField(
        label=_("Code"), max_length=20, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "dir": "ltr",
                                      "spellcheck": "false", "autocapitalize": "off"}),
    )

    def __init__(self, *args, help_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        if help_text:
            self.fields["code"].help_text = help_text


class TwoFactorPolicyForm(forms.Form):
    """Which roles the organisers require to sign in with a second factor."""

    require_reviewers = forms.BooleanField(label=_("Regional reviewers must use two-factor login"), required=False)
    require_organisers = forms.BooleanField(label=_("Organisers must use two-factor login"), required=False)
    require_country_teams = forms.BooleanField(
        label=_("Focal points and contributors must use two-factor login"), required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "require_reviewers", "require_organisers", "require_country_teams", Submit("save", _("Save")),
        )
