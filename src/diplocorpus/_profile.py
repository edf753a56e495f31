"""A site profile: the template of one site (the lines, and shapes of lines, that most of its
pages repeat), and how a line is looked up in it.

This is what the classifier needs to apply a profile; learning one from pages, and learning
them inside a corpus build, is :mod:`._site`'s, later in the data flow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import attrs

from ._models import BlockKind
from ._text import fold_key, normalize_text

__all__ = [
    "MIN_PAGES",
    "MIN_SHARE",
    "SHAPE_WORDS",
    "TAIL_WORDS",
    "Form",
    "SiteProfile",
    "TemplateLine",
    "shape_of",
    "tail_of",
]

MIN_PAGES = 3  # a line on fewer different articles' pages is not yet the site's template
MIN_SHARE = 0.5  # ... nor one on fewer than this share of them
SHAPE_WORDS = 20  # numbers are free only in lines this short (counters, pagers, labels)
TAIL_WORDS = (3, 12)  # and the first word (a user name) only in lines of this many words

Form = Literal["line", "shape", "tail"]
_FORMS: tuple[Form, ...] = ("line", "shape", "tail")
_DIGITS = re.compile(r"\d+")


def shape_of(key: str) -> str:
    """A folded line with every run of digits written ``#``."""
    return _DIGITS.sub("#", key)


def tail_of(shape: str) -> str:
    """A shape without its first word (``""`` for a shape of one word)."""
    return shape.partition(" ")[2]


@attrs.frozen(kw_only=True, slots=True)
class TemplateLine:
    """One entry of a site's template: a line, or a shape of lines, that most pages repeat.

    ``form`` says what ``key`` is: ``"line"``, the folded line (:func:`fold_key`);
    ``"shape"``, the folded line with every run of digits written ``#`` (``"ý kiến bạn đọc
    ( # )"``); ``"tail"``, a shape without its first word, for lines that start with a
    user's name (``"- # giờ # phút trước thích | #"``). ``kind`` is the noise kind the
    template gives such lines, ``pages`` the number of different articles' pages they were
    on, ``example`` one of them as written. ``read_as`` is the content kind the parser gave
    the line on most pages when it did (a menu item read as body), else ``None``.
    """

    key: str
    form: Form = "line"
    kind: BlockKind
    pages: int
    example: str
    read_as: BlockKind | None = None


def _entries(values: Iterable[TemplateLine]) -> tuple[TemplateLine, ...]:
    return tuple(sorted(values, key=lambda t: (_FORMS.index(t.form), t.key)))


@attrs.frozen(kw_only=True, slots=True)
class SiteProfile:
    """The template of one site: the lines (and line shapes) most of its pages repeat.

    ``site`` is the site's host (``vnexpress.net``), ``None`` when unknown. ``pages`` is the
    number of pages it was learned from and ``articles`` the number of different articles
    they carried (copies of one story count once). ``min_pages`` and ``min_share`` are the
    thresholds it was learned with; ``lines`` are the template's entries.

    >>> comments = TemplateLine(key=fold_key("Ý kiến ( # )"), form="shape",
    ...                         kind=BlockKind.WIDGET, pages=4, example="Ý kiến ( 33 )")
    >>> profile = SiteProfile(site="a.vn", pages=4, articles=4, lines=[comments])
    >>> kind, reason = profile.label("Ý kiến ( 7 )")
    >>> kind.value, reason
    ('widget', "site template: lines like 'Ý kiến ( 33 )' (any numbers) on 4 of 4 pages of a.vn")
    >>> profile.label("Hội nghị Ngoại giao lần thứ 32 khai mạc") is None
    True
    """

    site: str | None = None
    pages: int = 0
    articles: int = 0
    min_pages: int = MIN_PAGES
    min_share: float = MIN_SHARE
    lines: tuple[TemplateLine, ...] = attrs.field(default=(), converter=_entries)
    _index: dict[tuple[str, str], tuple[TemplateLine, str]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _words: int = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index = {(entry.form, entry.key): (entry, self._reason(entry)) for entry in self.lines}
        longest = max((entry.key.count(" ") + 1 for entry in self.lines), default=0)
        object.__setattr__(self, "_index", index)
        # A tail lost its first word: lines one word longer can still have it.
        object.__setattr__(self, "_words", longest + 1)

    def _reason(self, entry: TemplateLine) -> str:
        where = f"of {self.site}" if self.site else "of this site"
        distinct = " distinct" if self.articles != self.pages else ""
        seen = f"on {entry.pages} of {self.articles}{distinct} pages {where}"
        if entry.form == "shape":
            seen = f"lines like '{entry.example}' (any numbers) {seen}"
        elif entry.form == "tail":
            seen = f"lines like '{entry.example}' (any first word and numbers) {seen}"
        if entry.read_as is not None:
            seen += f"; read as {entry.read_as.value} there, but the same on different articles"
        return f"site template: {seen}"

    def match(self, text: str) -> TemplateLine | None:
        """The template entry that knows a line, or ``None``. Any string may be asked: it is
        normalised first, so white space, case and tone-mark placement do not matter."""
        if not self._index:
            return None
        line = normalize_text(text)
        words = line.count(" ") + 1
        if not line or words > self._words:
            return None
        key = fold_key(line)
        found = self._index.get(("line", key))
        if found is None and words <= SHAPE_WORDS:
            shape = shape_of(key)
            found = self._index.get(("shape", shape))
            if found is None and TAIL_WORDS[0] <= words <= TAIL_WORDS[1]:
                found = self._index.get(("tail", tail_of(shape)))
        return found[0] if found is not None else None

    def label(self, text: str) -> tuple[BlockKind, str] | None:
        """The kind and reason the template gives a line, or ``None`` when the line is not
        part of the site's template (any string, normalised first, as :meth:`match`)."""
        entry = self.match(text)
        if entry is None:
            return None
        return entry.kind, self._index[(entry.form, entry.key)][1]
