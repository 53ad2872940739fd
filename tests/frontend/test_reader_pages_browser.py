"""Browser tests of the reader pages' fixes (issue 16, defects 10, 11, 14, 15, 16): Debian's
chromium against the real CMS (demo site) and frontend, without JavaScript and at 360 px."""

import json
import urllib.request

from tests.frontend.conftest import screenshot

PHONE = {"width": 360, "height": 740}


def api(stack: dict, path: str) -> dict:
    with urllib.request.urlopen(stack["cms"] + "/api/v2/" + path, timeout=10) as response:
        return json.load(response)


def first_path(stack: dict, kind: str) -> str:
    return api(stack, f"pages/?type={kind}&limit=1")["items"][0]["path"]


def json_ld(tab) -> dict:
    [text] = tab.locator("script[type='application/ld+json']").all_text_contents()
    return json.loads(text)


def test_browser_without_javascript_hides_the_text_size_copy_and_print_controls(browser, stack):
    article = stack["frontend"] + first_path(stack, "article")
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="vi-VN")
    tab = context.new_page()
    tab.goto(article)

    assert tab.locator("[data-text-size]").count() == 1
    assert tab.locator("[data-text-size]").is_hidden()
    assert tab.locator("[data-text-size] button").first.is_hidden()
    assert tab.locator("[data-copy-item]").is_hidden()
    assert tab.locator("[data-print-item]").is_hidden()
    # What works without JavaScript stays: the share links.
    assert tab.locator(".share__facebook").is_visible()
    screenshot(tab, "article-phone-nojs")
    context.close()


def test_browser_with_javascript_the_text_size_controls_show_and_work(page, stack):
    page.goto(stack["frontend"] + first_path(stack, "article"))

    controls = page.locator("[data-text-size]")
    controls.wait_for(state="visible")
    before = page.locator(".article").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    page.locator("[data-size-step='1']").click()
    after = page.locator(".article").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert after > before
    page.locator("[data-size-step='0']").click()


def test_browser_menu_strip_at_360px_shows_that_it_scrolls(browser, stack):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="vi-VN")
    tab = context.new_page()
    tab.goto(stack["frontend"] + "/")
    strip = tab.locator("nav.main-menu ul")

    scroll_width, client_width = strip.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll_width > client_width, "the demo menu should overflow a 360 px screen"
    style = strip.evaluate(
        "e => [getComputedStyle(e).backgroundImage, getComputedStyle(e).backgroundAttachment]"
    )
    # Edge shadows (fixed to the box) under covers that scroll with the items.
    assert style[0].count("radial-gradient") == 2 and style[0].count("linear-gradient") == 2
    assert style[1].split(", ")[:4] == ["local", "local", "scroll", "scroll"]
    page_width = tab.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360, f"page is {page_width}px wide on a 360px screen"

    # The right edge is darker than the left one while more items wait on the right.
    box = strip.bounding_box()
    top = int(box["y"]) + 3  # in the padding above the links' text

    def shade(x: int) -> int:
        png = tab.screenshot(clip={"x": x, "y": top, "width": 1, "height": 1})
        return _luminance(png)

    assert shade(int(box["x"] + box["width"]) - 2) < shade(int(box["x"]) + 2)
    screenshot(tab, "menu-phone-start")
    strip.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    assert shade(int(box["x"]) + 2) < shade(int(box["x"] + box["width"]) - 2)
    screenshot(tab, "menu-phone-end")
    context.close()


def _luminance(png: bytes) -> int:
    import io

    from PIL import Image

    red, green, blue = Image.open(io.BytesIO(png)).convert("RGB").getpixel((0, 0))
    return red + green + blue


def test_browser_first_image_loads_eagerly_on_listing_video_and_search_pages(browser, stack):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    tab = context.new_page()
    for path in (
        "/",
        first_path(stack, "video"),
        "/tim-kiem/?q=dang+vien",
        "/video-hoat-dong/",
    ):
        tab.goto(stack["frontend"] + path)
        first = tab.locator("main img").first
        assert first.get_attribute("fetchpriority") == "high", path
        assert first.get_attribute("loading") is None, path
        assert tab.locator("main img[fetchpriority='high']").count() == 1, path
        assert first.evaluate("img => img.complete && img.naturalWidth > 0"), path
    context.close()


def test_browser_home_shows_each_story_once(page, stack):
    page.goto(stack["frontend"] + "/")

    links = page.locator("main .card__title a").evaluate_all("links => links.map(a => a.href)")
    assert links and len(links) == len(set(links)), links


def test_browser_share_image_and_json_ld_on_the_real_stack(page, stack):
    share = api(stack, "site-settings/")["share_image"]["url"]
    page.goto(stack["frontend"] + "/")
    assert page.locator("meta[property='og:image']").get_attribute("content") == share
    page.goto(stack["frontend"] + "/chu-de/" + "chuyen-doi-so/")
    assert page.locator("meta[property='og:image']").get_attribute("content") == share

    page.goto(stack["frontend"] + first_path(stack, "article"))
    article = json_ld(page)
    assert article["@type"] == "NewsArticle"
    assert article["dateModified"] >= article["datePublished"][:10]
    assert article["publisher"]["logo"]["url"].endswith(".png")

    page.goto(stack["frontend"] + first_path(stack, "video"))
    video = json_ld(page)
    assert video["@type"] == "VideoObject"
    assert video["name"] and video["description"] and video["uploadDate"]
    assert video["thumbnailUrl"] and video["embedUrl"].startswith("https://www.youtube-nocookie")

    page.goto(stack["frontend"] + first_path(stack, "gallery"))
    gallery = json_ld(page)
    assert gallery["@type"] == "ImageGallery"
    assert len(gallery["image"]) == page.locator("[data-gallery] li").count() >= 6
    assert all(photo["contentUrl"].startswith("http") for photo in gallery["image"])
