"""Site learning inside a corpus build: each site's profile learned from its first pages as
they stream by, and every page given back, in input order, with the profile its site has.

The corpus build (``_pipeline.parse_pages``) does the parsing, in its processes; this module
only plans, reads the parses and counts, in the calling process, in bounded memory.
"""

from __future__ import annotations

import collections
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

import attrs

from ._load import Document
from ._models import Article
from ._profile import MIN_PAGES, MIN_SHARE, SiteProfile
from ._site import Learner, Sorter, check_thresholds

__all__ = ["HOLD_PAGES", "SAMPLE_PAGES", "SitePass", "Step"]

_log = logging.getLogger("diplocorpus")
R = TypeVar("R")

SAMPLE_PAGES = 50  # a site's profile is learned from its first pages, this many at most
HOLD_PAGES = 200  # a page waits for its site's profile until this many pages came after it
_LEARNING_SITES = 32  # sites learned at once; the one with the fewest pages gives way
_KEPT_SITES = 1024  # learned profiles kept; the least recently seen site gives way
_ANONYMOUS_SITES = 256  # sites told apart by their lines (no URL) kept at once


@attrs.define(eq=False, slots=True)
class _Site:
    """A site as the corpus pass sees it: learning (``learner`` counts its first pages),
    then final (``learner`` is ``None`` and ``profile`` is what it learned, if anything)."""

    name: str | None  # the host, None for a site told by its lines
    learner: Learner | None = attrs.Factory(lambda: Learner(prune=True))
    profile: SiteProfile | None = None
    learned: int = 0  # the learner's pages when ``profile`` was computed
    planned: int = 0  # pages sent to be parsed for learning
    fed: int = 0  # ... and learned from (or failed)
    closed: bool = False  # no more pages go to learning
    learning: set[str] = attrs.Factory(set)  # the hashes of the pages sent to learning


@attrs.define(eq=False, slots=True)
class Step(Generic[R]):
    """A page on its way through the corpus pass: to be parsed (``todo``) with ``profile``,
    or parsed (``result``, a failure included). ``learn``: its site learns from it (it is
    parsed without a profile first, for that). Whoever parses a step sets ``result`` and
    clears ``todo``."""

    document: Document
    site: _Site
    learn: bool
    todo: bool
    profile: SiteProfile | None = None
    result: R | Exception | None = None


class SitePass(Generic[R]):
    """Site learning inside a corpus build, in two steps around the parsing: :meth:`plan`
    says how to parse each document, :meth:`release` learns from the parses and gives the
    pages back in input order, each with the profile its site has by then.

    A site's profile is learned from its first ``sample`` pages, parsed without a profile
    (by the caller, in its processes: this class only reads and counts). The pages wait in
    one queue; the first is released when its site's profile is final or ``hold`` pages have
    come in after it, with the profile learned so far (``None`` before the site has
    ``min_pages`` articles). A page of a site whose profile is final when it is read is
    parsed once, with it; a learning page whose profile turns out ``None``, or knows none of
    its lines, keeps its learning parse (the same result); the others are parsed again.
    ``article_of`` gives the Article of a parse. Memory is bounded: ``hold`` waiting pages,
    the counts of at most a few dozen sites at once, each over at most ``sample`` pages.
    """

    def __init__(
        self,
        article_of: Callable[[R], Article],
        *,
        min_pages: int = MIN_PAGES,
        min_share: float = MIN_SHARE,
        sample: int = SAMPLE_PAGES,
        hold: int = HOLD_PAGES,
    ) -> None:
        check_thresholds(min_pages, min_share)
        self._article_of = article_of
        self._min_pages = min_pages
        self._min_share = min_share
        self._sample = max(sample, min_pages)
        self._hold = max(hold, 0)
        self._sorter = Sorter(limit=_ANONYMOUS_SITES)
        self._sites: collections.OrderedDict[str, _Site] = collections.OrderedDict()

    def plan(self, documents: Iterable[Document]) -> Iterator[Step[R]]:
        """Each document's step: parse it for learning, parse it with its site's final
        profile, or wait for that profile (``todo`` false)."""
        for document in documents:
            key = self._sorter.key(document)
            site = self._sites.get(key)
            if site is None:
                self._make_room()
                site = self._sites[key] = _Site(None if key.startswith("#") else key)
            self._sites.move_to_end(key)
            if site.closed:
                final = site.learner is None
                yield Step(document, site, learn=False, todo=final, profile=site.profile)
                continue
            if document.hash in site.learning:
                # A copy of a page it learns from: counted once, in whatever order they come.
                yield Step(document, site, learn=False, todo=False)
                continue
            site.learning.add(document.hash)
            site.planned += 1
            if site.planned >= self._sample:
                self._close(site)
            yield Step(document, site, learn=True, todo=True)

    def release(self, steps: Iterable[Step[R]]) -> Iterator[Step[R]]:
        """The planned steps, parsed, in the same order, each with its profile: ``todo`` when
        the page is still to be parsed with it."""
        held: collections.deque[Step[R]] = collections.deque()
        for step in steps:
            if step.learn:
                self._feed(step)
            held.append(step)
            while held and (held[0].site.learner is None or len(held) > self._hold):
                yield self._ready(held.popleft())
        while held:
            yield self._ready(held.popleft())

    def _feed(self, step: Step[R]) -> None:
        site, result = step.site, step.result
        if isinstance(result, Exception):
            _log.debug(
                "site learning: %s left out (%s: %s)",
                step.document.source,
                type(result).__name__,
                result,
            )
        elif result is not None and site.learner is not None:
            site.learner.add(self._article_of(result))
        site.fed += 1
        if site.closed and site.fed >= site.planned:
            self._finish(site)

    def _ready(self, step: Step[R]) -> Step[R]:
        profile = self._profile(step.site)
        if step.learn:  # parsed without a profile, to learn from
            if profile is not None:
                step.profile = profile
                result = step.result
                if result is None or isinstance(result, Exception):
                    step.todo = True
                elif _touches(profile, self._article_of(result)):
                    step.todo, step.result = True, None
        elif step.result is None:  # it waited for its site's profile
            step.profile, step.todo = profile, True
        return step

    def _profile(self, site: _Site) -> SiteProfile | None:
        learner = site.learner
        if learner is not None and learner.pages > site.learned:
            site.learned = learner.pages
            if learner.pages >= self._min_pages:
                profile = learner.profile(
                    site=site.name, min_pages=self._min_pages, min_share=self._min_share
                )
                site.profile = profile if profile.lines else None
        return site.profile

    def _close(self, site: _Site) -> None:
        site.closed = True
        if site.fed >= site.planned:
            self._finish(site)

    def _finish(self, site: _Site) -> None:
        self._profile(site)
        site.learner = None  # learned for good: the counts go
        site.learning.clear()

    def _make_room(self) -> None:
        learning = [k for k, s in self._sites.items() if not s.closed]
        if len(learning) >= _LEARNING_SITES:
            # The site with the fewest pages stops learning (the oldest on a tie): a large
            # site is never pushed out by many small ones.
            smallest = min(learning, key=lambda k: self._sites[k].planned)
            self._close(self._sites.pop(smallest))
        if len(self._sites) >= _KEPT_SITES:
            _key, oldest = self._sites.popitem(last=False)
            self._close(oldest)


def _touches(profile: SiteProfile, article: Article) -> bool:
    """Whether the profile knows a line of the page (if not, parsing with it changes
    nothing: the classifier asks it about these lines only)."""
    return any(profile.match(block.text) is not None for block in article.blocks)
