"""The page's layout: where the article is, and every line's kind around it.

After the line rules, two passes over the whole page:

1. structures (``_structures``): what a group of lines is (a menu, a run of headlines, a
   related-article card, a photo's alt text numbered after the headline, a comment thread,
   a box of links under a section label);
2. the article: the run of the page where its prose is densest (``_zone``), the headline of
   the opening above it (``_headline``), the captions of its photos (``_photos``), its
   signature, and everything before and after it, which is the site's.

A page whose prose is only the teasers of many cards is a front page or a list, not an
article: the verdict says so and no line is content. The numbers that tune all this are in
``_knobs``.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._headline import choose_title, mark_opening, mark_title_copies, source_label
from ._knobs import EDGE_LINES, MENU_WORDS, TAIL_LINES
from ._lexicon import Lexicon
from ._meta import (
    byline_names,
    signature_names,
)
from ._models import CONTENT_KINDS, BlockKind
from ._page import (
    Label,
    Line,
    Zone,
    byline_form,
    menu_item,
    soft,
)
from ._photos import mark_cue_captions, mark_photo_captions, photo_run
from ._zone import (
    article_end,
    best_zone,
    mark_inline_cards,
    mark_lead_teasers,
    not_an_article,
    restore_lists,
)

__all__ = [
    "Verdict",
    "mark_article",
]

K = BlockKind


@attrs.frozen(kw_only=True, slots=True)
class Verdict:
    """Whether the page is an article, and why not when it is not."""

    is_article: bool = True
    reason: str | None = None


def mark_article(
    page: list[Line],
    labels: list[Label | None],
    lex: Lexicon,
    *,
    headlines: Sequence[str] = (),
) -> Verdict:
    """Find the article in the page and label every line still free, in place.

    ``headlines`` are the headlines the page's markup gives (HTML ``<title>``, Open Graph,
    JSON-LD), if any: evidence for the title, never a title by themselves.
    """
    mark_lead_teasers(page, labels)
    zone = best_zone(page, labels)
    if zone is None:
        _label_rest(page, labels, K.RELATED, "no article text on the page")
        empty = "the page has no running text" if page else "the page has no text"
        return Verdict(is_article=False, reason=empty)
    title = choose_title(page, labels, zone, lex, headlines)
    listing = not_an_article(page, labels, zone, title, headlines)
    if listing is not None:
        _label_rest(page, labels, K.RELATED, "a headline or teaser of a front page or a list")
        return Verdict(is_article=False, reason=listing)
    if title is not None and title.index >= zone.start:
        zone = Zone(min(title.index + 1, zone.end), zone.end)
    start = title.index if title is not None else zone.start
    restore_lists(page, labels, start, zone)
    mark_inline_cards(page, labels, zone)
    if title is not None:
        labels[title.index] = (K.TITLE, "the headline above the article's lead")
    mark_title_copies(page, labels, title)
    mark_photo_captions(page, labels, zone, lex)
    mark_cue_captions(page, labels, lex, after=max(zone.start, start))
    end = article_end(page, labels, zone, lex)
    mark_opening(page, labels, start, zone, lex)
    _mark_body(page, labels, zone, end, lex)
    signature = _mark_tail(page, labels, end, lex)
    _mark_outside(page, labels, lex, start=start, end=end, signature=signature)
    return Verdict()


def _mark_body(
    page: list[Line], labels: list[Label | None], zone: Zone, end: int, lex: Lexicon
) -> None:
    """The body: every free line from the zone's start to the article's end; a name alone
    right under the lead is the byline (some sites set it between the lead and the text)."""
    paragraphs = 0
    lead = ""
    for line in page[zone.start : end + 1]:
        if labels[line.index] is not None:
            continue
        paragraphs += line.body_like
        lead = lead or (line.fold if line.body_like else "")
        if (
            paragraphs == 1
            and not line.body_like
            and line.index - zone.start <= EDGE_LINES
            and _byline_under_lead(line, lex)
            and line.fold not in lead  # the lead's subject is no author
        ):
            labels[line.index] = (K.BYLINE, "author names under the lead")
            continue
        why = "paragraph" if line.body_like else "short line inside the body (a subheading)"
        if line.attribution is not None:
            why += f", the story's source at its end ({line.attribution[1]})"
        labels[line.index] = (K.BODY, why)


def _byline_under_lead(line: Line, lex: Lexicon) -> bool:
    names = byline_names(line.text, lex)
    return bool(names) and line.words <= MENU_WORDS and line.final != ":"


def _mark_tail(page: list[Line], labels: list[Label | None], end: int, lex: Lexicon) -> int | None:
    """Right after the body, past its photos and the links set under it: the signature
    (its index)."""
    first = max(photo_run(page, labels, end, 1), default=end) + 1
    for j in range(first, min(first + TAIL_LINES, len(page))):
        line = page[j]
        label = labels[j]
        if label is not None and not soft(label) and not line.is_link:
            if label[0] is K.BYLINE:
                return j
            if label[0] in {K.SECTION_LABEL, K.COMMENT, K.FOOTER}:
                return None
            continue
        if source_label(line, lex):
            # "Theo TTXVN": where the story comes from, no author; a signature may follow.
            labels[j] = (K.SOURCE_LABEL, "the story's source after the body (no author)")
            continue
        names = signature_names(line.text, lex)
        if names:
            labels[j] = (K.BYLINE, "the author's signature after the body")
            return j
        parts = line.header(lex) if label is None or soft(label) else None
        if parts is not None and parts.names:
            labels[j] = (K.BYLINE, "the author's name and date under the post")
            return j
        if label is None:
            return None
    return None


def _mark_outside(
    page: list[Line],
    labels: list[Label | None],
    lex: Lexicon,
    *,
    start: int,
    end: int,
    signature: int | None,
) -> None:
    """Before the headline and after the body: the site's, except what belongs to the
    article there: a photo above the headline or under the last paragraph, a dateline
    and byline just above the headline or just under the body."""
    keep = photo_run(page, labels, start, -1) | photo_run(page, labels, end, 1)
    keep |= _edge_meta(page, labels, start, -1, lex) | _edge_meta(page, labels, end, 1, lex)
    if signature is not None:
        keep.add(signature)
    for line in page:
        label = labels[line.index]
        if start <= line.index <= end or line.index in keep:
            continue
        if label is not None and label[0] in CONTENT_KINDS:
            where = "above the headline" if line.index < start else "after the article"
            labels[line.index] = (K.RELATED, f"{label[0].value} {where}: another article's")
        elif label is None:
            if line.index < start:
                labels[line.index] = _above_article(line)
            else:
                labels[line.index] = (K.RELATED, "after the end of the article body")


def _edge_meta(
    page: Sequence[Line], labels: list[Label | None], edge: int, step: int, lex: Lexicon
) -> set[int]:
    """The dateline and byline lines next to the article's edge (a few lines away, past
    share bars and tags), labelled so; their indices."""
    kept: set[int] = set()
    i = edge + step
    while 0 <= i < len(page) and abs(i - edge) <= EDGE_LINES:
        label = labels[i]
        if label is not None and label[0] in {K.DATELINE, K.BYLINE}:
            kept.add(i)
        elif (
            step < 0
            and abs(i - edge) <= 2
            and (label is None or soft(label))
            and byline_form(page[i], lex)
        ):
            labels[i] = (K.BYLINE, "author names above the headline")
            kept.add(i)
        elif label is None or label[0] in {K.SECTION_LABEL, K.COMMENT, K.FOOTER}:
            break
        i += step
    return kept


def _above_article(line: Line) -> Label:
    if menu_item(line):
        return K.NAVIGATION, "short label above the article"
    if line.body_like:
        return K.RELATED, "text above the article's headline"
    return K.HEADER, "the site's masthead or a label above the article's headline"


def _label_rest(page: Sequence[Line], labels: list[Label | None], kind: K, why: str) -> None:
    for line in page:
        label = labels[line.index]
        if label is None or label[0] in CONTENT_KINDS:
            labels[line.index] = (kind, why)
