"""The OpenAPI 3 document of the public API, written by hand, and its human-readable page.

Wagtail's API viewsets build their serializers at run time, which schema generators cannot
see; the shapes in ``components`` mirror cms/api/serializers.py, ``paths`` lists every
endpoint with its parameters, and ``views`` serves the document (``/api/v2/schema/``) and its
page (``/api/v2/docs/``). Schemathesis checks them against the live server
(tests/api/test_api_schema.py). New endpoints add their entry to ``paths.PATHS``.
"""
