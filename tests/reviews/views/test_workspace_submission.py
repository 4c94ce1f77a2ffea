"""Opening a review from the home page, checking and submitting it, and the one-page preview."""

import datetime
import re
import zoneinfo
from html.parser import HTMLParser

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.utils import translation
from django.utils.translation import gettext

from reviews.models import Review, ReviewObjective, ReviewVersion
from tests import factories

pytestmark = pytest.mark.django_db

BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")  # settings.TIME_ZONE: the deadline is a date in local time
JUNE = datetime.datetime(2027, 6, 1, 10, 0, tzinfo=BEIRUT)  # before the open cycle's deadline (30 Sept 2027)
OCTOBER = datetime.datetime(2027, 10, 5, 10, 0, tzinfo=BEIRUT)  # after it


def _in(language, english: str) -> str:
    with translation.override(language):
        return gettext(english)


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _stored(review):
    review = Review.objects.get(pk=review.pk)
    versions = list(review.versions.values_list("number", "is_late", "submitted_by__username"))
    return review.status, review.is_late, versions


# --- home page and opening the review ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_home_offers_focal_point_to_start_review_of_open_cycle(client, open_cycle, focal_point, language):
    client.force_login(focal_point)

    response = client.get(f"/{language}/")

    page = response.content.decode()
    assert [(cycle, review) for cycle, review in response.context["cycles"] if cycle.is_open] == [(open_cycle, None)]
    assert page.count(_in(language, "Start the review")) == 1  # past cycles are closed: nothing to start there
    assert re.search(rf'<form method="post" action="/{language}/reviews/open/arab-2028/" class="mt-1">.*?'
                     rf'<button type="submit" class="btn btn-sm btn-primary">{_in(language, "Start the review")}'
                     r"</button></form>", page, re.S) is not None


def test_home_offers_contributor_no_start_button(client, open_cycle, contributor):
    client.force_login(contributor)

    response = client.get("/en/")

    assert "/en/reviews/open/" not in response.content.decode()
    assert "Start the review" not in response.content.decode()


def test_review_open_creates_one_review_however_often_posted(client, open_cycle, focal_point, egypt):
    client.force_login(focal_point)

    first = client.post("/en/reviews/open/arab-2028/")
    second = client.post("/en/reviews/open/arab-2028/")

    review = Review.objects.get()
    assert (review.cycle, review.country, review.status) == (open_cycle, egypt, Review.Status.DRAFT)
    assert (first["Location"], second["Location"]) == (f"/en/reviews/{review.uid}/",) * 2


def test_home_after_opening_leads_to_the_review(client, open_cycle, focal_point):
    client.force_login(focal_point)
    client.post("/en/reviews/open/arab-2028/")

    response = client.get("/en/")

    page = response.content.decode()
    review = Review.objects.get()
    assert f'href="/en/reviews/{review.uid}/">Continue the review</a>' in page
    assert "Start the review" not in page


@pytest.mark.parametrize("user", ["contributor", "reviewer"])
def test_review_open_refused_to_others_before_focal_point_opens(client, open_cycle, user, request):
    client.force_login(request.getfixturevalue(user))

    response = client.post("/en/reviews/open/arab-2028/")

    assert response.status_code == 403
    assert Review.objects.exists() is False


# --- check and submit -----------------------------------------------------------------------------------


def _missing_links(page: str) -> list[tuple[str, str]]:
    listing = re.search(r'<ol class="missing-list">(.*?)</ol>', page, re.S)
    assert listing is not None, "no list of missing items"
    return re.findall(r'<li><a href="([^"]+)">(.*?)</a></li>', listing.group(1))


def test_submit_page_links_each_missing_item_to_its_place(client, review, objectives, focal_point):
    factories.ReviewObjectiveFactory(review=review, objective=objectives[1], stage="")
    client.force_login(focal_point)
    base = f"/en/reviews/{review.uid}"

    response = client.get(f"{base}/submit/")

    links = _missing_links(response.content.decode())
    assert [href for href, _label in links] == [
        *[f"{base}/parts/1/#prompt-1.{n}" for n in range(1, 6)],
        *[f"{base}/parts/2/#prompt-2.{n}" for n in range(1, 6)],
        f"{base}/parts/3/#prompt-3.0",
        f"{base}/objectives/1/#prompt-3.a", f"{base}/objectives/1/#prompt-3.b", f"{base}/objectives/1/#prompt-3.c",
        f"{base}/objectives/1/#stage",
        *[f"{base}/parts/4/#prompt-4.{n}" for n in range(1, 5)],
        *[f"{base}/parts/5/#prompt-5.{n}" for n in range(1, 4)],
    ]
    assert links[14][1] == "Objective 1: implementation stage"
    assert "22 required items are missing." in response.content.decode()
    assert "Submit the review" not in response.content.decode()


def test_submit_page_links_lead_to_existing_anchors(client, review, objectives, focal_point):
    factories.ReviewObjectiveFactory(review=review, objective=objectives[1], stage="")
    client.force_login(focal_point)
    links = _missing_links(client.get(f"/en/reviews/{review.uid}/submit/").content.decode())
    targets = [href.split("#") for href, _label in links]

    pages = {path: client.get(path).content.decode() for path, _anchor in targets}

    assert len(targets) == 22
    assert [f"{path}#{anchor}" for path, anchor in targets if f'id="{anchor}"' not in pages[path]] == []


def test_submit_page_without_objectives_links_to_the_choice(client, review, focal_point):
    client.force_login(focal_point)

    response = client.get(f"/en/reviews/{review.uid}/submit/")

    links = _missing_links(response.content.decode())
    assert (f"/en/reviews/{review.uid}/objectives/", "Choose at least one objective to report on.") in links


def test_submit_of_incomplete_review_is_refused_with_message(client, review, focal_point):
    client.force_login(focal_point)

    response = client.post(f"/en/reviews/{review.uid}/submit/", {"confirm": "on"})

    assert response.status_code == 200
    assert _messages(response) == ["The review cannot be submitted yet: 19 required items are missing."]
    assert _stored(review) == (Review.Status.DRAFT, False, [])


@pytest.mark.parametrize("language", ["ar", "en"])
def test_submit_completed_review_before_deadline(client, review, focal_point, complete_review, language):
    complete_review(review, focal_point)
    with time_machine.travel(JUNE, tick=False):
        client.force_login(focal_point)
        page = client.get(f"/{language}/reviews/{review.uid}/submit/").content.decode()

        response = client.post(f"/{language}/reviews/{review.uid}/submit/", {"confirm": "on"})

    assert _in(language, "Submit the review") in page
    assert response["Location"] == f"/{language}/reviews/{review.uid}/"
    assert _messages(response) == [_in(language, "Your review was submitted. Thank you.")]
    assert _stored(review) == (Review.Status.SUBMITTED, False, [(1, False, "fp-eg")])
    assert Review.objects.get(pk=review.pk).submitted_at == JUNE
    assert ReviewVersion.objects.get(review=review).content["objectives"][0]["stage"] == "under_way"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_submit_after_deadline_is_accepted_and_marked_late(client, review, focal_point, complete_review, language):
    complete_review(review, focal_point)
    with time_machine.travel(OCTOBER, tick=False):
        client.force_login(focal_point)
        page = client.get(f"/{language}/reviews/{review.uid}/submit/").content.decode()

        response = client.post(f"/{language}/reviews/{review.uid}/submit/", {"confirm": "on"})
        overview = client.get(response["Location"]).content.decode()

    assert _in(language, "The deadline has passed: your review will be accepted and marked late.") in page
    assert _messages(response) == [
        _in(language, "Your review was submitted after the deadline and is marked late."),
        _in(language, "Your review was submitted. Thank you."),
    ]
    assert _stored(review) == (Review.Status.SUBMITTED, True, [(1, True, "fp-eg")])
    assert f'<span class="badge text-bg-danger">{_in(language, "Late")}</span>' in overview


@pytest.mark.parametrize("language", ["ar", "en"])
def test_submit_without_confirmation_asks_for_it_and_submits_nothing(client, review, focal_point, complete_review,
                                                                       language):
    complete_review(review, focal_point)
    client.force_login(focal_point)

    response = client.post(f"/{language}/reviews/{review.uid}/submit/")

    page = response.content.decode()
    assert response.status_code == 200
    error = _in(language, "Tick the confirmation to submit the review.")
    assert f'<div class="invalid-feedback" id="confirm-error">{error}</div>' in page
    assert _stored(review) == (Review.Status.DRAFT, False, [])


def test_submit_refused_to_contributor(client, review, focal_point, contributor, complete_review):
    complete_review(review, focal_point)
    client.force_login(contributor)

    page = client.get(f"/en/reviews/{review.uid}/submit/")
    response = client.post(f"/en/reviews/{review.uid}/submit/", {"confirm": "on"})

    assert "Everything required is answered." in page.content.decode()
    assert page.context["can_submit"] is False
    assert "Submit the review" not in page.content.decode()
    assert response.status_code == 403
    assert _stored(review) == (Review.Status.DRAFT, False, [])


# --- preview --------------------------------------------------------------------------------------------


class _UserTextBlocks(HTMLParser):
    """Every element of class user-text: (its dir attribute, its text with whitespace collapsed)."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "wbr"}

    def __init__(self):
        super().__init__()
        self.blocks, self._open = [], []  # _open: [direction, depth, text parts]

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        for block in self._open:
            block[1] += 1
        attributes = dict(attrs)
        if "user-text" in (attributes.get("class") or "").split():
            self._open.append([attributes.get("dir"), 1, []])

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        for block in list(self._open):
            block[1] -= 1
            if block[1] == 0:
                self._open.remove(block)
                self.blocks.append((block[0], " ".join("".join(block[2]).split())))

    def handle_data(self, data):
        for block in self._open:
            block[2].append(data)


def _user_text_blocks(page: str) -> list[tuple[str | None, str]]:
    parser = _UserTextBlocks()
    parser.feed(page)
    return parser.blocks


@pytest.fixture
def bilingual_review(review, prompts, objectives, focal_point):
    """Answers in Arabic only (1.1), in both languages (1.2), in English only (1.3), and rows."""
    factories.AnswerFactory(review=review, prompt=prompts["1.1"], text_ar="أعدّت وزارة الخارجية الاستعراض",
                            text_en="", updated_by=focal_point)
    factories.AnswerFactory(review=review, prompt=prompts["1.2"], text_ar="شاركت عشر وزارات",
                            text_en="Ten ministries took part", updated_by=focal_point)
    factories.AnswerFactory(review=review, prompt=prompts["1.3"], text_ar="", original_language="en",
                            text_en="Civil society was consulted in three workshops", updated_by=focal_point)
    factories.GovernmentEntityFactory(review=review, name="وزارة القوى العاملة (Ministry of Manpower)",
                                      role="Coordination", updated_by=focal_point)
    row = factories.ReviewObjectiveFactory(review=review, objective=objectives[1],
                                           stage=ReviewObjective.Stage.UNDER_WAY, updated_by=focal_point)
    factories.GoodPracticeFactory(review_objective=row, title="منصة البيانات الوطنية", updated_by=focal_point)
    factories.IndicatorFactory(review_objective=row, name="Share of migrants registered", updated_by=focal_point)
    return review


@pytest.mark.parametrize("ui_language", ["ar", "en"])
def test_preview_in_english_shows_english_text_and_marks_arabic_only(client, bilingual_review, focal_point,
                                                                      ui_language):
    client.force_login(focal_point)

    response = client.get(f"/{ui_language}/reviews/{bilingual_review.uid}/preview/?lang=en")

    blocks = _user_text_blocks(response.content.decode())
    assert response.context["text_language"] == "en"
    assert ("ltr", "Ten ministries took part") in blocks
    assert ("ltr", "Civil society was consulted in three workshops") in blocks
    assert ("rtl", f"{_in(ui_language, 'Only in Arabic')} أعدّت وزارة الخارجية الاستعراض") in blocks
    assert "شاركت عشر وزارات" not in response.content.decode()


@pytest.mark.parametrize("ui_language", ["ar", "en"])
def test_preview_in_arabic_shows_arabic_text_and_marks_english_only(client, bilingual_review, focal_point,
                                                                     ui_language):
    client.force_login(focal_point)

    response = client.get(f"/{ui_language}/reviews/{bilingual_review.uid}/preview/?lang=ar")

    blocks = _user_text_blocks(response.content.decode())
    assert response.context["text_language"] == "ar"
    assert ("rtl", "شاركت عشر وزارات") in blocks
    assert ("rtl", "أعدّت وزارة الخارجية الاستعراض") in blocks
    assert ("ltr", f"{_in(ui_language, 'Only in English')} Civil society was consulted in three workshops") in blocks
    assert "Ten ministries took part" not in response.content.decode()


def test_preview_only_in_labels_are_translated():
    assert (_in("ar", "Only in Arabic"), _in("ar", "Only in English")) != ("Only in Arabic", "Only in English")


@pytest.mark.parametrize("text_language", ["ar", "en"])
@pytest.mark.parametrize("ui_language", ["ar", "en"])
def test_preview_every_user_text_block_carries_its_direction(client, bilingual_review, focal_point, ui_language,
                                                             text_language):
    client.force_login(focal_point)

    response = client.get(f"/{ui_language}/reviews/{bilingual_review.uid}/preview/?lang={text_language}")

    blocks = _user_text_blocks(response.content.decode())
    assert [block for block in blocks if block[0] not in ("rtl", "ltr", "auto")] == []
    assert ("auto", "وزارة القوى العاملة (Ministry of Manpower)") in blocks
    assert ("auto", "منصة البيانات الوطنية") in blocks
    assert ("auto", "Share of migrants registered") in blocks


def test_preview_without_lang_uses_the_interface_language(client, bilingual_review, focal_point):
    client.force_login(focal_point)

    response = client.get(f"/en/reviews/{bilingual_review.uid}/preview/?lang=fr")

    assert response.context["text_language"] == "en"
