"""The key messages of the regional synthesis (reviews/services/synthesis.py): an ordered list in both
languages, each message saved without lost updates, moved and deleted on the version the user saw, every
change in the chapter's audit trail; regional staff only."""

import pytest
from django.utils import timezone

from reviews.models import KeyMessage, Objective, SynthesisChange, SynthesisChapter
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.services.key_messages import key_message_create, key_message_delete, key_message_move, key_message_save
from reviews.services.synthesis import synthesis_chapters_ensure

pytestmark = pytest.mark.django_db

CONFLICT = ("{name} changed this key message while you were editing it. Your change was not saved: compare both "
            "versions, merge them and save again.")


@pytest.fixture
def chapter(open_cycle) -> SynthesisChapter:
    return synthesis_chapters_ensure(cycle=open_cycle)[0]


def _objectives(*numbers) -> list[Objective]:
    return list(Objective.objects.filter(number__in=numbers))


def _add(chapter, user, text_ar="", text_en="", objectives=()):
    return key_message_create(chapter=chapter, user=user, text_ar=text_ar, text_en=text_en, original_language=None,
                              objectives=_objectives(*objectives))


def _save(message, user, *, base_version, text_ar="", text_en="", objectives=()):
    return key_message_save(message=message, user=user, text_ar=text_ar, text_en=text_en, original_language=None,
                            objectives=_objectives(*objectives), base_version=base_version)


def _list(chapter) -> list[tuple]:
    return [(m.text_ar or m.text_en, m.version, sorted(o.number for o in m.objectives.all()))
            for m in KeyMessage.objects.filter(chapter=chapter).order_by("position", "pk")]


def _changes(chapter) -> list[tuple]:
    return [(field.split("/")[0], field.split("/")[-1], before, after, who) for field, before, after, who in
            SynthesisChange.objects.filter(chapter=chapter).order_by("pk").values_list(
                "field", "before", "after", "user__username")]


def test_key_message_create_adds_at_the_end_with_its_objectives_and_a_trace(chapter, reviewer):
    first = _add(chapter, reviewer, text_ar="الرسالة الأولى", objectives=(3, 1))
    second = _add(chapter, reviewer, text_en="Second message.")

    assert _list(chapter) == [("الرسالة الأولى", 1, [1, 3]), ("Second message.", 1, [])]
    assert (first.original_language, second.original_language, second.updated_by) == ("ar", "en", reviewer)
    assert _changes(chapter) == [
        ("message", "text_ar", "", "الرسالة الأولى", reviewer.username),
        ("message", "objectives", "", "1, 3", reviewer.username),
        ("message", "text_en", "", "Second message.", reviewer.username),
    ]
    assert SynthesisChange.objects.filter(field=f"message/{first.uid}/text_ar").count() == 1


def test_key_message_create_needs_a_text(chapter, reviewer, english):
    with pytest.raises(DomainError, match="Write the key message in Arabic or English. To remove a message, "
                                          "delete it."):
        _add(chapter, reviewer, text_ar="  ", text_en="")

    assert KeyMessage.objects.count() == 0


def test_key_message_create_only_in_the_key_messages_chapter(open_cycle, reviewer, english):
    summary = synthesis_chapters_ensure(cycle=open_cycle)[1]

    with pytest.raises(DomainError, match="Key messages belong to the key-messages chapter."):
        _add(summary, reviewer, text_en="Misplaced.")


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor", "other_focal_point"])
def test_key_message_create_refused_to_country_teams(request, chapter, user_fixture, english):
    with pytest.raises(NotAllowed, match="Only the regional staff write the regional synthesis."):
        _add(chapter, request.getfixturevalue(user_fixture), text_en="Ours.")

    assert (KeyMessage.objects.count(), SynthesisChange.objects.count()) == (0, 0)


def test_key_message_save_texts_and_objectives_with_a_trace(chapter, reviewer, organiser):
    message = _add(chapter, reviewer, text_ar="نص", objectives=(1,))
    KeyMessage.objects.filter(pk=message.pk).update(translation_verified_by=organiser,
                                                    translation_verified_at=timezone.now())

    saved = _save(message, organiser, base_version=1, text_ar="نص", text_en="Text.", objectives=(1, 23))

    stored = KeyMessage.objects.get(pk=message.pk)
    assert (saved.version, stored.text_en, stored.updated_by, stored.translation_verified_at) == (
        2, "Text.", organiser, None)
    assert _list(chapter) == [("نص", 2, [1, 23])]
    assert _changes(chapter)[2:] == [("message", "text_en", "", "Text.", organiser.username),
                                     ("message", "objectives", "1", "1, 23", organiser.username)]


def test_key_message_save_refuses_a_stale_version_and_keeps_the_stored_message(chapter, reviewer, organiser,
                                                                                english):
    message = _add(chapter, reviewer, text_ar="نص")
    _save(message, organiser, base_version=1, text_ar="نص المنظم")

    with pytest.raises(EditConflict) as conflict:
        _save(KeyMessage.objects.get(pk=message.pk), reviewer, base_version=1, text_ar="نصي", objectives=(5,))

    assert conflict.value.message == CONFLICT.format(name=organiser)
    assert (conflict.value.current.text_ar, conflict.value.current.version) == ("نص المنظم", 2)
    assert _list(chapter) == [("نص المنظم", 2, [])]


def test_key_message_save_retried_with_the_same_change_is_not_a_conflict(chapter, reviewer):
    message = _add(chapter, reviewer, text_ar="نص")
    _save(message, reviewer, base_version=1, text_ar="نص جديد", objectives=(2,))
    changes = SynthesisChange.objects.count()

    again = _save(KeyMessage.objects.get(pk=message.pk), reviewer, base_version=1, text_ar="نص جديد",
                  objectives=(2,))

    assert (again.version, SynthesisChange.objects.count()) == (2, changes)


def test_key_message_save_stale_objectives_alone_are_a_conflict(chapter, reviewer, organiser):
    message = _add(chapter, reviewer, text_ar="نص")
    _save(message, organiser, base_version=1, text_ar="نص", objectives=(4,))

    with pytest.raises(EditConflict):
        _save(KeyMessage.objects.get(pk=message.pk), reviewer, base_version=1, text_ar="نص", objectives=(9,))

    assert _list(chapter) == [("نص", 2, [4])]


def test_key_message_save_cannot_empty_a_message(chapter, reviewer, english):
    message = _add(chapter, reviewer, text_ar="نص")

    with pytest.raises(DomainError, match="To remove a message, delete it."):
        _save(message, reviewer, base_version=1)

    assert _list(chapter) == [("نص", 1, [])]


def test_key_message_move_swaps_with_the_neighbour_and_records_it(chapter, reviewer, organiser):
    first, second, third = (_add(chapter, reviewer, text_en=text) for text in ("One.", "Two.", "Three."))

    key_message_move(message=third, user=organiser, up=True, base_version=1)
    key_message_move(message=KeyMessage.objects.get(pk=first.pk), user=organiser, up=False, base_version=1)

    assert _list(chapter) == [("Three.", 3, []), ("One.", 2, []), ("Two.", 2, [])]  # each move: two versions
    assert _changes(chapter)[-2:] == [("message", "position", "3", "2", organiser.username),
                                      ("message", "position", "1", "2", organiser.username)]


def test_key_message_move_refuses_a_stale_version(chapter, reviewer, organiser, english):
    first, second = _add(chapter, reviewer, text_en="One."), _add(chapter, reviewer, text_en="Two.")
    _save(second, organiser, base_version=1, text_en="Two, revised.")

    with pytest.raises(EditConflict, match=CONFLICT.format(name=organiser)):
        key_message_move(message=second, user=reviewer, up=True, base_version=1)

    assert _list(chapter) == [("One.", 1, []), ("Two, revised.", 2, [])]


def test_key_message_move_past_the_end_changes_nothing(chapter, reviewer):
    first = _add(chapter, reviewer, text_en="One.")
    changes = SynthesisChange.objects.count()

    key_message_move(message=first, user=reviewer, up=True, base_version=1)

    assert (_list(chapter), SynthesisChange.objects.count()) == ([("One.", 1, [])], changes)


def test_key_message_move_with_shared_positions_still_moves(chapter, reviewer):
    first, second = _add(chapter, reviewer, text_en="One."), _add(chapter, reviewer, text_en="Two.")
    KeyMessage.objects.update(position=0)  # e.g. written by a script that numbered nothing

    key_message_move(message=KeyMessage.objects.get(pk=second.pk), user=reviewer, up=True, base_version=1)

    assert [text for text, _version, _objectives in _list(chapter)] == ["Two.", "One."]


def test_key_message_delete_keeps_its_text_in_the_audit_trail(chapter, reviewer, organiser):
    message = _add(chapter, reviewer, text_ar="رسالة", text_en="Message.", objectives=(7,))
    kept = _add(chapter, reviewer, text_en="Kept.")

    key_message_delete(message=message, user=organiser, base_version=1)

    assert _list(chapter) == [("Kept.", 1, [])]
    assert _changes(chapter)[-3:] == [("message", "text_ar", "رسالة", "", organiser.username),
                                      ("message", "text_en", "Message.", "", organiser.username),
                                      ("message", "objectives", "7", "", organiser.username)]
    assert kept.pk != message.pk


def test_key_message_delete_refuses_a_version_changed_since_the_page_loaded(chapter, reviewer, organiser, english):
    message = _add(chapter, reviewer, text_en="Message.")
    _save(message, organiser, base_version=1, text_en="Message, revised.")

    with pytest.raises(EditConflict, match=f"{organiser} changed this key message since you loaded the page."):
        key_message_delete(message=message, user=reviewer, base_version=1)

    assert _list(chapter) == [("Message, revised.", 2, [])]


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor", "other_focal_point"])
def test_key_message_save_move_delete_refused_to_country_teams(request, chapter, reviewer, user_fixture):
    message = _add(chapter, reviewer, text_en="Message.")
    user = request.getfixturevalue(user_fixture)

    refused = []
    for action in (lambda: _save(message, user, base_version=1, text_en="Ours."),
                   lambda: key_message_move(message=message, user=user, up=False, base_version=1),
                   lambda: key_message_delete(message=message, user=user, base_version=1)):
        with pytest.raises(NotAllowed):
            action()
        refused.append(True)

    assert (refused, _list(chapter)) == ([True, True, True], [("Message.", 1, [])])
