"""Who may download a document: the live content that links it decides.

Readers get a document only when a page they can see links it in its live content: a live,
unexpired page whose view restrictions (its own and its ancestors': login, groups, password)
let the request in. Drafts do not count, not even a draft of a live page, and neither does a
document no page links. Staff signed in to the admin get every document. Everyone else gets
a 404, and the file itself is not in public storage (media_library.storage), so guessing a
storage URL leads nowhere either.

Wagtail's reference index records what each page row links, and a page row holds the live
content (drafts live in revisions), so the index answers "which live content links this".
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex


def live_pages_linking(document) -> list[Page]:
    """The live, unexpired pages whose live content links ``document``."""
    page_ids = {
        int(reference.object_id)
        for reference in ReferenceIndex.get_references_to(document).filter(
            base_content_type=ContentType.objects.get_for_model(Page)
        )
    }
    if not page_ids:
        return []
    unexpired = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    return list(Page.objects.filter(unexpired, id__in=page_ids, live=True, expired=False))


def page_lets_in(page: Page, request: HttpRequest) -> bool:
    """Whether every view restriction on ``page`` or above it accepts ``request``."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def can_download(document, request: HttpRequest) -> bool:
    if request.user.has_perm("wagtailadmin.access_admin"):
        return True
    return any(page_lets_in(page, request) for page in live_pages_linking(document))
