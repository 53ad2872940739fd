"""Property: whatever state the chart's rows are in, the API shows exactly the published ones,
in each language, with their published text and never a draft's."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.organisation_support import draft_change, leader, translate, unit

# (Vietnamese state, English state)
VI_STATES = ["draft", "live", "live_with_draft", "unpublished"]
EN_STATES = ["none", "draft", "live", "live_with_draft"]


class Rollback(Exception):
    pass


def _apply(instance, state: str, field: str) -> None:
    if state == "live_with_draft":
        draft_change(instance, **{field: "NHÁP"})
    elif state == "unpublished":
        instance.unpublish()


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=6,
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
    made_units, public_units = [], {"vi": set(), "en": set()}
    for i, (vi, en) in enumerate(unit_states):
        row = unit(f"Đơn vị {i}", live=vi != "draft")
        copy = None if en == "none" else translate(row, publish=en != "draft", name=f"Unit {i}")
        if copy is not None:
            _apply(copy, en, "name")
        _apply(row, vi, "name")
        made_units.append(row)
        if vi in ("live", "live_with_draft"):
            public_units["vi"].add(f"Đơn vị {i}")
            if en in ("live", "live_with_draft"):
                public_units["en"].add(f"Unit {i}")
    public_leaders = {"vi": set(), "en": set()}
    for i, (unit_index, vi, en) in enumerate(leader_states):
        target = made_units[unit_index % len(made_units)]
        row = leader(f"Cán bộ {i}", f"Chức vụ {i}", target, live=vi != "draft")
        copy = None if en == "none" else translate(row, publish=en != "draft", position=f"Post {i}")
        if copy is not None:
            _apply(copy, en, "position")
        _apply(row, vi, "position")
        if vi in ("live", "live_with_draft"):
            public_leaders["vi"].add((f"Cán bộ {i}", f"Chức vụ {i}"))
            if en in ("live", "live_with_draft"):
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
