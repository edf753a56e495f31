"""Dates and times as Vietnamese news pages write them.

Supported forms, alone or with weekday and label words around them (see
``lexicons/dateline_words.txt``; a page without diacritics matches them too: "Cap nhat
luc", and a label glued to the date is still one: "author14/04/2025")::

    19/12/2023   19-12-2023   19.12.2023   19/12/23   19/12 (no year)
    12-27-2012 (month first, with ``month_first=True``)
    ngày 18 tháng 12 năm 2023
    Tháng Năm 27, 2021   Tháng 5 27, 2021   May 27, 2021   27 May 2021   21-Dec-2012
    15:18   15:18:15   15h18   15 giờ 18   3:18 CH / SA / PM / AM
    04:00 chiều   12:30 trưa   11:05 tối   11 giờ đêm   2 giờ sáng
    GMT+7   UTC+07:00   (GMT+7)
    2023-12-19T15:18:15+07:00   (ISO 8601, read by python-dateutil)

Month names and the words for parts of the day come from the lexicon
(``lexicons/month_names.txt``, ``lexicons/day_periods.txt``).

A time without a zone is in ``default_tz`` (Vietnam time, UTC+07:00, unless the caller says
otherwise; :func:`declared_zone` finds the zone a page declares for all its times). A date
without a year takes ``year`` when one is known, else stays a :class:`PartialDate`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple, Protocol

import attrs
from dateutil import parser as du_parser
from dateutil import tz as du_tz

from ._lexicon import Lexicon
from ._models import DateValue, PartialDate
from ._text import fold_key, fold_word, strip_diacritics

__all__ = [
    "VIETNAM_TZ",
    "DateSpan",
    "DateValue",
    "Dateline",
    "PartialDate",
    "date_order",
    "declared_zone",
    "find_dates",
    "in_zone",
    "may_be_dateline",
    "parse_dateline",
]

VIETNAM_TZ: dt.tzinfo = du_tz.tzoffset("ICT", 7 * 3600)

_ISO = re.compile(
    r"(?<!\d)\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?(?!\d)"
)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?![\d:])")
_DMY = re.compile(
    r"(?<![\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})(?:\s?\2\s?(\d{4}|\d{2}))?(?![\d/])"
)
# A time: hours, a colon or an ``hour`` word ("15:18", "15h18", "15 giờ 18"), minutes, and
# seconds after a colon or a ``minute`` word. The words are the lexicon's (``date_words``):
# the patterns take any word there, and the code checks it.
_TIME = re.compile(
    r"(?<![\d:/])(\d{1,2})\s?(:|[^\W\d_]+)\s?(\d{2})(?:\s?(:|[^\W\d_]+)\s?(\d{2}))?(?![\d/])"
)
# An hour without minutes is a time only with a part of the day after it ("11 giờ đêm"):
# alone, "24h" is a site's name and "thứ 5" a weekday.
_HOUR = re.compile(r"(?<![\d:/.\-])(\d{1,2})\s?([^\W\d_]+)")
_NEXT_WORD = re.compile(r"\s?([^\W\d_]+)")
_ZONE = re.compile(r"(?<!\w)(?:GMT|UTC)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?(?!\d)", re.IGNORECASE)
_MAX_DATELINE = 160
_DIGIT = re.compile(r"\d")

# Words and numbers of a line, for the dates that write the month in words.
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_MAX_MONTH_WORDS = 3  # "tháng mười hai"
# Most tokens from a month's first word to the year: "tháng mười hai 21 st, 2012".
_MONTH_TO_YEAR = _MAX_MONTH_WORDS + 2
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
# What may stand between the parts of a date written with a month name.
_MONTH_DAY_GAP = re.compile(r"\.?\s+")  # "Dec. 21", "Tháng Năm 27"
_DAY_YEAR_GAP = re.compile(r"\s*,\s*|\s+")  # "27, 2021"; also "tháng Năm, năm 2021"
_MONTH_YEAR_WORD_GAP = re.compile(r"\s*,?\s*")  # "ngày 18 tháng 12, năm 2023"
_DAY_MONTH_GAP = re.compile(r"\s+|\s?-\s?")  # "27 May", "21-Dec"
_MONTH_YEAR_GAP = re.compile(r"\.?(?:\s*,\s*|\s+)|\s?-\s?")  # "May 2021", "Dec-2012"
# A digit glued before a day by one of these belongs to another number ("10:30 May").
_NUMBER_JOINERS = frozenset("/.:-")


def in_zone(value: DateValue | None, zone: dt.tzinfo = VIETNAM_TZ) -> DateValue | None:
    """``value``, a date-time without a zone given ``zone``: a time a page, a record or a
    caller gives without its zone is Vietnam time unless the caller says otherwise.

    >>> in_zone(dt.datetime(2023, 12, 19, 13, 0)).isoformat()
    '2023-12-19T13:00:00+07:00'
    """
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value


@attrs.frozen(kw_only=True, slots=True)
class Dateline:
    """What a dateline line says: its value, or why it has none."""

    value: DateValue | None
    problem: str | None = None


def parse_dateline(
    text: str,
    *,
    words: frozenset[str] | None = None,
    lexicon: Lexicon | None = None,
    default_tz: dt.tzinfo = VIETNAM_TZ,
    year: int | None = None,
    month_first: bool = False,
) -> Dateline | None:
    """Read ``text`` as a dateline: a line that is a date and nothing else.

    Returns ``None`` when the line says more than a date (it is not a dateline), else a
    :class:`Dateline` with the value, or with ``value=None`` and the problem when the line
    is shaped like a date but is not a real one (``31/02/2023``).

    The label words allowed beside the date are ``words`` when given, else the lexicon's
    ``dateline_words``; month names and parts of the day come from ``lexicon`` (the shipped
    one when it is ``None``). ``month_first`` reads ``12-27-2012`` as month, day, year, as
    some CMS print it (see :func:`date_order`); ISO dates and dates with a month name are
    never swapped.
    """
    if len(text) > _MAX_DATELINE or _DIGIT.search(text) is None:
        return None
    lex = lexicon if lexicon is not None else Lexicon.default()
    labels = words if words is not None else lex.dateline_words
    if not _only_date_words(text, lex, labels):
        return None
    iso = _ISO.search(text)
    zone = _ZONE.search(text)
    if iso is not None:
        spans = [iso.span()] + ([zone.span()] if zone is not None else [])
        if not _only_words(text, spans, labels):
            return None
        try:
            stamp = du_parser.isoparse(iso.group().replace(" ", "T").replace(",", "."))
        except ValueError as exc:
            return Dateline(value=None, problem=f"invalid ISO 8601 time {iso.group()!r}: {exc}")
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=_zone(zone) if zone is not None else default_tz)
        return Dateline(value=stamp)
    found = _find_date(text, lex=lex, month_first=month_first)
    if found is None:
        return None
    (day, month, yr), span = found
    clock = _find_clock(text, lex)
    spans = [span] + ([clock.span] if clock is not None else [])
    spans += [zone.span()] if zone is not None else []
    if not _only_words(text, spans, labels):
        return None
    try:
        value: DateValue = _build(
            day, month, yr or year, clock=clock, zone=zone, default_tz=default_tz
        )
    except ValueError as exc:
        return Dateline(value=None, problem=f"invalid date in {text!r}: {exc}")
    return Dateline(value=value)


_Found = tuple[tuple[int, int, int | None], tuple[int, int]]  # (day, month, year), span


def may_be_dateline(text: str, lexicon: Lexicon) -> bool:
    """A quick test before :func:`parse_dateline` (with the lexicon's label words): False
    when ``text`` has a word no dateline has, so that ``parse_dateline`` gives ``None``.
    A text's part with such a word fails the test too, and so does every longer text that
    holds that part between white space or punctuation."""
    return _only_date_words(text, lexicon, lexicon.dateline_words)


def _only_date_words(text: str, lex: Lexicon, labels: frozenset[str]) -> bool:
    """A quick test before the date is read: every word of letters of a dateline is a word
    of its date, time or zone (a month's name, "ngày", "giờ", "chiều", "GMT") or of its
    label words (``_only_words``). A word glued to a digit or a "+" ("author14/04/2025",
    the "T" of an ISO time) may be part of a longer word there: it is not judged.

    The date, time and zone a line is read for start and end at a digit, at a word's edge
    or at a non-word character, never inside a word (but for the "T" and "Z" of an ISO time,
    glued to its digits): each word of letters is in one of them whole, or outside all of
    them, where ``_only_words`` reads it.
    """
    known = lex.derived("dateline_letters", _dateline_letters)
    label_words = _label_words(labels)
    end_of_text = len(text)
    for run in _LETTER_RUN.finditer(text):
        key = fold_word(run[0])
        if key in known or key in label_words:
            continue
        start, end = run.span()
        if (start and _glues(text[start - 1])) or (end < end_of_text and _glues(text[end])):
            continue
        return False
    return True


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _glues(char: str) -> bool:
    """A character ``_only_words`` keeps in a word with the letters beside it."""
    return char.isalnum() or char == "+"


def _dateline_letters(lex: Lexicon) -> frozenset[str]:
    """The words a line's date, time and zone may have in them (``_find_date``,
    ``_find_clock``, ``_ZONE``): every date word, month name and part of the day."""
    phrases = (
        *(word for words in lex.date_word_roles.values() for word in words),
        *lex.month_name_index,
        *lex.day_period_index,
        "gmt",
        "utc",
    )
    return frozenset(word for phrase in phrases for word in phrase.split())


@functools.lru_cache(maxsize=8)
def _label_words(labels: frozenset[str]) -> frozenset[str]:
    """The words of the label phrases, with and without their diacritics (as
    ``_only_words`` reads them)."""
    return frozenset(word for phrase in labels | _bare_words(labels) for word in phrase.split())


def _find_date(text: str, *, lex: Lexicon, month_first: bool) -> _Found | None:
    tokens = _tokens(text)
    roles = lex.date_word_roles
    days = roles["day"]  # "ngày D tháng M" starts at a day word: only those are read
    wordy = next(
        (
            found
            for i in [i for i, token in enumerate(tokens) if token.key in days]
            if (found := _wordy_at(text, tokens, i, roles))
        ),
        None,
    )
    if wordy is not None:
        return wordy
    named = _named_date(text, tokens, lex.month_name_index, roles)
    if named is not None:
        return named
    ymd = _ISO_DATE.search(text)
    if ymd is not None:
        return (int(ymd[3]), int(ymd[2]), int(ymd[1])), ymd.span()
    for dmy in _DMY.finditer(text):
        if dmy[4] is None and dmy[2] != "/":
            continue  # "15-18" or "3.5" without a year is not a date
        yr = int(dmy[4]) if dmy[4] else None
        if yr is not None and yr < 100:
            yr += 2000
        first, second = int(dmy[1]), int(dmy[3])
        day, month = (second, first) if month_first else (first, second)
        return (day, month, yr), dmy.span()
    return None


class _Token(NamedTuple):
    """A run of letters or of digits, and its span (a tuple: a text makes many)."""

    start: int
    end: int
    text: str
    number: bool
    key: str  # the text folded (digits as written)


def _tokens(text: str, offset: int = 0) -> list[_Token]:
    return [
        _Token(
            m.start() + offset,
            m.end() + offset,
            m[0],
            m[0].isdigit(),
            m[0] if m[0].isdigit() else fold_key(m[0]),
        )
        for m in _TOKEN.finditer(text)
    ]


class _Words(Protocol):
    """The words of a line as the caller already read them, column by column: word ``k``'s
    core text is ``text[k]``, its span ``start[k]`` to ``end[k]``, its key ``key[k]``."""

    @property
    def text(self) -> Sequence[str]: ...
    @property
    def start(self) -> Sequence[int]: ...
    @property
    def end(self) -> Sequence[int]: ...
    @property
    def key(self) -> Sequence[str]: ...
    def __len__(self) -> int: ...


def _marked(words: _Words, starters: frozenset[str]) -> list[int]:
    """The words that are no word of letters alone, or are one of ``starters``: between
    them, every word is one token and no date starts at it."""
    texts = words.text
    return [k for k, key in enumerate(words.key) if key in starters or not texts[k].isalpha()]


def _tokens_of(
    words: _Words,
    offset: int,
    starters: frozenset[str],
    marked: Sequence[int] | None = None,
) -> tuple[list[_Token], list[int]]:
    """The tokens of the text the ``words`` cover (the text starting at ``offset`` of their
    line), and those a date may start at (a number or one of ``starters``): a word of
    letters alone is one token, with the key it has; only a word with digits or signs in it
    ("19/12", "J.") is read again. ``marked``: the words' :func:`_marked`, when known."""
    tokens: list[_Token] = []
    starts: list[int] = []
    lettered = 0  # words[lettered:] not read yet
    # Between the marked words, every word is of letters alone and no starter.
    for at in _marked(words, starters) if marked is None else marked:
        tokens.extend(_lettered(words, lettered, at, offset))
        text = words.text[at]
        if text.isalpha():
            starts.append(len(tokens))
            tokens.extend(_lettered(words, at, at + 1, offset))
        else:
            for token in _tokens(text, words.start[at] - offset):
                if token.number or token.key in starters:
                    starts.append(len(tokens))
                tokens.append(token)
        lettered = at + 1
    if not starts:
        return [], []  # no date starts here: the tokens are not needed
    tokens.extend(_lettered(words, lettered, len(words), offset))
    return tokens, starts


_new_token = functools.partial(tuple.__new__, _Token)  # a _Token without a Python call


def _lettered(words: _Words, first: int, stop: int, offset: int) -> list[_Token]:
    """The tokens of the words ``first`` to ``stop`` (not included), of letters alone: each
    one, with the key it has."""
    span = slice(first, stop)
    return [
        _new_token((start - offset, end - offset, text, False, key))
        for start, end, text, key in zip(
            words.start[span], words.end[span], words.text[span], words.key[span], strict=True
        )
    ]


def _wordy_at(
    text: str, tokens: list[_Token], i: int, roles: Mapping[str, frozenset[str]]
) -> _Found | None:
    """``ngày D tháng M`` and ``ngày D tháng M năm YYYY`` starting at ``tokens[i]``."""
    if tokens[i].key not in roles["day"] or i + 3 >= len(tokens):
        return None
    day_word, day, month_word, month = tokens[i : i + 4]
    if not (
        _is_day(tokens, i + 1)
        and month_word.key in roles["month"]
        and _is_day(tokens, i + 3)
        and _starts_word(text, day_word)
        and all(
            _gap(text, a, b).isspace()
            for a, b in ((day_word, day), (day, month_word), (month_word, month))
        )
    ):
        return None
    year, end = None, month.end
    if (
        i + 5 < len(tokens)
        and tokens[i + 4].key in roles["year"]
        and _is_year(tokens, i + 5)
        and _MONTH_YEAR_WORD_GAP.fullmatch(_gap(text, month, tokens[i + 4]))
        and _gap(text, tokens[i + 4], tokens[i + 5]).isspace()
    ):
        year, end = int(tokens[i + 5].key), tokens[i + 5].end
    return (int(day.key), int(month.key), year), (day_word.start, end)


def _starts_word(text: str, token: _Token) -> bool:
    """No letter, digit or underscore glued before ``token``."""
    return token.start == 0 or not (text[token.start - 1].isalnum() or text[token.start - 1] == "_")


def _named_date(
    text: str, tokens: list[_Token], months: Mapping[str, int], roles: Mapping[str, frozenset[str]]
) -> _Found | None:
    """The first date whose month is a name ("Tháng Năm 27, 2021", "27 May 2021") or a
    numeral after "tháng" in month-first order ("Tháng 5 27, 2021").

    The year must be written: without it, "18 Tháng Mười Hai" is left to the page's markup.
    """
    if _FOUR_DIGITS.search(text) is None:
        return None
    # The month's first word stands a few tokens before the year: only those are looked up.
    near_years = {
        i
        for y in range(len(tokens))
        if _is_year(tokens, y)
        for i in range(max(0, y - _MONTH_TO_YEAR), y)
    }
    for i in sorted(near_years):
        if tokens[i].number:
            continue
        named = _month_at(text, tokens, i, months, roles)
        if named is None:
            continue
        month, after, numeral = named
        found = _month_then_day(text, tokens, i, after, month, roles=roles)
        if found is None and not numeral:  # "27 tháng 5 năm 2021" is _wordy_at's
            found = _day_then_month(text, tokens, i, after, month, roles=roles)
        if found is not None:
            return found
    return None


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end : right.start]


def _month_at(
    text: str,
    tokens: list[_Token],
    i: int,
    months: Mapping[str, int],
    roles: Mapping[str, frozenset[str]],
) -> tuple[int, int, bool] | None:
    """The month named at ``tokens[i]``, the index after its words, and whether it is a
    numeral; None when no month starts there."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        tokens[i].key in roles["month"]
        and nxt is not None
        and nxt.number
        and len(nxt.key) <= 2
        and _gap(text, tokens[i], nxt).isspace()
        and 1 <= int(nxt.key) <= 12
    ):
        return int(nxt.key), i + 2, True
    for size in range(min(_MAX_MONTH_WORDS, len(tokens) - i), 0, -1):
        run = tokens[i : i + size]
        if any(t.number for t in run) or not all(
            _gap(text, a, b).isspace() for a, b in itertools.pairwise(run)
        ):
            continue
        month = months.get(" ".join(t.key for t in run))
        if month is None:
            continue
        after = i + size
        if (
            run[-1].key in roles["year"]
            and _is_year(tokens, after)
            and _gap(text, run[-1], tokens[after]).isspace()
        ):
            return None  # "tháng năm 2021": "năm" before a year is "the year", not May
        return month, after, False
    return None


def _is_year(tokens: list[_Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].number and len(tokens[i].key) == 4


def _is_day(tokens: list[_Token], i: int) -> bool:
    return 0 <= i < len(tokens) and tokens[i].number and len(tokens[i].key) <= 2


def _month_then_day(
    text: str,
    tokens: list[_Token],
    i: int,
    after: int,
    month: int,
    *,
    roles: Mapping[str, frozenset[str]],
) -> _Found | None:
    """``MONTH D, YYYY``: "Tháng Năm 27, 2021", "Dec. 21st, 2012"."""
    if not _is_day(tokens, after) or not _MONTH_DAY_GAP.fullmatch(
        _gap(text, tokens[after - 1], tokens[after])
    ):
        return None
    day, last = int(tokens[after].key), after
    if _is_ordinal(tokens, last + 1, roles):
        last += 1
    if not _is_year(tokens, last + 1) or not _DAY_YEAR_GAP.fullmatch(
        _gap(text, tokens[last], tokens[last + 1])
    ):
        return None
    return (day, month, int(tokens[last + 1].key)), (tokens[i].start, tokens[last + 1].end)


def _day_then_month(
    text: str,
    tokens: list[_Token],
    i: int,
    after: int,
    month: int,
    *,
    roles: Mapping[str, frozenset[str]],
) -> _Found | None:
    """``D MONTH YYYY``, ``D MONTH, YYYY``, ``D-MONTH-YYYY``, ``D tháng NAME năm YYYY``."""
    first = i - 2 if _is_ordinal(tokens, i - 1, roles) else i - 1
    if not _is_day(tokens, first) or not _DAY_MONTH_GAP.fullmatch(
        _gap(text, tokens[i - 1], tokens[i])
    ):
        return None
    lead = text[max(0, tokens[first].start - 2) : tokens[first].start]
    if lead[-1:] in _NUMBER_JOINERS and lead[:1].isdigit():
        return None  # "10:30 May": the number before the month is not a day
    day, start, last = int(tokens[first].key), tokens[first].start, tokens[after - 1]
    if _is_year(tokens, after) and _MONTH_YEAR_GAP.fullmatch(_gap(text, last, tokens[after])):
        return (day, month, int(tokens[after].key)), (start, tokens[after].end)
    if (
        after + 1 < len(tokens)
        and tokens[after].key in roles["year"]
        and _is_year(tokens, after + 1)
        and _DAY_YEAR_GAP.fullmatch(_gap(text, last, tokens[after]))
        and _gap(text, tokens[after], tokens[after + 1]).isspace()
    ):
        return (day, month, int(tokens[after + 1].key)), (start, tokens[after + 1].end)
    return None


def _is_ordinal(tokens: list[_Token], i: int, roles: Mapping[str, frozenset[str]]) -> bool:
    """``tokens[i]`` is an ordinal suffix glued to the day before it ("27th")."""
    return (
        1 <= i < len(tokens)
        and tokens[i].key in roles["ordinal"]
        and tokens[i - 1].number
        and tokens[i - 1].end == tokens[i].start
    )


@attrs.frozen(slots=True)
class _Clock:
    """A time of day read from a line, in 24-hour form, and its span."""

    hour: int
    minute: int
    second: int
    span: tuple[int, int]


def _find_clock(text: str, lex: Lexicon) -> _Clock | None:
    periods = lex.day_period_index
    hours, minutes = lex.date_word_roles["hour"], lex.date_word_roles["minute"]
    at = 0
    while (clock := _TIME.search(text, at)) is not None:
        if _unit(clock[2], hours):
            with_seconds = clock[4] is not None and _unit(clock[4], minutes)
            part, end = _part_of_day(text, clock.end() if with_seconds else clock.end(3), periods)
            hour = _hour_24(int(clock[1]), part)
            second = int(clock[5]) if with_seconds else 0
            return _Clock(hour, int(clock[3]), second, (clock.start(), end))
        at = clock.start() + 1  # "19 tháng 12": not a time; look again one character on
    at = 0
    while (bare := _HOUR.search(text, at)) is not None:
        if _unit(bare[2], hours):
            part, end = _part_of_day(text, bare.end(), periods)
            if part is not None:
                return _Clock(_hour_24(int(bare[1]), part), 0, 0, (bare.start(), end))
        at = bare.start() + 1
    return None


def _unit(separator: str, words: frozenset[str]) -> bool:
    """A colon, or one of the lexicon's words for the unit ("giờ", "h", "phút")."""
    return separator == ":" or fold_key(separator) in words


def _part_of_day(text: str, end: int, periods: Mapping[str, str]) -> tuple[str | None, int]:
    """The part of the day named by the word at ``end`` ("chiều", "PM"), and where it ends."""
    word = _NEXT_WORD.match(text, end)
    if word is not None:
        part = periods.get(fold_key(word[1]))
        if part is not None:
            return part, word.end()
    return None, end


# Hours of a 12-hour clock that, with each part of the day, are past noon; "midnight" parts
# read 12 as 0h. A 24-hour time ("15:20 PM") keeps its hour.
_AFTER_NOON: Mapping[str, range] = {
    "am": range(0),
    "pm": range(1, 12),
    "noon": range(1, 6),
    "evening": range(1, 12),
    "night": range(6, 12),
}
_TWELVE_IS_MIDNIGHT = frozenset({"am", "evening", "night"})


def _hour_24(hour: int, part: str | None) -> int:
    if part is None or hour > 12:
        return hour
    if hour == 12:
        return 0 if part in _TWELVE_IS_MIDNIGHT else 12
    return hour + 12 if hour in _AFTER_NOON[part] else hour


def _build(
    day: int,
    month: int,
    year: int | None,
    *,
    clock: _Clock | None,
    zone: re.Match[str] | None,
    default_tz: dt.tzinfo,
) -> DateValue:
    if year is None:
        return PartialDate(month=month, day=day)
    date = dt.date(year, month, day)
    if clock is None:
        return date
    tzinfo = _zone(zone) if zone is not None else default_tz
    return dt.datetime(year, month, day, clock.hour, clock.minute, clock.second, tzinfo=tzinfo)


def _zone(match: re.Match[str]) -> dt.tzinfo:
    # "GMT+7" on a page means UTC+07:00 (east). dateutil would read it POSIX-style, as
    # seven hours west, so the offset is built here.
    sign = 1 if match[1] == "+" else -1
    return du_tz.tzoffset(None, sign * (int(match[2]) * 3600 + int(match[3] or 0) * 60))


def _only_words(text: str, spans: list[tuple[int, int]], words: frozenset[str]) -> bool:
    """True when what is left of ``text`` outside ``spans`` is label words and punctuation.

    A phrase written without diacritics ("Cap nhat luc") matches a label word with its
    diacritics taken off; one written with diacritics must match as written.
    """
    rest = list(text)
    for start, end in spans:
        rest[start:end] = " " * (end - start)
    tokens = "".join(c if c.isalnum() or c == "+" else " " for c in "".join(rest)).split()
    folded = [fold_key(t) for t in tokens]
    bare_words = _bare_words(words)
    i = 0
    while i < len(folded):
        for size in (4, 3, 2, 1):  # longest phrase first: "cập nhật lúc" before "cập nhật"
            phrase = " ".join(folded[i : i + size])
            if phrase in words or (phrase in bare_words and strip_diacritics(phrase) == phrase):
                i += size
                break
        else:
            return False
    return True


@functools.lru_cache(maxsize=8)
def _bare_words(words: frozenset[str]) -> frozenset[str]:
    # Few lexicons are in use at once; each one's unaccented forms are made once.
    return frozenset(strip_diacritics(w) for w in words)


# -- the page's conventions: day or month first, its declared zone -------------------------

# A numeric date with one separator twice and a year: "12-27-2012", "19/12/23".
_DATE_SHAPED = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)")
_LAST_DAY = 31
_LAST_MONTH = 12


def date_order(texts: Iterable[str]) -> bool | None:
    """Whether the page writes numeric dates month first (``12-27-2012``).

    True when some date of ``texts`` can only be month first (its second field is past 12,
    its first is not) and none can only be day first; False the other way round; None when
    no date decides, or when dates decide both ways. One pass over the text.
    """
    month_first = day_first = False
    for text in texts:
        for match in _DATE_SHAPED.finditer(text):
            first, second = int(match[1]), int(match[3])
            if not (1 <= first <= _LAST_DAY and 1 <= second <= _LAST_DAY):
                continue
            month_first |= first <= _LAST_MONTH < second
            day_first |= second <= _LAST_MONTH < first
        if month_first and day_first:
            return None
    if month_first == day_first:
        return None
    return month_first


# A zone in a declaration: "GMT +8", "GMT+07:00"; bare "GMT" is UTC itself.
_DECLARED = re.compile(
    r"(?<!\w)(?:GMT|UTC)(?:\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?(?!\d))?(?![\w+\-])",
    re.IGNORECASE,
)
_DECLARATION_REACH = 60  # characters before the zone that may hold the declaring words
_MAX_DECLARATION_WORDS = 5
_WORD = re.compile(r"\w+")


def declared_zone(texts: Iterable[str], *, lexicon: Lexicon | None = None) -> dt.tzinfo | None:
    """The zone a page declares for all its times ("Múi giờ GMT +8", "All times are GMT
    +7"), from the first declaration in ``texts``; None when there is none.

    The declaring words are the lexicon's ``zone_declarations``; the offset is east of UTC,
    as pages mean it (``GMT+8`` is UTC+08:00).
    """
    phrases = (lexicon if lexicon is not None else Lexicon.default()).zone_declarations
    for text in texts:
        for zone in _DECLARED.finditer(text):
            if _declares(text, zone.start(), phrases):
                if zone[1] is None:
                    return du_tz.tzoffset(None, 0)
                return _zone(zone)
    return None


def _declares(text: str, end: int, phrases: frozenset[str]) -> bool:
    """True when the words just before ``end`` close with a declaration phrase."""
    start = max(0, end - _DECLARATION_REACH)
    words = list(_WORD.finditer(text, start, end))
    if words and words[0].start() == start > 0 and text[start - 1].isalnum():
        words = words[1:]  # the window cut this word in two
    keys = [fold_key(m[0]) for m in words[-_MAX_DECLARATION_WORDS:]]
    return any(" ".join(keys[-size:]) in phrases for size in range(1, len(keys) + 1))


# -- dates inside sentences (events) -------------------------------------------------------

# The numeric shapes, tried in this order at a number; the words around them are read from
# the lexicon's ``date_words`` by the code below.
_SLASH_RANGE = re.compile(  # 30/11-2/12(/2023): a range across months
    r"(?<![\d/.])(\d{1,2})\s?[/.]\s?(\d{1,2})\s?[-–]\s?(\d{1,2})\s?[/.]\s?(\d{1,2})"
    r"(?:\s?[/.]\s?(\d{4}))?(?![\d/])"
)
_DAY_RANGE = re.compile(  # 18-23/12(/2023): a range within a month
    r"(?<![\d/.])(\d{1,2})\s?[-–]\s?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])"
)
_SLASHED = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")  # 19/12(/2023)
_DASHED = re.compile(r"(?<![\d/.-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])")  # 18-12-2023
# 9-9: a day and a month without a year, a date only after a word that leads one ("chiều 9-9",
# "đến 12-9"); alone it may be a score or a count.
_LED = re.compile(r"(?<![\d/.-])(\d{1,2})-(\d{1,2})(?![\d/-]|\.\d)")
_MONTH_YEAR = re.compile(r"\s?/\s?")  # "tháng 12/2011"
_BRACKETS = re.compile(r"\([^()]{0,80}\)")
_MAX_LEAD_WORDS = 3  # "bắt đầu từ", "cho đến", "chiều hôm qua"

_Day = tuple[int, int, int | None]  # day, month, year as written (None: not written)


@attrs.frozen(kw_only=True, slots=True)
class DateSpan:
    """A date or a range of dates found in running text, and the words it came from.

    ``start`` and ``end`` are the first and last day (``end`` is None for one day);
    an "until" date ("đến hết ngày 23/12/2023") has only ``end``.
    """

    start: DateValue | None
    end: DateValue | None
    text: str
    first: int
    last: int


@attrs.frozen(slots=True)
class _Written:
    """A date as written: its first and last day, its characters, the token after it."""

    first: _Day
    last: _Day | None
    start: int
    end: int
    next: int


_ANY_DIGIT = re.compile(r"\d")
# Two numbers joined by a sign, as every date :func:`_numeric` reads starts ("19/12",
# "18-23/12", "30/11 - 2/12", "9-9"): what the other dates need is in
# :func:`_unsigned_date_may_stand`.
_NUMERIC_SHAPE = re.compile(r"\d\s?[/.\-–]\s?\d")


def find_dates(
    text: str,
    *,
    year: int | None = None,
    today: dt.date | None = None,
    lexicon: Lexicon | None = None,
    words: _Words | None = None,
    offset: int = 0,
) -> list[DateSpan]:
    """Every date and range in ``text``, with its span, in reading order.

    Read: ``19/12``, ``19/12/2023``, ``18-12-2023``, ``ngày 18 tháng 12 năm 2023``, ``tháng
    12/2011`` (a month), ranges ``18-23/12``, ``30/11-2/12``, ``từ 4 đến 7/9``, ``từ ngày 10
    đến 12-9``, two days ``ngày 14 và 15-4``, a day and month with a dash after a word that
    leads a date (``chiều 9-9``), and, when ``today`` is given, the days named from it
    (``hôm nay``, ``chiều qua``). After "đến" ("đến hết ngày 23/12") a date is an end only.
    Lunar notes "(tức 10/3 năm Ất Tỵ)" are skipped. A date without a year takes ``year``,
    else stays a :class:`PartialDate`. The words are the lexicon's ``date_words``,
    ``day_periods`` and ``relative_days``. One pass over the text.

    ``words``: the words of the line ``text`` is read from (``text`` starting at its
    character ``offset``), when the caller has them: they are not read again. Every letter
    and digit of ``text`` must stand in one of them.
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    grammar = _Grammar.of(lex)
    if today is None and _ANY_DIGIT.search(text) is None:
        return []  # every date but the days named from today has a digit
    starters = grammar.starters
    if words is None:
        tokens = _tokens(text)
        starts = [k for k, t in enumerate(tokens) if t.number or t.key in starters]
    else:
        marked = _marked(words, starters)
        if _NUMERIC_SHAPE.search(text) is None and not _unsigned_date_may_stand(
            words, marked, grammar, numbers=_ANY_DIGIT.search(text) is not None, today=today
        ):
            return []  # the words are not tokenised: no date stands in them
        tokens, starts = _tokens_of(words, offset, starters, marked)
    found: list[DateSpan] = []
    i = 0  # the first token not read yet
    for at in starts:
        if at < i:
            continue  # inside the date read last
        read = _date_at(text, tokens, at, grammar, year=year, today=today)
        if read is None:
            continue
        span, i = read  # the token after the date: always past ``at``
        found.append(span)
    if not found:
        return found
    lunar = _lunar_notes(text, tokens, grammar)
    return [span for span in found if not any(a <= span.first < b for a, b in lunar)]


def _unsigned_date_may_stand(
    words: _Words,
    marked: Sequence[int],
    grammar: _Grammar,
    *,
    numbers: bool,
    today: dt.date | None,
) -> bool:
    """Whether a date that writes no two numbers joined by a sign (``_NUMERIC_SHAPE``) may
    stand in ``words`` (their :func:`_marked` are ``marked``): one with a number and a month
    word ("ngày 18 tháng 12", "tháng 12 năm 2011"), or, when ``today`` is known, a day named
    from it ("hôm nay"). Every other date is read by :func:`_numeric`, whose patterns all
    start so: a cheap test before the words are tokenised. The month words and the first
    words of the days named from today are starters, hence marked; a word of letters alone
    is one token, with the key it has."""
    months = grammar.roles["month"] if numbers else frozenset()
    relative = grammar.firsts["relative"] if today is not None else frozenset()
    for k in marked:
        text, key = words.text[k], words.key[k]
        if not text.isalpha():
            if any(t.key in months or t.key in relative for t in _tokens(text)):
                return True
        elif key in months:
            return True
        elif key in relative:
            after = slice(k + 1, k + _MAX_LEAD_WORDS)
            if not all(w.isalpha() for w in words.text[after]):
                return True  # its tokens are not the words: let them be read
            keys = [key, *words.key[after]]
            if any(" ".join(keys[:n]) in grammar.relative for n in range(1, len(keys) + 1)):
                return True
    return False


@attrs.frozen(kw_only=True, slots=True)
class _Grammar:
    """The words of the date grammar, folded, from one lexicon."""

    roles: Mapping[str, frozenset[str]]
    leads: frozenset[str]  # words after which "9-9" is a date
    relative: Mapping[str, int]
    starters: frozenset[str]  # the words a written date can start with (besides a number)
    # The first words of each role's phrases, and of the relative days' ("relative"): a
    # cheap test before a lookup.
    firsts: Mapping[str, frozenset[str]]

    @classmethod
    def of(cls, lex: Lexicon) -> _Grammar:
        """The grammar of ``lex``, made once per lexicon."""
        return lex.derived("dates", cls._made)

    @classmethod
    def _made(cls, lex: Lexicon) -> _Grammar:
        roles = lex.date_word_roles
        words = (*roles["day"], *roles["from"], *roles["until"], *roles["through"])
        leads = {w.rsplit(" ", 1)[-1] for w in (*words, *roles["and"], *lex.day_period_index)}
        leads.update(w.rsplit(" ", 1)[-1] for w in lex.relative_day_index)
        starters = {
            phrase.split(" ", 1)[0]
            for phrase in (*roles["from"], *roles["day"], *roles["month"], *lex.relative_day_index)
        }
        firsts = {role: _first_words(phrases) for role, phrases in roles.items()}
        return cls(
            roles=roles,
            leads=frozenset(leads),
            relative=lex.relative_day_index,
            starters=frozenset(starters),
            firsts=firsts | {"relative": _first_words(lex.relative_day_index)},
        )

    def phrase(self, tokens: list[_Token], i: int, role: str) -> int:
        """Words of the longest ``role`` phrase at ``tokens[i]`` (0: none)."""
        return _phrase(tokens, i, self.roles[role], self.firsts[role])


def _phrase(tokens: list[_Token], i: int, phrases: Collection[str], firsts: frozenset[str]) -> int:
    if tokens[i].key not in firsts:
        return 0
    for size in range(min(_MAX_LEAD_WORDS, len(tokens) - i), 0, -1):
        if " ".join(t.key for t in tokens[i : i + size]) in phrases:
            return size
    return 0


def _first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The first words of ``phrases``: a cheap test before a lookup."""
    return frozenset(p.split(" ", 1)[0] for p in phrases)


def _lunar_notes(text: str, tokens: list[_Token], grammar: _Grammar) -> list[tuple[int, int]]:
    """Spans of brackets that hold a lunar date: "(tức 10/3 năm Ất Tỵ)"."""
    notes = []
    starts = [t.start for t in tokens]
    for match in _BRACKETS.finditer(text):
        first = bisect.bisect_left(starts, match.start())
        last = bisect.bisect_left(starts, match.end())
        if any(grammar.phrase(tokens, k, "lunar") for k in range(first, last)):
            notes.append(match.span())
    return notes


def _date_at(
    text: str,
    tokens: list[_Token],
    i: int,
    grammar: _Grammar,
    *,
    year: int | None,
    today: dt.date | None,
) -> tuple[DateSpan, int] | None:
    """The date that starts at ``tokens[i]`` (or at the words that lead it), and the index of
    the token after it; None when none starts there."""
    if today is not None and (relative := _relative_at(text, tokens, i, grammar, today)):
        return relative
    written = (
        _range_at(text, tokens, i, grammar)
        or _two_days_at(text, tokens, i, grammar)
        or _wordy_in_text(text, tokens, i, grammar)
    )
    if written is None and tokens[i].number:
        written = _numeric(text, tokens, i, led=_led(text, tokens, i, grammar))
    if written is None:
        return None
    try:
        start, end = _values(written, year)
    except ValueError:
        return None  # "32/12" is not a date
    if end is None and _after_until(text, tokens, i, grammar):
        return _span(text, written, None, start), written.next
    return _span(text, written, start, end), written.next


def _span(text: str, written: _Written, start: DateValue | None, end: DateValue | None) -> DateSpan:
    words = text[written.start : written.end]
    return DateSpan(start=start, end=end, text=words, first=written.start, last=written.end)


def _next_token(tokens: list[_Token], k: int, end: int) -> int:
    """Index of the first token at or after character ``end``, looking from ``k``."""
    while k < len(tokens) and tokens[k].start < end:
        k += 1
    return k


def _spaced(text: str, left: _Token, right: _Token) -> bool:
    return _gap(text, left, right).isspace()


def _numeric(text: str, tokens: list[_Token], i: int, *, led: bool) -> _Written | None:
    """The numeric date that starts at the number ``tokens[i]``."""
    at = tokens[i].start
    if match := _SLASH_RANGE.match(text, at):
        d1, m1, d2, m2, y = match.groups()
        y2 = _int(y)
        # 30/12-2/1/2024 starts in 2023
        y1 = y2 - 1 if y2 is not None and int(m1) > int(m2) else y2
        first: _Day = (int(d1), int(m1), y1)
        last: _Day | None = (int(d2), int(m2), y2)
    elif match := _DAY_RANGE.match(text, at):
        d1, d2, m, y = match.groups()
        if int(d1) >= int(d2):
            return None  # a range runs forward
        first, last = (int(d1), int(m), _int(y)), (int(d2), int(m), _int(y))
    elif (match := _SLASHED.match(text, at)) or (match := _DASHED.match(text, at)):
        d, m, y = match.groups()
        first, last = (int(d), int(m), _int(y)), None
    elif led and (match := _LED.match(text, at)):
        first, last = (int(match[1]), int(match[2]), None), None
    else:
        return None
    return _Written(first, last, at, match.end(), _next_token(tokens, i, match.end()))


def _led(text: str, tokens: list[_Token], i: int, grammar: _Grammar) -> bool:
    """A word that leads a date stands just before ``tokens[i]`` ("chiều 9-9")."""
    return i > 0 and tokens[i - 1].key in grammar.leads and _spaced(text, tokens[i - 1], tokens[i])


def _range_at(text: str, tokens: list[_Token], i: int, grammar: _Grammar) -> _Written | None:
    """``từ (ngày) A đến (ngày) B``: A a day of B's month or a date of its own, B a date.

    "từ ngày 19/12" alone is A; "ngày 10 đến 12-9" is a range without "từ".
    """
    opened = grammar.phrase(tokens, i, "from")
    k = i + opened
    if k < len(tokens) and tokens[k].key in grammar.roles["day"]:
        k += 1
    if k == i or k >= len(tokens) or not _is_day(tokens, k):
        return None
    if not _spaced(text, tokens[k - 1], tokens[k]):
        return None
    own = _numeric(text, tokens, k, led=True)
    if own is not None and own.last is not None:
        return own  # "từ ngày 18-23/12": the range is written whole
    u = own.next if own is not None else k + 1
    until = grammar.phrase(tokens, u, "until") if u < len(tokens) else 0
    second = None
    if until and _spaced(text, tokens[u - 1], tokens[u]):
        v = u + until
        if v < len(tokens) and tokens[v].key in grammar.roles["day"]:
            v += 1
        if v < len(tokens) and tokens[v].number and _spaced(text, tokens[v - 1], tokens[v]):
            second = _numeric(text, tokens, v, led=True)
    if second is None or second.last is not None:
        return own if opened else None  # "ngày 19/12" alone: the number reads itself
    day, month, year = second.first
    if own is not None:
        first = own.first
        if year is not None and first[2] is None:
            first = (first[0], first[1], year - 1 if first[1] > month else year)
    elif int(tokens[k].key) < day:
        first = (int(tokens[k].key), month, year)
    else:
        return None  # a range runs forward
    return _Written(first, second.first, tokens[k].start, second.end, second.next)


def _two_days_at(text: str, tokens: list[_Token], i: int, grammar: _Grammar) -> _Written | None:
    """``ngày 14 và 15-4``: two days of one month, the first and the last."""
    if tokens[i].key not in grammar.roles["day"] or i + 3 >= len(tokens):
        return None
    day, joint = tokens[i + 1], tokens[i + 2]
    if not (_is_day(tokens, i + 1) and joint.key in grammar.roles["and"]):
        return None
    v = i + 3 + (tokens[i + 3].key in grammar.roles["day"])
    if v >= len(tokens) or not all(
        _spaced(text, a, b) for a, b in itertools.pairwise(tokens[i : v + 1])
    ):
        return None
    second = _numeric(text, tokens, v, led=True)
    if second is None or second.last is not None or int(day.key) >= second.first[0]:
        return None
    first = (int(day.key), *second.first[1:])
    return _Written(first, second.first, day.start, second.end, second.next)


def _wordy_in_text(text: str, tokens: list[_Token], i: int, grammar: _Grammar) -> _Written | None:
    """``ngày 18 tháng 12 (năm 2023)``, ``tháng 12/2011``, ``tháng 12 năm 2011``."""
    wordy = _wordy_at(text, tokens, i, grammar.roles)
    if wordy is not None:
        day, (start, end) = wordy
        return _Written(day, None, start, end, _next_token(tokens, i, end))
    if tokens[i].key not in grammar.roles["month"] or i + 2 >= len(tokens):
        return None
    number, after = tokens[i + 1], tokens[i + 2]
    if not (_is_day(tokens, i + 1) and _spaced(text, tokens[i], number)):
        return None
    if _is_year(tokens, i + 2) and _MONTH_YEAR.fullmatch(_gap(text, number, after)):
        year = tokens[i + 2]
    elif (
        after.key in grammar.roles["year"]
        and _is_year(tokens, i + 3)
        and _spaced(text, number, after)
        and _spaced(text, after, tokens[i + 3])
    ):
        year = tokens[i + 3]
    else:
        return None
    # A month without its day: day 0 stands for "no day" until _values reads it.
    first = (0, int(number.key), int(year.key))
    return _Written(first, None, tokens[i].start, year.end, _next_token(tokens, i, year.end))


def _relative_at(
    text: str, tokens: list[_Token], i: int, grammar: _Grammar, today: dt.date
) -> tuple[DateSpan, int] | None:
    """ "Hôm nay", "chiều qua": the day they name from ``today``, unless a date is written
    just after them ("Chiều nay (26/3)": the written one wins)."""
    if tokens[i].number:
        return None
    size = _phrase(tokens, i, grammar.relative.keys(), grammar.firsts["relative"])
    if not size:
        return None
    after = i + size
    if (
        after < len(tokens)
        and tokens[after].number
        and set(_gap(text, tokens[after - 1], tokens[after])) <= set(" (")
        and _numeric(text, tokens, after, led=True) is not None
    ):
        return None
    words = " ".join(t.key for t in tokens[i:after])
    day = today + dt.timedelta(days=grammar.relative[words])
    first, last = tokens[i].start, tokens[after - 1].end
    return DateSpan(start=day, end=None, text=text[first:last], first=first, last=last), after


def _after_until(text: str, tokens: list[_Token], i: int, grammar: _Grammar) -> bool:
    """An "until" phrase leads the date at ``tokens[i]``: "đến hết ngày 23/12"."""
    k = i - 1
    for role in ("day", "through"):
        if k >= 0 and tokens[k].key in grammar.roles[role]:
            if not _spaced(text, tokens[k], tokens[k + 1]):
                return False
            k -= 1
    for size in range(1, _MAX_LEAD_WORDS + 1):
        first = k - size + 1
        if first < 0:
            break
        if " ".join(t.key for t in tokens[first : k + 1]) in grammar.roles["until"]:
            return _spaced(text, tokens[k], tokens[k + 1])
    return False


def _values(written: _Written, known: int | None) -> tuple[DateValue, DateValue | None]:
    day, month, year = written.first
    if day == 0:  # a month: "tháng 12/2011"
        return PartialDate(year=year, month=_month(month)), None
    first = _value(day, month, year, known)
    if written.last is None:
        return first, None
    return first, _value(*written.last, known)


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _month(month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month}")
    return month


def _value(day: int, month: int, given: int | None, known: int | None) -> DateValue:
    year = given if given is not None else known
    if year is None:
        return PartialDate(month=_month(month), day=day)
    return dt.date(year, month, day)
