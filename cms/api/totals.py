"""A listing's total from the page counts PostgreSQL keeps (``PageCount``), not a count.

Counting the public articles of a site read every one of them: 20–25 ms of PostgreSQL at
100,000 articles, paid by every listing asked for the first time after a publish. The page
counts hold, per tree path, page type, locale and depth, how many pages there are live and
not marked expired; a listing filtered by type, branch (section, child_of, descendant_of)
and locale sums the rows of its branch or site roots, takes away the rows of the restricted
branches inside it, and takes away, counted, the pages whose ``expire_at`` has passed but
that no job has marked expired yet (a few, found through the ``page_live_expiry`` index).
All in one statement, so in one snapshot of the database::

    total = Σ counts(branch) − Σ counts(restricted branches in it) − lapsed pages

Any other filter, and every listing on SQLite, is counted the usual way (``None`` here).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import BigIntegerField, Case, F, Q, When
from django.utils import timezone
from wagtail.models import Page, get_page_models

from cms.api.filters import Branch
from cms.api.models import PageCount
from cms.api.visibility import SiteScope


def public_total(
    scope: SiteScope,
    model: type[Page],
    branch: Branch | None = None,
    locale_id: int | None = None,
    now: datetime.datetime | None = None,
) -> int | None:
    """How many public pages of ``model`` (and its subtypes) the site shows in ``branch`` (or
    in all of it) and ``locale``; None where the counts cannot tell (SQLite)."""
    if connection.vendor != "postgresql":
        return None
    now = now or timezone.now()
    if branch is None:
        counted = [root.path for root in scope.roots]
        depth = Q()
    elif any(branch.path.startswith(root.path) for root in scope.roots):
        counted = [branch.path]
        depth = branch.depth_q()
    else:
        return 0
    restricted = _outermost(scope.restricted_paths)
    # A branch under a restriction shows nothing; one inside a counted branch is taken away.
    counted = [path for path in counted if not any(path.startswith(r) for r in restricted)]
    hidden = [r for r in restricted if any(r.startswith(path) for path in counted)]
    if not counted:
        return 0
    types = _content_type_ids(model)
    kind = Q(content_type_id__in=types) & depth
    if locale_id is not None:
        kind &= Q(locale_id=locale_id)
    counts = PageCount.objects.filter(
        kind,
        Q(alias=False) | Q(locale_id__in=scope.default_locales),
        prefix__in=counted + hidden,
    ).values(
        signed=Case(
            When(prefix__in=hidden, then=-F("n")), default=F("n"), output_field=BigIntegerField()
        )
    )
    in_counted = Q()
    for path in counted:
        in_counted |= Q(path__startswith=path)
    lapsed = (
        Page.objects.filter(scope.untimed_q(), kind, in_counted, expire_at__lte=now)
        .order_by()
        .values("id")
    )
    counts_sql, counts_params = counts.query.sql_with_params()
    lapsed_sql, lapsed_params = lapsed.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE((SELECT sum(signed) FROM ({counts_sql}) AS counts), 0)"
            f" - (SELECT count(*) FROM ({lapsed_sql}) AS lapsed)",
            counts_params + lapsed_params,
        )
        return int(cursor.fetchone()[0])  # sum() of bigints is a numeric


def _outermost(paths: tuple[str, ...]) -> list[str]:
    """The paths not under another of them."""
    return [p for p in paths if not any(p != o and p.startswith(o) for o in paths)]


def _content_type_ids(model: type[Page]) -> list[int]:
    """The content types of ``model`` and of the page types derived from it."""
    models = [m for m in get_page_models() if issubclass(m, model)]
    return sorted(ct.id for ct in ContentType.objects.get_for_models(*models).values())
