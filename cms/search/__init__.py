"""Accent-insensitive search of public pages, for readers (the API) and for editors (admin).

``text`` folds Vietnamese text and parses queries, ``abbreviations`` groups the other
spellings of names, ``index`` keeps one ``SearchDocument`` per page current, ``query``
matches documents (a stored tsvector on PostgreSQL, folded columns on SQLite), ``results``
ranks a page of results, ``highlight`` builds the snippets and ``admin_backend`` is the
admin's search backend.

Uses the content model (home.models: the search rows live there). Must not import the API:
the API calls search with a queryset already limited to what a reader may see.
"""
