"""Property: whatever state the chart's rows are in, the API shows exactly the published ones,
in each language, with their published text and never a draft's: not a saved draft, nor one
waiting in "Quy trình duyệt tin" (submitted, even approved by the section editors' step)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.editorial import roles
from tests.organisation_support import draft_change, leader, translate, unit

# (Vietnamese state, English state). "in_review": never published, submitted and approved by
# the first step; "live_in_review": published, a change submitted and approved likewise.
VI_STATES = ["draft", "live", "live_with_draft", "unpublished", "in_review", "live_in_review"]
EN_STATES = ["none", "draft", "live", "live_with_draft", "in_review", "live_in_review"]
PUBLIC = ("live", "live_with_draft", "live_in_review")
NOT_YET_LIVE = ("draft", "in_review")


class Rollback(Exception):
    pass


def _apply(instance, state: str, field: str, reviewer) -> None:
    if state in ("live_with_draft", "live_in_review", "in_review"):
        draft_change(instance, **{field: "NHÁP"})
    elif state == "unpublished":
        instance.unpublish()
    if state.endswith("in_review"):
        instance.get_workflow().start(instance, reviewer)
        task_state = instance.current_workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        assert instance.current_workflow_task.name == "Ban biên tập phê duyệt"


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    units=st.lists(
        st.tuples(st.sampled_from(VI_STATES), st.sampled_from(EN_STATES)), min_size=1, max_size=3
    ),
    leaders=st.lists(
        st.tuples(st.integers(0, 2), st.sampled_from(VI_STATES), st.sampled_from(EN_STATES)),
        max_size=5,
    ),
)
def test_the_api_shows_exactly_the_published_chart(db, units, leaders):
    try:
        with transaction.atomic():
            _check(units, leaders)
            raise Rollback
    except Rollback:
        pass


def _check(unit_states, leader_states) -> None:
    reviewer = get_user_model().objects.create_user("bientapvien")
    reviewer.groups.add(Group.objects.get(name=roles.SECTION_EDITORS))
    made_units, public_units = [], {"vi": set(), "en": set()}
    for i, (vi, en) in enumerate(unit_states):
        row = unit(f"Đơn vị {i}", live=vi not in NOT_YET_LIVE)
        if en != "none":
            copy = translate(row, publish=en not in NOT_YET_LIVE, name=f"Unit {i}")
            _apply(copy, en, "name", reviewer)
        _apply(row, vi, "name", reviewer)
        made_units.append(row)
        if vi in PUBLIC:
            public_units["vi"].add(f"Đơn vị {i}")
            if en in PUBLIC:
                public_units["en"].add(f"Unit {i}")
    public_leaders = {"vi": set(), "en": set()}
    for i, (unit_index, vi, en) in enumerate(leader_states):
        target = made_units[unit_index % len(made_units)]
        row = leader(f"Cán bộ {i}", f"Chức vụ {i}", target, live=vi not in NOT_YET_LIVE)
        if en != "none":
            copy = translate(row, publish=en not in NOT_YET_LIVE, position=f"Post {i}")
            _apply(copy, en, "position", reviewer)
        _apply(row, vi, "position", reviewer)
        if vi in PUBLIC:
            public_leaders["vi"].add((f"Cán bộ {i}", f"Chức vụ {i}"))
            if en in PUBLIC:
                public_leaders["en"].add((f"Cán bộ {i}", f"Post {i}"))
    client = Client()
    for locale in ("vi", "en"):
        cache.clear()
        units = client.get(f"/api/v2/organisation/units/?locale={locale}")
        leaders = client.get(f"/api/v2/organisation/leaders/?locale={locale}")
        assert units.status_code == leaders.status_code == 200
        assert "NHÁP" not in units.content.decode() + leaders.content.decode()
        assert {u["name"] for u in units.json()["items"]} == public_units[locale]
        items = leaders.json()["items"]
        assert {(i["name"], i["position"]) for i in items} == public_leaders[locale]
        for item in items:
            assert item["unit"] is None or item["unit"]["name"] in public_units[locale]
