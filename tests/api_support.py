"""Builders shared by the reader API tests (tests/api/)."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from home.models import ArticlePage, SectionPage


def make_image(title: str = "Ảnh", size: tuple[int, int] = (1200, 800)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 30)).save(buffer, format="JPEG")
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(buffer, name="anh.jpg"),
        alt_text=f"Mô tả {title}",
        caption=f"Chú thích {title}",
        credit="Ảnh: Văn phòng",
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_article(parent: SectionPage, title: str, days_ago: int = 0, **fields) -> ArticlePage:
    fields.setdefault("lead", f"Sapo của {title}")
    article = ArticlePage(
        title=title,
        publication_date=timezone.now() - datetime.timedelta(days=days_ago),
        **fields,
    )
    parent.add_child(instance=article)
    return publish(article)


def paragraph(html: str) -> tuple:
    return ("paragraph", RichText(html))


def image_block(image) -> tuple:
    return ("image", {"image": image, "caption": "", "credit": ""})
