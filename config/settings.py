"""bmnn settings: one env-driven file.

Environment:
  BMNN_DATA_DIR              data folder (default: the OS's per-user data folder)
  DATABASE_URL               PostgreSQL for LAN installs; default SQLite file in the data folder
  BMNN_MODE                  "local" (one PC, 127.0.0.1 only; default) or "lan" (behind TLS)
  BMNN_DEBUG                 default False
  BMNN_ALLOWED_HOSTS         comma list; local mode always allows 127.0.0.1/localhost
  BMNN_SESSION_IDLE_MINUTES  default 15
  BMNN_ADMIN_MAY_READ_SECRETS  default False (separation of duties, see docs/architecture.md)
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from bmnn.lib import datadir, dbkey
from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = datadir.data_dir()

try:
    datadir.ensure_data_dir(DATA_DIR)
    SECRET_KEY = datadir.read_or_create_secret(DATA_DIR / datadir.SECRET_KEY_FILE, nbytes=50, create=True)
except datadir.DataDirError as exc:
    raise ImproperlyConfigured(str(exc)) from exc

BMNN_MODE = env_str("BMNN_MODE", "local")
if BMNN_MODE not in {"local", "lan"}:
    raise ImproperlyConfigured(f"BMNN_MODE={BMNN_MODE!r} không hợp lệ: chỉ nhận 'local' hoặc 'lan'.")
LAN_MODE = BMNN_MODE == "lan"
DEBUG = env_bool("BMNN_DEBUG", False)

_LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = env_list("BMNN_ALLOWED_HOSTS", [] if LAN_MODE else _LOCAL_HOSTS)
if not LAN_MODE:
    ALLOWED_HOSTS = sorted(set(ALLOWED_HOSTS) | set(_LOCAL_HOSTS))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "bmnn.audit",
    "bmnn.org",
    "bmnn.accounts",
    "bmnn.api",
    "bmnn.catalog",
    "bmnn.registry",
    "bmnn.plans",
    "bmnn.registers",
    "bmnn.movements",
    "bmnn.people",
    "bmnn.assets",
    "bmnn.areas",
    "bmnn.inspections",
    "bmnn.incidents",
    "bmnn.forms",
    "bmnn.scanning",
    "bmnn.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bmnn.web.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "bmnn.accounts.middleware.IdleTimeoutMiddleware",
    "bmnn.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bmnn.web.context.shell",
            ],
        },
    },
]

_SQLITE_PATH = DATA_DIR / "bmnn.sqlite3"
if env_str("DATABASE_URL", ""):
    DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL", ""), conn_max_age=60)}
    DATABASES["default"].setdefault("TEST", {})
else:
    DATABASES = {
        "default": {
            # An encrypted data folder (bmnn init --encrypt) runs the same backend on SQLCipher.
            "ENGINE": "bmnn.lib.sqlcipher" if dbkey.is_encrypted(DATA_DIR) else "django.db.backends.sqlite3",
            "NAME": str(_SQLITE_PATH),
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of
                # failing with "database is locked" when a read transaction upgrades.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                # WAL lets readers work during a write; synchronous=FULL because a register
                # entry that was acknowledged must survive a power cut.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }

AUTH_USER_MODEL = "accounts.User"
# Large uploads (documents to scan, plans to import) are spooled here, not in the shared system temp.
FILE_UPLOAD_TEMP_DIR = str(DATA_DIR / "tmp")
(DATA_DIR / "tmp").mkdir(mode=0o700, exist_ok=True)
# Backups: JSON lines that keep microseconds (ledger hashes cover exact times).
SERIALIZATION_MODULES = {"bmnnjsonl": "bmnn.ops.serializer"}
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout (django-axes): 5 failures lock the username+IP pair for 15 minutes.
AXES_FAILURE_LIMIT = env_int("BMNN_LOCKOUT_FAILURES", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("BMNN_LOCKOUT_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "bmnn.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

BMNN_SESSION_IDLE_MINUTES = env_int("BMNN_SESSION_IDLE_MINUTES", 15, minimum=1)
SESSION_COOKIE_AGE = BMNN_SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
BMNN_ADMIN_MAY_READ_SECRETS = env_bool("BMNN_ADMIN_MAY_READ_SECRETS", False)

# Agency policies the law leaves open (each read by its app with this default; see README).
BMNN_REGISTER_EXPORT_ROLES = env_list("BMNN_REGISTER_EXPORT_ROLES", [])  # export of registers: off by default
BMNN_SCAN_MAX_UPLOAD_MB = env_int("BMNN_SCAN_MAX_UPLOAD_MB", 50, minimum=1)
BMNN_HOSTCHECK_MAX_AGE_MONTHS = env_int("BMNN_HOSTCHECK_MAX_AGE_MONTHS", 12, minimum=1)
BMNN_PLAN_REMINDER_DAYS = env_int("BMNN_PLAN_REMINDER_DAYS", 14, minimum=1)
BMNN_INCIDENT_REPORT_HOURS = env_int("BMNN_INCIDENT_REPORT_HOURS", 24, minimum=1)
BMNN_ROLLUP_INCLUDE_SECRET_TEXT = env_bool("BMNN_ROLLUP_INCLUDE_SECRET_TEXT", False)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if LAN_MODE:
    # LAN mode runs behind a TLS-terminating proxy on the internal network.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("BMNN_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("BMNN_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
else:
    # Local mode answers only on 127.0.0.1 (refused otherwise in `bmnn serve`): traffic never leaves
    # the PC, so there is no TLS to require. These four deploy checks are about TLS only.
    SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008", "security.W012", "security.W016"]

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATIC_ROOT = None  # served from the package by WhiteNoise finders; no collectstatic step
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "files"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
