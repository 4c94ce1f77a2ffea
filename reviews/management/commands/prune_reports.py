from django.core.management.base import BaseCommand

from reviews.services.report_builds import reports_prune


class Command(BaseCommand):
    help = ("Delete superseded PDF builds (files and rows): keeps the latest of each report and language and "
            "every build downloaded in the last 30 days; failed builds go after a day. Safe to run daily.")

    def handle(self, *args, **options):
        pruned = reports_prune()
        megabytes = pruned.bytes / 1e6
        self.stdout.write(f"{pruned.builds} build(s) removed, {pruned.bytes} bytes ({megabytes:.1f} MB) freed.")
