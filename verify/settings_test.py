"""Settings for the test suite: the real services, but apart from a developer's running app.

Tests use Redis database 15 and their own Celery queue, so a worker started by bin/run never
takes a test's task, and the test database is the one pytest-django creates.
"""

import os

os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("CELERY_QUEUE", "verify-test")
os.environ.setdefault("CACHE_KEY_PREFIX", "verify-test")
# The test process is server and reader at once: every page straight from Redis.
os.environ.setdefault("PUBLIC_LOCAL_CACHE_SECONDS", "0")
# Every test searches from 127.0.0.1; the limit has its own test.
os.environ.setdefault("PUBLIC_SEARCH_PER_MINUTE", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
# Playwright's sync API runs an event loop in the test thread; the ORM calls we make between
# browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Tests serve their own pages on 127.0.0.1.
os.environ.setdefault("FETCH_ALLOWED_PRIVATE_HOSTS", "127.0.0.1")
os.environ.setdefault("FETCH_CONNECT_TIMEOUT", "3")
os.environ.setdefault("FETCH_READ_TIMEOUT", "3")
os.environ.setdefault("FETCH_TOTAL_TIMEOUT", "6")
os.environ.setdefault("WEBHOOK_CONNECT_TIMEOUT", "2")
os.environ.setdefault("WEBHOOK_READ_TIMEOUT", "2")
os.environ.setdefault("WEBHOOK_RETRY_BASE_SECONDS", "1")

# The claim index of this test run (the worker subprocess inherits it): never a developer's.
if "CLAIM_INDEX_DIR" not in os.environ:
    import tempfile

    os.environ["CLAIM_INDEX_DIR"] = tempfile.mkdtemp(prefix="verify-test-index-")

from .settings import *  # noqa: E402,F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
# The worker process writes its e-mails to files a test can count (tests/conftest.py).
EMAIL_BACKEND = os.environ.get(
    "TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("TEST_EMAIL_DIR", str(BASE_DIR / "var" / "test-mail"))  # noqa: F405
