"""HTML in: the page's visible text, line by line as a browser's innerText gives it, with
evidence from the markup for the one classifier (needs ``pip install diplocorpus[html]``).

Block elements make lines, ``<p>`` and headings blank lines around them, table cells tabs;
scripts, styles, templates and hidden elements (``hidden``, ``display:none``) are left out.

The element that holds the article's text is found first (``_htmlstructure``). Each line
then carries :class:`Evidence`: whether it is inside that element, a photo right above it,
its heading level, italics, all link text. The markup adds evidence, never a second
classifier, and where it speaks depends on that element:

- anywhere, an element's own meaning: a ``<figcaption>`` is a caption, a ``<time>`` a
  dateline;
- outside the article's element, also ``<nav>``, ``<aside>``, a page-level ``<header>`` or
  ``<footer>``, class and id words ("related", "tags", "share", "breadcrumb"... in
  ``dom_hints``), the cards of a list and blocks of links: the line gets that kind where
  no rule of the text names it first;
- inside it, class and id words are weak: they make no line noise by themselves, and a
  caption only of a caption-shaped line right under a photo; a line that is all link text
  is a link to another article, unless it is a heading. The class words of the article's
  element and of the elements around it describe the page's layout, not its lines.

The markup's metadata (``_htmlmarkup``) fills what the text lacks. Where the parser cannot
read the whole page (nested deeper than 2048 levels), the article's notes say so.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, NamedTuple

from ._article import build_article
from ._dates import VIETNAM_TZ
from ._errors import InputError, MissingDependencyError, NotTextError
from ._htmlmarkup import read_markup, with_markup
from ._htmlstructure import (
    BLANK_LINE_TAGS,
    BLOCK_TAGS,
    SKIP_TAGS,
    Structure,
    hidden,
    link_share,
    structure,
)
from ._knobs import PHOTO_CAPTION_WORDS
from ._lexicon import Lexicon
from ._load import decode
from ._models import Article, BlockKind, DateValue
from ._page import LINK_LINE, Evidence, Label
from ._profile import SiteProfile
from ._text import (
    check_size,
    normalize_text,
    reject_nul,
    replace_surrogates,
    surrogate_note,
)

__all__ = ["html_to_text", "parse_html"]

_log = logging.getLogger("diplocorpus")

_CELL = frozenset({"td", "th"})
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
# An XHTML page's XML declaration, and the encoding it names.
_XML_ENCODING = re.compile(
    rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml[^>]{0,300}\?>")
# A DOCTYPE's internal subset (<!DOCTYPE html [ <!ENTITY x "y"> ]>): the HTML parser ends the
# DOCTYPE at its first ">" and the rest ("]>") would be text. Dropped, the DOCTYPE kept.
_INTERNAL_SUBSET = re.compile(
    r"(\A\ufeff?(?:\s|<!--.*?-->)*<!DOCTYPE\b[^\[>]*)\[.*?\]\s*>", re.IGNORECASE | re.DOTALL
)
# The HTML rule: a page whose <meta> could be read as ASCII is not UTF-16, it means UTF-8.
_UTF16_LABELS = frozenset({"utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2"})
_LANDMARKS = {"nav": BlockKind.NAVIGATION, "aside": BlockKind.RELATED}
_ARTICLE_WORDS = ("article", "content", "detail", "post", "story", "main", "body")
_LINK_SHARE = 0.8
_LINK_LINE_WORDS = 25
_ITALIC_SHARE = 0.8
_ITALIC = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_SECTIONS = frozenset({"article", "main"})
_OWN_MEANING = frozenset({"figcaption", "time", "nav", "aside", "header", "footer"})
_ITALIC_TAGS = frozenset({"em", "i"})
_ORIGIN_DEPTH = 4  # a line's origin: its element and three around it
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def html_to_text(html: str | bytes, *, encoding: str | None = None) -> str:
    """The visible text of an HTML page, one block a line, as a browser's innerText gives it.

    >>> html_to_text("<h1>Tiêu đề</h1><p>Đoạn <b>một</b>.</p><script>x()</script><p>Hai</p>")
    'Tiêu đề\\n\\nĐoạn một.\\n\\nHai'
    """
    tree, lost = _read(html, encoding)
    if lost is not None:
        _log.warning("html_to_text: %s", lost)
    rows = _Walker(None, None).lines(tree)
    return unicodedata.normalize("NFC", "\n".join(text for text, _origin, _ev in rows))


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

    Structure first: the element that holds the article's text is found by its paragraphs
    (their length and commas, less the share of link text; ``itemprop="articleBody"`` and
    the main ``<h1>`` anchor it), and class and id words only count outside it. The markup's
    headline, date and authors are evidence and fill what the text lacks. Bytes are decoded
    as ``encoding`` says, else by their byte-order mark, ``<meta charset>`` (``utf-16``
    there means UTF-8, the HTML rule) or the XML declaration, then detection; a NUL in the
    page is a :class:`BinaryContentError`, and a page longer than 20 million characters
    (``MAX_INPUT_CHARS``) an :class:`InputTooLargeError`, before any work. Each
    block records in ``origin`` where in the page it came from. ``site`` is the site's
    learned template (see :func:`learn_site`).
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    tree, lost = _read(html, encoding, source=source)
    surrogates = surrogate_note(html) if isinstance(html, str) else None
    markup = read_markup(tree)
    rows = _Walker(lex, structure(tree, markup)).lines(tree)
    lines = [normalize_text(text) for text, _o, _e in rows]
    article = build_article(
        lines,
        source=source or url,
        published=published,
        default_tz=default_tz,
        lexicon=lex,
        evidence=[ev for _t, _o, ev in rows],
        origins=[origin for _t, origin, _e in rows],
        site=site,
        headlines=markup.headlines,
        notes=[note for note in (surrogates, lost) if note is not None],
    )
    return with_markup(article, markup, default_tz, lex)


# -- markup to lines -----------------------------------------------------------------------


def _tree(html: str | bytes, encoding: str | None, *, source: str | None = None) -> Any:
    return _read(html, encoding, source=source)[0]


def _read(
    html: str | bytes, encoding: str | None, *, source: str | None = None
) -> tuple[Any, str | None]:
    """The page's tree, and what of the page the parser could not read, if anything."""
    if not isinstance(html, (str, bytes)):
        raise NotTextError(f"expected str or bytes, got {type(html).__name__}", source=source)
    check_size(html, source=source)
    try:
        import lxml.etree  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise MissingDependencyError(
            "HTML input needs lxml: pip install 'diplocorpus[html]'"
        ) from exc
    if isinstance(html, bytes):
        html = _decoded(html, encoding, source or "<html>")
        check_size(html, source=source)
    # A lone surrogate would stop libxml2 there, silently: replaced, as parse replaces it.
    html = replace_surrogates(html)
    reject_nul(html, source, "NUL byte in the HTML: this is binary data, not a page")
    # lxml refuses a str that declares its encoding: the bytes are decoded already.
    html = _XML_DECLARATION.sub("", html, count=1)
    html = _INTERNAL_SUBSET.sub(r"\1>", html, count=1)
    # lxml's own elements: lxml.html's element classes cost a Python call for every
    # element the walk touches, and nothing here needs their methods. huge_tree: pages
    # nest deeper than libxml2's default limit (256 levels) and would lose what is below.
    parser = lxml.etree.HTMLParser(huge_tree=True)
    if not html.strip():
        return lxml.etree.fromstring("<html><body></body></html>", parser), None
    try:
        tree = lxml.etree.fromstring(html, parser)
    except Exception as exc:  # lxml raises XMLSyntaxError, ValueError
        raise InputError(f"cannot read this HTML: {exc}", source=source) from exc
    if tree is None:
        raise InputError("cannot read this HTML: Document is empty", source=source)
    return tree, _lost(parser.error_log)


def _lost(errors: Any) -> str | None:
    """What the parser's fatal error (it stops reading there) says, or ``None``: libxml2
    recovers from broken markup but not from a page nested too deep."""
    fatal = next((e for e in errors if e.level_name == "FATAL"), None)
    if fatal is None:
        return None
    # ("Excessive depth in document: 2048, use XML_PARSE_HUGE option": it is in use)
    why = fatal.message.split(", use XML_PARSE_HUGE")[0].strip()
    return (
        f"the HTML parser stopped at line {fatal.line}, column {fatal.column} ({why}): "
        "the text after it is lost"
    )


def _decoded(data: bytes, encoding: str | None, source: str) -> str:
    """The page's bytes decoded: as ``encoding`` says, else by a byte-order mark, else as
    ``<meta charset>`` or the XML declaration says, else as :func:`decode` finds."""
    if encoding is None and data.startswith(_BOM_STARTS):
        return decode(data, source=source)[0]  # the byte-order mark decides
    declared = encoding or _declared_charset(data)
    try:
        return decode(data, source=source, encoding=declared)[0]
    except InputError:
        return decode(data, source=source)[0]


_BOM_STARTS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    if match is not None:
        charset = match.group(1).decode("ascii").lower()
        return "utf-8" if charset in _UTF16_LABELS else charset
    match = _XML_ENCODING.match(data[:1024])
    return match.group(1).decode("ascii").lower() if match else None


class _Walker:
    """Walks the page once, as innerText does: a block ends a line, a paragraph leaves a blank
    line, runs of white space are one space; and says, line by line, what the markup shows
    (see :class:`Evidence`)."""

    def __init__(self, lex: Lexicon | None, structure: Structure | None) -> None:
        self.lex = lex
        self.structure = structure
        self.shown = structure.sizes if structure is not None else None
        self.article = structure.article if structure is not None else None
        # The article's element and the elements around it: their class words describe
        # the page's layout ("has-image", "sidebar-left"), not the lines inside them.
        self.wrappers = (
            {id(self.article), *(id(a) for a in self.article.iterancestors())}
            if self.article is not None
            else set()
        )
        self.root: Any = None
        self.rows: list[tuple[str, str | None, Evidence | None]] = []
        self.parts: list[str] = []
        self.started = False  # the current line has a character that is not white space
        self.origin: Any = None  # the element whose text (or child's tail) starts the line
        self.said: _Context | None = None  # what the markup says of the line's first text
        self.photo_above = False  # and whether a photo is right above it
        self.breaks = 0
        self.blank = False
        self.photo = False
        self.linked = 0  # characters of the current line inside links
        self.slanted = 0  # and in italics
        # What an element's class and id words say, once for every distinct pair.
        self.marks: dict[tuple[str, str], tuple[Label | None, bool]] = {}
        self.names: dict[Any, str] = {}  # an element's tag and first class word
        self.inner = lex.derived("html_inner_words", _inner_words) if lex is not None else None

    def lines(self, tree: Any) -> list[tuple[str, str | None, Evidence | None]]:
        """(line text, origin, evidence) for every line, blank lines included (as "")."""
        body = tree.find("body")
        root = body if body is not None else tree
        self.root = root
        self._walk(root)
        self.breaks = max(self.breaks, 1)
        self._end_line()
        return self.rows

    def _walk(self, root: Any) -> None:
        """Depth first, in document order, on a stack of its own (a page may nest deeper
        than Python's): an element's text, each child with its tail, then its end."""
        context = self._enter(root, _Context())
        if context is None:
            return
        # The open elements: each with what the markup says inside it and its children
        # not yet walked.
        stack: list[tuple[Any, _Context, Iterator[Any]]] = [(root, context, iter(root))]
        while stack:
            parent, context, children = stack[-1]
            for child in children:
                inner = self._enter(child, context)
                if inner is not None:
                    stack.append((child, inner, iter(child)))
                    break
                self._after(child, parent, context)  # a child not shown: its tail only
            else:
                stack.pop()
                tag = parent.tag
                if tag in BLOCK_TAGS:
                    self.brk(1)
                elif tag in BLANK_LINE_TAGS:
                    self.brk(2)
                if stack:
                    self._after(parent, stack[-1][0], stack[-1][1])

    def _enter(self, element: Any, outer: _Context) -> _Context | None:
        """The element's own text, and what the markup says inside it; ``None`` for an
        element a browser does not show (or a comment)."""
        if self.shown is not None:
            if element not in self.shown:
                return None  # the structure's pass knows the visible elements
        else:
            tag = element.tag
            if not isinstance(tag, str) or tag in SKIP_TAGS or hidden(element):
                return None
        tag = element.tag
        context = self._context(element, tag, outer)
        if tag == "img":
            self.photo = True
        if tag in BLOCK_TAGS or tag == "br":
            self.brk(1)
        elif tag in BLANK_LINE_TAGS:
            self.brk(2)
        text = element.text
        if text:
            self.text(text, element, context)
        return context

    def _after(self, child: Any, parent: Any, context: _Context) -> None:
        """What follows a child inside its parent: a tab after a table cell, its tail."""
        if child.tag in _CELL:
            self.text("\t", parent, context)
        tail = child.tail
        if tail:
            self.text(tail, parent, context)

    def _context(self, element: Any, tag: str, outer: _Context) -> _Context:
        """What the element and its ancestors say about the text inside (the nearest
        element that says something decides); ``outer`` itself when the element adds
        nothing."""
        inside = outer.inside
        if self.article is not None:
            if element is self.article:
                inside = True
            elif inside is None:
                inside = False
        words = (element.get("class", ""), element.get("id", ""))
        marks = self.marks.get(words)
        if marks is None:
            marks = self.marks[words] = (
                _marked(words, self.lex, self.inner) if self.lex is not None else None,
                any(word in _ARTICLE_WORDS for word in _words(words)),
            )
        sectioned = outer.sectioned or tag in _SECTIONS
        in_article = outer.in_article or sectioned or marks[1]
        heading = _HEADINGS.get(tag, outer.heading)
        label, strong = outer.label, outer.strong
        if self.lex is not None:
            # Where the article's element was found, being inside it is what makes text
            # the article's; class and id words that say "article" ("main", "content",
            # "post"...) count only where it was not, for they may wrap the page.
            scope = inside is True if self.article is not None else in_article
            marked = marks[0] if id(element) not in self.wrappers else None
            mark = self._mark(element, tag, marked, scope, outer)
            if mark is not None:
                label, strong = mark
        link = outer.link or tag == "a"
        italic = outer.italic or tag in _ITALIC_TAGS
        if not italic:
            style = element.get("style")
            italic = style is not None and _ITALIC.search(style) is not None
        if (
            label is outer.label
            and strong is outer.strong
            and inside is outer.inside
            and in_article is outer.in_article
            and sectioned is outer.sectioned
            and heading == outer.heading
            and link is outer.link
            and italic is outer.italic
        ):
            return outer
        return _Context(label, strong, inside, in_article, sectioned, heading, link, italic)

    def _mark(
        self, element: Any, tag: str, marked: Label | None, scope: bool, outer: _Context
    ) -> tuple[Label, bool] | None:
        """The kind the element gives the text inside it, if any, and whether its own
        meaning says so (``marked``: what its class and id words say; ``scope``: whether
        the text is the article's, see :meth:`_context`)."""
        if tag in _OWN_MEANING:
            if tag == "figcaption":
                return (BlockKind.CAPTION, "inside <figcaption>"), True
            if tag == "time":
                return (BlockKind.DATELINE, "inside <time>"), True
            if tag in _LANDMARKS:
                return (_LANDMARKS[tag], f"inside <{tag}>"), False
            # A <header> or <footer> is no <article> or <main>: the section is the outer's.
            if not (scope or outer.sectioned):
                landmark = BlockKind.FOOTER if tag == "footer" else BlockKind.NAVIGATION
                return (landmark, f"inside the page's <{tag}>"), False
        if marked is not None:
            return marked, False
        if scope or self.structure is None or outer.label is not None:
            return None  # shape alone, and only where nothing else has said what a line is
        if id(element) in self.structure.cards:
            return (
                BlockKind.RELATED,
                "one of a run of same-shaped items outside the article",
            ), False
        if tag in BLOCK_TAGS and link_share(element, self.structure.sizes) >= _LINK_SHARE:
            return (BlockKind.RELATED, "a block of links outside the article"), False
        return None

    def text(self, text: str, owner: Any, context: _Context) -> None:
        """A piece of text inside ``owner``, which ``context`` describes."""
        if not text:
            return
        if self.breaks:
            if not text.strip():
                return  # white space between blocks: the break stands for it
            self._end_line()
        if not self.started:
            self.origin = owner
            self.said, self.photo_above = context, self.photo
            self.started = bool(text.strip())
            self.photo = self.photo and not self.started
        if context.link:
            self.linked += len(text.strip())
        if context.italic:
            self.slanted += len(text.strip())
        self.parts.append(text)

    def _linked(self, line: str) -> Evidence | None:
        """The line's evidence, saying it is a link to another article when nearly all of
        a short line is link text (inside the article too: that is structure, not a word)."""
        said = self.said
        if self.lex is None or said is None:
            return None
        label, strong, inside, heading = said.label, said.strong, said.inside, said.heading
        photo, link = self.photo_above, False
        chars = len(line.replace(" ", ""))
        italic = self.slanted >= _ITALIC_SHARE * chars
        if (
            label is not None
            and label[0] is BlockKind.CAPTION
            and not strong
            and inside is not False
            and not (photo and not heading and len(line.split()) <= PHOTO_CAPTION_WORDS)
        ):
            # Only class or id words call a line of the article (or of a page whose article
            # was not found) a caption, and it is not shaped like a photo's caption right
            # under a photo: "caption" in a class may be the article's wrapper
            # ("has-caption"), or a photo's, or a credit's.
            label = None
        if label is not None and inside is not True:
            pass  # outside the article, the markup's own evidence stands
        elif len(line.split()) > _LINK_LINE_WORDS or self.linked < _LINK_SHARE * chars:
            pass
        elif label is not None:
            # The line is all links: noise. The element's class words, too weak to make it
            # noise alone, may still say what noise ("social-share": a widget).
            strong = link = True
        elif heading and inside is not False:
            # A heading of the article that is a link (WordPress links the entry title to
            # itself) is still a heading: its text and place decide, as for any other.
            link = True
        else:
            label, strong, link = (BlockKind.RELATED, LINK_LINE), True, True
        return Evidence(
            label=label,
            strong=strong,
            inside=inside,
            photo=photo,
            heading=heading,
            italic=italic,
            link=link,
        )

    def _origin(self, owner: Any) -> str:
        """Where the line comes from: its element and the (up to three) elements around it
        inside the walk's root, each by its tag and first class word."""
        names = [self._name(owner)]
        while len(names) < _ORIGIN_DEPTH and owner is not self.root:
            owner = owner.getparent()
            names.append(self._name(owner))
        return " > ".join(reversed(names))

    def _name(self, element: Any) -> str:
        name = self.names.get(element)
        if name is None:
            classes = element.get("class", "").split()
            name = self.names[element] = element.tag + (f".{classes[0]}" if classes else "")
        return name

    def brk(self, count: int) -> None:
        self.breaks = max(self.breaks, count)

    def _end_line(self) -> None:
        line = " ".join("".join(self.parts).split())
        if line:
            if self.blank and self.rows:
                self.rows.append(("", None, None))
            self.rows.append((line, self._origin(self.origin), self._linked(line)))
            self.blank = False
        self.linked = self.slanted = 0
        self.blank = self.blank or self.breaks >= 2
        self.parts, self.breaks, self.started = [], 0, False


class _Context(NamedTuple):
    """What the markup around a piece of text says of it, handed down the tree."""

    label: Label | None = None
    strong: bool = False
    inside: bool | None = None
    in_article: bool = False  # inside an element whose tag, class or id says "article"
    sectioned: bool = False  # inside an <article> or <main>
    heading: int = 0
    link: bool = False
    italic: bool = False


def _marked(words: tuple[str, str], lex: Lexicon, inner: re.Pattern[str] | None) -> Label | None:
    """The kind an element's class or id words (``words``) give it: "related",
    "tin-lien-quan", "jp-relatedposts" (a listed word of _INNER_LETTERS or more inside a
    longer one; ``inner`` finds whether a token holds any)."""
    index = lex.dom_hint_index
    for token in _words(words):
        for word in (token, *token.split("-")):
            if word in index:
                return BlockKind(index[word]), f"inside an element marked {token!r}"
        if inner is not None and inner.search(token) is None:
            continue
        for word, kind in index.items():
            if len(word) >= _INNER_LETTERS and word in token:
                return BlockKind(kind), f"inside an element marked {token!r}"
    return None


_INNER_LETTERS = 5


def _inner_words(lex: Lexicon) -> re.Pattern[str]:
    """A pattern that finds the listed class words that count inside a longer word."""
    words = sorted(w for w in lex.dom_hint_index if len(w) >= _INNER_LETTERS)
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


def _words(words: tuple[str, str]) -> list[str]:
    """The words of an element's class and id attributes (``words``)."""
    return [w for w in _WORD_BREAK.split(f"{words[0]} {words[1]}".lower()) if w]


_WORD_BREAK = re.compile(r"[\s_]+")
