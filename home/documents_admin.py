"""The document library's managed lists in the admin: types, issuing bodies, fields.

Imported by home/wagtail_hooks.py. Editors extend the lists here ("Danh mục văn bản").
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models.documents import DocumentField, DocumentType, IssuingBody


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = _("Document types")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = _("Issuing bodies")
    list_display = ["name", "code", "style"]
    search_fields = ["name", "code"]


class DocumentFieldViewSet(SnippetViewSet):
    model = DocumentField
    icon = "folder-open-inverse"
    menu_label = _("Document fields")
    list_display = ["name"]
    search_fields = ["name"]


class DocumentListsGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, IssuingBodyViewSet, DocumentFieldViewSet)
    menu_icon = "doc-full"
    menu_label = _("Document lists")
    menu_order = 220


register_snippet(DocumentListsGroup)
