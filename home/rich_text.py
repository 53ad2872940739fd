"""What rich text may hold when it leaves the CMS: the markup the editor's features make.

The editor (WAGTAILADMIN_RICH_TEXT_EDITORS: headings, bold, italic, lists, links) writes
clean HTML, but rich text also arrives by other ways (imports, scripts, the shell). Every
rich text the reader API serves, and with it the feeds and the frontend, goes through
``sanitise`` (nh3, the Ammonia sanitiser), so that whatever is stored, a reader never gets a
script, an event handler, a style, a frame or a ``javascript:`` link.

>>> sanitise('<p onclick="x()">Tin <b>mới</b><script>alert(1)</script></p>')
'<p>Tin <b>mới</b></p>'
"""

import nh3

TAGS = {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)
