"""The import: three passes over a collective.exportimport export.

1. scan: every item's UID, type, parent and path (no blob kept), so that galleries are
   recognised and links to items later in the file can be told from links to nothing;
2. import: each item in its own savepoint, so a failure never leaves half a page; items
   go in chunks of CHUNK_SIZE, one transaction each, at the end of which the work Wagtail
   does after every publish is done once for the chunk (cms/plone_import/publishing.py);
3. links: items whose text linked to items imported after them are converted again.

Then relations, ordering, Plone's own redirects, and the report. Everything is keyed by the
Plone UID (plone_import.ImportedItem): a second run updates what changed, skips the rest.
"""

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry

from cms.plone_import import mapping
from cms.plone_import.export import BlobError, Export, ExportError
from cms.plone_import.models import ImportedItem
from cms.plone_import.pages import PageWriter
from cms.plone_import.publishing import Batch
from cms.plone_import.report import Report
from cms.plone_import.rich_text import PENDING
from home.models import ArticlePage, Author, Tag

logger = logging.getLogger(__name__)

HISTORY_ACTION = "plone_import.history"
# Items per transaction: the after-publish work is done once per chunk; a chunk holds its
# locks (the parents' rows, the change feed's sequence) until it commits.
CHUNK_SIZE = 100
_MAX_REDIRECT_PATH = 255  # wagtailredirects_redirect.old_path


class SkipItem(Exception):
    """This item cannot be imported; the reason goes to the report."""


@dataclass
class Options:
    root: Page
    dry_run: bool = False
    with_users: bool = False
    progress: Callable | None = None  # wraps an iterable (tqdm) or None


@dataclass
class Importer:
    export: Export
    options: Options
    report: Report = field(default_factory=Report)
    index: mapping.Index = field(default_factory=mapping.Index)

    def run(self) -> Report:
        self.default_pages = self._default_pages()
        self.members = {
            m.get("username"): m for m in self.export.other("members", {}).get("members", [])
        }
        self.relations = self.export.other("relations", [])
        self._scan()
        self.writer = PageWriter(self)
        self.pending: set[str] = set()
        self.batch: Batch | None = None
        self._known = set(ImportedItem.objects.values_list("uid", flat=True).iterator())
        self.forget()
        self._import_pass()
        if self.pending and not self.options.dry_run:
            self._link_pass()
        if not self.options.dry_run:
            self._relations()
            self._ordering()
            self._plone_redirects()
        return self.report

    # --- passes -----------------------------------------------------------------------

    def _scan(self) -> None:
        try:
            for _path, item in self.export.items():
                if isinstance(item, dict) and item.get("UID") and item.get("@type"):
                    self.index.add(item)
        except ExportError as error:
            self.report.problems.append(("", "", "", "skipped", str(error)))

    def _items(self, total: int | None = None):
        items = self.export.items()
        if self.options.progress:
            items = self.options.progress(items, total=total)
        try:
            yield from items
        except ExportError as error:
            self.report.problems.append(("", "", "", "skipped", str(error)))

    def _import_pass(self) -> None:
        items = iter(self._items(total=len(self.index.entries)))
        if self.options.dry_run:
            for _path, item in items:
                self._import_one(item)
            return
        more = True
        while more:
            with transaction.atomic():
                self.batch = Batch()
                more = False
                for n, (_path, item) in enumerate(items, start=1):
                    self._import_one(item)
                    if n == CHUNK_SIZE:
                        more = True
                        break
                self.batch.flush()
            self.batch = None

    def _import_one(self, item: object) -> None:
        if not isinstance(item, dict) or "unexported_paths" in item:
            return
        if not item.get("UID") or not item.get("@type"):
            self.report.skipped(item if isinstance(item, dict) else {}, "no UID or @type")
            return
        self.import_item(item)

    def _link_pass(self) -> None:
        for _path, item in self.export.items():
            if isinstance(item, dict) and item.get("UID") in self.pending:
                record = ImportedItem.objects.filter(uid=item["UID"]).select_related("page").first()
                if record and record.page_id:
                    with transaction.atomic():
                        self.writer.relink(record.page.specific, item)

    # --- one item -------------------------------------------------------------------------

    def import_item(self, item: dict) -> None:
        uid, portal_type = item["UID"], item["@type"]
        kind = mapping.our_type(item, self.index, self.default_pages)
        if kind is None:
            self.report.skipped(item, f"no mapping for the Plone type {portal_type}")
            return
        state = mapping.our_state(item, kind)
        fingerprint = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()
        record = ImportedItem.objects.filter(uid=uid).first() if uid in self._known else None
        if record and record.fingerprint == fingerprint and self._target_exists(record):
            self.report.unchanged += 1
            self.report.count(portal_type, item.get("review_state") or "-", kind, state)
            return
        if self.options.dry_run:
            problem = self._dry_check(item, kind)
            if problem:
                self.report.skipped(item, problem)
            else:
                self.report.count(portal_type, item.get("review_state") or "-", kind, state)
            return
        try:
            with transaction.atomic():
                record = record or ImportedItem(uid=uid)
                created = record.pk is None
                record.portal_type, record.old_path = portal_type, mapping.old_path(item)
                self.writer.write(item, kind, state, record)
                record.fingerprint = fingerprint
                record.save()
                self._redirects(item, record)
        except SkipItem as error:
            self.forget()
            self.report.skipped(item, str(error))
            return
        except (BlobError, ValidationError) as error:
            self.forget()
            self.report.skipped(item, f"{type(error).__name__}: {error}")
            return
        except (ValueError, KeyError, TypeError) as error:
            self.forget()
            logger.warning("Plone item %s not imported", item.get("@id"), exc_info=True)
            self.report.skipped(item, f"{type(error).__name__}: {error}")
            return
        if self.batch is not None:
            self.batch.keep()
        self._known.add(uid)
        target = _target(record)
        if target:
            self._targets[uid] = target
        if created:
            self.report.created += 1
        else:
            self.report.updated += 1
        self.report.count(portal_type, item.get("review_state") or "-", kind, state)

    def _dry_check(self, item: dict, kind: str) -> str | None:
        if kind in ("image", "gallery photo", "document") and not mapping.media_is_public(item):
            return "not public in Plone (our media library has no private files)"
        field_name = {"image": "image", "gallery photo": "image", "document": "file"}.get(kind)
        if field_name:
            try:
                self.export.blob(item.get(field_name) or {})
            except BlobError as error:
                return str(error)
        parent_uid = (item.get("parent") or {}).get("UID")
        if parent_uid and parent_uid not in self.index.entries and not self._is_site(item):
            return "its parent is not in the export"
        return None

    def forget(self) -> None:
        """Empty what the run keeps of rows written (authors, tags, users, folders' pages,
        link targets): after an item's savepoint is rolled back, some of them are gone."""
        if self.batch is not None:
            self.batch.drop()
        self._authors: dict[str, Author] = {}
        self._users: dict[str, object] = {}
        self._tags: dict[str, Tag] = {}
        self._targets: dict[str, tuple] = {}
        self.writer.parents.clear()

    def _target_exists(self, record: ImportedItem) -> bool:
        return bool(record.page_id or record.image_id or record.document_id or record.target_url)

    def _is_site(self, item: dict) -> bool:
        return (item.get("parent") or {}).get("@type") in mapping.SITE_TYPES

    # --- what items refer to --------------------------------------------------------------

    def resolve(self, uid: str) -> tuple | None:
        """A UID in a text -> ("page", id), ("document", id), ("image", id), ("url", ...)."""
        if uid in self._targets:
            return self._targets[uid]
        record = ImportedItem.objects.filter(uid=uid).first()
        target = _target(record) if record else None
        if target:
            self._targets[uid] = target
            return target
        if uid in self.index.entries:
            return PENDING
        return None

    def tags_for(self, names: list[str]) -> list[Tag]:
        """The tags named so, made where missing by taggit's rules (case-insensitive here:
        "xây dựng đảng" is the tag "Xây dựng Đảng"), kept for the run."""
        manager = ArticlePage().tags
        tags = []
        for name in dict.fromkeys(names):
            if name not in self._tags:
                # One name at a time: taggit answers with a set, in the stored spelling.
                (self._tags[name],) = manager._to_tag_model_instances([name], {})
            tags.append(self._tags[name])
        return list(dict.fromkeys(tags))

    def author_for(self, username: str) -> Author | None:
        if not username:
            return None
        if username not in self._authors:
            member = self.members.get(username) or {}
            name = mapping_name(member.get("fullname") or username)
            author = Author.objects.filter(name=name).first() or Author.objects.create(name=name)
            self._authors[username] = author
        return self._authors[username]

    def user_for(self, username: str):
        """With --with-users, the Plone member as an inactive account without a usable password."""
        if not self.options.with_users or not username or username not in self.members:
            return None
        if username not in self._users:
            member = self.members[username]
            user, created = get_user_model().objects.get_or_create(
                username=username[:150],
                defaults={"email": member.get("email") or "", "is_active": False},
            )
            if created:
                user.first_name = mapping_name(member.get("fullname") or "")[:150]
                user.set_unusable_password()
                user.save()
            self._users[username] = user
        return self._users[username]

    def log_history(
        self, page: Page, item: dict, replace: bool = True, first: PageLogEntry | None = None
    ) -> None:
        """Plone's created/modified dates and workflow history, as imported audit entries
        (one query: the history of 10,000 items is 30,000 rows), after ``first``."""
        if replace:
            PageLogEntry.objects.filter(page=page, action=HISTORY_ACTION).delete()
        creators = item.get("creators") or []
        entries = []
        created = mapping.parse_date(item.get("created"))
        if created and not item.get("workflow_history"):
            entries.append((created, creators[0] if creators else "", "create", "", ""))
        for history in (item.get("workflow_history") or {}).values():
            for event in history or []:
                when = mapping.parse_date(event.get("time"))
                if when:
                    entries.append(
                        (
                            when,
                            event.get("actor") or "",
                            event.get("action") or "create",
                            event.get("review_state") or "",
                            mapping_name(event.get("comments") or ""),
                        )
                    )
        modified = mapping.parse_date(item.get("modified"))
        if modified:
            entries.append((modified, "", "modify", item.get("review_state") or "", ""))
        content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
        rows = ([first] if first else []) + [
            PageLogEntry(
                content_type=content_type,
                page_id=page.pk,
                label=page.title,
                action=HISTORY_ACTION,
                timestamp=when,
                user=self.user_for(actor),
                data={
                    "actor": actor,
                    "action": action,
                    "review_state": review_state,
                    "comment": comment,
                },
            )
            for when, actor, action, review_state, comment in sorted(entries, key=lambda e: e[0])
        ]
        if first and self.batch is not None:
            self.batch.add_log_entries(rows)  # a new page: inserted with the chunk's
        else:
            PageLogEntry.objects.bulk_create(rows)

    # --- old addresses --------------------------------------------------------------------

    def _redirects(self, item: dict, record: ImportedItem) -> None:
        target: dict = {}
        if record.page_id:
            target = {"redirect_page_id": record.page_id, "redirect_link": ""}
        elif record.image_id:
            target = {"redirect_page": None, "redirect_link": record.image.file.url}
        elif record.document_id:
            target = {"redirect_page": None, "redirect_link": record.document.url}
        elif record.target_url:
            if len(record.target_url) > _MAX_REDIRECT_PATH:  # redirect_link holds 255 too
                self.report.lossy(item, "the Link's address is too long for a redirect")
                return
            target = {"redirect_page": None, "redirect_link": record.target_url}
        if not target:
            return
        suffixes = ["", "/view"]
        if item.get("@type") == "Image" or item.get("image"):
            suffixes += ["/@@images/image", "/image_view_fullscreen", "/image"]
            suffixes += [f"/@@images/image/{scale}" for scale in IMAGE_SCALES]
            suffixes += [f"/image_{scale}" for scale in IMAGE_SCALES]
        if item.get("@type") == "File":
            suffixes += ["/@@download/file", "/at_download/file"]
        for base in mapping.public_paths(record.old_path, self.index.site_paths):
            for suffix in suffixes:
                self.add_redirect(base + suffix, target, item)

    def add_redirect(self, path: str, target: dict, item: dict) -> None:
        old_path = Redirect.normalise_path(path)
        if len(old_path) > _MAX_REDIRECT_PATH:
            self.report.lossy(item, f"old address too long for a redirect: {path}")
            return
        if self.batch is not None:
            self.batch.add_redirect(old_path, target)
            return
        Redirect.objects.update_or_create(
            old_path=old_path, site=None, defaults={"is_permanent": True, **target}
        )

    def _plone_redirects(self) -> None:
        """export_redirects.json: addresses Plone itself redirected (items moved or renamed)."""
        for old, new in (self.export.other("redirects", {}) or {}).items():
            uid = self.index.uid_by_path.get(str(new).rstrip("/"))
            record = ImportedItem.objects.filter(uid=uid).first() if uid else None
            if record and record.page_id:
                for path in mapping.public_paths(str(old).rstrip("/"), self.index.site_paths):
                    self.add_redirect(
                        path, {"redirect_page_id": record.page_id, "redirect_link": ""}, {}
                    )

    # --- after the items ------------------------------------------------------------------

    def _default_pages(self) -> set[str]:
        pages = self.export.other("defaultpages", [])
        self.section_of_default_page = {
            p["default_page_uuid"]: p["uuid"] for p in pages if p.get("default_page_uuid")
        }
        return set(self.section_of_default_page)

    def _relations(self) -> None:
        wanted: dict[int, list[int]] = {}
        for relation in self.relations:
            source, target = relation.get("from_uuid"), relation.get("to_uuid")
            if relation.get("relationship", "relatedItems") != "relatedItems":
                continue
            item = {"UID": source, "@type": "relation", "@id": f"{source} -> {target}"}
            if source == target:
                self.report.problems.append(_problem(item, "a relation from an item to itself"))
                continue
            pages = dict(
                ImportedItem.objects.filter(
                    uid__in=[source, target], page__isnull=False
                ).values_list("uid", "page_id")
            )
            if source not in pages or target not in pages:
                self.report.problems.append(
                    _problem(item, "a relation to or from an item not imported")
                )
                continue
            wanted.setdefault(pages[source], []).append(pages[target])
        for page_id, related in wanted.items():
            with transaction.atomic():
                self.writer.set_related(page_id, related)

    def _ordering(self) -> None:
        order = {o["uuid"]: o["order"] for o in self.export.other("ordering", []) if "uuid" in o}
        if order:
            with transaction.atomic():
                self.writer.apply_ordering(order)


IMAGE_SCALES = (
    "large",
    "preview",
    "mini",
    "thumb",
    "tile",
    "icon",
    "listing",
    "great",
    "huge",
    "larger",
    "teaser",
)


def mapping_name(text: str) -> str:
    from cms.plone_import.text import repair_text

    return repair_text(text).strip()


def _target(record: ImportedItem) -> tuple | None:
    if record.page_id:
        return ("page", record.page_id)
    if record.document_id:
        return ("document", record.document_id)
    if record.image_id:
        return ("image", record.image_id)
    if record.target_url:
        return ("url", record.target_url)
    return None


def _problem(item: dict, reason: str) -> tuple[str, str, str, str, str]:
    return (
        str(item.get("UID", "")),
        str(item.get("@id", "")),
        str(item.get("@type", "")),
        "skipped",
        reason,
    )
