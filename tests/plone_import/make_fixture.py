# ruff: noqa: E501  (the fixture items are data, one per line)
"""Writes tests/plone_import/fixture/: a small Plone site as collective.exportimport exports it.

The shapes follow collective.exportimport (export_content.py, export_other.py, serializer.py)
and plone.restapi's serializers: ``@id``, ``@type``, ``UID``, ``parent`` with its ``UID``,
``review_state``, ``workflow_history`` ({workflow id: [{action, actor, comments,
review_state, time}]}), rich text as ``{"data", "content-type", "encoding"}``, files and
images either inline (``{"data": base64, "encoding": "base64", "filename",
"content-type"}``) or as ``{"blob_path", "filename", "content-type", "size"}``.

Run it again after changing it: ``.venv/bin/python tests/plone_import/make_fixture.py``.
"""

import base64
import io
import json
import unicodedata
from pathlib import Path

from PIL import Image

FIXTURE = Path(__file__).parent / "fixture"
SITE = "http://localhost:8080/Plone"
SITE_PARENT = {"@id": SITE, "@type": "Plone Site", "title": "Site", "description": "", "UID": None}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def uid(n: int) -> str:
    return f"{n:032x}"


UIDS = {
    name: uid(i)
    for i, name in enumerate(
        [
            "tin_tuc",
            "hinh_anh",
            "van_ban",
            "dia_phuong",
            "trung_uong",
            "anh_1",
            "anh_2",
            "anh_rieng",
            "anh_bia",
            "hoi_nghi",
            "nfd",
            "rieng_tu",
            "cho_duyet",
            "het_han",
            "tcvn3",
            "su_kien",
            "video",
            "lien_ket",
            "gioi_thieu",
            "mac_dinh",
            "quyet_dinh",
            "thieu_file",
            "bo_suu_tap",
            "mo_coi",
            "vni",
        ],
        start=1,
    )
}


def png(color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), color).save(buffer, format="PNG")
    return buffer.getvalue()


def inline(data: bytes, filename: str, content_type: str) -> dict:
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


def blob_path(relative: str, data: bytes | None, filename: str, content_type: str) -> dict:
    if data is not None:
        target = FIXTURE / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return {
        "blob_path": relative,
        "filename": filename,
        "content-type": content_type,
        "size": len(data or b""),
    }


def history(*events: tuple[str, str, str, str, str]) -> dict:
    return {
        "simple_publication_workflow": [
            {
                "action": action,
                "actor": actor,
                "comments": comment,
                "review_state": state,
                "time": time,
            }
            for action, actor, state, time, comment in events
        ]
    }


def item(
    name: str,
    portal_type: str,
    path: str,
    title: str,
    parent: dict,
    state: str | None = "published",
    **fields,
) -> dict:
    data = {
        "@id": f"{SITE}/{path}",
        "@type": portal_type,
        "UID": UIDS[name],
        "id": path.rsplit("/", 1)[-1],
        "title": title,
        "description": fields.pop("description", ""),
        "parent": parent,
        "review_state": state,
        "created": fields.pop("created", "2018-05-02T08:00:00+00:00"),
        "modified": fields.pop("modified", "2018-05-03T09:30:00+00:00"),
        "effective": fields.pop(
            "effective", "2018-05-02T08:15:00+00:00" if state == "published" else None
        ),
        "expires": fields.pop("expires", None),
        "creators": fields.pop("creators", ["nguyenvana"]),
        "subjects": fields.pop("subjects", []),
        "language": "vi",
        "layout": fields.pop("layout", "view"),
        "is_folderish": portal_type == "Folder",
    }
    if state == "published":
        data["workflow_history"] = history(
            (None, "nguyenvana", "private", data["created"], ""),
            ("publish", "tranthib", "published", data["effective"], "Đồng ý đăng."),
        )
    data.update(fields)
    return data


def parent_of(name: str, path: str, title: str, portal_type: str = "Folder") -> dict:
    return {
        "@id": f"{SITE}/{path}",
        "@type": portal_type,
        "title": title,
        "description": "",
        "review_state": "published",
        "UID": UIDS[name],
    }


def richtext(html: str) -> dict:
    return {"data": html, "content-type": "text/html", "encoding": "utf-8"}


def build() -> list[dict]:
    tin_tuc = parent_of("tin_tuc", "tin-tuc", "Tin tức")
    hinh_anh = parent_of("hinh_anh", "hinh-anh", "Hình ảnh hoạt động")
    van_ban = parent_of("van_ban", "van-ban", "Văn bản")
    nfd = unicodedata.normalize("NFD", "Hội nghị Ban Chấp hành Đảng bộ khối lần thứ ba")
    body = (
        '<h2 style="color:red">Nội dung chính</h2>'
        "<p>Sáng nay, <font face=Arial>hội nghị</font> đã khai mạc.<script>alert(1)</script></p>"
        f'<p>Xem thêm <a href="resolveuid/{UIDS["nfd"]}">bài liên quan</a>, '
        f'<a href="resolveuid/{UIDS["gioi_thieu"]}">trang giới thiệu</a>, '
        f'<a href="{SITE}/resolveuid/{UIDS["quyet_dinh"]}">quyết định</a> và '
        '<a href="resolveuid/ffffffffffffffffffffffffffffffff">một bài đã xóa</a>.</p>'
        f'<p><img src="resolveuid/{UIDS["anh_rieng"]}/@@images/image/large" alt="Toàn cảnh hội nghị" /></p>'
        "<table><thead><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr></thead>"
        "<tbody><tr><td>Kết nạp đảng viên</td><td>120</td></tr></tbody></table>"
        "<blockquote>Đoàn kết, dân chủ, kỷ cương.</blockquote>"
        '<h3 onclick="x()">Phương hướng</h3><ul><li>Nâng cao chất lượng</li></ul>'
    )
    items = [
        item("tin_tuc", "Folder", "tin-tuc", "Tin tức", SITE_PARENT, description="Tin hoạt động"),
        item("hinh_anh", "Folder", "hinh-anh", "Hình ảnh hoạt động", SITE_PARENT, layout="album_view"),
        item("anh_1", "Image", "hinh-anh/anh-1.jpg", "Ảnh 1", hinh_anh, state=None, description="Đại biểu dự hội nghị",
             image=inline(png((200, 30, 30)), "anh-1.png", "image/png")),
        item("anh_2", "Image", "hinh-anh/anh-2.jpg", "Ảnh 2", hinh_anh, state=None, description="Quang cảnh hội trường",
             image=blob_path("0x00/0x01/0x02.blob", png((30, 200, 30)), "anh-2.png", "image/png")),
        item("anh_rieng", "Image", "anh-toan-canh.png", "Ảnh toàn cảnh", SITE_PARENT, state=None,
             description="Toàn cảnh", image=inline(png((30, 30, 200)), "toan-canh.png", "image/png")),
        item("dia_phuong", "Folder", "tin-tuc/dia-phuong", "Địa phương", tin_tuc),
        item("hoi_nghi", "News Item", "tin-tuc/hoi-nghi-ban-chap-hanh", "Hội nghị Ban Chấp hành", tin_tuc,
             description="Sáng 2/5, hội nghị lần thứ ba khai mạc.", subjects=["Xây dựng Đảng", "Hội nghị"],
             creators=["nguyenvana", "tranthib"], text=richtext(body),
             image=inline(png((120, 120, 0)), "bia.png", "image/png"), image_caption="Quang cảnh hội nghị"),
        item("nfd", "News Item", "tin-tuc/hoi-nghi-lan-thu-ba", nfd, tin_tuc,
             description=unicodedata.normalize("NFD", "Tin về hội nghị"), text=richtext("<p>Nội dung.</p>")),
        item("rieng_tu", "News Item", "tin-tuc/ban-nhap-rieng", "Bản nháp riêng tư", tin_tuc, state="private",
             text=richtext("<p>Chưa công bố.</p>"),
             workflow_history=history((None, "nguyenvana", "private", "2018-05-02T08:00:00+00:00", ""))),
        item("cho_duyet", "News Item", "tin-tuc/bai-cho-duyet", "Bài chờ duyệt", tin_tuc, state="pending",
             text=richtext("<p>Đang chờ duyệt.</p>"),
             workflow_history=history(
                 (None, "nguyenvana", "private", "2018-05-02T08:00:00+00:00", ""),
                 ("submit", "nguyenvana", "pending", "2018-05-02T10:00:00+00:00", "Kính gửi ban biên tập."),
             )),
        item("het_han", "News Item", "tin-tuc/thong-bao-het-han", "Thông báo đã hết hạn", tin_tuc,
             expires="2019-01-01T00:00:00+00:00", text=richtext("<p>Hết hạn.</p>")),
        item("tcvn3", "News Item", "tin-tuc/tin-cu-tcvn3", "§¶ng ñy Khèi tæ chøc héi nghÞ", tin_tuc,
             description="Tin tõ n¨m 2005 cña §¶ng ñy", text=richtext("<p>§¶ng ñy Khèi tæ chøc héi nghÞ.</p>")),
        item("su_kien", "Event", "tin-tuc/le-ky-niem", "Lễ kỷ niệm", tin_tuc, start="2018-06-01T07:30:00+00:00",
             end="2018-06-01T11:00:00+00:00", location="Hội trường A", text=richtext("<p>Chương trình.</p>")),
        item("trung_uong", "Folder", "tin-tuc/trung-uong", "Trung ương", tin_tuc),
        item("video", "Link", "video-hoi-nghi", "Video hội nghị", SITE_PARENT,
             remoteUrl="https://www.youtube.com/watch?v=Hq7vK2xLm0A"),
        item("lien_ket", "Link", "cong-thong-tin-chinh-phu", "Cổng thông tin Chính phủ", SITE_PARENT,
             remoteUrl="https://chinhphu.vn/"),
        item("gioi_thieu", "Document", "gioi-thieu", "Giới thiệu", SITE_PARENT,
             description="Về Đảng ủy Khối", text=richtext("<p>Đảng ủy Khối được thành lập năm 1990.</p>")),
        item("van_ban", "Folder", "van-ban", "Văn bản", SITE_PARENT),
        item("mac_dinh", "Document", "van-ban/gioi-thieu-van-ban", "Văn bản của Đảng ủy", van_ban,
             description="Các văn bản mới", text=richtext("<p>Nghị quyết, <b>chỉ thị</b>, quyết định.</p>")),
        item("quyet_dinh", "File", "van-ban/quyet-dinh-12.pdf", "Quyết định số 12", van_ban, state=None,
             file=blob_path("0x00/0x03/0x04.blob", PDF, "quyet-dinh-12.pdf", "application/pdf")),
        item("thieu_file", "File", "van-ban/ke-hoach.pdf", "Kế hoạch", van_ban, state=None,
             file=blob_path("0x00/0x09/0x99.blob", None, "ke-hoach.pdf", "application/pdf")),
        # VNI (VNI-Times): "Lịch sử Đảng bộ", "Tài liệu của Ban Tuyên giáo", "Đảng bộ được thành lập…".
        item("vni", "Document", "lich-su-dang-bo", "Lòch söû Ñaûng boä", SITE_PARENT,
             description="Taøi lieäu cuûa Ban Tuyeân giaùo",
             text=richtext("<p>Ñaûng boä ñöôïc thaønh laäp naêm 1930.</p>")),
        item("bo_suu_tap", "Collection", "tin-moi", "Tin mới", SITE_PARENT),
        {**item("mo_coi", "News Item", "xoa/bai-mo-coi", "Bài mồ côi", SITE_PARENT),
         "parent": {"@id": f"{SITE}/xoa", "@type": "Folder", "UID": "dead" * 8}},
    ]  # fmt: skip
    return items


def write() -> None:
    FIXTURE.mkdir(parents=True, exist_ok=True)
    (FIXTURE / "Plone.json").write_text(
        json.dumps(build(), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    others = {
        "relations": [
            {"from_uuid": UIDS["hoi_nghi"], "to_uuid": UIDS["nfd"], "relationship": "relatedItems"},
            {"from_uuid": UIDS["nfd"], "to_uuid": UIDS["nfd"], "relationship": "relatedItems"},
        ],
        "members": {
            "groups": [],
            "members": [
                {"username": "nguyenvana", "fullname": "Nguyễn Văn A", "email": "a@example.vn", "password": "{SSHA}x", "roles": ["Contributor"], "groups": []},
                {"username": "tranthib", "fullname": "Trần Thị B", "email": "b@example.vn", "password": "{SSHA}y", "roles": ["Reviewer"], "groups": []},
            ],
        },
        "ordering": [
            {"uuid": UIDS["anh_2"], "order": 0},
            {"uuid": UIDS["anh_1"], "order": 1},
            {"uuid": UIDS["trung_uong"], "order": 0},
            {"uuid": UIDS["dia_phuong"], "order": 1},
        ],
        "defaultpages": [{"uuid": UIDS["van_ban"], "default_page": "gioi-thieu-van-ban", "default_page_uuid": UIDS["mac_dinh"]}],
        "redirects": {"/Plone/tin-tuc/ten-cu-cua-bai": "/Plone/tin-tuc/hoi-nghi-ban-chap-hanh"},
    }  # fmt: skip
    for name, data in others.items():
        (FIXTURE / f"export_{name}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    write()
