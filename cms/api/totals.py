"""A listing's total from the page counts PostgreSQL keeps (``PageCount``), not a count.

Counting the public articles of a site read every one of them: 20–25 ms of PostgreSQL at
100,000 articles, paid by every listing asked for the first time after a publish. The page
counts hold, per tree path, page type, locale and depth, how many pages there are live and
not marked expired (featured articles apart); a listing filtered by type, branch (section,
child_of, descendant_of), locale and ``featured`` sums the rows of its branch or site roots,
takes away the rows of the restricted branches inside it, and takes away, counted, the pages
whose ``expire_at`` has passed but that no job has marked expired yet (a few, found through
the ``page_live_expiry`` index). All in one statement, so in one snapshot of the database::

    total = Σ counts(branch) − Σ counts(restricted branches in it) − lapsed pages

Any other filter, and every listing on SQLite, is counted the usual way (``None`` here).
"""

import datetime
import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import BigIntegerField, Case, F, Q, QuerySet, When
from django.utils import timezone
from wagtail.models import Page, get_page_models

from cms import query_templates
from cms.api.filters import Branch
from cms.api.models import PageCount
from cms.api.visibility import SiteScope
from cms.query_templates import Prefix


def public_total(
    scope: SiteScope,
    model: type[Page],
    branch: Branch | None = None,
    locale_id: int | None = None,
    now: datetime.datetime | None = None,
    featured: bool | None = None,
) -> int | None:
    """How many public pages of ``model`` (and its subtypes) the site shows in ``branch`` (or
    in all of it) and ``locale``, only featured articles or none (``featured``); None where the
    counts cannot tell (SQLite)."""
    if connection.vendor != "postgresql":
        return None
    now = now or timezone.now()
    if branch is None:
        counted = [root.path for root in scope.roots]
    elif any(branch.path.startswith(root.path) for root in scope.roots):
        counted = [branch.path]
    else:
        return 0
    restricted = _outermost(scope.restricted_paths)
    # A branch under a restriction shows nothing; one inside a counted branch is taken away.
    counted = [path for path in counted if not any(path.startswith(r) for r in restricted)]
    hidden = [r for r in restricted if any(r.startswith(path) for path in counted)]
    if not counted:
        return 0
    kind = {"types": _content_type_ids(model)}
    if branch is not None:
        kind["depth"] = branch.depth + 1 if branch.children_only else branch.depth
    if locale_id is not None:
        kind["locale"] = locale_id
    children_only = None if branch is None else branch.children_only
    # What decides the SQL's shape besides the values: the site, the depths, a locale, featured.
    shape = (scope.key, children_only, locale_id is not None, featured)
    counts_sql, counts_params = query_templates.sql(
        ("total: counts", *shape),
        functools.partial(_counts, children_only, featured),
        counted=tuple(counted),
        hidden=tuple(hidden),
        defaults=tuple(scope.default_locales),
        **kind,
    )
    lapsed_sql, lapsed_params = query_templates.sql(
        ("total: lapsed", *shape),
        functools.partial(_lapsed, scope, children_only, featured),
        prefixes=tuple(Prefix(path) for path in counted),
        now=now,
        **kind,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE((SELECT sum(signed) FROM ({counts_sql}) AS counts), 0)"
            f" - (SELECT count(*) FROM ({lapsed_sql}) AS lapsed)",
            counts_params + lapsed_params,
        )
        return int(cursor.fetchone()[0])  # sum() of bigints is a numeric


def _kind(children_only: bool | None, types, depth=None, locale=None) -> Q:
    """Type, depth (None: any) and locale: columns of the page counts and the page table."""
    kind = Q(content_type_id__in=types)
    if children_only is not None:
        kind &= Q(depth=depth) if children_only else Q(depth__gt=depth)
    if locale is not None:
        kind &= Q(locale_id=locale)
    return kind


def _counts(
    children_only, featured, counted, hidden, defaults, types, depth=None, locale=None
) -> QuerySet:
    """The counts to add (of ``counted`` branches) and to take away (``hidden``), signed."""
    return PageCount.objects.filter(
        _kind(children_only, types, depth, locale),
        Q() if featured is None else Q(featured=featured),
        Q(alias=False) | Q(locale_id__in=defaults),
        prefix__in=counted + hidden,
    ).values(
        signed=Case(
            When(prefix__in=hidden, then=-F("n")), default=F("n"), output_field=BigIntegerField()
        )
    )


def _lapsed(
    scope, children_only, featured, prefixes, now, types, depth=None, locale=None
) -> QuerySet:
    """The counted pages that are not public: their ``expire_at`` has passed."""
    in_counted = Q()
    for prefix in prefixes:
        in_counted |= Q(path__startswith=prefix)
    return (
        Page.objects.filter(
            scope.untimed_q(),
            _kind(children_only, types, depth, locale),
            Q() if featured is None else Q(articlepage__featured=featured),
            in_counted,
            expire_at__lte=now,
        )
        .order_by()
        .values("id")
    )


def _outermost(paths: tuple[str, ...]) -> list[str]:
    """The paths not under another of them."""
    return [p for p in paths if not any(p != o and p.startswith(o) for o in paths)]


def _content_type_ids(model: type[Page]) -> tuple[int, ...]:
    """The content types of ``model`` and of the page types derived from it."""
    models = [m for m in get_page_models() if issubclass(m, model)]
    return tuple(sorted(ct.id for ct in ContentType.objects.get_for_models(*models).values()))
