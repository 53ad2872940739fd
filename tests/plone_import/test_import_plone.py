"""import_plone on the fixture export (tests/plone_import/fixture, made by make_fixture.py)."""

import csv
import datetime
import io
import json
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, Revision

from cms.plone_import.export import Export
from cms.plone_import.importer import HISTORY_ACTION, Importer, Options
from cms.plone_import.models import ImportedItem
from home.models import ArticlePage, GalleryPage, SectionPage, StandardPage, VideoPage
from media_library.models import CustomDocument, CustomImage
from tests.plone_import.make_fixture import UIDS

FIXTURE = Path(__file__).parent / "fixture"
UTC = datetime.UTC


@pytest.fixture
def export_dir(tmp_path) -> Path:
    target = tmp_path / "export"
    shutil.copytree(FIXTURE, target)
    return target


def run_import(export_dir: Path, root, **options):
    return Importer(Export.open(export_dir), Options(root=root, **options)).run()


@pytest.fixture
def imported(home_page, export_dir, disk_storage):
    return run_import(export_dir, home_page)


def page_of(name: str):
    return ImportedItem.objects.get(uid=UIDS[name]).page.specific


def public_titles(client) -> set[str]:
    client.logout()
    response = client.get("/api/v2/pages/?limit=100")
    assert response.status_code == 200
    return {page["title"] for page in response.json()["items"]}


def test_import_plone_maps_plone_types_to_ours(imported):
    assert isinstance(page_of("tin_tuc"), SectionPage)
    assert isinstance(page_of("hoi_nghi"), ArticlePage)
    assert isinstance(page_of("su_kien"), ArticlePage)
    assert isinstance(page_of("gioi_thieu"), StandardPage)
    assert isinstance(page_of("video"), VideoPage)
    assert page_of("video").embed_url == "https://www.youtube.com/watch?v=Hq7vK2xLm0A"
    gallery = page_of("hinh_anh")
    assert isinstance(gallery, GalleryPage)
    # export_ordering.json puts anh-2 first; captions come from the Images' descriptions.
    assert [(link.image.title, link.caption) for link in gallery.gallery_images.all()] == [
        ("Ảnh 2", "Quang cảnh hội trường"),
        ("Ảnh 1", "Đại biểu dự hội nghị"),
    ]
    assert ImportedItem.objects.get(uid=UIDS["anh_rieng"]).image.title == "Ảnh toàn cảnh"
    document = ImportedItem.objects.get(uid=UIDS["quyet_dinh"]).document
    assert document.title == "Quyết định số 12" and document.file.read().startswith(b"%PDF")
    assert ImportedItem.objects.get(uid=UIDS["lien_ket"]).target_url == "https://chinhphu.vn/"
    # export_ordering.json: "Trung ương" before "Địa phương" (Plone's ids sort the other way).
    sections = [p.title for p in page_of("tin_tuc").get_children().type(SectionPage)]
    assert sections == ["Trung ương", "Địa phương"]
    # The default page of "Văn bản" became its introduction, not a page of its own.
    assert page_of("mac_dinh").pk == page_of("van_ban").pk
    assert page_of("van_ban").intro == "Các văn bản mới\n\nNghị quyết, chỉ thị, quyết định."


def test_import_plone_keeps_fields_dates_authors_tags(imported):
    article = page_of("hoi_nghi")
    assert article.slug == "hoi-nghi-ban-chap-hanh"  # Plone's ASCII id kept
    assert article.lead == "Sáng 2/5, hội nghị lần thứ ba khai mạc."
    assert article.cover_image.caption == "Quang cảnh hội nghị"
    assert sorted(article.tags.names()) == ["Hội nghị", "Xây dựng Đảng"]
    assert article.bylines == ["Nguyễn Văn A", "Trần Thị B"]
    assert article.publication_date == datetime.datetime(2018, 5, 2, 8, 15, tzinfo=UTC)
    assert article.first_published_at == datetime.datetime(2018, 5, 2, 8, 15, tzinfo=UTC)
    assert [link.related_page.pk for link in article.related_links.all()] == [page_of("nfd").pk]
    event = page_of("su_kien")
    assert "Hội trường A" in event.body.raw_data[0]["value"]


def test_import_plone_repairs_nfd_and_tcvn3_text(imported):
    nfd = page_of("nfd")
    assert nfd.title == "Hội nghị Ban Chấp hành Đảng bộ khối lần thứ ba"
    assert nfd.lead == "Tin về hội nghị"
    old = page_of("tcvn3")
    assert old.title == "Đảng ủy Khối tổ chức hội nghị"
    assert old.lead == "Tin từ năm 2005 của Đảng ủy"
    assert old.body.raw_data[0]["value"] == "<p>Đảng ủy Khối tổ chức hội nghị.</p>"


def test_import_plone_repairs_vni_text(imported, export_dir):
    page = page_of("vni")
    assert page.title == "Lịch sử Đảng bộ"
    assert page.body.raw_data[0]["value"] == "<p>Đảng bộ được thành lập năm 1930.</p>"
    rows = list(csv.DictReader(imported.write_csv(export_dir).open(encoding="utf-8")))
    reasons = {row["reason"] for row in rows if row["uid"] == UIDS["vni"]}
    assert reasons == {"title repaired from VNI", "description repaired from VNI"}


def test_import_plone_turns_resolveuid_into_references_and_sanitises(imported):
    body = page_of("hoi_nghi").body.raw_data
    assert [block["type"] for block in body] == [
        "heading", "paragraph", "image", "table", "quote", "heading", "paragraph",
    ]  # fmt: skip
    paragraph = body[1]["value"]
    nfd_page = page_of("nfd").pk
    document = ImportedItem.objects.get(uid=UIDS["quyet_dinh"]).document_id
    assert f'<a linktype="page" id="{nfd_page}">bài liên quan</a>' in paragraph
    assert f'<a linktype="page" id="{page_of("gioi_thieu").pk}">trang giới thiệu</a>' in paragraph
    assert f'<a linktype="document" id="{document}">quyết định</a>' in paragraph
    assert "<a>một bài đã xóa</a>" in paragraph  # not in the export: text kept, link dropped
    assert "script" not in paragraph and "font" not in paragraph and "style" not in str(body)
    image = ImportedItem.objects.get(uid=UIDS["anh_rieng"]).image_id
    assert body[2]["value"]["image"] == image
    assert body[3]["value"]["data"] == [["Chỉ tiêu", "Kết quả"], ["Kết nạp đảng viên", "120"]]


def test_import_plone_makes_nothing_public_that_was_not(imported, client):
    titles = public_titles(client)
    assert {
        "Hội nghị Ban Chấp hành",
        "Giới thiệu",
        "Video hội nghị",
        "Hình ảnh hoạt động",
    } <= titles
    for name in ("rieng_tu", "cho_duyet", "het_han"):
        page = page_of(name)
        assert page.title not in titles
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert page_of("het_han").expired
    pending = page_of("cho_duyet")
    assert pending.workflow_in_progress
    assert pending.current_workflow_task.name == "Biên tập viên duyệt"
    assert not page_of("rieng_tu").workflow_in_progress


def test_import_plone_pages_are_searched_fed_and_referenced_like_published_ones(
    imported, api, admin_client
):
    from wagtail.models import ReferenceIndex

    from cms.syndication.models import ChangeEvent
    from tests.syndication_support import make_api_key

    article, private = page_of("hoi_nghi"), page_of("rieng_tu")
    # The reader search finds the published article, typed without diacritics.
    found = api.get("/api/v2/pages/", {"search": "hoi nghi ban chap hanh"}).json()["items"]
    assert article.pk in [item["id"] for item in found]
    assert private.pk not in [item["id"] for item in found]
    # The change feed has its creation, and nothing of the private draft.
    _api_key, key = make_api_key()
    feed = api.get("/api/v2/changes/", {"limit": 100}, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert feed.status_code == 200
    created = {i["page_id"] for i in feed.json()["items"] if i["type"] == "created"}
    assert article.pk in created and private.pk not in created
    assert ChangeEvent.objects.filter(page_id=article.pk, event_type="created").count() == 1
    # The admin search finds both (editors search drafts too).
    response = admin_client.get("/admin/pages/search/", {"q": "Bản nháp riêng tư"})
    assert response.status_code == 200 and "Bản nháp riêng tư" in response.content.decode()
    response = admin_client.get("/admin/pages/search/", {"q": "Hội nghị Ban Chấp hành"})
    assert article.title in response.content.decode()
    # The reference index knows the article's links (Wagtail's "usage" of a document).
    document = ImportedItem.objects.get(uid=UIDS["quyet_dinh"]).document
    assert ReferenceIndex.get_references_to(document).filter(object_id=str(article.pk)).exists()


def test_import_plone_batch_does_what_every_page_published_receiver_does():
    # cms/plone_import/publishing.py does the work of these receivers for new pages without
    # sending page_published: a receiver added later must be added there too.
    from wagtail.signals import page_published

    receivers = {receiver().__name__ for _key, receiver, *_rest in page_published.receivers}
    assert receivers == {
        "_bump_on_page_change",  # bump_api_cache()
        "close_retractions_on_publish",  # nothing to close on a new page
        "on_page_published",  # cms.search.index_pages
        "enqueue_page_renditions",  # generate_page_renditions
        "on_published",  # recording.record(ChangeEvent.CREATED)
    }


def test_import_plone_redirects_old_addresses(imported, client):
    article = page_of("hoi_nghi")
    for old in (
        "/Plone/tin-tuc/hoi-nghi-ban-chap-hanh",
        "/tin-tuc/hoi-nghi-ban-chap-hanh/view",
        "/tin-tuc/hoi-nghi-ban-chap-hanh/@@images/image/large",
        "/tin-tuc/ten-cu-cua-bai",  # export_redirects.json: Plone's own redirect
    ):
        redirect = Redirect.objects.get(old_path=Redirect.normalise_path(old))
        assert redirect.is_permanent and redirect.redirect_page_id == article.pk
    image = ImportedItem.objects.get(uid=UIDS["anh_rieng"]).image
    redirect = Redirect.objects.get(old_path="/anh-toan-canh.png/@@images/image/preview")
    assert redirect.redirect_link == image.file.url
    assert (
        Redirect.objects.get(old_path="/cong-thong-tin-chinh-phu").redirect_link
        == "https://chinhphu.vn/"
    )
    response = client.get("/tin-tuc/hoi-nghi-ban-chap-hanh/view")
    assert response.status_code == 301
    # The reader API's find follows them for the frontend, to public pages only.
    found = client.get("/api/v2/pages/find/?html_path=/Plone/tin-tuc/hoi-nghi-ban-chap-hanh/view/")
    assert found.status_code == 302 and found["Location"].endswith(f"/pages/{article.pk}/")
    private = client.get("/api/v2/pages/find/?html_path=/tin-tuc/ban-nhap-rieng/")
    assert private.status_code == 404


def test_import_plone_writes_history_into_the_audit_log(imported):
    entries = PageLogEntry.objects.filter(page=page_of("hoi_nghi"), action=HISTORY_ACTION).order_by(
        "timestamp"
    )
    assert [
        (e.timestamp, e.data["actor"], e.data["action"], e.data["comment"]) for e in entries
    ] == [
        (datetime.datetime(2018, 5, 2, 8, 0, tzinfo=UTC), "nguyenvana", "create", ""),
        (datetime.datetime(2018, 5, 2, 8, 15, tzinfo=UTC), "tranthib", "publish", "Đồng ý đăng."),
        (datetime.datetime(2018, 5, 3, 9, 30, tzinfo=UTC), "", "modify", ""),
    ]
    submitted = PageLogEntry.objects.get(
        page=page_of("cho_duyet"), action=HISTORY_ACTION, data__action="submit"
    )
    assert submitted.data["comment"] == "Kính gửi ban biên tập."


def test_import_plone_reports_counts_and_a_csv_of_losses(imported, export_dir):
    lines = imported.lines()
    assert "News Item / private -> article / draft: 1" in lines
    assert "News Item / pending -> article / submitted: 1" in lines
    assert "News Item / published -> article / expired: 1" in lines
    assert "Folder / published -> gallery / published: 1" in lines
    assert "Collection / published -> skipped / -: 1" in lines
    rows = list(
        csv.DictReader((export_dir / imported.write_csv(export_dir).name).open(encoding="utf-8"))
    )
    reasons = {(row["plone_type"], row["outcome"], row["reason"]) for row in rows}
    assert ("Collection", "skipped", "no mapping for the Plone type Collection") in reasons
    assert ("File", "skipped", "BlobError: missing blob file 0x00/0x09/0x99.blob") in reasons
    assert ("News Item", "skipped", "its parent is not in the export") in reasons
    assert ("relation", "skipped", "a relation from an item to itself") in reasons
    assert any(r[1] == "imported with a loss" and "not in the export" in r[2] for r in reasons)
    assert not ImportedItem.objects.filter(
        uid__in=[UIDS["mo_coi"], UIDS["thieu_file"], UIDS["bo_suu_tap"]]
    ).exists()


def test_import_plone_second_run_changes_nothing(imported, home_page, export_dir):
    def state() -> dict:
        return {
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "log": PageLogEntry.objects.count(),
            "redirects": Redirect.objects.count(),
            "images": CustomImage.objects.count(),
            "documents": CustomDocument.objects.count(),
            "items": ImportedItem.objects.count(),
        }

    before = state()
    second = run_import(export_dir, home_page)
    assert state() == before
    assert second.created == second.updated == 0
    assert second.unchanged == ImportedItem.objects.count() - 0
    assert second.lines() == imported.lines()


def test_import_plone_second_run_updates_what_changed(imported, home_page, export_dir):
    content = export_dir / "Plone.json"
    content.write_text(
        content.read_text(encoding="utf-8").replace("Giới thiệu", "Giới thiệu chung", 1),
        encoding="utf-8",
    )
    pages = Page.objects.count()
    report = run_import(export_dir, home_page)
    assert report.updated == 1 and report.created == 0
    assert page_of("gioi_thieu").title == "Giới thiệu chung"
    assert Page.objects.count() == pages


def test_import_plone_dry_run_writes_nothing(home_page, export_dir):
    pages = Page.objects.count()
    out = io.StringIO()
    call_command("import_plone", str(export_dir), "--dry-run", verbosity=0, stdout=out)
    assert Page.objects.count() == pages and not ImportedItem.objects.exists()
    assert "News Item / published -> article / published: 3" in out.getvalue()
    assert not (export_dir / "import_plone_report.csv").exists()


def test_import_plone_command_writes_the_csv_and_creates_users(home_page, export_dir, disk_storage):
    out = io.StringIO()
    call_command(
        "import_plone", str(export_dir / "Plone.json"), "--with-users", verbosity=0, stdout=out
    )
    assert "3 skipped" in out.getvalue()
    assert (export_dir / "import_plone_report.csv").exists()
    user = get_user_model().objects.get(username="tranthib")
    assert not user.is_active and not user.has_usable_password()
    entry = PageLogEntry.objects.get(
        page=page_of("hoi_nghi"), action=HISTORY_ACTION, data__action="publish"
    )
    assert entry.user == user


def test_import_plone_under_a_section(home_page, export_dir, disk_storage):
    archive = home_page.add_child(instance=SectionPage(title="Lưu trữ", slug="luu-tru"))
    out = io.StringIO()
    call_command("import_plone", str(export_dir), "--under", "/luu-tru/", verbosity=0, stdout=out)
    assert page_of("tin_tuc").get_parent().pk == archive.pk


def test_import_plone_survives_a_malformed_file(home_page, export_dir, disk_storage):
    content = export_dir / "Plone.json"
    text = content.read_text(encoding="utf-8")
    content.write_text(text[: text.index('"id": "hoi-nghi-ban-chap-hanh"')], encoding="utf-8")
    report = run_import(export_dir, home_page)
    assert ImportedItem.objects.filter(uid=UIDS["tin_tuc"]).exists()
    assert not ImportedItem.objects.filter(uid=UIDS["hoi_nghi"]).exists()
    assert any("malformed JSON" in row[4] for row in report.problems)


def news_export(folder: Path, items: int) -> Path:
    """A Folder and `items` published News Items, each linking to the one before."""
    site = "http://localhost:8080/Plone"
    section = {"@id": f"{site}/tin", "@type": "Folder", "UID": "f" * 32}
    content = [{**section, "id": "tin", "title": "Tin", "review_state": "published",
                "parent": {"@id": site, "@type": "Plone Site", "UID": None}}]  # fmt: skip
    for n in range(items):
        link = f'<a href="resolveuid/{n - 1:032x}">trước</a>' if n else ""
        content.append(
            {
                "@id": f"{site}/tin/bai-{n}",
                "@type": "News Item",
                "UID": f"{n:032x}",
                "id": f"bai-{n}",
                "title": f"Bài số {n}",
                "parent": section,
                "review_state": "published",
                "effective": "2016-03-01T09:00:00+00:00",
                "creators": ["admin"],
                "subjects": ["Xây dựng Đảng"],
                "text": {"data": f"<p>Nội dung {link}</p>", "content-type": "text/html"},
            }
        )
    (folder / "Plone.json").write_text(json.dumps(content), encoding="utf-8")
    return folder


def test_import_plone_queries_per_item_stay_bounded(
    home_page, tmp_path, django_assert_max_num_queries
):
    # Given a warm import (the section and the author exist), when 5 more articles come,
    # then they cost at most 25 queries each (~150 each when every page went through
    # Wagtail's publish; 96 in all today, the search, reference index and change feed
    # written once for the chunk: cms/plone_import/publishing.py).
    run_import(news_export(tmp_path, 1), home_page)
    with django_assert_max_num_queries(5 * 25):
        report = run_import(news_export(tmp_path, 6), home_page)
    assert report.created == 5 and report.unchanged == 2


def test_import_plone_item_failing_after_its_page_leaves_nothing_of_it(
    home_page, tmp_path, monkeypatch
):
    # Given three articles in one chunk, the second failing after its page was inserted,
    # then that page, its audit rows, redirects and change event are gone with its
    # savepoint, and the other two are imported, fed and searchable.
    from cms.syndication.models import ChangeEvent
    from home.models.search import SearchDocument

    failing = f"{1:032x}"
    redirects = Importer._redirects

    def fail_for_one(self, item, record):
        redirects(self, item, record)
        if item["UID"] == failing:
            raise ValueError("disk full")

    monkeypatch.setattr(Importer, "_redirects", fail_for_one)
    report = run_import(news_export(tmp_path, 3), home_page)
    assert report.created == 3  # the folder and two articles
    assert ("News Item", "skipped", "ValueError: disk full") in {r[2:] for r in report.problems}
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert titles == {"Bài số 0", "Bài số 2"}
    assert not PageLogEntry.objects.filter(label="Bài số 1").exists()
    assert not Redirect.objects.filter(old_path="/tin/bai-1").exists()
    assert Redirect.objects.filter(old_path="/tin/bai-2").exists()
    live = set(ArticlePage.objects.values_list("pk", flat=True))
    assert (
        set(ChangeEvent.objects.filter(event_type="created").values_list("page_id", flat=True))
        >= live
    )
    assert set(SearchDocument.objects.values_list("page_id", flat=True)) >= live


def test_import_plone_subjects_find_tags_whatever_their_case(home_page, tmp_path):
    from home.models import Tag

    Tag.objects.create(name="Xây dựng Đảng")
    export = news_export(tmp_path, 2)
    content = json.loads((export / "Plone.json").read_text(encoding="utf-8"))
    content[1]["subjects"] = ["xây dựng đảng", "Hội nghị"]
    (export / "Plone.json").write_text(json.dumps(content), encoding="utf-8")
    run_import(export, home_page)
    first, second = ArticlePage.objects.order_by("pk")
    assert sorted(first.tags.names()) == ["Hội nghị", "Xây dựng Đảng"]
    assert sorted(second.tags.names()) == ["Xây dựng Đảng"]
    assert Tag.objects.filter(name__iexact="xây dựng đảng").count() == 1
