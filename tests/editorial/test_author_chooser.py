"""Authors from the page editor's chooser, per role, through the admin's own URLs (issue 16,
defect 4): a contributor adds an author (name, position, unit) and finds it by name; section
editors and the board edit authors; only the board deletes them; a contributor changes no one's
author, not even one it added."""

import json

import pytest
from wagtail.models import ModelLogEntry

from home.models import Author
from tests.admin_support import is_refused

pytestmark = pytest.mark.django_db

CHOOSE = "/admin/snippets/choose/home/author/"
CREATE = "/admin/snippets/choose/home/author/create/"
RESULTS = "/admin/snippets/choose/home/author/results/"
NEW_AUTHOR = {
    "name": "Phạm Văn Quyến",
    "position": "Phó Chánh Văn phòng Đảng ủy Khối",
    "unit": "Văn phòng Đảng ủy Khối",
}


def edit_url(author: Author) -> str:
    return f"/admin/snippets/home/author/edit/{author.pk}/"


def delete_url(author: Author) -> str:
    return f"/admin/snippets/home/author/delete/{author.pk}/"


def modal_html(response) -> str:
    assert response.status_code == 200, response.status_code
    return json.loads(response.content)["html"]


def test_contributor_chooser_offers_the_new_author_form(client, contributor):
    client.force_login(contributor)

    html = modal_html(client.get(CHOOSE))

    assert 'name="name"' in html and 'name="position"' in html and 'name="unit"' in html
    assert "Tác giả mới" in html  # the tab
    assert "Thêm tác giả" in html  # the button


def test_contributor_creates_an_author_from_the_chooser_and_finds_it(client, contributor):
    client.force_login(contributor)

    response = client.post(CREATE, NEW_AUTHOR)

    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["step"] == "chosen", answer
    author = Author.objects.get(name="Phạm Văn Quyến")
    assert answer["result"]["id"] == str(author.pk)
    assert (author.position, author.unit) == (NEW_AUTHOR["position"], NEW_AUTHOR["unit"])
    assert author.locale.language_code == "vi"
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(author.pk))
    assert entry.user == contributor
    # Typed in the chooser's search box
    found = client.get(RESULTS, {"q": "Quyến"}).content.decode()
    assert "Phạm Văn Quyến" in found


def test_contributor_new_author_without_a_name_is_a_form_error(client, contributor):
    client.force_login(contributor)

    response = client.post(CREATE, {"name": "", "position": "Phóng viên"})

    answer = json.loads(response.content)
    assert answer["step"] == "reshow_creation_form"
    assert "Trường này là bắt buộc." in answer["htmlFragment"]
    assert not Author.objects.filter(position="Phóng viên").exists()


def test_chooser_search_without_match_speaks_of_authors(client, contributor, author):
    client.force_login(contributor)

    html = client.get(RESULTS, {"q": "Không có ai"}).content.decode()

    assert "Không tìm thấy tác giả nào khớp với “<em>Không có ai</em>”." in html
    assert "mục dùng chung" not in html


@pytest.mark.parametrize(
    ("role", "may_edit", "may_delete"),
    [
        ("contributor", False, False),
        ("section_editor", True, False),
        ("board_member", True, True),
    ],
)
def test_who_edits_and_deletes_authors(client, request, author, role, may_edit, may_delete):
    user = request.getfixturevalue(role)
    client.force_login(user)
    # An author the contributor added itself counts the same: authors belong to the office.
    if role == "contributor":
        client.post(CREATE, NEW_AUTHOR)
        authors = [author, Author.objects.get(name=NEW_AUTHOR["name"])]
    else:
        authors = [author]

    for target in authors:
        changed = {"name": target.name + " (sửa)", "position": "", "unit": ""}
        edit_get = client.get(edit_url(target))
        assert (edit_get.status_code == 200) is may_edit
        assert is_refused(client, edit_get) is not may_edit
        edit_post = client.post(edit_url(target), changed)
        assert is_refused(client, edit_post) is not may_edit
        target.refresh_from_db()
        assert target.name.endswith("(sửa)") is may_edit

        delete_post = client.post(delete_url(target))
        assert is_refused(client, delete_post) is not may_delete
        assert Author.objects.filter(pk=target.pk).exists() is not may_delete


def test_site_administrator_adds_no_author(client, site_admin):
    client.force_login(site_admin)

    assert is_refused(client, client.post(CREATE, NEW_AUTHOR))
    assert not Author.objects.filter(name=NEW_AUTHOR["name"]).exists()
