"""Site profiles, learned: a site's template from many of its pages (:func:`learn_site`), and
the sites of loaded pages (:func:`group_sites`). A profile is a frozen, picklable value;
``parse(text, site=profile)`` and ``parse_html(page, site=profile)`` use it.

The template is what stays when the article changes. Pages are therefore counted by the
article they carry, not one by one: pages whose own content lines are mostly the same (a
story syndicated to several sections, a page fetched twice) count once, so that an article's
text can never become its site's template. A line, or a shape of lines ("Ý kiến bạn đọc (33)"
with any number), is template when it is on at least ``min_pages`` of these articles and on
at least ``min_share`` of them.

The profile itself, and how the classifier applies it, is :mod:`._profile`'s; learning
inside a corpus build, :mod:`._sitepass`'s. This module comes later in the data flow than
the classifier: it reads parsed pages and loaded documents, and never parses anything.
"""

from __future__ import annotations

import collections
import urllib.parse
from collections.abc import Iterable

import attrs

from ._load import Document
from ._models import CONTENT_KINDS, Article, Block, BlockKind
from ._profile import (
    MIN_PAGES,
    MIN_SHARE,
    SHAPE_WORDS,
    TAIL_WORDS,
    Form,
    SiteProfile,
    TemplateLine,
    shape_of,
    tail_of,
)
from ._text import fold_key, normalize_text

__all__ = [
    "MIN_PAGES",
    "MIN_SHARE",
    "Learner",
    "SiteProfile",
    "Sorter",
    "TemplateLine",
    "check_thresholds",
    "group_sites",
    "host_of",
    "learn_site",
    "site_of",
]

# -- what makes a line template (MIN_PAGES, MIN_SHARE and the shapes' sizes: ._profile) ------
_MAX_WORDS = 120  # past this a line is an article's text: it only tells articles apart
_PROSE_WORDS = 40  # past this a line is running prose: template only on nearly every page,
_PROSE_SHARE = 0.9  # because prose on half the pages is a story or a standing note, not chrome
_EPSILON = 1e-9
# -- what makes two pages one article ----------------------------------------------------------
_IDENTITY_KINDS = frozenset({BlockKind.TITLE, BlockKind.BODY, BlockKind.CAPTION})
_IDENTITY_WORDS = 6  # content lines this long tell one article from another
_SAME_ARTICLE = 0.5  # Jaccard of two pages' own lines from which they carry one article
_MAX_COPIES = 64  # a line on more pages does not pair copies: learning stays linear (a story
# copied onto more pages than this counts more than once)
# -- what makes pages without a URL one site ---------------------------------------------------
_SIGNATURE_WORDS = 6  # a site's menus and labels: its short lines
_SAME_SITE = 0.3  # Jaccard of two pages' short lines from which they are one site
_GENERIC_LINE_SITES = 16  # a short line shared by more sites ("Trang chủ") finds no site
_PRUNE_EVERY = 5  # pages: a line seen once that long ago is forgotten while sampling

_KIND_ORDER = {kind: index for index, kind in enumerate(BlockKind)}
_DATED = frozenset({BlockKind.DATELINE, BlockKind.BYLINE})
_NOISE_KINDS = frozenset(BlockKind) - CONTENT_KINDS


# -- learning ----------------------------------------------------------------------------


def learn_site(
    pages: Iterable[Article],
    *,
    site: str | None = None,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> SiteProfile:
    """Learn a site's template from its pages, parsed without a profile.

    A line, or a shape of lines, is template when it is on the pages of at least
    ``min_pages`` different articles and of at least ``min_share`` of all the articles
    (lines of more than 40 words: of nearly all of them). Pages carrying the same article
    count once. Lines the parser read as a dateline or byline on most pages stay content.
    ``site`` names the site in the reasons; by default it is the host of the pages' sources
    when they are URLs of one host. The result is the same whatever the order of the pages,
    and learning takes time linear in the size of the pages.

    Raises ``ValueError`` for ``min_pages`` below 2 (a single article's own text would be
    its template) or ``min_share`` outside (0, 1], and ``TypeError`` for pages that are not
    :class:`Article` records.
    """
    check_thresholds(min_pages, min_share)
    learner = Learner()
    for page in pages:
        if not isinstance(page, Article):
            raise TypeError(
                f"learn_site takes parsed pages (Article), got {type(page).__name__}: "
                "parse them first, e.g. learn_site(parse(text) for text in texts)"
            )
        learner.add(page)
    return learner.profile(
        site=site if site is not None else learner.host(),
        min_pages=min_pages,
        min_share=min_share,
    )


def check_thresholds(min_pages: int, min_share: float) -> None:
    if min_pages < 2:
        raise ValueError(f"min_pages must be 2 or more, not {min_pages}")
    if not 0 < min_share <= 1:
        raise ValueError(f"min_share must be in (0, 1], not {min_share}")


@attrs.define(slots=True)
class _Stat:
    """What the learning pages said about one line (or shape): on how many pages, as what."""

    pages: int = 0
    content: int = 0  # pages where the parser read it as content
    dated: int = 0  # pages where the parser read it as a dateline or byline
    kinds: collections.Counter[BlockKind] = attrs.Factory(collections.Counter)
    example: str = ""
    variants: set[str] = attrs.Factory(set)  # different lines of one shape (two are enough)
    first: int = 0  # the page it was first seen on (for pruning)


@attrs.frozen(slots=True)
class _Page:
    """A learning page reduced to what learning needs."""

    seen: tuple[int, ...]  # template candidates on the page
    identity: frozenset[int]  # its content lines long enough to tell articles apart
    lines: frozenset[int]  # all its lines (to tell apart pages without such content)


class Learner:
    """Counts over pages for :func:`learn_site`. With ``prune``, lines seen once and not
    again for a few pages are forgotten, which keeps a corpus build's memory flat."""

    def __init__(self, *, prune: bool = False) -> None:
        self._prune = prune
        self._ids: dict[tuple[Form, str], int] = {}
        self._keys: dict[int, tuple[Form, str]] = {}
        self._stats: dict[int, _Stat] = {}
        self._next = 0
        self._pages: list[_Page] = []
        self._line_pages: collections.Counter[int] = collections.Counter()
        self._hosts: set[str | None] = set()

    @property
    def pages(self) -> int:
        return len(self._pages)

    def host(self) -> str | None:
        """The one host of the pages' sources, when every source is a URL of that host."""
        return next(iter(self._hosts)) if len(self._hosts) == 1 else None

    def add(self, article: Article) -> None:
        number = len(self._pages)
        self._hosts.add(host_of(article.source))
        kinds: dict[int, set[BlockKind]] = {}
        identity: set[int] = set()
        lines: set[int] = set()
        for block in article.blocks:
            text = block.text
            words = text.count(" ") + 1
            # Pages are told apart numbers aside: a page fetched again, its counters and
            # dates changed, still carries the same article.
            if words > _MAX_WORDS:
                mark = hash(shape_of(text))
            else:
                key = fold_key(text)
                shape = shape_of(key)
                mark = hash(shape)
                self._note(("line", key), None, block, number, kinds)
                if words <= SHAPE_WORDS:
                    if shape != key:
                        self._note(("shape", shape), key, block, number, kinds)
                    if TAIL_WORDS[0] <= words <= TAIL_WORDS[1]:
                        self._note(("tail", tail_of(shape)), shape, block, number, kinds)
            lines.add(mark)
            if block.kind in _IDENTITY_KINDS and words >= _IDENTITY_WORDS:
                identity.add(mark)
        for cid, found in kinds.items():
            stat = self._stats[cid]
            stat.pages += 1
            stat.kinds.update(found)
            stat.content += not found.isdisjoint(CONTENT_KINDS)
            stat.dated += not found.isdisjoint(_DATED)
        self._line_pages.update(lines)
        self._pages.append(_Page(tuple(kinds), frozenset(identity), frozenset(lines)))
        if self._prune and len(self._pages) % _PRUNE_EVERY == 0:
            self._forget(len(self._pages) - _PRUNE_EVERY)

    def _note(
        self,
        item: tuple[Form, str],
        variant: str | None,
        block: Block,
        number: int,
        kinds: dict[int, set[BlockKind]],
    ) -> None:
        text = block.text
        cid = self._ids.get(item)
        if cid is None:
            cid = self._ids[item] = self._next
            self._next += 1
            self._keys[cid] = item
            self._stats[cid] = _Stat(example=text, first=number)
        stat = self._stats[cid]
        stat.example = min(stat.example, text)  # the same whatever the order of the pages
        if variant is not None and len(stat.variants) < 2:
            stat.variants.add(variant)
        kinds.setdefault(cid, set()).add(block.kind)

    def _forget(self, before: int) -> None:
        stale = [c for c, s in self._stats.items() if s.pages <= 1 and s.first < before]
        for cid in stale:
            del self._stats[cid]
            del self._ids[self._keys.pop(cid)]

    def profile(self, *, site: str | None, min_pages: int, min_share: float) -> SiteProfile:
        roots = self._articles(min_share)
        by_article: dict[int, set[int]] = collections.defaultdict(set)
        for page, root in zip(self._pages, roots, strict=True):
            by_article[root].update(page.seen)
        counts = collections.Counter(cid for seen in by_article.values() for cid in seen)
        articles = len(by_article)
        lines = []
        for cid, count in counts.items():
            if count >= min_pages and cid in self._stats:
                entry = self._entry(cid, count, articles, min_share)
                if entry is not None:
                    lines.append(entry)
        return SiteProfile(
            site=site,
            pages=len(self._pages),
            articles=articles,
            min_pages=min_pages,
            min_share=min_share,
            lines=lines,
        )

    def _entry(self, cid: int, count: int, articles: int, share: float) -> TemplateLine | None:
        form, key = self._keys[cid]
        stat = self._stats[cid]
        if key.count(" ") + 1 > _PROSE_WORDS:
            share = max(share, _PROSE_SHARE)
        if count < share * articles - _EPSILON:
            return None
        if 2 * stat.dated >= stat.pages:
            return None  # every article's dateline has this shape; a prolific author signs
        if form != "line" and len(stat.variants) < 2:
            return None  # one line: its "line" entry says it
        read_as = _most_common(stat.kinds, CONTENT_KINDS) if 2 * stat.content > stat.pages else None
        if read_as is not None and form != "line":
            # The same numbered line on many articles' pages is the article's own text
            # ("Kỳ 3", a dated headline); only a line repeated word for word is chrome.
            return None
        return TemplateLine(
            key=key,
            form=form,
            kind=_most_common(stat.kinds, _NOISE_KINDS) or BlockKind.NAVIGATION,
            pages=count,
            example=stat.example,
            read_as=read_as,
        )

    def _articles(self, min_share: float) -> list[int]:
        """Each page's article, as the index of one page of it (pages whose own lines are
        mostly the same carry one article)."""
        total = len(self._pages)
        owns = [self._own(page, total, min_share) for page in self._pages]
        parent = list(range(total))
        postings: dict[int, list[int]] = collections.defaultdict(list)
        empty: int | None = None
        for number, own in enumerate(owns):
            if not own:  # nothing of its own: all such pages are one page
                empty = number if empty is None else _union(parent, empty, number)
            for mark in own:
                postings[mark].append(number)
        tried: set[tuple[int, int]] = set()  # two pages share many lines: compare them once
        for pages in postings.values():
            if not 2 <= len(pages) <= _MAX_COPIES:
                continue
            for i, first in enumerate(pages):
                for second in pages[i + 1 :]:
                    if (first, second) in tried or _find(parent, first) == _find(parent, second):
                        continue
                    tried.add((first, second))
                    if _jaccard(owns[first], owns[second]) >= _SAME_ARTICLE:
                        _union(parent, first, second)
        return [_find(parent, number) for number in range(total)]

    def _own(self, page: _Page, total: int, min_share: float) -> frozenset[int]:
        """The lines that make the page's article: its long content lines that are not on
        nearly every page, else its lines that are not on most pages."""
        own = frozenset(m for m in page.identity if self._line_pages[m] < _PROSE_SHARE * total)
        if own:
            return own
        return frozenset(m for m in page.lines if self._line_pages[m] < min_share * total)


def _most_common(
    kinds: collections.Counter[BlockKind], among: frozenset[BlockKind]
) -> BlockKind | None:
    found = [(count, -_KIND_ORDER[kind], kind) for kind, count in kinds.items() if kind in among]
    return max(found)[2] if found else None


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b)


def _find(parent: list[int], item: int) -> int:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: list[int], a: int, b: int) -> int:
    low, high = sorted((_find(parent, a), _find(parent, b)))
    parent[high] = low
    return low


# -- sites -------------------------------------------------------------------------------


def host_of(url: str | None) -> str | None:
    """The host of an http(s) URL, lower case, without ``www.``; ``None`` for anything else.

    Subdomains stay apart (``ione.vnexpress.net`` is not ``vnexpress.net``): a site's
    subdomains often run templates of their own, and mixing two templates halves the
    share of each.
    """
    if not url or "://" not in url:
        return None
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return None
    host = parts.hostname
    if parts.scheme.lower() not in {"http", "https"} or not host:
        return None
    return host.removeprefix("www.")


def site_of(document: Document) -> str | None:
    """The host of a document's URL (or of its source, when that is a URL), else ``None``."""
    return host_of(document.url) or host_of(document.source)


def _signature(text: str) -> frozenset[str]:
    """A page's short lines, folded: its menus and labels, which its site repeats."""
    lines = (normalize_text(line) for line in text.splitlines())
    return frozenset(
        fold_key(line) for line in lines if line and line.count(" ") < _SIGNATURE_WORDS
    )


class Sorter:
    """Puts documents into sites: by host when they have a URL, else by the short lines
    they share with the first page of a site (``limit``: how many such sites are kept)."""

    def __init__(self, *, limit: int | None = None) -> None:
        self._limit = limit
        self._groups: collections.OrderedDict[int, frozenset[str]] = collections.OrderedDict()
        self._index: dict[str, set[int]] = collections.defaultdict(set)
        self._next = 0

    def key(self, document: Document) -> str:
        """The site of ``document``: its host, or ``#N`` for the N-th site without one."""
        host = site_of(document)
        if host is not None:
            return host
        signature = _signature(document.text)
        group = self._match(signature)
        if group is None:
            group = self._add(signature)
        self._groups.move_to_end(group)
        return f"#{group}"

    def _match(self, signature: frozenset[str]) -> int | None:
        candidates: set[int] = set()
        for line in signature:
            groups = self._index.get(line)
            if groups and len(groups) <= _GENERIC_LINE_SITES:
                candidates.update(groups)
        best: tuple[float, int] | None = None
        for group in candidates:
            score = len(signature & self._groups[group]) / len(signature | self._groups[group])
            if score >= _SAME_SITE and (best is None or (score, -group) > (best[0], -best[1])):
                best = (score, group)
        return best[1] if best is not None else None

    def _add(self, signature: frozenset[str]) -> int:
        group = self._next
        self._next += 1
        self._groups[group] = signature
        for line in signature:
            self._index[line].add(group)
        if self._limit is not None and len(self._groups) > self._limit:
            old, lines = self._groups.popitem(last=False)
            for line in lines:
                self._index[line].discard(old)
                if not self._index[line]:
                    del self._index[line]
        return group


def group_sites(documents: Iterable[Document]) -> list[tuple[str | None, list[Document]]]:
    """Split documents into sites: ``(host, pages)`` for pages with a URL (``Document.url``,
    or a source that is one), ``(None, pages)`` for each group of pages without one whose
    short lines (menus, labels) overlap strongly.

    Sites come in the order their first page does, pages in input order. Which pages go
    together does not depend on the order of the documents.
    """
    items = list(documents)
    keys: dict[int, str] = {}
    sorter = Sorter()
    hosts = [site_of(document) for document in items]
    anonymous = sorted((i for i, h in enumerate(hosts) if h is None), key=lambda i: items[i].hash)
    for index in anonymous:  # in an order of their own, so the input order does not matter
        keys[index] = sorter.key(items[index])
    groups: dict[str, tuple[str | None, list[Document]]] = {}
    for index, (document, host) in enumerate(zip(items, hosts, strict=True)):
        key = host if host is not None else keys[index]
        groups.setdefault(key, (host, []))[1].append(document)
    return list(groups.values())
