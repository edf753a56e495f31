"""Groups of lines that are the site's furniture, found before the article is looked for:
photo credits, tables, repeated texts and photos' alt copies, forum threads and comment
records, related-article cards, runs of menu items and headlines, media lists, and the list
of links a section label opens."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ._knobs import (
    ALT_WORDS,
    BODY_WORDS,
    CAPTION_WORDS,
    COMMENT_GROUPS,
    MENU_WORDS,
    OPENING_LINES,
    REPEATED_TEXT,
    REPEATED_WORDS,
    SAME_WORDS,
    SENTENCE_WORDS,
    TEASER_WORDS,
)
from ._lexicon import Lexicon
from ._meta import (
    byline_names,
    starts_with_phrase,
)
from ._models import CONTENT_KINDS, BlockKind
from ._page import (
    RUN_OF_HEADLINES,
    Card,
    Label,
    Line,
    Listed,
    Repeated,
    Soft,
    consecutive,
    describes,
    is_kind,
    is_photo,
    menu_item,
    strip_alt_number,
)
from ._rules import CREDIT_ALONE, POST_NUMBER

__all__ = ["mark_structures", "opens_story"]

K = BlockKind


def _first_body(page: Sequence[Line], labels: Sequence[Label | None]) -> int:
    """The index of the first free line shaped like a paragraph."""
    return next((ln.index for ln in page if labels[ln.index] is None and ln.body_like), len(page))


def mark_structures(page: list[Line], labels: list[Label | None], lex: Lexicon) -> None:
    """Label the groups of lines that are the site's furniture, in place."""
    _mark_credit_lines(page, labels, lex)
    _free_tables(page, labels)
    _mark_repeats(page, labels)
    _mark_alt_copies(page, labels, lex)
    _mark_duplicates(page, labels)
    _mark_threads(page, labels, lex)
    _mark_comment_groups(page, labels, lex)
    first = _first_body(page, labels)
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
        if above is not None and is_kind(labels[above.index], K.CAPTION):
            continue  # the caption's credit on the next line
        if above is not None and labels[above.index] is None and line.glued_above:
            if byline_names(above.text, lex):
                labels[line.index] = (K.PHOTO_CREDIT, "the photos' credit under the byline")
                continue
            if above.words <= CAPTION_WORDS:
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
            (is_kind(labels[line.index], K.BREADCRUMB) or is_kind(labels[line.index], K.NAVIGATION))
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
            and line.repeats >= REPEATED_TEXT
            and line.words >= REPEATED_WORDS
        ):
            labels[line.index] = Repeated(
                K.IMAGE_ALT, f"the same text {line.repeats} times on the page"
            )


def _mark_alt_copies(page: list[Line], labels: list[Label | None], lex: Lexicon) -> None:
    """Photos' alt texts: a line repeated with a number ("<title> 3", "<title> - Ảnh 2."),
    and a line printed again right below with more words (an alt above its caption)."""
    folds = {line.fold for line in page if line.fold}
    numbered: dict[str, set[str]] = {}
    stems = [strip_alt_number(line.fold, lex) if line.fold else None for line in page]
    for line, stem in zip(page, stems, strict=True):
        if stem:
            numbered.setdefault(stem, set()).add(line.fold)
    for line, stem in zip(page, stems, strict=True):
        if labels[line.index] is not None or not line.fold:
            continue
        if stem and len(stem.split()) >= 3 and (stem in folds or len(numbered[stem]) >= 2):
            labels[line.index] = (K.IMAGE_ALT, "a photo's alt text: the headline with a number")
    for line, below in itertools.pairwise(page):
        if not (_free_or_caption(labels[line.index]) and _free_or_caption(labels[below.index])):
            continue
        if not line.fold or not below.fold or line.words < 2 or line.words > below.words:
            continue
        if line.fold == below.fold and line.headline_like and labels[line.index] is None:
            continue  # a headline printed twice: the headline's copy is found later
        if not describes(below) or any(mark in below.text for mark in _TRAIL_MARKS):
            continue  # an alt describes a photo: the line under it is its caption
        if _copies(page, line, below, lex):
            labels[line.index] = (K.IMAGE_ALT, "printed again right below: a photo's alt text")


def _free_or_caption(label: Label | None) -> bool:
    return label is None or label[0] is K.CAPTION


def _mark_duplicates(page: list[Line], labels: list[Label | None]) -> None:
    """The first copy of a text is the page's, later copies are furniture (a sticky bar
    that prints the headline and lead again, a caption printed twice)."""
    first: dict[str, Line] = {}
    for line in page:
        if not line.fold or line.words < REPEATED_WORDS or line.headline_like:
            continue  # a headline's copies are known once the headline is
        original = first.setdefault(line.fold, line)
        if original is line or labels[line.index] is not None:
            continue
        earlier = labels[original.index]
        if earlier is None or earlier[0] in CONTENT_KINDS:
            labels[line.index] = (K.DUPLICATE, f"repeats line {original.number}")


def _copies(page: Sequence[Line], upper: Line, lower: Line, lex: Lexicon) -> bool:
    """True when ``upper`` is ``lower`` or its beginning, or, short (an alt text is a few
    words) and describing rather than telling ("Cùng ngày, ..." goes on with the story),
    says nearly the same words, as a pair: paragraphs written to one formula ("Phó Thủ tướng
    tiếp Đại sứ Hàn Quốc ...", "... Đại sứ Australia ...", "... Đại sứ Nhật Bản ...") share
    most of their words too, three or more in a row."""
    if lower.fold.startswith(upper.fold.rstrip(" .…")):
        return True
    if upper.words > ALT_WORDS or starts_with_phrase(upper.fold, lex.narrative_openers):
        return False
    if not _same_words(upper, lower):
        return False
    above = page[upper.index - 1] if upper.index > 0 else None
    after = page[lower.index + 1] if lower.index + 1 < len(page) else None
    return not (above is not None and _same_words(above, upper)) and not (
        after is not None and _same_words(lower, after)
    )


def _same_words(a: Line, b: Line) -> bool:
    words_a, words_b = a.letter_words, b.letter_words
    return len(words_a) >= 4 and len(words_a & words_b) >= SAME_WORDS * len(words_a | words_b)


def _mark_threads(page: list[Line], labels: list[Label | None], lex: Lexicon) -> None:
    """A forum thread: after the first post's number ("#1") come the replies. The replies
    show themselves by their metadata between the numbers (who wrote them and when, who
    liked or edited them); without it, "#1", "#2" number the items of a list."""
    posts = [ln.index for ln in page if labels[ln.index] == POST_NUMBER]
    if not posts:
        return
    if len(posts) < 2 or not any(
        _reply_metadata(ln, labels[ln.index], lex) for ln in page[posts[0] : posts[-1] + 1]
    ):
        for index in posts:  # "#1", "#2" with no reply's metadata: a list's numbers
            labels[index] = None
        return
    # The first post's number is under it (XenForo) or over it (vBulletin): with no prose
    # before the first number, the first post is the one after it.
    prose_before = any(
        labels[ln.index] is None and ln.body_like and ln.words >= TEASER_WORDS[0]
        for ln in page[max(0, posts[0] - OPENING_LINES) : posts[0]]
    )
    first_reply = posts[0] if prose_before else posts[1]
    for line in page[first_reply + 1 : posts[-1] + 1]:
        label = labels[line.index]
        if label is None or label[0] in CONTENT_KINDS:
            labels[line.index] = (K.COMMENT, "a reply in the thread after the first post")
    # The likes under the last reply belong to it.
    after = posts[-1] + 1
    if after < len(page) and labels[after] is None:
        line = page[after]
        if line.body_like and line.words <= CAPTION_WORDS:
            labels[after] = (K.COMMENT, "a reply in the thread after the first post")


def _reply_metadata(line: Line, label: Label | None, lex: Lexicon) -> bool:
    """A reply's handle and date ("hoa_le, 02/05/2024"), or a comment's metadata (not a post
    number); a date alone heads the items of a list of milestones as well."""
    if is_kind(label, K.DATELINE):
        parts = line.header(lex)
        return parts is not None and bool(parts.names)
    return is_kind(label, K.COMMENT) and label != POST_NUMBER


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
                and name.words <= MENU_WORDS
                and byline_names(name.text, lex)
                and text.words >= SENTENCE_WORDS
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
        if len(run) < COMMENT_GROUPS:
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
        return line.words <= MENU_WORDS
    return (
        label[0] is K.DATELINE
        and line.words <= MENU_WORDS
        and not any(c.isalpha() for c in line.text.replace("h", ""))
    )


def _mark_cards(page: list[Line], labels: list[Label | None], first: int) -> None:
    """A related-article card: its headline on two lines in a row, then a teaser."""
    i = first + 1
    while i < len(page) - 1:
        a, b = page[i], page[i + 1]
        if labels[i] is None and labels[i + 1] is None and a.headline_like and a.fold == b.fold:
            labels[i] = labels[i + 1] = Soft(
                K.RELATED, "headline repeated on two lines: related card"
            )
            teaser = i + 2
            if teaser < len(page) and labels[teaser] is None and not _starts_card(page, teaser):
                labels[teaser] = Card(K.RELATED, "teaser under a related headline")
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
        for group in consecutive([ln for ln in free if menu_item(ln)]):
            if len(group) >= 3:
                for ln in group:
                    labels[ln.index] = Soft(K.NAVIGATION, "menu: a run of short links")
        headlines = [
            ln
            for ln in free
            if labels[ln.index] is None
            and ln.index > first
            and ln.headline_like
            and ln.words < BODY_WORDS
            and " | " not in ln.text  # a table's row
        ]
        for group in consecutive(headlines):
            if len(group) >= 2:
                for ln in group:
                    labels[ln.index] = RUN_OF_HEADLINES


def _mark_media_lists(page: list[Line], labels: list[Label | None]) -> None:
    """Untagged headlines glued to a tagged media item ("[Video] ...") are in its list: a
    run of media items and short headlines glued together is a list when it holds one
    media item (one pass over the page)."""
    run: list[Line] = []
    tagged = False
    for line in [*page, None]:
        if line is not None and _in_media_list(line, labels[line.index]):
            if not (run and line.glued_above):
                _label_media_run(run, labels, tagged)
                run, tagged = [], False
            run.append(line)
            tagged = tagged or labels[line.index] is not None
            continue
        _label_media_run(run, labels, tagged)
        run, tagged = [], False


def _in_media_list(line: Line, label: Label | None) -> bool:
    """A media item, or a free short headline that may be one of a media list's."""
    if label is not None:
        return label[0] is K.MEDIA_LIST
    return line.headline_like and line.words < BODY_WORDS


def _label_media_run(run: list[Line], labels: list[Label | None], tagged: bool) -> None:
    if not tagged:
        return
    for line in run:
        if labels[line.index] is None:
            labels[line.index] = (K.MEDIA_LIST, "in a list of media items")


def _glued_runs(page: Sequence[Line]) -> list[list[Line]]:
    runs: list[list[Line]] = []
    for line in page:
        if line.glued_above and runs:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


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
            labels[i] = Listed(K.RELATED, f"listed under the section label '{name}'")


def _article_resumes(page: Sequence[Line], labels: Sequence[Label | None], i: int) -> bool:
    def paragraph(line: Line) -> bool:
        return (
            labels[line.index] is None
            and line.words >= BODY_WORDS
            and not line.text.endswith(("...", "…"))
        )

    if i + 1 < len(page) and paragraph(page[i]) and paragraph(page[i + 1]):
        return True
    return opens_story(page, labels, i)


def opens_story(
    page: Sequence[Line], labels: Sequence[Label | None], i: int, *, free: bool = True
) -> bool:
    """True when line ``i`` is a headline followed within two lines by a dateline, and that
    within two lines by a paragraph (``free``: lines no rule has named)."""
    line = page[i]
    if (free and labels[i] is not None) or not line.headline_like or line.body_like:
        return False
    date = next(
        (j for j in range(i + 1, min(len(page), i + 3)) if is_kind(labels[j], K.DATELINE)),
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
            and page[j].words >= TEASER_WORDS[0]
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
        (labels[j] is None and page[j].body_like) or is_photo(labels[j])
        for j in range(lead + 1, min(len(page), lead + 3))
    )


_TRAIL_MARKS = ("›", "»", " > ")
