"""Benchmark of the change feed: a portal's full initial sync and an incremental sync.

    .venv/bin/python bench/sync.py                  # 100,000 articles, 1,000 changes
    .venv/bin/python bench/sync.py --n 10000 --changes 500 --limit 500

Seeds N articles in bulk (bench/api.py's seeder) into a fresh PostgreSQL database, then, in
one process through Django's test client (the app's cost, without network): syncs a
consumer from no cursor (the snapshot: every public page in the API's detail shape), makes
CHANGES real changes with Wagtail (republish 80 %, unpublish 10 %, retract 10 %; each
records its event in its transaction), and syncs again from the stored cursor. Prints time,
items/s, queries per item and the app process's CPU time (items per CPU-second does not
depend on what else the machine runs; PostgreSQL's share is not in it). Needs PostgreSQL
on 127.0.0.1:5432 (user postgres, trust).
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import (  # noqa: E402
    PYTHON,
    analyze,
    migrate,
    recreate_database,
    run,
    run_live,
)
from bench.common import environment as base_environment  # noqa: E402


def environment(args) -> dict[str, str]:
    """The production settings; one consumer's key is never rate-limited here."""
    return base_environment(
        args.db,
        args.var,
        CMS_BASE_URL="http://127.0.0.1",
        SYNDICATION_RATE_LIMIT="1000000",
    )


def sync(
    client, key: str, cursor: str | None, limit: int, progress: int = 0
) -> tuple[str, int, int]:
    """Run a consumer to the end of the feed; (cursor, items, requests)."""
    items = requests = 0
    progress_started = time.perf_counter()
    while True:
        params = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = client.get("/api/v2/changes/", params, HTTP_AUTHORIZATION=f"Bearer {key}")
        assert response.status_code == 200, response.content[:300]
        data = response.json()
        items += len(data["items"])
        requests += 1
        if progress and requests % progress == 0:
            elapsed = time.perf_counter() - progress_started
            print(f"  … {items} items, {elapsed:.0f} s, {items / elapsed:.0f} items/s", flush=True)
        cursor = data["next_cursor"]
        if not data["has_more"]:
            return cursor, items, requests


def measure(args) -> None:
    """Runs inside Django, on the seeded database."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from cms.editorial import retraction
    from cms.syndication.models import APIKey, ChangeEvent
    from home.models import ArticlePage
    from tests.syndication_support import make_api_key

    APIKey.objects.all().delete()
    key = make_api_key("bench")[1]
    client = Client(HTTP_HOST="127.0.0.1")

    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    if args.skip_full:
        # A consumer that is up to date: its cursor is the latest event.
        from cms.syndication.changes import Cursor, latest_event_id

        cursor = Cursor(latest_event_id()).encode()
    else:
        started, cpu_started = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(count):
            cursor, items, requests = sync(client, key, None, args.limit, progress=10)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        print(
            f"full sync:        {items} items in {requests} requests, {elapsed:.1f} s, "
            f"{items / elapsed:.0f} items/s, {queries[0] / max(items, 1):.3f} queries/item; "
            f"app CPU {cpu:.1f} s, {items / cpu:.0f} items per CPU-second",
            flush=True,
        )

    board = get_user_model().objects.filter(is_superuser=True).first()
    if board is None:
        board = get_user_model().objects.create_superuser("bench", "b@example.com", "x")
    ids = list(
        ArticlePage.objects.filter(live=True)
        .order_by("-id")
        .values_list("id", flat=True)[: args.changes]
    )
    before = ChangeEvent.objects.count()
    started = time.perf_counter()
    for i, page_id in enumerate(ids):
        article = ArticlePage.objects.get(id=page_id)
        if i % 10 == 8:
            article.unpublish()
        elif i % 10 == 9:
            retraction.retract(article, board, "Sai số liệu")
        else:
            article.title = f"{article.title} (cập nhật)"
            article.save_revision().publish()
    made = time.perf_counter() - started
    events = ChangeEvent.objects.count() - before
    print(f"changes made:     {len(ids)} changes, {events} events, {made:.1f} s", flush=True)

    queries[0] = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count):
        cursor, items, requests = sync(client, key, cursor, args.limit)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"incremental sync: {items} items in {requests} requests, {elapsed:.2f} s, "
        f"{items / elapsed:.0f} items/s, {queries[0] / max(items, 1):.3f} queries/item; "
        f"app CPU {cpu:.1f} s, {items / cpu:.0f} items per CPU-second",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles to seed")
    parser.add_argument("--changes", type=int, default=1000, help="changes to sync")
    parser.add_argument("--limit", type=int, default=500, help="items per request")
    parser.add_argument("--db", default="bench_sync")
    parser.add_argument("--var", default="/tmp/bench_sync_var")
    parser.add_argument(
        "--reuse", action="store_true", help="measure on the database seeded by a previous run"
    )
    parser.add_argument(
        "--skip-full", action="store_true", help="measure only the incremental sync"
    )
    parser.add_argument("--_measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._measure:
        measure(args)
        return
    env = environment(args)
    if not args.reuse:
        recreate_database(args.db, env)
    migrate(env)
    if not args.reuse:
        seeded = run([PYTHON, "bench/api.py", "--_seed", str(args.n)], env)
        print(seeded.splitlines()[0], flush=True)
        analyze(args.db, env)
    run_live(
        [PYTHON, "bench/sync.py", "--_measure", "--limit", str(args.limit)]
        + ["--changes", str(args.changes)]
        + (["--skip-full"] if args.skip_full else []),
        env,
    )


if __name__ == "__main__":
    main()
