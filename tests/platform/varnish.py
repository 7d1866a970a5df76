"""A real Varnish (Debian's varnishd) with deploy/varnish/default.vcl in front of a server of
ours on 127.0.0.1: for the caching-proxy tests and bench/proxy_load.py alike."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Varnish:
    """varnishd on a free port, its backend swapped for ours; RuntimeError if it won't run."""

    def __init__(self, backend_host, backend_port, memory="64m"):
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        if not Path(varnishd).exists():
            raise RuntimeError("varnishd is missing: apt-get install -y varnish (bin/test does)")
        self.folder = Path(tempfile.mkdtemp(prefix="verify-varnish-"))
        os.chmod(self.folder, 0o755)  # noqa: S103 - varnishd reads the VCL as its own user
        vcl = VCL.read_text()
        if '.host = "web";' not in vcl or '.port = "8000";' not in vcl:
            raise RuntimeError(f"{VCL} no longer names its backend web:8000")
        vcl = vcl.replace('.host = "web";', f'.host = "{backend_host}";').replace(
            '.port = "8000";', f'.port = "{backend_port}";'
        )
        (self.folder / "local.vcl").write_text(vcl)
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command of ours
            [varnishd, "-F", "-n", str(self.folder / "work"), "-a", f"127.0.0.1:{self.port}",
             "-f", str(self.folder / "local.vcl"), "-s", f"malloc,{memory}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.process.stdout.read().decode()[-2000:]
                self.stop()
                raise RuntimeError(f"varnishd exited: {output}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port)):
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("varnishd did not start listening within 30 s")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        if self.process.poll() is None:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
