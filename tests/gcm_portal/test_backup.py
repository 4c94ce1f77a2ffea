"""`backup` and `restore` round-trip the whole portal: every row of every model and every file.

Runs on the suite's database (SQLite, and PostgreSQL in `make test`); the archive itself is the
same JSON either way, which is what lets a backup move between the two.
"""

import hashlib
import importlib.metadata
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from gcm_portal.backup import EXCLUDED, backed_up_models, database_is_empty, model_dump
from reviews.demo.load import demo_load
from reviews.models import (
    Answer,
    Attachment,
    ChangeLog,
    Comment,
    Country,
    Notification,
    Review,
    ReviewEvent,
    ReviewVersion,
)
from reviews.services.answers import answer_save
from reviews.services.attachments import attachment_add
from reviews.services.comments import comment_add
from reviews.services.workflow import review_accept, review_take
from tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BASE_DIR = Path(__file__).resolve().parents[2]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> " \
      b"endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


def _portal() -> str:
    """The demo (cycles, 70 users with passwords, reviews in every status with answers in Arabic and
    English, versions, comments, events, notifications, audit) plus what the demo lacks: uploaded
    files, two-factor devices, a group with permissions and an admin log entry (both refer to
    content types and permissions, whose ids differ between databases)."""
    demo_load()
    review = Review.objects.filter(status=Review.Status.DRAFT).select_related("country").first()
    focal_point = User.objects.get(username=f"fp-{review.country.iso2.lower()}")
    for number in range(2):
        attachment_add(review=review, user=focal_point, description=f"وثيقة {number} – document {number}",
                       file=SimpleUploadedFile(f"تقرير-{number}.pdf", PDF + str(number).encode(),
                                               content_type="application/pdf"))
    organiser = User.objects.get(username="organiser")
    organiser.set_password("a new passphrase 2027")
    organiser.save()
    device = TOTPDevice.objects.create(user=organiser, name="phone", confirmed=True)
    static = StaticDevice.objects.create(user=organiser, name="recovery", confirmed=True)
    StaticToken.objects.bulk_create(StaticToken(device=static, token=f"code{n:04d}") for n in range(3))
    group = Group.objects.create(name="Translators")
    group.permissions.set(Permission.objects.filter(codename__in=["change_answer", "view_review"]))
    organiser.user_permissions.add(Permission.objects.get(codename="change_country"))
    LogEntry.objects.log_actions(user_id=organiser.pk, queryset=Country.objects.filter(iso2="EG"),
                                 action_flag=CHANGE, change_message="Renamed")
    answer = Answer.objects.filter(review=review, objective=None).select_related("prompt__part").first()
    answer_save(review=review, prompt=answer.prompt, objective=None, user=focal_point, text_ar="نص <b>معدل</b>",
                text_en="Edited text", original_language="ar", base_version=answer.version)  # a ChangeLog row
    submitted = Review.objects.filter(status=Review.Status.SUBMITTED).first()
    reviewer = User.objects.get(username="reviewer-escwa")
    review_take(review=submitted, reviewer=reviewer)
    thread = comment_add(review=submitted, author=reviewer, anchor="answer:1.1", part_number=1, objective_number=None,
                         body="يرجى إضافة الأرقام – please add figures", visibility=Comment.Visibility.SHARED)
    comment_add(review=submitted, author=reviewer, anchor="", part_number=0, objective_number=None, body="Internal",
                visibility=Comment.Visibility.INTERNAL, parent=thread)
    return device.key


def _dumps() -> dict[str, list]:
    """Every backed-up model's rows as parsed JSON: dicts compare regardless of key order, which
    PostgreSQL's jsonb does not keep."""
    dumps = {}
    for model in backed_up_models():
        stream = io.StringIO()
        model_dump(model, stream)
        dumps[model._meta.label_lower] = json.loads(stream.getvalue())
    return dumps


def _media(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def _wipe(root: Path) -> None:
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


@dataclass(frozen=True)
class Backup:
    archive: Path
    rows: dict[str, list]  # _dumps() of the portal when it was backed up
    files: dict[str, str]  # its media
    counts: dict[str, int]  # its reviews and users
    totp_key: str


@pytest.fixture(scope="module")
def backup(django_db_setup, django_db_blocker, tmp_path_factory) -> Backup:
    """The portal, backed up once for every test to restore, damage or read (the demo, its backup and a
    restore take seconds each), then wiped: each test starts from an empty database and media folder."""
    folder = tmp_path_factory.mktemp("backup")
    media = folder / "media"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        try:
            totp_key = _portal()
            rows, files = _dumps(), _media(media)
            counts = {"reviews.review": Review.objects.count(), "accounts.user": User.objects.count()}
            call_command("backup", output=folder / "portal.tar.gz", stdout=io.StringIO())
        finally:
            _wipe(media)
    return Backup(archive=folder / "portal.tar.gz", rows=rows, files=files, counts=counts, totp_key=totp_key)


def test_backup_then_restore_gives_back_identical_data_and_files(backup, media_root):
    before, files_before = backup.rows, backup.files

    _wipe(media_root)
    assert (database_is_empty(), _media(media_root)) == (True, {})
    call_command("restore", str(backup.archive), stdout=io.StringIO())

    after = _dumps()
    assert sorted(after) == sorted(before)
    for label in before:
        assert after[label] == before[label], label
    assert _media(media_root) == files_before
    # What the comparison rests on is really there: varied rows in both languages, and the files.
    counts = {model.__name__: model.objects.count()
              for model in (User, Review, Answer, ReviewVersion, ReviewEvent, Comment, Notification, ChangeLog,
                            Attachment, TOTPDevice, StaticToken, LogEntry)}
    assert all(counts.values()), counts
    assert Answer.objects.exclude(text_ar="").exclude(text_en="").exists()
    assert len(files_before) == 2
    organiser = User.objects.get(username="organiser")
    assert organiser.check_password("a new passphrase 2027") is True
    assert TOTPDevice.objects.get(user=organiser).key == backup.totp_key
    assert sorted(Group.objects.get(name="Translators").permissions.values_list("codename", flat=True)) == [
        "change_answer", "view_review"]
    assert LogEntry.objects.get().content_type == ContentType.objects.get_for_model(Country)
    for attachment in Attachment.objects.all():
        assert attachment.file.read().startswith(b"%PDF-1.4")


def test_restore_resets_the_id_sequences(backup, media_root):
    highest = max(row["pk"] for row in backup.rows["reviews.reviewevent"])
    _wipe(media_root)
    call_command("restore", str(backup.archive), stdout=io.StringIO())

    review = Review.objects.filter(status=Review.Status.IN_REVIEW).first()
    review_accept(review=review, reviewer=User.objects.get(username="reviewer-iom"))  # a new event row

    assert ReviewEvent.objects.order_by("pk").last().pk > highest


def test_restore_refuses_a_database_with_data_unless_replace(backup, media_root):
    archive, before = backup.archive, backup.rows
    OrganiserFactory(username="organiser", first_name="Added after the backup")  # the database holds data

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), stdout=io.StringIO())
    assert str(refused.value).startswith("The database or the media folder already holds data.")
    assert User.objects.get(username="organiser").first_name == "Added after the backup"

    media_root.mkdir(parents=True, exist_ok=True)
    (media_root / "stray.txt").write_text("not in the backup")
    for alias in caches:  # a page kept under a generation the restored rows will count again, a counter
        caches[alias].set("from-before", alias)
    call_command("restore", str(archive), replace=True, stdout=io.StringIO())

    assert _dumps() == before
    assert (media_root / "stray.txt").exists() is False
    assert [caches[alias].get("from-before") for alias in caches] == [None, None]


def test_restore_refuses_a_damaged_archive_and_changes_nothing(backup, media_root, tmp_path):
    archive, damaged = backup.archive, tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "data/reviews.answer.json":
                tampered = content.replace(b'"text_ar": "', '"text_ar": "ا'.encode(), 1)  # one letter more
                assert tampered != content
                content = tampered
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    _wipe(media_root)

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(damaged), stdout=io.StringIO())

    assert str(refused.value) == "The archive is damaged: data/reviews.answer.json does not match its checksum."
    assert database_is_empty() is True


def test_restore_refuses_a_backup_of_other_migrations(backup, media_root, tmp_path):
    archive, edited = backup.archive, tmp_path / "edited.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(edited, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(content)
                manifest["migrations"]["reviews"].append("9999_from_the_future")
                content = json.dumps(manifest).encode()
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    _wipe(media_root)

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(edited), stdout=io.StringIO())

    assert str(refused.value).startswith("The backup was made by another version of the portal.")
    assert "reviews: backup has" in str(refused.value)
    assert database_is_empty() is True


def test_backup_manifest_counts_checksums_and_exclusions(backup):
    archive = backup.archive

    with tarfile.open(archive) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
        data = {name: opened.extractfile(name).read() for name in opened.getnames() if name.startswith("data/")}

    assert archive.stat().st_mode & 0o777 == 0o600  # password hashes and two-factor secrets inside
    assert manifest["models"]["reviews.review"]["count"] == backup.counts["reviews.review"]
    assert manifest["models"]["accounts.user"]["count"] == backup.counts["accounts.user"]
    assert all(hashlib.sha256(data[entry["file"]]).hexdigest() == entry["sha256"]
               for entry in manifest["models"].values())
    assert sorted(manifest["excluded"]) == sorted(EXCLUDED)
    assert not set(manifest["models"]) & set(EXCLUDED)
    assert {"otp_totp.totpdevice", "otp_static.statictoken", "axes.accesslog", "admin.logentry",
            "accounts.securityevent", "reviews.generatedreport"} <= set(manifest["models"])
    assert sorted(manifest["media"]) == sorted(backup.files)
    assert (manifest["apps"]["reviews"], manifest["apps"]["axes"], manifest["apps"]["modeltranslation"]) == (
        "portal", importlib.metadata.version("django-axes"), importlib.metadata.version("django-modeltranslation"))


# --- across databases: SQLite → PostgreSQL → SQLite, through the commands, as a move between servers -----


def _manage(*arguments, env: dict) -> None:
    done = subprocess.run([sys.executable, "manage.py", *arguments], cwd=BASE_DIR, env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, f"manage.py {' '.join(arguments)}: {done.stderr[-2000:]}"


def _archive_content(path: Path) -> tuple[dict, dict]:
    """The parsed rows of every model, and the media checksums, of an archive."""
    with tarfile.open(path) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        rows = {name: json.load(archive.extractfile(name)) for name in archive.getnames() if name.startswith("data/")}
    return rows, {name: entry["sha256"] for name, entry in manifest["media"].items()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a PostgreSQL server: runs in the PostgreSQL pass")
@pytest.mark.django_db(transaction=False)  # only for the test database's name and credentials
def test_backup_moves_from_sqlite_to_postgresql_and_back(tmp_path):
    """The demo on SQLite, backed up, restored into a new PostgreSQL database, backed up again and
    restored into a new SQLite file: the three archives hold the same rows and files."""
    import psycopg2

    server = connection.settings_dict
    cross = f"{server['NAME']}_cross"
    admin = psycopg2.connect(dbname=server["NAME"], user=server["USER"], password=server["PASSWORD"],
                             host=server["HOST"], port=server["PORT"] or 5432)
    admin.autocommit = True
    base = {**os.environ, "DJANGO_SETTINGS_MODULE": "gcm_portal.settings", "DEBUG": "1", "ENV_FILE": "/dev/null",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    base.pop("DATABASE_URL", None)
    sqlite_a = {**base, "VAR_DIR": str(tmp_path / "a"), "MEDIA_ROOT": str(tmp_path / "a" / "media")}
    postgres = {**base, "VAR_DIR": str(tmp_path / "b"), "MEDIA_ROOT": str(tmp_path / "b" / "media"),
                "DATABASE_URL": f"postgres://{server['USER']}:{server['PASSWORD']}@{server['HOST']}:"
                                f"{server['PORT'] or 5432}/{cross}"}
    sqlite_c = {**base, "VAR_DIR": str(tmp_path / "c"), "MEDIA_ROOT": str(tmp_path / "c" / "media")}
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{cross}"')
        cursor.execute(f'CREATE DATABASE "{cross}"')
    try:
        _manage("migrate", "-v0", env=sqlite_a)
        (tmp_path / "c").mkdir()
        shutil.copyfile(tmp_path / "a" / "db.sqlite3", tmp_path / "c" / "db.sqlite3")  # migrated, empty: C's start
        _manage("load_demo", env=sqlite_a)
        document = tmp_path / "a" / "media" / "attachments" / "2027" / "03" / "تقرير.pdf"
        document.parent.mkdir(parents=True)
        document.write_bytes(PDF)
        _manage("backup", "--output", str(tmp_path / "A.tar.gz"), env=sqlite_a)
        _manage("migrate", "-v0", env=postgres)
        _manage("restore", str(tmp_path / "A.tar.gz"), env=postgres)
        _manage("backup", "--output", str(tmp_path / "B.tar.gz"), env=postgres)
        _manage("restore", str(tmp_path / "B.tar.gz"), env=sqlite_c)
        _manage("backup", "--output", str(tmp_path / "C.tar.gz"), env=sqlite_c)
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{cross}" WITH (FORCE)')
        admin.close()

    rows_a, files_a = _archive_content(tmp_path / "A.tar.gz")
    rows_b, files_b = _archive_content(tmp_path / "B.tar.gz")
    rows_c, files_c = _archive_content(tmp_path / "C.tar.gz")
    assert sum(len(rows) for rows in rows_a.values()) > 1000
    assert rows_b == rows_a
    assert rows_c == rows_a
    assert files_a == files_b == files_c == {"attachments/2027/03/تقرير.pdf": hashlib.sha256(PDF).hexdigest()}
