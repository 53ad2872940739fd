from home.models.articles import ArticleAuthor, ArticlePage, ArticleTag, RelatedArticle, Tag
from home.models.contact import QuestionStatus, ReaderQuestion
from home.models.documents import (
    DocumentField,
    DocumentType,
    IssuingBody,
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from home.models.editorial import EditorialReviewTask, Retraction
from home.models.media_pages import (
    GalleryImage,
    GalleryIndexPage,
    GalleryPage,
    VideoIndexPage,
    VideoPage,
)
from home.models.organisation import Leader, OrganisationPage, OrganisationUnit
from home.models.pages import HomePage, SectionPage, StandardPage
from home.models.search import SearchDocument, SearchText
from home.models.site_settings import SiteIdentity, SiteSettings
from home.models.snippets import Author, LinkedWebsite
from home.models.work_schedule import WorkScheduleEntry, WorkScheduleIndexPage, WorkWeekPage

__all__ = [
    "DocumentField",
    "DocumentType",
    "IssuingBody",
    "LegalDocumentFile",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "LegalDocumentRelation",
    "ArticleAuthor",
    "ArticlePage",
    "ArticleTag",
    "Author",
    "EditorialReviewTask",
    "GalleryImage",
    "GalleryIndexPage",
    "GalleryPage",
    "HomePage",
    "QuestionStatus",
    "ReaderQuestion",
    "Leader",
    "LinkedWebsite",
    "OrganisationPage",
    "OrganisationUnit",
    "RelatedArticle",
    "Retraction",
    "SearchDocument",
    "SearchText",
    "SectionPage",
    "SiteIdentity",
    "SiteSettings",
    "StandardPage",
    "Tag",
    "VideoIndexPage",
    "VideoPage",
    "WorkScheduleEntry",
    "WorkScheduleIndexPage",
    "WorkWeekPage",
]
