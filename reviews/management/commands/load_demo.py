from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reviews.services.demo import demo_load


class Command(BaseCommand):
    help = "Create the demo cycles and one demo login per role. Idempotent; refuses on production settings."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off: this looks like production. Use --force to load demo data anyway.")
        cycle = demo_load()
        self.stdout.write(self.style.SUCCESS(
            f"Demo data loaded: current cycle {cycle.slug}; demo users share the password in DEMO_PASSWORD."
        ))
