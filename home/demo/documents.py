"""Demo documents ("Văn bản"): Party and state documents with small real PDF files.

Loaded by home.demo.loader after the articles. The PDFs are written at load time
(home.demo.pdfs), so their text is extracted and found by the document library's search.
"""

import datetime
from collections.abc import Callable

from django.core.files.base import ContentFile
from wagtail.models import Page

from home.demo.pdfs import document_pdf
from home.models import ArticlePage, HomePage
from home.models.documents import (
    DocumentField,
    DocumentType,
    IssuerStyle,
    IssuingBody,
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from media_library.models import CustomDocument

INDEX_TITLE = "Văn bản"
INDEX_INTRO = "Văn bản của Đảng ủy Khối và văn bản của cấp trên, cơ quan nhà nước liên quan."

TYPES = [
    ("Nghị quyết", "NQ"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Quy định", "QĐi"),
    ("Quyết định", "QĐ"),
    ("Kế hoạch", "KH"),
    ("Hướng dẫn", "HD"),
    ("Thông báo", "TB"),
    ("Công văn", "CV"),
    ("Nghị định", "NĐ"),
]
ISSUERS = [
    ("Đảng ủy Khối các cơ quan tỉnh", "ĐUK", IssuerStyle.PARTY),
    ("Ban Thường vụ Tỉnh ủy", "TU", IssuerStyle.PARTY),
    ("Ban Chấp hành Trung ương", "TW", IssuerStyle.PARTY),
    ("Chính phủ", "CP", IssuerStyle.STATE),
    ("Ủy ban nhân dân tỉnh", "UBND", IssuerStyle.STATE),
]
FIELDS = [
    "Xây dựng Đảng",
    "Kiểm tra, giám sát",
    "Tuyên giáo",
    "Chuyển đổi số",
    "Công tác dân vận",
]

# number, code ("" = from the type and issuer), type, issuer, field, signer, issued,
# effective, title, summary, status, lines of the file
DOCUMENTS = [
    {
        "number": "81",
        "code": "",
        "type": "Kế hoạch",
        "issuer": "Đảng ủy Khối các cơ quan tỉnh",
        "field": "Chuyển đổi số",
        "signer": "Nguyễn Văn Hùng",
        "issued": "2026-03-02",
        "effective": "2026-03-02",
        "title": "Kế hoạch chuyển đổi số trong các tổ chức đảng năm 2026",
        "summary": "Kế hoạch thực hiện chuyển đổi số trong công tác xây dựng Đảng và "
        "quản lý văn bản điện tử của các tổ chức cơ sở đảng năm 2026.",
        "status": "in_force",
        "lines": [
            "Thực hiện Nghị quyết của Ban Chấp hành Đảng bộ Khối, Ban Thường vụ Đảng ủy "
            "Khối ban hành kế hoạch chuyển đổi số năm 2026.",
            "Mục tiêu: 100% văn bản của các tổ chức cơ sở đảng được gửi nhận trên phần mềm "
            "quản lý văn bản điện tử; ứng dụng chữ ký số trong cơ quan đảng.",
        ],
    },
    {
        "number": "12",
        "code": "",
        "type": "Nghị quyết",
        "issuer": "Đảng ủy Khối các cơ quan tỉnh",
        "field": "Xây dựng Đảng",
        "signer": "Nguyễn Văn Hùng",
        "issued": "2025-12-20",
        "effective": "2026-01-01",
        "title": "Nghị quyết về nhiệm vụ năm 2026",
        "summary": "Nghị quyết Hội nghị Ban Chấp hành Đảng bộ Khối về phương hướng, nhiệm vụ "
        "công tác xây dựng Đảng năm 2026.",
        "status": "in_force",
        "lines": [
            "Hội nghị Ban Chấp hành Đảng bộ Khối lần thứ 9 quyết nghị phương hướng, nhiệm "
            "vụ năm 2026: nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng.",
        ],
    },
    {
        "number": "45",
        "code": "",
        "type": "Kế hoạch",
        "issuer": "Đảng ủy Khối các cơ quan tỉnh",
        "field": "Kiểm tra, giám sát",
        "signer": "Trần Thị Lan",
        "issued": "2025-01-15",
        "effective": "2025-01-15",
        "title": "Kế hoạch kiểm tra, giám sát năm 2025",
        "summary": "Kế hoạch kiểm tra, giám sát của Ủy ban Kiểm tra Đảng ủy Khối năm 2025.",
        "status": "replaced",
        "lines": ["Ủy ban Kiểm tra Đảng ủy Khối kiểm tra việc chấp hành Điều lệ Đảng."],
    },
    {
        "number": "97",
        "code": "",
        "type": "Kế hoạch",
        "issuer": "Đảng ủy Khối các cơ quan tỉnh",
        "field": "Kiểm tra, giám sát",
        "signer": "Trần Thị Lan",
        "issued": "2026-01-10",
        "effective": "2026-01-10",
        "title": "Kế hoạch kiểm tra, giám sát năm 2026",
        "summary": "Kế hoạch kiểm tra, giám sát của Ủy ban Kiểm tra Đảng ủy Khối năm 2026, "
        "thay thế Kế hoạch số 45-KH/ĐUK.",
        "status": "in_force",
        "replaces": ["45"],
        "lines": ["Kế hoạch này thay thế Kế hoạch số 45-KH/ĐUK ngày 15/01/2025."],
    },
    {
        "number": "236",
        "code": "",
        "type": "Công văn",
        "issuer": "Đảng ủy Khối các cơ quan tỉnh",
        "field": "Tuyên giáo",
        "signer": "Lê Minh Tuấn",
        "issued": "2026-02-05",
        "effective": None,
        "title": "Công văn về việc tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng",
        "summary": "V/v tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam "
        "(03/02/1930 - 03/02/2026).",
        "status": "in_force",
        "lines": ["Các tổ chức cơ sở đảng tổ chức tuyên truyền bằng nhiều hình thức phù hợp."],
    },
    {
        "number": "08",
        "code": "",
        "type": "Thông báo",
        "issuer": "Đảng ủy Khối các cơ quan tỉnh",
        "field": "Xây dựng Đảng",
        "signer": "Nguyễn Văn Hùng",
        "issued": "2026-02-26",
        "effective": None,
        "title": "Thông báo kết luận của Ban Thường vụ Đảng ủy Khối",
        "summary": "Thông báo kết luận của Ban Thường vụ Đảng ủy Khối tại hội nghị giao ban "
        "quý I năm 2026.",
        "status": "in_force",
        "lines": ["Ban Thường vụ Đảng ủy Khối kết luận các nội dung trọng tâm quý I."],
    },
    {
        "number": "35",
        "code": "",
        "type": "Chỉ thị",
        "issuer": "Ban Chấp hành Trung ương",
        "field": "Xây dựng Đảng",
        "signer": "Tô Lâm",
        "issued": "2024-06-14",
        "effective": "2024-06-14",
        "title": "Chỉ thị về đại hội đảng bộ các cấp",
        "summary": "Chỉ thị của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại "
        "biểu toàn quốc lần thứ XIV của Đảng.",
        "status": "in_force",
        "lines": ["Bộ Chính trị chỉ thị về việc tổ chức đại hội đảng bộ các cấp."],
    },
    {
        "number": "43",
        "code": "",
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "field": "Chuyển đổi số",
        "signer": "Nguyễn Tấn Dũng",
        "issued": "2011-06-13",
        "effective": "2011-08-01",
        "title": "Nghị định quy định về cung cấp thông tin và dịch vụ công trực tuyến (2011)",
        "summary": "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang "
        "thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước.",
        "status": "replaced",
        "lines": ["Nghị định về trang thông tin điện tử của cơ quan nhà nước (2011)."],
    },
    {
        "number": "42",
        "code": "",
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "field": "Chuyển đổi số",
        "signer": "Lê Minh Khái",
        "issued": "2022-06-24",
        "effective": "2022-08-01",
        "title": "Nghị định quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
        "summary": "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan "
        "nhà nước trên môi trường mạng.",
        "status": "in_force",
        "replaces": ["43"],
        "lines": [
            "Nghị định này quy định về việc cung cấp thông tin và dịch vụ công trực tuyến "
            "của cơ quan nhà nước trên môi trường mạng.",
        ],
    },
    {
        "number": "1520",
        "code": "",
        "type": "Quyết định",
        "issuer": "Ủy ban nhân dân tỉnh",
        "field": "Chuyển đổi số",
        "signer": "Phạm Quang Minh",
        "issued": "2025-09-30",
        "effective": "2025-10-01",
        "title": "Quyết định ban hành Quy chế quản lý văn bản điện tử",
        "summary": "Ban hành Quy chế quản lý, sử dụng văn bản điện tử và chữ ký số trong các "
        "cơ quan hành chính nhà nước tỉnh.",
        "status": "amended",
        "lines": ["Ban hành kèm theo Quyết định này Quy chế quản lý văn bản điện tử."],
    },
    {
        "number": "210",
        "code": "",
        "type": "Quyết định",
        "issuer": "Ủy ban nhân dân tỉnh",
        "field": "Chuyển đổi số",
        "signer": "Phạm Quang Minh",
        "issued": "2026-02-10",
        "effective": "2026-02-15",
        "title": "Quyết định sửa đổi Quy chế quản lý văn bản điện tử",
        "summary": "Sửa đổi, bổ sung một số điều của Quy chế quản lý, sử dụng văn bản điện tử "
        "ban hành kèm theo Quyết định số 1520/2025/QĐ-UBND.",
        "status": "in_force",
        "amends": ["1520"],
        "lines": ["Sửa đổi Điều 5 và Điều 9 của Quy chế ban hành kèm theo Quyết định 1520."],
    },
    {
        "number": "15",
        "code": "HD/BTGTU",
        "type": "Hướng dẫn",
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "field": "Tuyên giáo",
        "signer": "Hoàng Thị Thu",
        "issued": "2026-01-20",
        "effective": None,
        "title": "Hướng dẫn tuyên truyền đại hội đảng bộ các cấp",
        "summary": "Hướng dẫn tuyên truyền đại hội đảng bộ các cấp nhiệm kỳ 2025-2030.",
        "status": "in_force",
        "lines": ["Hướng dẫn nội dung, hình thức tuyên truyền đại hội đảng bộ các cấp."],
    },
]
# The demo article that cites the plan 81-KH/ĐUK in its body.
CITING_ARTICLE_TITLE_PART = "Cải cách hành chính"


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def load_documents(
    home: HomePage, publish_child: Callable[[Page, Page], Page], log: Callable[[str], None]
) -> int:
    """Create the lists, the library page and the documents that are missing."""
    created = 0
    types = {}
    for name, code in TYPES:
        types[name], new = DocumentType.objects.get_or_create(name=name, defaults={"code": code})
        created += new
    issuers = {}
    for name, code, style in ISSUERS:
        issuers[name], new = IssuingBody.objects.get_or_create(
            name=name, defaults={"code": code, "style": style}
        )
        created += new
    fields = {}
    for name in FIELDS:
        fields[name], new = DocumentField.objects.get_or_create(name=name)
        created += new
    index = LegalDocumentIndexPage.objects.child_of(home).first()
    if index is None:
        index = publish_child(
            home, LegalDocumentIndexPage(title=INDEX_TITLE, intro=INDEX_INTRO, show_in_menus=True)
        )
    by_number: dict[str, LegalDocumentPage] = {
        page.number: page for page in LegalDocumentPage.objects.child_of(index)
    }
    for spec in DOCUMENTS:
        if spec["number"] in by_number:
            continue
        page = LegalDocumentPage(
            title=spec["title"],
            number=spec["number"],
            code=spec["code"],
            document_type=types[spec["type"]],
            issuing_body=issuers[spec["issuer"]],
            field=fields[spec["field"]],
            signer=spec["signer"],
            date_issued=_day(spec["issued"]),
            date_effective=_day(spec["effective"]),
            summary=spec["summary"],
            status=spec["status"],
        )
        display = page.compose_display_number()
        pdf = document_pdf(spec["title"], display, [spec["summary"], *spec["lines"]])
        document = CustomDocument(
            title=f"{spec['type']} {display}",
            file=ContentFile(pdf, name=f"{spec['type']} {spec['number']}.pdf"),
            file_size=len(pdf),
        )
        document.save()
        page.files = [LegalDocumentFile(document=document)]
        page.relations = [
            LegalDocumentRelation(kind=kind, target=by_number[number])
            for kind in ("amends", "replaces")
            for number in spec.get(kind, [])
            if number in by_number
        ]
        by_number[spec["number"]] = publish_child(index, page)
        created += 1
    # A demo article cites the plan on digital transformation.
    plan = by_number.get("81")
    article = ArticlePage.objects.filter(title__contains=CITING_ARTICLE_TITLE_PART).first()
    if plan and article and not any(b.block_type == "legal_document" for b in article.body):
        article.body.append(("legal_document", {"page": plan}))
        article.save_revision().publish()
        log(f"  + {article.title}: cites {plan.display_number}")
    return created
