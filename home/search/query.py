"""Matching a reader's query against ``SearchDocument`` rows, on a queryset of public pages.

The queryset given is already limited to what a reader may see (home.api_visibility) and
filtered by section, type, locale and dates; search only narrows and orders it, so counts
and pages never include anything else.

PostgreSQL: ``vector @@ to_tsquery('vietnamese_unaccent', 'cai & cach')``, served by a GIN
index, ranked by ts_rank on the title (A) and lead (B); body-only matches rank last.
SQLite (the embedded default, for the demo): LIKE on the folded columns, ranked by where
the words were found.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from home.search.index import SEARCH_CONFIG
from home.search.text import query_terms


@dataclass(frozen=True)
class ParsedQuery:
    terms: list[str]
    any_term: bool = False  # search_operator=or
    prefix_last: bool = False  # autocomplete: the last word is still being typed

    def tsquery(self, weights: str = "") -> str:
        """'cai' & 'cach':* ; terms are folded \\w+ words, so they need no escaping."""
        parts = [
            f"'{t}':{'*' if self.prefix_last and i == len(self.terms) - 1 else ''}{weights}"
            for i, t in enumerate(self.terms)
        ]
        parts = [p.rstrip(":") for p in parts]
        return (" | " if self.any_term else " & ").join(parts)


def parse(query: str, any_term: bool = False, prefix_last: bool = False) -> ParsedQuery:
    return ParsedQuery(query_terms(query), any_term, prefix_last)


def _postgresql(queryset: QuerySet, query: ParsedQuery, title_only: bool) -> QuerySet:
    ts_query = SearchQuery(
        query.tsquery("A" if title_only else ""), config=SEARCH_CONFIG, search_type="raw"
    )
    # ``vector`` holds every word without positions (small, so matching reads no TOAST);
    # ``rank_vector`` the title (A) and lead (B) with positions, for ranking and titles.
    column = "rank_vector" if title_only else "vector"
    return queryset.filter(**{f"search_document__{column}": ts_query}).annotate(
        search_rank=SearchRank(F("search_document__rank_vector"), ts_query)
    )


def _sqlite(queryset: QuerySet, query: ParsedQuery, title_only: bool) -> QuerySet:
    columns = (
        (("folded_title", 4),)
        if title_only
        else (
            ("folded_title", 4),
            ("folded_lead", 2),
            ("folded_body", 1),
        )
    )
    matches, rank = [], []
    for i, term in enumerate(query.terms):
        needle = f" {term}" if query.prefix_last and i == len(query.terms) - 1 else f" {term} "
        lookups = [Q(**{f"search_document__{column}__contains": needle}) for column, _ in columns]
        match = lookups[0]
        for lookup in lookups[1:]:
            match |= lookup
        matches.append(match)
        rank.append(
            Case(
                *(
                    When(lookup, then=Value(weight))
                    for lookup, (_, weight) in zip(lookups, columns, strict=True)
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    combined = matches[0]
    for match in matches[1:]:
        combined = (combined | match) if query.any_term else (combined & match)
    total = rank[0]
    for item in rank[1:]:
        total = total + item
    return queryset.filter(combined).annotate(search_rank=total)


def search_pages(
    queryset: QuerySet,
    query: ParsedQuery,
    order_by_relevance: bool = True,
    title_only: bool = False,
) -> QuerySet:
    """The pages of ``queryset`` that match, best first (or in the queryset's own order)."""
    if not query.terms:
        return queryset.none()
    match = _postgresql if connection.vendor == "postgresql" else _sqlite
    results = match(queryset, query, title_only)
    if order_by_relevance:
        results = results.order_by(
            "-search_rank",
            Coalesce("search_document__publication_date", "first_published_at").desc(),
            "-id",
        )
    return results
