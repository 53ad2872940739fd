"""Benchmark of the admin at size: the explorer, the page search and the page editor.

    .venv/bin/python bench/admin.py --n 2000      # smoke run: 1,000 articles per section
    .venv/bin/python bench/admin.py --n 100000    # a section of 50,000 articles

Seeds N articles (bench/api.py's bulk seeder) shared between two sections, so one section
holds N/2, and the first article has 10 images in its body; builds the admin's search index
with the project's settings (the accent-folding configuration). Then, signed in as a
superuser and as a section editor (group "Biên tập viên", with an authenticator, as the
two-factor policy asks), it requests through the full Django stack in this process (DEBUG
off): the explorer of the big section (its first page of children), the admin's page search,
and the editor of the article with 10 images. Prints the server time per request (median and
slowest of --repeat, after one request to warm up) and the queries each request makes
(counted once, apart from the timed requests). Needs PostgreSQL on 127.0.0.1:5432 (user
postgres, trust).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import PYTHON, migrate, recreate_database, run, run_live  # noqa: E402
from bench.common import environment as base_environment  # noqa: E402

TARGET_MS = 300


def environment(args) -> dict[str, str]:
    """The project's settings (the admin's own search backend), the test client's host."""
    return base_environment(args.db, args.var, ALLOWED_HOSTS="127.0.0.1,localhost,testserver")


def seed_and_index(n: int) -> None:
    """Inside Django: n articles in two sections, then the admin's search index."""
    from django.core.management import call_command
    from django.db import connection

    from bench.api import seed
    from bench.search import cached_text

    seed(n, texts=cached_text, section_count=2)
    started = time.perf_counter()
    # Wagtail's index only: the admin searches it; the reader search's documents are not used.
    call_command("wagtail_update_index", verbosity=0)
    print(f"admin search index in {time.perf_counter() - started:.1f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def users() -> dict:
    """A superuser and a section editor, each with a confirmed authenticator."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.editorial.roles import SECTION_EDITORS

    user_model = get_user_model()
    superuser = user_model.objects.filter(username="bench-admin").first()
    if superuser is None:
        superuser = user_model.objects.create_superuser("bench-admin", "a@example.vn", "x")
    editor = user_model.objects.filter(username="bench-editor").first()
    if editor is None:
        editor = user_model.objects.create_user("bench-editor", "e@example.vn", "x")
        editor.groups.add(Group.objects.get(name=SECTION_EDITORS))
    return {"superuser": superuser, "section editor": editor}


def signed_in(user):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="bench", confirmed=True
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def measure(client, url: str, repeat: int) -> dict:
    from django.db import connection

    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        times.append(1000 * (time.perf_counter() - started))
    median, slowest = statistics.median(times), max(times)
    return {"median": median, "max": slowest, "queries": len(queries), "sql": queries}


def benchmark(repeat: int, show_queries: bool) -> None:
    """Inside Django: each admin screen, as each user."""
    from wagtail.models import Page

    from home.models import ArticlePage, SectionPage

    section = SectionPage.objects.get(slug="cm-0")
    children = section.get_children().count()
    article = ArticlePage.objects.filter(path__startswith=section.path).order_by("path").first()
    search = quote("cải cách hành chính")
    screens = [
        (f"explorer, section of {children:,} articles", f"/admin/pages/{section.id}/"),
        ('page search "cải cách hành chính"', f"/admin/pages/search/?q={search}"),
        ("editor, article with 10 images", f"/admin/pages/{article.id}/edit/"),
    ]
    print(f"{Page.objects.count():,} pages; {repeat} timed requests each (ms, DEBUG off)")
    header = f"{'screen':42} {'user':15} {'median':>8} {'slowest':>8} {'queries':>8}  target"
    print(header)
    print("-" * len(header))
    for who, user in users().items():
        client = signed_in(user)
        for name, url in screens:
            r = measure(client, url, repeat)
            verdict = "ok" if r["median"] <= TARGET_MS else f"over {TARGET_MS} ms"
            print(
                f"{name:42} {who:15} {r['median']:8.1f} {r['max']:8.1f} {r['queries']:8}  "
                f"{verdict}",
                flush=True,
            )
            if show_queries:
                for sql in r["sql"]:
                    print(f"    {sql[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles (half in one section)")
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per screen")
    parser.add_argument("--db", default="bench_admin")
    parser.add_argument("--var", default="/tmp/bench_admin_var")
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database")
    parser.add_argument("--queries", action="store_true", help="print each screen's queries")
    parser.add_argument("--_seed", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--_measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._seed is not None or args._measure:
        import django

        django.setup()
        if args._seed is not None:
            seed_and_index(args._seed)
        else:
            benchmark(args.repeat, args.queries)
        return

    env = environment(args)
    if not args.reuse:
        recreate_database(args.db, env)
        migrate(env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        print(f"seeding {args.n} articles ...", flush=True)
        print(run([PYTHON, "bench/admin.py", "--_seed", str(args.n)], env).strip(), flush=True)
    command = [PYTHON, "bench/admin.py", "--_measure", "--repeat", str(args.repeat)]
    run_live(command + (["--queries"] if args.queries else []), env)


if __name__ == "__main__":
    main()
