"""The command line: ``diplocorpus COMMAND`` (also ``python -m diplocorpus``).

parse PATH...              articles as JSON Lines, JSON or text
statements PATH... | --db  who said what
events PATH... | --db      events, merged across pages with --merge
build PATH... --db FILE    parse pages into the SQLite store (resumable)
learn-site PATH... -o FILE learn a site's template from its pages (use with parse --site)
search WORDS... --db FILE  full-text search of the stored paragraphs
duplicates PATH... | --db  near-duplicate pages (syndicated copies)
export --db FILE --parquet DIR
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
from dateutil import parser as du_parser
from tqdm import tqdm

from ._convert import from_json, to_dict, to_json
from ._corpus import Corpus
from ._dedup import DuplicateCluster
from ._errors import DiplocorpusError, InputError
from ._events import extract_events
from ._export import export_parquet
from ._load import Document, SkippedInput
from ._merge import MergedEvent, MergedField, merge_events
from ._models import Article, Event, Statement, write_iso_date
from ._pipeline import Page, parallel_map, parse_document
from ._site import MIN_PAGES, MIN_SHARE, SiteProfile, host_of, learn_site
from ._statements import extract_statements
from ._store import Store
from ._text import fold_key
from ._version import __version__

__all__ = ["main"]

_FORMATS = ("jsonl", "json", "text")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 some input failed, 2 usage)."""
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
        "Parse page dumps (files, folders, JSON Lines, '-') into articles, one per page.",
        formats=_FORMATS,
        formats_help="jsonl: one JSON object a line (default); json: one indented JSON array; "
        "text: title, date, authors and clean body",
    )
    cmd.add_argument(
        "--published",
        type=_date_arg,
        metavar="DATE",
        help="a publication date you know (YYYY-MM-DD): completes dates without a year",
    )
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
        formats=("jsonl", "table"),
        formats_help="jsonl: one statement a line with its source (default); table: one "
        "readable row a statement",
        paths_required=False,
    )
    said.add_argument("--db", metavar="FILE", help="read the statements of this store")
    said.add_argument(
        "--speaker",
        metavar="NAME",
        help="only this speaker's (part of the name, diacritics optional)",
    )
    said.set_defaults(run=_run_statements, published=None, jobs=1)

    events = _command(
        commands,
        "events",
        "list the events pages report",
        "List the events of pages or of a store (--db); --merge joins the same event "
        "across pages, each source's claims kept.",
        formats=("jsonl", "table"),
        formats_help="jsonl: one event a line (default); table: one readable row an event",
        paths_required=False,
    )
    events.add_argument("--db", metavar="FILE", help="read the events of this store (merged)")
    events.add_argument(
        "--merge", action="store_true", help="one record per event across all pages"
    )
    events.set_defaults(run=_run_events, published=None, jobs=1)

    build = _command(
        commands,
        "build",
        "parse pages into the SQLite store",
        "Parse pages and store them, with their statements, people and events, in an "
        "SQLite file. Pages already stored are skipped: a re-run adds only new pages.",
        formats=("text",),
        formats_help="a summary of what the store holds",
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
        description="Full-text search of a store's paragraphs, with or without diacritics.",
    )
    search.add_argument("words", nargs="+", metavar="WORD")
    search.add_argument("--db", metavar="FILE", required=True)
    search.add_argument("--limit", type=_positive, default=20, metavar="N")
    search.set_defaults(run=_run_search)

    dups = _command(
        commands,
        "duplicates",
        "find syndicated copies",
        "List pages whose clean bodies are near-duplicates, from pages or a store (--db).",
        formats=("table", "jsonl"),
        formats_help="table (default) or jsonl",
        paths_required=False,
    )
    dups.add_argument("--db", metavar="FILE")
    dups.add_argument(
        "--threshold",
        type=_share,
        default=0.7,
        metavar="X",
        help="estimated Jaccard similarity of word 5-grams, more than 0 and at most 1 "
        "(default 0.7)",
    )
    dups.set_defaults(run=_run_duplicates, published=None, jobs=1)

    export = commands.add_parser(
        "export",
        help="export a store",
        description="Write a store's tables as Parquet files (needs diplocorpus[parquet]).",
    )
    export.add_argument("--db", metavar="FILE", required=True)
    export.add_argument("--parquet", metavar="DIR", required=True)
    export.set_defaults(run=_run_export)
    return root


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    *,
    formats: tuple[str, ...],
    formats_help: str,
    paths_required: bool = True,
) -> argparse.ArgumentParser:
    """A subcommand that reads pages and writes in one of ``formats`` (the first the default)."""
    cmd = commands.add_parser(name, help=summary, description=description)
    # A command whose paths are optional reads pages or a store (--db): _check_usage.
    cmd.set_defaults(command_parser=cmd, pages_or_store=not paths_required)
    cmd.add_argument(
        "paths",
        nargs="+" if paths_required else "*",
        metavar="PATH",
        help="text files, folders, .jsonl files; '-' reads stdin",
    )
    cmd.add_argument("-f", "--format", choices=formats, default=formats[0], help=formats_help)
    cmd.add_argument(
        "--glob", default="**/*.txt", help="which files of a folder to read (default **/*.txt)"
    )
    cmd.add_argument(
        "--stdin-format",
        choices=("text", "jsonl"),
        default="text",
        help="standard input is one page (default) or JSON Lines",
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


def _check_usage(args: argparse.Namespace) -> None:
    """The usage mistakes argparse cannot see: as its own, they print the command's usage
    and exit with status 2."""
    if not getattr(args, "pages_or_store", False):
        return
    parser: argparse.ArgumentParser = args.command_parser
    if args.paths and args.db:
        parser.error("give PATH... to read pages or --db FILE to read a store, not both")
    if not args.paths and not args.db:
        parser.error("give PATH... to read pages, or --db FILE to read a store")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text}")
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
    return Corpus(
        args.paths,
        glob=args.glob,
        stdin=args.stdin_format,
        errors="skip" if args.skip_errors else "raise",
    )


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
    bar = _progress(err)
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
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the site profile: {exc}", source=path) from exc
    try:
        return from_json(text, SiteProfile)
    except InputError as exc:
        raise InputError(f"not a site profile: {exc}", source=path) from exc


def _progress(err: TextIO) -> tqdm[Any]:
    """Pages and pages/s on a terminal; nothing when the output is not one."""
    return tqdm(file=err, unit=" pages", disable=not err.isatty(), leave=False)


def _ticker(bar: tqdm[Any]) -> Callable[[int], None]:
    def tick(pages: int) -> None:
        bar.update(pages)

    return tick


def _report_skipped(skipped: list[SkippedInput], err: TextIO, failed: list[str]) -> None:
    for item in skipped:
        err.write(f"diplocorpus: skipped {item.source}: {item.reason}\n")
        failed.append(item.source)
    if skipped:
        err.write(f"diplocorpus: {len(skipped)} input(s) skipped\n")


def _exit(failed: list[str]) -> int:
    return 1 if failed else 0


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
    for source, statement in _statements(args, err, failed):
        if args.format == "jsonl":
            row = {"source": source, **to_dict(statement)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.write(_as_row(source, statement))
    return _exit(failed)


def _statements(
    args: argparse.Namespace, err: TextIO, failed: list[str]
) -> Iterator[tuple[str, Statement]]:
    if args.db:
        with Store(args.db) as store:
            yield from store.statements(speaker=args.speaker)
        return
    key = args.speaker
    for article in _articles(args, err, failed):
        for statement in extract_statements(article):
            if key is None or _speaks(statement, key):
                yield article.source or "-", statement


def _speaks(statement: Statement, name: str) -> bool:
    return fold_key(name) in statement.speaker.key


def _run_events(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    if args.db:
        with Store(args.db) as store:
            _write_merged(store.events(), args.format, out)
        return 0
    found = [(a.source or "-", extract_events(a)) for a in _articles(args, err, failed)]
    if args.merge:
        _write_merged(merge_events(found), args.format, out)
        return _exit(failed)
    for source, events in found:
        for event in events:
            if args.format == "jsonl":
                row = {"source": source, **to_dict(event)}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                out.write(_event_row(source, event))
    return _exit(failed)


def _write_merged(merged: Sequence[MergedEvent], form: str, out: TextIO) -> None:
    for event in merged:
        if form == "jsonl":
            out.write(json.dumps(to_dict(event), ensure_ascii=False) + "\n")
        else:
            out.write(_merged_row(event))


def _run_build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    corpus = _corpus(args)
    failed: list[str] = []
    bar = _progress(err)
    try:
        with Store(args.db) as store:
            report = store.add(
                corpus.documents(),
                jobs=args.jobs,
                batch_size=args.batch_size,
                progress=_ticker(bar),
                errors="skip" if args.skip_errors else "raise",
                learn_sites=not args.no_site_profiles,
            )
            bar.close()
            for source, reason in report.failed:
                corpus.skipped.append(SkippedInput(source=source, reason=reason))
            _report_skipped(corpus.skipped, err, failed)
            out.write(
                f"{args.db}: {report.added} page(s) added, {report.existing} already stored\n"
            )
            _summary(store, out)
    finally:
        bar.close()
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
        Path(args.output).write_text(text, "utf-8")
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
        when = event.start.value or (" / ".join(event.start.values) or "date unknown")
        pages = len(event.reported_by)
        out.write(f"  {event.series or event.name}{ordinal}: {when}, {pages} page(s)\n")


def _run_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with Store(args.db) as store:
        hits = store.search(" ".join(args.words), limit=args.limit)
    for hit in hits:
        text = hit.text if len(hit.text) <= 160 else hit.text[:159] + "…"
        out.write(f"{hit.source}:{hit.line}\t{text}\n")
    if not hits:
        err.write("diplocorpus: no paragraph matches\n")
    return 0


def _run_duplicates(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed: list[str] = []
    clusters: Sequence[DuplicateCluster]
    if args.db:
        with Store(args.db) as store:
            clusters = store.duplicates(threshold=args.threshold)
    else:
        corpus = _corpus(args)
        clusters = corpus.duplicates(threshold=args.threshold)
        _report_skipped(corpus.skipped, err, failed)
    for cluster in clusters:
        if args.format == "jsonl":
            out.write(json.dumps(to_dict(cluster), ensure_ascii=False) + "\n")
        else:
            out.write(
                f"{cluster.similarity:.2f}\t{cluster.representative}\t"
                f"{', '.join(m for m in cluster.members if m != cluster.representative)}\n"
            )
    return _exit(failed)


def _run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with Store(args.db) as store:
        written = export_parquet(store, args.parquet)
    for table, path in written.items():
        out.write(f"{table}\t{path}\n")
    return 0


# -- rows ----------------------------------------------------------------------------------


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


def _as_row(source: str | None, statement: Statement) -> str:
    speaker = statement.speaker
    who = f"{speaker.name} ({speaker.role})" if speaker.role else speaker.name
    text = statement.text if len(statement.text) <= 100 else statement.text[:99] + "…"
    return f"{source}:{statement.line}\t{who}\t{statement.cue}\t{statement.mode}\t{text}\n"


def _event_row(source: str, event: Event) -> str:
    cells = [
        source,
        "main" if event.main else "" if event.reported else "passing",
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
    return write_iso_date(value) or ""
