"""Keeping ``SearchDocument`` rows current: one per published article, video, gallery and
standard page, rebuilt from the live version whenever a page is published.

Visibility is not stored here: every search runs on ``cms.api.visibility.public_pages``, so
an unpublished, retracted, expired or restricted page is never found even while its row stays.
"""

from collections.abc import Iterable

from django.db import connection
from django_tasks import task
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from cms.search.text import document_words
from cms.vietnamese import nfc
from home.models import (
    ArticlePage,
    GalleryPage,
    LegalDocumentPage,
    OrganisationPage,
    SearchDocument,
    SearchText,
    StandardPage,
    VideoPage,
    WorkWeekPage,
)

SEARCH_CONFIG = "vietnamese_unaccent"
# Text fields searched after the lead, by page type.
BODY_FIELDS: dict[type[Page], tuple[str, ...]] = {
    ArticlePage: ("body",),
    VideoPage: ("description",),
    GalleryPage: (),
    StandardPage: ("body",),
    # Documents: title, summary (their lead), and the number as written (81-KH/ĐUK).
    LegalDocumentPage: ("display_number",),
    WorkWeekPage: ("note",),  # and its rows (body_text)
    OrganisationPage: ("body",),
}
SEARCHABLE_MODELS = tuple(BODY_FIELDS)


def _stream_text(value) -> list[str]:
    texts = [str(t) for t in value.stream_block.get_searchable_content(value)]
    # A document linked from the body is found by its title, as readers know it.
    for block in value:
        if block.block_type == "document" and block.value.get("document") is not None:
            texts.append(block.value["document"].title)
    return texts


def body_text(page: Page) -> str:
    texts: list[str] = []
    for name in BODY_FIELDS.get(type(page), ()):
        field, value = page._meta.get_field(name), getattr(page, name)
        if isinstance(field, StreamField):
            texts.extend(_stream_text(value))
        elif isinstance(field, RichTextField):
            texts.append(get_text_for_indexing(value or ""))
        elif value:
            texts.append(str(value))
    if isinstance(page, GalleryPage):
        texts.extend(photo.caption for photo in page.gallery_images.all() if photo.caption)
    if isinstance(page, WorkWeekPage):
        texts.extend(entry.search_text for entry in page.sorted_entries())
    return nfc(" ".join(" ".join(t.split()) for t in texts if t))


def folded_columns(title: str, lead: str, body: str) -> dict[str, str]:
    """``SearchDocument``'s folded texts. PostgreSQL matches the tsvectors: the folded lead
    and body, the largest columns, are only SQLite's (on PostgreSQL they would make every
    row, and every scan, twice as big)."""
    lean = connection.vendor == "postgresql"
    return {
        "folded_title": f" {document_words(title)} ",
        "folded_lead": "" if lean else f" {document_words(lead)} ",
        "folded_body": "" if lean else f" {document_words(body)} ",
    }


def documents_for(page: Page) -> tuple[SearchDocument, SearchText]:
    """What search matches for ``page``, and the text its snippets quote."""
    title, lead, body = nfc(page.title), nfc(getattr(page, "lead", "") or ""), body_text(page)
    document = SearchDocument(
        page_id=page.id,
        publication_date=getattr(page, "publication_date", None),
        **folded_columns(title, lead, body),
    )
    return document, SearchText(page_id=page.id, title=title, lead=lead, body=body)


# The vectors are made in PostgreSQL from the texts folded here (document_words), so that a
# document holds the words a query is cut into (cms.search.text): PostgreSQL's parser reads
# "42/2022/NĐ-CP" as a file path and "TP.HCM" as a host name, one token each, where a
# reader's "nghị định 42" or "tp hcm" looks for the words. ``vector`` (matching) holds only
# the words; ``rank_vector`` (ranking, title-only matching) the title (A) and lead (B).
VECTORS_SQL = f"""
UPDATE home_searchdocument AS document SET
    vector = strip(made.title_and_lead || to_tsvector('{SEARCH_CONFIG}', words.body)),
    rank_vector = made.title_and_lead
FROM unnest(%s::integer[], %s::text[], %s::text[], %s::text[])
    AS words (page_id, title, lead, body),
LATERAL (
    SELECT setweight(to_tsvector('{SEARCH_CONFIG}', words.title), 'A')
        || setweight(to_tsvector('{SEARCH_CONFIG}', words.lead), 'B') AS title_and_lead
) AS made
WHERE document.page_id = words.page_id
"""


def update_vectors(texts: list[SearchText]) -> None:
    """Make the PostgreSQL vectors of the documents of ``texts`` (rows already written)."""
    if connection.vendor != "postgresql" or not texts:
        return
    columns = (
        [text.page_id for text in texts],
        [document_words(text.title) for text in texts],
        [document_words(text.lead) for text in texts],
        [document_words(text.body) for text in texts],
    )
    with connection.cursor() as cursor:
        cursor.execute(VECTORS_SQL, columns)


def _upsert(model, rows: list) -> None:
    """Insert ``rows``, or overwrite those of the same pages (the vectors are made after)."""
    kept = ("page", "vector", "rank_vector")
    fields = [f.name for f in model._meta.concrete_fields if f.name not in kept]
    model.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["page"], update_fields=fields
    )


def index_pages(pages: Iterable[Page]) -> int:
    """Write the documents of ``pages`` (specific instances holding their live content)."""
    made = [documents_for(p) for p in pages if isinstance(p, SEARCHABLE_MODELS)]
    if not made:
        return 0
    _upsert(SearchDocument, [document for document, _ in made])
    _upsert(SearchText, [text for _, text in made])
    update_vectors([text for _, text in made])
    return len(made)


def rebuild(batch_size: int = 500, log=None) -> int:
    """Index every live searchable page again (after an upgrade, or bulk imports)."""
    done = 0
    for model in SEARCHABLE_MODELS:
        queryset = model.objects.live().order_by("id")
        if model is GalleryPage:
            queryset = queryset.prefetch_related("gallery_images")
        last_id = 0
        while True:
            batch = list(queryset.filter(id__gt=last_id)[:batch_size])
            if not batch:
                break
            # Pages with a draft on top: the row holds the live content already.
            done += index_pages(batch)
            last_id = batch[-1].id
            if log:
                log(f"{model.__name__}: {done}")
    return done


@task()
def index_page(page_id: int) -> int:
    """Write the document of one page from its live content (run by the worker)."""
    page = Page.objects.filter(pk=page_id).first()
    return index_pages([page.specific]) if page is not None else 0


def on_page_published(sender, instance: Page, **kwargs) -> None:
    """page_published: the row now holds the new live content, indexed by the worker.

    Queued in the publishing transaction; until the worker runs it, searches find the page
    by its previous document (or not at all when it is new).
    """
    if isinstance(instance, SEARCHABLE_MODELS):
        index_page.enqueue(instance.pk)
