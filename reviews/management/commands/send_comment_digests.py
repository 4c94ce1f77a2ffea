from django.core.management.base import BaseCommand

from reviews.services.comments import comment_digests_send


class Command(BaseCommand):
    help = ("E-mail each reader one digest per review of the shared comments made since the last run. "
            "Safe to run every few minutes (cron, a systemd timer, `make run`).")

    def handle(self, *args, **options):
        sent = comment_digests_send()
        if options["verbosity"] > 0:  # `make run` runs it every two minutes with -v0
            self.stdout.write(f"{sent} comment digest(s) sent.")
