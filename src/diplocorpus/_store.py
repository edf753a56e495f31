"""The embedded store: parsed pages in one SQLite file, searchable, resumable.

One transaction per batch of pages: a crash loses no committed page and leaves no half page.
A page's identity is the SHA-256 of its normalised text, so a re-run over the same pages adds
nothing and new pages are added. Paragraphs are indexed with FTS5 for search with or without
Vietnamese diacritics. The schema is versioned; a store written by a newer diplocorpus is
refused rather than misread.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import functools
import json
import os
import re
import sqlite3
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from ._convert import from_json, to_json
from ._dedup import DuplicateCluster, find_duplicates
from ._errors import DiplocorpusError, InputError, StoreError
from ._lexicon import Lexicon
from ._load import Document, Errors, check_errors
from ._merge import MergedEvent, merge_events
from ._models import Article, DateValue, EntityKind, Event, Person, Statement, write_iso_date
from ._pipeline import Analysis, analyse, parse_pages, people_in
from ._text import fold_key, replace_surrogates, strip_diacritics

__all__ = [
    "IngestReport",
    "SearchHit",
    "Store",
]

# 1: each article as JSON text. 2: as zlib-compressed JSON (a third to a fifth of the size);
# a version 1 store is read as it is and marked 2 when pages are first added to it.
# 3: each people row keeps the rest of its Person (span and kind); the columns are added to
# an older store when pages are first added to it, and its older rows are read from their
# articles.
SCHEMA_VERSION = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    published TEXT,
    fetched_at TEXT,
    encoding TEXT,
    metadata TEXT NOT NULL,
    title TEXT,
    article TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,
    line INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5 (
    plain, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS statements (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    line INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    speaker_key TEXT NOT NULL,
    speaker_plain TEXT NOT NULL,
    role TEXT,
    cue TEXT NOT NULL,
    text TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_by_document ON statements (document_id);
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    role TEXT,
    line INTEGER NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    kind TEXT
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    key TEXT NOT NULL,
    series TEXT,
    ordinal INTEGER,
    main INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_key ON events (key);
"""


@attrs.frozen(kw_only=True, slots=True)
class IngestReport:
    """What :meth:`Store.add` did: pages added, pages already there, pages that failed."""

    added: int
    existing: int
    failed: tuple[tuple[str, str], ...] = ()


def _spans(spans: Iterable[Iterable[int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in spans)


@attrs.frozen(kw_only=True, slots=True)
class SearchHit:
    """A paragraph that matches a search: its page, line, text and page title, and where
    in ``text`` the words searched for stand (``matches``: ``(start, end)`` character
    spans, in order), for showing them in context."""

    source: str
    line: int
    text: str
    title: str | None = None
    matches: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_spans)

    def snippet(self, width: int = 160, mark: tuple[str, str] = ("", "")) -> str:
        """The text around the first match, at most about ``width`` characters, with
        ``…`` where it is cut, and each match inside ``mark`` (``("[", "]")``, or a
        terminal's bold on and off)."""
        text = self.text
        first = self.matches[0][0] if self.matches else 0
        begin = max(0, min(first - width // 3, len(text) - width))
        if begin:
            space = text.find(" ", begin)
            begin = space + 1 if 0 <= space < first else begin
        end = min(len(text), begin + width)
        if end < len(text):
            space = text.rfind(" ", begin, end)
            end = space if space > begin else end
        parts = ["…" if begin else ""]
        at = begin
        for start, stop in self.matches:
            if start < at or stop > end:
                continue
            parts += [text[at:start], mark[0], text[start:stop], mark[1]]
            at = stop
        parts += [text[at:end], "…" if end < len(text) else ""]
        return "".join(parts)


class Store:
    """An embedded SQLite store of parsed pages (see the module documentation).

    The file is made when it does not exist; with ``create=False`` (for code that only
    reads a store) a missing file is a :class:`StoreError` instead of a new empty store.
    A file that is not a store, and one a query finds damaged (SQLite cannot read it, a
    stored page does not decompress), is a :class:`StoreError` naming the file.

    >>> store = Store(":memory:")
    >>> store.counts()["documents"]
    0
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        lexicon: Lexicon | None = None,
        create: bool = True,
    ):
        self.path = os.fspath(path)
        self.lexicon = lexicon
        if not create and (self.path == ":memory:" or not os.path.isfile(self.path)):
            # A query must not answer from a new, empty file made by mistake.
            raise StoreError(
                f"{self.path}: no store here (make one with Store(path) or "
                f"'diplocorpus build PATH... --db {self.path}')"
            )
        self._closed = False
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable store: {exc}") from exc

    def _migrate(self) -> None:
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master")}
        if tables and "meta" not in tables:
            raise StoreError(f"{self.path}: an SQLite file, but not a diplocorpus store")
        self._db.executescript(_SCHEMA)
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
        try:
            self._version = int(row[0]) if row is not None else SCHEMA_VERSION
        except (TypeError, ValueError):
            raise StoreError(
                f"{self.path}: the schema_version in its meta table is {row[0]!r}, not a "
                "number: not a diplocorpus store, or a damaged one"
            ) from None
        self._check_shape()
        if self._version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {self._version} is newer than this diplocorpus "
                f"({SCHEMA_VERSION}): upgrade diplocorpus to read it"
            )

    def _check_shape(self) -> None:
        """Refuse a store whose tables lack the columns this diplocorpus reads and writes
        (a table of the same name made by something else)."""
        for table, wanted in _columns().items():
            have = {r[1] for r in self._db.execute(f"PRAGMA table_info({table})")}
            if table == "people":  # added to an older store when pages are first added
                have |= _PEOPLE_SPANS
            missing = sorted(wanted - have)
            if missing:
                raise StoreError(
                    f"{self.path}: its {table} table is not a diplocorpus store's: no column "
                    + ", ".join(missing)
                )

    def close(self) -> None:
        """Close the file: what is asked of the store after is a :class:`StoreError`."""
        self._db.close()
        self._closed = True

    def _closed_error(self) -> StoreError | None:
        return StoreError(f"{self.path}: this store is closed") if self._closed else None

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """A store that cannot be read, a damaged file (SQLite's error, a stored article that
        does not decompress or decode), is a :class:`StoreError` naming the file."""
        try:
            yield
        except (sqlite3.DatabaseError, zlib.error, UnicodeDecodeError) as exc:
            closed = self._closed_error()
            if closed is not None:
                raise closed from exc
            raise StoreError(f"{self.path}: cannot read this store: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __contains__(self, document_hash: object) -> bool:
        with self._reading():
            row = self._db.execute("SELECT 1 FROM documents WHERE hash = ?", (document_hash,))
            return row.fetchone() is not None

    def add(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int = 100,
        jobs: int = 1,
        progress: Callable[[int], None] | None = None,
        errors: Errors = "raise",
        learn_sites: bool = True,
    ) -> IngestReport:
        """Parse and store the documents not already stored, ``batch_size`` to a transaction,
        in input order.

        ``jobs`` > 1 parses in that many processes. ``progress`` is called with the number of
        pages handled after each page. With ``errors="skip"`` a page that cannot be parsed
        is reported in the result, not raised. With ``learn_sites`` (the default) each
        site's template is learned from its first pages and the site's pages are parsed
        with it, so that a page's stored result depends on the other pages of its site in
        the same input (the same input in the same order gives the same store; see
        docs/site-profiles.md for when a page gets a profile). ``learn_sites=False`` parses
        every page on its own, as :func:`parse` does. Of copies of a page (its hash) under
        several names, here or in the store, the one whose source sorts first is kept
        (docs/corpus.md). ``errors`` other than ``"raise"`` or ``"skip"`` is a
        ``ValueError``.
        """
        check_errors(errors)
        added = existing = 0
        failed: list[tuple[str, str]] = []
        kept: dict[str, str] = {}  # hash -> source of the copy kept in this run
        batch: list[Analysis] = []

        def fresh() -> Iterator[Document]:
            nonlocal existing
            for document in documents:
                digest = document.hash
                known = kept.get(digest) or self._source_of(digest)
                if known is not None and known <= document.source:
                    existing += 1
                    if progress is not None:
                        progress(1)
                    continue
                # A page or a copy of it under a smaller name: that copy is kept, whatever
                # the order of the pages.
                kept[digest] = document.source
                yield document

        pages = parse_pages(
            analyse,
            fresh(),
            self.lexicon,
            jobs,
            article_of=_article_of,
            learn_sites=learn_sites,
        )
        try:
            for document, result in pages:
                if isinstance(result, Exception):
                    if errors != "skip" or not isinstance(result, DiplocorpusError):
                        raise result
                    failed.append((document.source, str(result)))
                else:
                    batch.append(result)
                if progress is not None:
                    progress(1)
                if len(batch) >= batch_size:
                    stored = self._write(batch)
                    added, existing = added + stored, existing + len(batch) - stored
                    batch = []
        except KeyboardInterrupt:
            # The pages parsed so far are kept (those of a batch being written when the
            # interrupt came were rolled back): a rerun goes on from there.
            self._write([item for item in batch if item.document.hash not in self])
            raise
        stored = self._write(batch)
        added, existing = added + stored, existing + len(batch) - stored
        return IngestReport(added=added, existing=existing, failed=tuple(failed))

    def _write(self, batch: list[Analysis]) -> int:
        if not batch:
            return 0
        closed = self._closed_error()
        if closed is not None:
            raise closed
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # read-only, or busy past the timeout
            raise self._unwritable(exc) from exc
        try:
            if self._version < SCHEMA_VERSION:
                if not self._people_spans():
                    for column in ("span_start INTEGER", "span_end INTEGER", "kind TEXT"):
                        self._db.execute(f"ALTER TABLE people ADD COLUMN {column}")
                self._db.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,)
                )
                self._version = SCHEMA_VERSION
            inserted = sum(self._insert(item, now) for item in batch)
        except sqlite3.DatabaseError as exc:  # read-only, busy, or a damaged file
            self._db.execute("ROLLBACK")
            raise self._unwritable(exc) from exc
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._db.execute("ROLLBACK")
            raise self._unwritable(exc) from exc
        return inserted

    def _unwritable(self, exc: sqlite3.DatabaseError) -> StoreError:
        closed = self._closed_error()
        if closed is not None:
            return closed
        return StoreError(f"{self.path}: cannot add pages to this store: {exc}")

    def _source_of(self, document_hash: str) -> str | None:
        with self._reading():
            row = self._db.execute("SELECT source FROM documents WHERE hash = ?", (document_hash,))
            found = row.fetchone()
        return None if found is None else str(found[0])

    def _insert(self, item: Analysis, now: str) -> bool:
        """Store one page (``True``); or nothing when a copy of it (its hash) is stored under
        a name that sorts first, else that copy is replaced by it (``False``: no page more)."""
        doc, article = item.document, item.article
        stored = self._db.execute(
            "SELECT id, source FROM documents WHERE hash = ?", (doc.hash,)
        ).fetchone()
        if stored is not None:
            if stored[1] <= doc.source:
                return False
            self._remove(stored[0])
        cursor = self._db.execute(
            "INSERT INTO documents (hash, source, url, published, fetched_at, encoding, "
            "metadata, title, article, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            # The check and the insert one step: another build may have stored the page
            # since this one looked.
            "ON CONFLICT (hash) DO NOTHING",
            (
                doc.hash,
                doc.source,
                doc.url,
                write_iso_date(article.published),
                write_iso_date(doc.fetched_at),
                doc.encoding,
                json.dumps(doc.metadata, ensure_ascii=False, default=str),
                article.title,
                _pack(article),
                now,
            ),
        )
        if cursor.rowcount == 0:
            return False
        document_id = cursor.lastrowid
        body = [b for b in article.blocks if b.kind.value == "body"]
        for position, (block, text) in enumerate(zip(body, article.paragraphs, strict=True)):
            row = self._db.execute(
                "INSERT INTO paragraphs (document_id, position, line, text) VALUES (?, ?, ?, ?)",
                (document_id, position, block.line, text),
            )
            self._db.execute(
                "INSERT INTO paragraphs_fts (rowid, plain) VALUES (?, ?)",
                (row.lastrowid, _plain(text)),
            )
        self._db.executemany(
            "INSERT INTO statements (document_id, line, speaker, speaker_key, speaker_plain,"
            " role, cue, text, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    document_id,
                    s.line,
                    s.speaker.name,
                    s.speaker.key,
                    _ascii(s.speaker.name),
                    s.speaker.role,
                    s.cue,
                    s.text,
                    to_json(s),
                )
                for s in item.statements
            ],
        )
        self._db.executemany(
            "INSERT INTO people (document_id, name, key, role, line, span_start, span_end, "
            "kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (document_id, p.name, p.key, p.role, p.line, p.start, p.end, p.kind.value)
                for p in item.people
            ],
        )
        self._db.executemany(
            "INSERT INTO events (document_id, key, series, ordinal, main, record) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (document_id, e.key, e.series, e.ordinal, int(e.main), to_json(e))
                for e in item.events
            ],
        )
        return stored is None

    def _remove(self, document_id: int) -> None:
        paragraphs = self._db.execute(
            "SELECT id, text FROM paragraphs WHERE document_id = ?", (document_id,)
        ).fetchall()
        # The index keeps no text: a row goes out with the words it went in with.
        self._db.executemany(
            "INSERT INTO paragraphs_fts (paragraphs_fts, rowid, plain) VALUES ('delete', ?, ?)",
            [(row_id, _plain(text)) for row_id, text in paragraphs],
        )
        for table in ("paragraphs", "statements", "people", "events"):
            self._db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        self._db.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def counts(self) -> dict[str, int]:
        """How many documents, paragraphs, statements, people mentions and events."""
        with self._reading():
            return {
                table: int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("documents", "paragraphs", "statements", "people", "events")
            }

    def articles(self) -> Iterator[Article]:
        """The stored articles, in the order they were added (one at a time)."""
        with self._reading():
            for (record,) in self._db.execute("SELECT article FROM documents ORDER BY id"):
                yield from_json(_unpack(record), Article)

    def search(self, words: str, *, limit: int = 20) -> list[SearchHit]:
        """Paragraphs holding every word, with or without diacritics ("hoi nghi" finds
        "Hội nghị"), best matches first (equal ones by source, then line). Words in double
        quotes must stand together: ``'"hội nghị ngoại vụ"'`` is a phrase.

        A query holds at most 64 words and 1,000 characters (the index's work grows with
        the square of its words); a longer one is an :class:`InputError` saying so.
        ``limit`` other than a whole number is a ``TypeError``."""
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise TypeError(f"limit must be a whole number, not {limit!r}")
        words = replace_surrogates(words)
        query = _fts_query(words)
        with self._reading():
            rows = self._db.execute(
                "SELECT d.source, p.line, p.text, d.title FROM paragraphs_fts "
                "JOIN paragraphs p ON p.id = paragraphs_fts.rowid "
                "JOIN documents d ON d.id = p.document_id "
                "WHERE paragraphs_fts MATCH ? ORDER BY rank, d.source, p.line LIMIT ?",
                (query, limit),
            )
            wanted = frozenset(_WORD.findall(_ascii(_plain(words))))
            return [
                SearchHit(
                    source=r[0], line=r[1], text=r[2], title=r[3], matches=_matches(r[2], wanted)
                )
                for r in rows
            ]

    def statements(
        self,
        *,
        speaker: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        event: str | None = None,
    ) -> list[tuple[str, Statement]]:
        """Stored statements (``(source, statement)``), in the order they were stored.

        ``speaker``: one speaker's (part of the name, any case or spelling, with or without
        diacritics). ``since`` and ``until``: of pages published on those days or between
        them (a page without a known publication day is left out). ``event``: of pages
        that report the event so named (each of its words in the event's name, series or
        ordinal: ``"Hội nghị Ngoại giao 32"``, ``"hoi nghi ngoai giao"`` does not match
        without diacritics). ``since`` or ``until`` that is not a date is a ``TypeError``.
        """
        for name, day in (("since", since), ("until", until)):
            if day is not None and not isinstance(day, dt.date):
                raise TypeError(f"{name} must be a date, not {day!r}")
        with self._reading():
            # A lone surrogate (not a character) is U+FFFD, as in the stored text.
            speaker = None if speaker is None else replace_surrogates(speaker)
            event = None if event is None else replace_surrogates(event)
            sql = (
                "SELECT d.source, s.record, s.document_id FROM statements s "
                "JOIN documents d ON d.id = s.document_id"
            )
            where: list[str] = []
            args: list[Any] = []
            if speaker is not None:
                where.append(
                    "(s.speaker_key LIKE ? ESCAPE '\\' OR s.speaker_plain LIKE ? ESCAPE '\\')"
                )
                args += [f"%{_like(fold_key(speaker))}%", f"%{_like(_ascii(speaker))}%"]
            if since is not None or until is not None:
                # The day known, as published_within reads it (not "--12-18", a day without
                # its year).
                where.append("d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'")
            if since is not None:
                where.append("substr(d.published, 1, 10) >= ?")
                args.append(since.isoformat())
            if until is not None:
                where.append("substr(d.published, 1, 10) <= ?")
                args.append(until.isoformat())
            if where:
                sql += " WHERE " + " AND ".join(where)
            rows = self._db.execute(sql + " ORDER BY s.document_id, s.id", args)
            pages = self._reporting(event) if event is not None else None
            return [
                (source, from_json(record, Statement))
                for source, record, document in rows
                if pages is None or document in pages
            ]

    def people(self) -> list[tuple[str, Person]]:
        """Stored people mentions (``(source, person)``), page by page in the order the
        pages were stored, each page's in reading order.

        A page stored by a diplocorpus before 0.2 kept no span for its mentions: its
        people are read again from its stored article (with the store's lexicon).
        """
        with self._reading():
            spans = (
                "p.span_start, p.span_end, p.kind" if self._people_spans() else "NULL, NULL, NULL"
            )
            rows = self._db.execute(
                f"SELECT d.source, d.id, p.name, p.key, p.role, p.line, {spans} FROM people p "
                "JOIN documents d ON d.id = p.document_id ORDER BY p.document_id, p.id"
            )
            found: list[tuple[str, Person]] = []
            again: int | None = None  # the page last read again
            for source, document, name, key, role, line, start, end, kind in rows:
                if kind is not None:
                    person = Person(
                        name=name,
                        key=key,
                        role=role,
                        line=line,
                        start=start,
                        end=end,
                        kind=EntityKind(kind),
                    )
                    found.append((source, person))
                elif document != again:
                    again = document
                    page = from_json(_unpack(self._article(document)), Article)
                    found += [(source, p) for p in people_in(page, self.lexicon)]
            return found

    def _article(self, document: int) -> str | bytes:
        row = self._db.execute("SELECT article FROM documents WHERE id = ?", (document,))
        record: str | bytes = row.fetchone()[0]
        return record

    def _people_spans(self) -> bool:
        """Whether the people table keeps spans and kinds (schema version 3 and later)."""
        return any(r[1] == "kind" for r in self._db.execute("PRAGMA table_info(people)"))

    def _reporting(self, name: str) -> set[int]:
        """The ids of the pages that report an event named ``name`` (see statements)."""
        words = frozenset(fold_key(name).split())
        pages = set()
        for document, record in self._db.execute("SELECT document_id, record FROM events"):
            if document not in pages and reports(from_json(record, Event), words):
                pages.add(document)
        return pages

    def events(self) -> tuple[MergedEvent, ...]:
        """The stored events merged across pages, each source's claims kept."""
        with self._reading():
            by_source: dict[str, list[Event]] = collections.defaultdict(list)
            rows = self._db.execute(
                "SELECT d.source, e.record FROM events e JOIN documents d ON d.id = e.document_id"
            )
            for source, record in rows:
                by_source[source].append(from_json(record, Event))
            return merge_events(by_source)

    def duplicates(self, *, threshold: float = 0.7) -> tuple[DuplicateCluster, ...]:
        """Stored pages whose bodies are near-duplicates (syndicated copies)."""
        with self._reading():
            bodies = (
                (f"{source} #{doc_id}", "\n".join(texts))
                for doc_id, source, texts in self._bodies()
            )
            return find_duplicates(bodies, threshold=threshold)

    def _bodies(self) -> Iterator[tuple[int, str, list[str]]]:
        current: tuple[int, str] | None = None
        texts: list[str] = []
        rows = self._db.execute(
            "SELECT d.id, d.source, p.text FROM documents d "
            "LEFT JOIN paragraphs p ON p.document_id = d.id ORDER BY d.id, p.position"
        )
        for doc_id, source, text in rows:
            if current is not None and current[0] != doc_id:
                yield current[0], current[1], texts
                texts = []
            current = (doc_id, source)
            if text is not None:
                texts.append(text)
        if current is not None:
            yield current[0], current[1], texts

    def columns(self, table: str) -> list[tuple[str, str]]:
        """The columns of a table: ``(name, SQLite type)``."""
        with self._reading():
            self._check_table(table)
            return [(r[1], r[2]) for r in self._db.execute(f"PRAGMA table_info({table})")]

    @staticmethod
    def _check_table(table: str) -> None:
        if table not in {"documents", "paragraphs", "statements", "people", "events"}:
            raise ValueError(f"no table {table!r}")

    def rows(self, table: str) -> Iterator[dict[str, str | int | float | bytes | None]]:
        """The rows of a table as dicts of SQLite values, for exports; a page's ``article``
        as its JSON text."""
        with self._reading():
            self._check_table(table)
            cursor = self._db.execute(f"SELECT * FROM {table} ORDER BY id")
            names = [c[0] for c in cursor.description]
            for row in cursor:
                fields = dict(zip(names, row, strict=True))
                if table == "documents":
                    fields["article"] = _unpack(fields["article"])
                yield fields


_PEOPLE_SPANS = frozenset({"span_start", "span_end", "kind"})


@functools.cache
def _columns() -> dict[str, frozenset[str]]:
    """The columns of each (ordinary) table of the schema."""
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(_SCHEMA)
        tables = [
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("paragraphs_fts")
        ]
        return {t: frozenset(r[1] for r in db.execute(f"PRAGMA table_info({t})")) for t in tables}
    finally:
        db.close()


def _pack(article: Article) -> bytes:
    """The article's JSON, compressed: the largest value of a page's row."""
    # The fastest level: a quarter of the JSON's size, against a fifth at the default level
    # for twice the time.
    return zlib.compress(to_json(article).encode("utf-8"), 1)


def _unpack(record: str | bytes) -> str:
    """The article's JSON from its stored value (text in stores of schema version 1)."""
    return record if isinstance(record, str) else zlib.decompress(record).decode("utf-8")


def _article_of(analysis: Analysis) -> Article:
    return analysis.article


_MAX_QUERY_WORDS = 64
_MAX_QUERY_CHARS = 1000


def _fts_query(words: str) -> str:
    """An FTS5 query from what a user typed: quoted parts are phrases, other words are
    each required; nothing the user types is read as FTS5 syntax. Past
    ``_MAX_QUERY_CHARS`` characters or ``_MAX_QUERY_WORDS`` words it is an
    :class:`InputError`: FTS5's work grows with the square of a query's words."""
    if len(words) > _MAX_QUERY_CHARS:
        raise InputError(
            f"a search takes at most {_MAX_QUERY_CHARS:,} characters, "
            f"not {len(words):,}: search for fewer words"
        )
    parts = _plain(words).split('"')
    terms = []
    for index, part in enumerate(parts):
        tokens = ["".join(c for c in w if c.isalnum()) for w in part.split()]
        tokens = [t for t in tokens if t]
        if index % 2 == 1 and tokens:  # inside quotes
            terms.append('"' + " ".join(tokens) + '"')
        else:
            terms.extend(f'"{t}"' for t in tokens)
    if not terms:
        raise InputError("search needs at least one word")
    count = sum(len(term.split()) for term in terms)
    if count > _MAX_QUERY_WORDS:
        raise InputError(
            f"a search takes at most {_MAX_QUERY_WORDS} words, not {count:,}: "
            "search for fewer words"
        )
    return " ".join(terms)


def published_within(
    published: DateValue | None, since: dt.date | None, until: dt.date | None
) -> bool:
    """Whether a page published at ``published`` is kept by ``since`` and ``until``: its
    day known (a date without its year is not) and in the range; any page, with no range.
    The rule of ``Store.statements(since=..., until=...)``, which compares the stored ISO
    string's day the same way."""
    if since is None and until is None:
        return True
    day = _day(write_iso_date(published))
    if day is None:
        return False
    return (since is None or day >= since.isoformat()) and (
        until is None or day <= until.isoformat()
    )


def _day(iso: str | None) -> str | None:
    """The ``YYYY-MM-DD`` an ISO date or time starts with, if it has one."""
    day = (iso or "")[:10]
    return day if len(day) == 10 and not day.startswith("-") else None


def speaks(statement: Statement, name: str) -> bool:
    """Whether ``name`` (part of a name, any case, with or without diacritics) is part of
    the statement's speaker's name: the rule of ``Store.statements(speaker=...)``."""
    speaker = statement.speaker
    return fold_key(name) in speaker.key or _ascii(name) in _ascii(speaker.name)


def reports(event: Event, words: frozenset[str]) -> bool:
    """Whether ``event`` is one the page reports (not one named in passing) and every one of
    ``words`` (folded: :func:`fold_key`) is a word of its name, series or ordinal."""
    if not event.reported:
        return False
    named = (event.name, event.series or "", "" if event.ordinal is None else str(event.ordinal))
    return words <= frozenset(fold_key(" ".join(named)).split())


def _like(text: str) -> str:
    """``text`` for a LIKE pattern: its own ``%`` and ``_`` are letters, not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _matches(text: str, wanted: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """The spans of the words of ``text`` that are among ``wanted`` (as the index reads
    them: any case, with or without diacritics)."""
    return tuple(
        (m.start(), m.end()) for m in _WORD.finditer(text) if _ascii(_plain(m[0])) in wanted
    )


_WORD = re.compile(r"\w+")


def _ascii(text: str) -> str:
    """Lowercase letters without any diacritic: "Bùi Thanh Sơn" -> "bui thanh son"."""
    return " ".join(strip_diacritics(text.casefold()).split())


def _plain(text: str) -> str:
    """Text for the search index: NFC, with đ as d (FTS5 strips the other diacritics)."""
    return unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
