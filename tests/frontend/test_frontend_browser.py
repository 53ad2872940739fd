"""Browser tests: Debian's chromium, via Playwright, against the real CMS and frontend."""

import json
import re
import urllib.parse
import urllib.request

from home.demo.content import CCHC_TITLE
from tests.frontend.conftest import screenshot

DATE_LINE = re.compile(r"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ngày \d{2}/\d{2}/\d{4}$")
ARTICLE_TITLE = "Công đoàn Khối trao 35"


def test_browser_home_to_article_shows_date_line_byline_and_captions(page, stack):
    page.goto(stack["frontend"] + "/")
    assert page.locator("h2", has_text="Tin nổi bật").is_visible()
    for block in ("Video hoạt động", "Hình ảnh hoạt động", "Website liên kết"):
        assert page.locator("aside h2", has_text=block).is_visible()
    screenshot(page, "home-desktop")

    with page.expect_navigation():
        page.locator("main a", has_text=ARTICLE_TITLE).first.click()
    assert ARTICLE_TITLE in page.locator("h1").inner_text()
    assert DATE_LINE.match(page.locator(".dateline").inner_text())
    byline = page.locator(".byline").inner_text()
    assert re.search(r"\S – \S", byline)
    caption = page.locator("figure.body-image figcaption").first
    assert "Căn nhà mới" in caption.inner_text()
    image = page.locator("figure.body-image img").first
    assert image.get_attribute("width") and image.get_attribute("height")
    assert page.locator("picture source[type='image/webp']").first.get_attribute("srcset")
    screenshot(page, "article-desktop")


def test_browser_phone_without_javascript_menu_and_search_work(browser, stack):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(stack["frontend"] + "/")
    assert tab.locator("nav.main-menu a", has_text="Chuyển đổi số").count() == 1
    assert tab.locator("#search-q").is_visible()
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide on a 360px screen"
    with tab.expect_navigation():
        tab.locator("nav.main-menu a", has_text="Chuyển đổi số").click()
    assert tab.locator("h1").inner_text() == "Chuyển đổi số"
    screenshot(tab, "section-phone-nojs")
    context.close()


def test_browser_gallery_lightbox_pages_with_the_keyboard(page, stack):
    page.goto(stack["frontend"] + "/hinh-anh-hoat-dong/")
    with page.expect_navigation():
        page.locator("main a", has_text="Ngày hội hiến máu").first.click()
    photos = page.locator("[data-gallery] a[data-full]")
    total = photos.count()
    assert total > 2
    photos.first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    assert dialog.is_visible()
    assert dialog.locator("span").inner_text() == f"Ảnh 1/{total}"
    page.keyboard.press("ArrowRight")
    assert dialog.locator("span").inner_text() == f"Ảnh 2/{total}"
    second_alt = dialog.locator("img").get_attribute("alt")
    assert second_alt == photos.nth(1).get_attribute("data-alt")
    screenshot(page, "gallery-lightbox")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert dialog.locator("span").inner_text() == f"Ảnh {total}/{total}"
    page.keyboard.press("Escape")
    assert not dialog.is_visible()


def test_browser_search_without_accents_finds_the_article(page, stack):
    page.goto(stack["frontend"] + "/")
    page.fill("#search-q", "cai cach hanh chinh")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Tìm kiếm"
    # The reader sees the API's results for what was typed, in its order, best match first:
    # the article whose title is "Cải cách hành chính trong Đảng ủy Khối…".
    query = urllib.parse.urlencode({"search": "cai cach hanh chinh", "limit": 12})
    with urllib.request.urlopen(f"{stack['cms']}/api/v2/pages/?{query}", timeout=10) as answer:
        expected = [item["title"] for item in json.load(answer)["items"]]
    shown = page.locator("main .card__title a").all_inner_texts()
    assert shown == expected and len(shown) >= 2
    assert shown[0] == CCHC_TITLE
    screenshot(page, "search")


def test_browser_article_works_under_the_content_security_policy(page, stack):
    """The site's script runs, the CMS's images load and the JSON-LD block is kept, with no
    CSP violation (the ``page`` fixture fails on any)."""
    page.goto(stack["frontend"] + "/")
    with page.expect_navigation():
        page.locator("main a", has_text=ARTICLE_TITLE).first.click()
    response = page.request.get(page.url)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe" not in policy
    assert "frame-ancestors 'none'" in policy
    # The JSON-LD data block is not a script CSP governs: it is there and parses.
    json_ld = page.locator("script[type='application/ld+json']").text_content()
    assert json.loads(json_ld)["@type"] == "NewsArticle"
    # site.js ran: it shows the text-size control, which is hidden without it.
    assert page.locator("[data-text-size]").first.is_visible()
    # Every image, from the CMS's media, loaded.
    page.wait_for_load_state("networkidle")
    broken = page.evaluate(
        """[...document.images].filter((img) => img.loading !== "lazy" || img.complete)
            .filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src)"""
    )
    assert broken == []
    assert page.locator("img[src^='" + stack["cms"] + "/media/']").count() > 0
