"""Build the regional report, or one country's review, as a bilingual PDF."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role
from reviews.models import ReviewCycle
from reviews.report.build import compendium_editions, country_editions, pdf_from_editions, report_editions
from reviews.selectors.visibility import reviews_visible_to
from reviews.services.errors import NotFound

LANGUAGE_CHOICES = {"ar": ("ar",), "en": ("en",), "both": ("ar", "en")}


class Command(BaseCommand):
    help = "Write the regional report (or its compendium, or one country's review) of a cycle as a PDF, in Arabic, English or both."

    def add_arguments(self, parser):
        parser.add_argument("--cycle", required=True, help="The cycle's slug, e.g. arab-2028.")
        parser.add_argument("--output", required=True, help="Where to write the PDF.")
        parser.add_argument("--language", choices=sorted(LANGUAGE_CHOICES), default="both")
        parser.add_argument("--country", default="", help="ISO2 code: one country's review instead of the report.")
        parser.add_argument("--html-output", default="", help="Also write the HTML the PDF is made from (each edition's document in turn).")
        parser.add_argument("--compendium", action="store_true",
                            help="The compendium (every included country's full answers per objective) instead of the report.")
        parser.add_argument("--include-submitted", action="store_true",
                            help="Include submitted reviews not yet accepted (default: accepted only).")
        parser.add_argument("--user", default="", help="Whose view of the data (default: the first active organiser).")

    def handle(self, *args, cycle, output, language, country, html_output, include_submitted, user, compendium,
               **options):
        cycle_obj = ReviewCycle.objects.filter(slug=cycle).first()
        if cycle_obj is None:
            raise CommandError(f"No cycle with the slug {cycle!r}.")
        viewer = self._user(user)
        languages = LANGUAGE_CHOICES[language]
        if country:
            review = reviews_visible_to(viewer).filter(cycle=cycle_obj, country__iso2=country.upper()).first()
            if review is None:
                raise CommandError(f"{viewer.username} sees no review of {country.upper()} in {cycle}.")
            try:
                editions = country_editions(review=review, user=viewer, languages=languages)
            except NotFound as error:  # pragma: no cover - the filter above already checked
                raise CommandError(error.message) from error
        elif compendium:
            editions = compendium_editions(cycle=cycle_obj, user=viewer, languages=languages,
                                           include_submitted=include_submitted)
        else:
            editions = report_editions(cycle=cycle_obj, user=viewer, languages=languages,
                                       include_submitted=include_submitted)
        if html_output:  # each edition is its own HTML document (page numbers restart), written one after the other
            Path(html_output).write_text("\n".join(editions), encoding="utf-8")
        built = pdf_from_editions(editions)
        Path(output).write_bytes(built.content)
        self.stdout.write(f"Wrote {output} ({built.pages} pages, {len(built.content):,} bytes).")

    def _user(self, username: str):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            viewer = users.filter(username=username).first()
            if viewer is None:
                raise CommandError(f"No active user named {username!r}.")
            return viewer
        viewer = users.filter(role=Role.ORGANISER).order_by("pk").first()
        if viewer is None:
            raise CommandError("No active organiser to build the report as: pass --user USERNAME.")
        return viewer
