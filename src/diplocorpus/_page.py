"""The lines of a page as the classifier sees them: text, size, shape and neighbours.

Each fact about a line is computed once, here, and read by the line rules (``_rules``), the
structures (``_structures``) and the article's layout (``_layout``, ``_zone``,
``_headline``, ``_photos``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from ._knobs import BODY_WORDS, DESCRIPTION_WORDS, MENU_WORDS, SENTENCE_WORDS
from ._lexicon import Lexicon
from ._meta import (
    HeaderLine,
    byline_names,
    header_parts,
    split_attribution,
    split_credit,
    starts_with_phrase,
)
from ._models import BlockKind
from ._text import fold_key

__all__ = [
    "CLOSERS",
    "HEADLINE_COPY",
    "LINK_LINE",
    "PHOTO_KINDS",
    "RUN_OF_HEADLINES",
    "SMILEY",
    "Card",
    "Evidence",
    "Label",
    "Line",
    "Listed",
    "Repeated",
    "Soft",
    "Zone",
    "byline_form",
    "consecutive",
    "content_words",
    "dated",
    "describes",
    "is_kind",
    "is_photo",
    "menu_item",
    "page_lines",
    "real_words",
    "soft",
    "strip_alt_number",
]

Label = tuple[BlockKind, str]
# The reason HTML input gives a short line that is all link text.
LINK_LINE = "a line that is all link text: a link to another article"

_HEAD_WORDS = 8
_FOLD_CHARS = 400  # only lines this short are folded and compared with the lexicon
_HEADLINE_WORDS = (3, 40)
# What may close a line after its last word: quotes, brackets, a table's cell bar.
CLOSERS = " \"'”’»)]|"
# A word of letters, with the combining tone marks that folded text keeps.
_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")
_URL = re.compile(r"https?://|www\.|\w\.(?:com|vn|net|org)/\S", re.IGNORECASE)
_LABEL_SEPARATORS = re.compile(r"\s+[-–—/|]\s+|\s*[|/]\s*")
SMILEY = re.compile(r"[:;=][-']?[()DPpOo3\]\[|/\\]+|:[a-z]{2,8}:|\^\^")


def _may_give_url(text: str) -> bool:
    """A quick test before the search for a web address: every address ``_URL`` finds has
    a slash or "ww" (in either case) in it."""
    return "/" in text or "ww" in text or "WW" in text or "wW" in text or "Ww" in text


@attrs.frozen(kw_only=True, slots=True)
class Evidence:
    """What a page's markup says about one of its lines.

    ``label`` is the kind the markup gives it (a ``<figcaption>`` is a caption, a line in a
    ``<nav>`` navigation, a class word "related" related), ``strong`` when the element's
    own meaning says so rather than its class or id words; ``inside`` whether the line is
    in the element that holds the article's text (``None``: no such element was found);
    ``photo`` that an image is right above it; ``heading`` its heading level (1 for
    ``<h1>``, 0 for none); ``italic`` that it is set in italics, as captions are;
    ``link`` that it is all link text.
    """

    label: Label | None = None
    strong: bool = False
    inside: bool | None = None
    photo: bool = False
    heading: int = 0
    italic: bool = False
    link: bool = False


@attrs.define(slots=True)
class Line:
    """One non-blank line of a page, and the facts about its shape (computed once)."""

    index: int  # position among the non-blank lines
    number: int  # 1-based line number in the input
    text: str
    words: int
    glued_above: bool  # no blank line between it and the line above
    glued_below: bool = False
    repeats: int = 1  # how many lines of the page fold to the same key
    evidence: Evidence | None = None  # what the markup says, for HTML input
    # The text before the source a paragraph names in brackets at its end, and the source
    # ("... tới.", "TTXVN" of "... tới. (TTXVN)"; see split_attribution), if it names one.
    attribution: tuple[str, str] | None = None
    # The last character that is not a closing quote or bracket (nor a smiley after the
    # sentence: "... cũng mê. :P", nor the source named after it: "... tới. (TTXVN)").
    final: str = attrs.field(init=False)
    has_url: bool = attrs.field(init=False)  # the line gives a web address
    # Shaped like a headline: a few words, no final stop, a capital or digit first, no URL.
    headline_like: bool = attrs.field(init=False)
    # Shaped like a paragraph: long, or a sentence with its final stop.
    body_like: bool = attrs.field(init=False)
    # The folded key of a short line, to match the lexicon's phrases and find the line's
    # copies; long lines fold to "" and match no phrase.
    fold: str = attrs.field(init=False)
    # What the metadata readers found in the line, each read at most once per parse (see
    # credit and header): empty until read, then the one result.
    _credit: tuple[tuple[str, str] | None, ...] = attrs.field(init=False, default=(), eq=False)
    _caption_credit: tuple[tuple[str, str] | None, ...] = attrs.field(
        init=False, default=(), eq=False
    )
    _header: tuple[HeaderLine | None, ...] = attrs.field(init=False, default=(), eq=False)
    _head: str | None = attrs.field(init=False, default=None, eq=False)
    _letter_words: frozenset[str] | None = attrs.field(init=False, default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        text = self.prose
        last = text.rsplit(" ", 1)
        if len(last) == 2 and SMILEY.fullmatch(last[1]):
            text = last[0]
        stripped = text.rstrip(CLOSERS)
        self.final = stripped[-1:] if stripped else ""
        self.has_url = _may_give_url(self.text) and _URL.search(self.text) is not None
        low, high = _HEADLINE_WORDS
        first = self.text[:1]
        self.headline_like = (
            low <= self.words <= high
            and self.final not in {".", "…", ":", ";", ","}
            and (first.isupper() or first.isdigit() or first in "\"“'‘[(")
            and not self.has_url
        )
        self.body_like = self.words >= BODY_WORDS or (
            self.words >= SENTENCE_WORDS and self.final in {".", "!", "?", "…"}
        )
        self.fold = fold_key(self.text) if len(self.text) <= _FOLD_CHARS else ""

    @property
    def prose(self) -> str:
        """The text without the source named at its end: the paragraph's own words."""
        return self.attribution[0] if self.attribution is not None else self.text

    @property
    def head(self) -> str:
        """The folded key of the line's first words: enough for rules that read a prefix
        ("Xem thêm:", "Từ khóa:", "[Video]", a footer's first words) on long lines."""
        if self._head is None:
            words = self.text.split(maxsplit=_HEAD_WORDS)[:_HEAD_WORDS]
            self._head = self.fold if self.words <= _HEAD_WORDS else fold_key(" ".join(words))
        return self._head

    @property
    def letter_words(self) -> frozenset[str]:
        """The words of the line's fold made of letters (see :func:`content_words`)."""
        if self._letter_words is None:
            self._letter_words = frozenset(content_words(self.fold))
        return self._letter_words

    def credit(self, lex: Lexicon, *, caption: bool = False) -> tuple[str, str] | None:
        """The line split from its photo credit (:func:`split_credit`, ``caption`` as
        there), read once: ``lex`` is the page's lexicon, the same at every call."""
        if caption:
            if not self._caption_credit:
                self._caption_credit = (split_credit(self.text, lex, caption=True),)
            return self._caption_credit[0]
        if not self._credit:
            self._credit = (split_credit(self.text, lex),)
        return self._credit[0]

    def header(self, lex: Lexicon) -> HeaderLine | None:
        """What the line carries as a dateline besides the date (:func:`header_parts`),
        read once: ``lex`` is the page's lexicon, the same at every call."""
        if not self._header:
            self._header = (header_parts(self.text, lex),)
        return self._header[0]

    @property
    def is_link(self) -> bool:
        """True when the markup shows the line is all link text."""
        return self.evidence is not None and self.evidence.link


def page_lines(
    lines: list[str], lexicon: Lexicon, evidence: Sequence[Evidence | None] | None = None
) -> list[Line]:
    """The non-blank entries of ``lines`` (blank ones are "") as :class:`Line` records,
    with the source a paragraph names at its end, and the markup's evidence for each (one
    per entry of ``lines``), if any."""
    page: list[Line] = []
    for number, text in enumerate(lines, start=1):
        if not text:
            continue
        glued = number >= 2 and bool(lines[number - 2])
        if glued and page:
            page[-1].glued_below = True
        attribution = split_attribution(text, lexicon)
        line = Line(len(page), number, text, len(text.split()), glued, attribution=attribution)
        if evidence is not None:
            line.evidence = evidence[number - 1]
        page.append(line)
    counts = Counter(line.fold for line in page)
    for line in page:
        line.repeats = counts[line.fold] if line.fold else 1
    return page


def real_words(line: Line) -> int:
    """How many of the line's words have a letter or digit in them."""
    return sum(1 for word in line.text.split() if any(c.isalnum() for c in word))


@functools.lru_cache(maxsize=8)
def _alt_number(words: frozenset[str]) -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    photo = rf"(?:\(?\s*(?:{names})\s*)?" if names else ""
    return re.compile(rf"\s+(?:[-–|:]\s*)?{photo}\d{{1,3}}\s*\)?\.?$")


def strip_alt_number(folded: str, lex: Lexicon) -> str | None:
    """The folded text without a trailing photo number ("<title> 3", "<title> - 3",
    "<title> - Ảnh 2.", "<title> (ảnh 3)" -> "<title>"), or ``None`` when the text does not
    end with one. The words that may come before the number are ``photo_words``."""
    end = len(folded)
    while end and (folded[end - 1] in ")." or folded[end - 1].isspace()):
        end -= 1
    if not folded[end - 1 : end].isdigit():
        return None  # the pattern ends with a number and \s*\)?\.? after it
    match = _alt_number(lex.photo_words).search(folded)
    if match is None or match.start() == 0:
        return None
    return folded[: match.start()].rstrip(" -–|:,")


def content_words(folded: str) -> set[str]:
    """The words of a folded text that are made of letters (no digits, no punctuation)."""
    return set(_WORD.findall(folded))


# -- what several passes of the layout ask of lines and labels ---------------------------

K = BlockKind


def is_kind(label: Label | None, kind: BlockKind) -> bool:
    return label is not None and label[0] is kind


class Soft(NamedTuple):
    """A label a structure gives from a group's shape alone ("a run of headlines: links",
    "a menu"), which the article's evidence may overrule (a headline taken for a link of the
    list above it). It is a label like any other (kind, reason); its class says it is soft,
    so no rule reads its reason to know."""

    kind: BlockKind
    reason: str


class Listed(Soft):
    """Soft: a line listed under a section label."""


class Repeated(Soft):
    """Soft: a line printed many times on the page."""


class Card(NamedTuple):
    """A label of a line of another article's card (its headline, date or teaser): its class
    says so, for the rules that look for more cards around a line."""

    kind: BlockKind
    reason: str


def soft(label: Label | None) -> bool:
    """True for the labels that structures give from a group's shape alone."""
    return isinstance(label, Soft)


HEADLINE_COPY: Label = (K.IMAGE_ALT, "repeats the headline: image alt text")


RUN_OF_HEADLINES: Label = Soft(K.RELATED, "run of headlines: links to other articles")


def menu_item(line: Line) -> bool:
    if line.words > 2 * MENU_WORDS or line.final in {".", ":", ";", ","}:
        return False
    return line.words <= MENU_WORDS or real_words(line) <= MENU_WORDS


def consecutive(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and groups[-1][-1].index == line.index - 1:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def dated(page: Sequence[Line], labels: Sequence[Label | None], line: Line) -> bool:
    """True when a dateline is within two lines of ``line``."""
    near = range(max(0, line.index - 2), min(len(page), line.index + 3))
    return any(is_kind(labels[j], K.DATELINE) for j in near)


def is_photo(label: Label | None) -> bool:
    return label is not None and label[0] in PHOTO_KINDS


# What sits around a photo: its alt text, its caption, its credit, its toolbar.
PHOTO_KINDS = frozenset({K.CAPTION, K.IMAGE_ALT, K.PHOTO_CREDIT, K.DUPLICATE})


def describes(line: Line) -> bool:
    """Long enough to describe a photo: a sentence, or eight words and more (a subheading
    under a photo is shorter)."""
    return line.body_like or line.words >= DESCRIPTION_WORDS


@attrs.define(slots=True)
class Zone:
    start: int
    end: int


def _label_parts(folded: str, lex: Lexicon) -> bool:
    """Whether every part of the line ("kinh tế - xã hội", "châu á - thái bình dương") is a
    genre label, a site's section or a place: a section's name, not a person's."""
    parts = [p.strip(" :.") for p in _LABEL_SEPARATORS.split(folded)]
    return all(p in lex.kickers or p in lex.places for p in parts if p) and any(parts)


def byline_form(line: Line, lex: Lexicon) -> bool:
    """True for a line above a headline that can only be a byline: names after a byline
    word, names in capitals, or full names with a surname (menu items above a headline
    look like names too: "Thế giới", "Miss Game")."""
    names = byline_names(line.text, lex)
    if not names or _label_parts(line.fold, lex):
        return False  # a genre label or a section ("PHÓNG SỰ", "KINH TẾ - XÃ HỘI") is set in
        # capitals too
    if starts_with_phrase(line.fold, lex.byline_prefixes):
        return True
    if all(name.isupper() for name in names):
        return True
    return all(
        len(name.split()) >= 3 and fold_key(name.split()[0]) in lex.surnames for name in names
    )
