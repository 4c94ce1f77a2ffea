from django.core.management.base import BaseCommand

from reviews.services.reference import reference_load


class Command(BaseCommand):
    help = "Load the reference data (countries, objectives, principles, template, past cycles). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update", action="store_true",
            help="Overwrite existing rows with the fixture's wording (by default organisers' edits are kept).",
        )

    def handle(self, *args, update: bool, **options):
        reference_load(update=update)
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
