"""Django 5.2's own Arabic catalogue has no translation for the minimum-length validator's message.
Naming the message here keeps it in the portal's catalogue (makemessages would otherwise drop it as
obsolete), where it is translated; Django looks it up in every catalogue, ours included."""

from django.utils.translation import ngettext_lazy

MINIMUM_LENGTH = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
