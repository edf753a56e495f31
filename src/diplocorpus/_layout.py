"""The page's layout: lists, cards, photos and comment threads, and where the article is.

Two passes over the whole page, after the line rules:

1. structures: what a group of lines is (a menu, a run of headlines, a related-article card,
   a photo's alt text numbered after the headline, a comment thread, a box of links under a
   section label);
2. the article: the run of the page where its prose is densest (the body), the headline of
   the opening above it (the line that its dateline, byline and lead confirm), the captions
   of its photos, its signature, and everything before and after it, which is the site's.

A page whose prose is only the teasers of many cards is a front page or a list, not an
article: the verdict says so and no line is content.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from ._lexicon import Lexicon
from ._meta import (
    byline_names,
    has_end_mark,
    header_parts,
    signature_names,
    split_credit,
    starts_with_phrase,
)
from ._models import CONTENT_KINDS, BlockKind
from ._page import Label, Line, content_words, real_words, strip_alt_number
from ._rules import CREDIT_ALONE, SEE_ALSO
from ._text import fold_key

__all__ = ["Verdict", "mark_article", "mark_structures"]

K = BlockKind

# -- the knobs -----------------------------------------------------------------------------
_BODY_WORDS = 25
_CAPTION_WORDS = 35  # a photo's description is short
_PHOTO_CAPTION_WORDS = 70  # a caption under a photo of a photo story may run longer
_PHOTO_CAPTION_SENTENCES = 4
_DESCRIPTION_WORDS = 8
_SENTENCE_WORDS = 5
_DECK_WORDS = 10  # a line under the headline this long is the article's, a shorter one a label
# A photo story: three photos at least, as many as its other paragraphs, and texts under them
# shorter than those paragraphs.
_STORY_PHOTOS = 3
_PHOTO_GAP = 4  # lines between photos of one series
_STORY_SHARE = 0.75
_SHORT_SHARE = 3  # a text under a photo a third as long as the page's paragraphs is a caption
_TITLE_WORDS = 5  # a headline is rarely shorter; a section name above it rarely longer
_MENU_WORDS = 4
_REPEATED_TEXT = 3  # a line this often on a page is the site's, not the article's
_REPEATED_WORDS = 5
_TRAIL_MARKS = ("›", "»", " > ")
_SAME_WORDS = 0.7  # share of words two lines have in common when one is a copy of the other
# Weights of the article zone: a paragraph adds its words beyond _ZONE_COST; everything
# else costs. The zone is the run of lines with the largest total.
_ZONE_COST = 10
_OUTSIDE_SHARE = 4
_PARAGRAPH_CAP = 60  # a very long line counts no more than this: one line is not an article
_SHORT_COST = 2
_NOISE_COST = 4
_LABEL_COST = 40
_BARRIER_COST = 1000
_INLINE_LINES = 2  # inline links or photos a paragraph may follow and still be the article's
_TAIL_LINES = 6  # how far below the body the signature is looked for
_EDGE_LINES = 4  # how far from the headline or the body a dateline or byline still is theirs
_OPENING_LINES = 14  # how far above the body the headline is looked for
# A dated headline this many lines into the densest prose opens the article there (what
# comes before it, a photo's caption say, is not the body).
_OPENING_INSIDE = 3
_LEAD_WORDS = 150  # the words of the lead a headline is compared with
# Scores of a headline candidate.
_NEAR_DATELINE = 5.0
_NEAR_BYLINE = 2.0
_SHARED_WORDS = 6.0
_COPY = 3.0
_SHORT_HEADLINE = 3.0
_IN_A_LIST = 2.0
_DISTANCE = 1.0
_BELOW_TEXT = 4.0
_CAPITALS = 2.0  # a line in capitals is more often a label than a headline
_MARKUP_TITLE = 8.0
_MAIN_HEADING = 4.0  # the page's <h1>
# A front page: many cards, little prose of its own.
_COMMENT_GROUPS = 2  # comments laid out as records, at least this many in a row
_CARD_CONTEXT = 3  # paragraphs an article needs before a card inside it can be told apart
_APART_SHARE = 0.75
_FRONT_CARDS = 6
_FRONT_OPENINGS = 3
_FRONT_RUN = 2  # a front page's teasers stand alone, or two in a row at most
_TEASER_WORDS = (8, 80)

_CLOSERS = " \"'”’»)]|"
_LIST_NUMBER = re.compile(r"\(?(\d{1,2})[.)/]\s")
_NUMBERED = re.compile(r"\(?\d{1,2}[.)/]\s|[IVX]{1,4}\.\s|[a-e]\)\s")
_WORD_PUNCT = ".,:;!?\"'“”‘’()[]"
_OPENING_KINDS = frozenset(
    {
        K.DATELINE,
        K.BYLINE,
        K.CAPTION,
        K.IMAGE_ALT,
        K.WIDGET,
        K.COUNTER,
        K.TAGS,
        K.SOURCE_LABEL,
        K.BREADCRUMB,
        K.PHOTO_CREDIT,
    }
)


@attrs.frozen(kw_only=True, slots=True)
class Verdict:
    """Whether the page is an article, and why not when it is not."""

    is_article: bool = True
    reason: str | None = None


# -- pass 1: groups of lines ---------------------------------------------------------------


def first_body(page: Sequence[Line], labels: Sequence[Label | None]) -> int:
    """The index of the first free line shaped like a paragraph."""
    return next((ln.index for ln in page if labels[ln.index] is None and ln.body_like), len(page))


def mark_structures(page: list[Line], labels: list[Label | None], lex: Lexicon) -> None:
    """Label the groups of lines that are the site's furniture, in place."""
    _mark_credit_lines(page, labels, lex)
    _free_tables(page, labels)
    _mark_repeats(page, labels)
    _mark_alt_copies(page, labels)
    _mark_duplicates(page, labels)
    _mark_threads(page, labels)
    _mark_comment_groups(page, labels, lex)
    first = first_body(page, labels)
    _mark_cards(page, labels, first)
    _mark_runs(page, labels, first)
    _mark_section_zone(page, labels, first)


def _mark_credit_lines(page: list[Line], labels: list[Label | None], lex: Lexicon) -> None:
    """A credit on a line of its own belongs to the caption right above it; under a byline
    (or alone) it credits the story's photos."""
    for line in page:
        if labels[line.index] != (K.CAPTION, CREDIT_ALONE):
            continue
        above = page[line.index - 1] if line.index > 0 else None
        if above is not None and _is_kind(labels[above.index], K.CAPTION):
            continue  # the caption's credit on the next line
        if above is not None and labels[above.index] is None and line.glued_above:
            if byline_names(above.text, lex):
                labels[line.index] = (K.PHOTO_CREDIT, "the photos' credit under the byline")
                continue
            if above.words <= _CAPTION_WORDS:
                labels[above.index] = (K.CAPTION, "caption whose credit is on the next line")
                continue
        labels[line.index] = (K.PHOTO_CREDIT, "a photo credit with no caption above it")
    for line, below in itertools.pairwise(page):
        label = labels[below.index]
        if (
            labels[line.index] is None
            and line.glued_below
            and line.headline_like
            and label is not None
            and label[0] is K.CAPTION
        ):
            labels[line.index] = (K.IMAGE_ALT, "headline-like text right above a caption")


def _free_tables(page: list[Line], labels: list[Label | None]) -> None:
    """A table's rows printed with " | " between cells: the header row of a table of
    figures is its first row, not a breadcrumb trail (the figures' rows no rule names)."""
    for line, below in itertools.pairwise(page):
        if (
            (
                _is_kind(labels[line.index], K.BREADCRUMB)
                or _is_kind(labels[line.index], K.NAVIGATION)
            )
            and labels[below.index] is None
            and " | " in line.text
            and line.text.count(" | ") == below.text.count(" | ")
        ):
            labels[line.index] = None


def _mark_repeats(page: list[Line], labels: list[Label | None]) -> None:
    """A line of several words printed many times on one page is a site's text (an image
    alt, a keyword string), never the article's: the article says a thing once."""
    for line in page:
        if (
            labels[line.index] is None
            and line.repeats >= _REPEATED_TEXT
            and line.words >= _REPEATED_WORDS
        ):
            labels[line.index] = (K.IMAGE_ALT, f"{_REPEATED} {line.repeats} times on the page")


def _mark_alt_copies(page: list[Line], labels: list[Label | None]) -> None:
    """Photos' alt texts: a line repeated with a number ("<title> 3", "<title> - Ảnh 2."),
    and a line printed again right below with more words (an alt above its caption)."""
    folds = {line.fold for line in page if line.fold}
    numbered: dict[str, set[str]] = {}
    for line in page:
        stem = strip_alt_number(line.fold) if line.fold else None
        if stem:
            numbered.setdefault(stem, set()).add(line.fold)
    for line in page:
        if labels[line.index] is not None or not line.fold:
            continue
        stem = strip_alt_number(line.fold)
        if stem and len(stem.split()) >= 3 and (stem in folds or len(numbered[stem]) >= 2):
            labels[line.index] = (K.IMAGE_ALT, "a photo's alt text: the headline with a number")
    for line, below in itertools.pairwise(page):
        if not (_free_or_caption(labels[line.index]) and _free_or_caption(labels[below.index])):
            continue
        if not line.fold or not below.fold or line.words < 2 or line.words > below.words:
            continue
        if line.fold == below.fold and line.headline_like and labels[line.index] is None:
            continue  # a headline printed twice: the headline's copy is found later
        if not _describes(below) or any(mark in below.text for mark in _TRAIL_MARKS):
            continue  # an alt describes a photo: the line under it is its caption
        if _copies(line.fold, below.fold):
            labels[line.index] = (K.IMAGE_ALT, "printed again right below: a photo's alt text")


def _free_or_caption(label: Label | None) -> bool:
    return label is None or label[0] is K.CAPTION


def _mark_duplicates(page: list[Line], labels: list[Label | None]) -> None:
    """The first copy of a text is the page's, later copies are furniture (a sticky bar
    that prints the headline and lead again, a caption printed twice)."""
    first: dict[str, Line] = {}
    for line in page:
        if not line.fold or line.words < _REPEATED_WORDS or line.headline_like:
            continue  # a headline's copies are known once the headline is
        original = first.setdefault(line.fold, line)
        if original is line or labels[line.index] is not None:
            continue
        earlier = labels[original.index]
        if earlier is None or earlier[0] in CONTENT_KINDS:
            labels[line.index] = (K.DUPLICATE, f"repeats line {original.number}")


def _copies(upper: str, lower: str) -> bool:
    """True when ``upper`` is ``lower`` or its beginning, or says nearly the same words."""
    if lower.startswith(upper.rstrip(" .…")):
        return True
    a, b = content_words(upper), content_words(lower)
    return len(a) >= 4 and len(a & b) >= _SAME_WORDS * len(a | b)


def _mark_threads(page: list[Line], labels: list[Label | None]) -> None:
    """A forum thread: after the first post's number ("#1") come the replies."""
    posts = [
        ln.index
        for ln in page
        if labels[ln.index] is not None and labels[ln.index] == _POST_NUMBER_LABEL
    ]
    if len(posts) < 2:
        return
    # The first post's number is under it (XenForo) or over it (vBulletin): with no prose
    # before the first number, the first post is the one after it.
    prose_before = any(
        labels[ln.index] is None and ln.body_like and ln.words >= _TEASER_WORDS[0]
        for ln in page[max(0, posts[0] - _OPENING_LINES) : posts[0]]
    )
    first_reply = posts[0] if prose_before else posts[1]
    for line in page[first_reply + 1 : posts[-1] + 1]:
        label = labels[line.index]
        if label is None or label[0] in CONTENT_KINDS:
            labels[line.index] = (K.COMMENT, "a reply in the thread after the first post")
    # The likes under the last reply belong to it.
    for line in page[posts[-1] + 1 :]:
        if labels[line.index] is not None:
            break
        if not line.body_like or line.words > _CAPTION_WORDS:
            break
        labels[line.index] = (K.COMMENT, "a reply in the thread after the first post")
        break


_POST_NUMBER_LABEL: Label = (K.COMMENT, "post number of a forum thread")
_RUN_OF_HEADLINES: Label = (K.RELATED, "run of headlines: links to other articles")


def _mark_comment_groups(page: list[Line], labels: list[Label | None], lex: Lexicon) -> None:
    """Readers' comments laid out as records, two or more in a row: a name, the text, and
    its time or its reply button ("Lê Văn Tâm" / text / "12/09/2024 08:15")."""
    groups: list[tuple[int, int]] = []
    for meta in page:
        if not _comment_meta_line(meta, labels[meta.index]):
            continue
        for name_at, text_at in (
            (meta.index - 2, meta.index - 1),
            (meta.index - 1, meta.index + 1),
        ):
            if not (name_at >= 0 and text_at < len(page)):
                continue
            name, text = page[name_at], page[text_at]
            if (
                labels[name.index] is None
                and labels[text.index] is None
                and name.words <= _MENU_WORDS
                and byline_names(name.text, lex)
                and text.words >= _SENTENCE_WORDS
            ):
                groups.append((name_at, max(meta.index, text_at)))
                break
    runs: list[list[tuple[int, int]]] = []
    for group in groups:
        if runs and group[0] <= runs[-1][-1][1] + 2:
            runs[-1].append(group)
        else:
            runs.append([group])
    for run in runs:
        if len(run) < _COMMENT_GROUPS:
            continue
        for low, high in run:
            for i in range(low, high + 1):
                label = labels[i]
                if label is None or label[0] in CONTENT_KINDS:
                    labels[i] = (K.COMMENT, "a reader's comment: a name, the text, its time")


def _comment_meta_line(line: Line, label: Label | None) -> bool:
    """A comment's time alone ("12/09/2024 08:15") or its reply or like button."""
    if label is None:
        return False
    if label[0] is K.COMMENT:
        return line.words <= _MENU_WORDS
    return (
        label[0] is K.DATELINE
        and line.words <= _MENU_WORDS
        and not any(c.isalpha() for c in line.text.replace("h", ""))
    )


def _mark_cards(page: list[Line], labels: list[Label | None], first: int) -> None:
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


def _starts_card(page: Sequence[Line], i: int) -> bool:
    return i + 1 < len(page) and page[i].headline_like and page[i].fold == page[i + 1].fold


def _mark_runs(page: list[Line], labels: list[Label | None], first: int) -> None:
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
            and " | " not in ln.text  # a table's row
        ]
        for group in _consecutive(headlines):
            if len(group) >= 2:
                for ln in group:
                    labels[ln.index] = _RUN_OF_HEADLINES


def _mark_media_lists(page: list[Line], labels: list[Label | None]) -> None:
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


def _menu_item(line: Line) -> bool:
    if line.words > 2 * _MENU_WORDS or line.final in {".", ":", ";", ","}:
        return False
    return line.words <= _MENU_WORDS or real_words(line) <= _MENU_WORDS


def _glued_runs(page: Sequence[Line]) -> list[list[Line]]:
    runs: list[list[Line]] = []
    for line in page:
        if line.glued_above and runs:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _consecutive(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and groups[-1][-1].index == line.index - 1:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


# -- pass 2: the article -------------------------------------------------------------------


@attrs.define(slots=True)
class _Zone:
    start: int
    end: int


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
    _mark_lead_teasers(page, labels)
    zone = _best_zone(page, labels)
    if zone is None:
        _label_rest(page, labels, K.RELATED, "no article text on the page")
        empty = "the page has no running text" if page else "the page has no text"
        return Verdict(is_article=False, reason=empty)
    title = _choose_title(page, labels, zone, lex, headlines)
    listing = _not_an_article(page, labels, zone, title, headlines)
    if listing is not None:
        _label_rest(page, labels, K.RELATED, "a headline or teaser of a front page or a list")
        return Verdict(is_article=False, reason=listing)
    if title is not None and title.index >= zone.start:
        zone = _Zone(min(title.index + 1, zone.end), zone.end)
    start = title.index if title is not None else zone.start
    _restore_lists(page, labels, start, zone)
    _mark_inline_cards(page, labels, zone)
    if title is not None:
        labels[title.index] = (K.TITLE, "the headline above the article's lead")
    _mark_title_copies(page, labels, title)
    _mark_photo_captions(page, labels, zone, lex)
    _mark_cue_captions(page, labels, lex, after=max(zone.start, start))
    end = _article_end(page, labels, zone, lex)
    _mark_opening(page, labels, start, zone, lex)
    _mark_body(page, labels, zone, end, lex)
    signature = _mark_tail(page, labels, end, lex)
    _mark_outside(page, labels, lex, start=start, end=end, signature=signature)
    return Verdict()


def _mark_inline_cards(page: list[Line], labels: list[Label | None], zone: _Zone) -> None:
    """A card of another article set inside the body: a headline and its teaser printed
    together (no blank line between them, or a date between) where the article's own
    paragraphs stand apart."""
    paragraphs = [
        ln for ln in page[zone.start : zone.end + 1] if labels[ln.index] is None and ln.body_like
    ]
    apart = sum(1 for ln in paragraphs if not ln.glued_above)
    if len(paragraphs) < _CARD_CONTEXT or apart < _APART_SHARE * len(paragraphs):
        return
    for i in range(zone.start + 1, zone.end):
        head = page[i]
        if labels[i] is not None or not head.headline_like or head.body_like:
            continue
        j = i + 1
        dated = _is_kind(labels[j], K.DATELINE) and page[j].glued_above
        if dated:
            j += 1
        if j > zone.end:
            continue
        teaser = page[j]
        if (
            labels[j] is None
            and teaser.body_like
            and teaser.glued_above
            and (dated or not head.glued_above)
        ):
            labels[i] = (K.RELATED, "the headline of a card set inside the body")
            if dated:
                labels[i + 1] = (K.RELATED, "the date of a card set inside the body")
            labels[j] = (K.RELATED, "the teaser of a card set inside the body")


def _restore_lists(page: list[Line], labels: list[Label | None], start: int, zone: _Zone) -> None:
    """Short lines in a row inside the article that its structures took for links to
    other articles are the article's own list when they are numbered in order (a box of
    other stories is not numbered; its words, about related stories, are no evidence)."""
    group: list[Line] = []
    for line in [*page[start + 1 : zone.end + 1], None]:
        if line is not None and labels[line.index] == _RUN_OF_HEADLINES:
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


def _weight(line: Line, label: Label | None) -> int:
    if label is None:
        if not line.body_like:
            return -_SHORT_COST
        weight = max(min(line.words, _PARAGRAPH_CAP) - _ZONE_COST, 1)
        if line.evidence is not None and line.evidence.inside is False:
            # Prose outside the element that holds the article's text counts for less.
            return max(weight // _OUTSIDE_SHARE, 1)
        return weight
    kind = label[0]
    if kind in CONTENT_KINDS:
        return 0
    if kind is K.COMMENT:
        return -_BARRIER_COST
    if kind in {K.SECTION_LABEL, K.FOOTER}:
        return -_LABEL_COST
    return -_NOISE_COST


def _best_zone(page: Sequence[Line], labels: Sequence[Label | None]) -> _Zone | None:
    """The run of lines with the largest total weight (Kadane's maximum subarray)."""
    best: _Zone | None = None
    best_total = 0
    total = 0
    start = 0
    for line in page:
        weight = _weight(line, labels[line.index])
        if total <= 0:
            total, start = weight, line.index
        else:
            total += weight
        if total > best_total:
            best_total, best = total, _Zone(start, line.index)
    return best


def _mark_lead_teasers(page: list[Line], labels: list[Label | None]) -> None:
    """An article opens with its outlet's lead ("(Soha.vn) - ..."), once: a later paragraph
    that opens with one is another article's teaser, and the headline above it its card."""
    leads = [
        ln for ln in page if labels[ln.index] is None and ln.body_like and _outlet_lead(ln.text)
    ]
    for line in leads[1:]:
        labels[line.index] = (K.RELATED, "another article's lead: a teaser")
        above = _free_above(page, labels, line.index)
        if above is not None and page[above].headline_like:
            labels[above] = (K.RELATED, "the headline of a teaser")


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


def _not_an_article(
    page: Sequence[Line],
    labels: Sequence[Label | None],
    zone: _Zone,
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
    if openings >= _FRONT_OPENINGS and run <= _FRONT_RUN:
        return (
            f"a list of other articles: {openings} stories open with a headline, a date and a lead"
        )
    cards = _count_cards(page, labels)
    if cards < _FRONT_CARDS:
        return None
    if run <= _FRONT_RUN and lists >= paragraphs:
        return (
            f"a list of other articles: {cards} headline cards, and its densest text is "
            f"{paragraphs} teasers among {lists} lines of links"
        )
    confirmed = title is not None and (_marked(title, headlines) or _dated(page, labels, title))
    if run <= 1 and not confirmed:
        return (
            f"a list of other articles: {cards} headline cards, no two paragraphs in a row "
            "and no dated headline"
        )
    return None


def _zone_shape(
    page: Sequence[Line], labels: Sequence[Label | None], zone: _Zone
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
        elif label[0] not in _PHOTO_KINDS and label[0] is not K.DATELINE:
            lists += 1
            run = 0
    return best, lists, paragraphs


def _marked(line: Line, headlines: Sequence[str]) -> bool:
    return any(_names(fold_key(h), line.fold) for h in headlines if h.strip())


def _names(marked: str, fold: str) -> bool:
    """True when a headline of the markup names this line: the same words, or the line and
    then a separator ("<headline> - VnExpress", "<headline> | Section | Site")."""
    if not fold or len(fold.split()) < _TITLE_WORDS - 2:
        return False
    return marked == fold or (
        marked.startswith(fold) and marked[len(fold) : len(fold) + 3].strip()[:1] in _TITLE_SEPS
    )


_TITLE_SEPS = frozenset("-–—|:·•,")


def _dated(page: Sequence[Line], labels: Sequence[Label | None], line: Line) -> bool:
    """True when a dateline is within two lines of ``line``."""
    near = range(max(0, line.index - 2), min(len(page), line.index + 3))
    return any(_is_kind(labels[j], K.DATELINE) for j in near)


def _is_kind(label: Label | None, kind: BlockKind) -> bool:
    return label is not None and label[0] is kind


def _count_openings(page: Sequence[Line], labels: Sequence[Label | None]) -> int:
    """How many stories open on the page (see :func:`_opens_story`); a comment thread's
    posts are no stories."""
    return sum(
        1
        for line in page
        if not _is_kind(labels[line.index], K.COMMENT)
        and _opens_story(page, labels, line.index, free=False)
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
            low, high = _TEASER_WORDS
            if teaser.body_like and low <= teaser.words <= high:
                after = page[j + 1] if j + 1 < len(page) else None
                if after is None or not after.body_like or after.words < low:
                    cards += 1
                break
            if teaser.headline_like and labels[j] is None:
                break
    return cards


def _lead_words(page: Sequence[Line], labels: Sequence[Label | None], zone: _Zone) -> set[str]:
    words: list[str] = []
    for line in page[zone.start : zone.end + 1]:
        if labels[line.index] is None and line.body_like:
            words.extend(fold_key(line.text).split()[: _LEAD_WORDS - len(words)])
            if len(words) >= _LEAD_WORDS:
                break
    return content_words(" ".join(words))


def _choose_title(
    page: Sequence[Line],
    labels: Sequence[Label | None],
    zone: _Zone,
    lex: Lexicon,
    headlines: Sequence[str],
) -> Line | None:
    """The headline of the article's opening: the headline-shaped line above the body that
    the most evidence points at (its dateline and byline, the words it shares with the
    lead, its copies on the page, the markup's headline), if any is good enough."""
    folds: dict[str, list[int]] = {}
    for line in page:
        if line.fold:
            folds.setdefault(line.fold, []).append(line.index)
    opening = _Opening(
        page=page,
        labels=labels,
        zone=zone,
        lex=lex,
        lead=_lead_words(page, labels, zone) - lex.function_words,
        marked=tuple(fold_key(h) for h in headlines if h.strip()),
        folds=folds,
    )
    candidates: list[tuple[float, int, Line]] = []
    seen: set[int] = set()
    inside = [
        line
        for line in page[zone.start : min(zone.end, zone.start + _OPENING_INSIDE) + 1]
        if not line.body_like and _dated(page, labels, line)
    ]
    for line in [*_opening_window(page, labels, zone.start), *inside]:
        # A headline printed again near the body (a sticky bar) stands for the first copy.
        for index in [line.index, *folds.get(line.fold, [])]:
            if index in seen or index > zone.start + _OPENING_INSIDE:
                continue
            seen.add(index)
            candidate = page[index]
            if _title_shaped(candidate, labels[index]):
                candidates.append((opening.score(candidate), -index, candidate))
    if not candidates:
        return None
    score, _index, best = max(candidates, key=lambda c: (c[0], c[1]))
    return best if score >= 0 else None


@attrs.frozen(kw_only=True)
class _Opening:
    """What a headline candidate is weighed against."""

    page: Sequence[Line]
    labels: Sequence[Label | None]
    zone: _Zone
    lex: Lexicon
    lead: set[str]
    marked: tuple[str, ...]
    folds: dict[str, list[int]]

    def score(self, line: Line) -> float:
        page, labels, zone, lex = self.page, self.labels, self.zone, self.lex
        score = 0.0
        if any(_names(marked, line.fold) for marked in self.marked):
            score += _MARKUP_TITLE
        if line.evidence is not None and line.evidence.heading == 1:
            score += _MAIN_HEADING
        if _dated(page, labels, line):
            score += _NEAR_DATELINE
        below = page[line.index + 1] if line.index + 1 < zone.start else None
        if below is not None and (byline_names(below.text, lex) or _byline_lead(page, below, lex)):
            score += _NEAR_BYLINE
        words = content_words(line.fold) - lex.function_words
        if words:
            score += _SHARED_WORDS * len(words & self.lead) / len(words)
        score += _COPY * min(self._copies(line), 2)
        if real_words(line) < _TITLE_WORDS:
            score -= _SHORT_HEADLINE
        if _in_a_list(page, line):
            score -= _IN_A_LIST
        if line.text.isupper():
            score -= _CAPITALS
        # Free headline-shaped lines between it and the body would be its subheadings; free
        # prose above it means it is a subheading of that prose.
        between = page[line.index + 1 : zone.start]
        score -= _DISTANCE * sum(
            1
            for o in between
            if labels[o.index] is None and o.headline_like and o.fold != line.fold
        )
        above = page[max(0, line.index - _OPENING_LINES) : line.index]
        if any(
            labels[o.index] is None
            and o.body_like
            and o.words >= _TEASER_WORDS[0]
            and not (o.index > 0 and page[o.index - 1].fold == line.fold)
            for o in above
        ):
            # (the text under a copy of the headline is that photo's caption, not prose)
            score -= _BELOW_TEXT
        return score

    def _copies(self, line: Line) -> int:
        """Other lines that print the candidate again, alone or with more after it (an
        image's alt "<headline> 2", a breadcrumb's last item)."""
        copies = sum(1 for other in self.folds.get(line.fold, []) if other != line.index)
        prefix = line.fold + " "
        return copies + sum(
            1 for other in self.page if other.index != line.index and other.fold.startswith(prefix)
        )


def _opening_window(page: Sequence[Line], labels: Sequence[Label | None], start: int) -> list[Line]:
    """The lines above the body where the headline is looked for, nearest first."""
    return list(reversed(page[max(0, start - _OPENING_LINES) : start]))


def _title_shaped(line: Line, label: Label | None) -> bool:
    if not line.headline_like or (line.body_like and line.words >= _BODY_WORDS):
        return False
    if label is None:
        return True
    # Structures may have taken the headline for a link of a list; line rules may not.
    return _soft(label) or (label[0] is K.IMAGE_ALT and "repeats" in label[1])


_SOFT_REASONS = frozenset(
    {
        "run of headlines: links to other articles",
        "menu: a run of short links",
        "headline repeated on two lines: related card",
    }
)
_LISTED = "listed under the section label"
_REPEATED = "the same text"
_HEADLINE_COPY = "repeats the headline: image alt text"


def _soft(label: Label | None) -> bool:
    """True for the labels that structures give from a group's shape alone, which the
    article's evidence may overrule (a headline taken for a link of the list above it)."""
    return label is not None and (
        label[1] in _SOFT_REASONS or label[1].startswith((_LISTED, _REPEATED))
    )


def _in_a_list(page: Sequence[Line], line: Line) -> bool:
    def listed(i: int) -> bool:
        return 0 <= i < len(page) and page[i].headline_like and not page[i].body_like

    above = line.glued_above and listed(line.index - 1)
    below = line.glued_below and listed(line.index + 1)
    return above and below


def _mark_title_copies(page: list[Line], labels: list[Label | None], title: Line | None) -> None:
    if title is None:
        return
    for line in page:
        if line.index == title.index or not line.fold:
            continue
        label = labels[line.index]
        if line.fold == title.fold and (label is None or _soft(label)):
            labels[line.index] = (K.IMAGE_ALT, _HEADLINE_COPY)


def _mark_section_zone(page: list[Line], labels: list[Label | None], start: int) -> None:
    """A section label after the article's start opens a list of other articles.

    The list runs to the end of the page, unless the article resumes: two long paragraphs
    in a row, neither a truncated teaser, mean the box was set inside the article.
    """
    name: str | None = None
    for i in range(start + 1, len(page)):
        label = labels[i]
        if label is not None and label[0] is K.SECTION_LABEL:
            name = page[i].text.rstrip(": ")
        elif name is None:
            continue
        elif label is None and _article_resumes(page, labels, i):
            name = None
        elif label is None or label[0] in {K.DATELINE, K.BYLINE, K.CAPTION}:
            labels[i] = (K.RELATED, f"{_LISTED} '{name}'")


def _article_resumes(page: Sequence[Line], labels: Sequence[Label | None], i: int) -> bool:
    def paragraph(line: Line) -> bool:
        return (
            labels[line.index] is None
            and line.words >= _BODY_WORDS
            and not line.text.endswith(("...", "…"))
        )

    if i + 1 < len(page) and paragraph(page[i]) and paragraph(page[i + 1]):
        return True
    return _opens_story(page, labels, i)


def _opens_story(
    page: Sequence[Line], labels: Sequence[Label | None], i: int, *, free: bool = True
) -> bool:
    """True when line ``i`` is a headline followed within two lines by a dateline, and that
    within two lines by a paragraph (``free``: lines no rule has named)."""
    line = page[i]
    if (free and labels[i] is not None) or not line.headline_like or line.body_like:
        return False
    date = next(
        (j for j in range(i + 1, min(len(page), i + 3)) if _is_kind(labels[j], K.DATELINE)),
        None,
    )
    if date is None:
        return False
    after = range(date + 1, min(len(page), date + 3))
    lead = next(
        (
            j
            for j in after
            if (labels[j] is None or not free)
            and page[j].body_like
            and page[j].words >= _TEASER_WORDS[0]
        ),
        None,
    )
    if lead is None:
        return False
    if not free:
        return True
    # A story that resumes goes on after its lead (more prose, or its photos); a card's
    # teaser stands alone.
    return any(
        (labels[j] is None and page[j].body_like) or _is_photo(labels[j])
        for j in range(lead + 1, min(len(page), lead + 3))
    )


def _mark_photo_captions(
    page: list[Line], labels: list[Label | None], zone: _Zone, lex: Lexicon
) -> None:
    """The text right under a photo is its caption, when the texts under the page's photos
    are no longer than its other paragraphs (a photo story, not prose with pictures
    between). A caption printed again under another photo is that photo's alt text."""
    first_copy: dict[str, int] = {}
    for line in page:
        if not _is_kind(labels[line.index], K.IMAGE_ALT):
            first_copy.setdefault(line.fold, line.index)
    under: list[Line] = []
    low, high = _photo_span(page, labels, zone)
    for line in page[low : high + 1]:
        if line.evidence is not None and line.evidence.inside is False:
            continue  # the photos of the site's boxes
        if line.evidence is not None and line.evidence.photo:
            j = line.index  # the markup shows the photo right above this line
        elif _is_kind(labels[line.index], K.IMAGE_ALT):
            j = line.index + 1
        else:
            continue
        if j >= len(page) or not _describes(page[j]) or (under and under[-1].index == j):
            continue
        below = labels[j]
        if below is None or (_soft(below) and not below[1].startswith(_REPEATED)):
            under.append(page[j])
    if not under:
        return
    photos = {line.index for line in under}
    others = [
        ln.words
        for ln in page[zone.start : zone.end + 1]
        if labels[ln.index] is None and ln.body_like and ln.index not in photos
    ]
    typical = sorted(others)[len(others) // 2] if others else _PHOTO_CAPTION_WORDS
    middle = sorted(ln.words for ln in under)[len(under) // 2]
    story = (
        len(under) >= _STORY_PHOTOS
        and len(under) >= len(others)
        and middle <= _STORY_SHARE * typical
    )
    seen: set[str] = set()
    for line in under:
        if not _caption_shaped(line, lex):
            continue
        if line.fold in seen:
            labels[line.index] = (K.IMAGE_ALT, "a caption printed again: a photo's alt text")
            continue
        if first_copy[line.fold] != line.index:
            continue  # a copy of a line above that is not a caption (the lead printed again)
        # In a photo story every text under a photo is its caption. Elsewhere prose goes on
        # after a paragraph under a photo, while after a caption comes the next photo, a
        # subheading or the end; and a text a third as long as the page's paragraphs is a
        # caption anyway.
        short = line.words * _SHORT_SHARE <= typical
        alone = line.words <= _CAPTION_WORDS and not _prose_follows(page, labels, line)
        if line.evidence is not None:
            # The markup shows a caption as one: in italics, as most sites set them.
            alone = short = line.evidence.italic
        if not (story or short or alone):
            continue
        seen.add(line.fold)
        labels[line.index] = (K.CAPTION, "the text right under a photo")


def _photo_span(
    page: Sequence[Line], labels: Sequence[Label | None], zone: _Zone
) -> tuple[int, int]:
    """The zone widened over the photos that follow on from it: photos a few lines apart
    from the zone, or from each other, are the article's (a photo story runs past the
    prose); photos further away are the site's."""
    photos = [
        line.index
        for line in page
        if _is_kind(labels[line.index], K.IMAGE_ALT)
        or (line.evidence is not None and line.evidence.photo)
    ]
    low, high = zone.start, zone.end
    for index in photos:
        if high < index <= high + _PHOTO_GAP:
            high = index + 1
    for index in reversed(photos):
        if low - _PHOTO_GAP <= index < low:
            low = index
    return max(0, low), min(len(page) - 1, high)


def _prose_follows(page: Sequence[Line], labels: Sequence[Label | None], line: Line) -> bool:
    """True when a paragraph comes right after the line (not a photo, not its caption)."""
    following = page[line.index + 1] if line.index + 1 < len(page) else None
    if following is None or labels[following.index] is not None or not following.body_like:
        return False
    return following.evidence is None or not following.evidence.photo


def _describes(line: Line) -> bool:
    """Long enough to describe a photo: a sentence, or eight words and more (a subheading
    under a photo is shorter)."""
    return line.body_like or line.words >= _DESCRIPTION_WORDS


def _caption_shaped(line: Line, lex: Lexicon) -> bool:
    if line.words > _PHOTO_CAPTION_WORDS or line.final in {":", ";"} or line.has_url:
        return False
    if byline_names(line.text, lex) is not None:
        return False  # a signature under the last photo
    sentences = sum(line.text.count(mark) for mark in (". ", "? ", "! ")) + 1
    return sentences <= _PHOTO_CAPTION_SENTENCES


def _mark_cue_captions(
    page: list[Line], labels: list[Label | None], lex: Lexicon, *, after: int
) -> None:
    for line in page[after + 1 :]:
        if labels[line.index] is None and _describes_photo(line, lex):
            labels[line.index] = (K.CAPTION, "short line describing a photo")


def _describes_photo(line: Line, lex: Lexicon) -> bool:
    if line.words > _CAPTION_WORDS or line.final in {":", ";", ","}:
        return False
    inner = line.text.rstrip(_CLOSERS + ".")
    if any(inner.count(mark) for mark in (". ", "? ", "! ", ": ")):
        return False  # more than one sentence, or a quotation: a paragraph
    words = [w.strip(_WORD_PUNCT) for w in line.fold.split()]
    if any(_is_day_month(w) for w in words[:5]):
        return False  # opens with a time ("Chiều 19/12, ..."): a news sentence
    if starts_with_phrase(line.fold, lex.narrative_openers):
        return False  # "Sau hội đàm, ...": the story goes on
    grams = {" ".join(words[i : i + n]) for n in (1, 2, 3, 4) for i in range(len(words))}
    return bool(grams & lex.caption_cues) and not grams & lex.tense_markers


def _is_day_month(word: str) -> bool:
    parts = word.replace("-", "/").split("/")
    return 2 <= len(parts) <= 3 and all(p.isdigit() and len(p) <= 4 for p in parts)


def _article_end(page: list[Line], labels: list[Label | None], zone: _Zone, lex: Lexicon) -> int:
    """The last line of the body: the zone's end, or an earlier line the article shows to be
    its last (the press end mark; a signature with at most a line after it; the cards of
    other articles set under it)."""
    for line in page[zone.start : zone.end + 1]:
        if labels[line.index] is None and line.body_like and has_end_mark(line.text):
            return line.index
    end = _extend_over_inline(page, labels, _cut_trailing_cards(page, labels, zone))
    for line in page[zone.start + 1 : end + 1]:
        if labels[line.index] is None and _byline_form(line, lex) and line.words <= 5:
            after = [o for o in page[line.index + 1 : end + 1] if labels[o.index] is None]
            if sum(1 for o in after if o.body_like) <= 1:
                return max(zone.start, _last_free(page, labels, zone.start, line.index - 1))
    return end


def _extend_over_inline(page: Sequence[Line], labels: Sequence[Label | None], end: int) -> int:
    """Past a link, a photo or a share button set under a paragraph, a sentence still
    belongs to the article (the zone stops where such a line costs more than the sentence
    adds)."""
    i = end + 1
    skipped = 0
    while i < len(page) and skipped <= _INLINE_LINES:
        label = labels[i]
        if label is None:
            line = page[i]
            sentence = line.final in {".", "!", "?", "…"} or not line.headline_like
            if not (sentence and line.words >= _SENTENCE_WORDS):
                break
            end, skipped = i, 0
        elif label[0] in _INLINE_KINDS and not _soft(label):
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


def _cut_trailing_cards(page: list[Line], labels: list[Label | None], zone: _Zone) -> int:
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
            and _TEASER_WORDS[0] <= teaser.words <= _TEASER_WORDS[1]
            and head.headline_like
            and not head.body_like
            and not _NUMBERED.match(head.text)
        ):
            pairs.append((head.index, teaser.index))
            i -= 2
        else:
            break
    if len(pairs) < 2:
        return zone.end
    for head_index, teaser_index in pairs:
        labels[head_index] = (K.RELATED, "the headline of a card under the article")
        labels[teaser_index] = (K.RELATED, "the teaser of a card under the article")
    return _last_prose(page, labels, zone.start, pairs[-1][0] - 1)


def _mark_opening(
    page: list[Line], labels: list[Label | None], start: int, zone: _Zone, lex: Lexicon
) -> None:
    """Between the headline and the body: the dateline, the byline, the lead; a box of
    links set between the lead and the body stays the site's."""
    in_box = False
    known = _dateline_names(page[start + 1 : zone.start], labels, lex)
    for line in page[start + 1 : zone.start]:
        label = labels[line.index]
        if label is None and fold_key(line.text) in known:
            labels[line.index] = (K.BYLINE, "the author the dateline names")
            continue
        if label is not None and (label[0] is K.SECTION_LABEL or _in_box(label)):
            in_box = True
        if in_box:
            if label is None:
                labels[line.index] = (K.BODY, "text between a box of links and the body")
            continue
        if line.is_link and (byline_names(line.text, lex) or _after_byline_lead(page, line, lex)):
            labels[line.index] = (K.BYLINE, "author names under the headline (a link)")
            continue
        if label is not None and not (_soft(label) and line.body_like):
            continue
        if line.body_like:
            labels[line.index] = (K.BODY, "the lead, under the headline")
        elif byline_names(line.text, lex) or _byline_lead(page, line, lex):
            labels[line.index] = (K.BYLINE, "author names under the headline")
        elif _menu_item(line):
            labels[line.index] = (K.NAVIGATION, "short label in the article's header")
        elif line.words >= _DECK_WORDS or (line.final == ":" and line.words >= _SENTENCE_WORDS):
            labels[line.index] = (
                K.BODY,
                "text under the headline (a deck, or a sentence that leads in)",
            )
        else:
            labels[line.index] = (K.HEADER, "a label in the article's header, not a sentence")


def _dateline_names(
    lines: Sequence[Line], labels: Sequence[Label | None], lex: Lexicon
) -> frozenset[str]:
    """The names the datelines among ``lines`` give ("... bắt đầu bởi minhduc_vf8, ...")."""
    names: set[str] = set()
    for line in lines:
        if _is_kind(labels[line.index], K.DATELINE):
            parts = header_parts(line.text, lex)
            if parts is not None:
                names.update(fold_key(name) for name in parts.names)
    return frozenset(names)


def _after_byline_lead(page: Sequence[Line], line: Line, lex: Lexicon) -> bool:
    """True for the name under a byline's first word on a line of its own ("by" / "Admin"):
    a handle may be any word."""
    return line.index > 0 and page[line.index - 1].fold in lex.byline_prefixes and line.words <= 3


def _in_box(label: Label) -> bool:
    """True for the labels of a list of links (a box of related articles)."""
    return label[1] in _SOFT_REASONS and label[0] is K.RELATED


def _byline_lead(page: Sequence[Line], line: Line, lex: Lexicon) -> bool:
    """A byline's first word on a line of its own ("by" above "Admin")."""
    if line.fold not in lex.byline_prefixes or line.index + 1 >= len(page):
        return False
    return bool(byline_names(page[line.index + 1].text, lex))


def _mark_body(
    page: list[Line], labels: list[Label | None], zone: _Zone, end: int, lex: Lexicon
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
            and line.index - zone.start <= _EDGE_LINES
            and _byline_under_lead(line, lex)
            and line.fold not in lead  # the lead's subject is no author
        ):
            labels[line.index] = (K.BYLINE, "author names under the lead")
            continue
        why = "paragraph" if line.body_like else "short line inside the body (a subheading)"
        labels[line.index] = (K.BODY, why)


def _byline_under_lead(line: Line, lex: Lexicon) -> bool:
    names = byline_names(line.text, lex)
    return bool(names) and line.words <= _MENU_WORDS and line.final != ":"


def _mark_tail(page: list[Line], labels: list[Label | None], end: int, lex: Lexicon) -> int | None:
    """Right after the body, past its photos and the links set under it: the signature
    (its index)."""
    first = max(_photo_run(page, labels, end, 1), default=end) + 1
    for j in range(first, min(first + _TAIL_LINES, len(page))):
        line = page[j]
        label = labels[j]
        if label is not None and not _soft(label) and not line.is_link:
            if label[0] is K.BYLINE:
                return j
            if label[0] in {K.SECTION_LABEL, K.COMMENT, K.FOOTER}:
                return None
            continue
        names = signature_names(line.text, lex)
        if names is not None and not names and starts_with_phrase(line.fold, lex.byline_prefixes):
            # "Theo TTXVN": where the story comes from, no author; a signature may follow.
            labels[j] = (K.SOURCE_LABEL, "the story's source after the body (no author)")
            continue
        if names:
            labels[j] = (K.BYLINE, "the author's signature after the body")
            return j
        parts = header_parts(line.text, lex) if label is None or _soft(label) else None
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
    keep = _photo_run(page, labels, start, -1) | _photo_run(page, labels, end, 1)
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
    while 0 <= i < len(page) and abs(i - edge) <= _EDGE_LINES:
        label = labels[i]
        if label is not None and label[0] in {K.DATELINE, K.BYLINE}:
            kept.add(i)
        elif (
            step < 0
            and abs(i - edge) <= 2
            and (label is None or _soft(label))
            and _byline_form(page[i], lex)
        ):
            labels[i] = (K.BYLINE, "author names above the headline")
            kept.add(i)
        elif label is None or label[0] in {K.SECTION_LABEL, K.COMMENT, K.FOOTER}:
            break
        i += step
    return kept


def _byline_form(line: Line, lex: Lexicon) -> bool:
    """True for a line above a headline that can only be a byline: names after a byline
    word, names in capitals, or full names with a surname (menu items above a headline
    look like names too: "Thế giới", "Miss Game")."""
    names = byline_names(line.text, lex)
    if not names or line.fold.strip(" :.-–|") in lex.kickers:
        return False  # a genre label ("PHÓNG SỰ") is set in capitals too
    if starts_with_phrase(line.fold, lex.byline_prefixes):
        return True
    if all(name.isupper() for name in names):
        return True
    return all(
        len(name.split()) >= 3 and fold_key(name.split()[0]) in lex.surnames for name in names
    )


def _photo_run(
    page: Sequence[Line], labels: Sequence[Label | None], edge: int, step: int
) -> set[int]:
    run: set[int] = set()
    i = edge + step
    while 0 <= i < len(page):
        label = labels[i]
        if not _is_photo(label) and _between_photos(page[i], label):
            # a toolbar's text or a "see also" link between two photos
            beyond = i + step
            if 0 <= beyond < len(page) and _is_photo(labels[beyond]):
                i = beyond
                continue
        if not _is_photo(label):
            break
        run.add(i)
        i += step
    return run


def _between_photos(line: Line, label: Label | None) -> bool:
    if label is None:
        return line.words <= _MENU_WORDS and not line.body_like and ":" not in line.text
    return label[0] is K.WIDGET or (label[0] is K.RELATED and label[1] == SEE_ALSO)


def _is_photo(label: Label | None) -> bool:
    return label is not None and label[0] in _PHOTO_KINDS


# What sits around a photo: its alt text, its caption, its credit, its toolbar.
_PHOTO_KINDS = frozenset({K.CAPTION, K.IMAGE_ALT, K.PHOTO_CREDIT, K.DUPLICATE})


def _above_article(line: Line) -> Label:
    if _menu_item(line):
        return K.NAVIGATION, "short label above the article"
    if line.body_like:
        return K.RELATED, "text above the article's headline"
    return K.HEADER, "the site's masthead or a label above the article's headline"


def _label_rest(page: Sequence[Line], labels: list[Label | None], kind: K, why: str) -> None:
    for line in page:
        label = labels[line.index]
        if label is None or label[0] in CONTENT_KINDS:
            labels[line.index] = (kind, why)


def split_credit_only(line: Line, lex: Lexicon) -> bool:
    """True when the line is a photo credit and nothing else ("Ảnh: Misso")."""
    split = split_credit(line.text, lex)
    return split is not None and not split[0]
