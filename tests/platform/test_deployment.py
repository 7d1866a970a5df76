import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def test_compose_file_is_valid(tmp_path):
    if not shutil.which("docker-compose"):
        pytest.fail("docker-compose is missing: apt-get install -y docker-compose")
    for name in ("compose.yaml", "Dockerfile"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")

    result = subprocess.run(
        ["docker-compose", "config", "-q"], cwd=tmp_path, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    services = subprocess.run(
        ["docker-compose", "config", "--services"], cwd=tmp_path, capture_output=True, text=True
    ).stdout.split()
    assert {
        "db", "db-replica", "pgbouncer", "redis", "migrate", "web", "varnish", "proxy",
        "worker-ingest", "worker-matching", "worker-notify", "worker-periodic", "beat",
    } <= set(services)  # fmt: skip


def test_compose_runs_a_worker_per_queue_and_web_behind_pgbouncer_varnish_and_a_replica():
    import yaml
    from django.conf import settings

    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    # In production CELERY_QUEUE is unset: queues are "verify" and "verify.<kind>".
    for kind in settings.WORK_KINDS:
        command = compose[f"worker-{kind}"]["command"]
        assert f"verify.{kind}" in command[command.index("-Q") + 1].split(","), kind
    periodic = compose["worker-periodic"]["command"]
    assert "verify" in periodic[periodic.index("-Q") + 1].split(",")
    web = compose["web"]["environment"]
    assert "@pgbouncer:6432/" in web["DATABASE_URL"] and web["DATABASE_POOLED"] == "true"
    assert "@db-replica:5432/" in web["DATABASE_REPLICA_URL"]
    assert web["CACHE_PURGE_URLS"] == "http://varnish:80/"
    migrate = compose["migrate"]["environment"]
    assert "@db:5432/" in migrate["DATABASE_URL"] and migrate["DATABASE_POOLED"] == "false"
    assert compose["pgbouncer"]["environment"]["POOL_MODE"] == "transaction"
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "proxy_pass http://varnish:80;" in nginx and "return 405;" in nginx


def test_compose_refuses_to_start_without_a_database_password(tmp_path):
    shutil.copy(ROOT / "compose.yaml", tmp_path / "compose.yaml")
    env = (ROOT / ".env.example").read_text().replace("POSTGRES_PASSWORD=", "#")
    (tmp_path / ".env").write_text(env)

    result = subprocess.run(
        ["docker-compose", "config", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "POSTGRES_PASSWORD"},
    )

    assert result.returncode != 0
    assert "POSTGRES_PASSWORD" in result.stderr


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    env["DJANGO_SETTINGS_MODULE"] = "verify.settings"
    result = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_ensure_db_leaves_an_existing_database_alone(capsys):
    call_command("ensure_db")
    assert "exists" in capsys.readouterr().out


def production_environment():
    """The environment compose.yaml gives the web service: .env.example plus its own."""
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    env.update(
        SECRET_KEY="a-production-like-secret-" + "x" * 50,
        DATABASE_URL="postgres://verify:pw@db:5432/verify",
        REDIS_URL="redis://redis:6379/0",
        DJANGO_SETTINGS_MODULE="verify.settings",
    )
    return env


def test_the_production_settings_pass_the_deployment_checklist():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_checklist_does_fail_on_weak_settings():
    env = production_environment() | {"SECURE_HSTS_SECONDS": "0", "SECURE_SSL_REDIRECT": "false"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr
