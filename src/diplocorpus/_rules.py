"""Line rules: what one line of a page is by its own shape and words.

A rule reads one :class:`Line` and the lexicon and returns a label (kind and reason), or
``None`` when it has nothing to say. Rules name what a line *is* (a counter, a slug, a
dateline, a caption with its credit, a menu run together on one line, a forum post number,
a photo's file name, ...), never one site's wording: the words they look for are the
lexicon's.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Sequence

from ._dates import parse_dateline
from ._lexicon import Lexicon, longest_first
from ._meta import (
    DOMAIN,
    counter_value,
    phrase_words,
    starts_with_phrase,
)
from ._models import BlockKind
from ._page import SMILEY, Label, Line
from ._text import fold_key

__all__ = [
    "CREDIT_ALONE",
    "POST_NUMBER",
    "SEE_ALSO",
    "forget_seen_lines",
    "line_label",
    "line_labels",
]

K = BlockKind
_Rule = Callable[[Line, Lexicon], Label | None]

_LONG_LINE = 60  # words: past this a line is running text and most rules do not apply
_SHORT_LINE = 20  # words: past this a line is no label, counter, pager, trail or dateline
_WIDGET_WORDS = 10  # a widget's text is short
_LABEL_WORDS = 8  # a section's label, a source label: a few words
_FOOTER_WORDS = 40  # a footer's line: the site's name, address, licence
_WIDGET_TAIL = 3  # words after a control's phrase ("Đăng nhập với Facebook")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_PROMO_WORDS = 30  # an invitation to read more is one sentence
_COMMENT_META_WORDS = 14  # a comment's name, time and buttons
_AGO_TAIL = 2  # buttons or a count after a comment's time
_MENU_SEGMENT_WORDS = 5  # an item of a menu printed on one line
_MENU_SEGMENTS = 4  # items that make such a menu
_KEYWORDS = 5  # items of a keyword list
_KEYWORD_WORDS = 4
_TICKER_STAMPS = 3  # times set apart that make a ticker
_TICKER_SEPARATORS = "-–—|·•"
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# A quick test before counting joins: a lower-case letter right before an upper-case one.
_CASE_JOIN = re.compile(f"[{_LOWER}][{_LOWER.upper()}]")
_GLUED_JOINS = 2
_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters (text in NFC)
_BRAND_CAPITALS = 2  # a camel-case brand has this many capitals at most
_WORD_EDGES = "\"'“”‘’()[],.;:!?"
_SLUG = re.compile(r"[a-z0-9][a-z0-9 _./-]*")
_SLUG_WORD = re.compile(r"[a-z]{2,}")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_COUNT = re.compile(r"\(\s*\d+\s*\)|^\d+\s|\s\d+$")
_FONT_SIZE = re.compile(r"(?:a[+-]?\s*){1,4}")
_NUMERIC = re.compile(r"[-+−]?[\d.,%]+")
_STAMP = re.compile(r"(?<!\d)(?:\d{1,2}:\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?!\d)")
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|svg)(?:\.webp)?$", re.IGNORECASE)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# A smiley, or a forum's image placeholder, alone on a line.
_SMILEY = re.compile(rf"{SMILEY.pattern}|\[IMG\]")
_POST_NUMBER = re.compile(r"#\s?\d{1,6}")
# An amount of time, its unit and the word after it ("7 ngày trước", "2 hours ago").
# The separators between the parts of a comment's header: "Nam - 7 ngày trước | Thích".
_SEGMENTS = re.compile(r"\s+[-–—]\s+|\s*[|•·]\s*")
# Separators of a breadcrumb trail, and how many parts make a trail with each.
_TRAIL_SEPARATORS = (("›", 2), ("»", 2), (" > ", 3), (" | ", 3), (" / ", 3))
# Separators of a menu printed on one line: pipes, bullets, a capital I between spaces.
_MENU_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+I\s+")


def line_labels(page: Sequence[Line], lex: Lexicon) -> list[Label | None]:
    """The label the line rules give each line of ``page`` (``None`` where none speaks).

    A rule reads the line's text and the lexicon, nothing else, so a short line read before
    with the same lexicon (the site's menus, footers and boxes are on every page of a site)
    gets the label it got then. The lexicon keeps the table: at most ``_SEEN_LINES`` lines
    of at most ``_SEEN_CHARS`` characters (a few megabytes), emptied when full, and gone
    with the lexicon. Paragraphs are not kept: they do not repeat.
    """
    seen = _seen(lex)
    labels: list[Label | None] = []
    for line in page:
        text = line.text
        if len(text) > _SEEN_CHARS:
            labels.append(line_label(line, lex))
            continue
        if text in seen:
            labels.append(seen[text])
            continue
        label = line_label(line, lex)
        if len(seen) >= _SEEN_LINES:
            seen.clear()
        seen[text] = label
        labels.append(label)
    return labels


_SEEN_LINES = 20_000
_SEEN_CHARS = 400
# The tables made so far, weakly (a table lives in its lexicon's ``derived`` values): for
# forget_seen_lines. A lexicon is never hashed here, which would read every list it holds.
_TABLES: list[weakref.ref[dict[str, Label | None]]] = []


def forget_seen_lines() -> None:
    """Empty every lexicon's table of lines read (for benchmarks that parse a page again)."""
    for ref in _TABLES:
        table = ref()
        if table is not None:
            table.clear()
    _TABLES[:] = [ref for ref in _TABLES if ref() is not None]


class _Table(dict[str, "Label | None"]):
    """A lexicon's table of the short lines it read (a dict a weak reference can point to)."""


def _seen(lex: Lexicon) -> dict[str, Label | None]:
    return lex.derived("seen_lines", _new_table)


def _new_table(_lex: Lexicon) -> dict[str, Label | None]:
    table = _Table()
    _TABLES.append(weakref.ref(table))
    return table


def line_label(line: Line, lex: Lexicon) -> Label | None:
    """The label one of the line rules gives ``line``, or ``None``."""
    rules: tuple[_Rule, ...]
    if line.words > _LONG_LINE:
        rules = _LONG_RULES
    elif line.words > _SHORT_LINE:
        rules = _SENTENCE_RULES
    else:
        rules = _LINE_RULES
    for rule in rules:
        label = rule(line, lex)
        if label is not None:
            return label
    return None


def _credit_caption(line: Line, lex: Lexicon) -> Label | None:
    split = line.credit(lex)
    if split is None:
        return None
    if not split[0]:
        return K.CAPTION, CREDIT_ALONE
    return K.CAPTION, f"photo caption with its credit ({split[1]})"


CREDIT_ALONE = "a photo credit on a line of its own"
# A forum post's number ("#12"): the structures pass decides whether the page is a thread.
POST_NUMBER: Label = (K.COMMENT, "post number of a forum thread")
SEE_ALSO = "link to another article after a 'see also' label"


def _credit_label_alone(line: Line, lex: Lexicon) -> Label | None:
    """A credit label with no name and no caption ("Ảnh minh họa"): the photos are
    illustrations, or their credit was left blank."""
    if line.words <= 4 and line.fold.strip(" .:()[]|") in lex.credit_labels:
        return K.PHOTO_CREDIT, "a photo credit with no caption"
    return None


def _slug(line: Line, _lex: Lexicon) -> Label | None:
    text = line.text
    if not text.isascii() or not _SLUG.fullmatch(text):
        return None
    if len(_SLUG_WORD.findall(text)) < 3:
        return None  # "1-01-2000 - 0h00" is a date, not words
    if line.words >= 4 or text.count("-") >= 3:
        return K.SLUG, "lowercase words without diacritics: a URL slug"
    return None


def _image_name(line: Line, _lex: Lexicon) -> Label | None:
    text = line.text.rstrip(" |")
    if _IMAGE_FILE.search(text) and line.words <= 8:
        return K.IMAGE_ALT, "an image's file name"
    if _MARKDOWN_IMAGE.fullmatch(text):
        return K.IMAGE_ALT, "an image without alt text"
    if line.words <= 2 and _SMILEY.fullmatch(text.replace(" ", "")):
        return K.IMAGE_ALT, "a smiley's image"
    return None


def _footer(line: Line, lex: Lexicon) -> Label | None:
    if line.words > _FOOTER_WORDS:
        return None
    if line.text[0] in "©®" or starts_with_phrase(line.head, lex.footers):
        return K.FOOTER, "site footer"
    return None


def _widget(line: Line, lex: Lexicon) -> Label | None:
    if line.words > _WIDGET_WORDS:
        return None
    bare = _COUNT.sub(" ", line.fold).strip(" .:…!·•|")
    if bare in lex.widgets or _FONT_SIZE.fullmatch(bare):
        return K.WIDGET, f"page control ({line.text})"
    if starts_with_phrase(line.fold, lex.loaders):
        return K.WIDGET, "loading placeholder"
    if line.final not in {".", "!", "?"} and _control_words(line.fold, lex):
        return K.WIDGET, "share, follow, login or comment-form control"
    return None


def _control_words(folded: str, lex: Lexicon) -> bool:
    """A control's words: a phrase no news text opens with and a short tail ("Đăng nhập
    với Facebook", "Nhập nội dung (300 ký tự)"); or a verb that a headline may open with
    too, followed by one word at most ("Đăng ký thành viên") or by words that address the
    reader or name the page or a network ("Chia sẻ ảnh của bạn", "Theo dõi Baoquocte.vn
    trên"). "Chia sẻ kinh nghiệm với các nước bạn" is a headline."""
    size = phrase_words(folded, lex.widget_phrases)
    if size:
        return len(_BRACKETED.sub(" ", folded).split()) - size <= _WIDGET_TAIL
    size = phrase_words(folded, lex.widget_verbs)
    if not size:
        return False
    tail = folded.split()[size:]
    if len(tail) <= 1:
        return True
    words = [word.strip(_WORD_EDGES) for word in tail]
    grams = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
    return not grams.isdisjoint(lex.widget_addresses) or any(DOMAIN.search(w) for w in words)


def _promo(line: Line, lex: Lexicon) -> Label | None:
    """An invitation to read more on the site ("*Mời bạn đọc vào chuyên mục ...")."""
    if line.words > _PROMO_WORDS:
        return None
    if starts_with_phrase(line.head.lstrip("*>-–(• "), lex.promo_phrases):
        return K.WIDGET, "the site's invitation to read more"
    return None


def _comment_meta(line: Line, lex: Lexicon) -> Label | None:
    """The line of a reader comment or forum reply that is not its text: who, when, likes."""
    if line.words > _COMMENT_META_WORDS:
        return None
    folded = line.fold
    if _POST_NUMBER.fullmatch(line.text):
        return POST_NUMBER
    for marker in lex.derived("comment_markers", lambda lex: longest_first(lex.comment_markers)):
        if marker in folded:
            return K.COMMENT, f"comment metadata ({marker})"
    # "Nam - 7 ngày trước | Thích": a name, a time ago, separators, a count or a button
    # (a time ago has one of the ``time_ago`` words: the lines without one need no reading)
    if (
        line.final not in {".", "!", "?"}
        and any(word in folded for word in lex.time_ago)
        and any(_time_ago(segment, lex) for segment in _SEGMENTS.split(folded))
    ):
        return K.COMMENT, "comment metadata (a time ago)"
    return None


def _time_ago(segment: str, lex: Lexicon) -> bool:
    """A segment of a line that is a time ago and nothing else but a button or a count
    ("7 ngày trước", "2 giờ 43 phút trước Thích"): "Nhìn lại 30 năm trước" and "30 năm
    trước và hôm nay" say when something happened, in a headline or a sentence."""
    words = segment.split()
    if not words or not words[0].isdigit():
        return False
    for i in range(1, len(words) - 1):
        if words[i] in lex.time_units and words[i + 1] in lex.time_ago:
            rest = words[i + 2 :]
            return len(rest) <= _AGO_TAIL and all(
                w in lex.widgets or not any(c.isalpha() for c in w) for w in rest
            )
        if not (words[i].isdigit() or words[i] in lex.time_units):
            return False
    return False


def _counter(line: Line, lex: Lexicon) -> Label | None:
    if counter_value(line.text, lex) is None:
        return None
    return K.COUNTER, "view counter"


@functools.lru_cache(maxsize=8)
def _page_of(page: frozenset[str], of: frozenset[str]) -> re.Pattern[str]:
    """ "trang 2/5", "trang 2 trên 5" (folded text), from the lexicon's words."""
    words = "|".join(map(re.escape, sorted(page))) or "(?!)"
    between = "|".join(["/", *map(re.escape, sorted(of))])
    return re.compile(rf"(?:{words})\s*\d+\s*(?:{between})\s*\d+")


def _pagination(line: Line, lex: Lexicon) -> Label | None:
    if line.words > _SHORT_LINE:
        return None
    unglued = _CAMEL.sub(" ", line.text)  # "FirstPrevNextLast"
    folded = fold_key(unglued) if unglued != line.text else line.fold
    page = lex.grammar_words("page")
    if _page_of(page, lex.grammar_words("page_of")).match(folded):
        return K.PAGINATION, "page number of a pager"
    tokens = folded.replace(",", " ").split()
    words = lex.pagination_words
    if len(tokens) >= 2 and all(t.strip("[]").isdigit() or t in words or t in page for t in tokens):
        return K.PAGINATION, "pager controls"
    return None


def _section_label(line: Line, lex: Lexicon) -> Label | None:
    if line.words > _LABEL_WORDS:
        return None
    if _comment_heading(line, lex):
        return K.COMMENT, f"heading of the readers' comments ({line.text.rstrip(': ')})"
    if line.fold.strip(" :.-–»>›|") in lex.section_labels:
        return K.SECTION_LABEL, f"section label ({line.text.rstrip(': ')})"
    return None


def _comment_heading(line: Line, lex: Lexicon) -> bool:
    """The heading of the readers' comments, a count beside it or not ("Bình luận (3)")."""
    return (
        line.words <= _LABEL_WORDS
        and _COUNT.sub(" ", line.fold).strip(" :.-–»>›|?") in lex.comment_labels
    )


def _inline_related(line: Line, lex: Lexicon) -> Label | None:
    folded = line.head
    if folded[:1] not in lex.derived("inline_related_starts", _first_characters):
        return None  # no label starts the line
    for label in lex.inline_related_labels:
        if folded.startswith(label):
            rest = folded[len(label) :].lstrip()
            if (rest[:1] == ":" or label == ">>") and len(rest.lstrip(": ").split()) >= 3:
                return K.RELATED, SEE_ALSO
    return None


def _first_characters(lex: Lexicon) -> frozenset[str]:
    """The first characters of the labels of inline related links ("Xem thêm:", ">>")."""
    return frozenset(label[:1] for label in lex.inline_related_labels)


def _source_label(line: Line, lex: Lexicon) -> Label | None:
    if line.words > _LABEL_WORDS:
        return None
    head, colon, rest = line.fold.partition(":")
    if head.strip() not in lex.source_labels or not (colon or not rest):
        return None
    if rest.strip():
        return K.SOURCE_LABEL, f"source label ({line.text})"
    return K.SOURCE_LABEL, "empty source label"


def _media_item(line: Line, lex: Lexicon) -> Label | None:
    text = line.text
    if text[0] in "[(":
        close = text.find("]" if text[0] == "[" else ")")
        if 0 < close <= 24 and fold_key(text[1:close]) in lex.media_tags:
            return K.MEDIA_LIST, f"media item tagged {text[: close + 1]}"
    head, colon, _rest = line.head.partition(":")
    if colon and head in lex.media_tags and head not in lex.credit_labels and line.words >= 3:
        return K.MEDIA_LIST, f"media item tagged {text.split(':', 1)[0]}:"
    return None


def _breadcrumb(line: Line, lex: Lexicon) -> Label | None:
    if line.words > _SHORT_LINE or line.final in {".", "?", "!"}:
        return None
    if starts_with_phrase(line.fold, lex.home_labels):
        return K.BREADCRUMB, "breadcrumb trail from the home page"
    for sep, parts_needed in _TRAIL_SEPARATORS:
        if sep not in line.text:
            continue  # one part: no trail
        parts = line.text.split(sep)
        if len(parts) >= parts_needed and all(0 < len(p.split()) <= 5 for p in parts):
            if sum(1 for part in parts if _NUMERIC.fullmatch(part.strip())) >= 2:
                return None  # a table's row of figures, not a trail of sections
            return K.BREADCRUMB, f"trail of sections separated by {sep.strip()!r}"
    return None


def _tags(line: Line, lex: Lexicon) -> Label | None:
    head, colon, _rest = line.head.partition(":")
    if colon and head.strip() in lex.tag_labels:
        return K.TAGS, "the article's tag list"
    return None


def _keyword_list(line: Line, _lex: Lexicon) -> Label | None:
    """Keywords for search engines: many short items between commas, no sentence."""
    if line.final in {".", "!", "?", ":", "…"}:
        return None
    items = [item.strip() for item in line.text.split(",")]
    if len(items) < _KEYWORDS or not all(items[:-1]):
        return None
    if any(len(item.split()) > _KEYWORD_WORDS for item in items):
        return None
    unspaced = line.text.count(",") - line.text.count(", ")
    lower = sum(1 for item in items if item[:1].islower())
    if unspaced * 2 >= len(items) - 1 or lower * 2 >= len(items):
        return K.TAGS, "a list of keywords"
    return None


def _dateline(line: Line, lex: Lexicon) -> Label | None:
    found = parse_dateline(line.text, lexicon=lex)
    if found is None:
        return None
    if found.value is None:
        return K.DATELINE, f"dateline, but {found.problem}"
    return K.DATELINE, "date (and time) of publication"


def _dateline_with_more(line: Line, lex: Lexicon) -> Label | None:
    parts = line.header(lex)
    if parts is None:
        return None
    extra = ["a place"] if parts.place else []
    extra += ["author names"] if parts.names else []
    extra += ["a view count"] if parts.views is not None else []
    return K.DATELINE, f"dateline with {', '.join(extra) or 'a byline or page controls'}"


def _twice_on_one_line(line: Line, _lex: Lexicon) -> Label | None:
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


def _table_box(line: Line, _lex: Lexicon) -> Label | None:
    if line.text.startswith("|") and line.text.endswith("|") and line.words >= 3:
        return K.RELATED, "table-cell box of a related article"
    return None


def _ticker(line: Line, _lex: Lexicon) -> Label | None:
    """Headlines with their times run together on one line (a news ticker): "... - 11:51 |
    27/12/2012Người đẹp ...". A ticker's times stand between separators, or glued to the
    next headline; a paragraph that gives times and dates ("lúc 8:30", "(8:30)", "ký ngày
    12/3/2021", "từ 7:30-11:30") has them inside its sentences."""
    text = line.text
    if text.count(":") + text.count("/") < _TICKER_STAMPS:
        return None  # each time or date has a colon or slashes of its own
    stamps = list(_STAMP.finditer(text))
    if len(stamps) < _TICKER_STAMPS or text.count(". ") >= len(stamps):
        return None
    apart = 0
    for match in stamps:
        before = match.start() - 1
        while before >= 0 and text[before] == " ":
            before -= 1
        after = match.end()
        while after < len(text) and text[after] == " " and after - match.end() < 2:
            after += 1
        opens = before < 0 or text[before] in _TICKER_SEPARATORS
        closes = after >= len(text) or text[after] in "|·•" or text[after].isupper()
        apart += opens and closes
    if apart < _TICKER_STAMPS:
        return None
    return K.RELATED, "headlines with their times run together: a news ticker"


def _glued_links(line: Line, _lex: Lexicon) -> Label | None:
    """Link texts printed without a separator: words run into a capitalised word."""
    if _glued_joins(line.text) < _GLUED_JOINS:
        return None
    if line.words <= 2 * _MENU_SEGMENT_WORDS:
        return K.NAVIGATION, "menu items run together on one line"
    return K.RELATED, "links to other articles run together on one line"


def _glued_joins(text: str) -> int:
    """How many times two lower-case letters run straight into a capitalised word
    ("...thi đại học 5 mônHạ điểm chuẩn", "Trang chủHậu trường"). A brand written in camel
    case is a run of plain letters with two capitals at most ("YouTube", "PetroVietnam",
    "iPhone", each of "VinFast-PetroVietnam"): its joins do not count."""
    if _CASE_JOIN.search(text) is None:
        return 0
    joins = 0
    for run in _LETTERS.finditer(text):
        word = run[0]
        if word.isascii() and sum(c.isupper() for c in word) <= _BRAND_CAPITALS:
            continue
        joins += sum(
            1
            for i in range(2, len(word) - 1)
            if word[i].isupper()
            and word[i + 1].islower()
            and word[i - 1].islower()
            and word[i - 2].islower()
        )
    return joins


def _joined_menu(line: Line, _lex: Lexicon) -> Label | None:
    """A menu or a site map printed on one line: many short items between separators."""
    if line.final in {".", "!", "?"}:
        return None
    items = [item for item in _MENU_SEPARATOR.split(line.text) if item.strip()]
    if len(items) < _MENU_SEGMENTS:
        return None
    if sum(1 for item in items if _NUMERIC.fullmatch(item.strip())) >= 2:
        return None  # a table's row of figures
    if all(len(item.split()) <= _MENU_SEGMENT_WORDS for item in items):
        return K.NAVIGATION, "menu items joined on one line"
    return None


_LINE_RULES: tuple[_Rule, ...] = (
    _credit_caption,
    _credit_label_alone,
    _image_name,
    _slug,
    _footer,
    _section_label,
    _widget,
    _promo,
    _comment_meta,
    _counter,
    _pagination,
    _inline_related,
    _source_label,
    _tags,
    _media_item,
    _dateline,
    _dateline_with_more,
    _breadcrumb,
    _joined_menu,
    _glued_links,
    _keyword_list,
    _twice_on_one_line,
    _table_box,
)
# The rules that can match a line of more than _SHORT_LINE words.
_SENTENCE_RULES: tuple[_Rule, ...] = (
    _credit_caption,
    _footer,
    _promo,
    _inline_related,
    _tags,
    _media_item,
    _joined_menu,
    _ticker,
    _glued_links,
    _keyword_list,
    _twice_on_one_line,
    _table_box,
)
# Running text: only what a whole long line can be.
_LONG_RULES: tuple[_Rule, ...] = (
    _tags,
    _joined_menu,
    _ticker,
    _glued_links,
    _keyword_list,
    _table_box,
)
