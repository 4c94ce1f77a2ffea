from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from reviews.models import Review, ReviewCycle
from reviews.selectors import reviews_visible_to
from reviews.word.export import review_docx
from reviews.word.template import template_docx

User = get_user_model()


class Command(BaseCommand):
    help = ("Write a cycle's blank guiding template as a Word document, or with --country that country's review "
            "(without --user as an administrator: any review, drafts included; with --user as that user sees it).")

    def add_arguments(self, parser):
        parser.add_argument("--cycle", required=True, help="The cycle's slug, e.g. arab-2028.")
        parser.add_argument("--language", required=True, choices=["ar", "en"])
        parser.add_argument("--output", required=True, type=Path, help="The .docx file to write.")
        parser.add_argument("--country", help="ISO2 code of the country whose review to write, e.g. EG.")
        parser.add_argument("--user", dest="username", help="Write the review as this user may see it.")

    def handle(self, *args, cycle: str, language: str, output: Path, country: str | None, username: str | None,
               **options):
        cycle_obj = cycle_or_error(cycle)
        if not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")
        if country is None:
            content = template_docx(cycle=cycle_obj, language=language)
            what = f"the blank template of {cycle_obj.slug}"
        else:
            reviews = Review.objects.select_related("country", "cycle")
            if username is not None:
                reviews = reviews_visible_to(user_or_error(username))
            review = reviews.filter(cycle=cycle_obj, country__iso2__iexact=country).first()
            if review is None:
                raise CommandError(f"No review of “{country}” in {cycle_obj.slug}"
                                   + (f" that {username} may see." if username else "."))
            content = review_docx(review=review, language=language)
            what = f"the review of {review.country.name_en} ({review.status})"
        output.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({len(content):,} bytes): {what}, in {language}."))


def cycle_or_error(slug: str) -> ReviewCycle:
    cycle = ReviewCycle.objects.filter(slug=slug).first()
    if cycle is None:
        known = ", ".join(ReviewCycle.objects.order_by("slug").values_list("slug", flat=True)) or "none"
        raise CommandError(f"Unknown cycle “{slug}”. Known cycles: {known}.")
    return cycle


def user_or_error(username: str):
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"Unknown user “{username}”.")
    if not user.is_active or not user.role:
        raise CommandError(f"User “{username}” is inactive or has no role.")
    return user
