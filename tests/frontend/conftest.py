"""The real stack for browser tests: the CMS with the demo site and the frontend, each in a
subprocess on a free port, and Debian's chromium driven by Playwright.

The CMS gets its own SQLite database in a temporary VAR_DIR (never the test database, and
never PostgreSQL even when DATABASE_URL is set), filled by ``manage.py load_demo``. Migrating
and loading the demo take about a minute, so they run once per test session (and per
``cms_env``) into a template VAR_DIR; each test module's stack starts on its own copy of it
(the database, the media, the key and the file cache: milliseconds), so the modules stay as
isolated from one another as with a demo loaded for each.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
# Variables of the test run that must not leak into the CMS subprocess.
NOT_INHERITED = (
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "AWS_STORAGE_BUCKET_NAME",
    "FRONTEND_URL",
    "CMS_API_URL",
    "TWO_FACTOR_REQUIRED",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} is missing: apt-get install chromium (.ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


# Module scope: the servers and the browser stop when the browser tests are done. Playwright's
# sync API keeps an event loop running in the main thread, which later asyncio.run() calls
# would trip over.
@pytest.fixture(scope="module")
def cms_env() -> dict[str, str]:
    """Settings of the CMS subprocess beyond `make run`'s; a test module overrides this
    fixture to run the stack otherwise (e.g. TWO_FACTOR_REQUIRED)."""
    return {}


def cms_subprocess_env(var_dir: Path, cms_env: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(VAR_DIR=str(var_dir), DJANGO_DEBUG="1", PYTHONUNBUFFERED="1", **cms_env)
    return env


MANAGE = [sys.executable, str(ROOT / "manage.py")]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Callable[[dict[str, str]], Path]:
    """demo_template(cms_env) -> a VAR_DIR after `migrate` and `load_demo` (which also runs
    the tasks the demo queued) under that environment, built on the first call of the test
    session with that environment. Never started as a server: a stack works on a copy."""
    templates: dict[tuple[tuple[str, str], ...], Path] = {}

    def template(cms_env: dict[str, str]) -> Path:
        key = tuple(sorted(cms_env.items()))
        if key not in templates:
            root = tmp_path_factory.mktemp("cms-demo-template")
            var_dir = root / "var"
            env = cms_subprocess_env(var_dir, cms_env)
            with open(root / "build.log", "w") as log:
                for command in (["migrate", "--noinput", "-v0"], ["load_demo", "-v0"]):
                    subprocess.run(
                        MANAGE + command, cwd=ROOT, env=env, check=True, stdout=log, stderr=log
                    )
            templates[key] = var_dir
        return templates[key]

    return template


@pytest.fixture(scope="module")
def stack(tmp_path_factory, cms_env, demo_template) -> Iterator[dict[str, str]]:
    """{"cms": "http://127.0.0.1:port", "frontend": "http://127.0.0.1:port"}, demo loaded,
    in a VAR_DIR of this module's own (a copy of the session's demo template)."""
    require_chromium()
    var_dir = tmp_path_factory.mktemp("cms-var")
    shutil.copytree(demo_template(cms_env), var_dir, dirs_exist_ok=True)
    env = cms_subprocess_env(var_dir, cms_env)
    log = open(var_dir / "cms.log", "w")  # noqa: SIM115 (kept open for the subprocess)
    cms_port, frontend_port = free_port(), free_port()
    cms_url, frontend_url = f"http://127.0.0.1:{cms_port}", f"http://127.0.0.1:{frontend_port}"
    cms = subprocess.Popen(
        MANAGE + ["runserver", "--noreload", f"127.0.0.1:{cms_port}"],
        cwd=ROOT,
        # As `make run`: the editor's previews open the draft in the frontend.
        env={**env, "FRONTEND_URL": frontend_url},
        stdout=log,
        stderr=log,
    )
    # As `make run`: the background worker (renditions, search index, e-mails) beside the CMS.
    worker = subprocess.Popen(MANAGE + ["run_worker"], cwd=ROOT, env=env, stdout=log, stderr=log)
    frontend_env = {**env, "CMS_API_URL": f"{cms_url}/api/v2", "FRONTEND_URL": frontend_url}
    frontend = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "frontend.app:app",
            "--port",
            str(frontend_port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=frontend_env,
        stdout=log,
        stderr=log,
    )
    try:
        wait_for(f"{cms_url}/api/v2/menu/", cms)
        wait_for(f"{frontend_url}/healthz", frontend)
        yield {"cms": cms_url, "frontend": frontend_url, "log": str(var_dir / "cms.log")}
    finally:
        for process in (frontend, worker, cms):
            process.terminate()
            process.wait(timeout=10)
        log.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A browser test that fails shows what the servers logged last and keeps a screenshot of
    the tab (test-artifacts/failed-<test>.png): a failure seen only in CI can be read there."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    stack_info = item.funcargs.get("stack")
    if stack_info:
        lines = Path(stack_info["log"]).read_text(errors="replace").splitlines()
        tail = "\n".join(lines[-80:])
        report.sections.append(("CMS, worker and frontend log (last 80 lines)", tail))
    tab = item.funcargs.get("page")
    if tab is not None:
        try:
            ARTIFACTS.mkdir(exist_ok=True)
            tab.screenshot(path=str(ARTIFACTS / f"failed-{item.name}.png"), full_page=True)
        except Exception as error:  # the tab may be gone; the log above still says what it can
            report.sections.append(("screenshot", f"none: {error}"))


@pytest.fixture(scope="module")
def browser(stack):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Every Content-Security-Policy violation in any frame of the tab, reported to the test.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCSPViolation(
    `${event.violatedDirective} blocked ${event.blockedURI} (${event.sample}) ` +
    `at ${event.sourceFile}:${event.lineNumber} on ${document.location.href}`
  );
}, true);
"""

# Wagtail's unsaved-changes controller takes its first snapshot of the editor's form 2 s after
# the form appears (UnsavedController.initialDelayValue) and announces it as
# `w-unsaved:watch-edits`. Keys typed before that are part of the snapshot, so they are no
# change and no autosave follows: a test that types at once after the page loads races it (CI
# lost that race under load). A person never starts typing that fast; a test waits for it.
RECORD_EDITS_WATCHED = """
document.addEventListener("w-unsaved:watch-edits", () => {
  document.documentElement.dataset.editsWatched = "true";
});
"""


@pytest.fixture
def expected_console_errors() -> list[str]:
    """Console errors a test provokes on purpose, as exact texts (e.g. the 400 of an autosave
    it makes fail); the test appends them and checks the cause itself."""
    return []


@pytest.fixture
def page(browser, expected_console_errors):
    """A fresh desktop-size tab; fails the test on any console error or CSP violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    violations: list[str] = []
    context.expose_function("reportCSPViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.add_init_script(RECORD_EDITS_WATCHED)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert violations == [], f"Content-Security-Policy violations: {violations}"
    # Chromium also reports them in the console; this names them when the event did not fire.
    csp_errors = [e for e in errors if "Content Security Policy" in e]
    assert csp_errors == [], f"Content-Security-Policy errors in the console: {csp_errors}"
    errors = [e for e in errors if e not in expected_console_errors]
    assert errors == [], f"console errors: {errors}"


def wait_until_edits_are_watched(tab) -> None:
    """Wait until Wagtail watches the editor's form for changes (see RECORD_EDITS_WATCHED)."""
    # A selector, not wait_for_function: the admin's policy forbids the eval that would need.
    tab.locator("html[data-edits-watched]").wait_for(state="attached", timeout=15_000)


def open_chooser(tab, button) -> None:
    """Click a chooser's button and wait until its modal is shown.

    Wagtail's modal workflow disables the button while it fetches the chooser, and shows the
    modal when the answer comes. Once in CI (under load) the modal never came and the button
    was not known to have been disabled: if the button is still enabled 10 s after the click,
    the click is taken as lost and made once more, as a person would, with a warning in the
    test's output; a button that is disabled is waited for.
    """
    modal = tab.locator(".modal-dialog")
    button.click()
    try:
        expect(modal).to_be_visible(timeout=10_000)
        return
    except AssertionError:
        if button.is_enabled():
            warnings.warn("a chooser did not open on the first click; clicked again", stacklevel=2)
            button.click()
    expect(modal).to_be_visible(timeout=30_000)


def screenshot(tab, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
