"""HTML in, structure first: one pass over the page's tree finds the element that holds the
article's text (its paragraphs' length and commas, less their link text; cards of lists hold
none; widened to the main ``<h1>``; ``itemprop="articleBody"`` wins).

Its tag tables (what a browser does not show, what ends a line, what leaves a blank line
around it) are the walker's too (``_html``).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ._htmlmarkup import Markup, text_content
from ._knobs import TITLE_WORDS
from ._text import fold_key

__all__ = [
    "BLANK_LINE_TAGS",
    "BLOCK_TAGS",
    "SKIP_TAGS",
    "Structure",
    "hidden",
    "link_share",
    "structure",
]

SKIP_TAGS = frozenset(
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
BLOCK_TAGS = frozenset(
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
BLANK_LINE_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TEMPLATE_RUN = 3
# The article's element: the one whose paragraphs score highest (a paragraph of at least
# _PARAGRAPH_CHARS adds 1, its commas and a point a _SCORE_CHARS characters up to
# _SCORE_CAP, to its parent, half as much to its grandparent), less its share of link text.
_PARAGRAPH_TAGS = frozenset({"p", "td", "pre", "div", "li", "blockquote", "section"})
_PARAGRAPH_CHARS = 25
_SCORE_CHARS = 100
_SCORE_CAP = 3
_MIN_CONTAINER_SCORE = 3.0
_HEADLINE_WORDS = TITLE_WORDS - 2  # an <h1> shorter than this is no headline (a logo)


def _visible_elements(root: Any) -> list[Any]:
    """The elements a browser shows, parents before children (in document order: lxml's
    own iteration, which needs no stack of Python's)."""
    order = []
    unseen: set[Any] = set()  # the elements inside one a browser does not show
    for element in root.iter("*"):
        if element in unseen:
            continue
        if element.tag in SKIP_TAGS or hidden(element):
            unseen.update(element.iter("*"))  # once each: what is inside is skipped above
            continue
        order.append(element)
    return order


def hidden(element: Any) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return style is not None and _HIDDEN.search(style) is not None


@attrs.frozen(kw_only=True)
class Structure:
    """What the page's tree shows, computed once: every visible element's text and link
    text (characters), the cards of lists of other articles, and the article's element."""

    sizes: dict[Any, tuple[int, int]]
    cards: frozenset[int]  # ids of the elements that are one card of a list
    article: Any


def structure(tree: Any, markup: Markup) -> Structure:
    body = tree.find("body")
    root = body if body is not None else tree
    order = _visible_elements(root)
    sizes = _sizes(order)
    cards = _cards(root, order)
    return Structure(
        sizes=sizes, cards=cards, article=_article_element(tree, order, sizes, cards, markup)
    )


def _sizes(order: list[Any]) -> dict[Any, tuple[int, int]]:
    """For every visible element (``order``: parents before children): the characters of its
    text, and of the text of its links (one pass, children before parents)."""
    sizes: dict[Any, tuple[int, int]] = {}
    for element in reversed(order):
        text = len((element.text or "").strip())
        links = 0
        for child in element:
            found = sizes.get(child)  # a visible element (not a comment, not hidden)
            if found is not None:
                text += found[0]
                links += found[1]
            tail = child.tail
            if tail:
                text += len(tail.strip())
        # All the text of a link is link text.
        sizes[element] = (text, text) if element.tag == "a" else (text, links)
    return sizes


def _cards(root: Any, order: list[Any]) -> frozenset[int]:
    """The elements that are one of three or more siblings of the same tag and class, each
    with a link: the cards of a list of other articles (ids; one pass)."""
    linked = _holding_links(root)
    found: set[int] = set()
    for parent in order:
        if len(parent) < _TEMPLATE_RUN:
            continue
        groups: dict[tuple[str, str], list[Any]] = {}
        for child in parent:
            tag = child.tag
            if isinstance(tag, str):
                groups.setdefault((tag, child.get("class", "")), []).append(child)
        for items in groups.values():
            if len(items) >= _TEMPLATE_RUN and all(item in linked for item in items):
                found.update(id(item) for item in items)
    return frozenset(found)


def _holding_links(root: Any) -> set[Any]:
    """The elements that are or hold an ``<a>``, shown or not (one pass: each climb up from
    a link stops at an element already found)."""
    linked: set[Any] = set()
    for link in root.iter("a"):
        element = link
        while element is not None and element not in linked:
            linked.add(element)
            element = element.getparent()
    return linked


def _article_element(
    tree: Any,
    order: list[Any],
    sizes: dict[Any, tuple[int, int]],
    cards: frozenset[int],
    markup: Markup,
) -> Any:
    """The element that holds the article: the one with the best paragraphs (by length,
    commas and link text; a list's cards hold none), widened to take in the page's main
    headline when it sits just above the text; ``itemprop="articleBody"`` wins when
    present. ``None`` when no element holds enough prose."""
    marked = [e for e in order if (e.get("itemprop") or "").lower() == "articlebody"]
    if marked:
        return _with_headline(marked[0], tree, markup, sizes)
    in_cards: set[int] = set()
    scores: dict[Any, float] = {}
    for element in order:
        parent = element.getparent()
        if id(element) in cards or (parent is not None and id(parent) in in_cards):
            in_cards.add(id(element))
            continue
        if element.tag not in _PARAGRAPH_TAGS:
            continue
        own = _own_text(element, sizes)
        if len(own) < _PARAGRAPH_CHARS:
            continue
        score = 1 + own.count(",") + min(len(own) // _SCORE_CHARS, _SCORE_CAP)
        if parent is not None and parent in sizes:
            scores[parent] = scores.get(parent, 0.0) + score
            grandparent = parent.getparent()
            if grandparent is not None and grandparent in sizes:
                scores[grandparent] = scores.get(grandparent, 0.0) + score / 2
    ranked = [
        (score * (1 - link_share(element, sizes)), element) for element, score in scores.items()
    ]
    if not ranked:
        return None
    top, best = max(ranked, key=lambda pair: pair[0])
    if top < _MIN_CONTAINER_SCORE:
        return None
    return _with_headline(best, tree, markup, sizes)


def _own_text(element: Any, sizes: dict[Any, tuple[int, int]]) -> str:
    """The text an element shows itself, with its inline children but not its blocks."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child in sizes and child.tag not in BLOCK_TAGS:
            parts.append(text_content(child) if child.tag not in BLANK_LINE_TAGS else "")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def link_share(element: Any, sizes: dict[Any, tuple[int, int]]) -> float:
    text, links = sizes.get(element, (0, 0))
    return links / text if text else 0.0


def _with_headline(best: Any, tree: Any, markup: Markup, sizes: dict[Any, tuple[int, int]]) -> Any:
    """The article's element widened to the nearest ancestor that also holds the main
    headline (the ``<h1>`` the markup's headline names, else the only ``<h1>``), unless that
    ancestor is the whole page."""
    # A logo's <h1> (an image, the site's name) is no headline: it would widen the
    # article's element to the whole page.
    headings = [
        (h, key)
        for h in tree.iter("h1")
        if h in sizes and len((key := fold_key(text_content(h))).split()) >= _HEADLINE_WORDS
    ]
    wanted = [fold_key(h) for h in markup.headlines]
    named = [h for h, key in headings if any(w.startswith(key) for w in wanted)]
    heading = (named or ([headings[0][0]] if len(headings) == 1 else []) or [None])[0]
    if heading is None:
        return best
    ancestors = {id(a): a for a in best.iterancestors()}
    ancestors[id(best)] = best
    for candidate in heading.iterancestors():
        if id(candidate) in ancestors:
            if candidate.tag in {"body", "html"}:
                return best
            return candidate
    return best
