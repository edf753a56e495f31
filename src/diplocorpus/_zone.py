"""Where the article is: the run of the page whose prose is densest (Kadane's maximum
subarray over line weights), whether the page is an article at all (a front page opens many
stories and has no prose of its own), the cards and lists inside that run, and where the
body ends."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._headline import marked_by
from ._knobs import (
    APART_SHARE,
    BARRIER_COST,
    CARD_CONTEXT,
    CARD_PAIRS,
    FRONT_CARDS,
    FRONT_OPENINGS,
    FRONT_RUN,
    INLINE_LINES,
    LABEL_COST,
    NOISE_COST,
    OUTSIDE_SHARE,
    PARAGRAPH_CAP,
    SENTENCE_WORDS,
    SHORT_COST,
    TEASER_WORDS,
    ZONE_COST,
)
from ._lexicon import Lexicon
from ._meta import (
    has_end_mark,
)
from ._models import CONTENT_KINDS, BlockKind
from ._page import (
    PHOTO_KINDS,
    RUN_OF_HEADLINES,
    Card,
    Label,
    Line,
    Zone,
    byline_form,
    dated,
    is_kind,
    soft,
)
from ._structures import opens_story

__all__ = [
    "article_end",
    "best_zone",
    "line_weight",
    "mark_inline_cards",
    "mark_lead_teasers",
    "not_an_article",
    "restore_lists",
]

K = BlockKind


def line_weight(line: Line, label: Label | None) -> int:
    if label is None:
        if not line.body_like:
            return -SHORT_COST
        weight = max(min(line.words, PARAGRAPH_CAP) - ZONE_COST, 1)
        if line.evidence is not None and line.evidence.inside is False:
            # Prose outside the element that holds the article's text counts for less.
            return max(weight // OUTSIDE_SHARE, 1)
        return weight
    kind = label[0]
    if kind in CONTENT_KINDS:
        return 0
    if kind is K.COMMENT:
        return -BARRIER_COST
    if kind in {K.SECTION_LABEL, K.FOOTER}:
        return -LABEL_COST
    return -NOISE_COST


def best_zone(page: Sequence[Line], labels: Sequence[Label | None]) -> Zone | None:
    """The run of lines with the largest total weight (Kadane's maximum subarray)."""
    best: Zone | None = None
    best_total = 0
    total = 0
    start = 0
    for line in page:
        weight = line_weight(line, labels[line.index])
        if total <= 0:
            total, start = weight, line.index
        else:
            total += weight
        if total > best_total:
            best_total, best = total, Zone(start, line.index)
    return best


def mark_lead_teasers(page: list[Line], labels: list[Label | None]) -> None:
    """An article opens with its outlet's lead ("(Soha.vn) - ..."), once: a later paragraph
    that opens with one is another article's teaser, and the headline above it its card."""
    leads = [
        ln for ln in page if labels[ln.index] is None and ln.body_like and _outlet_lead(ln.text)
    ]
    for line in leads[1:]:
        labels[line.index] = Card(K.RELATED, "another article's lead: a teaser")
        above = _free_above(page, labels, line.index)
        if above is not None and page[above].headline_like:
            labels[above] = Card(K.RELATED, "the headline of a teaser")


def _outlet_lead(text: str) -> bool:
    if not text.startswith("("):
        return False
    close = text.find(")", 1, 40)
    return close > 1 and text[close + 1 : close + 4].strip().startswith(("-", "–", "—"))


def _free_above(page: Sequence[Line], labels: Sequence[Label | None], i: int) -> int | None:
    for j in range(i - 1, max(-1, i - 3), -1):
        if labels[j] is None:
            return j
    return None


def not_an_article(
    page: Sequence[Line],
    labels: Sequence[Label | None],
    zone: Zone,
    title: Line | None,
    headlines: Sequence[str],
) -> str | None:
    """Why the page is a front page or a list of other articles, or ``None``.

    An article opens once: a headline, its date, its lead. A page that opens many stories
    so, or whose only prose is the teasers of many cards and whose headline nothing
    confirms, lists other articles.
    """
    run, lists, paragraphs = _zone_shape(page, labels, zone)
    openings = _count_openings(page, labels)
    if openings >= FRONT_OPENINGS and run <= FRONT_RUN:
        return (
            f"a list of other articles: {openings} stories open with a headline, a date and a lead"
        )
    cards = _count_cards(page, labels)
    if cards < FRONT_CARDS:
        return None
    if run <= FRONT_RUN and lists >= paragraphs:
        return (
            f"a list of other articles: {cards} headline cards, and its densest text is "
            f"{paragraphs} teasers among {lists} lines of links"
        )
    confirmed = title is not None and (marked_by(title, headlines) or dated(page, labels, title))
    if run <= 1 and not confirmed:
        return (
            f"a list of other articles: {cards} headline cards, no two paragraphs in a row "
            "and no dated headline"
        )
    return None


def _zone_shape(
    page: Sequence[Line], labels: Sequence[Label | None], zone: Zone
) -> tuple[int, int, int]:
    """The zone's longest run of paragraphs in a row, its lines of lists and menus, and
    its paragraphs."""
    run = best = lists = paragraphs = 0
    for line in page[zone.start : zone.end + 1]:
        label = labels[line.index]
        if label is None and line.body_like:
            paragraphs += 1
            run += 1
            best = max(best, run)
        elif label is None:
            run = 0
        elif label[0] not in PHOTO_KINDS and label[0] is not K.DATELINE:
            lists += 1
            run = 0
    return best, lists, paragraphs


def _count_openings(page: Sequence[Line], labels: Sequence[Label | None]) -> int:
    """How many stories open on the page (see :func:`opens_story`); a comment thread's
    posts are no stories."""
    return sum(
        1
        for line in page
        if not is_kind(labels[line.index], K.COMMENT)
        and opens_story(page, labels, line.index, free=False)
    )


def _count_cards(page: Sequence[Line], labels: Sequence[Label | None]) -> int:
    """How many headline + teaser cards the page has (a headline-like line, then within two
    lines a short paragraph that no other paragraph follows)."""
    cards = 0
    for i, line in enumerate(page):
        if not line.headline_like or line.body_like:
            continue
        for j in range(i + 1, min(i + 4, len(page))):
            teaser = page[j]
            low, high = TEASER_WORDS
            if teaser.body_like and low <= teaser.words <= high:
                after = page[j + 1] if j + 1 < len(page) else None
                if after is None or not after.body_like or after.words < low:
                    cards += 1
                break
            if teaser.headline_like and labels[j] is None:
                break
    return cards


def mark_inline_cards(page: list[Line], labels: list[Label | None], zone: Zone) -> None:
    """A card of another article set inside the body: a headline and its teaser printed
    together (no blank line between them, or a date between) where the article's own
    paragraphs stand apart."""
    paragraphs = [
        ln for ln in page[zone.start : zone.end + 1] if labels[ln.index] is None and ln.body_like
    ]
    apart = sum(1 for ln in paragraphs if not ln.glued_above)
    if len(paragraphs) < CARD_CONTEXT or apart < APART_SHARE * len(paragraphs):
        return
    for i in range(zone.start + 1, zone.end):
        head = page[i]
        if labels[i] is not None or not head.headline_like or head.body_like:
            continue
        j = i + 1
        with_date = is_kind(labels[j], K.DATELINE) and page[j].glued_above
        if with_date:
            j += 1
        if j > zone.end:
            continue
        teaser = page[j]
        if (
            labels[j] is None
            and teaser.body_like
            and teaser.glued_above
            and (with_date or not head.glued_above)
        ):
            labels[i] = Card(K.RELATED, "the headline of a card set inside the body")
            if with_date:
                labels[i + 1] = Card(K.RELATED, "the date of a card set inside the body")
            labels[j] = Card(K.RELATED, "the teaser of a card set inside the body")


def restore_lists(page: list[Line], labels: list[Label | None], start: int, zone: Zone) -> None:
    """Short lines in a row inside the article that its structures took for links to
    other articles are the article's own list when they are numbered in order (a box of
    other stories is not numbered; its words, about related stories, are no evidence)."""
    group: list[Line] = []
    for line in [*page[start + 1 : zone.end + 1], None]:
        if line is not None and labels[line.index] == RUN_OF_HEADLINES:
            group.append(line)
            continue
        if group and _numbered_in_order(group):
            for item in group:
                labels[item.index] = None
        group = []


def _numbered_in_order(group: Sequence[Line]) -> bool:
    numbers = [_LIST_NUMBER.match(line.text) for line in group]
    if not all(numbers):
        return False
    values = [int(match[1]) for match in numbers if match]
    return values == list(range(values[0], values[0] + len(values)))


_LIST_NUMBER = re.compile(r"\(?(\d{1,2})[.)/]\s")


def article_end(page: list[Line], labels: list[Label | None], zone: Zone, lex: Lexicon) -> int:
    """The last line of the body: the zone's end, or an earlier line the article shows to be
    its last (the press end mark; a signature with at most a line after it; the cards of
    other articles set under it)."""
    for line in page[zone.start : zone.end + 1]:
        if labels[line.index] is None and line.body_like and has_end_mark(line.prose):
            return line.index
    end = _extend_over_inline(page, labels, _cut_trailing_cards(page, labels, zone))
    # Free paragraphs after each line up to the end, counted in one backward pass.
    paragraphs_after = [0] * (end + 2 - zone.start)
    for i in range(end, zone.start, -1):
        free_paragraph = labels[i] is None and page[i].body_like
        paragraphs_after[i - 1 - zone.start] = paragraphs_after[i - zone.start] + free_paragraph
    for line in page[zone.start + 1 : end + 1]:
        if (
            labels[line.index] is None
            and line.words <= 5
            and paragraphs_after[line.index - zone.start] <= 1
            and byline_form(line, lex)
        ):
            return max(zone.start, _last_free(page, labels, zone.start, line.index - 1))
    return end


def _extend_over_inline(page: Sequence[Line], labels: Sequence[Label | None], end: int) -> int:
    """Past a link, a photo or a share button set under a paragraph, a sentence still
    belongs to the article (the zone stops where such a line costs more than the sentence
    adds)."""
    i = end + 1
    skipped = 0
    while i < len(page) and skipped <= INLINE_LINES:
        label = labels[i]
        if label is None:
            line = page[i]
            sentence = line.final in {".", "!", "?", "…"} or not line.headline_like
            if not (sentence and line.words >= SENTENCE_WORDS):
                break
            end, skipped = i, 0
        elif label[0] in _INLINE_KINDS and not soft(label):
            skipped += 1
        else:
            break
        i += 1
    return end


_INLINE_KINDS = frozenset({K.RELATED, K.WIDGET, K.CAPTION, K.IMAGE_ALT, K.PHOTO_CREDIT})


def _last_free(page: Sequence[Line], labels: Sequence[Label | None], low: int, i: int) -> int:
    while i > low and labels[i] is not None:
        i -= 1
    return i


def _last_prose(page: Sequence[Line], labels: Sequence[Label | None], low: int, i: int) -> int:
    """The last free line at or before ``i`` that reads as prose (a signature or a label
    between the body and what follows it is not the body's)."""
    while i > low and (labels[i] is not None or not page[i].body_like):
        i -= 1
    return i


def _cut_trailing_cards(page: list[Line], labels: list[Label | None], zone: Zone) -> int:
    """The zone's end before the cards of other articles that close it: two or more pairs of
    a headline and a one-paragraph teaser (a numbered subheading is the article's)."""
    pairs: list[tuple[int, int]] = []
    i = _last_free(page, labels, zone.start, zone.end)
    while i > zone.start:
        teaser, head = page[i], page[i - 1]
        if (
            labels[teaser.index] is None
            and (labels[head.index] is None or head.is_link)
            and teaser.body_like
            and TEASER_WORDS[0] <= teaser.words <= TEASER_WORDS[1]
            and head.headline_like
            and not head.body_like
            and not _NUMBERED.match(head.text)
        ):
            pairs.append((head.index, teaser.index))
            i -= 2
        else:
            break
    if len(pairs) < 2 or not _cards_shown(page, labels, pairs, zone):
        return zone.end
    for head_index, teaser_index in pairs:
        labels[head_index] = Card(K.RELATED, "the headline of a card under the article")
        labels[teaser_index] = Card(K.RELATED, "the teaser of a card under the article")
    return _last_prose(page, labels, zone.start, pairs[-1][0] - 1)


def _cards_shown(
    page: Sequence[Line],
    labels: Sequence[Label | None],
    pairs: Sequence[tuple[int, int]],
    zone: Zone,
) -> bool:
    """Whether pairs of a headline and a paragraph at the zone's end are cards
    rather than the article's last subheaded sections. A subheading the markup puts inside
    the article is the article's, a head that is a link or outside the article's element a
    card. Without markup, cards show themselves: more cards right below, every teaser cut
    short ("..."), or three pairs or more under a body with no subheadings of its own (an
    article written in sections ends with sections; one without them seldom ends with three
    one-paragraph sections in a row)."""
    heads = [page[head_index] for head_index, _ in pairs]
    if any(head.is_link or (head.evidence and head.evidence.inside is False) for head in heads):
        return True  # the markup shows cards: links to other articles, or outside the article
    if any(head.evidence and head.evidence.heading and head.evidence.inside for head in heads):
        return False  # the markup shows the article's own subheadings
    below = labels[zone.end + 1] if zone.end + 1 < len(labels) else None
    if isinstance(below, Card):
        return True
    if all(page[teaser].text.endswith(("...", "…")) for _, teaser in pairs):
        return True
    return len(pairs) >= CARD_PAIRS and not _subheaded(page, labels, zone.start, pairs[-1][0])


def _subheaded(page: Sequence[Line], labels: Sequence[Label | None], start: int, end: int) -> bool:
    """Whether the body from ``start`` to ``end`` has subheadings of its own (short free
    lines between its paragraphs): an article written in sections ends with sections too."""
    seen_prose = False
    for line in page[start:end]:
        if labels[line.index] is not None:
            continue
        if line.body_like:
            seen_prose = True
        elif seen_prose and line.headline_like:
            return True
    return False


_NUMBERED = re.compile(r"\(?\d{1,2}[.)/]\s|[IVX]{1,4}\.\s|[a-e]\)\s")
