"""Feed URLs, mounted at /feeds/ by cms/urls.py (before Wagtail's catch-all page route)."""

from django.urls import path

from cms.syndication.feeds import atom_view, rss_view

urlpatterns = [
    path("rss/", rss_view, name="feed_rss"),
    path("atom/", atom_view, name="feed_atom"),
    path("<path:section_path>/rss/", rss_view, name="section_feed_rss"),
    path("<path:section_path>/atom/", atom_view, name="section_feed_atom"),
]
