"""Matching a reader's query against ``SearchDocument`` rows, on a queryset of public pages.

The queryset given is already limited to what a reader may see (cms.api.visibility) and
filtered by section, type, locale and dates; search only narrows and orders it, so counts
and pages never include anything else.

PostgreSQL: ``vector @@ to_tsquery('vietnamese_unaccent', 'cai & cach')``, served by a GIN
index, ranked by ts_rank on the title (A) and lead (B); body-only matches rank last.
SQLite (the embedded default, for the demo): LIKE on the folded columns, ranked by where
the words were found.
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from cms.search.abbreviations import Group, group_terms
from cms.search.index import SEARCH_CONFIG
from cms.search.text import query_terms


@dataclass(frozen=True)
class ParsedQuery:
    terms: list[str]
    any_term: bool = False  # search_operator=or
    prefix_last: bool = False  # autocomplete: the last word is still being typed

    @cached_property
    def groups(self) -> list[Group]:
        """The terms in groups, each with the other spellings of a name
        (cms.search.abbreviations). Autocomplete matches titles as they are typed: a name's
        other spellings would match titles the reader is not typing."""
        if self.prefix_last:
            return [((term,),) for term in self.terms]
        return group_terms(self.terms)

    @property
    def highlighted(self) -> list[str]:
        """The words to mark: those typed and their names' other spellings."""
        return list(
            dict.fromkeys(word for group in self.groups for words in group for word in words)
        )

    def tsquery(self, weights: str = "") -> str:
        """'cai' & 'cach':* , ('uy' & 'ban' & 'nhan' & 'dan' | 'ubnd') & 'tinh' ; terms are
        folded words (letters and digits), so they need no escaping."""
        suffix = f":{weights}" if weights else ""
        parts = []
        for group in self.groups:
            spellings = [" & ".join(f"'{word}'{suffix}" for word in words) for words in group]
            parts.append(spellings[0] if len(spellings) == 1 else f"({' | '.join(spellings)})")
        if self.prefix_last and parts:
            parts[-1] = f"'{self.terms[-1]}':*{weights}"
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
    for number, group in enumerate(query.groups, start=1):
        prefix = query.prefix_last and number == len(query.groups)  # a lone word, being typed
        spellings = []
        for words in group:
            found = [_found_in(columns, word, prefix) for word in words]
            spellings.append(_all([match for match, _ in found]))
            rank.extend(weight for _, weight in found)
        matches.append(_any(spellings))
    combined = _any(matches) if query.any_term else _all(matches)
    total = rank[0]
    for item in rank[1:]:
        total = total + item
    return queryset.filter(combined).annotate(search_rank=total)


def _found_in(columns, word: str, prefix: bool) -> tuple[Q, Case]:
    """Where ``word`` is in a folded column, and the weight of the best column it is in."""
    needle = f" {word}" if prefix else f" {word} "
    lookups = [Q(**{f"search_document__{column}__contains": needle}) for column, _ in columns]
    weight = Case(
        *(When(lookup, then=Value(w)) for lookup, (_, w) in zip(lookups, columns, strict=True)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return _any(lookups), weight


def _any(conditions: list[Q]) -> Q:
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return combined


def _all(conditions: list[Q]) -> Q:
    combined = conditions[0]
    for condition in conditions[1:]:
        combined &= condition
    return combined


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
