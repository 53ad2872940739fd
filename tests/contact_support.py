"""Readers' questions for tests, and what a hostile reader writes."""

from home.models import ReaderQuestion

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def make_question(**fields) -> ReaderQuestion:
    values = {
        "name": "Nguyễn Văn Bình",
        "email": "binh@example.vn",
        "subject": "Hỏi về thủ tục chuyển sinh hoạt Đảng",
        "message": "Tôi muốn hỏi thủ tục chuyển sinh hoạt Đảng tạm thời.",
        "consent": True,
        **fields,
    }
    return ReaderQuestion.objects.create(**values)
