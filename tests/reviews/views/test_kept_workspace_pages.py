"""Workspace pages kept in the cache (views/page_cache.py): a reader's own pages, with their forms, never older
than the review, and with the frame (messages, notifications) of the moment."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import Client

from reviews.views.page_cache import kept
from reviews.views.workspace.common import review_shown
from tests import factories

pytestmark = pytest.mark.django_db
MARCH = datetime.datetime(2027, 3, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Beirut"))  # the cycle is open


def _answer_post(prompt, *, text_ar, version, token=None):
    prefix = f"p{prompt.pk}"
    data = {f"{prefix}-text_ar": text_ar, f"{prefix}-text_en": "", f"{prefix}-original_language": "",
            f"{prefix}-version": version}
    return {**data, "csrfmiddlewaretoken": token} if token else data


@time_machine.travel(MARCH, tick=False)
def test_a_kept_workspace_page_shows_an_answer_saved_since(client, review, prompts, focal_point):
    prompt = prompts["1.1"]
    page = f"/en/reviews/{review.uid}/parts/1/"
    client.force_login(focal_point)
    client.get(page)
    kept = client.get(page).content.decode()

    saved = client.post(f"/en/reviews/{review.uid}/answers/{prompt.uid}/",
                        _answer_post(prompt, text_ar="نص محفوظ للتو", version=0))

    assert saved.status_code == 200
    assert "نص محفوظ للتو" not in kept
    assert "نص محفوظ للتو" in client.get(page).content.decode()


@time_machine.travel(MARCH, tick=False)
def test_a_kept_workspace_pages_forms_still_pass_the_csrf_check(review, prompts, focal_point):
    prompt = prompts["1.1"]
    page = f"/en/reviews/{review.uid}/parts/1/"
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(focal_point)
    built = browser.get(page).content.decode()
    kept = browser.get(page).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept).group(1)

    saved = browser.post(f"/en/reviews/{review.uid}/answers/{prompt.uid}/",
                         _answer_post(prompt, text_ar="نص", version=0, token=token))

    assert kept == built
    assert saved.status_code == 200


@time_machine.travel(MARCH, tick=False)
def test_a_kept_workspace_page_counts_the_notifications_of_the_moment(client, review, focal_point):
    page = f"/en/reviews/{review.uid}/objectives/"
    client.force_login(focal_point)
    client.get(page)
    kept = client.get(page).content.decode()

    factories.NotificationFactory(user=focal_point, review=review)

    assert '<span class="badge text-bg-warning">' not in kept
    assert '<span class="badge text-bg-warning">1</span>' in client.get(page).content.decode()


def test_a_page_with_a_message_to_show_is_built_afresh(rf, review, focal_point):
    built = []

    @kept(review_shown)
    def page(request, uid):
        built.append(uid)
        return HttpResponse("<p>the page</p>")

    request = rf.get(f"/en/reviews/{review.uid}/")
    request.user = focal_point
    SessionMiddleware(lambda request: None).process_request(request)
    request._messages = FallbackStorage(request)
    page(request, uid=review.uid)
    page(request, uid=review.uid)  # kept
    messages.success(request, "Saved.")
    page(request, uid=review.uid)

    assert len(built) == 2
