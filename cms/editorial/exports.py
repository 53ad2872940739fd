"""Spreadsheets out of the admin: who may export, and cells that cannot run as formulas.

Every export of the admin (``?export=csv`` or ``xlsx`` on Wagtail's reports and listings,
our audit log CSV) follows the audit log's rule: the editorial board only, since a report
lists other people's drafts and retractions. And a cell that a spreadsheet would read as a
formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written
with a leading apostrophe, as OWASP recommends against CSV injection: a title typed as
``=HYPERLINK("http://…")`` stays text in Excel.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse

from cms.editorial import roles

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """'=1+1' -> "'=1+1"; anything else as it is."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def neutralise_rows(rows: Iterable[Iterable[str]]) -> Iterator[list[str]]:
    for row in rows:
        yield [neutralise(str(cell)) for cell in row]


def _neutralise_csv_chunks(chunks: Iterable[bytes], charset: str) -> Iterator[bytes]:
    # Wagtail streams one CSV row per chunk (a cell may hold a line break, quoted).
    for chunk in chunks:
        text = chunk.decode(charset)
        out = io.StringIO()
        csv.writer(out).writerows(neutralise_rows(csv.reader(io.StringIO(text))))
        yield out.getvalue().encode(charset)


class AdminExportMiddleware:
    """Board-only exports, and Wagtail's CSV cells neutralised (its XLSX export already
    writes would-be formulas as strings)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        exporting = "export" in request.GET and request.path.startswith(
            reverse("wagtailadmin_home")
        )
        if exporting and not roles.is_editorial_board(request.user):
            raise PermissionDenied
        response = self.get_response(request)
        streamed_csv = isinstance(response, StreamingHttpResponse) and response.get(
            "Content-Type", ""
        ).startswith("text/csv")
        if exporting and streamed_csv:
            response.streaming_content = _neutralise_csv_chunks(
                response.streaming_content, response.charset or "utf-8"
            )
        return response
