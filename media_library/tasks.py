"""Background work of the media library: renditions made when a page is published.

``page_published`` (connected in ``MediaLibraryConfig.ready``) enqueues
``generate_page_renditions`` once the publishing transaction has committed, and the worker
(``manage.py run_worker``) makes them, so publishing does not wait for the encoders. Until it
has, or if the task is lost, a reader's request makes any rendition still missing.
"""

import logging

from django.db import transaction
from django.db.models import ForeignKey
from django_tasks import task
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from media_library.renditions import generate_renditions

logger = logging.getLogger(__name__)


def _image_foreign_keys(model) -> list[str]:
    image_model = get_image_model()
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, ForeignKey) and issubclass(field.related_model, image_model)
    ]


def images_used_by(page: Page) -> tuple[list[int], list[int]]:
    """The ids of the images a page shows, and of those that are covers (listing images).

    Looks at the page's image foreign keys, its StreamFields and its child objects (a
    gallery's photos), in the page's current (just published) state.
    """
    image_model = get_image_model()
    covers = {getattr(page, name) for name in _image_foreign_keys(type(page))} - {None}
    images = set(covers)
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = getattr(page, field.attname)
            for model, pk, _path, _content_path in field.stream_block.extract_references(value):
                if issubclass(model, image_model):
                    images.add(int(pk))
    for relation in get_all_child_relations(page):
        names = _image_foreign_keys(relation.related_model)
        if names:
            for child in getattr(page, relation.get_accessor_name()).all():
                images.update(getattr(child, name) for name in names)
    images.discard(None)
    return sorted(images), sorted(covers)


@task()
def generate_page_renditions(image_ids: list[int], cover_ids: list[int]) -> int:
    """Make the srcset (and, for covers, the crop) renditions of these images.

    An image whose original is unreadable is logged and skipped; readers then get it made
    on demand, or an error for that image alone.
    """
    made = 0
    for image in get_image_model().objects.filter(id__in=image_ids):
        try:
            made += generate_renditions(image, cover=image.id in cover_ids)
        except Exception:  # one unreadable original must not stop the others
            logger.exception("Could not make the renditions of image %s", image.id)
    return made


def enqueue_page_renditions(sender, instance: Page, **kwargs) -> None:
    """``page_published`` receiver."""
    image_ids, cover_ids = images_used_by(instance.specific)
    if image_ids:
        transaction.on_commit(lambda: generate_page_renditions.enqueue(image_ids, cover_ids))
