"""Signal receivers of the media library, connected in MediaLibraryConfig.ready."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published
from wagtail.tasks import delete_file_from_storage_task

from media_library import text
from media_library.models import CustomDocument, Video
from media_library.posters import enqueue_video_poster
from media_library.tasks import enqueue_page_renditions


def delete_video_files(sender, instance: Video, **kwargs) -> None:
    """Like Wagtail does for images and documents: files go once the row is gone for good."""
    for field_file in (instance.file, instance.captions):
        if field_file:
            storage, name = field_file.storage, field_file.name
            transaction.on_commit(
                lambda storage=storage, name=name: delete_file_from_storage_task.enqueue(
                    storage.deconstruct(), name
                )
            )


def connect() -> None:
    page_published.connect(enqueue_page_renditions, dispatch_uid="media_library_renditions")
    post_delete.connect(delete_video_files, sender=Video, dispatch_uid="media_library_videos")
    post_save.connect(enqueue_video_poster, sender=Video, dispatch_uid="media_library_posters")
    text.connect(CustomDocument)
