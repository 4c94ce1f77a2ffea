from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from reviews.management.commands.review_docx import cycle_or_error, user_or_error
from reviews.models import Country, Review
from reviews.services.errors import DomainError
from reviews.services.submission import review_open
from reviews.word import import_writes, importing
from reviews.word.checks import docx_check

ACTIONS = {importing.FILL: "fill", importing.REPLACE: "replace?", importing.SAME: "same", importing.BLOCKED: "refused",
           importing.ADD: "add", importing.REPORT: "report"}


class _DryRun(Exception):
    pass


class Command(BaseCommand):
    help = ("Import a filled guiding template (.docx) into a country's review, as USERNAME with that user's rights. "
            "Without --apply it prints the preview and changes nothing; --apply writes it (opening the review as "
            "\"Start the review\" does when the cycle is open and the country has none yet); --replace also "
            "replaces answers that are not empty.")

    def add_arguments(self, parser):
        parser.add_argument("--cycle", required=True, help="The cycle's slug, e.g. arab-2028.")
        parser.add_argument("--country", required=True, help="ISO2 code of the country, e.g. EG.")
        parser.add_argument("--file", required=True, type=Path, dest="path", help="The filled .docx.")
        parser.add_argument("--user", required=True, dest="username", help="Import as this user.")
        parser.add_argument("--apply", action="store_true", help="Write the import (otherwise only the preview).")
        parser.add_argument("--replace", action="store_true", help="Also replace answers that are not empty.")

    def handle(self, *args, **options):
        with translation.override("en"):  # the commands speak English, as their help does
            self._handle(**options)

    def _handle(self, *, cycle: str, country: str, path: Path, username: str, apply: bool, replace: bool,
                **options):
        cycle_obj = cycle_or_error(cycle)
        user = user_or_error(username)
        country_obj = Country.objects.filter(iso2__iexact=country).first()
        if country_obj is None:
            raise CommandError(f"Unknown country “{country}”.")
        if user.country_id != country_obj.pk:
            raise CommandError(f"{username} is not in {country_obj.name_en}'s team: they cannot import into its review.")
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        content = path.read_bytes()
        try:
            docx_check(content)
        except DomainError as error:
            raise CommandError(error.message) from None
        try:
            with transaction.atomic():
                plan = self._run(cycle_obj, country_obj, user, content, apply=apply, replace=replace)
                if not apply:
                    raise _DryRun
        except _DryRun:
            pass
        except DomainError as error:
            raise CommandError(error.message) from None
        self._print(plan, applied=apply)

    def _run(self, cycle, country, user, content, *, apply: bool, replace: bool):
        review = Review.objects.filter(cycle=cycle, country=country).first()
        if review is None:
            review = review_open(cycle=cycle, user=user)  # undone with the rest when only previewing
            self.stdout.write(f"Opened the review of {country.name_en} in {cycle.slug}.")
        plan = importing.import_plan(review=review, user=user, content=content)
        if not apply:
            return plan
        seen = import_writes.import_seen(review=review, plan=plan)
        keys = {item.key for item in plan.items if item.action == importing.REPLACE} if replace else set()
        return import_writes.import_apply(review=review, user=user, content=content, seen=seen, replace=keys)

    def _print(self, plan, *, applied: bool) -> None:
        for item in plan.items:
            found = item.found.replace("\n", " ")[:70] if item.kind != "rows" else f"{len(item.rows)} row(s)"
            status = item.outcome if applied else ACTIONS[item.action]
            if not applied and item.reason:
                status = f"{status}: {item.reason}"
            if not applied and item.kind == "rows":
                status = f"{status} {item.rows_to_add}"
            self.stdout.write(f"[{status}] {item.label[:80]} | {found}")
        for text in plan.unrecognised:
            self.stdout.write(f"[not recognised] {text[:100]}")
        if applied:
            refused = sum(1 for item in plan.items if item.refused)
            self.stdout.write(self.style.SUCCESS(f"Imported: {len(plan.items)} item(s), {refused} refused."))
        else:
            self.stdout.write(f"Preview only: {plan.changes} item(s) would change the review. Run with --apply to "
                              "import.")
