"""The servers a benchmark starts: gunicorn as compose.yaml runs it, and a Celery worker."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def gunicorn(port, env, workers=3, quiet=False):
    """gunicorn with compose.yaml's options on 127.0.0.1:`port`; returns once it answers."""
    process = _start(
        [
            "gunicorn",
            "verify.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "30",
        ],  # fmt: skip
        env,
        quiet,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    sys.exit(f"gunicorn did not answer on port {port}")


def celery_worker(queue, env, name=None, quiet=True):
    """One solo-pool worker on `queue` and its queues per kind of work (queue.ingest, …:
    settings.WORK_KINDS); the caller waits for it if it must."""
    from verify.settings import WORK_KINDS

    queues = ",".join([queue, *(f"{queue}.{kind}" for kind in WORK_KINDS)])
    command = ["celery", "-A", "verify", "worker", "--pool=solo", "-Q", queues,
               "--loglevel=WARNING", "--without-gossip", "--without-mingle"]  # fmt: skip
    if name:
        command += ["-n", name]
    return _start(command, env, quiet)


def stop(*processes):
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait()


def _start(command, env, quiet):
    return subprocess.Popen(  # noqa: S603 - our own servers, fixed commands
        [sys.executable, "-m", *command],
        cwd=ROOT,
        env=os.environ | env,
        stderr=subprocess.DEVNULL if quiet else None,
    )
