"""News articles ("tin bài") with their bylines, tags and related articles."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.vietnamese import slugify_vi
from home.blocks import ArticleBodyBlock
from home.models.base import BasePage, DatedMixin, ListingFieldsMixin
from home.tagging import NFCClusterTaggableManager


class Tag(TagBase):
    """A tag whose slug is ASCII: "Cải cách hành chính" -> cai-cach-hanh-chinh.

    taggit's own Tag keeps the diacritics in its slug, which makes /?tag= URLs
    unreadable and hard to type.
    """

    free_tagging = True

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def slugify(self, tag: str, i: int | None = None) -> str:
        slug = slugify_vi(tag, max_length=90)
        return slug if i is None else f"{slug}-{i}"


class ArticleTag(ItemBase):
    tag = models.ForeignKey(Tag, related_name="tagged_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "home.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticleAuthor(Orderable):
    """One author of an article, with the position they held when it was written."""

    page = ParentalKey("home.ArticlePage", related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        "home.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )
    position = models.CharField(
        _("position in the byline"),
        max_length=255,
        blank=True,
        help_text=_("Left empty, the author's current position is copied here when saving."),
    )

    panels = [FieldPanel("author"), FieldPanel("position")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    @property
    def byline(self) -> str:
        """'Nguyễn Văn A – Chánh Văn phòng Đảng ủy Khối', or the name alone."""
        return f"{self.author.name} – {self.position}" if self.position else self.author.name


class RelatedArticle(Orderable):
    page = ParentalKey("home.ArticlePage", related_name="related_links", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "home.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")


class ArticlePage(DatedMixin, ListingFieldsMixin, BasePage):
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the article comes from, if not written for this site."),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Featured news are shown first on the home page."),
    )
    tags = NFCClusterTaggableManager(through=ArticleTag, verbose_name=_("tags"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        InlinePanel("article_authors", label=_("Authors")),
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("source"), FieldPanel("featured")],
            heading=_("Publication"),
        ),
        FieldPanel("tags"),
        InlinePanel("related_links", label=_("Related articles")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("featured"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["home.SectionPage"]
    subpage_types = []
    template = "pages/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [DatedMixin.newest_first_index("article_newest_first")]

    def _set_core_field_defaults(self) -> None:
        # The byline keeps the position held when the article was written: copy the
        # author's current position only where none was given.
        for link in self.article_authors.all():
            if not link.position and link.author_id:
                link.position = link.author.position
        super()._set_core_field_defaults()

    @property
    def bylines(self) -> list[str]:
        return [link.byline for link in self.article_authors.all()]
