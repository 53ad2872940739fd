"""What search matches: one row per searchable page, kept current on publish (cms.search)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """What a search matches for a page's live version (its text is in ``SearchText``).

    On PostgreSQL ``vector`` holds all the words of the title, lead and body (a stripped
    tsvector: no positions, small enough to stay in the row) built with the
    ``vietnamese_unaccent`` configuration, which searches match, and ``rank_vector`` the title
    (A) and lead (B) with positions, for ranking and title-only matching. SQLite has no such
    thing, so the ``folded_*`` columns hold the words without diacritics, between spaces
    (" cai cach hanh chinh "), for LIKE matching (on PostgreSQL only ``folded_title`` is
    filled). The rows hold nothing else: a search on a common word reads most of them.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    folded_title = models.TextField()
    folded_lead = models.TextField(blank=True)
    folded_body = models.TextField(blank=True)
    # Date filters and recency ordering across page types (articles, videos, galleries).
    publication_date = models.DateTimeField(null=True)
    # The GIN index on it is created by migration, on PostgreSQL only.
    vector = SearchVectorField(null=True)
    # Title (A) and lead (B) only, for ranking and title-only matching (autocomplete; its
    # GIN index is created by migration): small enough to stay in the row; body matches
    # rank last.
    rank_vector = SearchVectorField(null=True)

    def __str__(self) -> str:
        return self.folded_title.strip()


class SearchText(models.Model):
    """The text of a page's live version as published (NFC): what search snippets quote.

    Apart from ``SearchDocument``, whose rows a search reads by the thousand; only the page
    of results shown reads these.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_text",
    )
    title = models.TextField()
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.title
