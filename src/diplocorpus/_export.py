"""Beyond one machine and beyond Python: Parquet files and Dask bags (optional extras)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ._errors import MissingDependencyError
from ._lexicon import Lexicon
from ._load import DEFAULT_GLOBS, Globs, Paths, as_globs, as_paths, input_files, iter_documents
from ._models import Article
from ._pipeline import parse_document
from ._store import Store

__all__ = ["dask_bag", "export_parquet"]

_TABLES = ("documents", "paragraphs", "statements", "people", "events")


def export_parquet(store: Store, folder: str | os.PathLike[str]) -> dict[str, Path]:
    """Write the store's tables as Parquet files in ``folder`` (one file a table), for
    pandas, polars or DuckDB. Needs ``pip install diplocorpus[parquet]``.

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
    for table in _TABLES:
        rows = list(store.rows(table))
        path = out / f"{table}.parquet"
        pq.write_table(pa.Table.from_pylist(rows, schema=_schema(pa, store, table)), path)
        written[table] = path
    return written


def _schema(pa: Any, store: Store, table: str) -> Any:
    types = {"INTEGER": pa.int64(), "TEXT": pa.string()}
    return pa.schema([(name, types.get(kind, pa.string())) for name, kind in store.columns(table)])


def dask_bag(
    paths: Paths,
    *,
    glob: Globs = DEFAULT_GLOBS,
    lexicon: Lexicon | None = None,
    files_per_partition: int = 16,
) -> Any:
    """A Dask bag of the articles of the files, folders and JSON Lines shards in ``paths``,
    parsed where Dask runs them (threads, processes or a cluster). Needs
    ``pip install diplocorpus[dask]``.

    >>> bag = dask_bag(["seeds"])                        # doctest: +SKIP
    >>> bag.map(lambda a: a.title).compute()             # doctest: +SKIP
    """
    try:
        import dask.bag as db  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise MissingDependencyError(
            "the Dask path needs dask: pip install 'diplocorpus[dask]'"
        ) from exc
    globs = as_globs(glob)
    files = [file for name in as_paths(paths) for file in input_files(name, globs)]
    partitions = max(1, -(-len(files) // files_per_partition))
    bag = db.from_sequence(files, npartitions=partitions)  # type: ignore[no-untyped-call]
    return bag.map_partitions(_parse_files, lexicon=lexicon)


def _parse_files(files: Iterable[str], lexicon: Lexicon | None = None) -> list[Article]:
    return [parse_document(doc, lexicon) for doc in iter_documents(files)]
