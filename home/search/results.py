"""One page of search results and their total count, from a single ranked query.

Counting the matches and ranking them each read every matching row; for a common word
("hội nghị" is in most articles) that is most of the request. On PostgreSQL the page of
ids and the total come from one query (``COUNT(*) OVER ()`` over the matches, each
reduced to its id, rank and date, then a top-N sort), and the page's rows are loaded by id.

``listing_view`` (home/api.py) calls ``count()`` and then asks for the window's ids; the
window is known in advance (the view's validated ``limit``/``offset``), so ``count()`` runs
the query for that window and ``page_ids()`` is served from it. Any other window falls back
to the plain ranked queryset. SQLite, and ``?order=``, keep the plain queryset.
"""

from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce

from home.search.highlight import SNIPPET_SEARCH_LENGTH
from home.search.query import ParsedQuery, search_pages

# The matches, fenced (OFFSET 0) so that the planner produces all of them with hash joins
# rather than index lookups tuned for the LIMIT; ties broken as search_pages does. The
# texts the highlights quote come with the page of ids (home.search.highlight).
WINDOW_SQL = f"""
SELECT ranked.page_id, ranked.total, text.title, text.lead,
    left(text.body, {SNIPPET_SEARCH_LENGTH})
FROM (
    SELECT page_id, COUNT(*) OVER () AS total, rank, published
    FROM ({{matches}} OFFSET 0) AS matches (page_id, rank, published)
    ORDER BY rank DESC, published DESC, page_id DESC
    LIMIT %s OFFSET %s
) AS ranked
JOIN home_searchtext AS text ON text.page_id = ranked.page_id
ORDER BY ranked.rank DESC, ranked.published DESC, ranked.page_id DESC
"""


class RankedResults:
    """The public pages of ``queryset`` matching ``query``, best first, for the window
    ``offset``..``offset + limit``."""

    def __init__(self, queryset: QuerySet, query: ParsedQuery, offset: int, limit: int):
        self.model = queryset.model
        self._base = queryset
        self._ranked = search_pages(queryset, query)
        self._window = (offset, limit)
        self._total: int | None = None
        self._ids: list[int] = []
        self._texts: dict[int, tuple[str, str, str]] = {}

    def _fetch_window(self) -> None:
        matches = (
            self._ranked.order_by()
            .annotate(
                search_published=Coalesce(
                    F("search_document__publication_date"), F("first_published_at")
                )
            )
            .values_list("id", "search_rank", "search_published")
        )
        sql, params = matches.query.sql_with_params()
        offset, limit = self._window
        with connection.cursor() as cursor:
            cursor.execute(WINDOW_SQL.format(matches=sql), (*params, limit, offset))
            rows = cursor.fetchall()
        self._ids = [row[0] for row in rows]
        self._texts = {row[0]: row[2:] for row in rows}
        # Past the last match nothing comes back, the count with it.
        self._total = rows[0][1] if rows else (self._ranked.count() if offset else 0)

    def count(self) -> int:
        if self._total is None:
            self._fetch_window()
        return self._total

    def page_ids(self, offset: int, limit: int) -> list[int]:
        """The ids of the matches ``offset``..``offset + limit``, best first."""
        if (offset, limit) != self._window:
            return list(self._ranked.values_list("id", flat=True)[offset : offset + limit])
        if self._total is None:
            self._fetch_window()
        return self._ids

    @property
    def texts(self) -> dict[int, tuple[str, str, str]]:
        """Title, lead and start of the body of the window's pages, which highlights quote."""
        return self._texts


def search_listing(
    queryset: QuerySet, query: ParsedQuery, offset: int, limit: int, order_by_relevance: bool
):
    """What a listing's ``?search=`` gives: ``RankedResults`` where it helps (PostgreSQL,
    best matches first), else the ranked queryset itself."""
    if connection.vendor == "postgresql" and order_by_relevance and query.terms:
        return RankedResults(queryset, query, offset, limit)
    return search_pages(queryset, query, order_by_relevance=order_by_relevance)
