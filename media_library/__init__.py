"""The media library: images, documents and video files, their storage (local disk or S3),
safe uploads, renditions and who may download a document.

Knows no pages: imports nothing from home/ nor from the CMS's concerns in cms/, only the text
rules (cms.vietnamese) and compiled queries (cms.query_templates) every room may use.
"""
