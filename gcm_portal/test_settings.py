"""Test settings: the real settings with fast, isolated services.

The suite runs on SQLite by default and on PostgreSQL when DATABASE_URL points there
(`make test` does both when TEST_DATABASE_URL is set).
"""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789-abcdefghij")

from gcm_portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail lands in mail.outbox: sent at once (as the test runner does anyway), or through the queue when a test
# asks for it (the immediate task backend below then delivers it here too).
EMAIL_BACKEND = EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
          "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="gcm-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)  # forked report workers leave by os._exit
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Background jobs run at once, in the test's own thread (the e2e test starts a real worker).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}
# The suite's SQLite database lives in memory, shared between threads: keep SQLite's default transactions.
for _option in ("transaction_mode", "init_command"):
    DATABASES["default"].get("OPTIONS", {}).pop(_option, None)
