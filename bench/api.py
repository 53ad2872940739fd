"""Benchmark of the reader API against Wagtail's stock pages API and a bare Django view.

    .venv/bin/python bench/api.py                 # 10,000 articles
    .venv/bin/python bench/api.py --n 100000 --duration 10

Seeds N articles (cover images, bylines, tags; one article with 10 body images) in bulk into
a fresh PostgreSQL database, serves it with gunicorn (DEBUG off, several workers), and loads
each URL on loopback with wrk (Debian's `wrk`). Prints requests/s, p50/p90/p99 latency, CPU
time per request (all server processes, from /proc) and ratios; only ratios from one run
compare, this machine is noisy. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
"""

import argparse
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import (  # noqa: E402
    PYTHON,
    ROOT,
    cpu_seconds,
    free_port,
    migrate,
    recreate_database,
    run,
    start_server,
    stop,
)
from bench.common import environment as base_environment  # noqa: E402


def environment(args, response_cache: bool) -> dict[str, str]:
    return base_environment(
        args.db,
        args.var,
        settings="bench.settings",
        API_RESPONSE_CACHE="1" if response_cache else "0",
    )


def seed(n: int, texts=None) -> list:
    """Runs inside Django: the tree is built with bulk inserts, not page.save().

    ``texts(i)`` may give article i's (title, lead, body HTML); bench/search.py varies them.
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
    for i in range(5):
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
        Page.objects.filter(id=section.id).update(numchild=(n + 4 - sections.index(section)) // 5)
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


def start_gunicorn(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    command = [str(ROOT / ".venv/bin/gunicorn"), "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning"]
    return start_server(command, f"http://127.0.0.1:{port}/bench/floor/", env)


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def measure(server, url: str, args, headers: tuple[str, ...] = ()) -> dict:
    for _ in range(3):
        request = urllib.request.Request(url, headers=dict(h.split(": ", 1) for h in headers))
        try:
            urllib.request.urlopen(request, timeout=120).read()
        except urllib.error.HTTPError as e:
            if e.code != 304:
                raise
    before = cpu_seconds(server.pid, children=True)
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency", url]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(server.pid, children=True) - before
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(latency["50"]),
        "p90": _ms(latency["90"]),
        "p99": _ms(latency["99"]),
        "cpu_ms": 1000 * cpu / max(requests, 1),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to seed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--db", default="bench_api")
    parser.add_argument("--var", default="/tmp/bench_api_var")
    parser.add_argument("--seed-only", action="store_true")
    parser.add_argument("--_seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._seed is not None:
        import django

        django.setup()
        seed(args._seed)
        return
    if not args.seed_only and not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")

    shutil.rmtree(args.var, ignore_errors=True)
    env = environment(args, response_cache=False)
    recreate_database(args.db, env)
    migrate(env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    output = run([PYTHON, "bench/api.py", "--_seed", str(args.n)], env)
    print(output.strip())
    detail_id = int(re.search(r"DETAIL_ID=(\d+)", output).group(1))
    if args.seed_only:
        return
    print("building the search index ...", flush=True)
    started = time.perf_counter()
    run([PYTHON, "manage.py", "update_index"], env)
    print(f"indexed in {time.perf_counter() - started:.0f} s", flush=True)

    base = "http://127.0.0.1:{port}"
    stock_fields = "fields=lead,date_line,thumbnail,bylines,featured"
    cases = [
        ("home listing", "/api/v2/pages/?type=article", False, ()),
        (
            "section listing, offset 1000",
            "/api/v2/pages/?type=article&section=cm-1&offset=1000",
            False,
            (),
        ),
        ("article detail, 10 images", f"/api/v2/pages/{detail_id}/", False, ()),
        ("tag filter", "/api/v2/pages/?type=article&tag=chu-de-7", False, ()),
        ("search", "/api/v2/pages/?type=article&search=c%E1%BA%A3i%20c%C3%A1ch", False, ()),
        ("cached listing", "/api/v2/pages/?type=article", True, ()),
        ("304 listing", "/api/v2/pages/?type=article", True, ("If-None-Match",)),
        ("stock listing", f"/bench/stock/pages/?type=home.ArticlePage&{stock_fields}", False, ()),
        ("stock detail", f"/bench/stock/pages/{detail_id}/", False, ()),
        (
            "stock search",
            "/bench/stock/pages/?type=home.ArticlePage&search=c%E1%BA%A3i%20c%C3%A1ch",
            False,
            (),
        ),
        ("floor (bare view)", "/bench/floor/", False, ()),
    ]
    results = {}
    servers = {}
    try:
        ports = {False: free_port(), True: free_port()}
        servers[False] = start_gunicorn(environment(args, False), ports[False], args.workers)
        servers[True] = start_gunicorn(environment(args, True), ports[True], args.workers)
        for name, path, cached, headers in cases:
            port = ports[cached]
            url = base.format(port=port) + path
            if headers == ("If-None-Match",):
                etag = urllib.request.urlopen(url).headers["ETag"]
                headers = (f"If-None-Match: {etag}",)
            results[name] = measure(servers[cached], url, args, headers)
            r = results[name]
            print(
                f"{name:32} {r['rps']:9.1f} req/s  p50 {r['p50']:7.2f} ms  p90 {r['p90']:7.2f} ms"
                f"  p99 {r['p99']:7.2f} ms  cpu {r['cpu_ms']:6.2f} ms/req  non-2xx {r['errors']}",
                flush=True,
            )
    finally:
        for server in servers.values():
            stop(server)

    def ratio(a: str, b: str) -> str:
        return f"{results[a]['rps'] / results[b]['rps']:.2f}x"

    print()
    print(
        f"listing vs stock listing:        {ratio('home listing', 'stock listing')} (target >= 4x)"
    )
    print(f"detail vs stock detail: {ratio('article detail, 10 images', 'stock detail')} (>= 3x)")
    print(f"search vs stock search:          {ratio('search', 'stock search')}")
    print(
        f"cached listing vs floor:         {ratio('cached listing', 'floor (bare view)')} (>= 0.5x)"
    )
    print(f"304 vs floor:                    {ratio('304 listing', 'floor (bare view)')} (>= 0.5x)")
    print(f"stock listing vs floor:          {ratio('stock listing', 'floor (bare view)')}")


if __name__ == "__main__":
    main()
