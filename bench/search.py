"""Benchmark of the reader search against Wagtail's stock database search backend.

    .venv/bin/python bench/search.py                  # 10,000 articles
    .venv/bin/python bench/search.py --n 100000

Seeds N articles of varied Vietnamese text (bench/api.py's bulk seeder) into a fresh
PostgreSQL database, builds both indexes (our SearchDocument rows and Wagtail's stock
index, with Wagtail's default configuration, as the project had it before), then sends 20
realistic queries, half typed without diacritics, through the full Django request stack in
this process: our ``/api/v2/pages/?type=article&search=`` and Wagtail's stock pages API
``/bench/stock/pages/?type=home.ArticlePage&search=`` on the same data, response cache off.
For each it prints p50/p95 latency, requests/s (one connection), the hits found and CPU
per request: this process plus the PostgreSQL backend serving it (/proc). Needs PostgreSQL
on 127.0.0.1:5432 (user postgres, trust).
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import (  # noqa: E402
    PYTHON,
    cpu_seconds,
    migrate,
    recreate_database,
    run,
    run_live,
)
from bench.common import environment as base_environment  # noqa: E402

QUERIES = [
    "cai cach hanh chinh",
    "cải cách hành chính",
    "chuyen doi so",
    "Đại hội Đảng bộ",
    "dang uy khoi",
    "kiem tra giam sat",
    "phòng, chống tham nhũng",
    "hoà giải ở cơ sở",
    "uỷ ban kiểm tra",
    "hoc tap va lam theo",
    "ket nap dang vien",
    "an sinh xã hội",
    "THI ĐUA KHEN THƯỞNG",
    "nghị quyết trung ương",
    "doanh nghiep nha nuoc",
    "tuyên truyền",
    "bo chinh tri",
    "công tác dân vận",
    "boi duong ly luan chinh tri",
    "hội nghị",
]

TOPICS = [
    "cải cách hành chính",
    "chuyển đổi số",
    "xây dựng Đảng",
    "công tác kiểm tra, giám sát",
    "phòng, chống tham nhũng, tiêu cực",
    "hòa giải ở cơ sở",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "kết nạp đảng viên mới",
    "an sinh xã hội",
    "thi đua khen thưởng",
    "công tác dân vận",
    "bồi dưỡng lý luận chính trị",
    "tuyên truyền miệng",
    "quốc phòng, an ninh",
    "phát triển doanh nghiệp nhà nước",
    "bảo vệ nền tảng tư tưởng của Đảng",
    "công tác cán bộ",
    "sắp xếp tổ chức bộ máy",
    "thực hành tiết kiệm, chống lãng phí",
    "văn hóa công sở",
    "chăm lo đời sống người lao động",
    "an toàn vệ sinh lao động",
    "phong trào thanh niên tình nguyện",
    "công tác nữ công",
    "đối ngoại nhân dân",
]
ORGS = [
    "Đảng ủy Khối",
    "Ủy ban Kiểm tra Đảng ủy Khối",
    "Ban Tuyên giáo",
    "Ban Tổ chức",
    "Công đoàn Viên chức tỉnh",
    "Đoàn Thanh niên Khối",
    "Chi bộ Văn phòng",
    "Đảng bộ Công ty Điện lực",
    "Đảng bộ Ngân hàng Nông nghiệp",
    "Hội Cựu chiến binh",
    "Bộ Chính trị",
    "Ban Dân vận",
]
EVENTS = [
    "Hội nghị tổng kết",
    "Đại hội Đảng bộ",
    "Hội thảo về",
    "Sơ kết 6 tháng",
    "Tập huấn nghiệp vụ",
    "Quán triệt Nghị quyết Trung ương về",
    "Kiểm tra việc thực hiện",
    "Triển khai kế hoạch",
    "Tọa đàm",
    "Ra quân",
]
SENTENCES = [
    "{org} đã tổ chức {event} {topic} với sự tham gia của nhiều đảng viên.",
    "Trong năm {year}, {topic} đạt nhiều kết quả quan trọng.",
    "Đồng chí Bí thư nhấn mạnh yêu cầu đẩy mạnh {topic} gắn với {topic2}.",
    "Các chi bộ trực thuộc tiếp tục thực hiện nghiêm túc {topic}.",
    "Hội nghị đã thông qua chương trình hành động về {topic} giai đoạn {year}-{year2}.",
    "{org} biểu dương các tập thể, cá nhân tiêu biểu trong {topic}.",
    "Các cơ quan chức năng theo dõi sát việc thực hiện {topic2}.",
    "Người lao động được phổ biến về {topic} và {topic2}.",
]


def article_text(i: int) -> tuple[str, str, str]:
    """Title, lead and body HTML of article i: about one main topic and one other, like a
    news article; deterministic; about 1,500 characters."""
    rng = random.Random(i)
    topic, topic2 = rng.sample(TOPICS, 2)
    year = rng.randint(2015, 2026)

    def fill(template: str) -> str:
        return template.format(
            org=rng.choice(ORGS),
            event=rng.choice(EVENTS).lower(),
            topic=topic,
            topic2=topic2,
            year=year,
            year2=year + 5,
        )

    title = f"{rng.choice(ORGS)}: {rng.choice(EVENTS)} {topic} năm {year}"
    lead = fill(rng.choice(SENTENCES)) + " " + fill(rng.choice(SENTENCES))
    paragraphs = [
        "<p>" + " ".join(fill(rng.choice(SENTENCES)) for _ in range(3)) + "</p>" for _ in range(5)
    ]
    return title, lead, "".join(paragraphs)


_texts: dict[int, tuple[str, str, str]] = {}


def cached_text(i: int) -> tuple[str, str, str]:
    if i not in _texts:
        _texts[i] = article_text(i)
    return _texts[i]


def environment(args) -> dict[str, str]:
    """Wagtail's stock search backend beside ours; the test client's host; no response cache."""
    return base_environment(
        args.db,
        args.var,
        settings="bench.search_settings",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        API_RESPONSE_CACHE="0",
    )


def seed_and_index(n: int) -> None:
    """Inside Django: seed, then build our documents and Wagtail's stock index."""
    from django.core.management import call_command
    from django.db import connection

    from bench.api import seed
    from cms.search.index import rebuild

    seed(n, texts=cached_text)
    started = time.perf_counter()
    count = rebuild(batch_size=1000)
    print(f"our index: {count} documents in {time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    # Wagtail's own command: ours (home's update_index) would rebuild our documents again.
    call_command("wagtail_update_index", verbosity=0)
    print(f"stock index built in {time.perf_counter() - started:.0f} s", flush=True)
    # Statistics for the planner and the visibility map, as autovacuum leaves them after a
    # bulk load (VACUUM cannot run inside a transaction: autocommit is on here).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


# Slow searches stop early (at least 3 requests): stock search on 100,000 articles takes
# seconds per request.
MAX_SECONDS_PER_MEASUREMENT = 15


def measure(client, backend_pid: int, url: str, repeat: int) -> dict:
    import resource

    response = client.get(url)  # warm up, and count the hits
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    hits = response.json()["meta"]["total_count"]
    times = []
    own_before = resource.getrusage(resource.RUSAGE_SELF)
    db_before = cpu_seconds(backend_pid)
    wall = time.perf_counter()
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
        if len(times) >= 3 and time.perf_counter() - wall > MAX_SECONDS_PER_MEASUREMENT:
            break
    wall = time.perf_counter() - wall
    repeat = len(times)
    own_after = resource.getrusage(resource.RUSAGE_SELF)
    own = (own_after.ru_utime - own_before.ru_utime) + (own_after.ru_stime - own_before.ru_stime)
    db = cpu_seconds(backend_pid) - db_before
    times.sort()
    return {
        "hits": hits,
        "p50": 1000 * statistics.median(times),
        "p95": 1000 * times[min(len(times) - 1, int(len(times) * 0.95))],
        "rps": repeat / wall,
        "cpu": 1000 * (own + db) / repeat,
        "db_cpu": 1000 * db / repeat,
    }


def benchmark(repeat: int) -> None:
    """Inside Django: both searches, query by query, side by side.

    Ours twice: as a reader meets it (listing items of earlier requests cached, as they are
    once the site has been read for a while) and with no item cached (API_SUMMARY_CACHE=0,
    every request loads and serializes its 20 pages)."""
    from urllib.parse import quote

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings

    client = Client()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend_pid = cursor.fetchone()[0]
    header = (
        f"{'query':30} | {'ours: hits':>10} {'p50':>6} {'p95':>6} {'req/s':>6} {'cpu ms':>6} "
        f"| {'no cache: p50':>13} {'cpu ms':>6} "
        f"| {'stock: hits':>11} {'p50':>6} {'p95':>6} {'req/s':>6} {'cpu ms':>6} | speed-up"
    )
    print(header)
    print("-" * len(header))
    floor = measure(client, backend_pid, "/api/v2/pages/?type=article", repeat)
    print(
        f"{'(listing, no search)':30} | {floor['hits']:10} {floor['p50']:6.1f} {floor['p95']:6.1f} "
        f"{floor['rps']:6.1f} {floor['cpu']:6.1f} |",
        flush=True,
    )
    totals = {"ours": [], "cold": [], "stock": []}
    for query in QUERIES:
        cache.clear()
        url = f"/api/v2/pages/?type=article&search={quote(query)}"
        ours = measure(client, backend_pid, url, repeat)
        with override_settings(API_SUMMARY_CACHE=False):
            cold = measure(client, backend_pid, url, repeat)
        stock = measure(
            client,
            backend_pid,
            f"/bench/stock/pages/?type=home.ArticlePage&search={quote(query)}",
            repeat,
        )
        totals["ours"].append(ours)
        totals["cold"].append(cold)
        totals["stock"].append(stock)
        print(
            f"{query[:30]:30} | {ours['hits']:10} {ours['p50']:6.1f} {ours['p95']:6.1f} "
            f"{ours['rps']:6.1f} {ours['cpu']:6.1f} | {cold['p50']:13.1f} {cold['cpu']:6.1f} "
            f"| {stock['hits']:11} {stock['p50']:6.1f} "
            f"{stock['p95']:6.1f} {stock['rps']:6.1f} {stock['cpu']:6.1f} | "
            f"{ours['rps'] / stock['rps']:5.1f}x",
            flush=True,
        )

    def mean(name: str, key: str) -> float:
        return statistics.mean(r[key] for r in totals[name])

    print()
    for name, label in (("ours", "ours"), ("cold", "ours, no item cached"), ("stock", "stock")):
        found = sum(1 for r in totals[name] if r["hits"])
        print(
            f"{label:21} mean p50 {mean(name, 'p50'):6.1f} ms, cpu {mean(name, 'cpu'):6.1f} "
            f"ms/query (PostgreSQL {mean(name, 'db_cpu'):5.1f}), {mean(name, 'rps'):6.1f} req/s, "
            f"queries with hits {found}/{len(QUERIES)}"
        )
    print(
        f"throughput ours / stock: {mean('ours', 'rps') / mean('stock', 'rps'):.1f}x "
        f"(no item cached: {mean('cold', 'rps') / mean('stock', 'rps'):.1f}x; target >= 3x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to seed")
    parser.add_argument("--repeat", type=int, default=30, help="requests per query and search")
    parser.add_argument("--db", default="bench_search")
    parser.add_argument("--var", default="/tmp/bench_search_var")
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database")
    parser.add_argument("--_seed", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--_measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._seed is not None or args._measure:
        import django

        django.setup()
        if args._seed is not None:
            seed_and_index(args._seed)
        else:
            benchmark(args.repeat)
        return

    env = environment(args)
    if not args.reuse:
        recreate_database(args.db, env)
        migrate(env)
        print(f"seeding {args.n} articles ...", flush=True)
        print(run([PYTHON, "bench/search.py", "--_seed", str(args.n)], env).strip(), flush=True)
    run_live([PYTHON, "bench/search.py", "--_measure", "--repeat", str(args.repeat)], env)


if __name__ == "__main__":
    sys.exit(main())
