"""The views' shared helpers (reviews/views/http.py)."""

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from reviews.views.http import reversed_for_each


@pytest.mark.parametrize("language", ["ar", "en"])
def test_reversed_for_each_gives_what_reverse_gives(language):
    review, others = uuid.uuid4(), [uuid.uuid4(), uuid.uuid4()]

    with translation.override(language):
        objectives = reversed_for_each("reviews:objective", [review], [1, 10, 23])
        overviews = reversed_for_each("reviews:overview", [], others)

        assert objectives == {number: reverse("reviews:objective", args=[review, number]) for number in (1, 10, 23)}
        assert overviews == {uid: reverse("reviews:overview", args=[uid]) for uid in others}
    assert reversed_for_each("reviews:overview", [], []) == {}


def test_reversed_for_each_puts_the_argument_where_the_route_has_it():
    uids = [uuid.uuid4(), uuid.uuid4()]

    assert reversed_for_each("reviews:history", [], uids) == {uid: reverse("reviews:history", args=[uid])
                                                              for uid in uids}
