"""Uploading a filled Word template: the file passes the Word checks before any preview is made."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gcm_portal.validators import SafeInputFormMixin
from reviews.services.attachments import safe_file_name
from reviews.word.checks import WordFileRefused, docx_check, max_bytes, too_large_message


class WordImportForm(SafeInputFormMixin, forms.Form):
    file = forms.FileField(label=_("Filled Word template (.docx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():  # refused for its size without reading it
            raise ValidationError(too_large_message(), code="word")
        content = upload.read()
        try:
            docx_check(content)
        except WordFileRefused as refused:
            raise ValidationError(refused.message, code="word") from None
        self.content = content
        self.file_name = safe_file_name(upload.name or "", "docx")
        return upload


class WordApplyForm(SafeInputFormMixin, forms.Form):
    """The non-empty answers the user ticked to replace, by key (checked against the plan by the service)."""

    replace = forms.MultipleChoiceField(required=False, choices=())

    def __init__(self, *args, keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replace"].choices = [(key, key) for key in keys]
