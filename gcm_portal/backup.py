"""Backup and restore of the whole portal: the database and the uploaded files, in one archive.

The archive is a `.tar.gz` holding
- `manifest.json`: format, date, Django and Python versions, each app's package version and
  the migrations applied per app,
  and for every model its row count and the SHA-256 of its data file, for every file its size
  and SHA-256, and what was left out and why;
- `data/<app>.<model>.json`: each model's rows in Django's JSON serialisation, primary keys
  kept (every reference stays as it was), so a dump from SQLite loads into PostgreSQL and back;
- `media/...`: the files of the default storage (supporting documents, generated PDFs), read and
  written through Django's storage API only, so the media may be a folder or an object store.

Rows that migrate re-creates (content types, permissions) are left out and referred to by
natural key, since their ids differ between databases. Rows that are state, not data, are left
out too (see EXCLUDED). The archive holds password hashes and two-factor secrets: it is written
readable by its owner only, and must be stored like the database itself.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib.metadata
import io
import json
import os
import platform
import tarfile
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import django
from django.apps import apps
from django.core import serializers
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "gcm-portal-backup"
FORMAT_VERSION = 1

# What a backup leaves out, and why (model label → reason, written into the manifest).
EXCLUDED = {
    "contenttypes.contenttype": "re-created by migrate; referred to by natural key",
    "auth.permission": "re-created by migrate; referred to by natural key",
    "sessions.session": "logins, not data: after a restore everybody signs in again",
    "axes.accessattempt": "failed-login counters that expire after the cool-off",
    "axes.accessattemptexpiration": "expiry of those counters",
    "django_tasks_database.dbtaskresult": "the background queue: a restored server must not re-run old jobs; "
                                          "the reports themselves (GeneratedReport and their PDFs) are kept",
    "reviews.searchdocument": "derived from the texts: `restore` rebuilds it (search_reindex)",
    "reviews.reviewgeneration": "counted by the database's triggers as the rows load; `restore` empties the cache "
                                "of the pages kept under the counts it had",
}


class BackupError(Exception):
    """The archive cannot be made or restored; the message says why."""


@dataclass
class RestoreResult:
    rows: int
    files: int
    models: int


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_hashed(source, target) -> str:
    """Copy one open file to another in chunks; the SHA-256 of what was copied."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: source.read(1 << 20), b""):
        digest.update(chunk)
        target.write(chunk)
    return digest.hexdigest()


def backed_up_models() -> list:
    """Every concrete model the backup holds, in a stable order. Many-to-many tables go with the
    model that declares them."""
    return sorted(
        (model for model in apps.get_models()
         if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in EXCLUDED),
        key=lambda model: model._meta.label_lower,
    )


def _refers_to_excluded(model) -> bool:
    """Whether the model points at a row migrate re-creates (a content type, a permission): those
    references must be written by natural key, the ids differ between databases."""
    return any(
        field.is_relation and field.related_model is not None
        and field.related_model._meta.label_lower in EXCLUDED and hasattr(field.related_model, "natural_key")
        for field in model._meta.get_fields() if field.concrete or field.many_to_many
    )


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds (for JavaScript); a backup keeps the microseconds."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            if isinstance(o, datetime.time) and o.utcoffset() is not None:
                raise ValueError("JSON can't represent timezone-aware times.")
            return o.isoformat()
        return super().default(o)


def model_dump(model, stream) -> int:
    """Write the model's rows, ordered by primary key, to `stream`; return how many. The base manager,
    not the default one: a manager that hides some rows must not hide them from the backup."""
    queryset = model._base_manager.using(connection.alias).order_by("pk")
    count = queryset.count()
    serializers.serialize("json", queryset.iterator(chunk_size=2000), stream=stream, indent=None,
                          cls=ExactJSONEncoder, use_natural_foreign_keys=_refers_to_excluded(model),
                          use_natural_primary_keys=False)
    return count


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = defaultdict(list)
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied[app].append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def app_versions() -> dict[str, str]:
    """Each installed app's package version ("portal" for the portal's own apps): what wrote the rows."""
    distributions = importlib.metadata.packages_distributions()
    versions = {}
    for config in apps.get_app_configs():
        names = distributions.get(config.module.__name__.split(".")[0])
        versions[config.label] = importlib.metadata.version(names[0]) if names else "portal"
    return versions


def media_files(storage=None, folder: str = "") -> list[str]:
    """Every file name in the storage (the default one), sorted: through the storage API, never a local
    path, so the media may live in a folder or an object store. A folder that does not exist is empty."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for child in folders:
        names += media_files(storage, f"{folder}/{child}" if folder else child)
    return sorted(names)


def backup_create(*, output: Path) -> dict:
    """Write the archive to `output` and return its manifest.

    The rows are read in one transaction (repeatable read on PostgreSQL), so the dump is one
    consistent moment even while people work. Files are read afterwards: one uploaded meanwhile
    may be in the archive without its row, which a restore tolerates.
    """
    with tempfile.TemporaryDirectory(prefix="gcm-backup-") as workdir:
        data_dir = Path(workdir) / "data"
        data_dir.mkdir()
        models: dict[str, dict] = {}
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for model in backed_up_models():
                label = model._meta.label_lower
                path = data_dir / f"{label}.json"
                with open(path, "w", encoding="utf-8") as stream:
                    count = model_dump(model, stream)
                models[label] = {"file": f"data/{label}.json", "count": count, "sha256": _sha256_file(path)}
            migrations = applied_migrations()
        media = _media_copy(Path(workdir) / "media")
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "created_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "django": django.get_version(), "python": platform.python_version(), "database": connection.vendor,
            "apps": app_versions(), "migrations": migrations, "models": models, "media": media, "excluded": EXCLUDED,
        }
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            body = json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime = len(body), int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(body))
            for entry in models.values():
                archive.add(Path(workdir) / entry["file"], arcname=entry["file"])
            for name in media:
                archive.add(Path(workdir) / "media" / name, arcname=f"media/{name}")
        partial.replace(output)
    return manifest


def _media_copy(target: Path) -> dict[str, dict]:
    """Each stored file copied from the storage into `target`, with its size and checksum."""
    media = {}
    for name in media_files():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, open(path, "wb") as copy:
            media[name] = {"sha256": _copy_hashed(source, copy)}
        media[name]["size"] = path.stat().st_size
    return media


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError, TypeError) as error:
        raise BackupError(f"This is not a portal backup: no readable manifest.json ({error}).") from None
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r} "
                          f"version {manifest.get('format_version')!r}.")
    return manifest


def _check_migrations(manifest: dict) -> None:
    """The rows fit the tables only if both sides applied the same migrations."""
    here = applied_migrations()
    theirs = manifest["migrations"]
    differences = [
        f"{app}: backup has {len(theirs.get(app, []))} migration(s) up to {max(theirs.get(app) or ['-'])}, "
        f"this database {len(here.get(app, []))} up to {max(here.get(app) or ['-'])}"
        for app in sorted(set(theirs) | set(here))
        if set(theirs.get(app, [])) != set(here.get(app, []))
    ]
    if differences:
        raise BackupError("The backup was made by another version of the portal. Run `migrate` so both match, "
                          "or restore with the version that made it:\n  " + "\n  ".join(differences))


def _check_files(workdir: Path, manifest: dict) -> None:
    expected = {entry["file"]: entry["sha256"] for entry in manifest["models"].values()}
    expected.update({f"media/{name}": entry["sha256"] for name, entry in manifest["media"].items()})
    for name, digest in expected.items():
        path = workdir / name
        if not path.is_file():
            raise BackupError(f"The archive is incomplete: {name} is missing.")
        if _sha256_file(path) != digest:
            raise BackupError(f"The archive is damaged: {name} does not match its checksum.")


def database_is_empty() -> bool:
    return not any(model._base_manager.exists() for model in backed_up_models())


def _clear_media() -> None:
    for name in media_files():
        default_storage.delete(name)


def _media_write(workdir: Path, names) -> None:
    """Each file saved under its own name; a storage that would rename it (a name taken) is an error."""
    for name in names:
        with open(workdir / "media" / name, "rb") as source:
            saved = default_storage.save(name, File(source, name=name))
        if saved != name:
            raise BackupError(f"The storage kept {name} as {saved}: it already held a file of that name.")


def backup_restore(*, archive_path: Path, replace: bool = False) -> RestoreResult:
    """Load the archive into this database and the default storage (MEDIA_ROOT, or the object store).

    Refuses a database or media folder that already holds data unless `replace`, which empties
    both first; refuses an archive whose checksums or migrations do not match. The rows load in
    one transaction (all or nothing) and the id sequences are reset after, so new rows do not
    collide with restored ones.
    """
    with tempfile.TemporaryDirectory(prefix="gcm-restore-") as workdir:
        try:
            with tarfile.open(archive_path, mode="r:gz") as archive:
                manifest = _read_manifest(archive)
                archive.extractall(workdir, filter="data")  # no absolute paths, links out or devices
        except (OSError, tarfile.TarError) as error:
            raise BackupError(f"Cannot read {archive_path}: {error}") from None
        workdir = Path(workdir)
        _check_files(workdir, manifest)
        _check_migrations(manifest)
        unknown = sorted(set(manifest["models"]) - {model._meta.label_lower for model in backed_up_models()})
        if unknown:
            raise BackupError(f"The backup holds models this portal does not have: {', '.join(unknown)}.")
        if not replace and (not database_is_empty() or media_files()):
            raise BackupError("The database or the media folder already holds data. Restore into an empty, "
                              "migrated database, or pass --replace to delete what is there first.")
        fixtures = [str(workdir / entry["file"]) for entry in manifest["models"].values() if entry["count"]]
        with transaction.atomic():
            if replace:
                # flush empties every table and lets migrate's signal re-create content types and permissions.
                call_command("flush", interactive=False, verbosity=0)
            if fixtures:
                call_command("loaddata", *fixtures, verbosity=0)  # resets the sequences after loading
            _check_counts(manifest)
        if replace:
            _clear_media()
        _media_write(workdir, manifest["media"])
    # The caches describe the database as it was: pages kept under the reviews' generations (which restart as the
    # rows load), the reference lists' version, counters.
    for alias in caches:
        caches[alias].clear()
    return RestoreResult(rows=sum(entry["count"] for entry in manifest["models"].values()),
                         files=len(manifest["media"]), models=len(manifest["models"]))


def _check_counts(manifest: dict) -> None:
    for model in backed_up_models():
        entry = manifest["models"].get(model._meta.label_lower)
        expected = entry["count"] if entry else 0
        found = model._base_manager.count()
        if found != expected:
            raise BackupError(f"{model._meta.label_lower}: {found} row(s) after loading, the backup has {expected}.")
