from django.core.management.base import BaseCommand

from reviews.services.reminders import reminders_send


class Command(BaseCommand):
    help = "E-mail deadline reminders to focal points who have not submitted. Safe to run daily."

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
