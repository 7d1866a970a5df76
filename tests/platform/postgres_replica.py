"""A real streaming replica of the test PostgreSQL, on this machine, for the routing tests.

pg_basebackup copies the running cluster (the test database included) into a folder, and a
second `postgres` serves it on a free port, replaying the primary's WAL as it streams. The
primary must accept replication connections from 127.0.0.1: when its pg_hba.conf has no
such line and we may write it (the machines run the tests as root), one is added and the
configuration reloaded, as a newsroom's DBA would for its own replica.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from django.db import connections

HBA_LINE = "host replication all 127.0.0.1/32 trust\n"


def _bin(name) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if found:
        return str(found[-1])
    if shutil.which(name):
        return shutil.which(name)
    raise RuntimeError(f"{name} is not installed (Debian's postgresql package has it)")


def _as_postgres(args):
    """Run as the postgres user when we are root (postgres refuses to run as root)."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _allow_replication(primary):
    with primary.cursor() as cursor:
        cursor.execute("SHOW hba_file")
        hba = Path(cursor.fetchone()[0])
        if HBA_LINE.strip() in hba.read_text():
            return
        with hba.open("a") as f:
            f.write("\n# Added by verify's tests: a local streaming replica.\n" + HBA_LINE)
        cursor.execute("SELECT pg_reload_conf()")
    time.sleep(0.5)


class Replica:
    def __init__(self, primary_settings):
        self.primary = primary_settings
        self.folder = Path(tempfile.mkdtemp(prefix="verify-replica-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")

    def create(self):
        _allow_replication(connections["default"])
        subprocess.run(
            _as_postgres(
                [
                    _bin("pg_basebackup"),
                    "-h", str(self.primary.get("HOST") or "127.0.0.1"),
                    "-p", str(self.primary.get("PORT") or 5432),
                    "-U", self.primary.get("USER") or "postgres",
                    "-D", str(self.data),
                    "-R", "-X", "stream", "-c", "fast",
                ]
            ),
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        # Debian keeps the configuration outside the data folder: the replica gets its own.
        (self.data / "postgresql.conf").write_text(
            "hot_standby = on\n"
            "listen_addresses = '127.0.0.1'\n"
            f"port = {self.port}\n"
            f"unix_socket_directories = '{self.folder}'\n"
            "wal_receiver_status_interval = 1s\n"
        )
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\n"
        )
        if os.geteuid() == 0:
            for path in (self.data / "postgresql.conf", self.data / "pg_hba.conf"):
                shutil.chown(path, "postgres", "postgres")
        return self.start()

    def start(self):
        subprocess.run(
            _as_postgres(
                [_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"),
                 "-w", "-t", "60", "start"]
            ),
            check=True, capture_output=True, timeout=90,
        )  # fmt: skip
        return self

    def stop(self):
        subprocess.run(
            _as_postgres([_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            timeout=60,
        )

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def settings(self) -> dict:
        return {**self.primary, "HOST": "127.0.0.1", "PORT": str(self.port)}

    def log(self) -> str:
        path = self.folder / "log"
        return path.read_text()[-3000:] if path.exists() else ""
