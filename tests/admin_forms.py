"""Form data for the Wagtail page editor, as a browser would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def article_form_data(title: str, action: str | None = None, **fields) -> dict:
    """POST data for the article editor; action is e.g. "action-submit" or "action-publish"."""
    data = {
        "title": title,
        "slug": fields.pop("slug", ""),
        "lead": fields.pop("lead", "Tin ngắn về hoạt động của Đảng ủy Khối."),
        "body": streamfield(
            [("paragraph", rich_text(fields.pop("paragraph", "<p>Nội dung bài viết.</p>")))]
        ),
        "publication_date": fields.pop("publication_date", "2026-06-15 08:30"),
        "source": "",
        "tags": "",
        "article_authors": inline_formset([]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        **fields,
    }
    if action:
        data[action] = "1"
    return nested_form_data(data)
