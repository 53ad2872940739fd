"""Querysets compiled to SQL once and run again with other values.

Django compiles a queryset to SQL every time it is evaluated. For our page queries (Wagtail's
page table joined to the page type's table, the public-page filter) that costs about 2 ms of
CPU, seven times what PostgreSQL needs to run the query, and a page detail makes about ten.
The API's read paths have fixed shapes: the same filters, only other ids, dates or tree paths.
They build their queryset once with marker values in place of those, keep the SQL, and run it
again with the real values put where the markers were::

    def related_ids(page_id):
        return RelatedArticle.objects.filter(page_id=page_id).values_list("related_page_id")

    rows = query_templates.run("related ids", related_ids, page_id=42)

The key names everything the SQL depends on besides the values (the site's scope, the
model); the values are ints, strings, UUIDs, datetimes, ``Prefix`` (for ``__startswith``) or
tuples of ints or strings (one template per length). Rows come back as tuples, with Django's
converters applied, and ``instances`` turns them into model objects.
"""

import datetime
import uuid
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.db.models import Model, QuerySet, UUIDField

_MAX_TEMPLATES = 512
# Inside every integer column's range (Django treats out-of-range values as matching nothing
# and leaves them out of the SQL), and far above any real id.
_INT_MARKER = 2_147_000_000
_DATE_MARKER = datetime.datetime(1001, 1, 1, tzinfo=datetime.UTC)
_UUID_FIELD = UUIDField()


@dataclass(frozen=True)
class Prefix:
    """A value used with ``__startswith``: its parameter is the value, escaped, plus '%'."""

    value: str


@dataclass(frozen=True)
class _Slot:
    index: int  # position in the parameters
    name: str  # which value goes there
    kind: str  # "int", "str", "uuid", "date" or "prefix"
    item: int | None = None  # position in a tuple value


@dataclass(frozen=True)
class _Template:
    sql: str
    params: tuple
    slots: tuple[_Slot, ...]
    converters: tuple  # (column, [converter, ...], expression)


_templates: dict[Hashable, _Template] = {}


def _markers(values: dict) -> tuple[dict, dict]:
    """Marker arguments for ``build`` and, by the parameter each becomes, where it goes."""
    markers, found = {}, {}
    counter = 0

    def marker(name: str, value, item: int | None = None):
        nonlocal counter
        counter += 1
        if isinstance(value, bool):
            raise TypeError(f"{name}: booleans change the SQL; put them in the key")
        if isinstance(value, int):
            made = _INT_MARKER + counter
            found[made] = (name, "int", item)
        elif isinstance(value, str):
            made = f"~~marker{counter}~~"
            found[made] = (name, "str", item)
        elif isinstance(value, uuid.UUID):
            made = uuid.UUID(int=counter)
            found[_UUID_FIELD.get_db_prep_value(made, connection)] = (name, "uuid", item)
        elif isinstance(value, datetime.datetime):
            made = _DATE_MARKER + datetime.timedelta(microseconds=counter)
            found[connection.ops.adapt_datetimefield_value(made)] = (name, "date", item)
        elif isinstance(value, Prefix):
            made = f"~~marker{counter}~~"
            found[f"{made}%"] = (name, "prefix", item)
        else:
            raise TypeError(f"{name}: {type(value).__name__} values are not supported")
        return made

    for name, value in values.items():
        if isinstance(value, tuple):
            markers[name] = tuple(marker(name, v, i) for i, v in enumerate(value))
        else:
            markers[name] = marker(name, value)
    return markers, found


def _compile(build: Callable[..., QuerySet], values: dict) -> _Template:
    markers, found = _markers(values)
    queryset = build(**markers)
    compiler = queryset.query.get_compiler(queryset.db)
    sql, params = compiler.as_sql()
    slots = []
    for index, param in enumerate(params):
        try:
            hit = found.get(param)
        except TypeError:  # unhashable parameter (a list for an array lookup)
            hit = None
        if hit is not None:
            name, kind, item = hit
            slots.append(_Slot(index, name, kind, item))
    missing = {name for name, *_ in found.values()} - {slot.name for slot in slots}
    if missing:
        raise ValueError(f"values {sorted(missing)} do not appear in the SQL as parameters")
    columns = [expression for expression, _sql, _alias in compiler.select]
    converters = tuple(
        (column, converters_, expression)
        for column, (converters_, expression) in compiler.get_converters(columns).items()
    )
    return _Template(sql, tuple(params), tuple(slots), converters)


def _parameter(slot: _Slot, value) -> object:
    if slot.item is not None:
        value = value[slot.item]
    if slot.kind in ("int", "str"):
        return value
    if slot.kind == "uuid":
        return _UUID_FIELD.get_db_prep_value(value, connection)
    if slot.kind == "date":
        return connection.ops.adapt_datetimefield_value(value)
    return connection.ops.prep_for_like_query(value.value) + "%"


def run(key: Hashable, build: Callable[..., QuerySet], **values) -> list[tuple]:
    """The rows of ``build(**values)``, from SQL compiled once per key and shape of values.

    ``build`` must return a ``values_list`` queryset and use each value only as a query
    parameter (never to decide the shape of the query).
    """
    template, params = _prepared(key, build, values)
    with connection.cursor() as cursor:
        cursor.execute(template.sql, params)
        rows = cursor.fetchall()
    if not template.converters:
        return rows
    converted = []
    for row in rows:
        row = list(row)
        for column, converters, expression in template.converters:
            value = row[column]
            for converter in converters:
                value = converter(value, expression, connection)
            row[column] = value
        converted.append(tuple(row))
    return converted


def sql(key: Hashable, build: Callable[..., QuerySet], **values) -> tuple[str, list]:
    """The SQL of ``build(**values)`` and its parameters, compiled as ``run`` compiles it: for
    a statement made of several querysets (``cms/api/totals.py``)."""
    template, params = _prepared(key, build, values)
    return template.sql, params


def _prepared(key: Hashable, build: Callable[..., QuerySet], values: dict) -> tuple:
    shape = tuple(
        (
            name,
            tuple(type(v).__name__ for v in value)
            if isinstance(value, tuple)
            else type(value).__name__,
        )
        for name, value in values.items()
    )
    full_key = (connection.vendor, key, shape)
    template = _templates.get(full_key)
    if template is None:
        template = _compile(build, values)
        if len(_templates) >= _MAX_TEMPLATES:
            _templates.clear()
        _templates[full_key] = template
    params = list(template.params)
    for slot in template.slots:
        params[slot.index] = _parameter(slot, values[slot.name])
    return template, params


@cache
def columns(model: type[Model]) -> tuple[str, ...]:
    """Every column of ``model`` (its own and inherited) by attribute name, in model order."""
    return tuple(field.attname for field in model._meta.concrete_fields)


@cache
def _column_order(model: type[Model], fields: tuple[str, ...]) -> tuple[int, ...] | None:
    """Where each of ``model``'s columns among ``fields`` is, in model order (None: as given)."""
    unknown = set(fields) - set(columns(model))
    if unknown:
        raise ValueError(f"{sorted(unknown)} are not columns of {model._meta.label}")
    order = tuple(fields.index(name) for name in columns(model) if name in fields)
    return None if order == tuple(range(len(fields))) else order


def instances(model: type[Model], fields: Sequence[str], rows: list[tuple]) -> list[Model]:
    """Model objects from rows of ``values_list(*fields)`` (column names, e.g. 'owner_id');
    the fields not given are deferred."""
    # Model.from_db takes the values in the model's column order.
    order = _column_order(model, tuple(fields))
    db = connection.alias
    if order is None:
        return [model.from_db(db, fields, row) for row in rows]
    names = [fields[i] for i in order]
    return [model.from_db(db, names, [row[i] for i in order]) for row in rows]
