"""Beyond one machine and beyond Python: Parquet files and Dask bags (optional extras)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from ._convert import from_json
from ._errors import MissingDependencyError
from ._frames import (
    EVENT_FIELDS,
    MERGED_CLAIMS,
    MERGED_EVENTS,
    STATEMENT_FIELDS,
    VIETNAM_NAME,
    Column,
    ColumnKind,
    claims_of,
    column_values,
)
from ._lexicon import Lexicon
from ._load import (
    DEFAULT_GLOBS,
    DecodeErrors,
    Globs,
    Paths,
    as_globs,
    as_paths,
    check_decode_errors,
    input_files,
    iter_documents,
)
from ._models import Article, Event, Statement
from ._pipeline import parse_document
from ._store import Store

__all__ = ["dask_bag", "export_parquet"]


def export_parquet(store: Store, folder: str | os.PathLike[str]) -> dict[str, Path]:
    """Write the store's tables as Parquet files in ``folder`` (one file a table), for
    pandas, polars or DuckDB, with typed columns. Needs ``pip install diplocorpus[parquet]``.

    ``documents``, ``paragraphs``, ``statements``, ``people`` and ``events`` are the
    store's tables (each row with its page's ``source`` and ``url``), ``merged_events`` and
    ``merged_claims`` the events merged across pages (:meth:`Store.events`), one row an
    event and one row a source's claim for a field of one. Dates and times are timestamps
    (publication and event dates in Vietnam time, with the ISO 8601 form as written in a
    ``*_iso`` column: a date without its year or day is only there), flags are booleans,
    lists (authors, themes) lists of strings: see docs/dataframes.md for every column.

    Returns the path of each file written.
    """
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError as exc:
        raise MissingDependencyError(
            "Parquet export needs pyarrow: pip install 'diplocorpus[parquet]'"
        ) from exc
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table, (columns, rows) in _tables(store).items():
        path = out / f"{table}.parquet"
        values = column_values(columns, rows)
        arrays = [pa.array(values[c.name], type=_arrow_type(pa, c.kind)) for c in columns]
        pq.write_table(pa.table(arrays, names=[c.name for c in columns]), path)
        written[table] = path
    return written


def _tables(store: Store) -> dict[str, tuple[list[Column], Iterable[Any]]]:
    """Each table of the export: its columns and the rows they read (lazily)."""
    pages: dict[int, tuple[str, str | None]] = {}  # filled as documents, written first, are read

    def documents() -> Iterator[dict[str, Any]]:
        for row in store.rows("documents"):
            # The documents table's columns: id INTEGER, source TEXT, url TEXT (or NULL).
            pages[cast(int, row["id"])] = (cast(str, row["source"]), cast("str | None", row["url"]))
            yield row

    def with_record(table: str, kind: type) -> Iterator[tuple[dict[str, Any], object]]:
        for row in store.rows(table):
            yield row, from_json(cast(str, row["record"]), kind)

    merged = store.events()
    page = [
        _row("id", "int"),
        _row("document_id", "int"),
        Column("source", "str", lambda r: pages[_fields(r)["document_id"]][0]),
        Column("url", "str", lambda r: pages[_fields(r)["document_id"]][1]),
    ]
    return {
        "documents": (_DOCUMENTS, documents()),
        "paragraphs": (_PARAGRAPHS, store.rows("paragraphs")),
        "statements": (
            [*page, *_of_record(STATEMENT_FIELDS), _row("record", "str")],
            with_record("statements", Statement),
        ),
        "people": (
            [*page, *(_row(name, kind) for name, kind in _PEOPLE)],
            store.rows("people"),
        ),
        "events": (
            [*page, *_of_record(EVENT_FIELDS), _row("record", "str")],
            with_record("events", Event),
        ),
        "merged_events": (MERGED_EVENTS, merged),
        "merged_claims": (MERGED_CLAIMS, claims_of(merged)),
    }


def _fields(row: object) -> dict[str, Any]:
    """A store row, given alone or with its decoded record."""
    return row[0] if isinstance(row, tuple) else row  # type: ignore[return-value]


def _row(name: str, kind: ColumnKind) -> Column:
    return Column(name, kind, lambda r: _fields(r)[name])


def _of_record(fields: list[Column]) -> list[Column]:
    return [Column(c.name, c.kind, _second(c.get)) for c in fields]


def _second(get: Callable[[Any], object]) -> Callable[[tuple[Any, Any]], object]:
    return lambda pair: get(pair[1])


_DOCUMENTS = [
    _row("id", "int"),
    _row("hash", "str"),
    _row("source", "str"),
    _row("url", "str"),
    _row("published", "time"),
    Column("published_iso", "str", lambda r: r["published"]),
    _row("fetched_at", "utc"),
    _row("encoding", "str"),
    _row("metadata", "str"),
    _row("title", "str"),
    _row("article", "str"),
    _row("added_at", "utc"),
]
_PARAGRAPHS = [
    _row("id", "int"),
    _row("document_id", "int"),
    _row("position", "int"),
    _row("line", "int"),
    _row("text", "str"),
]
_PEOPLE: tuple[tuple[str, ColumnKind], ...] = (
    ("name", "str"),
    ("key", "str"),
    ("role", "str"),
    ("line", "int"),
    ("span_start", "int"),
    ("span_end", "int"),
    ("kind", "str"),
)


def _arrow_type(pa: Any, kind: ColumnKind) -> Any:
    return {
        "str": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "time": pa.timestamp("us", tz=VIETNAM_NAME),
        "utc": pa.timestamp("us", tz="UTC"),
        "list": pa.list_(pa.string()),
    }[kind]


def dask_bag(
    paths: Paths,
    *,
    glob: Globs = DEFAULT_GLOBS,
    lexicon: Lexicon | None = None,
    files_per_partition: int = 16,
    follow_links: bool = False,
    decode_errors: DecodeErrors = "strict",
) -> Any:
    """A Dask bag of the articles of the files, folders and JSON Lines shards in ``paths``,
    parsed where Dask runs them (threads, processes or a cluster). Needs
    ``pip install diplocorpus[dask]``. ``glob``, ``follow_links`` and ``decode_errors`` are
    those of :func:`iter_documents`.

    >>> bag = dask_bag(["seeds"])                        # doctest: +SKIP
    >>> bag.map(lambda a: a.title).compute()             # doctest: +SKIP
    """
    try:
        import dask.bag as db  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise MissingDependencyError(
            "the Dask path needs dask: pip install 'diplocorpus[dask]'"
        ) from exc
    check_decode_errors(decode_errors)
    globs = as_globs(glob)
    files = [
        file
        for name in as_paths(paths)
        for file in input_files(name, globs, follow_links=follow_links)
    ]
    partitions = max(1, -(-len(files) // files_per_partition))
    bag = db.from_sequence(files, npartitions=partitions)  # type: ignore[no-untyped-call]
    return bag.map_partitions(_parse_files, lexicon=lexicon, decode_errors=decode_errors)


def _parse_files(
    files: Iterable[str], lexicon: Lexicon | None = None, decode_errors: DecodeErrors = "strict"
) -> list[Article]:
    # (each file is a path given itself, read as given: its folder was walked already)
    documents = iter_documents(files, decode_errors=decode_errors)
    return [parse_document(doc, lexicon) for doc in documents]
