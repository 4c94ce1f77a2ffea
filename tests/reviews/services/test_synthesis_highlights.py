"""Each country's highlight under an objective (reviews/services/synthesis.py): a sentence range of its last
submitted answer, chosen on the version the reviewer saw, or the default again; every change in the chapter's
audit trail; only the regional staff, only a compiled review that reports the objective."""

import pytest

from reviews.models import Answer, CountryHighlight, ObjectiveSynthesis, Review, SynthesisChange
from reviews.selectors.passages import country_highlights
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.services.submission import review_submit
from reviews.services.highlights import highlight_choose, highlight_reset
from reviews.services.synthesis import synthesis_chapters_ensure
from tests import factories

pytestmark = pytest.mark.django_db

THREE_SENTENCES = "Morocco reformed recruitment. Fees are banned. Inspections doubled."


@pytest.fixture
def section(open_cycle) -> ObjectiveSynthesis:
    """Objective 1's section, in round table 4's chapter."""
    synthesis_chapters_ensure(cycle=open_cycle)
    return ObjectiveSynthesis.objects.select_related("chapter__cycle", "objective").get(
        chapter__cycle=open_cycle, objective__number=1)


@pytest.fixture
def morocco_review(open_cycle, other_focal_point, complete_review):
    """Morocco's review, submitted with objectives 1 and 3; its answer 3.b on objective 1 has three sentences."""
    review = factories.ReviewFactory(cycle=open_cycle, country=other_focal_point.country)
    complete_review(review, other_focal_point, objective_numbers=(1, 3))
    Answer.objects.filter(review=review, prompt__code="3.b", objective__number=1).update(
        text_en=THREE_SENTENCES, text_ar="", original_language="en")
    review_submit(review=review, user=other_focal_point)
    return Review.objects.select_related("country").get(pk=review.pk)


def _choose(section, review, user, *, code="3.b", first=1, last=2, base_version=0):
    return highlight_choose(section=section, review=review, prompt_code=code, first_sentence=first,
                            last_sentence=last, base_version=base_version, user=user)


def _stored(section, review):
    row = CountryHighlight.objects.filter(section=section, review=review).first()
    return row and (row.prompt_code, row.first_sentence, row.last_sentence, row.version)


def _changes(section):
    return list(SynthesisChange.objects.filter(chapter=section.chapter).order_by("pk").values_list(
        "objective__number", "field", "before", "after", "user__username"))


def _quoted(section, review, language="en"):
    found = country_highlights(cycle_id=section.chapter.cycle_id, reviews=[review], language=language)
    return [(h.prompt_code, h.text["text"], h.is_chosen) for h in found[section.objective.number]]


def test_highlight_choose_a_range_the_report_then_quotes(section, morocco_review, reviewer):
    highlight = _choose(section, morocco_review, reviewer)

    assert (_stored(section, morocco_review), highlight.updated_by) == (("3.b", 1, 2, 1), reviewer)
    assert _quoted(section, morocco_review) == [("3.b", "Fees are banned. Inspections doubled.", True)]
    assert _changes(section) == [(1, "highlight/MA", "", "3.b 2-3", reviewer.username)]


def test_highlight_choose_again_on_the_version_seen(section, morocco_review, reviewer, organiser):
    _choose(section, morocco_review, reviewer)

    _choose(section, morocco_review, organiser, first=0, last=0, base_version=1)

    assert _stored(section, morocco_review) == ("3.b", 0, 0, 2)
    assert _changes(section)[-1] == (1, "highlight/MA", "3.b 2-3", "3.b 1-1", organiser.username)


def test_highlight_choose_refuses_a_choice_made_meanwhile(section, morocco_review, reviewer, organiser, english):
    _choose(section, morocco_review, organiser)

    with pytest.raises(EditConflict) as conflict:
        _choose(section, morocco_review, reviewer, first=0, last=0, base_version=0)  # the page showed the default

    assert conflict.value.message == (f"{organiser} chose another passage for this country while you were "
                                      "choosing. Look at their choice and choose again if you still prefer yours.")
    assert (_stored(section, morocco_review), len(_changes(section))) == (("3.b", 1, 2, 1), 1)


def test_highlight_choose_refuses_a_version_when_the_default_was_restored(section, morocco_review, reviewer,
                                                                           organiser, english):
    _choose(section, morocco_review, reviewer)
    highlight_reset(section=section, review=morocco_review, base_version=1, user=organiser)

    with pytest.raises(EditConflict, match="went back to the default passage"):
        _choose(section, morocco_review, reviewer, first=0, last=1, base_version=1)

    assert _stored(section, morocco_review) is None


@pytest.mark.parametrize(("code", "first", "last", "message"), [
    ("3.b", 0, 3, "Choose sentences between 1 and 3, the first no later than the last."),
    ("3.b", 2, 1, "Choose sentences between 1 and 3, the first no later than the last."),
    ("1.1", 0, 0, "Question 1.1 is not one of the questions asked for each objective."),
    ("9.z", 0, 0, "Question 9.z is not one of the questions asked for each objective."),
    ("3.f", 0, 0, "Morocco did not answer question 3.f on this objective."),
])
def test_highlight_choose_refuses_a_range_outside_the_answer(section, morocco_review, reviewer, english, code,
                                                              first, last, message):
    with pytest.raises(DomainError) as refused:
        _choose(section, morocco_review, reviewer, code=code, first=first, last=last)

    assert (refused.value.message, _stored(section, morocco_review), _changes(section)) == (message, None, [])


def test_highlight_choose_refuses_an_objective_the_country_does_not_report(open_cycle, morocco_review, reviewer,
                                                                           english):
    section_7 = ObjectiveSynthesis.objects.select_related("chapter__cycle", "objective").get(
        chapter__cycle=open_cycle, objective__number=7)

    with pytest.raises(DomainError, match="Morocco does not report on objective 7 in its last submitted version."):
        _choose(section_7, morocco_review, reviewer, code="3.a", first=0, last=0)


def test_highlight_choose_counts_the_sentences_of_the_last_submitted_version(section, morocco_review, reviewer,
                                                                            english):
    # The country's edits after submitting are its own until it submits again.
    Answer.objects.filter(review=morocco_review, prompt__code="3.b", objective__number=1).update(
        text_en="One. Two. Three. Four. Five.")

    with pytest.raises(DomainError, match="between 1 and 3"):
        _choose(section, morocco_review, reviewer, first=3, last=4)


def test_highlight_choose_refuses_a_draft_review(section, review, complete_review, focal_point, reviewer, english):
    complete_review(review, focal_point)  # Egypt's draft: the regional staff do not see it

    with pytest.raises(NotAllowed, match="This review is not one of the cycle's reviews you can see."):
        _choose(section, review, reviewer, code="3.a", first=0, last=0)


@pytest.mark.parametrize("user_fixture", ["focal_point", "contributor", "other_focal_point"])
def test_highlight_choose_and_reset_refused_to_country_teams(request, section, morocco_review, reviewer,
                                                             user_fixture, english):
    _choose(section, morocco_review, reviewer)
    user = request.getfixturevalue(user_fixture)

    with pytest.raises(NotAllowed, match="Only the regional staff write the regional synthesis."):
        _choose(section, morocco_review, user, first=0, last=0, base_version=1)
    with pytest.raises(NotAllowed, match="Only the regional staff write the regional synthesis."):
        highlight_reset(section=section, review=morocco_review, base_version=1, user=user)

    assert _stored(section, morocco_review) == ("3.b", 1, 2, 1)


def test_highlight_reset_goes_back_to_the_default_with_a_trace(section, morocco_review, reviewer, organiser):
    _choose(section, morocco_review, reviewer)

    highlight_reset(section=section, review=morocco_review, base_version=1, user=organiser)

    assert _stored(section, morocco_review) is None
    assert _quoted(section, morocco_review)[0][0::2] == ("3.a", False)
    assert _changes(section)[-1] == (1, "highlight/MA", "3.b 2-3", "", organiser.username)


def test_highlight_reset_of_the_default_records_nothing(section, morocco_review, reviewer):
    highlight_reset(section=section, review=morocco_review, base_version=0, user=reviewer)

    assert _changes(section) == []


def test_highlight_reset_refuses_a_choice_changed_since_the_page_loaded(section, morocco_review, reviewer,
                                                                        organiser, english):
    _choose(section, morocco_review, reviewer)
    _choose(section, morocco_review, organiser, first=0, last=0, base_version=1)

    with pytest.raises(EditConflict, match=f"{organiser} chose another passage for this country since you loaded"):
        highlight_reset(section=section, review=morocco_review, base_version=1, user=reviewer)

    assert _stored(section, morocco_review) == ("3.b", 0, 0, 2)
