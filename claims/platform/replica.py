"""Readers' pages from a read replica, when there is one (DATABASE_REPLICA_URL).

Only a reader's GET of a public page, feed, sitemap or the public API reads from the replica
(ReplicaReads marks the request; verify.routers.ReplicaRouter does the routing). Everything
else reads and writes the primary: the newsroom, the admin, the workers, every write, and a
reader who has just posted (ask us to check, follow) for PIN_SECONDS after, so nobody's own
write ever looks lost.

The replica is used only while it answers and lags less than REPLICA_MAX_LAG_SECONDS; its
state is checked at most every REPLICA_CHECK_SECONDS per process. A replica that is down or
behind sends readers back to the primary, and /healthz says so.
"""

import contextvars
import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
PIN_COOKIE = "verify_primary"
PIN_SECONDS = 30

_reading = contextvars.ContextVar("verify_reads_from_replica", default=False)
_state = {"checked_at": None, "usable": False, "detail": "not checked yet"}

LAG_SQL = """
    SELECT pg_is_in_recovery(),
           CASE WHEN pg_last_wal_receive_lsn() IS NULL
                     OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
           END
"""


def configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def readers_reads():
    """Within this block, reads may go to the replica (a reader's GET of a public page)."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def wanted() -> bool:
    return _reading.get()


def lag_seconds() -> float:
    """How far the replica's replay is behind what it received, in seconds (0: in step).
    Raises DatabaseError when the replica cannot be reached or is not a replica."""
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(LAG_SQL)
        in_recovery, lag = cursor.fetchone()
    if not in_recovery:
        raise DatabaseError("the replica is not in recovery: it is not a replica")
    return float(lag)


def check() -> tuple[bool, str]:
    """(usable, words) now, asking the replica."""
    try:
        lag = lag_seconds()
    except DatabaseError as exc:
        connections[REPLICA].close()  # a broken connection is not reused
        return False, f"down: {str(exc).strip()[:200] or type(exc).__name__}"
    limit = settings.REPLICA_MAX_LAG_SECONDS
    if lag > limit:
        return False, f"lagging {lag:.1f} s behind (more than {limit:g} s): readers use the primary"
    return True, f"in use, {lag:.1f} s behind"


def usable() -> bool:
    """Whether readers' reads go to the replica now; asked again every REPLICA_CHECK_SECONDS."""
    if not configured():
        return False
    now = time.monotonic()
    checked_at = _state["checked_at"]
    if checked_at is None or now - checked_at >= settings.REPLICA_CHECK_SECONDS:
        usable_now, detail = check()
        if usable_now != _state["usable"]:
            log = logger.info if usable_now else logger.warning
            log("read replica: %s", detail)
        _state.update(checked_at=now, usable=usable_now, detail=detail)
    return _state["usable"]


def wait_until_replayed(timeout=None) -> bool:
    """Wait until the replica has replayed everything the primary has committed so far (at
    most `timeout`, REPLICA_MAX_LAG_SECONDS by default). Called before readers' caches are
    refreshed after a change, so no cache is filled from a replica that has not seen it.
    True when it has (or there is no replica); False when it is behind or down: then the
    router's own lag check sends readers to the primary."""
    if not configured():
        return True
    timeout = settings.REPLICA_MAX_LAG_SECONDS if timeout is None else timeout
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        target = cursor.fetchone()[0]
    deadline = time.monotonic() + timeout
    while True:
        try:
            with connections[REPLICA].cursor() as cursor:
                cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
                if cursor.fetchone()[0]:
                    return True
        except DatabaseError as exc:
            connections[REPLICA].close()
            logger.warning("read replica: cannot wait for it to replay: %s", exc)
            return False
        if time.monotonic() >= deadline:
            logger.warning("read replica: not replayed within %.1f s", timeout)
            return False
        time.sleep(0.02)


def forget():
    """Check again on the next read (tests; a deploy that changes the replica)."""
    _state.update(checked_at=None, usable=False, detail="not checked yet")


def health() -> str:
    """For /healthz: the replica's state in words; raises when it cannot be used."""
    if not configured():
        return "not configured: readers use the primary"
    usable_now, detail = check()
    if not usable_now:
        raise RuntimeError(detail)
    return detail
