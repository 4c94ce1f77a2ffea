"""The key messages of the regional report: the key-messages chapter's ordered list, each message bilingual,
version-checked like an answer and recorded field by field in the synthesis's audit trail."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews.models import KeyMessage, Objective, SynthesisChapter
from reviews.models.content import original_language_of
from reviews.services.audit import synthesis_audit_record
from reviews.services.errors import DomainError, EditConflict, NotFound
from reviews.services.search import search_index, search_unindex
from reviews.services.synthesis import synthesis_write_check
from reviews.services.versioned import bilingual_text_update, versioned_update

Kind = SynthesisChapter.Kind

# Lazy: translated when a conflict happens, in the language of the user it happens to.
KEY_MESSAGE_CONFLICT = gettext_lazy("%(name)s changed this key message while you were editing it. Your change was not "
                                    "saved: compare both versions, merge them and save again.")


def _message_field(message: KeyMessage, name: str) -> str:
    """The audit trail's name of one field of one message: the message's id keeps its history together
    whatever its number in the list becomes."""
    return f"message/{message.uid}/{name}"


def _message_record(message: KeyMessage, *, text_ar: str, text_en: str, numbers: list[int]) -> dict:
    """A message's fields as the audit trail records them."""
    return {_message_field(message, "text_ar"): text_ar, _message_field(message, "text_en"): text_en,
            _message_field(message, "objectives"): ", ".join(str(number) for number in sorted(numbers))}


def _message_stored(message: KeyMessage) -> dict:
    return _message_record(message, text_ar=message.text_ar, text_en=message.text_en,
                           numbers=[objective.number for objective in message.objectives.all()])


def _check_key_messages_chapter(chapter: SynthesisChapter) -> None:
    if chapter.kind != Kind.KEY_MESSAGES:
        raise DomainError(_("Key messages belong to the key-messages chapter."))


def _check_message_written(text_ar: str, text_en: str) -> None:
    if not (text_ar.strip() or text_en.strip()):
        raise DomainError(_("Write the key message in Arabic or English. To remove a message, delete it."))


@transaction.atomic
def key_message_create(*, chapter: SynthesisChapter, user, text_ar: str, text_en: str,
                       original_language: str | None, objectives: list[Objective]) -> KeyMessage:
    """Add a key message at the end of the key-messages chapter's list.

    A message has a text in at least one language; it may be tied to the objectives it speaks of.
    """
    synthesis_write_check(user)
    _check_key_messages_chapter(chapter)
    _check_message_written(text_ar, text_en)
    SynthesisChapter.objects.select_for_update().filter(pk=chapter.pk).first()  # one number per new message
    last = chapter.key_messages.aggregate(last=Max("position"))["last"] or 0
    message = KeyMessage.objects.create(
        chapter=chapter, position=last + 1, text_ar=text_ar, text_en=text_en, updated_by=user,
        original_language=original_language_of(original_language=original_language, text_ar=text_ar,
                                               text_en=text_en))
    message.objectives.set(objectives)
    search_index(item=message)
    synthesis_audit_record(chapter=chapter, objective=None, user=user, before={},
                           after=_message_record(message, text_ar=text_ar, text_en=text_en,
                                                 numbers=[objective.number for objective in objectives]))
    return message


@transaction.atomic
def key_message_save(*, message: KeyMessage, user, text_ar: str, text_en: str, original_language: str | None,
                     objectives: list[Objective], base_version: int) -> KeyMessage:
    """Save a key message's texts and objectives if nobody changed it since the editor loaded it
    (`base_version`), like an answer: a stale save raises EditConflict carrying what is stored, a change to
    either text clears the translation's verification. A message cannot be emptied: it is deleted instead."""
    synthesis_write_check(user)
    _check_message_written(text_ar, text_en)
    message.refresh_from_db(from_queryset=KeyMessage.objects.select_for_update(of=("self",)))
    before = _message_stored(message)
    after = _message_record(message, text_ar=text_ar, text_en=text_en,
                            numbers=[objective.number for objective in objectives])
    if message.version != base_version:
        if before == after:
            return message  # a retried save finds its own change stored: nothing is lost
        raise EditConflict(KEY_MESSAGE_CONFLICT % {"name": message.updated_by or _("Someone")}, current=message)
    values = {"text_ar": text_ar, "text_en": text_en,
              "original_language": original_language_of(original_language=original_language, text_ar=text_ar,
                                                        text_en=text_en)}
    bilingual_text_update(row=message, base_version=base_version, user=user, values=values,
                          conflict_message=KEY_MESSAGE_CONFLICT)
    message.objectives.set(objectives)
    synthesis_audit_record(chapter=message.chapter, objective=None, user=user, before=before, after=after)
    return message


@transaction.atomic
def key_message_move(*, message: KeyMessage, user, up: bool, base_version: int) -> KeyMessage:
    """Move a key message one place up or down the list, if nobody changed it since the page was loaded.

    The message and the one it swaps with both take a new version (each changed place); the first message
    moved up, or the last moved down, stays where it is.
    """
    synthesis_write_check(user)
    messages = list(KeyMessage.objects.select_for_update().filter(chapter_id=message.chapter_id)
                    .order_by("position", "pk"))
    index = next((i for i, row in enumerate(messages) if row.pk == message.pk), None)
    if index is None:
        raise NotFound(_("This key message has been deleted."))
    other = index - 1 if up else index + 1
    if not 0 <= other < len(messages):
        message.refresh_from_db()
        if message.version != base_version:
            raise EditConflict(KEY_MESSAGE_CONFLICT % {"name": message.updated_by or _("Someone")}, current=message)
        return message
    # Number the list 1..n first, so two messages sharing a position still swap.
    for number, row in enumerate(messages, start=1):
        row.position = number
    messages[index].position, messages[other].position = messages[other].position, messages[index].position
    KeyMessage.objects.bulk_update(messages, ["position"])
    versioned_update(row=message, base_version=base_version, user=user, values={"position": messages[index].position},
                     conflict_message=KEY_MESSAGE_CONFLICT)
    neighbour = messages[other]
    versioned_update(row=neighbour, base_version=neighbour.version, user=user,
                     values={"position": neighbour.position}, conflict_message=KEY_MESSAGE_CONFLICT)
    synthesis_audit_record(chapter=message.chapter, objective=None, user=user,
                           before={_message_field(message, "position"): index + 1},
                           after={_message_field(message, "position"): other + 1})
    return message


@transaction.atomic
def key_message_delete(*, message: KeyMessage, user, base_version: int) -> None:
    """Delete a key message, if nobody changed it since the page was loaded. The audit trail keeps its
    texts and objectives, so a message deleted by mistake can be written again word for word."""
    synthesis_write_check(user)
    message.refresh_from_db(from_queryset=KeyMessage.objects.select_for_update(of=("self",)))
    if message.version != base_version:
        raise EditConflict(_("%(name)s changed this key message since you loaded the page. Read it again before "
                             "deleting it.") % {"name": message.updated_by or _("Someone")}, current=message)
    before = _message_stored(message)
    synthesis_audit_record(chapter=message.chapter, objective=None, user=user, before=before,
                           after={name: "" for name in before})
    search_unindex(item=message)
    message.delete()
