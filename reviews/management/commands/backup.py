import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gcm_portal.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files into one .tar.gz (JSON rows per model, media files, "
        "a manifest with counts and checksums). It restores into SQLite or PostgreSQL with `restore`. "
        "The archive holds password hashes and two-factor secrets: it is written readable by its owner only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path,
                            help="The archive to write (default: VAR_DIR/backups/gcm-backup-<UTC time>.tar.gz).")

    def handle(self, *args, output: Path | None, **options):
        if output is None:
            stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d-%H%M%S")
            output = Path(settings.VAR_DIR) / "backups" / f"gcm-backup-{stamp}.tar.gz"
        try:
            manifest = backup_create(output=output)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        rows = sum(entry["count"] for entry in manifest["models"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {output} ({output.stat().st_size:,} bytes): {rows:,} rows of {len(manifest['models'])} models, "
            f"{len(manifest['media']):,} files."
        ))
