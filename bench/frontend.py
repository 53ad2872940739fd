"""Requests per second and p95 latency of the reader frontend, beside the ceiling.

For the home page and an article: the frontend with its API cache warm, with it cold (every
request asks the CMS's API), and the same page's saved HTML served as a static file by the
same server (same process, same middleware): the ceiling. Needs the CMS running (`make run`).

    .venv/bin/python bench/frontend.py                        # CMS API at 127.0.0.1:8000
    .venv/bin/python bench/frontend.py --cms-api http://127.0.0.1:8100/api/v2 --seconds 10
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import ROOT, free_port, start_server, stop  # noqa: E402

SAVED = ROOT / "bench" / "results" / "static"


class NoCache:
    """A cache that keeps nothing: every request goes to the CMS (the cold case)."""

    async def get(self, key):
        return None

    async def set(self, key, entry, keep_seconds):
        pass

    async def clear(self):
        pass

    async def close(self):
        pass


def bench_app():
    """uvicorn factory: the real app plus /__saved__/<name> serving saved HTML files."""
    from starlette.responses import FileResponse
    from starlette.routing import Route

    from frontend.app import create_app

    cold = os.environ.get("BENCH_CACHE") == "cold"
    app = create_app(cache=NoCache() if cold else None)
    if cold:
        app.state.frontend.page_cache = None

    async def saved(request):
        return FileResponse(SAVED / request.path_params["name"], media_type="text/html")

    app.router.routes.insert(0, Route("/__saved__/{name}", saved))
    return app


def start(cms_api: str, cache: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "CMS_API_URL": cms_api, "BENCH_CACHE": cache, "PYTHONPATH": str(ROOT)}
    env.setdefault("LOG_LEVEL", "WARNING")  # a log line per request would be measured too
    command = [sys.executable, "-m", "uvicorn", "bench.frontend:bench_app", "--factory"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    url = f"http://127.0.0.1:{port}"
    return start_server(command, url + "/healthz", env), url


async def load(url: str, seconds: float, concurrency: int) -> tuple[float, float, int]:
    """(requests per second, p95 in ms, errors) for `concurrency` clients for `seconds`."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(headers={"Accept-Encoding": "gzip"}) as client:

        async def worker():
            nonlocal errors
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await client.get(url)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000 if len(latencies) > 1 else 0
    return len(latencies) / elapsed, p95, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cms-api", default="http://127.0.0.1:8000/api/v2")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    latest = httpx.get(f"{args.cms_api}/pages/", params={"type": "article", "limit": 1}).json()
    pages = {"home": "/", "article": latest["items"][0]["path"]}
    SAVED.mkdir(parents=True, exist_ok=True)

    results = {}
    for cache in ("warm", "cold"):
        process, url = start(args.cms_api, cache)
        try:
            for name, path in pages.items():
                html = httpx.get(url + path).content  # also warms the cache
                (SAVED / f"{name}.html").write_bytes(html)
                results[(name, cache)] = asyncio.run(
                    load(url + path, args.seconds, args.concurrency)
                )
                if cache == "warm":
                    results[(name, "static")] = asyncio.run(
                        load(f"{url}/__saved__/{name}.html", args.seconds, args.concurrency)
                    )
        finally:
            stop(process)

    print(
        f"\n{args.concurrency} concurrent clients, {args.seconds:.0f} s each, one uvicorn "
        f"worker; pages: {pages}\n"
    )
    print(f"{'page':8} {'case':14} {'req/s':>8} {'p95 ms':>8} {'errors':>6} {'of ceiling':>10}")
    for name in pages:
        ceiling = results[(name, "static")][0]
        for cache, label in (
            ("static", "static (ceil.)"),
            ("warm", "cache warm"),
            ("cold", "cache cold"),
        ):
            rps, p95, errors = results[(name, cache)]
            print(f"{name:8} {label:14} {rps:8.0f} {p95:8.1f} {errors:6d} {rps / ceiling:10.0%}")


if __name__ == "__main__":
    main()
