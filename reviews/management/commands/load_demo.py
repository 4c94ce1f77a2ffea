from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reviews.demo.load import demo_load
from reviews.models import Review


class Command(BaseCommand):
    help = (
        "Create the demo cycles, one demo login per role and demo reviews in the current cycle. "
        "Idempotent; refuses on production settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")
        parser.add_argument(
            "--full", action="store_true",
            help="Fill and submit the review of every country, in Arabic and English. Countries whose review "
                 "already has content are left as they are.",
        )

    def handle(self, *args, force: bool, full: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off: this looks like production. Use --force to load demo data anyway.")
        cycle = demo_load(full=full)
        reviews = Review.objects.filter(cycle=cycle)
        submitted = reviews.filter(status=Review.Status.SUBMITTED).count()
        self.stdout.write(self.style.SUCCESS(
            f"Demo data loaded: current cycle {cycle.slug} with {reviews.count()} reviews ({submitted} submitted); "
            "demo users share the password in DEMO_PASSWORD."
        ))
