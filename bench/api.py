"""Benchmark of the reader API against Wagtail's stock pages API and a bare Django view.

    .venv/bin/python bench/api.py                 # 10,000 articles
    .venv/bin/python bench/api.py --n 100000 --duration 10

Seeds N articles of varied Vietnamese text (cover images, bylines, tags; one article with 10
body images) in bulk into a fresh PostgreSQL database, builds our search documents and
Wagtail's stock search index (Wagtail's default configuration), serves it with gunicorn
(DEBUG off, several workers) and loads each case on loopback with wrk (Debian's `wrk`):
one URL, and a trace of many URLs replayed by bench/trace.lua (home and section listing
pages, articles, the 20 search queries of bench/search.py; popular ones more often).

Each case runs on five servers, one after the other, all with the same settings but these:

    warm       response cache off; listing-item and body caches on and warmed by the
               same requests (what the site costs once it has been read for a while)
    cold       every cache off: response, listing items, body (API_*_CACHE=0)
    published  every cache on, but each request comes just after a publish: nothing
               cached for it (bench/after_publish.py)
    cached     every cache on: the same listing again, and its 304
    stock      Wagtail's stock pages API and search backend, settings as Wagtail ships them

Two more figures come from those servers: the warm server's workers' memory (RSS) while a
mixed trace (listings, articles, searches) replays 10,000 requests, and the reader
frontend's page with its own cache off in front of the "published" server (CPU of the
frontend, the app server and PostgreSQL per page: a page just after a publish).

Prints requests/s, p50/p99 latency and CPU time per request: the gunicorn processes (from
/proc) plus the PostgreSQL backends serving them, then one table with the ratios against
stock (stock runs with one wrk connection per worker and at least 10 s, its requests taking
up to seconds: compare its CPU, not its latency). Only ratios from one run compare, this
machine is noisy. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
"""

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import (  # noqa: E402
    PYTHON,
    ROOT,
    cpu_seconds,
    database_cpu,
    database_cpu_since,
    free_port,
    migrate,
    recreate_database,
    run,
    start_server,
    stop,
)
from bench.common import environment as base_environment  # noqa: E402

# The servers measured (see the module's docstring): their settings beside the shared ones.
SERVERS = {
    "warm": {"API_RESPONSE_CACHE": "0"},
    "cold": {"API_RESPONSE_CACHE": "0", "API_SUMMARY_CACHE": "0", "API_BODY_CACHE": "0"},
    "published": {"BENCH_AFTER_PUBLISH": "1"},
    "cached": {},
    "stock": {"API_RESPONSE_CACHE": "0"},
}


def environment(args, server: str = "warm") -> dict[str, str]:
    """bench/search_settings.py (Wagtail's stock search backend for the stock API; ours
    does not use it) with the server's cache settings."""
    return base_environment(args.db, args.var, settings="bench.search_settings", **SERVERS[server])


def seed(n: int, texts=None, section_count: int = 5) -> list:
    """Runs inside Django: the tree is built with bulk inserts, not page.save().

    ``texts(i)`` may give article i's (title, lead, body HTML); bench/search.py varies them.
    The articles are shared in turn among ``section_count`` sections (slugs cm-0, cm-1, …).
    Returns the pages created.
    """
    import datetime
    import io
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.core.files.images import ImageFile
    from django.db import connection
    from django.utils import timezone
    from PIL import Image as PILImage
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, Site
    from wagtail.rich_text import RichText

    from home.models import (
        ArticleAuthor,
        ArticlePage,
        ArticleTag,
        Author,
        HomePage,
        SectionPage,
        Tag,
    )

    started = time.perf_counter()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update(root_page=home, hostname="127.0.0.1")
    Page.objects.filter(depth=2).exclude(id=home.id).delete()
    sections = []
    for i in range(section_count):
        section = home.add_child(instance=SectionPage(title=f"Chuyên mục {i}", slug=f"cm-{i}"))
        section.save_revision().publish()
        sections.append(section)
    images = []
    for i in range(20):
        buffer = io.BytesIO()
        PILImage.new("RGB", (1600, 1000), (i * 10, 80, 120)).save(buffer, format="JPEG")
        images.append(
            get_image_model().objects.create(
                title=f"Ảnh {i}", file=ImageFile(buffer, name=f"bench{i}.jpg"), alt_text=f"Ảnh {i}"
            )
        )
    locale = Locale.get_default()
    authors = [Author(name=f"Tác giả {i}", position="Phóng viên", locale=locale) for i in range(20)]
    Author.objects.bulk_create(authors)
    tags = [Tag(name=f"Chủ đề {i}", slug=f"chu-de-{i}") for i in range(50)]
    Tag.objects.bulk_create(tags)
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    pages, details = [], []
    for i in range(n):
        section = sections[i % len(sections)]
        step = i // len(sections) + 1
        slug = f"tin-{i}"
        published = now - datetime.timedelta(minutes=i)
        title = f"Bài viết số {i} về cải cách hành chính và chuyển đổi số trong Đảng"
        if texts is not None:
            title = texts(i)[0]
        pages.append(
            Page(
                title=title,
                draft_title=f"Bài {i}",
                slug=slug,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                url_path=f"{section.url_path}{slug}/",
                depth=section.depth + 1,
                path=Page._get_path(section.path, section.depth + 1, step),
                numchild=0,
                locale=locale,
                translation_key=uuid.uuid4(),
                first_published_at=published,
                last_published_at=published,
            )
        )
    Page.objects.bulk_create(pages, batch_size=2000)
    for section in sections:
        Page.objects.filter(id=section.id).update(
            numchild=(n + len(sections) - 1 - sections.index(section)) // len(sections)
        )
    paragraph = ("paragraph", RichText("<p>Nội dung bài viết.</p>" * 5))
    fields = [f for f in ArticlePage._meta.local_concrete_fields if f.name != "page_ptr"]
    columns = ", ".join(["page_ptr_id"] + [f.column for f in fields])
    placeholders = ", ".join(["%s"] * (len(fields) + 1))
    rows = []
    for i, page in enumerate(pages):
        body = [paragraph] if texts is None else [("paragraph", RichText(texts(i)[2]))]
        if i == 0:  # the detail measured: 10 images in its body
            body += [("image", {"image": img, "caption": "", "credit": ""}) for img in images[:10]]
        article = ArticlePage(
            lead=texts(i)[1]
            if texts is not None
            else "Sapo của bài viết, một đoạn ngắn tóm tắt nội dung chính.",
            cover_image=images[i % len(images)],
            body=body,
            featured=i % 10 == 0,
            publication_date=page.first_published_at,
        )
        rows.append(
            [page.id]
            + [f.get_db_prep_save(getattr(article, f.attname), connection) for f in fields]
        )
        details.append(article)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {ArticlePage._meta.db_table} ({columns}) VALUES ({placeholders})", rows
        )
    ArticleAuthor.objects.bulk_create(
        [
            ArticleAuthor(page_id=p.id, author=authors[i % 20], position="Phóng viên", sort_order=0)
            for i, p in enumerate(pages)
        ],
        batch_size=5000,
    )
    ArticleTag.objects.bulk_create(
        [ArticleTag(content_object_id=p.id, tag=tags[i % 50]) for i, p in enumerate(pages)],
        batch_size=5000,
    )
    # Bulk inserts leave the planner without statistics (autovacuum gets to it some time
    # later): it would guess a section holds 3 articles and plan accordingly, unlike any
    # database that has been in use for a while.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"seeded {n} articles in {time.perf_counter() - started:.1f} s", flush=True)
    print(f"DETAIL_ID={pages[0].id}", flush=True)
    return pages


def prepare(n: int, var: Path) -> None:
    """Inside Django: seed varied articles, build both search indexes, note the ids."""
    from django.core.management import call_command
    from django.db import connection

    from bench.search import cached_text
    from cms.search.index import rebuild
    from home.models import SectionPage

    started = time.perf_counter()
    pages = seed(n, texts=cached_text)
    seeded = time.perf_counter() - started
    started = time.perf_counter()
    count = rebuild(batch_size=1000)
    ours = time.perf_counter() - started
    print(f"our search index: {count} documents in {ours:.1f} s", flush=True)
    started = time.perf_counter()
    # Wagtail's own command: ours (update_index) would rebuild our documents again.
    call_command("wagtail_update_index", verbosity=0)
    stock = time.perf_counter() - started
    print(f"stock search index in {stock:.1f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(
        f"per 1,000 articles: seeding {1000 * seeded / n:.2f} s, our index "
        f"{1000 * ours / n:.2f} s, stock index {1000 * stock / n:.2f} s",
        flush=True,
    )
    sections = dict(SectionPage.objects.values_list("slug", "id"))
    ids = {"detail": pages[0].id, "articles": [p.id for p in pages], "sections": sections}
    (var / "seed.json").write_text(json.dumps(ids))


STOCK_FIELDS = "fields=lead,date_line,thumbnail,bylines,featured"
# Stock's listing in our order (newest first), with the fields of our listing items.
STOCK_LISTING = (
    f"/bench/stock/pages/?type=home.ArticlePage&{STOCK_FIELDS}&order=-first_published_at"
)


def traces(ids: dict, n: int, length: int = 2000) -> dict[str, dict[str, list[str]]]:
    """Replayed paths by case, ours and stock's: the same pages in the same order.

    Readers favour recent articles and first pages: the article or page at rank r (0 the
    newest) is picked with the cube of a uniform number, so half the picks fall in the
    newest eighth."""
    from bench.search import QUERIES

    rng = random.Random(21)
    sections = sorted(ids["sections"].items())
    listing = {"ours": [], "stock": []}
    for _ in range(length):
        if rng.random() < 0.4:
            offset = 20 * int(n // 20 * rng.random() ** 3)
            listing["ours"].append(f"/api/v2/pages/?type=article&offset={offset}")
            listing["stock"].append(f"{STOCK_LISTING}&offset={offset}")
        else:
            slug, section_id = rng.choice(sections)
            offset = 20 * int(n // len(sections) // 20 * rng.random() ** 3)
            listing["ours"].append(f"/api/v2/pages/?type=article&section={slug}&offset={offset}")
            listing["stock"].append(f"{STOCK_LISTING}&child_of={section_id}&offset={offset}")
    articles = ids["articles"]
    picked = [articles[int(len(articles) * rng.random() ** 3)] for _ in range(length)]
    detail = {
        "ours": [f"/api/v2/pages/{i}/" for i in picked],
        "stock": [f"/bench/stock/pages/{i}/" for i in picked],
    }
    queries = [urllib.parse.quote(q) for q in QUERIES]
    search = {
        "ours": [f"/api/v2/pages/?type=article&search={q}" for q in queries],
        "stock": [f"/bench/stock/pages/?type=home.ArticlePage&search={q}" for q in queries],
    }
    return {"listing": listing, "detail": detail, "search": search}


def traces_ours(files: dict, kind: str) -> list[str]:
    return files[(kind, "ours")].read_text().split()


def cases(ids: dict, n: int) -> list[tuple[str, str, str | None]]:
    """(name, our path, stock's path or None); "trace:<name>" replays that trace."""
    middle = 20 * (n // 40)
    deep = max(0, min(1000, n // len(ids["sections"]) - 20))
    cm1 = ids["sections"]["cm-1"]
    detail = ids["detail"]
    search = "search=c%E1%BA%A3i%20c%C3%A1ch"
    return [
        ("listing, home page 1", "/api/v2/pages/?type=article", STOCK_LISTING),
        (
            f"listing, home offset {middle}",
            f"/api/v2/pages/?type=article&offset={middle}",
            f"{STOCK_LISTING}&offset={middle}",
        ),
        (
            f"listing, section offset {deep}",
            f"/api/v2/pages/?type=article&section=cm-1&offset={deep}",
            f"{STOCK_LISTING}&child_of={cm1}&offset={deep}",
        ),
        ("listing, trace (home, sections)", "trace:listing", "trace:listing"),
        ("detail, 10 images", f"/api/v2/pages/{detail}/", f"/bench/stock/pages/{detail}/"),
        ("detail, trace (articles)", "trace:detail", "trace:detail"),
        ("tag filter", "/api/v2/pages/?type=article&tag=chu-de-7", None),
        (
            'search "cải cách"',
            f"/api/v2/pages/?type=article&{search}",
            f"/bench/stock/pages/?type=home.ArticlePage&{search}",
        ),
        ("search, trace (20 queries)", "trace:search", "trace:search"),
    ]


def start_gunicorn(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    command = [str(ROOT / ".venv/bin/gunicorn"), "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning"]
    return start_server(command, f"http://127.0.0.1:{port}/bench/floor/", env)


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def _wrk(
    args, url: str, duration: int, headers=(), trace: Path | None = None, connections: int = 0
) -> str:
    # Stock's deep offsets and searches take seconds at 100,000: wrk's 2 s default would
    # count them as timeouts and leave their CPU with the requests that finished.
    connections = connections or args.connections
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s"]
    command += ["--timeout", "60s"]
    command.append("--latency")
    for header in headers:
        command += ["-H", header]
    if trace is not None:
        command += ["-s", str(ROOT / "bench/trace.lua"), url, "--", str(trace)]
    else:
        command.append(url)
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def measure(server, url: str, args, headers=(), trace: Path | None = None, slow=False) -> dict:
    """wrk on one URL (after 3 requests) or on a trace (after replaying it for 2 s), and the
    CPU the app server and its PostgreSQL backends spent meanwhile.

    ``slow`` (stock, whose requests take up to seconds at 100,000): one connection per
    worker and at least 10 s, so that requests queued behind others neither outlast the
    run nor leave their CPU to the ones that finished."""
    duration = max(args.duration, 10) if slow else args.duration
    connections = args.workers if slow else args.connections
    if trace is None:
        for _ in range(3):
            request = urllib.request.Request(url, headers=dict(h.split(": ", 1) for h in headers))
            try:
                urllib.request.urlopen(request, timeout=120).read()
            except urllib.error.HTTPError as e:
                if e.code != 304:
                    raise
    else:
        _wrk(args, url, 2, trace=trace, connections=connections)
    before = cpu_seconds(server.pid, children=True)
    db_before = database_cpu(args.db)
    output = _wrk(args, url, duration, headers, trace, connections)
    app = cpu_seconds(server.pid, children=True) - before
    db = database_cpu_since(args.db, db_before)
    requests = _requests(output)
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.M))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        # No request finished (a stall longer than --duration): no figure rather than a wrong one.
        "cpu_ms": 1000 * (app + db) / requests if requests else float("nan"),
        "db_ms": 1000 * db / requests if requests else float("nan"),
        "errors": _errors(output),
    }


def _requests(wrk_output: str) -> int:
    return int(re.search(r"(\d+) requests in", wrk_output).group(1))


def _errors(wrk_output: str) -> int:
    """Responses that were not 2xx or 3xx, and timeouts."""
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk_output)
    timeouts = re.search(r"timeout (\d+)", wrk_output)
    return (int(non_2xx.group(1)) if non_2xx else 0) + (int(timeouts.group(1)) if timeouts else 0)


MEMORY_REQUESTS = 10_000


def worker_rss(server) -> list[float]:
    """Resident memory (MB) of each gunicorn worker of ``server``."""
    rss = []
    for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss.append(int(line.split()[1]) / 1024)
    return rss


def measure_memory(server, url: str, args, trace: Path) -> dict:
    """Replay ``trace`` in 5 s rounds until 10,000 requests; the largest worker's RSS
    before and after each round."""
    samples, requests = [max(worker_rss(server))], 0
    for _ in range(60):
        output = _wrk(args, url, 5, trace=trace)
        requests += _requests(output)
        samples.append(max(worker_rss(server)))
        if requests >= MEMORY_REQUESTS:
            break
    print(
        f"memory    mixed trace, {requests} requests: largest worker's RSS "
        + " -> ".join(f"{mb:.0f}" for mb in samples)
        + " MB",
        flush=True,
    )
    return {"requests": requests, "rss": samples}


def measure_frontend(server, api_url: str, args) -> dict:
    """The reader frontend with its own cache off (bench/frontend.py's cold app) in front of
    ``server``: CPU per page of the frontend, the app server and PostgreSQL."""
    from bench.frontend import start as start_frontend

    newest = json.load(urllib.request.urlopen(f"{api_url}/pages/?type=article&limit=1"))
    frontend, url = start_frontend(api_url, "cold")
    figures = {}
    try:
        for page, path in (("home", "/"), ("article", newest["items"][0]["path"])):
            for _ in range(3):
                urllib.request.urlopen(url + path, timeout=60).read()
            before = cpu_seconds(frontend.pid), cpu_seconds(server.pid, children=True)
            db_before = database_cpu(args.db)
            output = _wrk(args, url + path, args.duration)
            front = cpu_seconds(frontend.pid) - before[0]
            app = cpu_seconds(server.pid, children=True) - before[1]
            db = database_cpu_since(args.db, db_before)
            requests = _requests(output)
            figures[page] = r = {
                "cpu_ms": 1000 * (front + app + db) / requests,
                "parts": [1000 * x / requests for x in (front, app, db)],
                "rps": requests / args.duration,
                "errors": _errors(output),
            }
            print(
                f"frontend  {page} just after a publish: {r['rps']:6.1f} pages/s, cpu "
                f"{r['cpu_ms']:6.2f} ms/page (frontend {r['parts'][0]:.2f}, app "
                f"{r['parts'][1]:.2f}, PostgreSQL {r['parts'][2]:.2f})  errors {r['errors']}",
                flush=True,
            )
    finally:
        stop(frontend)
    return figures


def measure_server(args, name: str, work: list, results: dict) -> None:
    """Start server ``name``, measure its ``work`` [(case, path, headers, trace)], stop it."""
    port = free_port()
    server = start_gunicorn(environment(args, name), port, args.workers)
    try:
        for case, path, headers, trace in work:
            url = f"http://127.0.0.1:{port}" + ("" if trace else path)
            if headers == ("If-None-Match",):
                etag = urllib.request.urlopen(url).headers["ETag"]
                headers = (f"If-None-Match: {etag}",)
            slow = name == "stock" and path != "/bench/floor/"
            r = results[(case, name)] = measure(server, url, args, headers, trace, slow)
            print(
                f"{name:9} {case:34} {r['rps']:8.1f} req/s  p50 {r['p50']:7.2f} ms"
                f"  p99 {r['p99']:7.2f} ms  cpu {r['cpu_ms']:6.2f} ms/req "
                f"(PostgreSQL {r['db_ms']:5.2f})  errors {r['errors']}  "
                f"rss {max(worker_rss(server)):.0f} MB",
                flush=True,
            )
        if name == "warm" and args.mixed_trace is not None:
            results["memory"] = measure_memory(
                server, f"http://127.0.0.1:{port}", args, args.mixed_trace
            )
        if name == "published":
            results["frontend"] = measure_frontend(server, f"http://127.0.0.1:{port}/api/v2", args)
    finally:
        stop(server)


def report(results: dict, case_list: list) -> None:
    """One table: CPU per request (app + PostgreSQL) and how many times ours stock's is."""

    def cell(case: str, server: str) -> str:
        r = results.get((case, server))
        return f"{r['cpu_ms']:8.2f}" if r else f"{'':8}"

    def ratio(case: str, server: str) -> str:
        ours, stock = results.get((case, server)), results.get((case, "stock"))
        return f"{stock['cpu_ms'] / ours['cpu_ms']:6.1f}x" if ours and stock else f"{'':7}"

    print()
    print("CPU ms per request (gunicorn + PostgreSQL); ratios: stock's CPU / ours")
    header = (
        f"{'case':34} | {'warm':>8} {'cold':>8} {'publish':>8} {'stock':>8} | "
        f"{'warm':>7} {'cold':>7} {'publish':>7}"
    )
    print(header)
    print("-" * len(header))
    for case, _, _ in case_list:
        print(
            f"{case:34} | {cell(case, 'warm')} {cell(case, 'cold')} {cell(case, 'published')} "
            f"{cell(case, 'stock')} | {ratio(case, 'warm')} {ratio(case, 'cold')} "
            f"{ratio(case, 'published')}"
        )
    floor = results.get(("floor (bare view)", "stock"))
    for case in ("cached listing", "304 listing"):
        r = results.get((case, "cached"))
        if r and floor:
            print(
                f"{case:34} | {r['cpu_ms']:8.2f} ms, {r['rps']:8.1f} req/s: "
                f"{r['rps'] / floor['rps']:.2f}x the bare view's req/s"
            )
    if floor:
        print(f"{'floor (bare view)':34} | {floor['cpu_ms']:8.2f} ms, {floor['rps']:8.1f} req/s")
    memory = results.get("memory")
    if memory:
        rss = memory["rss"]
        print(
            f"{'worker RSS, mixed trace':34} | {rss[0]:.0f} MB before, {rss[-1]:.0f} MB after "
            f"{memory['requests']} requests (largest {max(rss):.0f} MB)"
        )
    for page, r in results.get("frontend", {}).items():
        print(f"{'frontend ' + page + ' after publish':34} | {r['cpu_ms']:8.2f} ms CPU per page")


def server_work(name: str, case_list: list, files: dict) -> list:
    """What server ``name`` is measured on: [(case, path, headers, trace file)]."""
    if name == "cached":
        path = "/api/v2/pages/?type=article"
        return [("cached listing", path, (), None), ("304 listing", path, ("If-None-Match",), None)]
    kind = "stock" if name == "stock" else "ours"
    work = []
    for case, ours, stock in case_list:
        path = stock if name == "stock" else ours
        if path is not None:
            trace = files[(path[6:], kind)] if path.startswith("trace:") else None
            work.append((case, path, (), trace))
    if name == "stock":
        work.append(("floor (bare view)", "/bench/floor/", (), None))
    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to seed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--db", default="bench_api")
    parser.add_argument("--var", default="/tmp/bench_api_var")
    parser.add_argument("--seed-only", action="store_true", help="seed and index, then stop")
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database")
    parser.add_argument(
        "--servers", default=",".join(SERVERS), help="the servers measured, comma-separated"
    )
    parser.add_argument("--_seed", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--_prepare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    var = Path(args.var)
    if args._seed is not None or args._prepare is not None:
        import django

        django.setup()
        if args._seed is not None:  # bench/sync.py's and bench/operations.py's seeding
            seed(args._seed)
        else:
            prepare(args._prepare, var)
        return
    servers = args.servers.split(",")
    if set(servers) - set(SERVERS):
        sys.exit(f"--servers: choose among {', '.join(SERVERS)}")
    if not args.seed_only and not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")

    env = environment(args)
    if not args.reuse:
        shutil.rmtree(var, ignore_errors=True)
        var.mkdir(parents=True)
        recreate_database(args.db, env)
        migrate(env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        print(f"seeding {args.n} articles and indexing them ...", flush=True)
        print(
            run(
                [PYTHON, "bench/api.py", "--_prepare", str(args.n), "--var", args.var], env
            ).strip(),
            flush=True,
        )
    if args.seed_only:
        return
    ids = json.loads((var / "seed.json").read_text())
    n = len(ids["articles"])
    files = {}
    for trace, by_kind in traces(ids, n).items():
        for kind, paths in by_kind.items():
            files[(trace, kind)] = var / f"trace-{trace}-{kind}.txt"
            files[(trace, kind)].write_text("\n".join(paths) + "\n")
    # The memory run's mix: listings, articles and searches of the traces, interleaved.
    mixed = traces_ours(files, "listing") + traces_ours(files, "detail")
    mixed += 10 * traces_ours(files, "search")  # 20 queries: about 5% of the mix
    random.Random(7).shuffle(mixed)
    args.mixed_trace = var / "trace-mixed-ours.txt"
    args.mixed_trace.write_text("\n".join(mixed) + "\n")
    case_list = cases(ids, n)
    results: dict = {}
    for name in servers:
        measure_server(args, name, server_work(name, case_list, files), results)
    report(results, case_list)


if __name__ == "__main__":
    main()
