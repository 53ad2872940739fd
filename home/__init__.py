"""The content model: page types, StreamField blocks, snippets, site settings, the rows of the
workflow, retractions and search, content languages, the demo site, and the content's own
admin (snippet viewsets, the gallery's bulk photo upload).

Uses the media library and the text rules (cms.vietnamese). The CMS's concerns (cms/api,
cms/search, cms/editorial, cms/syndication) build on it, never the other way round; only the
demo loader uses the editorial roles, to make the demo logins.
"""
