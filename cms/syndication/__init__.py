"""Syndication to the provincial portal and feed readers: RSS/Atom feeds (``feeds``), the
change feed (``changes``, events written by ``signals`` and ``recording``), API keys
(``api_keys``) and signed webhooks (``webhooks``, ``addresses``), with their admin screens.

App label ``syndication`` (its tables and migrations predate the move into cms/). Serializes
pages with the reader API's serializers and visibility, so the portal sees what readers see.
"""
