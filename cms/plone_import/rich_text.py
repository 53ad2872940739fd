"""Plone's rich text (TinyMCE HTML) -> our body blocks, with resolveuid links as references.

    >>> blocks, losses, pending = html_to_blocks(
    ...     '<h2>Tiêu đề</h2><p style="color:red">Xem <a href="resolveuid/abc">bài</a></p>'
    ...     '<p><img src="resolveuid/img1/@@images/image/large" alt="Ảnh"></p>',
    ...     lambda uid: {"abc": ("page", 7), "img1": ("image", 3)}.get(uid),
    ... )
    >>> [block["type"] for block in blocks]
    ['heading', 'paragraph', 'image']
    >>> blocks[1]["value"]
    '<p>Xem <a linktype="page" id="7">bài</a></p>'

The HTML is first cut down by nh3 to the structure we keep (scripts, styles, ``font`` tags
and event handlers go), then split at the block level: headings, images, tables and quotes
become their own blocks; paragraphs and lists go through the project's rich text sanitiser
(home.rich_text) and their links to imported items become Wagtail references
(``linktype="page"`` / ``"document"``), which follow the item if it moves.
"""

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

import nh3

from cms.plone_import.text import repair_text
from home.rich_text import sanitise

# A resolver answers for a Plone UID: ("page", id), ("document", id), ("image", id),
# ("url", address), PENDING (imported later in this run) or None (not in the export).
PENDING = ("pending", None)
Resolver = Callable[[str], tuple | None]

_STRUCTURE_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "ol", "ul",
    "li", "a", "img", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "blockquote", "div", "span", "section", "article", "figure", "figcaption",
}  # fmt: skip
_STRUCTURE_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "title"}}
_UID = re.compile(r"resolve[uU]id/([\w-]{1,64})")
_EMPTY_PARAGRAPH = re.compile(r"<p>(\s|<br>)*</p>")
_HREF = re.compile(r'<a href="([^"]*)">')
_HEADING_LEVEL = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_CONTAINERS = {"div", "section", "article", "span", "figure"}
_FLOW = {"p", "ul", "ol"}
_VOID = {"br", "img"}


class _Node:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag, self.attrs, self.children = tag, attrs, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def html(self) -> str:
        inner = "".join(
            html.escape(c, quote=False) if isinstance(c, str) else c.html() for c in self.children
        )
        if self.tag == "#root":
            return inner
        if self.tag == "#skip":
            return ""
        attrs = "".join(f' {k}="{html.escape(v)}"' for k, v in self.attrs.items())
        if self.tag in _VOID:
            return f"<{self.tag}{attrs}>"
        return f"<{self.tag}{attrs}>{inner}</{self.tag}>"

    def find_all(self, tag: str) -> list["_Node"]:
        found = []
        for child in self.children:
            if isinstance(child, _Node):
                if child.tag == tag:
                    found.append(child)
                found.extend(child.find_all(tag))
        return found


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _parse(markup: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


class _Converter:
    def __init__(self, resolve: Resolver) -> None:
        self.resolve = resolve
        self.blocks: list[dict] = []
        self.losses: list[str] = []
        self.pending = False
        self._flow: list[str] = []

    def uid_target(self, url: str) -> tuple | None:
        match = _UID.search(url)
        if not match:
            return None
        target = self.resolve(match.group(1))
        if target is PENDING:
            self.pending = True
        elif target is None:
            self.losses.append(f"link to an item not in the export: {url}")
        return target

    def flush(self) -> None:
        markup = "".join(self._flow).strip()
        self._flow = []
        if not markup:
            return
        cleaned = _EMPTY_PARAGRAPH.sub("", _HREF.sub(self._link, sanitise(markup)))
        if re.sub(r"<[^>]+>|\s", "", cleaned):
            self.blocks.append({"type": "paragraph", "value": cleaned})

    def _link(self, match: re.Match) -> str:
        url = html.unescape(match.group(1))
        target = self.uid_target(url)
        if target is None:
            if _UID.search(url):
                return "<a>"
            return match.group(0)
        kind, value = target
        if kind in ("page", "document"):
            return f'<a linktype="{kind}" id="{value}">'
        if kind == "url":
            return f'<a href="{html.escape(value)}">'
        return "<a>"  # pending (fixed on the second pass) or an image link

    def image(self, node: _Node) -> None:
        src = node.attrs.get("src", "")
        target = self.uid_target(src)
        if target and target[0] == "image":
            caption = repair_text(node.attrs.get("alt") or node.attrs.get("title") or "")[:500]
            self.blocks.append(
                {"type": "image", "value": {"image": target[1], "caption": caption, "credit": ""}}
            )
        elif target is not PENDING:
            self.losses.append(f"image not in the export: {src}")

    def walk(self, node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self._flow.append(html.escape(child, quote=False))
                continue
            tag = child.tag
            if tag in _CONTAINERS:
                self.walk(child)
            elif tag in _HEADING_LEVEL:
                self.flush()
                text = " ".join(child.text().split())
                if text:
                    self.blocks.append(
                        {
                            "type": "heading",
                            "value": {"text": text[:255], "level": _HEADING_LEVEL[tag]},
                        }
                    )
            elif tag == "img":
                self.flush()
                self.image(child)
            elif tag in _FLOW and child.find_all("img"):
                images = child.find_all("img")
                for image in images:
                    image.tag, image.children = "#skip", []
                self._flow.append(child.html())
                self.flush()
                for image in images:
                    image.tag = "img"
                    self.image(image)
            elif tag == "table":
                self.flush()
                self.table(child)
            elif tag == "blockquote":
                self.flush()
                text = " ".join(child.text().split())
                if text:
                    self.blocks.append(
                        {"type": "quote", "value": {"text": text, "attribution": ""}}
                    )
            else:
                self._flow.append(child.html())
        return None

    def table(self, node: _Node) -> None:
        rows = [
            [
                " ".join(cell.text().split())
                for cell in row.children
                if isinstance(cell, _Node) and cell.tag in ("td", "th")
            ]
            for row in node.find_all("tr")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        header = bool(node.find_all("th")) or bool(node.find_all("thead"))
        self.blocks.append(
            {
                "type": "table",
                "value": {
                    "data": [row + [""] * (width - len(row)) for row in rows],
                    "first_row_is_table_header": header,
                    "first_col_is_header": False,
                    "table_caption": "",
                },
            }
        )
        if any(cell.attrs for cell in node.find_all("td")):
            self.losses.append("table cell spans or styles dropped")


def html_to_blocks(markup: str, resolve: Resolver) -> tuple[list[dict], list[str], bool]:
    """(blocks, losses, pending): pending when a link points to an item not imported yet."""
    converter = _Converter(resolve)
    structure = nh3.clean(
        repair_text(markup),
        tags=_STRUCTURE_TAGS,
        attributes=_STRUCTURE_ATTRIBUTES,
        link_rel=None,
        url_schemes={"http", "https", "mailto", "tel"},
    )
    converter.walk(_parse(structure))
    converter.flush()
    return converter.blocks, converter.losses, converter.pending
