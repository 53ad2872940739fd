"""Lighthouse (mobile preset) and axe-core on the reader frontend, and its JS/CSS weight.

Installs lighthouse 12 and axe-core 4 from npm into var/bench-node/ (not committed) on first
use, runs Debian's chromium (CHROME_PATH=/usr/bin/chromium) against a running frontend
(`make run`), and prints the four category scores for home, a section listing, an article,
a gallery and the pages of issue 19 (the document library and a document, the week's work
schedule, the organisation chart, "Liên hệ", "Hỏi đáp" and the English contact page), the
axe-core violations of each page at phone and desktop width, and the gzipped JavaScript and
CSS of the article page.

    .venv/bin/python bench/lighthouse.py
    .venv/bin/python bench/lighthouse.py --frontend http://127.0.0.1:8101 \
        --cms-api http://127.0.0.1:8100/api/v2
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "var" / "bench-node"
RESULTS = ROOT / "bench" / "results"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


def ensure_node_packages() -> None:
    if (NODE_DIR / "node_modules" / ".bin" / "lighthouse").exists() and (
        NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    ).exists():
        return
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(NODE_DIR),
            "--no-save",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
            "lighthouse@12",
            "axe-core@4",
        ],
        check=True,
    )


def pages_to_check(cms_api: str) -> dict[str, str]:
    menu = httpx.get(f"{cms_api}/menu/").json()["items"]
    article = httpx.get(f"{cms_api}/pages/", params={"type": "article", "limit": 1}).json()
    gallery = httpx.get(f"{cms_api}/galleries/latest/", params={"limit": 1}).json()
    section = next(item for item in menu if item["kind"] == "section")
    return {
        "home": "/",
        "section": section["path"],
        "article": article["items"][0]["path"],
        "gallery": gallery["items"][0]["path"],
        **office_pages(cms_api),
    }


def first_path(cms_api: str, page_type: str) -> str:
    found = httpx.get(f"{cms_api}/pages/", params={"type": page_type, "limit": 1}).json()
    return found["items"][0]["path"]


def office_pages(cms_api: str) -> dict[str, str]:
    """The document library, a document, the week, the organisation chart, the contact pages
    and the published answers (issue 19), by the names the report prints."""
    return {
        "documents": first_path(cms_api, "home.LegalDocumentIndexPage"),
        "document": first_path(cms_api, "home.LegalDocumentPage"),
        "week": first_path(cms_api, "home.WorkScheduleIndexPage"),
        "org": first_path(cms_api, "home.OrganisationPage"),
        "contact": "/lien-he/",
        "answers": "/hoi-dap/",
        "contactEN": "/en/contact/",
    }


def lighthouse(url: str, name: str) -> dict:
    RESULTS.mkdir(parents=True, exist_ok=True)
    output = RESULTS / f"lighthouse-{name}.json"
    subprocess.run(
        [
            str(NODE_DIR / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(CATEGORIES),
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    report = json.loads(output.read_text())
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failing.append(f"{category}: {ref['id']} ({audit['score']:.2f})")
    return {"scores": scores, "failing": failing}


def axe(url: str) -> list[str]:
    from playwright.sync_api import sync_playwright

    script = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for width in (360, 1280):
            # The frontend's CSP (script-src 'self') would refuse the injected axe script.
            page = browser.new_page(viewport={"width": width, "height": 800}, bypass_csp=True)
            page.goto(url)
            page.add_script_tag(path=str(script))
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            found += [
                f"{width}px {v['id']}: {len(v['nodes'])} nodes ({v['help']})"
                for v in result["violations"]
            ]
            page.close()
        browser.close()
    return found


def asset_weight(frontend: str, path: str) -> dict[str, int]:
    html = httpx.get(frontend + path).text
    weight = {"js": 0, "css": 0}
    for kind, pattern in (
        ("js", r'<script[^>]+src="([^"]+)"'),
        ("css", r'<link rel="stylesheet" href="([^"]+)"'),
    ):
        for src in re.findall(pattern, html):
            body = httpx.get(src if src.startswith("http") else frontend + src).content
            weight[kind] += len(gzip.compress(body, 9))
    weight["html"] = len(gzip.compress(html.encode(), 9))
    return weight


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frontend", default="http://127.0.0.1:8001")
    parser.add_argument("--cms-api", default="http://127.0.0.1:8000/api/v2")
    parser.add_argument("--skip-lighthouse", action="store_true")
    args = parser.parse_args()
    ensure_node_packages()
    pages = pages_to_check(args.cms_api)
    ok = True
    print(f"{'page':9} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "  axe violations")
    details = []
    for name, path in pages.items():
        url = args.frontend + path
        result = {"scores": {}, "failing": []} if args.skip_lighthouse else lighthouse(url, name)
        violations = axe(url)
        scores = result["scores"]
        ok &= all(scores.get(c, 100) >= BUDGET[c] for c in CATEGORIES) and not violations
        print(
            f"{name:9} "
            + " ".join(f"{scores.get(c, '-'):>14}" for c in CATEGORIES)
            + f"  {len(violations)}"
        )
        details += [f"  {name}: {line}" for line in result["failing"] + violations]
    # Pages outside the Lighthouse budget still get the accessibility check.
    for name, path in (("search", "/tim-kiem/?q=cai+cach"), ("404", "/khong-co-trang-nay/")):
        violations = axe(args.frontend + path)
        ok &= not violations
        print(f"{name:9} " + " ".join(f"{'-':>14}" for _ in CATEGORIES) + f"  {len(violations)}")
        details += [f"  {name}: {line}" for line in violations]
    if details:
        print("\nBelow 1 or violating:\n" + "\n".join(details))
    weight = asset_weight(args.frontend, pages["article"])
    print(
        f"\nArticle page, gzipped: JavaScript {weight['js']} B, CSS {weight['css']} B, "
        f"HTML {weight['html']} B (budgets: JS < 20 KB, CSS < 30 KB)"
    )
    ok &= weight["js"] < 20_000 and weight["css"] < 30_000
    print("\nBudgets met." if ok else "\nBudgets NOT met.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
