"""Builders for the document library's tests."""

import datetime

from django.core.files.base import ContentFile

from home.demo.pdfs import document_pdf
from home.models.documents import (
    DocumentField,
    DocumentType,
    IssuerStyle,
    IssuingBody,
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
)
from media_library.models import CustomDocument
from tests.api_support import publish


def library(home_page) -> LegalDocumentIndexPage:
    index = LegalDocumentIndexPage(title="Văn bản", slug="van-ban")
    home_page.add_child(instance=index)
    return publish(index)


def lists() -> dict:
    return {
        "kh": DocumentType.objects.get_or_create(name="Kế hoạch", defaults={"code": "KH"})[0],
        "nd": DocumentType.objects.get_or_create(name="Nghị định", defaults={"code": "NĐ"})[0],
        "duk": IssuingBody.objects.get_or_create(
            name="Đảng ủy Khối các cơ quan tỉnh", defaults={"code": "ĐUK"}
        )[0],
        "cp": IssuingBody.objects.get_or_create(
            name="Chính phủ", defaults={"code": "CP", "style": IssuerStyle.STATE}
        )[0],
        "cds": DocumentField.objects.get_or_create(name="Chuyển đổi số")[0],
    }


def pdf_file(title: str, text: str) -> CustomDocument:
    data = document_pdf(title, "", [text])
    return CustomDocument.objects.create(
        title=title, file=ContentFile(data, name="van-ban.pdf"), file_size=len(data)
    )


def make_document(
    index,
    number: str,
    document_type,
    issuer,
    title: str,
    summary: str = "",
    issued: str = "2026-03-02",
    text: str = "",
    status: str = "in_force",
    publish_it: bool = True,
    **fields,
) -> LegalDocumentPage:
    page = LegalDocumentPage(
        title=title,
        number=number,
        document_type=document_type,
        issuing_body=issuer,
        summary=summary or f"Trích yếu: {title}",
        date_issued=datetime.date.fromisoformat(issued),
        status=status,
        live=publish_it,
        **fields,
    )
    page.files = [LegalDocumentFile(document=pdf_file(title, text or summary or title))]
    index.add_child(instance=page)
    if publish_it:
        return publish(page)
    page.save_revision()
    return LegalDocumentPage.objects.get(id=page.id)
