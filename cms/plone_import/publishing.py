"""Creating imported pages in a few queries, and Wagtail's after-publish work once per batch.

Wagtail's ``add_child`` + ``save_revision`` + ``publish`` cost ~140 queries for one new
article: validation, three saves of the page (each queueing a search-index and a
reference-index task), the revision read back, the change event, renditions and the search
task of ``page_published``. A new page that ends published or a draft is written here as
Wagtail would leave it, in about a dozen queries:

    the page row (one insert; the tree path from its parent's last child), its child rows
    (tags, authors: one insert each), its revision, one update setting it live.

What publishing does after that is collected in a ``Batch`` and done for all the pages of
a chunk of items at once, in the chunk's transaction (so it commits with them or not at all):

    admin search (Wagtail's index)   one upsert per page type   (drafts too, as Wagtail does)
    reference index                  per page, without the queued task
    reader search (cms.search)       one upsert                  (live pages)
    change feed ("created")          one insert with its webhook deliveries (live pages)
    renditions                       one queued task for every image shown
    old addresses (redirects)        one select, one insert, one update
    API cache                        bumped once

Retractions are not closed (a new page has none) and aliases not updated (it has none).
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import get_active_log_context
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.api.cache import bump_api_cache
from cms.search.index import index_pages
from cms.syndication import recording
from cms.syndication.models import ChangeEvent
from home.text_fields import compose_text_fields
from media_library.tasks import generate_page_renditions, images_used_by


@contextmanager
def quiet_saves(model: type[Page]) -> Iterator[None]:
    """Saves of ``model`` pages queue no search or reference-index task (the batch writes
    both). Only for the saves inside: the management command runs in one thread."""
    with disable_reference_index_auto_update():
        connected = post_save.disconnect(post_save_signal_handler, sender=model)
        try:
            yield
        finally:
            if connected:
                post_save.connect(post_save_signal_handler, sender=model)


def create_page(
    parent: Page, page: Page, children: dict[str, list], live: bool, dates: dict, batch: "Batch"
) -> Page:
    """Insert the new ``page`` under ``parent`` with its child rows and one revision, live
    (first published at Plone's ``effective``) or a draft. The after-publish work is the
    batch's."""
    batch.add_page(page)
    with quiet_saves(type(page)):
        last = (
            Page.objects.child_of(parent).order_by("-path").values_list("path", flat=True).first()
        )
        page.depth = parent.depth + 1
        page.path = (
            Page(path=last)._inc_path() if last else Page._get_path(parent.path, page.depth, 1)
        )
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page._cached_parent_obj = parent  # Page.save reads it for the url_path
        page.live, page.has_unpublished_changes = False, True  # made live below, in one update
        page._is_site_root = False  # a new page: Page.save need not ask
        compose_text_fields(page)
        # The importer wrote every field from checked data: no validation. Wagtail's
        # "wagtail.create" audit entry goes in with the history (create_log_entry).
        page.save(clean=False, log_action=None)
        # Now, not at the end of the chunk: treebeard places the next child of a parent
        # read from the database by its numchild.
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        parent.numchild += 1
        for relation in get_all_child_relations(page):
            name = relation.get_accessor_name()
            rows = children.get(name, [])
            for row in rows:
                setattr(row, relation.field.name, page)
            if rows:
                relation.related_model.objects.bulk_create(rows)
            setattr(page, name, rows)  # kept in memory: the revision is serialised from them
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            content=page.serializable_data(),
            object_str=str(page),
        )
    page.latest_revision = revision
    fields = {"latest_revision": revision, "latest_revision_created_at": revision.created_at}
    if live:
        first = dates["effective"] or dates["created"] or timezone.now()
        fields.update(
            live=True,
            has_unpublished_changes=False,
            live_revision=revision,
            first_published_at=first,
            last_published_at=dates["modified"] or first,
            latest_revision_created_at=dates["modified"] or first,
        )
    Page.objects.filter(pk=page.pk).update(**fields)
    for name, value in fields.items():
        setattr(page, name, value)
    return page


def create_log_entry(page: Page) -> PageLogEntry:
    """The audit entry Page.save writes for a new page, for a bulk insert."""
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=page.get_admin_display_title(),
        action="wagtail.create",
        timestamp=timezone.now(),
        data={},
        page=page,
        user=page.owner or get_active_log_context().user,
        uuid=get_active_log_context().uuid,
        content_changed=True,
    )


@dataclass
class _Part:
    """What one item, or the kept items of a chunk, leave to do."""

    pages: list[Page] = field(default_factory=list)
    redirects: dict[str, dict] = field(default_factory=dict)
    log_entries: list[PageLogEntry] = field(default_factory=list)

    def add(self, other: "_Part") -> None:
        self.pages += other.pages
        self.redirects.update(other.redirects)
        self.log_entries += other.log_entries


@dataclass
class Batch:
    """What publishing leaves to do for the pages of a chunk of items, done once (flush).

    An item adds to ``current``; the importer keeps it when the item's savepoint is
    released and drops it when the item is skipped, so nothing of a skipped item is
    written, indexed or fed.
    """

    kept: _Part = field(default_factory=_Part)
    current: _Part = field(default_factory=_Part)

    def add_page(self, page: Page) -> None:
        self.current.pages.append(page)

    def add_redirect(self, old_path: str, target: dict) -> None:
        self.current.redirects[old_path] = target

    def add_log_entries(self, entries: list[PageLogEntry]) -> None:
        self.current.log_entries += entries

    def keep(self) -> None:
        self.kept.add(self.current)
        self.current = _Part()

    def drop(self) -> None:
        self.current = _Part()

    def flush(self) -> None:
        """In the transaction of the chunk's items (which are all kept or dropped by now)."""
        part, self.kept = self.kept, _Part()
        pages = part.pages
        PageLogEntry.objects.bulk_create(part.log_entries)
        write_redirects(part.redirects)
        if not pages:
            return
        by_model: dict[type, list[Page]] = defaultdict(list)
        for page in pages:
            by_model[type(page)].append(page)
        for backend in get_search_backends(with_auto_update=True):
            for model, same_type in by_model.items():
                backend.add_bulk(model, same_type)
        write_references(pages)
        live = [page for page in pages if page.live]
        if live:
            index_pages(live)
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            recording.record(
                ChangeEvent.CREATED,
                (
                    recording.PageRef(
                        page.pk,
                        ContentType.objects.get_for_id(page.content_type_id)
                        .model_class()
                        ._meta.label,
                        languages.get(page.locale_id, ""),
                        page.url_path,
                    )
                    for page in live
                ),
            )
            images, covers = set(), set()
            for page in live:
                shown, cover = images_used_by(page)
                images.update(shown)
                covers.update(cover)
            if images:
                image_ids, cover_ids = sorted(images), sorted(covers)
                transaction.on_commit(
                    lambda: generate_page_renditions.enqueue(image_ids, cover_ids)
                )
            bump_api_cache()


def write_references(pages: list[Page]) -> None:
    """ReferenceIndex.create_or_update_for_object for new pages (nothing to update or
    delete), in one insert."""
    rows = []
    for page in pages:
        types = [
            ContentType.objects.get_for_model(model, for_concrete_model=False)
            for model in [page, *page._meta.get_parent_list()]
        ]
        for to_type_id, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=types[0],
                    base_content_type=types[-1],
                    object_id=page.pk,
                    to_content_type_id=to_type_id,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=True)


def write_redirects(redirects: dict[str, dict]) -> None:
    """Permanent redirects old path -> target, site-wide: what update_or_create one by one
    would leave, in three queries."""
    if not redirects:
        return
    existing = {
        redirect.old_path: redirect
        for redirect in Redirect.objects.filter(site=None, old_path__in=list(redirects))
    }
    new, changed = [], []
    for old_path, target in redirects.items():
        redirect = existing.get(old_path) or Redirect(old_path=old_path, site=None)
        for name, value in {"is_permanent": True, **target}.items():
            setattr(redirect, name, value)
        (changed if redirect.pk else new).append(redirect)
    Redirect.objects.bulk_create(new)
    Redirect.objects.bulk_update(changed, ["is_permanent", "redirect_page", "redirect_link"])
