"""Sent back with a comment: what the author sees of it (issue 16, defect 5).

At the top of the page editor, and in a panel of the dashboard listing the author's articles
that are waiting for changes: who sent each back, when, and the comment.

    [!] Trần Quốc Bảo đã trả lại bài lúc 10:42 04/12/2026, ở bước "Biên tập viên duyệt":
        "Thêm nguồn cho số liệu ở đoạn 2."
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type


@dataclass
class SentBack:
    page: Page
    task_state: TaskState

    @property
    def comment(self) -> str:
        return self.task_state.get_comment()


def sent_back_task_state(page: Page) -> TaskState | None:
    """The step that sent page back, while it waits for changes."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return task_state


def sent_back_to(user) -> list[SentBack]:
    """The pages user submitted or owns that were sent back, newest first, in three queries."""
    page_type = get_default_page_content_type()
    # WorkflowState.object_id is text: PostgreSQL compares it with text only.
    owned = (
        Page.objects.filter(owner=user)
        .annotate(id_text=Cast("id", output_field=CharField()))
        .values_list("id_text", flat=True)
    )
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES, base_content_type=page_type
        )
        .filter(Q(requested_by=user) | Q(object_id__in=owned))
        .select_related("current_task_state__finished_by", "current_task_state__task")
        .order_by("-current_task_state__finished_at")
    )
    states = list(states)
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    return [
        SentBack(pages[int(state.object_id)], state.current_task_state)
        for state in states
        if int(state.object_id) in pages and state.current_task_state
    ]


class SentBackPanel(Component):
    """The dashboard's "Bài bị trả lại" panel: first, as it is the author's next task."""

    name = "sent_back_to_me"
    template_name = "editorial/admin/dashboard_sent_back.html"
    order = 90

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        request = parent_context["request"]
        return {"sent_back": sent_back_to(request.user), "request": request}
