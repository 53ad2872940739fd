"""Article bodies as HTML for feed readers, built from the API's representation of the body.

Going through the API's shapes keeps feeds consistent with it: image URLs are absolute,
internal links point at the frontend, links to anything not public have lost their href.
"""

from django.utils.html import escape, format_html, format_html_join


def _image(value: dict) -> str:
    caption = " – ".join(part for part in (value.get("caption"), value.get("credit")) if part)
    img = format_html(
        '<img src="{}" alt="{}" width="{}" height="{}">',
        value["src"],
        value.get("alt", ""),
        value.get("width", ""),
        value.get("height", ""),
    )
    if caption:
        return format_html("<figure>{}<figcaption>{}</figcaption></figure>", img, caption)
    return format_html("<figure>{}</figure>", img)


def _table(value: dict) -> str:
    rows = value.get("data") or []
    return format_html(
        "<table>{}</table>",
        format_html_join(
            "",
            "<tr>{}</tr>",
            (
                (format_html_join("", "<td>{}</td>", ((cell or "",) for cell in row)),)
                for row in rows
            ),
        ),
    )


def block_html(block: dict) -> str:
    kind, value = block["type"], block["value"]
    if value is None:
        return ""
    if kind == "paragraph":
        return value  # already cleaned HTML from the rich text editor
    if kind == "heading":
        level = value.get("level", "h2") if value.get("level") in ("h2", "h3", "h4") else "h2"
        return f"<{level}>{escape(value.get('text', ''))}</{level}>"
    if kind == "image":
        return _image(value)
    if kind == "quote":
        if isinstance(value, dict):
            text, attribution = value.get("text", ""), value.get("attribution", "")
        else:
            text, attribution = str(value), ""
        cite = format_html("<footer>{}</footer>", attribution) if attribution else ""
        return format_html("<blockquote><p>{}</p>{}</blockquote>", text, cite)
    if kind == "document":
        return format_html('<p><a href="{}">{}</a></p>', value.get("url", ""), value.get("title"))
    if kind == "video":
        url = value.get("embed") or value.get("url") or ""
        if isinstance(url, dict):
            url = url.get("url", "")
        return format_html('<p><a href="{}">{}</a></p>', url, value.get("caption") or url)
    if kind == "table" and isinstance(value, dict):
        return _table(value)
    return ""


def body_html(blocks: list[dict]) -> str:
    return "\n".join(block_html(block) for block in blocks)
