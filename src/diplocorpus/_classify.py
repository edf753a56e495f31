"""Stage 2, classify: give every non-blank line a kind and the reason for it.

Three passes, each over the whole page, each leaving alone the lines an earlier pass named:

1. line rules: what one line is by its own shape (a counter, a slug, a dateline, a caption
   with its credit, a headline printed twice, a section label, ...);
2. structures: what a group of lines is (a related-article card: a headline twice and a
   teaser; everything under a section label that ends the article; a run of headlines or of
   media items; a menu);
3. the article: the headline, captions without credit, the body from its first paragraph to
   its last, the byline, and what is left over after the body.

Every rule reads the page's shape or the lexicon's phrases, never one site's wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ._dates import parse_dateline
from ._lexicon import Lexicon
from ._meta import (
    byline_names,
    counter_value,
    has_end_mark,
    header_parts,
    split_credit,
    starts_with_phrase,
)
from ._models import Block, BlockKind
from ._site import SiteProfile
from ._text import fold_key

__all__ = ["Label", "classify"]

K = BlockKind
Label = tuple[BlockKind, str]

_LONG_LINE = 60  # words: past this a line is running text and no line rule applies
_HEAD_WORDS = 8
_SHORT_LINE = 20  # words: past this a line is no label, counter, pager, trail or dateline
_FOLD_CHARS = 400  # only lines this short are folded and compared with the lexicon
_BODY_WORDS = 25
_SENTENCE_WORDS = 5
_HEADLINE_WORDS = (3, 40)
_CAPTION_WORDS = 35
_TITLE_WORDS = 5  # a headline is rarely shorter; a section name above it rarely longer
_MENU_WORDS = 4
_CLOSERS = " \"'”’»)]|"
_WORD_PUNCT = ".,:;!?\"'“”‘’()[]"
_SLUG = re.compile(r"[a-z0-9][a-z0-9 _./-]*")
_SLUG_WORD = re.compile(r"[a-z]{2,}")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PAGE_OF = re.compile(r"trang\s*\d+\s*(?:/|trên|of)\s*\d+")
_DAY_MONTH = re.compile(r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?")
_COUNT = re.compile(r"\(\d+\)|^\d+\s|\s\d+$")
_FONT_SIZE = re.compile(r"(?:a[+-]?\s*){1,4}")
# Separators of a breadcrumb trail, and how many parts make a trail with each.
_TRAIL_SEPARATORS = (("›", 2), ("»", 2), (" > ", 3), (" | ", 3), (" / ", 3))


@attrs.define(slots=True)
class _Line:
    index: int
    number: int
    text: str
    words: int
    glued_above: bool
    glued_below: bool = False
    _fold: str | None = None

    @property
    def fold(self) -> str:
        """The folded key of a short line; long lines fold to "" and match no phrase."""
        if self._fold is None:
            self._fold = fold_key(self.text) if len(self.text) <= _FOLD_CHARS else ""
        return self._fold

    @property
    def head(self) -> str:
        """The folded key of the line's first words: enough for rules that read a prefix
        ("Xem thêm:", "Từ khóa:", "[Video]", a footer's first words) on long lines."""
        if self.words <= _HEAD_WORDS:
            return self.fold
        return fold_key(" ".join(self.text.split(maxsplit=_HEAD_WORDS)[:_HEAD_WORDS]))

    @property
    def final(self) -> str:
        """The last character that is not a closing quote or bracket."""
        stripped = self.text.rstrip(_CLOSERS)
        return stripped[-1:] if stripped else ""

    @property
    def headline_like(self) -> bool:
        low, high = _HEADLINE_WORDS
        first = self.text[:1]
        return (
            low <= self.words <= high
            and self.final not in {".", "…", ":", ";", ","}
            and (first.isupper() or first.isdigit() or first in "\"“'‘[(")
        )

    @property
    def body_like(self) -> bool:
        return self.words >= _BODY_WORDS or (
            self.words >= _SENTENCE_WORDS and self.final in {".", "!", "?", "…"}
        )


def classify(
    lines: list[str],
    lexicon: Lexicon,
    *,
    hints: Sequence[Label | None] | None = None,
    site: SiteProfile | None = None,
) -> list[Block]:
    """Return one :class:`Block` per non-blank entry of ``lines`` (line number = index + 1).

    ``hints`` (one per entry of ``lines``) is evidence from markup: a hinted kind stands for
    a line that no line rule names, before the passes over groups of lines run. ``site`` is
    the site's learned template: a line it knows is the site's furniture.
    """
    page = _lines(lines)
    labels: list[Label | None] = [
        _line_rule(line, lexicon)
        or (site.label(line.text) if site is not None else None)
        or (hints[line.number - 1] if hints else None)
        for line in page
    ]
    _mark_structures(page, labels)
    _mark_article(page, labels, lexicon)
    return [
        Block(line=line.number, kind=label[0], text=line.text, reason=label[1])
        for line, label in zip(page, labels, strict=True)
        if label is not None
    ]


def _lines(lines: list[str]) -> list[_Line]:
    page: list[_Line] = []
    for number, text in enumerate(lines, start=1):
        if not text:
            continue
        glued = number >= 2 and bool(lines[number - 2])
        if glued and page:
            page[-1].glued_below = True
        page.append(_Line(len(page), number, text, len(text.split()), glued))
    return page


# -- pass 1: what a line is by itself ------------------------------------------------------


def _line_rule(line: _Line, lex: Lexicon) -> Label | None:
    if line.words > _LONG_LINE:
        return None
    rules = _LINE_RULES if line.words <= _SHORT_LINE else _SENTENCE_RULES
    for rule in rules:
        label = rule(line, lex)
        if label is not None:
            return label
    return None


def _credit_caption(line: _Line, lex: Lexicon) -> Label | None:
    split = split_credit(line.text, lex)
    if split is None:
        return None
    return K.CAPTION, f"photo caption with its credit ({split[1]})"


def _slug(line: _Line, _lex: Lexicon) -> Label | None:
    text = line.text
    if not text.isascii() or not _SLUG.fullmatch(text):
        return None
    if len(_SLUG_WORD.findall(text)) < 3:
        return None  # "1-01-2000 - 0h00" is a date, not words
    if line.words >= 4 or text.count("-") >= 3:
        return K.SLUG, "lowercase words without diacritics: a URL slug"
    return None


def _footer(line: _Line, lex: Lexicon) -> Label | None:
    if line.words > 40:
        return None
    if line.text[0] == "©" or starts_with_phrase(line.head, lex.footers):
        return K.FOOTER, "site footer"
    return None


def _widget(line: _Line, lex: Lexicon) -> Label | None:
    if line.words > 8:
        return None
    bare = _COUNT.sub(" ", line.fold).strip(" .:…!·•|")
    if bare in lex.widgets or _FONT_SIZE.fullmatch(bare):
        return K.WIDGET, f"page control ({line.text})"
    if starts_with_phrase(line.fold, lex.loaders):
        return K.WIDGET, "loading placeholder"
    return None


def _counter(line: _Line, lex: Lexicon) -> Label | None:
    if counter_value(line.text, lex) is None:
        return None
    return K.COUNTER, "view counter"


def _pagination(line: _Line, lex: Lexicon) -> Label | None:
    if line.words > 20:
        return None
    unglued = _CAMEL.sub(" ", line.text)  # "FirstPrevNextLast"
    folded = fold_key(unglued) if unglued != line.text else line.fold
    if _PAGE_OF.match(folded):
        return K.PAGINATION, "page number of a pager"
    tokens = folded.split()
    pager = [t for t in tokens if t.isdigit() or t in lex.pagination_words or t == "trang"]
    if len(tokens) >= 2 and len(pager) == len(tokens):
        return K.PAGINATION, "pager controls"
    return None


def _section_label(line: _Line, lex: Lexicon) -> Label | None:
    if line.words > 8:
        return None
    if line.fold.strip(" :.-–»>›|") in lex.section_labels:
        return K.SECTION_LABEL, f"section label ({line.text.rstrip(': ')})"
    return None


def _inline_related(line: _Line, lex: Lexicon) -> Label | None:
    folded = line.head
    for label in lex.inline_related_labels:
        if folded.startswith(label):
            rest = folded[len(label) :].lstrip()
            if (rest[:1] == ":" or label == ">>") and len(rest.lstrip(": ").split()) >= 3:
                return K.RELATED, "link to another article after a 'see also' label"
    return None


def _source_label(line: _Line, lex: Lexicon) -> Label | None:
    if line.words > 8:
        return None
    head, colon, rest = line.fold.partition(":")
    if head.strip() not in lex.source_labels or not (colon or not rest):
        return None
    if rest.strip():
        return K.SOURCE_LABEL, f"source label ({line.text})"
    return K.SOURCE_LABEL, "empty source label"


def _media_item(line: _Line, lex: Lexicon) -> Label | None:
    text = line.text
    if text[0] in "[(":
        close = text.find("]" if text[0] == "[" else ")")
        if 0 < close <= 24 and fold_key(text[1:close]) in lex.media_tags:
            return K.MEDIA_LIST, f"media item tagged {text[: close + 1]}"
    head, colon, _rest = line.head.partition(":")
    if colon and head in lex.media_tags and head not in lex.credit_labels and line.words >= 3:
        return K.MEDIA_LIST, f"media item tagged {text.split(':', 1)[0]}:"
    return None


def _breadcrumb(line: _Line, lex: Lexicon) -> Label | None:
    if line.words > 20 or line.final in {".", "?", "!"}:
        return None
    if starts_with_phrase(line.fold, lex.home_labels):
        return K.BREADCRUMB, "breadcrumb trail from the home page"
    for sep, parts_needed in _TRAIL_SEPARATORS:
        parts = line.text.split(sep)
        if len(parts) >= parts_needed and all(0 < len(p.split()) <= 5 for p in parts):
            return K.BREADCRUMB, f"trail of sections separated by {sep.strip()!r}"
    return None


def _tags(line: _Line, lex: Lexicon) -> Label | None:
    head, colon, _rest = line.head.partition(":")
    if colon and head.strip() in lex.tag_labels:
        return K.TAGS, "the article's tag list"
    return None


def _dateline(line: _Line, lex: Lexicon) -> Label | None:
    found = parse_dateline(line.text, words=lex.dateline_words)
    if found is None:
        return None
    if found.value is None:
        return K.DATELINE, f"dateline, but {found.problem}"
    return K.DATELINE, "date (and time) of publication"


def _dateline_with_more(line: _Line, lex: Lexicon) -> Label | None:
    parts = header_parts(line.text, lex)
    if parts is None:
        return None
    extra = ["a place"] if parts.place else []
    extra += ["author names"] if parts.names else []
    extra += ["a view count"] if parts.views is not None else []
    return K.DATELINE, f"dateline with {', '.join(extra) or 'a byline or page controls'}"


def _twice_on_one_line(line: _Line, _lex: Lexicon) -> Label | None:
    text = line.text
    half = len(text) // 2
    if (
        line.words >= 6
        and len(text) % 2 == 1
        and text[half] == " "
        and (text[:half] == text[half + 1 :])
    ):
        return K.RELATED, "headline printed twice on one line: a related-article link"
    return None


def _table_box(line: _Line, _lex: Lexicon) -> Label | None:
    if line.text.startswith("|") and line.text.endswith("|") and line.words >= 3:
        return K.RELATED, "table-cell box of a related article"
    return None


_LINE_RULES = (
    _credit_caption,
    _slug,
    _footer,
    _section_label,
    _widget,
    _counter,
    _pagination,
    _inline_related,
    _source_label,
    _tags,
    _media_item,
    _dateline,
    _dateline_with_more,
    _breadcrumb,
    _twice_on_one_line,
    _table_box,
)
# The rules that can match a line of more than _SHORT_LINE words.
_SENTENCE_RULES = (
    _credit_caption,
    _footer,
    _inline_related,
    _tags,
    _media_item,
    _twice_on_one_line,
    _table_box,
)


# -- pass 2: groups of lines ---------------------------------------------------------------


def _first_body(page: list[_Line], labels: list[Label | None]) -> int:
    return next((ln.index for ln in page if labels[ln.index] is None and ln.body_like), len(page))


def _mark_structures(page: list[_Line], labels: list[Label | None]) -> None:
    first = _first_body(page, labels)
    _mark_cards(page, labels, first)
    _mark_runs(page, labels, first)
    _mark_section_zone(page, labels, first)


def _mark_cards(page: list[_Line], labels: list[Label | None], first: int) -> None:
    """A related-article card: its headline on two lines in a row, then a teaser."""
    i = first + 1
    while i < len(page) - 1:
        a, b = page[i], page[i + 1]
        if labels[i] is None and labels[i + 1] is None and a.headline_like and a.fold == b.fold:
            labels[i] = labels[i + 1] = (K.RELATED, "headline repeated on two lines: related card")
            teaser = i + 2
            if teaser < len(page) and labels[teaser] is None and not _starts_card(page, teaser):
                labels[teaser] = (K.RELATED, "teaser under a related headline")
                i = teaser + 1
            else:
                i += 2
        else:
            i += 1


def _starts_card(page: list[_Line], i: int) -> bool:
    return i + 1 < len(page) and page[i].headline_like and page[i].fold == page[i + 1].fold


def _mark_section_zone(page: list[_Line], labels: list[Label | None], first: int) -> None:
    """A section label after the body starts a list of other articles.

    The list runs to the end of the page, unless the article resumes: two long paragraphs
    in a row, neither a truncated teaser, mean the box was set inside the article.
    """
    name: str | None = None
    for i in range(first + 1, len(page)):
        label = labels[i]
        if label is not None and label[0] is K.SECTION_LABEL:
            name = page[i].text.rstrip(": ")
        elif name is None:
            continue
        elif label is None and _article_resumes(page, labels, i):
            name = None
        elif label is None or label[0] in {K.DATELINE, K.BYLINE, K.CAPTION}:
            labels[i] = (K.RELATED, f"listed under the section label '{name}'")


def _article_resumes(page: list[_Line], labels: list[Label | None], i: int) -> bool:
    def paragraph(line: _Line) -> bool:
        return (
            labels[line.index] is None
            and line.words >= _BODY_WORDS
            and not line.text.endswith(("...", "…"))
        )

    return i + 1 < len(page) and paragraph(page[i]) and paragraph(page[i + 1])


def _mark_runs(page: list[_Line], labels: list[Label | None], first: int) -> None:
    _mark_media_lists(page, labels)
    for run in _glued_runs(page):
        free = [ln for ln in run if labels[ln.index] is None]
        for group in _consecutive([ln for ln in free if _menu_item(ln)]):
            if len(group) >= 3:
                for ln in group:
                    labels[ln.index] = (K.NAVIGATION, "menu: a run of short links")
        headlines = [
            ln
            for ln in free
            if labels[ln.index] is None
            and ln.index > first
            and ln.headline_like
            and ln.words < _BODY_WORDS
        ]
        for group in _consecutive(headlines):
            if len(group) >= 2:
                for ln in group:
                    labels[ln.index] = (K.RELATED, "run of headlines: links to other articles")


def _mark_media_lists(page: list[_Line], labels: list[Label | None]) -> None:
    """Untagged headlines glued to a tagged media item ("[Video] ...") are in its list."""

    def is_media(i: int) -> bool:
        label = labels[i]
        return label is not None and label[0] is K.MEDIA_LIST

    def spread(i: int, step: int) -> None:
        while 0 <= i + step < len(page):
            near = page[i + step]
            glued = near.glued_above if step > 0 else page[i].glued_above
            if not glued:
                return
            if labels[near.index] is None and near.headline_like and near.words < _BODY_WORDS:
                labels[near.index] = (K.MEDIA_LIST, "in a list of media items")
            elif not is_media(near.index):
                return
            i += step

    for i in [ln.index for ln in page if is_media(ln.index)]:
        spread(i, 1)
        spread(i, -1)


def _menu_item(line: _Line) -> bool:
    if line.words > 2 * _MENU_WORDS or line.final in {".", ":", ";", ","}:
        return False
    return line.words <= _MENU_WORDS or _real_words(line) <= _MENU_WORDS


def _glued_runs(page: list[_Line]) -> list[list[_Line]]:
    runs: list[list[_Line]] = []
    for line in page:
        if line.glued_above and runs:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _consecutive(lines: list[_Line]) -> list[list[_Line]]:
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and groups[-1][-1].index == line.index - 1:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


# -- pass 3: the article -------------------------------------------------------------------


def _mark_article(page: list[_Line], labels: list[Label | None], lex: Lexicon) -> None:
    first = _first_body(page, labels)
    title = _mark_title(page, labels, first, lex)
    _mark_alt_texts(page, labels, title, lex)
    # A photo is described beside the body: not above the lead paragraph, which a
    # description-like first sentence ("Chiều 19/12, ... hội đàm ...") often is.
    _mark_cue_captions(page, labels, lex, after=max(first, title.index if title else -1))
    first = _first_body(page, labels)
    last = _last_body(page, labels, first)
    byline_found = False
    for line in page:
        if labels[line.index] is not None:
            continue
        if line.index < first:
            labels[line.index] = _header_line(line, lex)
        elif line.index <= last:
            why = "paragraph" if line.body_like else "short line inside the body (a subheading)"
            labels[line.index] = (K.BODY, why)
        elif not byline_found and byline_names(line.text, lex) is not None:
            labels[line.index] = (K.BYLINE, "author names after the body")
            byline_found = True
        else:
            labels[line.index] = (K.RELATED, "after the end of the article body")


def _mark_title(
    page: list[_Line], labels: list[Label | None], first: int, lex: Lexicon
) -> _Line | None:
    candidates = [ln for ln in page[:first] if labels[ln.index] is None and ln.headline_like]
    # A line of names only ("NGỌC AN - THU HÀ") is a byline, unless nothing else could be
    # the headline.
    headlines = [ln for ln in candidates if not byline_names(ln.text, lex)] or candidates
    # A section name above the headline ("Thời sự quốc tế", "Chính trị - Xã hội") is short.
    headlines = [ln for ln in headlines if _real_words(ln) >= _TITLE_WORDS] or headlines
    if not headlines:
        return None
    labels[headlines[0].index] = (K.TITLE, "first headline before the body")
    return headlines[0]


def _mark_alt_texts(
    page: list[_Line], labels: list[Label | None], title: _Line | None, lex: Lexicon
) -> None:
    for line in page:
        if labels[line.index] is not None:
            continue
        if (
            line.glued_below
            and line.words <= _CAPTION_WORDS
            and _credit_only(page[line.index + 1], lex)
        ):
            labels[line.index] = (K.CAPTION, "caption whose credit is on the next line")
            continue
        if title is not None and line.fold == title.fold and line.fold:
            labels[line.index] = (K.IMAGE_ALT, "repeats the headline: image alt text")
        elif line.glued_below and line.headline_like and line.index + 1 < len(page):
            below = labels[line.index + 1]
            if below is not None and below[0] is K.CAPTION:
                labels[line.index] = (K.IMAGE_ALT, "headline-like text right above a caption")


def _real_words(line: _Line) -> int:
    return sum(1 for word in line.text.split() if any(c.isalnum() for c in word))


def _credit_only(line: _Line, lex: Lexicon) -> bool:
    split = split_credit(line.text, lex)
    return split is not None and not split[0]


def _mark_cue_captions(
    page: list[_Line], labels: list[Label | None], lex: Lexicon, *, after: int
) -> None:
    for line in page[after + 1 :]:
        if labels[line.index] is None and _describes_photo(line, lex):
            labels[line.index] = (K.CAPTION, "short line describing a photo")


def _describes_photo(line: _Line, lex: Lexicon) -> bool:
    if line.words > _CAPTION_WORDS or line.final in {":", ";", ","}:
        return False
    inner = line.text.rstrip(_CLOSERS + ".")
    if any(inner.count(mark) for mark in (". ", "? ", "! ", ": ")):
        return False  # more than one sentence, or a quotation: a paragraph
    words = [w.strip(_WORD_PUNCT) for w in line.fold.split()]
    if any(_DAY_MONTH.fullmatch(w) for w in words[:5]):
        return False  # opens with a time ("Chiều 19/12, ..."): a news sentence
    grams = {" ".join(words[i : i + n]) for n in (1, 2, 3, 4) for i in range(len(words))}
    return bool(grams & lex.caption_cues) and not grams & lex.tense_markers


def _last_body(page: list[_Line], labels: list[Label | None], first: int) -> int:
    last = first
    for line in page[first:]:
        if labels[line.index] is None and line.body_like:
            last = line.index
            if has_end_mark(line.text):
                break
    return last


def _header_line(line: _Line, lex: Lexicon) -> Label:
    if byline_names(line.text, lex):
        return K.BYLINE, "author names above the body"
    if _menu_item(line):
        return K.NAVIGATION, "short label above the article"
    return K.BODY, "text before the first paragraph"
