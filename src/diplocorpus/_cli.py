"""The command line: ``diplocorpus COMMAND`` (also ``python -m diplocorpus``).

parse PATH...              articles as JSON Lines, JSON or text
statements PATH... | --db  who said what
people PATH... | --db      the people pages name, with their offices
events PATH... | --db      events, merged across pages with --merge
build PATH... --db FILE    parse pages into the SQLite store (resumable)
learn-site PATH... -o FILE learn a site's template from its pages (use with parse --site)
search WORDS... --db FILE  full-text search of the stored paragraphs
duplicates PATH... | --db  near-duplicate pages (syndicated copies)
export --db FILE --parquet DIR
report --db FILE -o FILE   the store as one HTML page to look at (offline, no server)
demo                       the main job on the sample pages shipped with the package
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import attrs
from dateutil import parser as du_parser
from tqdm import tqdm

from ._convert import from_json, to_dict, to_json
from ._corpus import Corpus
from ._errors import DiplocorpusError, InputError, unreadable
from ._events import extract_events
from ._export import export_parquet
from ._load import DEFAULT_GLOBS, Document, SkippedInput, folder_entries
from ._merge import merge_events, value_text
from ._models import Article, Statement
from ._people import extract_people
from ._pipeline import Page, parallel_map, parse_document
from ._report import Limits, report_to
from ._rows import (
    DUPLICATES,
    EVENTS,
    HITS,
    MERGED,
    PAGES,
    PEOPLE,
    STATEMENTS,
    duplicate_row,
    event_row,
    hit_row,
    merged_row,
    page_row,
    person_row,
    statement_row,
    write_rows,
)
from ._site import MIN_PAGES, MIN_SHARE, SiteProfile, host_of, learn_site
from ._statements import extract_statements
from ._store import Store, published_within, reports, speaks
from ._text import fold_key
from ._version import __version__

__all__ = ["main"]

_FORMATS = ("jsonl", "json", "text")
_RECORDS = ("jsonl", "table", "csv")
# The exit status of a run stopped by Ctrl-C, as shells give it (128 + SIGINT).
_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 some input failed, 2 usage,
    130 interrupted)."""
    args = _parser().parse_args(argv)
    _check_usage(args)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    try:
        return int(args.run(args, sys.stdout, sys.stderr))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except DiplocorpusError as exc:
        sys.stderr.write(f"diplocorpus: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("diplocorpus: interrupted\n")
        return _INTERRUPTED


class _Help(argparse.RawDescriptionHelpFormatter):
    """Option help as written; the description and the examples keep their lines."""


def _parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="diplocorpus",
        description="Clean, typed records from scraped Vietnamese diplomacy news pages.",
        epilog="examples:\n  diplocorpus build seeds --db corpus.sqlite\n"
        "  diplocorpus statements --db corpus.sqlite --speaker 'Bùi Thanh Sơn'\n\n"
        "'diplocorpus COMMAND --help' describes each command.",
        formatter_class=_Help,
    )
    root.add_argument("--version", action="version", version=f"diplocorpus {__version__}")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    cmd = _command(
        commands,
        "parse",
        "parse pages into articles",
        "Parse page dumps (files, folders, JSON Lines, '-') into articles, one per page.",
        formats=_FORMATS,
        formats_help="jsonl: one JSON object a line (default); json: one indented JSON array; "
        "text: title, date, authors and clean body",
        example="diplocorpus parse -f text seeds/001_06ebc7dd1d275972.txt\n"
        "  diplocorpus parse scraped/ --glob '**/*.html' > articles.jsonl",
    )
    _add_published(cmd)
    cmd.add_argument(
        "--site",
        dest="site_profile",
        metavar="FILE",
        help="parse with this site profile (written by 'diplocorpus learn-site')",
    )
    _add_jobs(cmd)
    cmd.set_defaults(run=_run_parse)

    said = _command(
        commands,
        "statements",
        "list who said what",
        "List the statements of pages, or of a store (--db): speaker, office, cue, content.",
        formats=_RECORDS,
        formats_help="jsonl: one statement a line with its source (default); table: a "
        "header, then one readable row a statement; csv: every field in full, for "
        "spreadsheets and pandas",
        paths_required=False,
        example="diplocorpus statements seeds -f csv > statements.csv\n"
        "  diplocorpus statements --db corpus.sqlite --speaker 'bui thanh son' "
        "--since 2023-12-01 --event 'Hội nghị Ngoại giao 32'",
    )
    said.add_argument("--db", metavar="FILE", help="read the statements of this store")
    said.add_argument(
        "--speaker",
        metavar="NAME",
        help="only this speaker's (part of the name, diacritics optional)",
    )
    said.add_argument(
        "--since",
        type=_date_arg,
        metavar="DATE",
        help="only those of pages published on DATE (YYYY-MM-DD) or later",
    )
    said.add_argument(
        "--until",
        type=_date_arg,
        metavar="DATE",
        help="only those of pages published on DATE (YYYY-MM-DD) or earlier",
    )
    said.add_argument(
        "--event",
        metavar="NAME",
        help="only those of pages that report this event (each word of NAME in the "
        "event's name, series or ordinal: 'Hội nghị Ngoại giao 32')",
    )
    said.set_defaults(run=_run_statements, published=None, jobs=1)

    people = _command(
        commands,
        "people",
        "list the people pages name",
        "List the people each page names, with the office it gives them, of pages or of a "
        "store (--db).",
        formats=_RECORDS,
        formats_help="jsonl: one person a line with its source (default); table: a "
        "header, then one row a person; csv: for spreadsheets and pandas",
        paths_required=False,
        example="diplocorpus people seeds -f csv > people.csv\n"
        "  diplocorpus people --db corpus.sqlite -f table",
    )
    people.add_argument("--db", metavar="FILE", help="read the people of this store")
    people.set_defaults(run=_run_people, published=None, jobs=1)

    events = _command(
        commands,
        "events",
        "list the events pages report",
        "List the events of pages or of a store (--db); --merge joins the same event "
        "across pages, each source's claims kept.",
        formats=_RECORDS,
        formats_help="jsonl: one event a line (default); table: a header, then one "
        "readable row an event; csv: every field in full",
        paths_required=False,
        example="diplocorpus events seeds --merge\n"
        "  diplocorpus events --db corpus.sqlite -f csv > events.csv",
    )
    events.add_argument("--db", metavar="FILE", help="read the events of this store (merged)")
    events.add_argument(
        "--merge",
        action="store_true",
        help="one record per event across all pages (a store's events always are)",
    )
    events.set_defaults(run=_run_events, published=None, jobs=1)

    build = _command(
        commands,
        "build",
        "parse pages into the SQLite store",
        "Parse pages and store them, with their statements, people and events, in an "
        "SQLite file. Pages already stored are skipped: a re-run adds only new pages, and "
        "a run stopped (Ctrl-C) goes on where it stopped when run again.",
        formats=("text",),
        formats_help="a summary of what the store holds",
        example="diplocorpus build scraped/ --db corpus.sqlite --jobs 2 --skip-errors",
    )
    build.add_argument("--db", metavar="FILE", required=True, help="the store (created if new)")
    build.add_argument(
        "--batch-size",
        type=_positive,
        default=100,
        metavar="N",
        help="pages per transaction (default 100)",
    )
    build.add_argument(
        "--no-site-profiles",
        action="store_true",
        help="parse every page on its own, without learning each site's template",
    )
    _add_jobs(build)
    build.set_defaults(run=_run_build, published=None)

    learn = _command(
        commands,
        "learn-site",
        "learn a site's template from its pages",
        "Learn the template of one site (the lines and line shapes most of its pages "
        "repeat) from its pages, and write it as JSON for 'diplocorpus parse --site FILE'.",
        formats=("json",),
        formats_help="the profile as JSON",
        example="diplocorpus learn-site scraped/vnexpress.net/ -o vnexpress.json\n"
        "  diplocorpus parse --site vnexpress.json scraped/vnexpress.net/",
    )
    learn.add_argument(
        "-o", "--output", metavar="FILE", help="write the profile here (default: stdout)"
    )
    learn.add_argument(
        "--name",
        metavar="SITE",
        help="the site's name in the reasons (default: the pages' host, if they share one)",
    )
    learn.add_argument(
        "--min-pages",
        type=_min_pages,
        default=MIN_PAGES,
        metavar="N",
        help=f"template lines are on at least N different articles' pages (default {MIN_PAGES})",
    )
    learn.add_argument(
        "--min-share",
        type=_share,
        default=MIN_SHARE,
        metavar="X",
        help=f"... and on at least this share of them (default {MIN_SHARE})",
    )
    _add_jobs(learn)
    learn.set_defaults(run=_run_learn_site, published=None)

    search = commands.add_parser(
        "search",
        help="search the stored paragraphs",
        description="Full-text search of a store's paragraphs, with or without diacritics: "
        "each hit's page and line, and its words in context (highlighted on a terminal).",
        epilog="example:\n  diplocorpus search hoi nghi ngoai giao --db corpus.sqlite\n"
        "  diplocorpus search '\"Bùi Thanh Sơn\"' --db corpus.sqlite -f jsonl",
        formatter_class=_Help,
    )
    search.add_argument(
        "words",
        nargs="+",
        metavar="WORD",
        help="every word must be in the paragraph; words in double quotes stand together",
    )
    search.add_argument("--db", metavar="FILE", required=True, help="the store to search")
    search.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N hits (default 20)"
    )
    search.add_argument(
        "-f",
        "--format",
        choices=("text", "csv", "jsonl"),
        default="text",
        help="text: page:line and the words in context (default); csv: source, line, "
        "title and paragraph; jsonl: one hit a line, with the spans of the matches",
    )
    search.set_defaults(run=_run_search)

    dups = _command(
        commands,
        "duplicates",
        "find syndicated copies",
        "List pages whose clean bodies are near-duplicates, from pages or a store (--db).",
        formats=("table", "jsonl", "csv"),
        formats_help="table: a header, then one row a cluster, its first copies named "
        "(default); jsonl: one cluster a line; csv: every copy",
        paths_required=False,
        example="diplocorpus duplicates --db corpus.sqlite --threshold 0.8",
    )
    dups.add_argument("--db", metavar="FILE", help="read the pages of this store")
    dups.add_argument(
        "--threshold",
        type=_share,
        default=0.7,
        metavar="X",
        help="estimated Jaccard similarity of word 5-grams, more than 0 and at most 1 "
        "(default 0.7)",
    )
    dups.set_defaults(run=_run_duplicates, published=None, jobs=1)

    _add_export(commands)
    _add_report(commands)
    _add_demo(commands)
    return root


def _add_export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="export a store",
        description="Write a store's tables as Parquet files (needs diplocorpus[parquet]).",
        epilog="example:\n  diplocorpus export --db corpus.sqlite --parquet tables/",
        formatter_class=_Help,
    )
    export.add_argument("--db", metavar="FILE", required=True, help="the store to export")
    export.add_argument(
        "--parquet", metavar="DIR", required=True, help="write one Parquet file a table here"
    )
    export.set_defaults(run=_run_export)


def _add_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        help="write the store as one HTML page to look at",
        description="Write one self-contained HTML file of a store, readable offline in a "
        "browser: the events on a timeline with each source's claims (conflicts marked), "
        "who said what (filterable by speaker and by event), and each site's noise and "
        "the near-duplicate pages. Each section shows the top of its list and says what "
        "it leaves out.",
        epilog="examples:\n  diplocorpus report --db corpus.sqlite -o report.html\n"
        "  diplocorpus report --db corpus.sqlite -o report.html --events 500 --speakers 200",
        formatter_class=_Help,
    )
    report.add_argument("--db", metavar="FILE", required=True, help="the store to report on")
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="report.html",
        help="write the HTML file here (default report.html)",
    )
    defaults = Limits()
    for name, what in (
        ("events", "the N events reported by the most pages"),
        ("speakers", "the N speakers with the most statements"),
        ("statements", "quote up to N statements of each speaker"),
        ("clusters", "the N largest clusters of near-duplicate pages (0: not looked for)"),
    ):
        report.add_argument(
            f"--{name}",
            type=_whole,
            default=getattr(defaults, name),
            metavar="N",
            help=f"{what} (default {getattr(defaults, name)})",
        )
    report.set_defaults(run=_run_report)


def _add_demo(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser(
        "demo",
        help="the main job on the sample pages shipped with the package",
        description="Parse the five sample pages shipped with the package (the project's "
        "seed pages: Vietnamese diplomacy news, as a browser's innerText gives them) and "
        "show what comes out: each page's title, date, statements and events, the events "
        "merged across the pages, and who said what. Needs no files and writes none.",
        epilog="example:\n  diplocorpus demo\n  diplocorpus demo --statements 20",
        formatter_class=_Help,
    )
    demo.add_argument(
        "--statements",
        type=_positive,
        default=5,
        metavar="N",
        help="show the first N statements (default 5)",
    )
    demo.set_defaults(run=_run_demo)


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    *,
    formats: tuple[str, ...],
    formats_help: str,
    example: str,
    paths_required: bool = True,
) -> argparse.ArgumentParser:
    """A subcommand that reads pages and writes in one of ``formats`` (the first the default)."""
    cmd = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"example{'s' if chr(10) in example else ''}:\n  {example}",
        formatter_class=_Help,
    )
    # A command whose paths are optional reads pages or a store (--db): _check_usage.
    cmd.set_defaults(command_parser=cmd, pages_or_store=not paths_required)
    cmd.add_argument(
        "paths",
        nargs="+" if paths_required else "*",
        metavar="PATH",
        help="text and HTML files, folders, .jsonl files; '-' reads stdin",
    )
    cmd.add_argument("-f", "--format", choices=formats, default=formats[0], help=formats_help)
    cmd.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="which files of a folder to read; give it again for more patterns (default: "
        + ", ".join(DEFAULT_GLOBS)
        + ")",
    )
    cmd.add_argument(
        "--follow-links",
        action="store_true",
        help="read a folder's links to files outside it too (default: listed as skipped)",
    )
    cmd.add_argument(
        "--decode-errors",
        choices=("strict", "replace"),
        help="bytes that do not decode: the input cannot be read (strict, the default), or "
        "they are replaced by U+FFFD and the article's notes say where (replace)",
    )
    cmd.add_argument(
        "--stdin-format",
        choices=("text", "jsonl"),
        help="standard input ('-') is one page (default) or JSON Lines",
    )
    cmd.add_argument(
        "--skip-errors",
        action="store_true",
        help="go on past inputs that cannot be read; list them at the end",
    )
    return cmd


def _add_jobs(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="parse in N processes (output stays in input order)",
    )


def _add_published(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--published",
        type=_date_arg,
        metavar="DATE",
        help="a publication date you know (YYYY-MM-DD): completes dates without a year",
    )


# Options that read pages: with --db they would do nothing, so they are refused.
_PAGE_OPTIONS = (
    ("glob", "--glob"),
    ("stdin_format", "--stdin-format"),
    ("follow_links", "--follow-links"),
    ("decode_errors", "--decode-errors"),
)


def _check_usage(args: argparse.Namespace) -> None:
    """The usage mistakes argparse cannot see: as its own, they print the command's usage
    and exit with status 2. An option the command would ignore is one of them."""
    parser: argparse.ArgumentParser | None = getattr(args, "command_parser", None)
    if parser is None:
        return
    if getattr(args, "pages_or_store", False):
        if args.paths and args.db:
            parser.error("give PATH... to read pages or --db FILE to read a store, not both")
        if not args.paths and not args.db:
            parser.error("give PATH... to read pages, or --db FILE to read a store")
        if args.db:
            for name, option in (*_PAGE_OPTIONS, ("skip_errors", "--skip-errors")):
                if getattr(args, name):
                    parser.error(f"{option} reads pages: it does nothing with --db")
    if args.stdin_format is not None and "-" not in args.paths:
        parser.error("--stdin-format says what standard input is: give '-' among the paths")
    args.stdin_format = args.stdin_format or "text"
    if args.glob is not None and not any(os.path.isdir(p) for p in args.paths):
        parser.error("--glob chooses the files of a folder: no PATH is a folder")
    args.glob = tuple(args.glob or DEFAULT_GLOBS)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text}")
    return value


def _whole(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text}")
    return value


def _min_pages(text: str) -> int:
    value = int(text)
    if value < 2:
        raise argparse.ArgumentTypeError(f"must be 2 or more: {text}")
    return value


def _share(text: str) -> float:
    value = float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 1: {text}")
    return value


def _date_arg(text: str) -> dt.date:
    try:
        return du_parser.isoparse(text).date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date: {text!r}") from None


# -- reading pages -------------------------------------------------------------------------


def _corpus(args: argparse.Namespace) -> Corpus:
    """The pages of the command's paths. A path with nothing there stops the run before
    any page is read (a typo must not cost a long build first), unless --skip-errors."""
    if not args.skip_errors:
        for path in args.paths:
            if path != "-" and not os.path.lexists(path):
                raise unreadable(FileNotFoundError(2, "No such file or directory"), path)
    return Corpus(
        args.paths,
        glob=args.glob,
        stdin=args.stdin_format,
        errors="skip" if args.skip_errors else "raise",
        follow_links=args.follow_links,
        decode_errors=args.decode_errors or "strict",
    )


def _count(args: argparse.Namespace) -> int | None:
    """How many pages the paths hold, when that is known without reading them: every path
    a file or folder of page files (JSON Lines and standard input hold an unknown number)."""
    total = 0
    for path in args.paths:
        if path == "-":
            return None
        try:
            entries = folder_entries(path, args.glob, follow_links=args.follow_links)
        except InputError:
            continue
        files = [entry for entry in entries if isinstance(entry, str)]
        if any(f.endswith((".jsonl", ".ndjson")) for f in files):
            return None
        total += len(files)
    return total


def _with_date(corpus: Corpus, published: dt.date | None) -> Iterator[Document]:
    for document in corpus.documents():
        if published is not None and document.published is None:
            yield attrs.evolve(document, published=published)
        else:
            yield document


def _articles(args: argparse.Namespace, err: TextIO, failed: list[str]) -> Iterator[Article]:
    """Parse each page (in ``--jobs`` processes), with a progress bar on a terminal."""
    corpus = _corpus(args)
    profile = _read_profile(args.site_profile) if getattr(args, "site_profile", None) else None
    pages: Iterable[Page] = _with_date(corpus, args.published)
    if profile is not None:
        pages = ((document, profile) for document in _with_date(corpus, args.published))
    bar = _progress(err, args)
    try:
        results = parallel_map(parse_document, pages, None, args.jobs)
        for document, result in results:
            bar.update(1)
            if isinstance(result, DiplocorpusError) and args.skip_errors:
                corpus.skipped.append(SkippedInput(source=document.source, reason=str(result)))
            elif isinstance(result, Exception):
                raise result
            else:
                yield result
    finally:
        bar.close()
        _report_skipped(corpus.skipped, err, failed)


def _read_profile(path: str) -> SiteProfile:
    """The site profile in a JSON file; an unreadable file or a bad profile is an
    :class:`InputError` naming the file."""
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        error = unreadable(exc, path)
        reason = f"cannot read the site profile: {error.reason}"
        raise type(error)(reason, source=path, errno=error.errno) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read the site profile: {exc}", source=path) from exc
    try:
        return from_json(text, SiteProfile)
    except InputError as exc:
        raise InputError(f"not a site profile: {exc}", source=path) from exc


def _progress(err: TextIO, args: argparse.Namespace) -> tqdm[Any]:
    """Pages, pages/s and, when the number of pages is known, the total and the time left,
    on a terminal; nothing when the output is not one."""
    shown = err.isatty()
    return tqdm(
        file=err,
        unit=" pages",
        total=_count(args) if shown else None,
        disable=not shown,
        leave=False,
    )


def _ticker(bar: tqdm[Any]) -> Callable[[int], None]:
    def tick(pages: int) -> None:
        bar.update(pages)

    return tick


def _report_skipped(skipped: list[SkippedInput], err: TextIO, failed: list[str]) -> None:
    for item in skipped:
        reason = item.reason.removeprefix(f"{item.source}: ")  # the path said once
        err.write(f"diplocorpus: skipped {item.source}: {reason}\n")
        failed.append(item.source)
    if skipped:
        err.write(f"diplocorpus: {len(skipped)} input(s) skipped\n")


def _exit(failed: list[str]) -> int:
    return 1 if failed else 0


def _store(args: argparse.Namespace) -> Store:
    """The store a query reads: one that exists (a query never makes an empty one)."""
    return Store(args.db, create=False)


# -- commands ------------------------------------------------------------------------------


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
    return _exit(failed)


def _run_statements(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    rows = (statement_row(source, s) for source, s in _statements(args, err, failed))
    if not write_rows(args.format, STATEMENTS, rows, out) and not failed:
        err.write("diplocorpus: no statement found\n")
    return _exit(failed)


def _statements(
    args: argparse.Namespace, err: TextIO, failed: list[str]
) -> Iterator[tuple[str, Statement]]:
    if args.db:
        with _store(args) as store:
            yield from store.statements(
                speaker=args.speaker, since=args.since, until=args.until, event=args.event
            )
        return
    key = args.speaker
    words = frozenset(fold_key(args.event).split()) if args.event is not None else None
    for article in _articles(args, err, failed):
        if not published_within(article.published, args.since, args.until):
            continue
        if words is not None and not any(reports(e, words) for e in extract_events(article)):
            continue
        for statement in extract_statements(article):
            if key is None or speaks(statement, key):
                yield article.source or "-", statement


def _run_people(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    if args.db:
        with _store(args) as store:
            write_rows(args.format, PEOPLE, (person_row(*p) for p in store.people()), out)
        return 0
    rows = (
        person_row(article.source or "-", person)
        for article in _articles(args, err, failed)
        for person in extract_people(article)
    )
    write_rows(args.format, PEOPLE, rows, out)
    return _exit(failed)


def _run_events(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    if args.db:
        with _store(args) as store:
            write_rows(args.format, MERGED, map(merged_row, store.events()), out)
        return 0
    found = ((a.source or "-", extract_events(a)) for a in _articles(args, err, failed))
    if args.merge:
        write_rows(args.format, MERGED, map(merged_row, merge_events(found)), out)
        return _exit(failed)
    rows = (event_row(source, event) for source, events in found for event in events)
    write_rows(args.format, EVENTS, rows, out)
    return _exit(failed)


def _run_build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    corpus = _corpus(args)
    failed: list[str] = []
    bar = _progress(err, args)
    started = time.perf_counter()
    with Store(args.db) as store:
        before = store.counts()["documents"]
        try:
            report = store.add(
                corpus.documents(),
                jobs=args.jobs,
                batch_size=args.batch_size,
                progress=_ticker(bar),
                errors="skip" if args.skip_errors else "raise",
                learn_sites=not args.no_site_profiles,
            )
        except KeyboardInterrupt:
            bar.close()
            stored = store.counts()["documents"] - before
            err.write(
                f"diplocorpus: interrupted: {stored} page(s) stored in {args.db}; run the same "
                "command again to go on\n"
            )
            return _INTERRUPTED
        finally:
            bar.close()
        seconds = time.perf_counter() - started
        for source, reason in report.failed:
            corpus.skipped.append(SkippedInput(source=source, reason=reason))
        _report_skipped(corpus.skipped, err, failed)
        handled = report.added + report.existing + len(corpus.skipped)
        out.write(
            f"{args.db}: {report.added} page(s) added, {report.existing} already stored, "
            f"{len(corpus.skipped)} skipped, in {seconds:.1f} s "
            f"({handled / seconds if seconds > 0 else 0:.1f} pages/s)\n"
        )
        _summary(store, out)
    return _exit(failed)


def _run_learn_site(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    hosts: collections.Counter[str | None] = collections.Counter()

    def counted() -> Iterator[Article]:
        for article in _articles(args, err, failed):
            hosts[host_of(article.source)] += 1
            yield article

    profile = learn_site(
        counted(), site=args.name, min_pages=args.min_pages, min_share=args.min_share
    )
    named = sorted(h for h in hosts if h is not None)
    if len(named) > 1 and args.name is None:
        err.write(
            f"diplocorpus: the pages come from {len(named)} sites ({', '.join(named[:5])}): "
            "a profile is one site's; give the pages of one site\n"
        )
    text = to_json(profile, indent=1) + "\n"
    if args.output:
        try:
            Path(args.output).write_text(text, "utf-8")
        except OSError as exc:
            raise unreadable(exc, args.output) from exc
    else:
        out.write(text)
    err.write(
        f"diplocorpus: {profile.site or 'the site'}: {len(profile.lines)} template line(s) "
        f"learned from {profile.pages} page(s) of {profile.articles} article(s)\n"
    )
    return _exit(failed)


def _summary(store: Store, out: TextIO) -> None:
    counts = store.counts()
    out.write("the store holds " + ", ".join(f"{n} {t}" for t, n in counts.items()) + "\n")
    # Ranked by the pages that report an event: one every page names in passing
    # ("Nghị quyết Đại hội XIII") is no page's news.
    reported = [e for e in store.events() if e.reported_by]
    merged = sorted(reported, key=lambda e: (-len(e.reported_by), e.key))
    if merged:
        out.write("events reported by the most pages:\n")
    for event in merged[:5]:
        ordinal = f" {event.ordinal}" if event.ordinal is not None else ""
        when = " / ".join(map(value_text, event.start.values)) or "date unknown"
        pages = len(event.reported_by)
        out.write(f"  {event.series or event.name}{ordinal}: {when}, {pages} page(s)\n")


# A terminal's bold on and off, for the words a search matched.
_BOLD = ("\x1b[1m", "\x1b[0m")


def _run_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _store(args) as store:
        hits = store.search(" ".join(args.words), limit=args.limit)
    if args.format == "text":
        mark = _BOLD if out.isatty() else ("", "")
        for hit in hits:
            title = f"  ({hit.title})" if hit.title else ""
            out.write(f"{hit.source}:{hit.line}{title}\n    {hit.snippet(160, mark)}\n")
    else:
        write_rows(args.format, HITS, map(hit_row, hits), out)
    if not hits:
        err.write("diplocorpus: no paragraph matches\n")
    return 0


def _run_duplicates(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    if args.db:
        with _store(args) as store:
            clusters = store.duplicates(threshold=args.threshold)
    else:
        corpus = _corpus(args)
        clusters = corpus.duplicates(threshold=args.threshold)
        _report_skipped(corpus.skipped, err, failed)
    if not write_rows(args.format, DUPLICATES, map(duplicate_row, clusters), out):
        err.write("diplocorpus: no near-duplicate pages\n")
    return _exit(failed)


def _run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _store(args) as store:
        written = export_parquet(store, args.parquet)
    for table, path in written.items():
        out.write(f"{table}\t{path}\n")
    return 0


def _run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    limits = Limits(
        events=args.events,
        speakers=args.speakers,
        statements=args.statements,
        clusters=args.clusters,
    )
    with _store(args) as store:
        try:
            path, shown = report_to(store, args.output, limits)
        except OSError as exc:
            err.write(f"diplocorpus: {args.output}: cannot be written: {exc.strerror or exc}\n")
            return 1
    size = max(1, round(path.stat().st_size / 1024))
    counts = ", ".join(
        f"{count:,} {word if count == 1 else word + 's'}"
        for count, word in (
            (shown.events, "event"),
            (shown.speakers, "speaker"),
            (shown.statements, "statement"),
            (shown.sites, "site"),
            (shown.clusters, "duplicate cluster"),
        )
    )
    out.write(f"wrote {path} ({size:,} KB): {counts}\n")
    return 0


# The sample pages shipped in the package (copies of the project's seeds/*.txt).
_SAMPLES = "samples"


def _sample_documents() -> list[Document]:
    """The sample pages, read from the installed package (a wheel or a checkout alike)."""
    folder = resources.files("diplocorpus").joinpath(_SAMPLES)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return [Document(text=f.read_text("utf-8"), source=f"{_SAMPLES}/{f.name}") for f in files]


def _run_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    articles = [parse_document(d) for d in _sample_documents()]
    statements = [(a.source or "-", s) for a in articles for s in extract_statements(a)]
    events = [(a.source or "-", extract_events(a)) for a in articles]
    out.write(
        f"{len(articles)} sample pages shipped with diplocorpus (the project's seed pages), "
        "parsed:\n\n"
    )
    said = collections.Counter(source for source, _ in statements)
    rows = (
        page_row(a, said[a.source or "-"], len(found))
        for a, (_, found) in zip(articles, events, strict=True)
    )
    write_rows("table", PAGES, rows, out)
    out.write("\nthe events they report, merged across the pages (each source's claims kept):\n")
    merged = [e for e in merge_events(events) if e.reported_by]
    write_rows("table", MERGED, map(merged_row, merged), out)
    shown = statements[: args.statements]
    out.write(f"\nwho said what ({len(shown)} of {len(statements)} statements):\n")
    write_rows("table", STATEMENTS, (statement_row(src, s) for src, s in shown), out)
    out.write(
        "\nyour own pages: diplocorpus build PATH... --db corpus.sqlite, then "
        "diplocorpus statements --db corpus.sqlite -f table (see diplocorpus --help)\n"
    )
    return 0


# -- text ----------------------------------------------------------------------------------


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
