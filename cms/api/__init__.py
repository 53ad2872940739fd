"""The reader API (``/api/v2/``): what the reader frontend and the provincial portal read.

``urls`` is the router; ``base``, ``pages``, ``media``, ``site`` and ``autocomplete`` hold the
endpoints; ``serializers`` and ``context`` the JSON shapes; ``filters`` the query parameters;
``visibility`` decides what is public; ``cache`` keeps responses and ETags; ``queries`` holds
the read queries; ``schema`` the OpenAPI document; ``preview`` the draft preview endpoint.

Uses the content model (home), media renditions and search. Must not import the editorial
office's views or the admin: the API answers anonymous readers only.
"""
