"""The pipeline: a loaded document to its analysis, in one process or many.

:func:`analyse` runs every stage on one document: the document parser (text or HTML), then
the people of each content line, read once (:func:`~diplocorpus._people.read_units`) and
handed to the statements and events stages. :func:`parallel_map` and :func:`parse_pages`
run a parser over many documents in input order, in a process pool when asked, with each
site's template learned on the way (:class:`~diplocorpus._sitepass.SitePass`). The store,
the corpus, the command line and the Dask export all read pages through here.
"""

from __future__ import annotations

import collections
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from ._article import parse, with_notes
from ._errors import MarkupInputError
from ._events import events_of
from ._lexicon import Lexicon
from ._load import Document
from ._models import Article, Event, Person, Statement
from ._people import people_of, read_units
from ._profile import SiteProfile
from ._sitepass import SitePass, Step
from ._statements import statements_of

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = [
    "Analysis",
    "Page",
    "analyse",
    "parallel_map",
    "parse_document",
    "parse_pages",
    "people_in",
]

R = TypeVar("R")
T = TypeVar("T")
# A page to parse, alone or with its site's profile.
Page = Document | tuple[Document, SiteProfile | None]


@attrs.frozen(kw_only=True, slots=True)
class Analysis:
    """A page and everything read from it: what the store keeps."""

    document: Document
    article: Article
    statements: tuple[Statement, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]


def analyse(
    document: Document, lexicon: Lexicon | None = None, site: SiteProfile | None = None
) -> Analysis:
    """Parse a document (with its site's profile, if given; an HTML page as HTML) and extract
    its statements, people and events, the people of each line found once for the three (a
    pure function: it runs the same in a process pool)."""
    lex = lexicon if lexicon is not None else Lexicon.default()
    article = parse_document(document, lex, site)
    units = read_units(article, lex)  # the people of every line, read once for all stages
    return Analysis(
        document=document,
        article=article,
        statements=statements_of(units, lex),
        people=people_of(units),
        events=events_of(article, units, lex),
    )


def people_in(article: Article, lexicon: Lexicon | None = None) -> tuple[Person, ...]:
    """The people of a parsed article, as :func:`analyse` finds them."""
    lex = lexicon if lexicon is not None else Lexicon.default()
    return people_of(read_units(article, lex))


def parse_document(
    document: Document, lexicon: Lexicon | None = None, site: SiteProfile | None = None
) -> Article:
    """Parse a loaded document (its source and known date passed on, and its site's
    profile, if given); an HTML page is read as HTML (needs the ``html`` extra). What
    loading noted (``Document.notes``) comes first in the Article's notes."""
    try:
        article = parse(
            document.text,
            source=document.source,
            published=document.published,
            lexicon=lexicon,
            site=site,
        )
    except MarkupInputError:
        from ._html import parse_html  # noqa: PLC0415 - the html extra is optional

        article = parse_html(
            document.text,
            source=document.source,
            url=document.url,
            published=document.published,
            lexicon=lexicon,
            site=site,
        )
    return with_notes(article, document.notes)


Parser = Callable[[Document, Lexicon | None, SiteProfile | None], R]
Task = tuple[Document, SiteProfile | None]


def parallel_map(
    function: Parser[R],
    documents: Iterable[Page],
    lexicon: Lexicon | None,
    jobs: int,
    *,
    chunk: int = 16,
) -> Iterator[tuple[Document, R | Exception]]:
    """``function(document, lexicon, site)`` over ``documents`` in input order, in ``jobs``
    processes when > 1. A page is a :class:`Document`, or a ``(document, site profile)``
    pair.

    Pages go to the workers ``chunk`` at a time (one message per chunk, not per page) and
    at most ``jobs * 4`` chunks are in flight, so memory stays flat. A failure is yielded,
    not raised, beside its document.
    """
    tasks = (page if isinstance(page, tuple) else (page, None) for page in documents)
    with _workers(jobs) as pool:
        for task, result in _ordered(
            pool, function, tasks, task_of=_itself, lexicon=lexicon, chunk=chunk, inflight=jobs * 4
        ):
            yield task[0], cast("R | Exception", result)  # every task has a result


def parse_pages(
    function: Parser[R],
    documents: Iterable[Document],
    lexicon: Lexicon | None,
    jobs: int,
    *,
    article_of: Callable[[R], Article],
    learn_sites: bool = True,
) -> Iterator[tuple[Document, R | Exception]]:
    """:func:`parallel_map` of ``function`` over ``documents``, in input order; with
    ``learn_sites``, each page with its site's profile, learned from the documents
    themselves as :class:`SitePass` says (``article_of``: the Article of a result). The
    learning parses run in the same ``jobs`` processes, and are the page's result whenever
    its profile would change nothing."""
    if not learn_sites:
        yield from parallel_map(function, documents, lexicon, jobs)
        return
    sites: SitePass[R] = SitePass(article_of)
    with _workers(jobs) as pool:
        planned = _steps(pool, function, sites.plan(documents), lexicon, jobs * 4)
        for step in _steps(pool, function, sites.release(planned), lexicon, jobs * 4):
            yield step.document, cast("R | Exception", step.result)  # every step is parsed


def _workers(jobs: int) -> contextlib.AbstractContextManager[ProcessPoolExecutor | None]:
    if jobs <= 1:
        return contextlib.nullcontext()
    return _pool(jobs)


@contextlib.contextmanager
def _pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    # The process machinery is imported by the builds that use it, not by "import diplocorpus".
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        # Stopped early (Ctrl-C, an error, a caller that stopped reading): the chunks not
        # started are dropped, not parsed for no one.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _start_worker(parent: int) -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent stops the run and
    its workers with it, and no worker prints a traceback of its own. A parent that dies
    without stopping them (SIGKILL) takes them with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with(parent: int) -> None:
    if not _ask_the_kernel(parent):
        threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the worker could ask
        os._exit(1)


def _ask_the_kernel(parent: int) -> bool:
    """Linux sends the worker SIGKILL when the thread that started it dies (the pool starts
    its workers from the thread that submits, which waits for them)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # noqa: PLC0415 - only the workers need it
    import ctypes.util  # noqa: PLC0415

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    """Elsewhere the worker looks: an orphan is adopted by another process."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _steps(
    pool: ProcessPoolExecutor | None,
    function: Parser[R],
    steps: Iterable[Step[R]],
    lexicon: Lexicon | None,
    inflight: int,
) -> Iterator[Step[R]]:
    """The steps, in order, those with ``todo`` parsed (in ``pool``, if any)."""
    for step, result in _ordered(
        pool, function, steps, task_of=_task, lexicon=lexicon, chunk=16, inflight=inflight
    ):
        if step.todo:
            step.result, step.todo = result, False
        yield step


def _task(step: Step[Any]) -> Task | None:
    return (step.document, step.profile) if step.todo else None


def _itself(task: Task) -> Task:
    return task


def _ordered(
    pool: ProcessPoolExecutor | None,
    function: Parser[R],
    items: Iterable[T],
    *,
    task_of: Callable[[T], Task | None],
    lexicon: Lexicon | None,
    chunk: int,
    inflight: int,
) -> Iterator[tuple[T, R | Exception | None]]:
    """Each item with the result of its task (``None`` for an item without one), in input
    order; in ``pool`` a chunk of items at a time, at most ``inflight`` chunks in flight."""
    if pool is None:
        for item in items:
            task = task_of(item)
            yield item, None if task is None else _apply(function, *task, lexicon)
        return
    pending: collections.deque[tuple[list[T], list[Task | None], Future[list[R | Exception]]]]
    pending = collections.deque()
    for batch in _chunks(items, chunk):
        tasks = [task_of(item) for item in batch]
        todo = [task for task in tasks if task is not None]
        pending.append((batch, tasks, _submit(pool, function, todo, lexicon)))
        if len(pending) >= inflight:
            yield from _outcome(*pending.popleft())
    while pending:
        yield from _outcome(*pending.popleft())


def _submit(
    pool: ProcessPoolExecutor, function: Parser[R], tasks: list[Task], lexicon: Lexicon | None
) -> Future[list[R | Exception]]:
    if tasks:
        return pool.submit(_apply_all, function, tasks, lexicon)
    done: Future[list[R | Exception]] = Future()  # nothing to send
    done.set_result([])
    return done


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _apply(
    function: Parser[R], document: Document, site: SiteProfile | None, lexicon: Lexicon | None
) -> R | Exception:
    try:
        return function(document, lexicon, site)
    except Exception as exc:  # beside its document; the caller raises it or reports it
        return exc


def _apply_all(
    function: Parser[R], tasks: list[Task], lexicon: Lexicon | None
) -> list[R | Exception]:
    # A profile shared by the pages of a chunk is pickled once with it.
    return [_apply(function, document, site, lexicon) for document, site in tasks]


def _outcome(
    batch: list[T], tasks: list[Task | None], future: Future[list[R | Exception]]
) -> Iterator[tuple[T, R | Exception | None]]:
    try:
        results: list[R | Exception] = future.result()
    except Exception as exc:  # the worker died: every page of the chunk failed with it
        results = [exc] * len(tasks)
    done = iter(results)
    for item, task in zip(batch, tasks, strict=True):
        yield item, None if task is None else next(done)
