"""The editorial office: who may do what, and what the office does to content.

``roles`` names the groups (contributors, section editors, the board, site administrators),
``retraction`` retracts and restores pages, ``audit`` exports the audit log, ``views`` and
``wagtail_hooks`` are their admin screens and buttons (and the page editor's stale-save
check), ``signals`` closes retractions on publish. The workflow task and ``Retraction`` rows
are models of home (home/models/editorial.py).

Uses the content model and the syndication outbox (retractions reach the portal). Must not
import the reader API.
"""
