"""deploy/systemd/*.service: each starts a command the repository has, and systemd accepts it."""

import configparser
import importlib
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
INSTALL_DIR = "/srv/cms"  # WorkingDirectory of the shipped units
EXPECTED = {"cms@.service", "cms-worker.service", "cms-scheduler.service", "cms-frontend.service"}


def read_unit(path: Path) -> configparser.RawConfigParser:
    # systemd allows repeated keys; strict=False keeps the last, which is what we compare.
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text())
    return parser


def units() -> dict[str, configparser.RawConfigParser]:
    return {path.name: read_unit(path) for path in sorted(UNITS.glob("*.service"))}


def command_exists(argv: list[str]) -> bool:
    """Whether the program and what it runs (module, app, manage.py command) are in the repo."""
    program = Path(argv[0])
    if not str(program).startswith(INSTALL_DIR + "/"):
        return False
    local = ROOT / program.relative_to(INSTALL_DIR)
    if not (local.exists() or (ROOT / ".venv" / "bin" / program.name).exists()):
        return False
    if program.name == "python":
        assert argv[1] == "manage.py"
        return any(ROOT.glob(f"**/management/commands/{argv[2]}.py"))
    # gunicorn cms.wsgi (its "application") / uvicorn frontend.app:app: what the server loads.
    module, _, attribute = argv[1].partition(":")
    if not (ROOT / (module.replace(".", "/") + ".py")).exists():
        return False
    return callable(getattr(importlib.import_module(module), attribute or "application", None))


def test_units_are_the_expected_ones():
    assert set(units()) == EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unit_runs_a_command_of_the_repository_as_a_service(name):
    unit = read_unit(UNITS / name)
    service = unit["Service"]
    argv = shlex.split(service["ExecStart"])
    assert command_exists(argv), argv
    assert service["User"] == "cms" and service["Group"] == "cms"
    assert service["EnvironmentFile"] == "/etc/cms/cms.env"
    assert service["WorkingDirectory"] == INSTALL_DIR
    assert service["Restart"] == "on-failure"
    # Graceful stop: SIGTERM to the main process, which lets its work finish, then a bound.
    assert service["KillSignal"] == "SIGTERM"
    assert service["KillMode"] == "mixed"
    assert 0 < int(service["TimeoutStopSec"]) <= 300
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_app_server_runs_as_make_serve_does():
    argv = shlex.split(read_unit(UNITS / "cms@.service")["Service"]["ExecStart"])
    assert argv[:2] == [f"{INSTALL_DIR}/.venv/bin/gunicorn", "cms.wsgi"]
    assert argv[argv.index("--worker-class") + 1] == "gthread"
    assert argv[argv.index("--bind") + 1] == "${BIND_HOST}:%i"  # the port is the instance
    makefile = (ROOT / "Makefile").read_text()
    assert "gunicorn cms.wsgi" in makefile and "--worker-class gthread" in makefile


def test_worker_and_scheduler_match_the_makefile():
    makefile = (ROOT / "Makefile").read_text()
    for unit_name, command in (
        ("cms-worker.service", "run_worker"),
        ("cms-scheduler.service", "run_scheduler"),
    ):
        argv = shlex.split(read_unit(UNITS / unit_name)["Service"]["ExecStart"])
        assert argv[1:] == ["manage.py", command]
        assert f"manage.py {command}" in makefile


def test_command_check_refuses_what_the_repository_lacks():
    assert not command_exists([f"{INSTALL_DIR}/.venv/bin/python", "manage.py", "run_wroker"])
    assert not command_exists([f"{INSTALL_DIR}/.venv/bin/uvicorn", "frontend.app:application"])
    assert not command_exists([f"{INSTALL_DIR}/.venv/bin/gunicorn", "cms.wsgi_missing"])
    assert not command_exists(["/usr/local/bin/gunicorn", "cms.wsgi"])


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_systemd_analyze_verify_accepts_the_units(tmp_path):
    # Installed at the repository instead of /srv/cms, so that systemd finds the programs.
    env_file = tmp_path / "cms.env"
    env_file.write_text("SECRET_KEY=verify\n")
    for path in UNITS.glob("*.service"):
        name = path.name.replace("@.service", "@8000.service")
        text = path.read_text().replace(INSTALL_DIR, str(ROOT))
        (tmp_path / name).write_text(text.replace("/etc/cms/cms.env", str(env_file)))
    result = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.glob("*.service"))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "ignoring" not in result.stderr, result.stderr
