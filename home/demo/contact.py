"""Demo "Liên hệ" and "Hỏi đáp": the office's map link and mailbox, three questions answered
and published, one answered and waiting for the board, one new."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Site

from home.models import QuestionStatus, ReaderQuestion, SiteSettings

# The owner details in English, for /en/contact/ and the English footer (Decree 42/2022/NĐ-CP
# asks for the organisation's contacts in English).
ENGLISH_IDENTITY = {
    "organisation_name": "Party Committee of Provincial Agencies and Enterprises",
    "owning_body": "Standing Board of the Party Committee of Provincial Agencies and Enterprises",
    "person_responsible": "Đặng Văn Thành, Standing Deputy Secretary, Head of the Editorial Board",
    "address": "3rd floor, Provincial Agencies Building, 18 Lê Lợi Street, Trung Tâm Ward, "
    "Lam Hà Province",
    "licence": "Licence No. 08/GP-TTĐT of 16 March 2026, Lam Hà Department of Science and "
    "Technology",
}
MAP_URL = "https://www.openstreetmap.org/search?query=18%20L%C3%AA%20L%E1%BB%A3i"
QUESTIONS_EMAIL = "hoidap@lamha.gov.vn"

# (days ago, name, e-mail, phone, subject, question, answer or "", published)
QUESTIONS = [
    (
        20,
        "Nguyễn Thị Lan",
        "lan.nt@example.vn",
        "",
        "Thủ tục chuyển sinh hoạt Đảng tạm thời",
        "Tôi là đảng viên công tác tại Sở Tài chính, được cử đi học tập trung 6 tháng tại "
        "Hà Nội. Xin hỏi thủ tục chuyển sinh hoạt Đảng tạm thời như thế nào?",
        "Đồng chí đề nghị chi bộ nơi đang sinh hoạt giới thiệu sinh hoạt Đảng tạm thời, kèm "
        "quyết định cử đi học; Văn phòng Đảng ủy Khối hướng dẫn cụ thể theo Hướng dẫn số "
        "12-HD/BTCTW. Liên hệ: 0226 3 856 218 (giờ hành chính).",
        True,
    ),
    (
        14,
        "Trần Minh Đức",
        "",
        "0912 345 678",
        "Thời hạn nộp báo cáo kiểm điểm cuối năm",
        "Chi bộ chúng tôi cần nộp báo cáo kiểm điểm tập thể cuối năm cho Đảng ủy Khối trước "
        "ngày nào?",
        "Theo Kế hoạch số 81-KH/ĐUK, các tổ chức cơ sở đảng gửi báo cáo kiểm điểm về Đảng ủy "
        "Khối trước ngày 15/12; bản điện tử gửi qua hệ thống quản lý văn bản.",
        True,
    ),
    (
        9,
        "Lê Hoàng Nam",
        "nam.lh@example.vn",
        "",
        "Góp ý về chuyên mục Xây dựng Đảng",
        "Đề nghị Ban biên tập đăng thêm các bài viết về kinh nghiệm sinh hoạt chi bộ ở doanh "
        "nghiệp ngoài nhà nước.",
        "Cảm ơn đồng chí đã góp ý. Ban biên tập sẽ mở loạt bài về sinh hoạt chi bộ trong "
        "doanh nghiệp từ tháng tới.",
        True,
    ),
    (
        3,
        "Phạm Thu Hương",
        "huong.pt@example.vn",
        "",
        "Tài liệu học tập nghị quyết",
        "Xin hỏi tài liệu học tập, quán triệt nghị quyết mới được đăng ở đâu trên trang?",
        "Tài liệu được đăng trong mục Văn bản, lọc theo loại «Hướng dẫn».",
        False,
    ),
    (
        1,
        "Võ Văn Tài",
        "",
        "0226 3 811 222",
        "Xin số điện thoại Ban Tổ chức Đảng ủy Khối",
        "Tôi cần liên hệ Ban Tổ chức để hỏi về hồ sơ kết nạp đảng viên. Xin số điện thoại.",
        "",
        False,
    ),
]


def translate_identity(settings: SiteSettings) -> int:
    """The owner details' English copy, published; 1 when made, 0 when it exists."""
    english = Locale.objects.filter(language_code="en").first()
    if settings.identity is None or english is None:
        return 0
    if settings.identity.get_translation_or_none(english) is not None:
        return 0
    copy = settings.identity.copy_for_translation(english)
    for name, value in ENGLISH_IDENTITY.items():
        setattr(copy, name, value)
    copy.live = False
    copy.save()
    copy.save_revision().publish()
    return 1


def load_contact(site: Site) -> int:
    """Fill what is missing; return how many objects were created."""
    settings = SiteSettings.for_site(site)
    if not settings.map_url:
        settings.map_url, settings.questions_email = MAP_URL, QUESTIONS_EMAIL
        settings.save()
    created = translate_identity(settings)
    users = get_user_model().objects.in_bulk(["bientapvien", "truongban"], field_name="username")
    now = timezone.now()
    for days, name, email, phone, subject, question, answer, published in QUESTIONS:
        if ReaderQuestion.objects.filter(subject=subject).exists():
            continue
        asked = now - datetime.timedelta(days=days)
        row = ReaderQuestion.objects.create(
            name=name,
            email=email,
            phone=phone,
            subject=subject,
            message=question,
            consent=True,
            site=site,
            status=QuestionStatus.ANSWERED if answer else QuestionStatus.NEW,
            answer=answer,
            answered_by=users.get("bientapvien") if answer else None,
            answered_at=asked + datetime.timedelta(days=1) if answer else None,
            published=published,
            published_by=users.get("truongban") if published else None,
            published_at=asked + datetime.timedelta(days=2) if published else None,
        )
        # "Received at" is set on creation; the demo's questions arrived days ago.
        ReaderQuestion.objects.filter(pk=row.pk).update(created_at=asked)
        created += 1
    return created
