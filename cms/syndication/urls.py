"""Feed URLs, mounted at /feeds/ by cms/urls.py (before Wagtail's catch-all page route)."""

from django.urls import path

from cms.syndication.document_feeds import document_rss_view
from cms.syndication.feeds import atom_view, rss_view

urlpatterns = [
    path("rss/", rss_view, name="feed_rss"),
    path("atom/", atom_view, name="feed_atom"),
    # The document library, all or one type (before the sections' catch-all paths).
    path("documents/rss/", document_rss_view, name="documents_feed_rss"),
    path("documents/<slug:type_slug>/rss/", document_rss_view, name="documents_type_feed_rss"),
    path("<path:section_path>/rss/", rss_view, name="section_feed_rss"),
    path("<path:section_path>/atom/", atom_view, name="section_feed_atom"),
]
