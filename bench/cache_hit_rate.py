"""Hit rate of the reader API's response cache over a replayed reader trace, while one article
is published per simulated minute.

Serves the database named by DATABASE_URL (load it first: `make demo`, or `bench/api.py`'s
data) with gunicorn, sharing Redis (REDIS_URL, default 127.0.0.1:6379/0, under a key prefix of
its own) with this process, which publishes the articles through Django as an editor would.
Each simulated minute replays ``--per-minute`` requests of a generated trace (home listings,
section listings, article details, searches, in the proportions of ``MIX``; articles and
searches drawn Zipf-like, the newest articles most read, newly published ones included) and
then publishes one new article in a random section, as the admin does (a draft, then
published). The first minute warms the cache and is not counted. A request counts as a hit
when the API answers ``X-Cache: HIT``; the hit rate is printed over all requests and over the
repeated ones (a URL asked before in the run), whose misses are the ones invalidation causes.

    .venv/bin/python bench/cache_hit_rate.py --minutes 15 --per-minute 600
    .venv/bin/python bench/cache_hit_rate.py --no-publish     # the control: misses not caused
                                                              # by publishing (first requests)

The articles it publishes stay in the database (titled "Bench cache …").
"""

import argparse
import os
import random
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import ROOT, free_port, start_server, stop  # noqa: E402

# Share of the trace's requests by kind (reader pages as the frontend asks the API for them).
MIX = {"home": 0.25, "section": 0.20, "article": 0.50, "search": 0.05}
SEARCHES = [
    "cải cách hành chính",
    "chuyển đổi số",
    "đại hội",
    "nghị quyết",
    "kiểm tra giám sát",
    "công tác dân vận",
    "học tập",
    "tuyên truyền",
    "phòng chống tham nhũng",
    "kết nạp đảng viên",
]


def zipf_pick(rng: random.Random, items: list, s: float = 1.1):
    """An item of ``items`` (most popular first) drawn with weight 1 / rank^s."""
    weights = [1 / (rank**s) for rank in range(1, len(items) + 1)]
    return rng.choices(items, weights=weights)[0]


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    import django

    django.setup()


def content() -> tuple[list[int], list[int]]:
    """Public article ids (newest first) and section ids."""
    from home.models import ArticlePage, SectionPage

    articles = list(
        ArticlePage.objects.live()
        .public()
        .order_by("-publication_date", "-id")
        .values_list("id", flat=True)
    )
    sections = list(SectionPage.objects.live().public().values_list("id", flat=True))
    return articles, sections


def publish_article(section_ids: list[int], number: int, rng: random.Random) -> int:
    from django.utils import timezone

    from home.models import ArticlePage, SectionPage

    section = SectionPage.objects.get(id=rng.choice(section_ids))
    # As the admin does it: saved as a draft (not live), then published.
    article = ArticlePage(
        title=f"Bench cache {number} {time.time():.0f}",
        lead="Bài đăng của phép đo tỉ lệ trúng bộ nhớ đệm.",
        publication_date=timezone.now(),
        live=False,
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    return article.id


def trace_minute(
    rng: random.Random, per_minute: int, articles: list[int], sections: list[int]
) -> list[tuple[str, str]]:
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=per_minute)
    requests = []
    for kind in kinds:
        if kind == "home":
            url = rng.choice(
                [
                    "pages/?featured=true&limit=4&type=article",
                    "pages/?limit=14&type=article",
                    "menu/?locale=vi",
                    "site-settings/?locale=vi",
                ]
            )
        elif kind == "section":
            page = zipf_pick(rng, [1, 2, 3, 4, 5])
            url = f"pages/?limit=12&offset={(page - 1) * 12}&section={rng.choice(sections)}"
        elif kind == "article":
            url = f"pages/{zipf_pick(rng, articles, 0.9)}/"
        else:
            url = f"pages/?limit=12&offset=0&search={zipf_pick(rng, SEARCHES)}"
        requests.append((kind, url))
    return requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=15, help="simulated minutes counted")
    parser.add_argument("--per-minute", type=int, default=600, help="API requests per minute")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument(
        "--no-publish", action="store_true", help="the control: the same trace, no publishes"
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("DATABASE_URL: the database to serve (load it first, e.g. make demo)")
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.base",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only"),
        "DJANGO_DEBUG": "0",
        "SECURE_COOKIES": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        # A prefix of its own: nothing cached by another server or run counts as a hit.
        "CACHE_KEY_PREFIX": f"hitrate{os.getpid()}x{time.time():.0f}",
        # The media of the served database (the logo, images): the project's VAR_DIR.
        "VAR_DIR": os.environ.get("VAR_DIR", str(ROOT / "var")),
        "PYTHONPATH": str(ROOT),
    }
    setup_django(env)
    rng = random.Random(args.seed)
    articles, sections = content()
    if not articles or not sections:
        sys.exit("No public articles or sections: load content first")
    port = free_port()
    server = start_server(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
        ],
        f"http://127.0.0.1:{port}/api/v2/pages/?limit=1",
        env={**os.environ, **env},
    )
    base = f"http://127.0.0.1:{port}/api/v2/"
    counts: dict[str, Counter] = {kind: Counter() for kind in MIX}
    # Per kind, hits and requests among URLs asked before in the run: a miss there is one an
    # invalidation caused (or the cache's own expiry), not a first request.
    repeats: dict[str, Counter] = {kind: Counter() for kind in MIX}
    seen: set[str] = set()
    try:
        with httpx.Client(base_url=base, timeout=30) as client, ThreadPoolExecutor(4) as pool:

            def fetch(item: tuple[str, str]) -> tuple[str, str]:
                kind, url = item
                response = client.get(url)
                if response.status_code != 200:
                    return kind, f"status {response.status_code}"
                return kind, response.headers.get("X-Cache", "none")

            for minute in range(args.minutes + 1):
                started = time.monotonic()
                trace = trace_minute(rng, args.per_minute, articles, sections)
                results = list(pool.map(fetch, trace))
                for (kind, outcome), (_, url) in zip(results, trace, strict=True):
                    if minute:  # minute 0 warms the cache
                        counts[kind][outcome] += 1
                        if url in seen:
                            repeats[kind][outcome] += 1
                    seen.add(url)
                if not args.no_publish:
                    articles.insert(0, publish_article(sections, minute, rng))  # most read
                print(
                    f"minute {minute}: {len(trace)} requests in {time.monotonic() - started:.1f} s",
                    file=sys.stderr,
                )
    finally:
        stop(server)
    total, total_repeats = Counter(), Counter()

    def rate(counter: Counter) -> str:
        requests = sum(counter.values())
        return f"{counter['HIT'] / requests:.1%}" if requests else "-"

    print(
        f"{'kind':<8} {'share':>6} {'requests':>9} {'hits':>7} {'hit rate':>9} "
        f"{'repeated':>9} {'hit rate':>9}"
    )
    for kind, counter in counts.items():
        total.update(counter)
        total_repeats.update(repeats[kind])
        print(
            f"{kind:<8} {MIX[kind]:>6.0%} {sum(counter.values()):>9} {counter['HIT']:>7} "
            f"{rate(counter):>9} {sum(repeats[kind].values()):>9} {rate(repeats[kind]):>9}"
        )
    print(
        f"{'all':<8} {'':>6} {sum(total.values()):>9} {total['HIT']:>7} {rate(total):>9} "
        f"{sum(total_repeats.values()):>9} {rate(total_repeats):>9}"
    )
    print("repeated: requests for a URL already asked in the run (a miss there is not a first)")
    others = {k: v for k, v in total.items() if k not in ("HIT", "MISS")}
    if others:
        print(f"not counted as hit or miss: {dict(others)}")
    print(
        f"{args.minutes} simulated minutes, {args.per_minute} requests and "
        f"{'no publish' if args.no_publish else '1 publish'} each, "
        f"{len(articles)} articles, {len(sections)} sections, {args.workers} workers"
    )


if __name__ == "__main__":
    main()
