"""The synthesis_chapters command: creates what a cycle lacks, for one cycle or all, and is safe to run again."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reviews.models import ObjectiveSynthesis, SynthesisChapter
from reviews.services.synthesis import chapter_text_save
from tests import factories

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("synthesis_chapters", *args, stdout=out)
    return out.getvalue()


def test_synthesis_chapters_creates_a_cycles_chapters_once_and_keeps_their_texts(reference, reviewer):
    cycle = factories.ReviewCycleFactory(slug="arab-2019")  # made before the synthesis had its chapters

    first = _run("--cycle", "arab-2019")
    summary = SynthesisChapter.objects.get(cycle=cycle, kind=SynthesisChapter.Kind.EXECUTIVE_SUMMARY)
    chapter_text_save(chapter=summary, user=reviewer, text_ar="", text_en="Written.", original_language=None,
                      base_version=1)
    second = _run("--cycle", "arab-2019")

    assert first == "arab-2019: 11 chapter(s) and 23 objective section(s) created; 11 chapter(s) in all.\n"
    assert second == "arab-2019: 0 chapter(s) and 0 objective section(s) created; 11 chapter(s) in all.\n"
    assert SynthesisChapter.objects.get(pk=summary.pk).text_en == "Written."
    assert ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).count() == 23


def test_synthesis_chapters_without_a_cycle_completes_every_cycle(reference):
    """The reference data's cycle was set up with its chapters; the two made bare get theirs."""
    factories.ReviewCycleFactory(slug="arab-2019")
    factories.ReviewCycleFactory(slug="arab-2016")

    lines = _run().splitlines()

    assert [line for line in lines if " 0 chapter(s)" not in line] == [
        "arab-2019: 11 chapter(s) and 23 objective section(s) created; 11 chapter(s) in all.",
        "arab-2016: 11 chapter(s) and 23 objective section(s) created; 11 chapter(s) in all.",
    ]
    assert all(line.endswith("11 chapter(s) in all.") for line in lines)


def test_synthesis_chapters_refuses_an_unknown_cycle(reference):
    with pytest.raises(CommandError, match="No cycle with the slug 'nowhere'."):
        _run("--cycle", "nowhere")
