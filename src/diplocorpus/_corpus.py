"""A corpus: many pages from any loader, read lazily, and what they say together."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Literal, TypeVar

from ._convert import JSONProblem, from_dict, load_json, to_dict
from ._dedup import DuplicateCluster, find_duplicates
from ._errors import InputError
from ._events import extract_events
from ._lexicon import Lexicon
from ._load import (
    DEFAULT_GLOBS,
    DecodeErrors,
    Document,
    Errors,
    Globs,
    Paths,
    SkippedInput,
    as_globs,
    as_paths,
    check_decode_errors,
    check_errors,
    iter_documents,
)
from ._merge import MergedEvent, merge_events
from ._models import Article, Person, Statement
from ._people import extract_people
from ._pipeline import parse_document, parse_pages
from ._statements import extract_statements
from ._store import IngestReport, Store

__all__ = ["Corpus", "read_jsonl", "write_jsonl"]

T = TypeVar("T")


class Corpus:
    """Pages from files, folders, JSON Lines or standard input, read one at a time.

    Every method reads the inputs again, so a corpus of any size is walked in flat memory;
    ``skipped`` lists the inputs passed over with ``errors="skip"``. Pages come out in
    input order. With ``learn_sites`` (the default) each site's template is learned from its
    first pages and its pages are parsed with it (see :func:`learn_site`): a page's result
    then depends on the other pages of its site in the corpus, the same for the same pages
    in the same order. ``learn_sites=False`` parses every page on its own, as
    :func:`parse` does.

    ``paths`` is one path or several, read as :func:`iter_documents` reads them (``glob``:
    the patterns of a folder's files, by default text dumps and HTML pages;
    ``follow_links``: read links to files outside a folder too; ``decode_errors="replace"``:
    bytes that do not decode replaced by U+FFFD, and the Article's first note says where).

    >>> corpus = Corpus("seeds")
    >>> sum(1 for _ in corpus.articles())
    5
    """

    def __init__(
        self,
        paths: Paths = (),
        *,
        documents: Callable[[], Iterable[Document]] | None = None,
        glob: Globs = DEFAULT_GLOBS,
        errors: Errors = "raise",
        stdin: Literal["text", "jsonl"] = "text",
        lexicon: Lexicon | None = None,
        learn_sites: bool = True,
        follow_links: bool = False,
        decode_errors: DecodeErrors = "strict",
    ) -> None:
        check_errors(errors)
        check_decode_errors(decode_errors)
        self.paths = list(as_paths(paths))
        self.glob = as_globs(glob)
        self.errors: Errors = errors
        self.stdin: Literal["text", "jsonl"] = stdin
        self.lexicon = lexicon
        self.learn_sites = learn_sites
        self.follow_links = follow_links
        self.decode_errors: DecodeErrors = decode_errors
        self.skipped: list[SkippedInput] = []
        self._documents = documents

    def documents(self) -> Iterator[Document]:
        """The loaded pages, in input order (folders in sorted order)."""
        if self._documents is not None:
            yield from self._documents()
            return
        self.skipped.clear()
        yield from iter_documents(
            self.paths,
            glob=self.glob,
            errors=self.errors,
            skipped=self.skipped,
            stdin=self.stdin,
            follow_links=self.follow_links,
            decode_errors=self.decode_errors,
        )

    def articles(self) -> Iterator[Article]:
        """Each page parsed, in input order (the loader's date completes dates without a
        year), with its site's profile when ``learn_sites``."""
        pages = parse_pages(
            parse_document,
            self.documents(),
            self.lexicon,
            1,
            article_of=_itself,
            learn_sites=self.learn_sites,
        )
        for _document, result in pages:
            if isinstance(result, Exception):
                raise result
            yield result

    def statements(self) -> Iterator[tuple[str, Statement]]:
        """``(source, statement)`` for every statement of every page."""
        for article in self.articles():
            for statement in extract_statements(article, lexicon=self.lexicon):
                yield article.source or "", statement

    def people(self) -> Iterator[tuple[str, Person]]:
        """``(source, person)`` for every person named in every page."""
        for article in self.articles():
            for person in extract_people(article, lexicon=self.lexicon):
                yield article.source or "", person

    def events(self) -> tuple[MergedEvent, ...]:
        """The events of all pages, the same event across sources merged."""
        found = (
            (_unique(article.source, i), extract_events(article, lexicon=self.lexicon))
            for i, article in enumerate(self.articles())
        )
        return merge_events(found)

    def duplicates(self, *, threshold: float = 0.7) -> tuple[DuplicateCluster, ...]:
        """Pages whose clean bodies are near-duplicates (a story syndicated to many sites)."""
        bodies = (
            (_unique(article.source, i), article.text) for i, article in enumerate(self.articles())
        )
        return find_duplicates(bodies, threshold=threshold)

    def build(
        self,
        path: str | os.PathLike[str],
        *,
        jobs: int = 1,
        batch_size: int = 100,
        progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Store the pages in the SQLite store at ``path`` (see :class:`Store`)."""
        with Store(path, lexicon=self.lexicon) as store:
            return store.add(
                self.documents(),
                jobs=jobs,
                batch_size=batch_size,
                progress=progress,
                errors=self.errors,
                learn_sites=self.learn_sites,
            )


def _itself(article: Article) -> Article:
    return article


def _unique(source: str | None, index: int) -> str:
    return f"{source or '-'} #{index}"


def write_jsonl(records: Iterable[object], stream: IO[str]) -> int:
    """Write records as JSON Lines (one ``to_json`` a line); returns how many."""
    count = 0
    for record in records:
        stream.write(json.dumps(to_dict(record), ensure_ascii=False) + "\n")
        count += 1
    return count


def read_jsonl(stream: Iterable[str], kind: type[T], *, source: str = "<jsonl>") -> Iterator[T]:
    """Read records of type ``kind`` back from :func:`write_jsonl`'s output, one at a time.

    A line that is not such a record raises :class:`InputError` with its line number.
    """
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            data = load_json(line)
        except JSONProblem as exc:
            raise InputError(exc.reason, source=source, line=number) from exc
        try:
            yield from_dict(data, kind)
        except InputError as exc:
            raise InputError(str(exc), source=source, line=number) from exc
