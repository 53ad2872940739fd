"""Rich text stored by other ways than the editor (an import, a script) reaches readers
with only the editor's markup: through the API, the feeds and so the frontend."""

import feedparser
import pytest

from home.rich_text import sanitise
from tests.api_support import make_article, paragraph

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">Đoạn <b>đậm</b> và <i>nghiêng</i>'
    '<script>alert(1)</script><img src=x onerror="alert(2)">'
    '<iframe src="//evil.example"></iframe>'
    '<a href="javascript:alert(3)">liên kết độc</a>'
    '<a href="https://chinhphu.vn/" style="color:red" target="_blank">Cổng Chính phủ</a></p>'
    '<h2 style="position:fixed">Mục</h2><ul><li>Ý một</li></ul>'
)
CLEAN = (
    "<p>Đoạn <b>đậm</b> và <i>nghiêng</i>"
    "<a>liên kết độc</a>"
    '<a href="https://chinhphu.vn/">Cổng Chính phủ</a></p>'
    "<h2>Mục</h2><ul><li>Ý một</li></ul>"
)
FORBIDDEN = ("<script", "onerror", "onclick", "<iframe", "<img", "javascript:", "style=")


def test_rich_text_sanitise_keeps_the_editors_markup_only():
    assert sanitise(HOSTILE) == CLEAN
    ordinary = '<p>Tin <b>mới</b>: <a href="/tin-tuc/">xem</a></p><h3>Phụ</h3><ol><li>1</li></ol>'
    assert sanitise(ordinary) == ordinary


def test_rich_text_api_serves_stored_hostile_html_cleaned(api, section):
    article = make_article(section, "Bài nhập từ hệ thống cũ", body=[paragraph(HOSTILE)])

    body = api.get(f"/api/v2/pages/{article.id}/").json()["body"]

    assert [block["value"] for block in body] == [CLEAN]


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_rich_text_feeds_carry_the_cleaned_body(client, section, url):
    make_article(section, "Bài nhập từ hệ thống cũ", body=[paragraph(HOSTILE)])

    response = client.get(url)

    raw = response.content.decode()
    for marker in FORBIDDEN:
        assert marker not in raw.replace("&lt;", "<").replace("&quot;", '"'), marker
    entry = feedparser.parse(response.content).entries[0]
    content = entry.content[0].value if "content" in entry else entry.summary
    assert "Cổng Chính phủ" in content and "<b>đậm</b>" in content
