"""Records as data frames: one row a record, flat typed columns, for pandas and polars.

Each table is a list of :class:`Column` (a name, a kind and how to read the value from a
record); :func:`to_dataframe` builds a pandas or polars frame from it, and the Parquet export
(:mod:`diplocorpus._export`) writes the same columns with the same types. Values are made
plain here (:func:`cell`), once for the three libraries:

- ``time``: a date or a time of the page (publication, an event's start and end) as a
  tz-aware datetime in Vietnam time (UTC+07:00): a time as given, converted; a day at
  midnight; a date that lacks its year or its day (:class:`PartialDate`) is missing, never
  completed; the ``*_iso`` column next to it keeps the ISO 8601 form as written
  (``2023-12-19T15:18:15+07:00``, ``2021-12-14``, ``--12-19``, ``2011-12``);
- ``utc``: a machine's time (``fetched_at``, ``added_at``) in UTC;
- ``str``, ``int`` (nullable), ``bool``; ``list``: a list of strings (authors, themes);
  an enum is its value.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, cast

import attrs

from ._errors import MissingDependencyError
from ._merge import MergedEvent, MergedField
from ._models import (
    Article,
    DateValue,
    Event,
    PartialDate,
    Person,
    Statement,
    read_iso_date,
    write_iso_date,
)
from ._store import SearchHit

__all__ = [
    "TABLES",
    "VIETNAM_NAME",
    "Column",
    "ColumnKind",
    "Library",
    "cell",
    "claims_of",
    "column_values",
    "table_of",
    "to_dataframe",
]

Library = Literal["pandas", "polars"]
ColumnKind = Literal["str", "int", "bool", "time", "utc", "list"]

#: The zone of the ``time`` columns: the package reads a time without a zone as Vietnam time.
VIETNAM = dt.timezone(dt.timedelta(hours=7))
VIETNAM_NAME = "+07:00"  # as Arrow (Parquet) writes a fixed offset
# The same zone as polars names it (the tz database's name, its sign the POSIX way round):
# polars 1.0 does not read "+07:00" (later versions turn it into this name).
VIETNAM_POLARS = "Etc/GMT-7"


@attrs.frozen(slots=True)
class Column:
    """A column of a table: its name, the kind of its values, and how to read one from a
    record."""

    name: str
    kind: ColumnKind
    get: Callable[[Any], object]


def cell(kind: ColumnKind, value: object) -> object:
    """A record's value as the column of ``kind`` holds it (see the module documentation)."""
    if value is None:
        return [] if kind == "list" else None
    if kind == "time":
        return _vietnam_time(value)
    if kind == "utc":
        if isinstance(value, str):
            value = read_iso_date(value)
        if not isinstance(value, dt.datetime):
            raise TypeError(f"not a datetime: {value!r}")
        moment = value if value.tzinfo is not None else value.replace(tzinfo=VIETNAM)
        return moment.astimezone(dt.timezone.utc)
    if kind == "list":
        return [str(item) for item in value]  # type: ignore[attr-defined]
    if kind == "str":
        return str(getattr(value, "value", value))  # an enum is its value
    if kind == "bool":
        return bool(value)
    return value


def _vietnam_time(value: object) -> dt.datetime | None:
    if isinstance(value, str):
        value = read_iso_date(value)
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=VIETNAM)
        return moment.astimezone(VIETNAM)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=VIETNAM)
    return None  # a date without its year or its day: no day to give


def column_values(columns: Sequence[Column], records: Iterable[Any]) -> dict[str, list[object]]:
    """The values of each column, one a record, made plain (:func:`cell`)."""
    values: dict[str, list[object]] = {c.name: [] for c in columns}
    for record in records:
        for column in columns:
            values[column.name].append(cell(column.kind, column.get(record)))
    return values


def _dates(name: str, get: Callable[[Any], DateValue | str | None]) -> list[Column]:
    """A date's two columns: the datetime and, as written, its ISO 8601 form."""
    return [
        Column(name, "time", get),
        Column(f"{name}_iso", "str", lambda r: _iso(get(r))),
    ]


def _iso(value: DateValue | str | None) -> str | None:
    return value if isinstance(value, str) else write_iso_date(value)


# -- the tables ----------------------------------------------------------------------------
# A record that does not name its page (a statement, a person, an event) comes as the pair
# (source, record) that Corpus.statements() and Store.statements() give, or alone.


def _source(item: tuple[str | None, Any]) -> str | None:
    return item[0]


def _record(get: Callable[[Any], object]) -> Callable[[tuple[str | None, Any]], object]:
    return lambda item: get(item[1])


ARTICLES = [
    Column("source", "str", lambda a: a.source),
    Column("title", "str", lambda a: a.title),
    *_dates("published", lambda a: a.published),
    Column("authors", "list", lambda a: a.authors),
    Column("view_count", "int", lambda a: a.view_count),
    Column("paragraph_count", "int", lambda a: len(a.paragraphs)),
    Column("caption_count", "int", lambda a: len(a.captions)),
    Column("text", "str", lambda a: a.text),
    Column("is_article", "bool", lambda a: a.is_article),
    Column("not_article_reason", "str", lambda a: a.not_article_reason),
    Column("notes", "list", lambda a: a.notes),
]

BLOCK_FIELDS = [
    Column("line", "int", lambda b: b.line),
    Column("kind", "str", lambda b: b.kind),
    Column("content", "bool", lambda b: b.kind.is_content),
    Column("text", "str", lambda b: b.text),
    Column("reason", "str", lambda b: b.reason),
    Column("origin", "str", lambda b: b.origin),
]

#: A statement's columns, read from the record (the source is the table's).
STATEMENT_FIELDS: list[Column] = [
    Column("line", "int", lambda s: s.line),
    Column("start", "int", lambda s: s.start),
    Column("end", "int", lambda s: s.end),
    Column("speaker", "str", lambda s: s.speaker.name),
    Column("speaker_key", "str", lambda s: s.speaker.key),
    Column("role", "str", lambda s: s.speaker.role),
    Column("speaker_kind", "str", lambda s: s.speaker.kind),
    Column("cue", "str", lambda s: s.cue),
    Column("mode", "str", lambda s: s.mode),
    Column("direct", "bool", lambda s: s.direct),
    Column("text", "str", lambda s: s.text),
    Column("quotes", "list", lambda s: [q.text for q in s.quotes]),
    Column("resolved", "bool", lambda s: s.resolved),
    Column("resolution", "str", lambda s: s.resolution),
]

PERSON_FIELDS: list[Column] = [
    Column("line", "int", lambda p: p.line),
    Column("start", "int", lambda p: p.start),
    Column("end", "int", lambda p: p.end),
    Column("name", "str", lambda p: p.name),
    Column("key", "str", lambda p: p.key),
    Column("role", "str", lambda p: p.role),
    Column("kind", "str", lambda p: p.kind),
]

EVENT_FIELDS: list[Column] = [
    Column("name", "str", lambda e: e.name),
    Column("series", "str", lambda e: e.series),
    Column("ordinal", "int", lambda e: e.ordinal),
    Column("term", "int", lambda e: e.term),
    Column("kind", "str", lambda e: e.kind),
    Column("key", "str", lambda e: e.key),
    *_dates("start", lambda e: e.start),
    *_dates("end", lambda e: e.end),
    Column("location", "str", lambda e: e.location),
    Column("mode", "str", lambda e: e.mode),
    Column("themes", "list", lambda e: e.themes),
    Column("participants", "list", lambda e: e.participants),
    Column("organisers", "list", lambda e: e.organisers),
    Column("main", "bool", lambda e: e.main),
    Column("reported", "bool", lambda e: e.reported),
]


def _sourced(fields: list[Column]) -> list[Column]:
    return [Column("source", "str", _source)] + [
        Column(c.name, c.kind, _record(c.get)) for c in fields
    ]


def _merged_field(name: str) -> list[Column]:
    def field(m: MergedEvent) -> MergedField[object]:
        return getattr(m, name)  # type: ignore[no-any-return]

    value: list[Column]
    if name in {"start", "end"}:
        value = _dates(name, lambda m: cast("DateValue | None", field(m).value))
    elif name == "themes":
        value = [Column(name, "list", lambda m: field(m).values)]
    else:
        value = [Column(name, "str", lambda m: field(m).value)]
    return [*value, Column(f"{name}_conflict", "bool", lambda m: field(m).conflict)]


#: The fields of a merged event, in the order of :class:`MergedEvent`.
MERGED_FIELDS = ("start", "end", "location", "mode", "themes")

MERGED_EVENTS = [
    Column("key", "str", lambda m: m.key),
    Column("name", "str", lambda m: m.name),
    Column("series", "str", lambda m: m.series),
    Column("ordinal", "int", lambda m: m.ordinal),
    Column("term", "int", lambda m: m.term),
    Column("kind", "str", lambda m: m.kind),
    Column("sources", "list", lambda m: m.sources),
    Column("reported_by", "list", lambda m: m.reported_by),
    *(column for name in MERGED_FIELDS for column in _merged_field(name)),
]


@attrs.frozen(slots=True)
class Claim:
    """One row of the claims table: a source's value for a field of a merged event."""

    event: MergedEvent
    field: str
    value: str
    source: str
    line: int | None
    conflict: bool


def claims_of(events: Iterable[MergedEvent]) -> Iterable[Claim]:
    """Every claim of every merged event, field by field, in the events' order."""
    for event in events:
        for name in MERGED_FIELDS:
            merged: MergedField[object] = getattr(event, name)
            for claim in merged.claims:
                yield Claim(
                    event=event,
                    field=name,
                    value=_as_text(claim.value),
                    source=claim.source,
                    line=claim.line,
                    conflict=merged.conflict,
                )


def _as_text(value: object) -> str:
    """A claim's value in the claims table's one text column: a date in ISO 8601, a mode as
    its name, a text as it is."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date | PartialDate):
        return write_iso_date(value) or ""
    return str(value)


MERGED_CLAIMS = [
    Column("key", "str", lambda c: c.event.key),
    Column("name", "str", lambda c: c.event.name),
    Column("field", "str", lambda c: c.field),
    Column("value", "str", lambda c: c.value),
    Column("source", "str", lambda c: c.source),
    Column("line", "int", lambda c: c.line),
    Column("conflict", "bool", lambda c: c.conflict),
]

SEARCH_HITS = [
    Column("source", "str", lambda h: h.source),
    Column("line", "int", lambda h: h.line),
    Column("title", "str", lambda h: h.title),
    Column("text", "str", lambda h: h.text),
    Column("snippet", "str", lambda h: h.snippet()),
    Column("match_count", "int", lambda h: len(h.matches)),
]

#: Each table: the record kind it is made of, and its columns.
TABLES: dict[str, tuple[type, list[Column]]] = {
    "articles": (Article, ARTICLES),
    "blocks": (Article, _sourced(BLOCK_FIELDS)),
    "statements": (Statement, _sourced(STATEMENT_FIELDS)),
    "people": (Person, _sourced(PERSON_FIELDS)),
    "events": (Event, _sourced(EVENT_FIELDS)),
    "merged_events": (MergedEvent, MERGED_EVENTS),
    "merged_claims": (MergedEvent, MERGED_CLAIMS),
    "search_hits": (SearchHit, SEARCH_HITS),
}

#: The table a kind of record makes by default.
DEFAULT_TABLE = {
    Article: "articles",
    Statement: "statements",
    Person: "people",
    Event: "events",
    MergedEvent: "merged_events",
    SearchHit: "search_hits",
}

_PAIRED = (Statement, Person, Event)


def table_of(records: Iterable[object], table: str | None) -> tuple[list[Column], list[Any]]:
    """The columns of the table and the rows to read them from (see :func:`to_dataframe`)."""
    if table is not None and table not in TABLES:
        raise ValueError(f"no table {table!r}: one of {', '.join(TABLES)}")
    items: list[Any] = list(records)
    if table is None:
        if not items:
            raise ValueError(
                f"no records, so no columns: say which with table= (one of {', '.join(TABLES)})"
            )
        kind = type(_record_of(items[0]))
        if kind not in DEFAULT_TABLE:
            raise TypeError(f"no table of {kind.__name__} records")
        table = DEFAULT_TABLE[kind]
    kind, columns = TABLES[table]
    for item in items:
        record = _record_of(item)
        if not isinstance(record, kind):
            raise TypeError(
                f"the {table} table is made of {kind.__name__} records, not {type(record).__name__}"
            )
        if record is not item and not isinstance(record, _PAIRED):
            raise TypeError(
                f"{kind.__name__} records name their page: give them alone, "
                "not in (source, record) pairs"
            )
    rows: list[Any]
    if table == "blocks":
        rows = [(a.source, block) for a in items for block in a.blocks]
    elif table == "merged_claims":
        rows = list(claims_of(items))
    elif kind in _PAIRED:
        rows = [item if isinstance(item, tuple) else (None, item) for item in items]
    else:
        rows = items
    return columns, rows


def _record_of(item: object) -> object:
    """The record of a ``(source, record)`` pair, or the record given alone."""
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str | None):
        return item[1]
    return item


def to_dataframe(
    records: Iterable[object], *, table: str | None = None, library: Library = "pandas"
) -> Any:
    """The records as a pandas (or, with ``library="polars"``, a polars) data frame, one
    row a record, one typed column a field (see docs/dataframes.md for every table's
    columns).

    ``records`` are of one kind: :class:`Article`, :class:`Statement`, :class:`Person`,
    :class:`Event`, :class:`MergedEvent` or :class:`SearchHit`. A statement, person or
    event may come as the ``(source, record)`` pair that :meth:`Corpus.statements`,
    :meth:`Corpus.people` and :meth:`Store.statements` give, which fills the ``source``
    column. ``table`` picks another table of the same records (``"blocks"``: one row a line
    of each article; ``"merged_claims"``: one row a source's claim for a field of each
    merged event) and says which columns an empty input has; without records it is
    needed (else ``ValueError``). Records of another kind are a ``TypeError``.

    Dates are tz-aware datetimes in Vietnam time (a day at midnight), with the ISO 8601
    form as written in a ``*_iso`` column: a date without its year or day is missing in the
    first and kept in the second. Needs ``pip install 'diplocorpus[pandas]'`` (or
    ``[polars]``): else :class:`MissingDependencyError`.
    """
    if library not in {"pandas", "polars"}:
        raise ValueError(f"library must be 'pandas' or 'polars', not {library!r}")
    columns, rows = table_of(records, table)
    values = column_values(columns, rows)
    if library == "polars":
        return _polars(columns, values)
    return _pandas(columns, values)


def _pandas(columns: list[Column], values: dict[str, list[object]]) -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise MissingDependencyError(
            "data frames need pandas: pip install 'diplocorpus[pandas]'"
        ) from exc
    types = {
        "str": pd.StringDtype(),
        "int": pd.Int64Dtype(),
        "bool": "bool",
        "time": pd.DatetimeTZDtype("us", VIETNAM),
        "utc": pd.DatetimeTZDtype("us", dt.timezone.utc),
        "list": "object",
    }
    count = len(next(iter(values.values()))) if values else 0
    # astype again: pandas 2.0 builds a datetime column in nanoseconds whatever the unit.
    return pd.DataFrame(
        {
            c.name: pd.Series(values[c.name], dtype=types[c.kind]).astype(types[c.kind])
            for c in columns
        },
        index=pd.RangeIndex(count),
    )


def _polars(columns: list[Column], values: dict[str, list[object]]) -> Any:
    try:
        import polars as pl  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise MissingDependencyError(
            "data frames need polars: pip install 'diplocorpus[polars]'"
        ) from exc
    types: dict[str, Any] = {
        "str": pl.Utf8,  # pl.String since polars 0.20.x; the old name stays
        "int": pl.Int64,
        "bool": pl.Boolean,
        "time": pl.Datetime("us", "UTC"),  # then converted: polars 0.20 reads only UTC
        "utc": pl.Datetime("us", "UTC"),
        "list": pl.List(pl.Utf8),
    }
    series = []
    for c in columns:
        if c.kind == "time":
            utc = [None if v is None else cell("utc", v) for v in values[c.name]]
            column = pl.Series(c.name, utc, dtype=types["time"])
            series.append(column.dt.convert_time_zone(VIETNAM_POLARS))
        else:
            series.append(pl.Series(c.name, values[c.name], dtype=types[c.kind]))
    return pl.DataFrame(series)
