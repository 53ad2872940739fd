"""axe-core on the office pages of issue 19 (documents, a document, the week's schedule, the
organisation chart in both languages, "Liên hệ" with and without errors, "Hỏi đáp", the
English contact page), at phone and desktop width, in Chromium against the real CMS (demo
site) and frontend.

axe-core comes from the locked dev dependency axe-playwright-python, which ships
``axe.min.js`` (axe-core 4.12) inside the wheel: CI needs no npm and no network beyond the
Python packages `make install` already fetches. Without Chromium the tests skip, and with
CI=1 that skip fails (tests/conftest.py).
"""

from importlib.resources import files

import pytest

from bench.lighthouse import office_pages
from tests.frontend.conftest import screenshot

AXE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
WIDTHS = {"phone": 360, "desktop": 1280}


def violations(tab) -> list[str]:
    """axe-core's violations on the tab's page: 'rule-id (help): selector, …' each."""
    tab.evaluate(AXE)
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['help']}): " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
    ]


@pytest.fixture
def tab_at(browser):
    """tab_at(width) -> a fresh tab of that width. The frontend's CSP (script-src 'self')
    would refuse the injected axe script, so the tab bypasses it."""
    contexts = []

    def open_tab(width: int):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale="vi-VN", bypass_csp=True
        )
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def test_axe_finds_a_violation_on_a_broken_page(tab_at):
    # The check is live: an image without alt text and an unlabelled field are reported.
    tab = tab_at(1280)
    tab.set_content(
        '<html lang="vi"><head><title>x</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )

    found = " ".join(violations(tab))

    assert "image-alt" in found and "label" in found


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_axe_office_pages_have_no_violation(tab_at, stack, width):
    cms_api, frontend = stack["cms"] + "/api/v2", stack["frontend"]
    pages = {**office_pages(cms_api), "orgEN": "/en/gioi-thieu/organisation/"}
    tab = tab_at(width)
    found = {}
    for name, path in pages.items():
        response = tab.goto(frontend + path)
        assert response is not None and response.status == 200, path
        found[name] = violations(tab)
    # The contact form after an empty submission: the error summary and invalid fields.
    tab.goto(frontend + "/lien-he/")
    tab.locator("form[method='post'] button[type='submit']").click()
    tab.wait_for_load_state()
    assert tab.locator(".form-summary").is_visible()
    assert tab.locator("[aria-invalid='true']").count() >= 3
    found["contact-errors"] = violations(tab)
    screenshot(tab, f"contact-errors-{width}")

    assert {name: v for name, v in found.items() if v} == {}
