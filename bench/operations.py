"""Operations benchmark (issue 18): what readers get while a part fails, how fast a publish
reaches the other app server, what the worker saves the publish, and how long a restore takes.

    .venv/bin/python bench/operations.py                # the issue's table (10,000 articles)
    .venv/bin/python bench/operations.py --quick        # smoke run: 50 articles, 3 s loads

Prints one table:

- requests and non-2xx answers (wrk on loopback, 4 connections) on the article listing while
  Redis is cut for a third of the run (gunicorn, REDIS_URL through a TCP relay that is
  closed and reopened), and while the database is cut for 2 s ("restarted": the same relay
  in front of PostgreSQL, as tests/operations/test_database_restart.py), with the time from
  its return to the first 200;
- time from publish (the revision's publish committed) to the article's detail answering
  200 on a second app server sharing PostgreSQL and Redis;
- time of publishing an article with 10 new body images with the tasks run in the request
  (before the worker) and queued for the worker (after), both in process;
- ``restore_site`` time into an empty database and media folder, for the demo site and for
  N articles (bench/api.py's generator).

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust), Redis on 127.0.0.1:6379 (DB 13 is
used), wrk (`apt-get install wrk`). Reuses the tests' TCP relay (tests/operations/relay.py).
Not a test: run it alone, the numbers of a busy machine mean little.
"""

import argparse
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import (  # noqa: E402
    PYTHON,
    ROOT,
    environment,
    free_port,
    migrate,
    recreate_database,
    run,
    start_server,
    stop,
)
from tests.operations.relay import Relay  # noqa: E402

LISTING = "/api/v2/pages/?type=article&limit=20"
REDIS = ("127.0.0.1", 6379)
POSTGRES = ("127.0.0.1", 5432)

# Run in the Django process by `manage.py shell -c` (the bench itself imports no Django).
PUBLISH = """
import time, io
from django.test import override_settings
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from home.models import ArticlePage, SectionPage

def images(tag):
    made = []
    for i in range(10):
        buffer = io.BytesIO()
        Image.new("RGB", (2400, 1600), (i * 20, 90, 140)).save(buffer, format="JPEG")
        made.append(get_image_model().objects.create(
            title=f"Ảnh {tag} {i}", file=ImageFile(buffer, name=f"{tag}{i}.jpg")))
    return made

def publish(tag):
    section = SectionPage.objects.live().first()
    body = [("image", {"image": im, "caption": "", "credit": ""}) for im in images(tag)]
    article = ArticlePage(title=f"Bài {tag}", lead="Sapo", body=body)
    section.add_child(instance=article)
    revision = article.save_revision()
    started = time.perf_counter()
    revision.publish()
    elapsed = time.perf_counter() - started
    renditions = sum(im.renditions.count() for im in get_image_model().objects.filter(
        title__startswith=f"Ảnh {tag} "))
    return elapsed, renditions

with override_settings(TASKS={"default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}):
    before, made_before = publish("before")
after, made_after = publish("after")
print(f"BEFORE={before:.3f} RENDITIONS_BEFORE={made_before}")
print(f"AFTER={after:.3f} RENDITIONS_AFTER={made_after}")
"""

PUBLISH_DRAFT = """
import time
from home.models import ArticlePage, SectionPage
section = SectionPage.objects.live().first()
article = ArticlePage(title="Bài mới cho máy chủ thứ hai", lead="Sapo", live=False)
section.add_child(instance=article)
revision = article.save_revision()
print(f"ID={article.id}", flush=True)
input()
revision.publish()
print(f"PUBLISHED={time.time():.6f}", flush=True)
"""


def gunicorn(env: dict[str, str], port: int) -> subprocess.Popen:
    command = [PYTHON, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--worker-class", "gthread", "--threads", "4"]
    command += ["--graceful-timeout", "2", "--log-level", "warning"]
    return start_server(
        command,
        f"http://127.0.0.1:{port}/healthz",
        env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def status_of(url: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def wrk(url: str, duration: int) -> tuple[int, int]:
    """(requests, non-2xx-or-3xx answers and socket errors) of a wrk run."""
    output = subprocess.run(
        ["wrk", "-t2", "-c4", f"-d{duration}s", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failed = int(errors.group(1)) if errors else 0
    if socket_errors:
        failed += sum(int(n) for n in socket_errors.groups())
    return requests, failed


def cut_during(relay: Relay, start: float, seconds: float) -> threading.Thread:
    def cut() -> None:
        time.sleep(start)
        relay.close()
        time.sleep(seconds)
        relay.open()

    thread = threading.Thread(target=cut, daemon=True)
    thread.start()
    return thread


def redis_outage(env: dict[str, str], args) -> dict:
    relay = Relay(REDIS)
    relay.open()
    port = free_port()
    server = gunicorn({**env, "REDIS_URL": f"redis://127.0.0.1:{relay.port}/13"}, port)
    try:
        status_of(f"http://127.0.0.1:{port}{LISTING}")
        cutter = cut_during(relay, args.duration / 3, args.duration / 3)
        requests, failed = wrk(f"http://127.0.0.1:{port}{LISTING}", args.duration)
        cutter.join()
    finally:
        stop(server)
        relay.close()
    return {"requests": requests, "failed": failed}


def database_restart(env: dict[str, str], args) -> dict:
    relay = Relay(POSTGRES)
    relay.open()
    port = free_port()
    database = env["DATABASE_URL"].rsplit("/", 1)[1]
    server = gunicorn(
        {
            **env,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{relay.port}/{database}",
            "API_RESPONSE_CACHE": "0",  # every request asks the database
            "DB_CONNECT_TIMEOUT": "2",
        },
        port,
    )
    url = f"http://127.0.0.1:{port}{LISTING}"
    recovery: list[float] = []

    def cut_and_time_recovery() -> None:
        time.sleep(args.duration / 3)
        relay.close()
        time.sleep(2)
        relay.open()
        returned = time.monotonic()
        while status_of(url, timeout=2) != 200 and time.monotonic() - returned < 30:
            time.sleep(0.02)
        recovery.append(time.monotonic() - returned)

    try:
        status_of(url)
        cutter = threading.Thread(target=cut_and_time_recovery, daemon=True)
        cutter.start()
        requests, failed = wrk(url, args.duration)
        cutter.join()
    finally:
        stop(server)
        relay.close()
    return {"requests": requests, "failed": failed, "recovery_s": recovery[0]}


def read_value(stream, key: str) -> str:
    """The value of the next ``KEY=value`` line (the shell prints other lines first)."""
    for line in stream:
        if line.startswith(f"{key}="):
            return line.strip().split("=", 1)[1]
    raise RuntimeError(f"no {key}= line")


def publish_to_second_server(env: dict[str, str]) -> float:
    shared = {**env, "REDIS_URL": "redis://127.0.0.1:6379/13", "CACHE_KEY_PREFIX": "bench-ops"}
    first, second = free_port(), free_port()
    servers = [gunicorn(shared, first), gunicorn(shared, second)]
    shell = subprocess.Popen(
        [PYTHON, "manage.py", "shell", "-c", PUBLISH_DRAFT],
        cwd=ROOT,
        env=shared,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        page_id = int(read_value(shell.stdout, "ID"))
        url = f"http://127.0.0.1:{second}/api/v2/pages/{page_id}/"
        # Each gunicorn worker loads the URLconf and the API's modules on its first request:
        # warm every worker of both servers so that the figure is the publish, not a cold start.
        warm = [f"http://127.0.0.1:{port}{LISTING}" for port in (first, second)] * 8
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(status_of, warm))
        before = status_of(url, timeout=30)
        if before != 404:  # (and so cached on the second server)
            raise RuntimeError(f"the draft answers {before} on the second app server, not 404")
        shell.stdin.write("\n")
        shell.stdin.flush()
        published = float(read_value(shell.stdout, "PUBLISHED"))
        while status_of(url) != 200:
            if time.time() - published > 30:
                raise RuntimeError("not visible on the second app server within 30 s")
            time.sleep(0.01)
        return time.time() - published
    finally:
        shell.stdin.close()
        shell.wait(timeout=30)
        for server in servers:
            stop(server)


def publish_with_images(env: dict[str, str]) -> dict:
    output = run([PYTHON, "manage.py", "shell", "-c", PUBLISH], env)
    values = dict(re.findall(r"(\w+)=([\d.]+)", output))
    return {key: float(value) for key, value in values.items()}


def restore_time(env: dict[str, str], var: Path, label: str) -> float:
    """Back up the site of ``env``, then time restore_site into an empty database and VAR_DIR."""
    archive = var / f"{label}.tar.gz"
    run([PYTHON, "manage.py", "backup_site", str(archive)], env)
    target_db = f"{env['DATABASE_URL'].rsplit('/', 1)[1]}_restored"
    target = environment(target_db, str(var / f"{label}-restored"))
    recreate_database(target_db, target)
    started = time.perf_counter()
    run([PYTHON, "manage.py", "restore_site", str(archive)], target)
    elapsed = time.perf_counter() - started
    run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE {target_db}"], env)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles to seed")
    parser.add_argument("--duration", type=int, default=15, help="seconds of each wrk run")
    parser.add_argument("--quick", action="store_true", help="50 articles, 3 s runs")
    parser.add_argument("--no-demo", action="store_true", help="skip the demo's restore time")
    parser.add_argument(
        "--parts",
        default="redis,database,publish,worker,restore",
        help="comma-separated parts to run (default: all)",
    )
    parser.add_argument("--db", default="bench_operations")
    parser.add_argument("--var", default="/tmp/bench_operations_var")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.duration = 50, 3
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")

    var = Path(args.var)
    shutil.rmtree(var, ignore_errors=True)
    var.mkdir(parents=True)
    env = environment(args.db, str(var / "site"))
    recreate_database(args.db, env)
    migrate(env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    print(run([PYTHON, "bench/api.py", "--_seed", str(args.articles)], env).splitlines()[0])
    rows = []
    parts = set(args.parts.split(","))
    if "redis" in parts:
        redis = redis_outage(env, args)
        rows.append(
            (
                f"Redis cut for {args.duration / 3:.0f} s of {args.duration} s under load",
                f"{redis['requests']} requests, {redis['failed']} non-2xx/errors",
            )
        )
    if "database" in parts:
        restart = database_restart(env, args)
        rows.append(
            (
                f"database cut for 2 s of {args.duration} s under load (API cache off)",
                f"{restart['requests']} requests, {restart['failed']} non-2xx/errors; "
                f"first 200 {restart['recovery_s']:.2f} s after its return",
            )
        )
    if "publish" in parts:
        rows.append(
            ("publish → visible on the second app server", f"{publish_to_second_server(env):.3f} s")
        )
    if "worker" in parts:
        published = publish_with_images(env)
        rows.append(
            (
                "publish with 10 images (2400×1600), tasks in the request",
                f"{published['BEFORE']:.2f} s "
                f"({published['RENDITIONS_BEFORE']:.0f} renditions made)",
            )
        )
        rows.append(
            (
                "publish with 10 images, tasks queued for the worker",
                f"{published['AFTER']:.2f} s ({published['RENDITIONS_AFTER']:.0f} renditions made)",
            )
        )
    if "restore" in parts:
        rows.append(
            (
                f"restore_site, {args.articles} articles",
                f"{restore_time(env, var, 'articles'):.1f} s",
            )
        )
    if "restore" in parts and not args.no_demo:
        demo_db = f"{args.db}_demo"
        demo = environment(demo_db, str(var / "demo"))
        recreate_database(demo_db, demo)
        migrate(demo)
        run([PYTHON, "manage.py", "load_demo", "--force"], demo)
        rows.append(("restore_site, the demo site", f"{restore_time(demo, var, 'demo'):.1f} s"))
        run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE {demo_db}"], env)

    width = max(len(name) for name, _ in rows)
    print(f"\n| {'measure'.ljust(width)} | result |\n|{'-' * (width + 2)}|---|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
