from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role
from reviews.exports import FORMATS, export_file
from reviews.models import Review, ReviewCycle
from reviews.selectors.exports import export_reviews

User = get_user_model()


class Command(BaseCommand):
    help = (
        "Export a cycle's reviews (answers and every table) as XLSX, a zip of CSV files or JSON, as one user "
        "may see them: by default the first active organiser, who sees every review once submitted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cycle", required=True, help="The cycle's slug, e.g. arab-2028.")
        parser.add_argument("--format", required=True, choices=list(FORMATS), dest="file_format")
        parser.add_argument("--output", required=True, type=Path, help="The file to write.")
        parser.add_argument("--language", choices=["ar", "en"], default="en",
                            help="Language of the headings and labels (XLSX and CSV).")
        parser.add_argument("--status", action="append", choices=Review.Status.values, dest="statuses",
                            help="Only reviews in this status; repeat for several.")
        parser.add_argument("--with-previous", action="store_true",
                            help="Add the previous cycle's values (reported, stage, priority) beside each objective.")
        parser.add_argument("--user", dest="username",
                            help="Export what this user may see (a focal point exports their own country).")

    def handle(self, *args, cycle: str, file_format: str, output: Path, language: str, statuses: list | None,
               username: str | None, with_previous: bool = False, **options):
        cycle_obj = ReviewCycle.objects.filter(slug=cycle).first()
        if cycle_obj is None:
            known = ", ".join(ReviewCycle.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise CommandError(f"Unknown cycle “{cycle}”. Known cycles: {known}.")
        user = self._user(username)
        if not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")
        content = export_file(user=user, cycle=cycle_obj, file_format=file_format, language=language,
                              statuses=statuses, with_previous=with_previous)
        output.write_bytes(content)
        countries = export_reviews(user=user, cycle=cycle_obj, statuses=statuses).count()
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {output} ({len(content):,} bytes): {countries} review(s) of {cycle_obj.slug} "
            f"as {user.username} sees them."
        ))

    def _user(self, username: str | None):
        if username is None:
            user = User.objects.filter(role=Role.ORGANISER, is_active=True).order_by("pk").first()
            if user is None:
                raise CommandError("There is no active organiser to export as: pass --user USERNAME.")
            return user
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Unknown user “{username}”.")
        if not user.is_active or not user.role:
            raise CommandError(f"User “{username}” is inactive or has no role: they may not see any review.")
        return user
