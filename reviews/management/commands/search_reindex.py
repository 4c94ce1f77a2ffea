from django.core.management.base import BaseCommand

from reviews.services.search import search_reindex


class Command(BaseCommand):
    help = "Rebuild the search documents from every stored text. Idempotent: safe to run at any time."

    def handle(self, *args, **options):
        count = search_reindex()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count:,} documents."))
