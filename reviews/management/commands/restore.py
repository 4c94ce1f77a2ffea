from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gcm_portal.backup import BackupError, backup_restore
from reviews.services.search import search_reindex


class Command(BaseCommand):
    help = (
        "Restore an archive made by `backup` into this (migrated) database and MEDIA_ROOT. Refuses a database "
        "or media folder that holds data unless --replace; checks the archive's checksums and that it was made "
        "with the same migrations; loads all rows or none, then resets the id sequences."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar.gz written by `backup`.")
        parser.add_argument("--replace", action="store_true",
                            help="Delete every row and uploaded file here before restoring.")

    def handle(self, *args, archive: Path, replace: bool, **options):
        if not archive.is_file():
            raise CommandError(f"No such file: {archive}")
        try:
            result = backup_restore(archive_path=archive, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        search_reindex()  # rebuilt here, whatever the archive held: the index follows the restored texts
        self.stdout.write(self.style.SUCCESS(
            f"Restored {result.rows:,} rows of {result.models} models and {result.files:,} files from {archive}."
        ))
