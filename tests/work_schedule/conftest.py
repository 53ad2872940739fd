"""Fixtures of the work schedule tests: a schedule ("Lịch công tác") and weeks in it."""

import pytest

from home.models import WorkScheduleIndexPage
from tests.api_support import publish


@pytest.fixture
def schedule(home_page) -> WorkScheduleIndexPage:
    index = home_page.add_child(
        instance=WorkScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac")
    )
    return publish(index)
