"""``/api/v2/questions/``: readers send questions (POST); "Hỏi đáp" lists the published ones.

    POST /api/v2/questions/  {"name": "Nguyễn Văn A", "email": "a@example.vn",
                              "subject": "…", "message": "…", "consent": true}
      -> 202 {"message": "Cảm ơn bạn đã gửi câu hỏi. …"}
      -> 400 {"message": "…", "errors": {"email": ["Địa chỉ e-mail không hợp lệ."]}}
      -> 429 {"message": "…"}, Retry-After: 1800
    GET /api/v2/questions/?limit=10&offset=0&search=cai cach
      -> 200 {"meta": {"total_count": 3}, "items": [{"id": 4, "subject": "…", "question": "…",
              "name": "…", "asked_at": "…", "answer": "…", "answered_at": "…"}]}

Only answered questions the board published are listed, and never the reader's e-mail,
phone or address. ``search`` matches words of the subject, question and answer without
diacritics or case ("cai cach" finds "Cải cách"), as legal documents' search does; never
the reader's name or contacts.
"""

import json

from django.urls import path
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.metadata import SimpleMetadata
from rest_framework.response import Response

from cms.api.base import ReaderAPIViewSet
from cms.api.documents import term_q, text_terms
from cms.api.filters import BadQueryParameter
from cms.api.visibility import get_scope
from cms.contact import questions
from cms.contact.forms import HONEYPOT, form_from_json
from home.models import ReaderQuestion


def thanks() -> str:
    return _("Thank you for your question. The office will answer it as soon as it can.")


def public_item(question: ReaderQuestion) -> dict:
    return {
        "id": question.id,
        "subject": question.subject,
        "question": question.message,
        "name": question.name,
        "asked_at": question.created_at.isoformat(),
        "answer": question.answer,
        "answered_at": question.answered_at.isoformat() if question.answered_at else None,
        "published_at": question.published_at.isoformat(),
    }


class OptionsMetadata(SimpleMetadata):
    """OPTIONS without DRF's description of the POST form (there is no serializer to
    describe; the OpenAPI document does)."""

    def determine_actions(self, request, view) -> dict:
        return {}


class ReaderQuestionsAPIViewSet(ReaderAPIViewSet):
    name = "questions"
    model = ReaderQuestion
    metadata_class = OptionsMetadata
    known_query_parameters = frozenset(["limit", "offset", "search", "_"])

    def listing_view(self, request):
        self.check_query_parameters()
        get_scope(request)  # 404 for an address no site answers
        limit, offset = self.page_bounds(default_limit=20)
        public = ReaderQuestion.objects.public()
        if "search" in request.GET:
            terms = text_terms(request.GET["search"])
            if not terms:
                raise BadQueryParameter("search", _("must hold letters or digits"))
            for term in terms:
                public = public.filter(term_q(term))
        items = public.order_by("-published_at", "-id").only(
            "id",
            "subject",
            "message",
            "name",
            "created_at",
            "answer",
            "answered_at",
            "published_at",
        )[offset : offset + limit]
        return Response(
            {"meta": {"total_count": public.count()}, "items": [public_item(q) for q in items]}
        )

    def create_view(self, request):
        if request.GET:
            self.check_query_parameters(frozenset())
        wait = questions.retry_after(request)
        if wait is not None:
            return Response(
                {"message": _("You have sent several messages already. Please try again later.")},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(wait)},
            )
        if request.content_type.split(";")[0].strip() != "application/json":
            return self.bad_request(
                _("Send the question as JSON (Content-Type: application/json).")
            )
        try:
            data = json.loads(request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return self.bad_request(_("The request is not valid JSON."))
        form = form_from_json(data)
        if isinstance(form, dict):
            return self.bad_request(_("Please check the fields marked."), form)
        # Bad input is a 400 whoever sends it (the OpenAPI document's promise); only then
        # does a filled honeypot tell a robot from a person.
        if not form.is_valid():
            errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
            return self.bad_request(_("Please check the fields marked."), errors)
        if form.data.get(HONEYPOT):
            # A robot: answered like a person, stored nowhere, counted against its address.
            questions.count(request)
            return Response({"message": thanks()}, status=status.HTTP_202_ACCEPTED)
        questions.store(request, form.cleaned_data, get_scope(request).site_id)
        questions.count(request)
        return Response({"message": thanks()}, status=status.HTTP_202_ACCEPTED)

    def bad_request(self, message: str, errors: dict | None = None) -> Response:
        return Response(
            {"message": message, "errors": errors or {}}, status=status.HTTP_400_BAD_REQUEST
        )

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view", "post": "create_view"}), name="listing")
        ]
