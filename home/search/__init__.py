"""Accent-insensitive search of public pages (issue 7).

``text`` folds Vietnamese text and parses queries, ``index`` keeps one ``SearchDocument`` per
page current, ``query`` matches documents (a stored tsvector on PostgreSQL, folded columns on
SQLite) and ``highlight`` builds the snippets the API returns.
"""
