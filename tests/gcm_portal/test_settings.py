import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from gcm_portal.env import env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parents[2]


def manage(*args, env):
    clean = {key: value for key, value in os.environ.items() if key not in {
        "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_HTTPS", "DATABASE_URL", "DJANGO_SETTINGS_MODULE",
        "CACHE_URL", "STORAGE_BACKEND", "S3_BUCKET"}}
    clean["ENV_FILE"] = os.devnull  # a developer's .env must not change what these tests see
    clean.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=clean,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_variables(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env={
        "DEBUG": "0", "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-7Yq2Zp9Lm4Xw8Rt", "ALLOWED_HOSTS":
        "gcm.example.org", "SECURE_HTTPS": "1", "VAR_DIR": str(tmp_path),
    })

    assert (result.returncode, result.stderr.strip()) == (0, "")
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_any_command_says_why_the_settings_refuse_to_load(tmp_path):
    # A bare environment, as a tool runs it: Django's command line carried on without the settings and failed
    # later, with "Models aren't loaded yet"
    bare = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "ENV_FILE": os.devnull, "VAR_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], cwd=BASE_DIR,
                            env=bare, capture_output=True, text=True, timeout=120)

    assert result.returncode == 1
    assert "SECRET_KEY is required when DEBUG is off." in result.stderr  # not "Models aren't loaded yet"


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off(tmp_path):
    result = manage("check", env={"DEBUG": "0", "VAR_DIR": str(tmp_path)})

    assert result.returncode == 1
    assert "SECRET_KEY is required when DEBUG is off." in result.stderr


def test_settings_defaults_are_safe_for_a_newcomer(tmp_path):
    code = ("from django.conf import settings as s; "
            "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.EMAIL_DELIVERY_BACKEND, s.EMAIL_BACKEND, "
            "s.LANGUAGE_CODE, getattr(s, 'SECURE_SSL_REDIRECT', False), s.DATABASES['default']['NAME'])")
    result = manage("shell", "--no-imports", "-c", code, env={"DEBUG": "1", "VAR_DIR": str(tmp_path)})

    assert result.stdout.split() == [
        "True", "django.db.backends.sqlite3", "django.core.mail.backends.console.EmailBackend",
        "gcm_portal.mail.QueuedEmailBackend", "ar", "False",
        str(tmp_path / "db.sqlite3"),
    ]


def test_settings_hash_passwords_with_owasps_argon2id_and_rewrite_older_hashes_at_sign_in(tmp_path):
    code = ("from django.contrib.auth import hashers; "
            "password, django_argon2 = 'a sentence of a password', hashers.Argon2PasswordHasher(); "
            "print(hashers.make_password(password).split('$')[1:4]); "
            "olders = [hashers.make_password(password, hasher='pbkdf2_sha256'), "
            "          django_argon2.encode(password, django_argon2.salt())]; "
            "rewritten = []; "
            "checked = [hashers.check_password(password, older, setter=lambda raw: rewritten.append("
            "           hashers.make_password(raw))) for older in olders]; "
            "print(checked, [hash.split('$')[1:4] for hash in rewritten])")
    result = manage("shell", "--no-imports", "-c", code, env={"DEBUG": "1", "VAR_DIR": str(tmp_path)})

    owasp = ["argon2id", "v=19", "m=19456,t=2,p=1"]
    assert result.stdout.splitlines() == [str(owasp), f"[True, True] {[owasp, owasp]}"]


_CACHE_CODE = "from django.conf import settings as s; c = s.CACHES['default']; print(c['BACKEND'], c['LOCATION'])"


def test_settings_share_counters_through_the_database_cache_by_default(tmp_path):
    result = manage("shell", "--no-imports", "-c", _CACHE_CODE, env={"DEBUG": "1", "VAR_DIR": str(tmp_path)})

    assert result.stdout.split() == ["django.core.cache.backends.db.DatabaseCache", "portal_cache"]


def test_settings_share_counters_through_redis_with_cache_url(tmp_path):
    result = manage("shell", "--no-imports", "-c", _CACHE_CODE, env={
        "DEBUG": "1", "VAR_DIR": str(tmp_path), "CACHE_URL": "redis://127.0.0.1:6379/3"})

    assert result.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/3"]


_PAGES_CODE = "from django.conf import settings as s; c = s.CACHES['pages']; print(c['BACKEND'], c['LOCATION'])"


def test_settings_keep_pages_in_a_cache_of_their_own(tmp_path):
    """Making room for kept pages never drops a rate limit's counter: a table of their own, or PAGE_CACHE_URL."""
    by_default = manage("shell", "--no-imports", "-c", _PAGES_CODE, env={"DEBUG": "1", "VAR_DIR": str(tmp_path)})
    with_redis = manage("shell", "--no-imports", "-c", _PAGES_CODE, env={
        "DEBUG": "1", "VAR_DIR": str(tmp_path), "CACHE_URL": "redis://127.0.0.1:6379/3",
        "PAGE_CACHE_URL": "redis://127.0.0.1:6379/4"})

    assert by_default.stdout.split() == ["django.core.cache.backends.db.DatabaseCache", "portal_page_cache"]
    assert with_redis.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/4"]


def test_settings_refuse_a_cache_url_that_is_not_redis(tmp_path):
    result = manage("check", env={"DEBUG": "1", "VAR_DIR": str(tmp_path), "CACHE_URL": "memcached://x:11211"})

    assert result.returncode == 1
    assert "CACHE_URL must be a redis://, rediss:// or unix:// address, or unset." in result.stderr


_STORAGE_CODE = "from django.conf import settings as s; import json; print(json.dumps(s.STORAGES['default']))"


def test_settings_keep_files_in_the_file_system_by_default(tmp_path):
    result = manage("shell", "--no-imports", "-c", _STORAGE_CODE, env={"DEBUG": "1", "VAR_DIR": str(tmp_path)})

    assert json.loads(result.stdout) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_settings_keep_files_private_in_an_object_store_with_storage_backend_s3(tmp_path):
    result = manage("shell", "--no-imports", "-c", _STORAGE_CODE, env={
        "DEBUG": "1", "VAR_DIR": str(tmp_path), "STORAGE_BACKEND": "s3", "S3_BUCKET": "gcm-media",
        "S3_ENDPOINT_URL": "https://minio.internal:9000", "S3_ACCESS_KEY_ID": "key", "S3_SECRET_ACCESS_KEY": "secret",
        "S3_REGION": "eu-central-1"})

    assert json.loads(result.stdout) == {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": "gcm-media", "endpoint_url": "https://minio.internal:9000", "access_key": "key",
        "secret_key": "secret", "region_name": "eu-central-1", "default_acl": "private", "querystring_auth": True,
        "file_overwrite": False}}


@pytest.mark.parametrize(("env", "error"), [
    ({"STORAGE_BACKEND": "ftp"}, 'STORAGE_BACKEND must be "filesystem" or "s3", not \'ftp\'.'),
    ({"STORAGE_BACKEND": "s3"}, "STORAGE_BACKEND=s3 needs S3_BUCKET."),
])
def test_settings_refuse_an_unknown_storage_or_an_object_store_without_bucket(tmp_path, env, error):
    result = manage("check", env={"DEBUG": "1", "VAR_DIR": str(tmp_path), **env})

    assert (result.returncode, error in result.stderr) == (1, True)


@pytest.mark.parametrize(("value", "error"), [
    ("0", "COMMENTS_PER_MINUTE must be at least 1, not 0."),
    ("ten", "COMMENTS_PER_MINUTE must be an integer, not 'ten'."),
])
def test_settings_refuse_a_comment_limit_that_would_stop_or_break_commenting(tmp_path, value, error):
    result = manage("check", env={"DEBUG": "1", "VAR_DIR": str(tmp_path), "COMMENTS_PER_MINUTE": value})

    assert (result.returncode, error in result.stderr) == (1, True)


def test_env_readers_parse_and_refuse_bad_values(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("COUNT", "12")
    monkeypatch.setenv("HOSTS", "a.org, b.org,,")
    assert (env_bool("FLAG"), env_int("COUNT", 1), env_list("HOSTS")) == (True, 12, ["a.org", "b.org"])

    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be a boolean"):
        env_bool("FLAG")
    monkeypatch.setenv("COUNT", "twelve")
    with pytest.raises(ImproperlyConfigured, match="COUNT must be an integer"):
        env_int("COUNT", 1)


def test_arabic_catalogue_is_complete():
    po = BASE_DIR / "locale" / "ar" / "LC_MESSAGES" / "django.po"

    result = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, str(po)],
                            capture_output=True, text=True, check=True)

    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr
    assert result.stderr.strip().endswith("translated messages.")
