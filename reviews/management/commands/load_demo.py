from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reviews.demo.load import demo_countries, demo_load
from reviews.demo.past import PAST_CYCLE
from reviews.demo.synthesis import demo_synthesis_summary
from reviews.demo.synthesis_text import DEMO_SYNTHESIS_AUTHOR
from reviews.models import Review
from reviews.services.search import search_reindex


class Command(BaseCommand):
    help = (
        "Create the demo cycles, one demo login per role, demo reviews in the current cycle and its regional "
        "synthesis. "
        "Idempotent; refuses on production settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")
        parser.add_argument(
            "--full", action="store_true",
            help="Write the review of every country as the region's reviews look: different objectives, stages "
                 "and policies, two partial reviews, four not submitted, and a synthesis of the 18 submitted. Countries "
                 "whose review already has content, and synthesis texts already written, are left as they are.",
        )

    def handle(self, *args, force: bool, full: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off: this looks like production. Use --force to load demo data anyway.")
        cycle = demo_load(full=full)
        search_reindex()  # the demo writes in bulk, around the services that index
        rows = demo_countries(cycle=cycle)
        reviews = [review for _country, review in rows if review]
        submitted = sum(1 for review in reviews if review.status != Review.Status.DRAFT)
        self.stdout.write(self.style.SUCCESS(
            f"Demo data loaded: current cycle {cycle.slug} with {len(reviews)} reviews ({submitted} submitted); "
            "demo users share the password in DEMO_PASSWORD."
        ))
        # Untranslated on purpose: the statuses as stored, for the developer reading the terminal.
        for country, review in rows:
            if review:
                self.stdout.write(f"  fp-{country.iso2.lower()}  {country.name_en:<22} {review.status}, "
                                  f"{review.reported} objectives reported")
        not_started = [country.name_en for country, review in rows if review is None]
        if not_started:
            self.stdout.write(f"  No review yet: {', '.join(not_started)}")
        synthesis = demo_synthesis_summary(cycle=cycle)
        self.stdout.write(
            f"Regional synthesis ({DEMO_SYNTHESIS_AUTHOR}): {synthesis.key_messages} key messages, "
            f"{synthesis.chapters} chapters and {synthesis.sections} objective sections written in Arabic and "
            f"English; {synthesis.highlights} chosen highlights, {synthesis.featured} featured good practices, "
            f"{synthesis.citations} citations. Build the report from the regional dashboard (Reports)."
        )
        past = Review.objects.filter(cycle__slug=PAST_CYCLE).exclude(imported_from="").count()
        self.stdout.write(f"Earlier cycle {PAST_CYCLE}: {past} reviews brought in (accepted), to compare with.")
