"""Create the synthesis chapters a cycle lacks (key messages, summary, one per round table with a section per
objective, ...), for a cycle set up before the report took its present shape. Safe to run again: existing
chapters and their texts are left as they are. Cycle set-up does the same; pages never create chapters."""

from django.core.management.base import BaseCommand, CommandError

from reviews.models import ObjectiveSynthesis, ReviewCycle, SynthesisChapter
from reviews.services.synthesis import synthesis_chapters_ensure


class Command(BaseCommand):
    help = ("Create the regional synthesis's missing chapters and objective sections, for one cycle (--cycle) or "
            "every cycle. Idempotent: texts already written are kept.")

    def add_arguments(self, parser):
        parser.add_argument("--cycle", default="", help="The cycle's slug, e.g. arab-2028 (default: every cycle).")

    def handle(self, *args, cycle, **options):
        cycles = ReviewCycle.objects.order_by("pk")
        if cycle:
            cycles = cycles.filter(slug=cycle)
            if not cycles.exists():
                raise CommandError(f"No cycle with the slug {cycle!r}.")
        for each in cycles:
            before = self._counts(each)
            synthesis_chapters_ensure(cycle=each)
            after = self._counts(each)
            self.stdout.write(f"{each.slug}: {after[0] - before[0]} chapter(s) and {after[1] - before[1]} "
                              f"objective section(s) created; {after[0]} chapter(s) in all.")

    @staticmethod
    def _counts(cycle: ReviewCycle) -> tuple[int, int]:
        return (SynthesisChapter.objects.filter(cycle=cycle).count(),
                ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).count())
