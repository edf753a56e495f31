"""HTML in, the markup's metadata: the headline, date and authors that JSON-LD, Open Graph,
``<meta>`` and ``<time datetime>`` give (:class:`Markup`), put in the article (:func:`with_markup`).

Metadata comes from the text first; JSON-LD, Open Graph and ``<time datetime>`` fill what
the text lacks, and a disagreement is noted, never silently resolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
from dateutil import parser as du_parser

from ._convert import JSONProblem, load_json
from ._lexicon import Lexicon
from ._meta import byline_names
from ._models import Article, DateValue
from ._text import fold_key, normalize_text

__all__ = ["Markup", "read_markup", "text_content", "with_markup"]

_NEWS_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNews", "BlogPosting", "AnalysisNewsArticle", "WebPage"}
)


@attrs.frozen(kw_only=True, slots=True)
class Markup:
    """What the page's markup says about the article."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    headlines: tuple[str, ...] = ()
    site_name: str | None = None
    #: What of the markup could not be read (a JSON-LD block Python's JSON cannot read).
    notes: tuple[str, ...] = ()


def read_markup(tree: Any) -> Markup:
    """The headline, date and authors the page's markup gives: JSON-LD first, then Open
    Graph and ``<meta>``, then ``<time datetime>``; every headline it gives (JSON-LD,
    Open Graph, ``<title>``) is kept as evidence for the title line."""
    title = published = None
    authors: list[str] = []
    notes: list[str] = []
    for node in tree.iter("script"):
        if (node.attrib.get("type") or "").lower() != "application/ld+json":
            continue
        for item in _json_ld(node.text or "", notes):
            title = title or _str(item.get("headline"))
            published = published or _str(item.get("datePublished"))
            authors = authors or _names(item.get("author"))
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.attrib.get("property") or meta.attrib.get("name") or meta.attrib.get("itemprop")
        content = meta.attrib.get("content")
        if key and content and content.strip():
            metas.setdefault(key.lower(), content)
    og_title = _str(metas.get("og:title"))
    title = title or og_title
    for key in ("article:published_time", "datepublished", "pubdate", "date"):
        published = published or metas.get(key)
    if not authors:
        authors = [metas[key] for key in ("author", "article:author") if key in metas][:1]
    if published is None:
        published = next(
            (t.attrib.get("datetime") for t in tree.iter("time") if t.attrib.get("datetime")), None
        )
    head = tree.find("head")
    tab = head.find("title") if head is not None else None
    tab_title = _str(text_content(tab)) if tab is not None else None
    headlines = tuple(dict.fromkeys(h for h in (title, og_title, tab_title) if h))
    # <title> is evidence for the headline line, not a headline to fill in: sites put their
    # own name or slogan there.
    return Markup(
        title=title,
        published=published,
        authors=tuple(normalize_text(a) for a in authors),
        headlines=headlines,
        site_name=_str(metas.get("og:site_name")),
        notes=tuple(notes),
    )


def _json_ld(text: str, notes: list[str]) -> Iterator[dict[str, Any]]:
    try:
        data = load_json(text)
    except JSONProblem as exc:
        # Broken JSON-LD is common and says nothing; JSON too long or deep for Python to
        # read is worth a word, as the block may hold the article's metadata.
        if not exc.reason.startswith("not JSON"):
            notes.append(f"a JSON-LD block left out: {exc.reason.split(': ')[0]}")
        return
    stack = data if isinstance(data, list) else [data]
    while stack:
        item = stack.pop(0)
        if not isinstance(item, dict):
            continue
        stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(k in _NEWS_TYPES for k in kinds):
            yield item


def _str(value: object) -> str | None:
    return normalize_text(value) if isinstance(value, str) and value.strip() else None


def _names(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(normalize_text(name))
    return names


def text_content(element: Any) -> str:
    """All the text inside an element, as lxml.html's ``text_content()`` gives it."""
    return "".join(element.itertext())


def with_markup(article: Article, markup: Markup, default_tz: dt.tzinfo, lex: Lexicon) -> Article:
    """Fill what the text of an article lacks from the markup; note where the two disagree.
    A page that is not an article takes nothing from it but the notes of what of the
    markup could not be read."""
    if markup.notes:
        article = attrs.evolve(article, notes=[*article.notes, *markup.notes])
    if not article.is_article:
        return article
    notes = list(article.notes)
    changes: dict[str, Any] = {}
    if markup.title:
        if article.title is None:
            changes["title"] = markup.title
            notes.append("title from the page's markup (the text has no headline)")
        elif not any(_same_headline(h, article.title) for h in markup.headlines):
            notes.append(f"the markup's headline differs: {markup.title!r}")
    stamp = _stamp(markup.published, default_tz)
    if stamp is not None:
        if article.published is None:
            changes["published"] = stamp
            notes.append("published date from the page's markup")
        elif _day(stamp) != _day(article.published):
            notes.append(f"the markup's date differs: {markup.published}")
    authors = _markup_authors(markup, lex)
    if authors and not article.authors:
        changes["authors"] = authors
        notes.append("authors from the page's markup")
    if not changes and notes == list(article.notes):
        return article
    return attrs.evolve(article, notes=notes, **changes)


def _same_headline(marked: str, title: str) -> bool:
    return fold_key(marked).startswith(fold_key(title))


def _markup_authors(markup: Markup, lex: Lexicon) -> tuple[str, ...]:
    """The markup's authors that are people: the names a byline of them gives, not the
    site or its company ("VCCorp.vn", "xinhxinh.com.vn")."""
    site = fold_key(markup.site_name) if markup.site_name else None
    names: list[str] = []
    for author in markup.authors:
        if site and fold_key(author) == site:
            continue
        names.extend(byline_names(author, lex) or ())
    return tuple(dict.fromkeys(names))


def _stamp(value: str | None, default_tz: dt.tzinfo) -> DateValue | None:
    if not value:
        return None
    try:
        stamp = du_parser.isoparse(value.strip())
    except ValueError:
        return None
    if "T" not in value and " " not in value.strip():
        return stamp.date()
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=default_tz)


def _day(value: object) -> str:
    iso = getattr(value, "isoformat", None)
    return str(iso())[:10] if callable(iso) else ""
