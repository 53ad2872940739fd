"""Who may download a document: the pages that use it decide.

A document used only by pages readers cannot see (drafts, retracted articles, pages behind
a login, group or password restriction) is served only to editors and to readers who pass
one of those pages' restrictions. Its file is not in public storage (media_library.storage),
so guessing a storage URL leads nowhere either.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail.models import Page, ReferenceIndex


def pages_using(document) -> list[Page]:
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(reference.object_id)
        for reference in ReferenceIndex.get_references_to(document).filter(
            base_content_type=page_type
        )
    }
    return list(Page.objects.filter(id__in=page_ids))


def can_download(document, request: HttpRequest) -> bool:
    pages = pages_using(document)
    if not pages:
        # A library document no page uses yet: Wagtail's collection privacy still applies.
        return True
    for page in pages:
        if page.live and all(r.accept_request(request) for r in page.get_view_restrictions()):
            return True
    return request.user.has_perm("wagtailadmin.access_admin")
