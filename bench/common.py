"""What the benchmark scripts share: their environment, subprocesses, servers and CPU time.

The scripts run as files (``.venv/bin/python bench/sync.py``), so each puts the checkout on
``sys.path`` before importing this module.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def environment(
    db: str | None, var: str, settings: str = "cms.settings.base", **overrides: str
) -> dict[str, str]:
    """The production settings (debug off) with VAR_DIR ``var``, on database ``db`` of the
    local PostgreSQL (``None``: the embedded SQLite file), plus each script's ``overrides``."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{db}" if db else "",
        DJANGO_SETTINGS_MODULE=settings,
        SECRET_KEY="bench-only",
        DJANGO_DEBUG="0",
        SECURE_COOKIES="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        VAR_DIR=var,
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.update(overrides)
    return env


def run(cmd: list[str], env: dict[str, str]) -> str:
    """Run ``cmd`` in the checkout and return its output; exit with its output if it fails."""
    result = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


def run_live(cmd: list[str], env: dict[str, str]) -> None:
    """Run ``cmd`` in the checkout, its output going straight to ours; raise if it fails."""
    subprocess.run(cmd, env=env, cwd=ROOT, check=True)


def recreate_database(db: str, env: dict[str, str]) -> None:
    """Drop and create ``db`` on the local PostgreSQL (user postgres, trust)."""
    for sql in (f"DROP DATABASE IF EXISTS {db}", f"CREATE DATABASE {db}"):
        run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql], env)


def migrate(env: dict[str, str]) -> None:
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)


def analyze(db: str, env: dict[str, str]) -> None:
    """Planner statistics after a bulk load (autovacuum would catch up only later)."""
    run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-qc", "ANALYZE"], env)


def free_port() -> int:
    """A port nothing listens on now (other benchmarks and dev servers may hold fixed ones)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(
    cmd: list[str], ready_url: str, env: dict[str, str] | None = None, timeout: float = 60, **popen
) -> subprocess.Popen:
    """Start a server process and wait until ``ready_url`` answers 2xx."""
    server = subprocess.Popen(cmd, env=env, cwd=ROOT, **popen)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"{cmd[0]} exited with {server.returncode} while starting")
        try:
            urllib.request.urlopen(ready_url, timeout=1)
            return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    stop(server)
    raise RuntimeError(f"{' '.join(cmd)} did not answer {ready_url} in {timeout:.0f} s")


def stop(server: subprocess.Popen, timeout: float = 30) -> None:
    server.terminate()
    try:
        server.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def cpu_seconds(pid: int, children: bool = False) -> float:
    """User + system CPU time of process ``pid`` (and of its direct children)."""
    pids = [pid]
    if children:
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    ticks = 0
    for each in pids:
        fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / CLOCK_TICKS


def database_cpu(db: str) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend connected to ``db`` (local server)."""
    sql = f"SELECT pid FROM pg_stat_activity WHERE datname = '{db}'"
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-Atc", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = {}
    for pid in map(int, result.stdout.split()):
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # ended since
            seconds[pid] = cpu_seconds(pid)
    return seconds


def database_cpu_since(db: str, before: dict[int, float]) -> float:
    """CPU seconds the backends of ``db`` used since ``before`` (``database_cpu``); a backend
    that ended meanwhile is lost, one that started counts whole."""
    return sum(now - before.get(pid, 0.0) for pid, now in database_cpu(db).items())
