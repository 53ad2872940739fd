"""The organisation chart page: the CMS's units and leaders in the page's language.

Two API requests, made together: ``organisation/units/`` (a tree) and
``organisation/leaders/`` (a list, each naming their unit); each leader is put under their
unit here, in the CMS's order, and leaders without a published unit are listed after the
chart.
"""

import asyncio
from typing import Any

from frontend.api_client import ApiClient


def _attach(units: list[dict], by_unit: dict[int, list[dict]], depth: int) -> list[dict]:
    return [
        {
            **unit,
            "depth": depth,
            "leaders": by_unit.pop(unit["id"], []),
            "children": _attach(unit["children"], by_unit, depth + 1),
        }
        for unit in units
    ]


async def chart(api: ApiClient, locale: str) -> dict[str, Any]:
    units, leaders = await asyncio.gather(
        api.get("organisation/units/", {"locale": locale}),
        api.get("organisation/leaders/", {"locale": locale}),
    )
    by_unit: dict[int, list[dict]] = {}
    without_unit = []
    for leader in leaders["items"]:
        if leader["unit"] is None:
            without_unit.append(leader)
        else:
            by_unit.setdefault(leader["unit"]["id"], []).append(leader)
    tree = _attach(units["items"], by_unit, 0)
    return {"units": tree, "other_leaders": without_unit, "english": locale == "en"}
