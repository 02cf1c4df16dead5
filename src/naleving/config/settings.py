# SPDX-License-Identifier: EUPL-1.2
"""Settings for every environment, driven by environment variables (see README, "Configuratie").

NALEVING_ENV: `production` (secure defaults, every secret required), `development` (default) or `demo`
(set by `naleving demo`: demo accounts, a visible banner). DEBUG is off in every environment, so that every
error shows the project's own Dutch page; a developer can switch it on with NALEVING_DEBUG=1 (not in
production).
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import django_stubs_ext

from naleving.config import env
from naleving.config import metrieken as _metrieken
from naleving.core.logging import configure_structlog, logging_config

django_stubs_ext.monkeypatch()  # lets admin classes be written as ModelAdmin[Model]

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.text("NALEVING_VAR_DIR", str(Path.cwd() / "var"))).resolve()

NALEVING_ENV = env.text("NALEVING_ENV", "development")
if NALEVING_ENV not in {"production", "development", "demo"}:
    raise env.ConfigFout("NALEVING_ENV moet production, development of demo zijn")
PRODUCTION = NALEVING_ENV == "production"
NALEVING_DEMO = NALEVING_ENV == "demo"
NALEVING_ORGANISATIE = env.text("NALEVING_ORGANISATIE", "Baanbrekers")
NALEVING_DEMO_PASSWORD = env.text("NALEVING_DEMO_PASSWORD", "naleving-demo")

DEBUG = env.flag("NALEVING_DEBUG", False)
if DEBUG and PRODUCTION:
    raise env.ConfigFout("NALEVING_DEBUG kan niet aan in productie")
if PRODUCTION:
    SECRET_KEY = env.text("NALEVING_SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise env.ConfigFout(
            "NALEVING_SECRET_KEY is verplicht in productie (minstens 50 tekens). Maak een sleutel "
            "met: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
else:
    SECRET_KEY = env.text("NALEVING_SECRET_KEY") or env.local_secret_key(VAR_DIR)

# The audit log's signed checkpoints (naleving.audit.anker): a file outside the database, and an HMAC key that
# is not in the database either. Without NALEVING_AUDIT_SLEUTEL the key is derived from the secret key, so
# changing that key makes the old checkpoints unverifiable: in production give the audit log its own key.
NALEVING_AUDIT_SLEUTEL = env.text("NALEVING_AUDIT_SLEUTEL")
if NALEVING_AUDIT_SLEUTEL and len(NALEVING_AUDIT_SLEUTEL) < 32:
    raise env.ConfigFout("NALEVING_AUDIT_SLEUTEL moet minstens 32 tekens lang zijn")
NALEVING_AUDIT_ANKER = Path(
    env.text("NALEVING_AUDIT_ANKER", str(VAR_DIR / "audit-anker.jsonl"))
).resolve()

ALLOWED_HOSTS = [
    h for h in env.text("NALEVING_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [o for o in env.text("NALEVING_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "axes",
    "csp",
    "mozilla_django_oidc",
    "naleving.core",
    "naleving.accounts",
    "naleving.audit",
    "naleving.clienten",
    "naleving.beleid",
    "naleving.preventie",
    "naleving.signalen",
    "naleving.demodata",
    "naleving.onderzoek",
    "naleving.besluiten",
    "naleving.bewaren",
    "naleving.mail",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "naleving.core.middleware.CorrelationIdMiddleware",
    "naleving.config.metrieken.MetriekenMiddleware",
    "naleving.core.middleware.DatabaseOnbereikbaarMiddleware",
    "naleving.core.api.ApiJsonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

CSRF_FAILURE_VIEW = "naleving.core.views.csrf_failure"
ROOT_URLCONF = "naleving.config.urls"
WSGI_APPLICATION = "naleving.config.wsgi.application"

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
                "naleving.core.context_processors.naleving",
                "naleving.accounts.context_processors.rechten",
            ],
            "builtins": ["naleving.core.templatetags.naleving"],
        },
    }
]

_default_db = f"sqlite:///{VAR_DIR / 'naleving.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(env.text("DATABASE_URL", _default_db), conn_max_age=60)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE: a writer takes the lock at BEGIN, so two requests never both read the audit chain head
    # and then collide; WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database server that does not answer must not hold a web worker (or the readiness probe) until the
    # operating system gives up: libpq stops trying after this many seconds (its minimum is 2).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", env.integer("NALEVING_DB_CONNECT_TIMEOUT", 5)
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "naleving.accounts.oidc.MedewerkerOidcBackend",
    "naleving.accounts.backends.MedewerkerBackend",
]

# Single sign-on for staff (OpenID Connect, mozilla-django-oidc; docs/beheer.md "Single sign-on"). The
# provider, the client and the claim mapping are data (accounts.SsoInstelling, ClaimKoppeling), edited by the
# functioneel beheerder in /beheer/; the OIDC_* settings below are only the protocol's fixed choices.
# Local password login stays possible unless NALEVING_LOKAAL_INLOGGEN=0 (then only single sign-on).
NALEVING_LOKAAL_INLOGGEN = env.flag("NALEVING_LOKAAL_INLOGGEN", True)
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True  # the id_token_hint for RP-initiated logout at the provider
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
OIDC_REDIRECT_REQUIRE_HTTPS = PRODUCTION
OIDC_TIMEOUT = 10  # seconds for each call to the provider (token, userinfo, keys)
LOGIN_REDIRECT_URL_FAILURE = "/inloggen/mislukt/"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): 5 failures lock the username+address pair for 15 minutes.
AXES_FAILURE_LIMIT = env.integer("NALEVING_LOGIN_MAX_POGINGEN", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"
AXES_ENABLED = env.flag("NALEVING_LOGIN_THROTTLE", True)

# Sessions live in the database, so that every web instance behind the load balancer knows every session
# (and Redis being down logs nobody out). Sessions end after 30 minutes without activity and when the
# browser closes.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.integer("NALEVING_SESSIE_MINUTEN", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_COOKIE_HTTPONLY = True
    SECURE_SSL_REDIRECT = env.flag("NALEVING_SSL_REDIRECT", True)
    # The load balancer's probes speak plain HTTP to the instance itself.
    SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$", r"^gereed/$", r"^metrics$"]
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: only our own scripts and styles; none inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Enforced in every environment, the demo and development included: a page that needs more fails there first.

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Static files are served by WhiteNoise, also by `naleving demo` with DEBUG off. Production and the demo
# serve what `collectstatic` gathered (the demo runs it at start) under hashed names, which may be cached for a
# year; production also keeps gzip/brotli copies (compressing takes ~15 s of CPU, at deploy, not at each demo
# start). Development and the tests serve the files straight from the apps.
if PRODUCTION or NALEVING_DEMO:
    _static_storage = (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    )
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": _static_storage},
    }
else:
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = DEBUG
    STATIC_ROOT.mkdir(
        parents=True, exist_ok=True
    )  # WhiteNoise looks there too, and warns when it is missing
MEDIA_ROOT = (
    VAR_DIR / "bestanden"
)  # outside the web root: files are only served through audited views

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The API takes and gives JSON only; every error is JSON in Dutch (naleving.core.api).
    "DEFAULT_PARSER_CLASSES": ["naleving.core.api.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "naleving.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Naleving API",
    "DESCRIPTION": "API voor ketenpartners en koppelingen van Naleving.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "naleving.signalen.api.schema_aanvullen",
    ],
}

# The cache is shared by every web instance in production (Redis); the embedded default keeps it in the
# process. No page needs the cache to answer: with Redis down the pages keep serving, and /gereed/ reports
# the cache and the broker as not ready. Short socket timeouts keep a dead Redis from holding a worker.
_cache_url = env.text("NALEVING_CACHE_URL", "redis://127.0.0.1:6379/1" if PRODUCTION else "")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": "naleving",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Background work: Celery on Redis in production; the embedded default runs tasks in-process.
CELERY_BROKER_URL = env.text(
    "CELERY_BROKER_URL", "redis://127.0.0.1:6379/0" if PRODUCTION else "memory://"
)
# Several installations (test, acceptance) may share one Redis: each its own queue.
CELERY_TASK_DEFAULT_QUEUE = env.text("NALEVING_TAKEN_WACHTRIJ", "celery")
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
# A web request that hands work to the broker gives up after about 2 s (and says so in Dutch) instead of
# retrying for long while Redis is down.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0.5, "interval_step": 0.5}
CELERY_RESULT_BACKEND = env.text("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_ALWAYS_EAGER = env.flag("NALEVING_TAKEN_DIRECT", not PRODUCTION)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE

# /metrics (naleving.config.metrieken) answers only these addresses or networks; every other caller gets a 404.
try:
    NALEVING_METRICS_TOEGESTAAN = _metrieken.toegestane_netwerken(
        env.text("NALEVING_METRICS_TOEGESTAAN", "127.0.0.1,::1")
    )
except ValueError as _fout:
    raise env.ConfigFout(
        "NALEVING_METRICS_TOEGESTAAN moet een lijst van IP-adressen of netwerken zijn, gescheiden door "
        f"komma's (bijvoorbeeld 127.0.0.1,10.0.5.0/24): {_fout}"
    ) from None

# The application's log (naleving.core.logging): every line carries the correlation id; in production one
# JSON object a line (NALEVING_LOG_JSON overrides), a readable line in the demo and development.
NALEVING_LOG_JSON = env.flag("NALEVING_LOG_JSON", PRODUCTION)
LOGGING = logging_config(json=NALEVING_LOG_JSON, level=env.text("NALEVING_LOG_LEVEL", "INFO"))
configure_structlog()
# The worker logs through the same configuration instead of Celery's own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# E-mail (naleving.mail; docs/beheer.md, "E-mail"): every mail is an outbox row first, sent by a background job.
# Production sends through the organisation's SMTP relay; the demo writes each mail as a file under var/mail/,
# development prints it on the console. Every EMAIL_* setting of Django comes from the environment variable of
# the same name.
EMAIL_BACKEND = env.text(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else (
        "django.core.mail.backends.filebased.EmailBackend"
        if NALEVING_DEMO
        else "django.core.mail.backends.console.EmailBackend"
    ),
)
EMAIL_FILE_PATH = env.text("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env.text("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env.flag("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise env.ConfigFout("EMAIL_USE_TLS en EMAIL_USE_SSL kunnen niet allebei aan: kies er een")
# A relay that does not answer must not hold a worker: the job fails, and is tried again later.
EMAIL_TIMEOUT = env.integer("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.text("EMAIL_FROM", f"{NALEVING_ORGANISATIE} <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = ""
# Links in mails are absolute: the address at which staff and residents reach Naleving.
NALEVING_BASIS_URL = env.text("NALEVING_BASIS_URL", "http://127.0.0.1:8000").rstrip("/")
# How often a mail is tried before it stays failed (the functioneel beheerder can send it again), and how
# many days a failed mail keeps its address and content before they are wiped.
NALEVING_MAIL_MAX_POGINGEN = env.integer("NALEVING_MAIL_MAX_POGINGEN", 5)
NALEVING_MAIL_BEWAAR_DAGEN = env.integer("NALEVING_MAIL_BEWAAR_DAGEN", 14)
