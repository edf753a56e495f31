"""The command line: ``diplocorpus parse PATH...`` (also ``python -m diplocorpus``)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from dateutil import parser as du_parser

from ._article import parse
from ._convert import to_dict
from ._errors import DecodeError, DiplocorpusError
from ._events import extract_events
from ._merge import MergedEvent, MergedField, merge_events
from ._models import Article, Event, Statement
from ._statements import extract_statements
from ._version import __version__

__all__ = ["main"]

_FORMATS = ("jsonl", "json", "text")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 some input failed, 2 usage)."""
    args = _parser().parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    try:
        return int(args.run(args, sys.stdout, sys.stderr))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="diplocorpus",
        description="Clean, typed records from scraped Vietnamese diplomacy news pages.",
    )
    root.add_argument("--version", action="version", version=f"diplocorpus {__version__}")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    cmd = _command(
        commands,
        "parse",
        "parse pages into articles",
        "Parse plain-text page dumps (UTF-8) into articles, one per input.",
        formats=_FORMATS,
        formats_help="jsonl: one JSON object a line (default); json: one indented JSON array; "
        "text: title, date, authors and clean body",
    )
    cmd.add_argument(
        "--published",
        type=_date_arg,
        metavar="DATE",
        help="a publication date you already know (YYYY-MM-DD): completes dates without a year",
    )
    cmd.set_defaults(run=_run_parse)
    said = _command(
        commands,
        "statements",
        "list who said what",
        "Parse pages and list their statements: speaker, office, cue, content.",
        formats=("jsonl", "table"),
        formats_help="jsonl: one statement a line with its source (default); table: one "
        "readable row a statement",
    )
    said.set_defaults(run=_run_statements, published=None)
    events = _command(
        commands,
        "events",
        "list the events pages report",
        "Parse pages and list their events; --merge joins the same event across pages.",
        formats=("jsonl", "table"),
        formats_help="jsonl: one event a line (default); table: one readable row an event",
    )
    events.add_argument(
        "--merge",
        action="store_true",
        help="one record per event across all pages, each source's claims kept apart",
    )
    events.set_defaults(run=_run_events, published=None)
    return root


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    *,
    formats: tuple[str, ...],
    formats_help: str,
) -> argparse.ArgumentParser:
    """A subcommand that reads PATH... and writes in one of ``formats`` (the first the default)."""
    cmd = commands.add_parser(name, help=summary, description=description)
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="text files; '-' reads stdin")
    cmd.add_argument("-f", "--format", choices=formats, default=formats[0], help=formats_help)
    return cmd


def _date_arg(text: str) -> dt.date:
    try:
        return du_parser.isoparse(text).date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date: {text!r}") from None


def _articles(args: argparse.Namespace, err: TextIO, failed: list[str]) -> Iterator[Article]:
    """Parse each input; report and count the ones that cannot be read or parsed."""
    for path, text in _read_inputs(args.paths, err):
        if text is None:
            failed.append(path)
            continue
        try:
            yield parse(text, source=path, published=args.published)
        except DiplocorpusError as exc:
            err.write(f"diplocorpus: {exc}\n")
            failed.append(path)


def _run_statements(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    for article in _articles(args, err, failed):
        for statement in extract_statements(article):
            if args.format == "jsonl":
                row = {"source": article.source, **to_dict(statement)}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                out.write(_as_row(article.source, statement))
    return 1 if failed else 0


def _run_events(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    found = [(a.source or "-", extract_events(a)) for a in _articles(args, err, failed)]
    if args.merge:
        for merged in merge_events(found):
            if args.format == "jsonl":
                out.write(json.dumps(to_dict(merged), ensure_ascii=False) + "\n")
            else:
                out.write(_merged_row(merged))
        return 1 if failed else 0
    for source, events in found:
        for event in events:
            if args.format == "jsonl":
                row = {"source": source, **to_dict(event)}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                out.write(_event_row(source, event))
    return 1 if failed else 0


def _event_row(source: str, event: Event) -> str:
    cells = [
        source,
        "main" if event.main else "",
        event.series or event.name,
        "" if event.ordinal is None else str(event.ordinal),
        _iso(event.start),
        _iso(event.end),
        event.location or "",
        str(event.mode or ""),
        " | ".join(event.themes),
    ]
    return "\t".join(cells) + "\n"


def _merged_row(merged: MergedEvent) -> str:
    def show(field: MergedField) -> str:
        if field.conflict:
            return "CONFLICT: " + " / ".join(field.values)
        return field.value or ""

    cells = [
        merged.series or merged.name,
        "" if merged.ordinal is None else str(merged.ordinal),
        show(merged.start),
        show(merged.end),
        show(merged.location),
        show(merged.themes),
        ", ".join(merged.sources),
    ]
    return "\t".join(cells) + "\n"


def _iso(value: object) -> str:
    iso = getattr(value, "isoformat", None)
    return str(iso()) if callable(iso) else ""


def _as_row(source: str | None, statement: Statement) -> str:
    speaker = statement.speaker
    who = f"{speaker.name} ({speaker.role})" if speaker.role else speaker.name
    text = statement.text if len(statement.text) <= 100 else statement.text[:99] + "…"
    return f"{source}:{statement.line}\t{who}\t{statement.cue}\t{statement.mode}\t{text}\n"


def _run_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    articles: list[object] = []
    for article in _articles(args, err, failed):
        if args.format == "jsonl":
            out.write(json.dumps(to_dict(article), ensure_ascii=False) + "\n")
        elif args.format == "text":
            out.write(_as_text(article))
        else:
            articles.append(to_dict(article))
    if args.format == "json":
        out.write(json.dumps(articles, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def _read_inputs(paths: Sequence[str], err: TextIO) -> Iterator[tuple[str, str | None]]:
    for path in paths:
        try:
            data = sys.stdin.buffer.read() if path == "-" else _read_bytes(path)
            yield path, _decode(data, path)
        except (OSError, DecodeError) as exc:
            err.write(f"diplocorpus: {exc}\n")
            yield path, None


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = f"not valid UTF-8 at byte {exc.start}: {exc.reason}"
        raise DecodeError(message, source=path) from exc


def _as_text(article: Article) -> str:
    published = article.published.isoformat() if article.published is not None else "-"
    lines = [
        f"# {article.source}",
        f"title:     {article.title or '-'}",
        f"published: {published}",
        f"authors:   {', '.join(article.authors) or '-'}",
        "",
        *(f"{p}\n" for p in article.paragraphs),
    ]
    return "\n".join(lines) + "\n"
