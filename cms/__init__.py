"""The CMS: settings, URLs and the CMS's concerns, one package each.

``api/`` the reader API, ``search/`` the reader search, ``editorial/`` the editorial office,
``syndication/`` feeds, change feed and webhooks for the provincial portal. Beside them, two
modules any room may use: ``vietnamese`` (text rules) and ``query_templates`` (read queries
compiled once). The content model is ``home/``, media is ``media_library/``.
"""
