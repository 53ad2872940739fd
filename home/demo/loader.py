"""Build the demo site from home.demo.content. Idempotent: what exists is left as it is."""

import datetime
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from cms.editorial import roles
from home.demo import content
from home.demo.contact import load_contact
from home.demo.documents import load_documents
from home.demo.images import draw_picture
from home.demo.organisation import load_organisation
from home.demo.work_schedule import load_work_schedule
from home.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    GalleryImage,
    GalleryIndexPage,
    GalleryPage,
    HomePage,
    LinkedWebsite,
    SectionPage,
    SiteIdentity,
    SiteSettings,
    StandardPage,
    VideoIndexPage,
    VideoPage,
)
from media_library.models import CustomImage

DEMO_PASSWORD = "demo-2026"
# Kept in the site settings; the other lines are the translatable owner details.
SITE_CONTACTS = ("phone", "email")

# (username, full name, group); the superuser "admin" is created separately.
DEMO_USERS = [
    ("phongvien", "Lê Thu Hà", roles.CONTRIBUTORS),
    ("bientapvien", "Trần Quốc Bảo", roles.SECTION_EDITORS),
    ("truongban", "Nguyễn Thị Minh", roles.EDITORIAL_BOARD),
    ("quantri", "Phạm Văn Sơn", roles.SITE_ADMINISTRATORS),
]

VIDEO_INDEX_TITLE = "Video hoạt động"
GALLERY_INDEX_TITLE = "Hình ảnh hoạt động"


def local_datetime(value: str) -> datetime.datetime:
    """'2026-06-15 08:30' in the site's time zone."""
    naive = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M")
    return timezone.make_aware(naive, timezone.get_default_timezone())


class DemoLoader:
    def __init__(self, log: Callable[[str], None] | None = None) -> None:
        self.log = log or (lambda message: None)
        self.created = 0
        self.images: dict[str, CustomImage] = {}
        self.authors: dict[str, Author] = {}
        self.sections: dict[str, SectionPage] = {}

    @transaction.atomic
    def load(self) -> int:
        """Create whatever is missing; return how many objects were created."""
        home = self.home_page()
        self.site_settings(home)
        self.load_images()
        self.site_images(home)
        self.load_authors()
        self.load_sections(home, content.SECTIONS)
        self.load_articles()
        self.load_videos(home)
        self.load_galleries(home)
        self.load_standard_pages(home)
        self.created += load_documents(home, self.publish_child, self.log)
        load_organisation(self, home)
        self.load_linked_websites()
        self.created += load_work_schedule(home, self.log)
        self.load_users()
        self.created += load_contact(home.get_site())
        return self.created

    # --- helpers ---------------------------------------------------------------

    def publish_child(self, parent: Page, page: Page) -> Page:
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.log(f"  + {page._meta.verbose_name}: {page.title}")
        return page

    @staticmethod
    def child(parent: Page, model: type[Page], title: str) -> Page | None:
        return model.objects.child_of(parent).filter(title=title).first()

    def body(self, blocks: list[tuple[str, object]]) -> list[dict]:
        stream = []
        for block_type, value in blocks:
            if block_type == "image":
                value = {**value, "image": self.images[value["image"]].id}
            elif block_type == "heading":
                value = {"text": value, "level": "h2"}
            stream.append({"type": block_type, "value": value})
        return stream

    # --- site ------------------------------------------------------------------

    def home_page(self) -> HomePage:
        # The Vietnamese one: translating a page to English adds an English placeholder home.
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home:
            return home
        root = Page.get_first_root_node()
        home = HomePage(title=content.HOME["title"], slug="trang-chu", intro=content.HOME["intro"])
        self.publish_child(root, home)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        old_root_id = site.root_page_id
        site.hostname, site.port, site.root_page = "localhost", 80, home
        site.site_name = content.SITE_SETTINGS["organisation_name"]
        site.save()
        # Wagtail's placeholder "Welcome" page is replaced by ours.
        Page.objects.filter(id=old_root_id, depth=2).exclude(id=home.id).delete()
        return home

    def site_settings(self, home: HomePage) -> None:
        settings = SiteSettings.for_site(home.get_site())
        if settings.identity_id is None:
            values = content.SITE_SETTINGS
            texts = {name: value for name, value in values.items() if name not in SITE_CONTACTS}
            settings.identity = SiteIdentity.objects.create(**texts)
            settings.phone, settings.email = values["phone"], values["email"]
            settings.save()
            self.created += 1

    def site_images(self, home: HomePage) -> None:
        """The share image (og:image of the home page, sections, topics) and the logo."""
        settings = SiteSettings.for_site(home.get_site())
        if settings.share_image_id is None:
            settings.share_image = self.images[content.SHARE_IMAGE]
            settings.save()
        if settings.logo_id is None:
            logo = CustomImage(
                title=content.LOGO["title"],
                alt_text=content.LOGO["alt_text"],
                file=ContentFile(
                    draw_picture(content.LOGO["label"], content.LOGO["color"], (400, 400)),
                    name="logo.jpg",
                ),
            )
            logo._set_image_file_metadata()
            logo.save()
            settings.logo = logo
            settings.save()
            self.created += 1

    def load_images(self) -> None:
        for spec in content.IMAGES:
            image = CustomImage.objects.filter(title=spec["title"]).first()
            if image is None:
                picture = draw_picture(spec["label"], spec["color"])
                image = CustomImage(
                    title=spec["title"],
                    alt_text=spec["alt_text"],
                    caption=spec["caption"],
                    credit=spec["credit"],
                    file=ContentFile(picture, name=f"{spec['key']}.jpg"),
                )
                image._set_image_file_metadata()
                image.save()
                self.created += 1
            self.images[spec["key"]] = image

    def load_authors(self) -> None:
        for spec in content.AUTHORS:
            author, created = Author.objects.get_or_create(
                name=spec["name"], defaults={"position": spec["position"], "unit": spec["unit"]}
            )
            self.created += created
            self.authors[spec["key"]] = author

    def load_sections(self, parent: Page, specs: list[dict]) -> None:
        for spec in specs:
            section = self.child(parent, SectionPage, spec["title"]) or self.publish_child(
                parent, SectionPage(title=spec["title"], intro=spec["intro"])
            )
            self.sections[spec["title"]] = section
            self.load_sections(section, spec.get("children", []))

    # --- content ---------------------------------------------------------------

    def load_articles(self) -> None:
        for spec in content.ARTICLES:
            section = self.sections[spec["section"]]
            if self.child(section, ArticlePage, spec["title"]):
                continue
            date = local_datetime(spec["date"])
            article = ArticlePage(
                title=spec["title"],
                lead=spec["lead"],
                cover_image=self.images[spec["cover"]],
                body=self.body(spec["body"]),
                publication_date=date,
                first_published_at=date,
                featured=spec["featured"],
                source=spec["source"],
            )
            article.article_authors = [
                ArticleAuthor(author=self.authors[key]) for key in spec["authors"]
            ]
            article.tags.add(*spec["tags"])
            self.publish_child(section, article)

    def index_page(self, home: HomePage, model: type[Page], title: str) -> Page:
        return self.child(home, model, title) or self.publish_child(home, model(title=title))

    def load_videos(self, home: HomePage) -> None:
        index = self.index_page(home, VideoIndexPage, VIDEO_INDEX_TITLE)
        for spec in content.VIDEOS:
            if self.child(index, VideoPage, spec["title"]):
                continue
            hours, minutes, seconds = (int(part) for part in spec["duration"].split(":"))
            date = local_datetime(spec["date"])
            video = VideoPage(
                title=spec["title"],
                lead=spec["lead"],
                cover_image=self.images[spec["cover"]],
                embed_url=spec["embed_url"],
                duration=datetime.timedelta(hours=hours, minutes=minutes, seconds=seconds),
                publication_date=date,
                first_published_at=date,
            )
            self.publish_child(index, video)

    def load_galleries(self, home: HomePage) -> None:
        index = self.index_page(home, GalleryIndexPage, GALLERY_INDEX_TITLE)
        for spec in content.GALLERIES:
            if self.child(index, GalleryPage, spec["title"]):
                continue
            date = local_datetime(spec["date"])
            gallery = GalleryPage(
                title=spec["title"],
                lead=spec["lead"],
                cover_image=self.images[spec["cover"]],
                publication_date=date,
                first_published_at=date,
            )
            gallery.gallery_images = [
                GalleryImage(image=self.images[key], caption=caption)
                for key, caption in spec["photos"]
            ]
            self.publish_child(index, gallery)

    def load_standard_pages(self, home: HomePage) -> None:
        for spec in content.STANDARD_PAGES:
            if not self.child(home, StandardPage, spec["title"]):
                page = StandardPage(
                    title=spec["title"], lead=spec["lead"], body=self.body(spec["body"])
                )
                self.publish_child(home, page)

    def load_linked_websites(self) -> None:
        for order, spec in enumerate(content.LINKED_WEBSITES):
            _, created = LinkedWebsite.objects.get_or_create(
                url=spec["url"], defaults={"name": spec["name"], "sort_order": order}
            )
            self.created += created

    # --- people ----------------------------------------------------------------

    def load_users(self) -> None:
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.com", DEMO_PASSWORD)
            self.created += 1
        for username, full_name, group_name in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                continue
            # Vietnamese names put the given name last: "Lê Thu Hà" -> given name "Hà".
            family_names, _, given_name = full_name.rpartition(" ")
            user = User.objects.create_user(
                username,
                f"{username}@example.com",
                DEMO_PASSWORD,
                first_name=given_name,
                last_name=family_names,
            )
            user.groups.add(Group.objects.get(name=group_name))
            self.created += 1
