"""The rows the command line writes, one kind of record at a time, in three forms.

- ``table``: for people to read: a header row, then one row a record, cells separated by
  tabs, long texts cut to fit a terminal;
- ``csv``: for spreadsheets, pandas and R: a header row, then every value in full, one
  column a value (``csv`` module quoting);
- ``jsonl``: for programs: one JSON object a record, the record's own fields with the page's
  ``source`` where the record does not name it, but not the folded matching keys
  (:attr:`Event.key`, :attr:`Person.key`): they are the library's means of matching
  spellings, not data, and read like misspellings (``hôị nghị ngoaị giao #32``). The
  records themselves, keys included, are what ``parse`` writes and the store keeps.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import attrs

from ._convert import to_dict
from ._dedup import DuplicateCluster
from ._merge import MergedEvent, MergedField, value_text
from ._models import Article, Event, Person, Statement, write_iso_date
from ._store import SearchHit

__all__ = ["Kind", "Row", "write_rows"]


@attrs.frozen(kw_only=True, slots=True)
class Row:
    """One record as each form shows it."""

    table: Sequence[str]
    csv: Sequence[object]
    json: dict[str, Any]


@attrs.frozen(kw_only=True, slots=True)
class Kind:
    """The columns of one kind of record, in the table and in CSV."""

    table: Sequence[str]
    csv: Sequence[str]


def write_rows(form: str, kind: Kind, rows: Iterable[Row], out: TextIO) -> int:
    """Write ``rows`` in ``form`` (``table``, ``csv`` or ``jsonl``); returns how many."""
    count = 0
    writer = csv.writer(out, lineterminator="\n") if form == "csv" else None
    for row in rows:
        if count == 0:
            if writer is not None:
                writer.writerow(kind.csv)
            elif form == "table":
                out.write("\t".join(kind.table) + "\n")
        if writer is not None:
            writer.writerow(row.csv)
        elif form == "table":
            out.write("\t".join(row.table) + "\n")
        else:
            out.write(json.dumps(row.json, ensure_ascii=False) + "\n")
        count += 1
    return count


def shown(record: object) -> dict[str, Any]:
    """``to_dict(record)`` without the matching keys, at any depth."""
    return {k: _keyless(v) for k, v in to_dict(record).items() if k != "key"}


def _keyless(value: object) -> object:
    if isinstance(value, dict):
        return {k: _keyless(v) for k, v in value.items() if k != "key"}
    if isinstance(value, list):
        return [_keyless(v) for v in value]
    return value


def cut(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters (an ellipsis where it is cut)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _iso(value: object) -> str:
    return write_iso_date(value) or ""


def _who(person: Person) -> str:
    return f"{person.name} ({person.role})" if person.role else person.name


def statement_row(source: str, statement: Statement) -> Row:
    speaker = statement.speaker
    mode = str(statement.mode)
    return Row(
        table=(
            f"{source}:{statement.line}",
            _who(speaker),
            statement.cue,
            mode,
            cut(statement.text, 100),
        ),
        csv=(
            source,
            statement.line,
            speaker.name,
            speaker.role or "",
            statement.cue,
            mode,
            statement.text,
        ),
        json={"source": source, **shown(statement)},
    )


STATEMENTS = Kind(
    table=("source:line", "speaker (office)", "cue", "mode", "statement"),
    csv=("source", "line", "speaker", "office", "cue", "mode", "text"),
)


def page_row(article: Article, statements: int, events: int) -> Row:
    """One parsed page, with how many statements and events were found in it."""
    source = article.source or "-"
    published = article.published.isoformat() if article.published is not None else ""
    title = article.title or ""
    return Row(
        table=(source, published[:10], str(statements), str(events), cut(title, 80)),
        csv=(source, published, statements, events, title),
        json={
            "source": source,
            "published": published or None,
            "title": article.title,
            "statements": statements,
            "events": events,
        },
    )


PAGES = Kind(
    table=("source", "published", "statements", "events", "title"),
    csv=("source", "published", "statements", "events", "title"),
)


def person_row(source: str, person: Person) -> Row:
    return Row(
        table=(f"{source}:{person.line}", person.name, person.role or "", str(person.kind)),
        csv=(source, person.line, person.name, person.role or "", str(person.kind)),
        json={"source": source, **shown(person)},
    )


PEOPLE = Kind(
    table=("source:line", "name", "office", "kind"),
    csv=("source", "line", "name", "office", "kind"),
)


def event_row(source: str, event: Event) -> Row:
    place = "main" if event.main else "" if event.reported else "passing"
    ordinal = "" if event.ordinal is None else str(event.ordinal)
    cells = (
        event.series or event.name,
        ordinal,
        _iso(event.start),
        _iso(event.end),
        event.location or "",
        str(event.mode or ""),
        " | ".join(event.themes),
    )
    return Row(
        table=(source, place, *cells),
        csv=(source, place, event.name, *cells),
        json={"source": source, **shown(event)},
    )


EVENTS = Kind(
    table=("source", "role", "event", "ordinal", "start", "end", "place", "mode", "themes"),
    csv=("source", "role", "name", "event", "ordinal", "start", "end", "place", "mode", "themes"),
)


def _shown(field: MergedField[object], width: int | None = None) -> str:
    """The agreed value, or every value after ``CONFLICT:``; in a table (``width``) each
    value cut to that many characters, so that a row stays a line."""
    values = field.values if field.conflict else () if field.value is None else (field.value,)
    texts = [value_text(v) if width is None else cut(value_text(v), width) for v in values]
    return ("CONFLICT: " if field.conflict else "") + " / ".join(texts)


def merged_row(merged: MergedEvent) -> Row:
    ordinal = "" if merged.ordinal is None else str(merged.ordinal)
    fields = (merged.start, merged.end, merged.location, merged.mode, merged.themes)
    return Row(
        table=(
            merged.series or merged.name,
            ordinal,
            *(_shown(f, 40) for f in fields),
            _listed(merged.sources, 3),
        ),
        csv=(
            merged.series or merged.name,
            ordinal,
            *map(_shown, fields),
            len(merged.reported_by),
            " | ".join(merged.sources),
        ),
        json=shown(merged),
    )


MERGED = Kind(
    table=("event", "ordinal", "start", "end", "place", "mode", "themes", "sources"),
    csv=("event", "ordinal", "start", "end", "place", "mode", "themes", "reported_by", "sources"),
)


def _listed(items: Sequence[str], most: int) -> str:
    """The first ``most`` items and how many more: a cluster of 600 is not one line."""
    shown = ", ".join(items[:most])
    return f"{shown} (+{len(items) - most} more)" if len(items) > most else shown


def duplicate_row(cluster: DuplicateCluster) -> Row:
    others = [m for m in cluster.members if m != cluster.representative]
    return Row(
        table=(
            f"{cluster.similarity:.2f}",
            str(len(cluster.members)),
            cluster.representative,
            _listed(others, 3),
        ),
        csv=(
            f"{cluster.similarity:.4f}",
            len(cluster.members),
            cluster.representative,
            " | ".join(others),
        ),
        json=to_dict(cluster),
    )


DUPLICATES = Kind(
    table=("similarity", "pages", "representative", "copies"),
    csv=("similarity", "pages", "representative", "copies"),
)


def hit_row(hit: SearchHit) -> Row:
    return Row(
        table=(f"{hit.source}:{hit.line}", hit.snippet(width=160)),
        csv=(hit.source, hit.line, hit.title or "", hit.text),
        json=to_dict(hit),
    )


HITS = Kind(table=("source:line", "paragraph"), csv=("source", "line", "title", "text"))
