"""The document library ("Văn bản") in the reader API: ``/api/v2/legal-documents/``.

    GET /api/v2/legal-documents/?type=3&issuer=1&year=2026&search=81-KH
    GET /api/v2/legal-documents/42/
    GET /api/v2/legal-documents/filters/        the lists the filter form offers

Only public documents (cms.api.visibility) appear, and only public documents and articles are
linked from one. The search is accent-insensitive over the number (as '81-KH', '81/KH',
'kh 81' or '81kh'), title, summary and the text of the files (home.models.documents keeps it
folded in ``folded_text``). A listing makes the same queries whatever its page size.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import path
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.models import Page, ReferenceIndex

from cms.api.base import ReaderAPIViewSet
from cms.api.context import APIContext
from cms.api.filters import BadQueryParameter, parse_id
from cms.api.visibility import public_pages
from cms.search.text import fold
from home.models import ArticlePage
from home.models.documents import (
    DocumentField,
    DocumentStatus,
    DocumentType,
    IssuingBody,
    LegalDocumentPage,
)

MAX_SEARCH_TERMS = 12
RELATED_LIMIT = 5
LISTING_PARAMETERS = frozenset(
    [
        "type",
        "issuer",
        "field",
        "year",
        "issued_from",
        "issued_to",
        "status",
        "number",
        "search",
        "limit",
        "offset",
        "_",
    ]
)


def _ids(parameter: str, value: str) -> list[int]:
    """'3' or '3,5' -> [3, 5]."""
    return [parse_id(parameter, part.strip()) for part in value.split(",")]


def _day(parameter: str, value: str) -> datetime.date:
    try:
        day = parse_date(value)
    except ValueError:
        day = None
    if day is None or not 1900 <= day.year <= 9000:
        raise BadQueryParameter(parameter, _("not a date (YYYY-MM-DD)"))
    return day


def text_terms(value: str) -> list[str]:
    """The folded words of a search, at most MAX_SEARCH_TERMS ("Cải cách" -> ["cai", "cach"])."""
    return fold(value).split()[:MAX_SEARCH_TERMS]


def term_q(term: str) -> Q:
    """A word of the folded text starting with ``term``; a number only as a whole word
    ('81' finds '81-KH', not '181' or '810')."""
    if term.isdigit():
        return Q(folded_text__contains=f" {term} ")
    return Q(folded_text__contains=f" {term}")


def filter_documents(request, queryset: QuerySet) -> QuerySet:
    params = request.GET
    if "type" in params:
        queryset = queryset.filter(document_type_id__in=_ids("type", params["type"]))
    if "issuer" in params:
        queryset = queryset.filter(issuing_body_id__in=_ids("issuer", params["issuer"]))
    if "field" in params:
        queryset = queryset.filter(field_id__in=_ids("field", params["field"]))
    if "year" in params:
        year = params["year"]
        if not year.isascii() or not year.isdigit() or not 1900 <= int(year) <= 9000:
            raise BadQueryParameter("year", _("must be a year, e.g. 2026"))
        queryset = queryset.filter(date_issued__year=int(year))
    if "issued_from" in params:
        queryset = queryset.filter(date_issued__gte=_day("issued_from", params["issued_from"]))
    if "issued_to" in params:
        queryset = queryset.filter(date_issued__lte=_day("issued_to", params["issued_to"]))
    if "status" in params:
        if params["status"] not in DocumentStatus.values:
            raise BadQueryParameter(
                "status",
                _("must be one of %(values)s") % {"values": ", ".join(DocumentStatus.values)},
            )
        queryset = queryset.filter(status=params["status"])
    if "number" in params:
        terms = text_terms(params["number"])
        if not terms:
            raise BadQueryParameter("number", _("must hold letters or digits"))
        # The number's words sit at the start of the folded text: match them there.
        for term in terms:
            queryset = queryset.filter(term_q(term))
    if params.get("search"):
        for term in text_terms(params["search"]):
            queryset = queryset.filter(term_q(term))
    return queryset


def _named(obj, *fields: str) -> dict | None:
    if obj is None:
        return None
    return {"id": obj.id, **{name: getattr(obj, name) for name in fields}}


def serialize_document_summary(page: LegalDocumentPage, ctx: APIContext) -> dict:
    path = ctx.scope.frontend_path(page.url_path)
    return {
        "id": page.id,
        "meta": {
            "type": "home.LegalDocumentPage",
            "detail_url": ctx.absolute(f"/api/v2/legal-documents/{page.id}/"),
            "html_url": ctx.scope.public_base_url + path,
            "slug": page.slug,
            "first_published_at": page.first_published_at,
        },
        "title": page.title,
        "path": path,
        "number": page.display_number,
        "number_only": page.number,
        "code": page.code,
        "document_type": _named(page.document_type, "name", "code"),
        "issuing_body": _named(page.issuing_body, "name", "code"),
        "field": _named(page.field, "name"),
        "signer": page.signer,
        "date_issued": page.date_issued,
        "date_effective": page.date_effective,
        "summary": page.summary,
        "status": page.status,
        "status_label": page.get_status_display(),
    }


def _document_queryset(request) -> QuerySet:
    return public_pages(request, LegalDocumentPage).select_related(
        "document_type", "issuing_body", "field"
    )


def _citing_articles(request, page: LegalDocumentPage, ctx: APIContext) -> list[dict]:
    page_ids = {
        int(reference.object_id)
        for reference in ReferenceIndex.get_references_to(page).filter(
            base_content_type=ContentType.objects.get_for_model(Page)
        )
    }
    if not page_ids:
        return []
    articles = public_pages(request, ArticlePage).filter(id__in=page_ids)
    return [
        {**ctx.page_link(article), "publication_date": article.publication_date}
        for article in articles.order_by("-publication_date").only(
            "id", "title", "url_path", "publication_date"
        )
    ]


def serialize_document_links(page: LegalDocumentPage, request, ctx: APIContext) -> dict:
    """What a document's detail adds to its summary: files, links to other documents, the
    articles citing it, related documents. Everything linked is public."""
    files = [ctx.document(link.document) for link in page.files.select_related("document")]
    public = _document_queryset(request)
    outgoing = list(page.relations.all().values_list("kind", "target_id"))
    incoming = list(page.related_from.all().values_list("kind", "page_id"))
    linked_ids = {i for k, i in outgoing} | {i for k, i in incoming}
    linked = {p.id: p for p in public.filter(id__in=linked_ids)} if linked_ids else {}

    def links(pairs, kind: str) -> list[dict]:
        return [
            serialize_document_summary(linked[i], ctx)
            for k, i in pairs
            if k == kind and i in linked
        ]

    related_q = Q(document_type_id=page.document_type_id)
    if page.field_id:
        related_q |= Q(field_id=page.field_id)
    related = (
        public.filter(related_q)
        .exclude(id=page.id)
        .exclude(id__in=linked_ids)
        .order_by("-date_issued", "-id")[:RELATED_LIMIT]
    )
    return {
        "files": files,
        "amends": links(outgoing, "amends"),
        "replaces": links(outgoing, "replaces"),
        "amended_by": links(incoming, "amends"),
        "replaced_by": links(incoming, "replaces"),
        "cited_by": _citing_articles(request, page, ctx),
        "related_documents": [serialize_document_summary(p, ctx) for p in related],
    }


class LegalDocumentsAPIViewSet(ReaderAPIViewSet):
    """``/api/v2/legal-documents/``: listing with filters, detail, the filter lists."""

    name = "legal-documents"
    model = LegalDocumentPage
    known_query_parameters = LISTING_PARAMETERS

    def listing_view(self, request):
        self.check_query_parameters()
        limit, offset = self.page_bounds()
        ctx = APIContext(request)
        queryset = filter_documents(request, _document_queryset(request))
        total = queryset.count()
        pages = list(queryset.order_by("-date_issued", "-id")[offset : offset + limit])
        return Response(
            {
                "meta": {"total_count": total},
                "items": [serialize_document_summary(page, ctx) for page in pages],
            }
        )

    def detail_view(self, request, pk: int):
        self.check_query_parameters(frozenset(["_"]))
        page = _document_queryset(request).filter(id=pk).first()
        if page is None:
            raise Http404(_("No such document."))
        ctx = APIContext(request)
        return Response(
            {
                **serialize_document_summary(page, ctx),
                "updated_at": page.last_published_at,
                **serialize_document_links(page, request, ctx),
            }
        )

    def filters_view(self, request):
        """The lists the filter form offers: types, issuers and fields that public documents
        use, the years they were issued in and the statuses."""
        self.check_query_parameters(frozenset(["_"]))
        public_ids = public_pages(request, LegalDocumentPage).values("id")
        used = LegalDocumentPage.objects.filter(id__in=public_ids)

        def listed(model, *fields):
            ids = used.values(
                {DocumentType: "document_type_id", IssuingBody: "issuing_body_id"}.get(
                    model, "field_id"
                )
            )
            return [
                {"id": obj.id, **{f: getattr(obj, f) for f in fields}}
                for obj in model.objects.filter(id__in=ids)
            ]

        years = sorted(
            {d.year for d in used.dates("date_issued", "year")},
            reverse=True,
        )
        return Response(
            {
                "types": listed(DocumentType, "name", "code"),
                "issuers": listed(IssuingBody, "name", "code"),
                "fields": listed(DocumentField, "name"),
                "years": years,
                "statuses": [
                    {"value": value, "label": label} for value, label in DocumentStatus.choices
                ],
            }
        )

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("filters/", cls.as_view({"get": "filters_view"}), name="filters"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]
