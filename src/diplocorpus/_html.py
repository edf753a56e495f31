"""HTML in: the page's visible text, line by line as a browser's innerText gives it, with
evidence from the markup for the one classifier (needs ``pip install diplocorpus[html]``).

Block elements make lines, ``<p>`` and headings blank lines around them, table cells tabs;
scripts, styles, templates and hidden elements (``hidden``, ``display:none``) are left out.
The markup adds evidence, never a second classifier: a line inside ``<nav>``, a page-level
``<header>``/``<footer>``, an ``<aside>``, a ``<figcaption>``, an element whose class or id
says "related", "tags", "share", "breadcrumb"... (``dom_hints``), or a block of links outside
the article, is given that kind where no rule of the text names it first. Metadata comes from
the text first; JSON-LD, Open Graph and ``<time datetime>`` fill what the text lacks, and a
disagreement is noted, never silently resolved.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import attrs
from dateutil import parser as du_parser

from ._article import build_article
from ._dates import VIETNAM_TZ, DateValue
from ._errors import InputError, MissingDependencyError
from ._lexicon import Lexicon
from ._load import decode
from ._models import Article, BlockKind
from ._site import SiteProfile
from ._text import normalize_text

__all__ = ["html_to_text", "parse_html"]

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "svg",
        "iframe",
        "object",
        "canvas",
        "select",
        "option",
    }
)
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "html",
    }
)
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_CELL = frozenset({"td", "th"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_LANDMARKS = {"nav": BlockKind.NAVIGATION, "aside": BlockKind.RELATED}
_ARTICLE_WORDS = ("article", "content", "detail", "post", "story", "main", "body")
_LINK_SHARE = 0.8
_TEMPLATE_RUN = 3
_NEWS_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNews", "BlogPosting", "AnalysisNewsArticle", "WebPage"}
)


@attrs.frozen(kw_only=True, slots=True)
class _Markup:
    """What the page's markup says about the article."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()


def html_to_text(html: str | bytes, *, encoding: str | None = None) -> str:
    """The visible text of an HTML page, one block a line, as a browser's innerText gives it.

    >>> html_to_text("<h1>Tiêu đề</h1><p>Đoạn <b>một</b>.</p><script>x()</script><p>Hai</p>")
    'Tiêu đề\\n\\nĐoạn một.\\n\\nHai'
    """
    lines = (text for text, _origin, _hint in _lines(_tree(html, encoding)))
    return unicodedata.normalize("NFC", "\n".join(lines))


def parse_html(
    html: str | bytes,
    *,
    source: str | None = None,
    url: str | None = None,
    published: DateValue | None = None,
    default_tz: dt.tzinfo = VIETNAM_TZ,
    lexicon: Lexicon | None = None,
    encoding: str | None = None,
    site: SiteProfile | None = None,
) -> Article:
    """Turn an HTML news page into the same :class:`Article` :func:`parse` makes of its text.

    Bytes are decoded by their byte-order mark, ``<meta charset>`` (or ``encoding``), then
    detection. Each block records in ``origin`` where in the page it came from.
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    tree = _tree(html, encoding, source=source)
    rows = list(_lines(tree, lex))
    lines = [normalize_text(text) for text, _o, _h in rows]
    markup = _markup(tree)
    article = build_article(
        lines,
        source=source or url,
        published=published,
        default_tz=default_tz,
        lexicon=lex,
        hints=[hint for _t, _o, hint in rows],
        origins=[origin for _t, origin, _h in rows],
        site=site,
    )
    return _with_markup(article, markup, default_tz)


# -- markup to lines -----------------------------------------------------------------------


def _tree(html: str | bytes, encoding: str | None, *, source: str | None = None) -> Any:
    try:
        import lxml.html  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise MissingDependencyError(
            "HTML input needs lxml: pip install 'diplocorpus[html]'"
        ) from exc
    if isinstance(html, bytes):
        declared = encoding or _declared_charset(html)
        try:
            text, _found = decode(html, source=source or "<html>", encoding=declared)
        except InputError:
            text, _found = decode(html, source=source or "<html>")
        html = text
    if not html.strip():
        return lxml.html.fromstring("<html><body></body></html>")
    try:
        return lxml.html.document_fromstring(html)
    except Exception as exc:  # lxml raises ParserError, XMLSyntaxError, ValueError
        raise InputError(f"cannot read this HTML: {exc}", source=source) from exc


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _lines(tree: Any, lex: Lexicon | None = None) -> Iterator[tuple[str, str | None, Any]]:
    """(line text, origin, hint) for every line, blank lines included (as "")."""
    out = _Emitter()
    body = tree.find("body")
    _walk(body if body is not None else tree, out, [], lex)
    yield from out.finish()


class _Emitter:
    """Collects text into lines the way innerText does: a block ends a line, a paragraph
    leaves a blank line, runs of white space are one space."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str | None, Any]] = []
        self.parts: list[str] = []
        self.origin: str | None = None
        self.hint: Any = None
        self.breaks = 0
        self.blank = False

    def text(self, text: str, origin: str, hint: Any) -> None:
        if not text:
            return
        if self.breaks:
            self._end_line()
        if not "".join(self.parts).strip():
            self.origin, self.hint = origin, hint
        self.parts.append(text)

    def brk(self, count: int) -> None:
        self.breaks = max(self.breaks, count)

    def _end_line(self) -> None:
        line = " ".join("".join(self.parts).split())
        if line:
            if self.blank and self.lines:
                self.lines.append(("", None, None))
            self.lines.append((line, self.origin, self.hint))
            self.blank = False
        self.blank = self.blank or self.breaks >= 2
        self.parts, self.breaks = [], 0

    def finish(self) -> list[tuple[str, str | None, Any]]:
        self.breaks = max(self.breaks, 1)
        self._end_line()
        return self.lines


def _walk(element: Any, out: _Emitter, path: list[Any], lex: Lexicon | None) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP or _hidden(element):
        return
    here = [*path, element]
    origin = _origin(here)
    hint = _hint(here, lex) if lex is not None else None
    if tag in _BLOCK:
        out.brk(1)
    elif tag in _PARAGRAPH:
        out.brk(2)
    elif tag == "br":
        out.brk(1)
    if element.text:
        out.text(element.text, origin, hint)
    for child in element:
        if isinstance(child.tag, str):
            _walk(child, out, here, lex)
            if child.tag in _CELL:
                out.text("\t", origin, hint)
        if child.tail:
            out.text(child.tail, origin, hint)
    if tag in _BLOCK:
        out.brk(1)
    elif tag in _PARAGRAPH:
        out.brk(2)


def _hidden(element: Any) -> bool:
    attrib = element.attrib
    return "hidden" in attrib or bool(_HIDDEN.search(attrib.get("style", "")))


def _origin(path: list[Any]) -> str:
    parts = []
    for element in path[-4:]:
        if not isinstance(element.tag, str):
            continue
        classes = element.attrib.get("class", "").split()
        parts.append(element.tag + (f".{classes[0]}" if classes else ""))
    return " > ".join(parts)


def _hint(path: list[Any], lex: Lexicon) -> tuple[BlockKind, str] | None:
    """What the markup says a line is, from its ancestors (the nearest decides)."""
    in_article = any(_is_article(e) for e in path)
    for element in reversed(path):
        tag = element.tag
        if tag == "figcaption":
            return BlockKind.CAPTION, "inside <figcaption>"
        if tag == "time":
            return BlockKind.DATELINE, "inside <time>"
        if tag in _LANDMARKS:
            return _LANDMARKS[tag], f"inside <{tag}>"
        if tag in {"header", "footer"} and not in_article:
            landmark = BlockKind.FOOTER if tag == "footer" else BlockKind.NAVIGATION
            return landmark, f"inside the page's <{tag}>"
        marked = _marked(element, lex)
        if marked is not None:
            return marked
    block = path[-1]
    if not in_article and _link_share(block) >= _LINK_SHARE:
        return BlockKind.RELATED, "a block of links outside the article"
    if not in_article and _repeated_template(path):
        return BlockKind.RELATED, "one of a run of same-shaped items outside the article"
    return None


def _repeated_template(path: list[Any]) -> bool:
    """True inside one of three or more siblings of the same tag and class that hold links:
    the cards of a list of other articles."""
    for element in reversed(path[1:]):
        parent = element.getparent()
        if parent is None:
            return False
        shape = (element.tag, element.attrib.get("class", ""))
        same = [c for c in parent if (c.tag, c.attrib.get("class", "")) == shape]
        if len(same) >= _TEMPLATE_RUN and all(next(c.iter("a"), None) is not None for c in same):
            return True
    return False


def _marked(element: Any, lex: Lexicon) -> tuple[BlockKind, str] | None:
    """The kind an element's class or id words give it: "related", "tin-lien-quan",
    "jp-relatedposts" (a listed word of five letters or more inside a longer one)."""
    index = lex.dom_hint_index
    for token in _words(element):
        for word in (token, *token.split("-")):
            if word in index:
                return BlockKind(index[word]), f"inside an element marked {token!r}"
        for word, kind in index.items():
            if len(word) >= 5 and word in token:
                return BlockKind(kind), f"inside an element marked {token!r}"
    return None


def _words(element: Any) -> list[str]:
    raw = f"{element.attrib.get('class', '')} {element.attrib.get('id', '')}".lower()
    return [w for w in re.split(r"[\s_]+", raw) if w]


def _is_article(element: Any) -> bool:
    if element.tag in {"article", "main"}:
        return True
    return any(word in _ARTICLE_WORDS for word in _words(element))


def _link_share(element: Any) -> float:
    text = " ".join(element.text_content().split())
    if not text:
        return 0.0
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return linked / len(text)


# -- markup metadata -----------------------------------------------------------------------


def _markup(tree: Any) -> _Markup:
    title = published = None
    authors: list[str] = []
    for node in tree.iter("script"):
        if (node.attrib.get("type") or "").lower() != "application/ld+json":
            continue
        for item in _json_ld(node.text or ""):
            title = title or _str(item.get("headline"))
            published = published or _str(item.get("datePublished"))
            authors = authors or _names(item.get("author"))
    metas = {
        (m.attrib.get("property") or m.attrib.get("name") or "").lower(): m.attrib.get("content")
        for m in tree.iter("meta")
    }
    title = title or metas.get("og:title")
    published = published or metas.get("article:published_time")
    if not authors and metas.get("author"):
        authors = [str(metas["author"])]
    if published is None:
        stamp = next(
            (t.attrib.get("datetime") for t in tree.iter("time") if t.attrib.get("datetime")), None
        )
        published = stamp
    return _Markup(title=title, published=published, authors=tuple(authors))


def _json_ld(text: str) -> Iterator[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
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


def _with_markup(article: Article, markup: _Markup, default_tz: dt.tzinfo) -> Article:
    """Fill what the text lacks from the markup; note where the two disagree."""
    notes = list(article.notes)
    changes: dict[str, Any] = {}
    if markup.title:
        if article.title is None:
            changes["title"] = markup.title
            notes.append("title from the page's markup (the text has no headline)")
        elif normalize_text(markup.title).casefold() != article.title.casefold():
            notes.append(f"the markup's headline differs: {markup.title!r}")
    stamp = _stamp(markup.published, default_tz)
    if stamp is not None:
        if article.published is None:
            changes["published"] = stamp
            notes.append("published date from the page's markup")
        elif _day(stamp) != _day(article.published):
            notes.append(f"the markup's date differs: {markup.published}")
    if markup.authors and not article.authors:
        changes["authors"] = markup.authors
        notes.append("authors from the page's markup")
    if not changes and notes == list(article.notes):
        return article
    return attrs.evolve(article, notes=notes, **changes)


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
