#!/usr/bin/env python
"""Screenshot the page editor of an article in Vietnamese, kept by CI as an artefact.

    .venv/bin/python scripts/admin_screenshot.py --base-url http://127.0.0.1:8765 \\
        --output test-artifacts/page-editor-vi.png

Drives Debian's Chromium (/usr/bin/chromium) with Playwright against a running CMS that
has the demo loaded (manage.py load_demo): it signs in through the login form, opens the
editor of the most recently edited article, checks that the page is in Vietnamese and that
the action menu shows "Lưu bản nháp" (Save draft), and saves a full-page screenshot.
Needs the playwright package (not a project dependency yet) and the same settings as the
server (DATABASE_URL, SECRET_KEY), to find the article.
"""

import argparse
import os
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.base")
ARTEFACT = BASE_DIR / "test-artifacts" / "page-editor-vi.png"


def latest_article_id() -> int:
    import django

    django.setup()
    from home.models import ArticlePage

    article = ArticlePage.objects.order_by("-latest_revision_created_at").first()
    if article is None:
        sys.exit("No article to open: load the demo first (manage.py load_demo).")
    return article.id


def wait_for_server(url: str, seconds: int = 60) -> None:
    """CI starts the server in the background just before this script."""
    for _ in range(seconds):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(1)
    sys.exit(f"No server answered at {url}")


def screenshot(base_url: str, username: str, password: str, chromium: str, output: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    page_id = latest_article_id()
    wait_for_server(f"{base_url}/admin/login/")
    output.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        page = browser.new_page(locale="vi-VN", viewport={"width": 1440, "height": 1000})
        page.goto(f"{base_url}/admin/login/")
        page.fill('input[name="username"]', username)
        page.fill('input[name="password"]', password)
        page.click('button[type="submit"]')
        page.wait_for_url(f"{base_url}/admin/")
        page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
        page.wait_for_load_state("networkidle")
        expect(page.locator("html")).to_have_attribute("lang", "vi")
        expect(page.get_by_role("button", name="Lưu bản nháp")).to_be_visible()
        page.screenshot(path=str(output), full_page=True)
        browser.close()
    print(f"Saved {output}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", default="bientapvien", help="a demo section editor")
    parser.add_argument("--password", default="demo-2026", help="the demo password")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--output", type=Path, default=ARTEFACT)
    args = parser.parse_args()
    screenshot(args.base_url.rstrip("/"), args.username, args.password, args.chromium, args.output)


if __name__ == "__main__":
    main()
