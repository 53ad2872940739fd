"""The site's structure: home, sections and standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import ArticleBodyBlock
from home.models.base import BasePage, ListingFieldsMixin


class HomePage(BasePage):
    """The root of a site ("Trang chủ")."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.SectionPage",
        "home.VideoIndexPage",
        "home.GalleryIndexPage",
        "home.StandardPage",
        "home.LegalDocumentIndexPage",
        "home.WorkScheduleIndexPage",
        "home.OrganisationPage",
    ]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")


class SectionPage(BasePage):
    """A news section ("chuyên mục"), nestable: "Tin tức - Sự kiện" > "Xây dựng Đảng"."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    show_in_menus_default = True

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["home.SectionPage", "home.ArticlePage"]
    template = "pages/section_page.html"

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")


class StandardPage(ListingFieldsMixin, BasePage):
    """A page outside the news flow: "Giới thiệu", "Liên hệ"."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    show_in_menus_default = True

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.OrganisationPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
