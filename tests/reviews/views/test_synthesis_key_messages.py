"""The key-messages page of the synthesis editor, in Arabic and English: the ordered list with a form per
message, adding, the autosave endpoint's contract (200, 409 with what is stored, 400, 404), moving and
deleting; country teams refused, nothing created by reading."""

import html
import json

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext, npgettext

from reviews.models import KeyMessage, Objective, SynthesisChange, SynthesisChapter
from reviews.services.key_messages import key_message_create, key_message_save
from reviews.services.synthesis import synthesis_chapters_ensure

pytestmark = pytest.mark.django_db

COUNTRY_TEAMS = ["focal_point", "contributor", "other_focal_point"]
EMPTY = "Write the key message in Arabic or English. To remove a message, delete it."


@pytest.fixture
def chapter(open_cycle) -> SynthesisChapter:
    return synthesis_chapters_ensure(cycle=open_cycle)[0]


@pytest.fixture
def two_messages(chapter, reviewer) -> list[KeyMessage]:
    return [key_message_create(chapter=chapter, user=reviewer, text_ar=text_ar, text_en=text_en,
                               original_language=None, objectives=list(Objective.objects.filter(number__in=numbers)))
            for text_ar, text_en, numbers in (("الرسالة الأولى", "The first message.", (1, 3)),
                                              ("", "The second message.", ()))]


def _in(language, message) -> str:
    with translation.override(language):
        return gettext(message)


def _url(chapter, suffix="", language="en") -> str:
    return f"/{language}/reviews/cycles/arab-2028/synthesis/{chapter.uid}/{suffix}"


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _prefix(message) -> str:
    return f"m{message.uid.hex[:12]}"


def _post(message, *, version, text_ar="", text_en="", objectives=()):
    prefix = _prefix(message)
    return {f"{prefix}-text_ar": text_ar, f"{prefix}-text_en": text_en, f"{prefix}-original_language": "",
            f"{prefix}-version": version, f"{prefix}-objectives": [Objective.objects.get(number=n).pk
                                                                  for n in objectives]}


def _list(chapter) -> list[tuple]:
    return [(m.text_ar, m.text_en, m.version) for m in chapter.key_messages.order_by("position", "pk")]


# --- the page --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_key_messages_page_lists_the_messages_in_order_with_their_forms(client, chapter, two_messages, reviewer,
                                                                        language):
    client.force_login(reviewer)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(chapter, language=language))

    page = html.unescape(response.content.decode())
    first, second = two_messages
    assert response.status_code == 200
    assert page.index(f'id="message-{first.uid}"') < page.index(f'id="message-{second.uid}"')
    assert f'action="/{language}/reviews/cycles/arab-2028/synthesis/{chapter.uid}/messages/{first.uid}/"' in page
    assert (f'<textarea class="form-control" name="{_prefix(first)}-text_ar" id="id_{_prefix(first)}-text_ar" '
            f'aria-labelledby="{_prefix(first)}-title id_{_prefix(first)}-text_ar-label" rows="3" dir="rtl" '
            'lang="ar" maxlength="1500">\nالرسالة الأولى</textarea>') in page
    first_item = page.split(f'id="message-{first.uid}"')[1].split(f'id="message-{second.uid}"')[0]
    assert [f'id="id_{_prefix(first)}-objectives_{n - 1}" checked>' in first_item for n in (1, 2, 3)] == [
        True, False, True]
    comma = "، " if language == "ar" else ", "  # the page's own list separator, as in the preview
    assert f'<span class="linked-objectives">1{comma}3</span>' in first_item
    assert f'name="version" value="1" data-version-of="{_prefix(second)}"' in page
    assert _in(language, "Add a key message") in page
    assert 'id="citations"' not in page and 'id="practices"' not in page
    assert [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))] == []


@pytest.mark.parametrize("user_fixture", COUNTRY_TEAMS)
@pytest.mark.parametrize("suffix", ["", "messages/add/", "messages/{uid}/", "messages/{uid}/move/",
                                    "messages/{uid}/delete/"])
def test_key_messages_refused_to_country_teams(request, client, chapter, two_messages, user_fixture, suffix):
    client.force_login(request.getfixturevalue(user_fixture))
    url = _url(chapter, suffix.format(uid=two_messages[0].uid))

    response = client.post(url, {"version": 1, "to": "down"}) if suffix else client.get(url)

    assert (response.status_code, len(_list(chapter)), SynthesisChange.objects.count()) == (403, 2, 4)


def test_key_message_routes_of_another_chapter_are_404(client, open_cycle, two_messages, reviewer):
    summary = SynthesisChapter.objects.get(cycle=open_cycle, kind=SynthesisChapter.Kind.EXECUTIVE_SUMMARY)
    client.force_login(reviewer)

    statuses = [client.post(_url(summary, suffix), {"version": 1}).status_code
                for suffix in ("messages/add/", f"messages/{two_messages[0].uid}/move/",
                               f"messages/{two_messages[0].uid}/delete/")]

    assert statuses == [404, 404, 404]


# --- adding ----------------------------------------------------------------------------------------------------


def test_key_message_add_appends_and_goes_to_the_new_message(client, chapter, two_messages, reviewer):
    client.force_login(reviewer)

    response = client.post(_url(chapter, "messages/add/"), {
        "new-text_ar": "رسالة ثالثة", "new-text_en": "", "new-original_language": "",
        "new-objectives": [Objective.objects.get(number=23).pk]})

    added = chapter.key_messages.order_by("position").last()
    assert response["Location"] == f"/en/reviews/cycles/arab-2028/synthesis/{chapter.uid}/#message-{added.uid}"
    assert (added.text_ar, [o.number for o in added.objectives.all()], _messages(response)) == (
        "رسالة ثالثة", [23], ["Key message added."])


@pytest.mark.parametrize("language", ["ar", "en"])
def test_key_message_add_without_text_says_so_in_the_users_language(client, chapter, reviewer, language):
    client.force_login(reviewer)

    response = client.post(_url(chapter, "messages/add/", language=language), {"new-text_ar": " ", "new-text_en": ""})

    assert response["Location"] == f"/{language}/reviews/cycles/arab-2028/synthesis/{chapter.uid}/#key-messages"
    assert (_messages(response), _list(chapter)) == ([_in(language, EMPTY)], [])


# --- autosave --------------------------------------------------------------------------------------------------


def test_key_message_autosave_saves_texts_and_objectives(client, chapter, two_messages, reviewer):
    client.force_login(reviewer)
    second = two_messages[1]

    response = client.post(_url(chapter, f"messages/{second.uid}/"),
                           _post(second, version=1, text_ar="الرسالة الثانية", text_en="The second message.",
                                 objectives=(5,)), HTTP_X_REQUESTED_WITH="fetch")

    data = response.json()
    assert (response.status_code, data["ok"], data["version"], data["updated_by"]) == (
        200, True, 2, str(reviewer))
    stored = KeyMessage.objects.get(pk=second.pk)
    assert (stored.text_ar, [o.number for o in stored.objectives.all()]) == ("الرسالة الثانية", [5])


def test_key_message_autosave_conflict_sends_back_the_stored_message(client, chapter, two_messages, reviewer,
                                                                     organiser):
    first = two_messages[0]
    key_message_save(message=first, user=organiser, text_ar="نص المنظم", text_en="", original_language=None,
                     objectives=list(Objective.objects.filter(number=2)), base_version=1)
    client.force_login(reviewer)

    response = client.post(_url(chapter, f"messages/{first.uid}/"),
                           _post(first, version=1, text_ar="نصي", objectives=(9,)))

    data = json.loads(response.content)
    objective_2 = str(Objective.objects.get(number=2).pk)
    assert (response.status_code, data["text_ar"], data["version"], data["stored"]) == (
        409, "نص المنظم", 2, {f"{_prefix(first)}-objectives": [objective_2]})
    assert data["message"].startswith(f"{organiser} changed this key message while you were editing it.")
    assert _list(chapter)[0] == ("نص المنظم", "", 2)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_key_message_autosave_refuses_an_empty_message(client, chapter, two_messages, reviewer, language):
    client.force_login(reviewer)
    first = two_messages[0]

    response = client.post(_url(chapter, f"messages/{first.uid}/", language=language), _post(first, version=1))

    assert (response.status_code, response.json()["errors"]) == (400, {"__all__": [_in(language, EMPTY)]})
    assert _list(chapter)[0] == ("الرسالة الأولى", "The first message.", 1)


def test_key_message_autosave_of_a_deleted_message_says_so(client, chapter, two_messages, reviewer):
    client.force_login(reviewer)
    first = two_messages[0]
    url = _url(chapter, f"messages/{first.uid}/")
    first.delete()

    response = client.post(url, _post(first, version=1, text_en="Still typing."))

    assert (response.status_code, response.json()["message"]) == (
        404, "This key message has been deleted. Copy your text if you need it, then reload the page.")


# --- moving and deleting ---------------------------------------------------------------------------------------


def test_key_message_move_down_then_back_up(client, chapter, two_messages, reviewer):
    client.force_login(reviewer)
    first = two_messages[0]

    down = client.post(_url(chapter, f"messages/{first.uid}/move/"), {"to": "down", "version": 1})
    order_after_down = [text_en for _ar, text_en, _v in _list(chapter)]
    up = client.post(_url(chapter, f"messages/{first.uid}/move/"), {"to": "up", "version": 2})

    assert down["Location"] == f"/en/reviews/cycles/arab-2028/synthesis/{chapter.uid}/#message-{first.uid}"
    assert order_after_down == ["The second message.", "The first message."]
    assert ([text_en for _ar, text_en, _v in _list(chapter)], up.status_code) == (
        ["The first message.", "The second message."], 302)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_key_message_move_on_a_stale_page_is_refused(client, chapter, two_messages, reviewer, organiser, language):
    first = two_messages[0]
    key_message_save(message=first, user=organiser, text_ar="نص المنظم", text_en="", original_language=None,
                     objectives=[], base_version=1)
    client.force_login(reviewer)

    response = client.post(_url(chapter, f"messages/{first.uid}/move/", language=language),
                           {"to": "down", "version": 1})

    with translation.override(language):
        expected = gettext("%(name)s changed this key message while you were editing it. Your change was not "
                           "saved: compare both versions, merge them and save again.") % {"name": organiser}
    assert (_messages(response), _list(chapter)[0][0]) == ([expected], "نص المنظم")


def test_key_message_delete_keeps_the_text_in_the_history(client, chapter, two_messages, reviewer):
    client.force_login(reviewer)
    first = two_messages[0]

    response = client.post(_url(chapter, f"messages/{first.uid}/delete/"), {"version": 1})
    page = html.unescape(client.get(_url(chapter)).content.decode())

    assert (_list(chapter), _messages(response)) == (
        [("", "The second message.", 1)], ["Key message deleted. Its text stays in the chapter's history."])
    assert list(SynthesisChange.objects.filter(field=f"message/{first.uid}/text_en").values_list(
        "before", "after").order_by("pk")) == [("", "The first message."), ("The first message.", "")]
    assert "<td>Deleted key message · English text</td>" in page


# --- preview ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_key_messages_preview_numbers_them_and_marks_one_language(client, chapter, two_messages, reviewer,
                                                                  language):
    client.force_login(reviewer)

    response = client.get(_url(chapter, "preview/?lang=ar", language=language))

    page = html.unescape(response.content.decode())
    items = page.split('<ol class="key-messages">')[1].split("</ol>")[0]
    assert '<span class="user-text" lang="ar" dir="rtl">الرسالة الأولى</span>' in items
    with translation.override("ar"):  # the edition's language
        objectives = npgettext("linked objectives", "Objective", "Objectives", 2)
        only_english = gettext("Only in English")
    assert f'<span class="small text-secondary linked-objectives">({objectives} 1، 3)</span>' in items
    assert (f'<span class="badge text-bg-warning one-language">{only_english}</span> '
            '<span class="user-text" lang="en" dir="ltr">The second message.</span>') in items
