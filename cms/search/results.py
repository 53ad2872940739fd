"""One page of search results and their total count, from a single ranked query.

Counting the matches and ranking them each read every matching row; for a common word
("hội nghị" is in most articles) that is most of the request. On PostgreSQL the page of
ids and the total come from one query (``COUNT(*) OVER ()`` over the matches, each
reduced to its id, rank and date, then a top-N sort), with the texts the highlights quote.

The query is written here around the SQL of the pages searched (public, filtered by
section, type, locale, dates: ``pages_sql``). That SQL depends only on the listing's
filters and on what is public, so a search with the same filters reuses it while nothing
has changed (``remember_pages``/``known_pages``, keyed by the API generation like cached
responses): building and compiling the filtered queryset was a third of the CPU time of a
search request. SQLite, and ``?order=``, search the queryset itself (cms.search.query).
"""

from collections.abc import Hashable

from django.db import connection
from django.db.models import QuerySet

from cms.search.highlight import SNIPPET_SEARCH_LENGTH
from cms.search.index import SEARCH_CONFIG
from cms.search.query import ParsedQuery, search_pages

# The matching documents reduced to id, rank and date (fenced by OFFSET 0, so the rank is
# computed as the rows are read and the join holds only those three), joined to the pages
# searched; every match counted, the best ``limit`` kept, ties broken as search_pages does.
WINDOW_SQL = f"""
SELECT ranked.page_id, ranked.total, text.title, text.lead,
    left(text.body, {SNIPPET_SEARCH_LENGTH})
FROM (
    SELECT matches.page_id, COUNT(*) OVER () AS total, matches.rank,
        COALESCE(matches.publication_date, pages.first_published_at) AS published
    FROM (
        SELECT page_id, ts_rank(rank_vector, query) AS rank, publication_date
        FROM home_searchdocument, to_tsquery('{SEARCH_CONFIG}', %s) AS query
        WHERE vector @@ query
        OFFSET 0
    ) AS matches
    JOIN ({{pages}}) AS pages (id, first_published_at) ON pages.id = matches.page_id
    ORDER BY matches.rank DESC, published DESC, matches.page_id DESC
    LIMIT %s OFFSET %s
) AS ranked
JOIN home_searchtext AS text ON text.page_id = ranked.page_id
ORDER BY ranked.rank DESC, ranked.published DESC, ranked.page_id DESC
"""
COUNT_SQL = f"""
SELECT COUNT(*)
FROM home_searchdocument, to_tsquery('{SEARCH_CONFIG}', %s) AS query
WHERE vector @@ query AND page_id IN (SELECT pages.id FROM ({{pages}}) AS pages)
"""

PagesSQL = tuple[str, tuple]


def pages_sql(queryset: QuerySet) -> PagesSQL:
    """The SQL of the pages a search looks in, as the window query joins them."""
    return queryset.order_by().values_list("id", "first_published_at").query.sql_with_params()


class RankedResults:
    """The pages of ``pages`` matching ``query``, best first, for the window
    ``offset``..``offset + limit`` (PostgreSQL)."""

    def __init__(self, pages: PagesSQL, query: ParsedQuery, offset: int, limit: int):
        self.pages = pages
        self._tsquery = query.tsquery()
        self._window = (offset, limit)
        self._total: int | None = None
        self._ids: list[int] = []
        self._texts: dict[int, tuple[str, str, str]] = {}

    def _fetch_window(self) -> None:
        sql, params = self.pages
        offset, limit = self._window
        with connection.cursor() as cursor:
            cursor.execute(WINDOW_SQL.format(pages=sql), (self._tsquery, *params, limit, offset))
            rows = cursor.fetchall()
            if rows:
                self._total = rows[0][1]
            elif offset:  # past the last match nothing comes back, the count with it
                cursor.execute(COUNT_SQL.format(pages=sql), (self._tsquery, *params))
                self._total = cursor.fetchone()[0]
            else:
                self._total = 0
        self._ids = [row[0] for row in rows]
        self._texts = {row[0]: row[2:] for row in rows}

    def count(self) -> int:
        if self._total is None:
            self._fetch_window()
        return self._total

    def page_ids(self) -> list[int]:
        """The ids of the window's matches, best first."""
        if self._total is None:
            self._fetch_window()
        return self._ids

    @property
    def texts(self) -> dict[int, tuple[str, str, str]]:
        """Title, lead and start of the body of the window's pages, which highlights quote."""
        return self._texts


# Pages SQL by (API generation, site, filters): at most this many are kept.
_known_pages: dict[Hashable, PagesSQL] = {}
_KNOWN_PAGES_MAX = 1000


def remember_pages(key: Hashable, pages: PagesSQL) -> None:
    if len(_known_pages) >= _KNOWN_PAGES_MAX:
        _known_pages.clear()
    _known_pages[key] = pages


def known_pages(key: Hashable) -> PagesSQL | None:
    return _known_pages.get(key)


def search_listing(
    queryset: QuerySet, query: ParsedQuery, offset: int, limit: int, order_by_relevance: bool
):
    """What a listing's ``?search=`` gives: ``RankedResults`` where it helps (PostgreSQL,
    best matches first), else the ranked queryset itself."""
    if connection.vendor == "postgresql" and order_by_relevance and query.terms:
        return RankedResults(pages_sql(queryset), query, offset, limit)
    return search_pages(queryset, query, order_by_relevance=order_by_relevance)
