"""The document library ("Văn bản") on the reader site: the filterable table and a document.

The filter form is a plain GET form: it works without JavaScript, and every filtered page has
its own address (?loai=3&nam=2026&q=81-KH&trang=2 is shared as it is). Values the API would
refuse are dropped here, so a hand-edited address shows the unfiltered table instead of an
error.
"""

import asyncio
import re
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from frontend.api_client import ApiClient, NotFound

PAGE_SIZE = 20
STATUSES = ("in_force", "amended", "replaced", "expired")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Form field (reader's address) -> API parameter, and how a value is checked.
FORM_FIELDS = {
    "q": ("search", lambda v: v[:100] or None),
    "so": ("number", lambda v: v[:40] or None),
    "loai": ("type", lambda v: v if v.isascii() and v.isdigit() and len(v) < 10 else None),
    "co-quan": ("issuer", lambda v: v if v.isascii() and v.isdigit() and len(v) < 10 else None),
    "linh-vuc": ("field", lambda v: v if v.isascii() and v.isdigit() and len(v) < 10 else None),
    "nam": (
        "year",
        lambda v: v if v.isascii() and v.isdigit() and 1900 <= int(v) <= 9000 else None,
    ),
    "tu-ngay": ("issued_from", lambda v: v if _DATE.fullmatch(v) else None),
    "den-ngay": ("issued_to", lambda v: v if _DATE.fullmatch(v) else None),
    "hieu-luc": ("status", lambda v: v if v in STATUSES else None),
}


def chosen_filters(query: QueryParams) -> dict[str, str]:
    """The reader's valid filters, by form field name."""
    chosen = {}
    for name, (_, check) in FORM_FIELDS.items():
        value = query.get(name, "").strip()
        if value and check(value) is not None:
            chosen[name] = check(value)
    return chosen


def page_number(query: QueryParams) -> int:
    raw = query.get("trang", "1")
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) < 100_000:
        raise NotFound()
    return int(raw)


async def library(api: ApiClient, query: QueryParams) -> dict[str, Any]:
    """The table's rows, the filter form's lists and the pagination links."""
    chosen = chosen_filters(query)
    number = page_number(query)
    params = {FORM_FIELDS[name][0]: value for name, value in chosen.items()}
    data, lists = await asyncio.gather(
        api.get(
            "legal-documents/",
            {**params, "limit": PAGE_SIZE, "offset": (number - 1) * PAGE_SIZE},
        ),
        api.get("legal-documents/filters/"),
    )
    total = data["meta"]["total_count"]
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    if number > pages:
        raise NotFound()

    def page_link(n: int) -> str:
        return "?" + urlencode({**chosen, "trang": n})

    return {
        "documents": data["items"],
        "total": total,
        "page": number,
        "pages": pages,
        "previous_url": page_link(number - 1) if number > 1 else None,
        "next_url": page_link(number + 1) if number < pages else None,
        "filters": chosen,
        "lists": lists,
    }
