"""Settings for the GCM Review Portal, read from environment variables.

A newcomer needs none of them: without DEBUG the portal refuses to start without a
SECRET_KEY, so `make run` sets DEBUG=1 and everything else has a safe default (SQLite
under var/, console e-mail). Production differs only by environment variables; the
README lists each of them.
"""

import importlib.util
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from gcm_portal.env import env_bool, env_file_load, env_int, env_list, env_minutes, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
env_file_load(env_str("ENV_FILE", str(BASE_DIR / ".env")))
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "reviews",
    "stakeholders",
]

MIDDLEWARE = [
    "gcm_portal.logs.RequestIdMiddleware",  # first: every log line of the request carries its id
    "django.middleware.security.SecurityMiddleware",
    # Pages compressed here, not by the proxy: Django's gzip pads each response with random bytes against
    # BREACH, which a proxy's gzip does not (docs/production.md, section 7). Static files come compressed
    # already (WhiteNoise).
    "gcm_portal.middleware.TextGZipMiddleware",  # pages, not the PDFs and Word files (compressed already)
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gcm_portal.middleware.ArabicFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "gcm_portal.middleware.BodyLimitMiddleware",  # before anything reads the body (the CSRF check does)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.IdleSessionMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "gcm_portal.middleware.UnreadableInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gcm_portal.urls"
WSGI_APPLICATION = "gcm_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reviews.context_processors.notifications",
            ],
        },
    },
]

if not env_str("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the newcomer's SQLite file lives here
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The server and the background worker write to one file: WAL lets pages read while the worker writes,
    # and IMMEDIATE transactions wait for the write lock (up to the timeout) instead of failing with
    # "database is locked" when a transaction that has read tries to write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Counters shared by every server process and instance (build quotas, comment and build rate limits) live
# in the cache, so the cache is never one process's memory: Django's database cache by default (its table
# is created by a migration, so every `migrate` has it), Redis with CACHE_URL=redis://host:6379/0.
CACHE_TABLE = "portal_cache"
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL must be a redis://, rediss:// or unix:// address, or unset.")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}}
# Pages kept whole until their data changes (reviews/views/page_cache.py) live in a cache of their own, so that
# making room for pages never drops a counter: a table of their own by default (`migrate` creates it), Redis with
# PAGE_CACHE_URL (a Redis of its own, or a database number of the counters' one given memory enough).
PAGE_CACHE_TABLE = "portal_page_cache"
PAGE_CACHE_URL = env_str("PAGE_CACHE_URL")
if PAGE_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": PAGE_CACHE_URL}
elif PAGE_CACHE_URL:
    raise ImproperlyConfigured("PAGE_CACHE_URL must be a redis://, rediss:// or unix:// address, or unset.")
else:
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": PAGE_CACHE_TABLE,
                       "OPTIONS": {"MAX_ENTRIES": 2000}}

AUTH_USER_MODEL = "accounts.User"
# Argon2id (memory-hard, Django's first recommendation) at OWASP's recommended parameters (accounts/hashers.py):
# a room of 50 people signing in at once at a workshop no longer holds every other page behind their sign-ins
# (bench/load_test.py). The others still check older hashes, which Django rewrites at their next sign-in.
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out username or address before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Languages: Arabic first. Every URL but /healthz and /readyz carries its language prefix.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Beirut")
# No automatic grouping: templates print ids and versions into forms, and "15,186" is not 15186.
# Where a large number is shown to people, templates group it explicitly (humanize's intcomma).
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["gcm_portal.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar", "en")

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"


def _package_dir(name: str) -> str:
    """Where an installed package keeps its files: front-end assets come from packages, never a CDN."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ImproperlyConfigured(f"The package {name!r} is not installed: run `make install`.")
    return list(spec.submodule_search_locations)[0]


STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", _package_dir("bootstrap")),
    ("vendor/fonts/noto-sans-arabic", str(Path(_package_dir("fontpkg_noto_sans_arabic")) / "files")),
]
# Uploaded and generated files go through Django's storage API only (never a local path), so several servers
# and workers can share them: the file system under MEDIA_ROOT by default, or with STORAGE_BACKEND=s3 an
# S3-compatible object store (django-storages), its objects private: no public URL, every download goes through
# the portal's views after the access check.
STORAGE_BACKEND = env_str("STORAGE_BACKEND", "filesystem").strip().lower()
if STORAGE_BACKEND == "filesystem":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif STORAGE_BACKEND == "s3":
    DEFAULT_STORAGE = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": env_str("S3_BUCKET"), "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
        "access_key": env_str("S3_ACCESS_KEY_ID") or None, "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
        "region_name": env_str("S3_REGION") or None,
        "default_acl": "private", "querystring_auth": True, "file_overwrite": False,
    }}
    if not DEFAULT_STORAGE["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs S3_BUCKET.")
else:
    raise ImproperlyConfigured(f'STORAGE_BACKEND must be "filesystem" or "s3", not {STORAGE_BACKEND!r}.')
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: printed on the console unless an SMTP host is configured. Every message goes through the task queue
# (gcm_portal/mail.py): a request only queues it, a worker delivers it with the backend the variable EMAIL_BACKEND
# names, so a slow mail server never holds a page.
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_BACKEND = "gcm_portal.mail.QueuedEmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "GCM Review Portal <no-reply@gcm-review.invalid>")

# HTTPS: one switch turns on every setting that `check --deploy` asks for.
SECURE_HTTPS = env_bool("SECURE_HTTPS", False)
if SECURE_HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
# A session left alone this long ends (accounts.middleware.IdleSessionMiddleware); closing the
# browser is not enough on a shared office computer.
SESSION_IDLE_TIMEOUT = env_minutes("SESSION_IDLE_MINUTES", 30)

# Login protection (django-axes). Failures count per username (guessing one account from many
# addresses) and, separately, per address (trying many usernames from one place); either locks.
# Not the pair: that would let a botnet guess one password from many addresses. A lockout ends
# after the cool-off, and a successful login clears the count.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
if AXES_FAILURE_LIMIT < 1:
    raise ImproperlyConfigured(f"LOGIN_FAILURE_LIMIT must be at least 1, not {AXES_FAILURE_LIMIT}.")
AXES_COOLOFF_TIME = env_minutes("LOGIN_COOLOFF_MINUTES", 15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"  # the bilingual page, status 429
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
# Behind a reverse proxy every request comes from the proxy: count the proxies we trust, and the
# client's address is read from X-Forwarded-For instead (0: no proxy, REMOTE_ADDR is the client).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Two-factor login (django-otp): the issuer name shown in authenticator apps.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "GCM Review Portal")
# The admin never shows a device's secret or QR code (its config pages answer 403, not a 500 on a missing id).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
RECOVERY_CODE_COUNT = 10

# Content Security Policy (django-csp): no inline script or style, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

DEMO_PASSWORD = env_str("DEMO_PASSWORD", "gcm-demo-2026")

# LOG_FORMAT=json: one JSON object a line with the request id (gcm_portal/logs.py), for logs gathered from several
# servers and workers; "text", the default, is Django's plain lines.
LOG_FORMAT = env_str("LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f'LOG_FORMAT must be "text" or "json", not {LOG_FORMAT!r}.')
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "gcm_portal.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler",
                             **({"formatter": "json"} if LOG_FORMAT == "json" else {})}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # django-axes logs its routine work (and a banner at every start) as INFO; failed logins and
    # lockouts are warnings and stay in the log.
    "loggers": {"axes": {"level": "WARNING"}},
}

# Uploads: supporting documents up to this size (bytes); Django keeps larger bodies on disk.
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_MB", 20) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Links in e-mails point here.
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000")
FORMS_URLFIELD_ASSUME_HTTPS = True  # links typed without a scheme are taken as https
REMINDER_DAYS = [int(day) for day in env_list("REMINDER_DAYS", ["30", "14", "7", "1"])]
# Comments one user may post in a minute (counted in the shared cache); staff hear of them in digests.
COMMENTS_PER_MINUTE = env_int("COMMENTS_PER_MINUTE", 10)
if COMMENTS_PER_MINUTE < 1:
    raise ImproperlyConfigured(f"COMMENTS_PER_MINUTE must be at least 1, not {COMMENTS_PER_MINUTE}.")

# Background jobs (PDF reports): django-tasks with its database backend. Requests enqueue rows in the
# database; `manage.py db_worker` runs them (beside the server in `make run`, its own process in production).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    },
}

# A bilingual PDF is one tagged document, its editions laid out in turn (reviews/report/build.py). Only the
# joined variant that bench/report_pdfs.py compares it with lays them out side by side in forked processes, one
# per edition and per core; 1 builds them one after the other in the worker itself.
REPORT_PDF_WORKERS = env_int("REPORT_PDF_WORKERS", 2)
# The digits of the Arabic edition of the PDFs, everywhere (contents and page numbers, body, tables, dates):
# "arabic-indic" (٠١٢٣) or "western" (0123). The English edition always uses Western digits.
REPORT_ARABIC_DIGITS = env_str("REPORT_ARABIC_DIGITS", "arabic-indic").strip().lower()
if REPORT_ARABIC_DIGITS not in ("arabic-indic", "western"):
    raise ImproperlyConfigured(
        f'REPORT_ARABIC_DIGITS must be "arabic-indic" or "western", not {REPORT_ARABIC_DIGITS!r}.')
# New PDF builds a user may start per minute, counted in the shared cache (a build handed back costs nothing).
REPORT_BUILDS_PER_MINUTE = env_int("REPORT_BUILDS_PER_MINUTE", 5)
if REPORT_BUILDS_PER_MINUTE < 1:
    raise ImproperlyConfigured(f"REPORT_BUILDS_PER_MINUTE must be at least 1, not {REPORT_BUILDS_PER_MINUTE}.")
# The public form where an organisation asks to take part: requests one address may send in an hour, and the
# seconds a person needs at least to fill it in (a quicker post is a robot's).
STAKEHOLDER_JOINS_PER_HOUR = env_int("STAKEHOLDER_JOINS_PER_HOUR", 5)
if STAKEHOLDER_JOINS_PER_HOUR < 1:
    raise ImproperlyConfigured(f"STAKEHOLDER_JOINS_PER_HOUR must be at least 1, not {STAKEHOLDER_JOINS_PER_HOUR}.")
STAKEHOLDER_JOIN_MIN_SECONDS = env_int("STAKEHOLDER_JOIN_MIN_SECONDS", 5)

# A running build writes a heartbeat on its row every quarter of this many seconds; a build whose heartbeat is older
# lost its worker (killed, or its machine gone) and is marked failed, so asking again starts a new build at once.
REPORT_HEARTBEAT_SECONDS = env_int("REPORT_HEARTBEAT_SECONDS", 60)
if REPORT_HEARTBEAT_SECONDS < 2:
    raise ImproperlyConfigured(f"REPORT_HEARTBEAT_SECONDS must be at least 2, not {REPORT_HEARTBEAT_SECONDS}.")
