import pytest

from reviews.models import SynthesisChange
from reviews.services.errors import DomainError, EditConflict, NotAllowed
from reviews.services.synthesis import synthesis_chapters_ensure
from stakeholders.services.quotes import input_quote_choose, input_quote_remove, input_sentences

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapter(open_cycle):
    return next(row for row in synthesis_chapters_ensure(cycle=open_cycle) if row.round_table_id
                and row.round_table.number == 1)


def test_input_sentences_are_counted_in_the_original_language(accepted):
    assert input_sentences(accepted) == ("ar", ["العمال المهاجرون يحتاجون إلى حماية أفضل.",
                                                "يجب تحسين الوصول إلى العدالة."])


def test_input_quote_choose_records_the_passage_and_the_audit(chapter, accepted, reviewer):
    quote = input_quote_choose(chapter=chapter, stakeholder_input=accepted, first_sentence=1, last_sentence=1,
                               base_version=0, user=reviewer)

    change = SynthesisChange.objects.get(chapter=chapter)
    assert ((quote.first_sentence, quote.last_sentence, quote.version), (change.field, change.after)) == (
        (1, 1, 1), (f"stakeholder/{accepted.uid}", "2-2"))


def test_input_quote_choose_refuses_a_range_out_of_the_text(chapter, accepted, reviewer):
    with pytest.raises(DomainError):
        input_quote_choose(chapter=chapter, stakeholder_input=accepted, first_sentence=0, last_sentence=2,
                           base_version=0, user=reviewer)


def test_input_quote_choose_on_a_stale_page_is_a_conflict(chapter, accepted, reviewer, organiser):
    input_quote_choose(chapter=chapter, stakeholder_input=accepted, first_sentence=0, last_sentence=0,
                       base_version=0, user=reviewer)

    with pytest.raises(EditConflict):
        input_quote_choose(chapter=chapter, stakeholder_input=accepted, first_sentence=1, last_sentence=1,
                           base_version=0, user=organiser)


def test_only_an_accepted_input_is_quoted_by_the_staff(chapter, accepted, draft, reviewer, stakeholder):
    with pytest.raises(NotAllowed):
        input_quote_choose(chapter=chapter, stakeholder_input=draft, first_sentence=0, last_sentence=0,
                           base_version=0, user=reviewer)
    with pytest.raises(NotAllowed):
        input_quote_choose(chapter=chapter, stakeholder_input=accepted, first_sentence=0, last_sentence=0,
                           base_version=0, user=stakeholder)


def test_input_quote_remove_then_decline_is_allowed(chapter, accepted, reviewer):
    from stakeholders.services.inputs import input_decline

    quote = input_quote_choose(chapter=chapter, stakeholder_input=accepted, first_sentence=0, last_sentence=0,
                               base_version=0, user=reviewer)
    with pytest.raises(DomainError):
        input_decline(stakeholder_input=accepted, user=reviewer, reason="No.")

    input_quote_remove(quote=quote, base_version=quote.version, user=reviewer)

    assert input_decline(stakeholder_input=accepted, user=reviewer, reason="No.").status == "declined"
