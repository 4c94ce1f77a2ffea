import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from reviews.management.commands.review_docx import cycle_or_error, user_or_error
from reviews.models import Country
from reviews.services.errors import DomainError
from reviews.services.past_reviews import cycle_reviews_import
from reviews.word import importing
from reviews.word.checks import docx_check
from reviews.word.past_import import past_review_import_docx


class Command(BaseCommand):
    help = ("Bring an earlier cycle's reviews into a closed cycle, as the organiser USERNAME: every review of a JSON "
            "export of this portal (export_data --format json, from this portal or another), or with --country one "
            "country's review from a filled Word template. Imported reviews are marked with their source, read-only "
            "and accepted. A country the cycle already has a review of is refused; nothing is written on an error.")

    def add_arguments(self, parser):
        parser.add_argument("--cycle", required=True, help="The closed cycle's slug, e.g. arab-2024.")
        parser.add_argument("--file", required=True, type=Path, dest="path", help="The .json export or the .docx.")
        parser.add_argument("--user", required=True, dest="username", help="The organiser importing.")
        parser.add_argument("--country", help="ISO2 code: import the Word file as this country's review.")
        parser.add_argument("--source", help="Where the reviews come from (default: the file's name).")

    def handle(self, *args, **options):
        with translation.override("en"):  # the commands speak English, as their help does
            self._handle(**options)

    def _handle(self, *, cycle: str, path: Path, username: str, country: str | None, source: str | None,
                **options):
        cycle_obj = cycle_or_error(cycle)
        user = user_or_error(username)
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        source = source or path.name
        try:
            if country:
                self._docx(cycle_obj, country, path, user, source)
            else:
                self._json(cycle_obj, path, user, source)
        except DomainError as error:
            raise CommandError(error.message) from None

    def _json(self, cycle, path: Path, user, source: str) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{path} is not a JSON file: {error}.") from None
        reviews = cycle_reviews_import(cycle=cycle, data=data, user=user, source=source)
        for review in reviews:
            self.stdout.write(f"  {review.country.iso2}  {review.country.name_en:<22} "
                              f"{review.review_objectives.count()} objectives, {review.answers.count()} answers")
        self.stdout.write(self.style.SUCCESS(f"Imported {len(reviews)} review(s) into {cycle.slug} from {source}."))

    def _docx(self, cycle, iso2: str, path: Path, user, source: str) -> None:
        country = Country.objects.filter(iso2__iexact=iso2).first()
        if country is None:
            raise CommandError(f"Unknown country “{iso2}”.")
        content = path.read_bytes()
        docx_check(content)
        review, plan = past_review_import_docx(cycle=cycle, country=country, content=content, user=user,
                                               source=source)
        refused = [item for item in plan.items if item.refused or item.action == importing.BLOCKED]
        for item in refused:
            self.stdout.write(f"[not imported] {item.label[:80]}: {item.outcome or item.reason}")
        for text in plan.unrecognised:
            self.stdout.write(f"[not recognised] {text[:100]}")
        self.stdout.write(self.style.SUCCESS(
            f"Imported {country.name_en}'s review into {cycle.slug} from {source}: "
            f"{review.review_objectives.count()} objectives, {review.answers.count()} answers."))
