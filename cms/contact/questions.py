"""Taking a reader's question: the per-address rate limit, storing it, e-mailing the office.

The address is the one ``client_ip`` gives (cms/authentication/throttling.py): the peer's,
unless the peer is a trusted proxy in ``FORWARDED_ALLOW_IPS``, as the reader frontend is;
then the address the frontend (or nginx) put last in ``X-Forwarded-For``. A reader posting
straight to the API cannot choose the address it is counted under.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.authentication.throttling import client_ip
from home.models import ReaderQuestion, SiteSettings


def _counter(address: str) -> tuple[str, int, float]:
    window = settings.CONTACT_RATE_WINDOW
    now = time.time()
    bucket = int(now // window)
    return f"contact:rate:{address}:{bucket}", window, (bucket + 1) * window - now


def retry_after(request: HttpRequest) -> int | None:
    """Seconds to wait when this address already sent its share in this window, else None."""
    key, _window, left = _counter(client_ip(request))
    if (cache.get(key) or 0) >= settings.CONTACT_RATE_LIMIT:
        return max(1, int(left) + 1)
    return None


def count(request: HttpRequest) -> None:
    """Count one message (stored, or caught by the honeypot) against this address."""
    key, window, _left = _counter(client_ip(request))
    cache.add(key, 0, timeout=window + 1)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)


def store(request: HttpRequest, cleaned: dict, site_id: int | None) -> ReaderQuestion:
    """Save the question and queue its e-mail to the office (sent after the commit)."""
    address = client_ip(request) or None
    with transaction.atomic():
        question = ReaderQuestion.objects.create(
            name=cleaned["name"],
            email=cleaned["email"],
            phone=cleaned["phone"],
            subject=cleaned["subject"],
            message=cleaned["message"],
            consent=cleaned["consent"],
            client_address=address,
            site_id=site_id,
        )
        transaction.on_commit(lambda: notify_office(question))
    return question


def recipient(site_id: int | None) -> str:
    row = SiteSettings.objects.filter(site_id=site_id).only("email", "questions_email").first()
    return (row.questions_email or row.email) if row else ""


def notify_office(question: ReaderQuestion) -> int:
    """A plain-text e-mail (nothing the reader wrote is ever read as HTML) to the address
    in the site settings; none configured, none sent. Queued by settings.EMAIL_BACKEND."""
    to = recipient(question.site_id)
    if not to:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.WAGTAILADMIN_BASE_URL + reverse(
            "wagtailsnippets_home_readerquestion:edit", args=[question.pk]
        )
        body = "\n".join(
            [
                _("A reader sent a question from the contact page."),
                "",
                f"{_('Name')}: {question.name}",
                f"{_('E-mail')}: {question.email or '–'}",
                f"{_('Phone')}: {question.phone or '–'}",
                f"{_('Subject')}: {question.subject}",
                "",
                question.message,
                "",
                _("Answer or close it in the admin: %(link)s") % {"link": link},
            ]
        )
        message = EmailMessage(
            subject=_("Reader's question: %(subject)s") % {"subject": question.subject[:120]},
            body=body,
            to=[to],
            reply_to=[question.email] if question.email else [],
        )
    return message.send()
