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

import calendar
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Mapping

import attrs
from dateutil import parser as du_parser
from dateutil import tz as du_tz

from ._lexicon import Lexicon
from ._text import fold_key, strip_diacritics

__all__ = [
    "VIETNAM_TZ",
    "DateSpan",
    "DateValue",
    "Dateline",
    "PartialDate",
    "date_order",
    "declared_zone",
    "find_dates",
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
_WORDY = re.compile(
    r"(?<!\w)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s*năm\s+(\d{4}))?(?!\d)", re.IGNORECASE
)
_TIME = re.compile(
    r"(?<![\d:/])(\d{1,2})\s?(?::|h|giờ)\s?(\d{2})(?:\s?(?::|phút)\s?(\d{2}))?(?![\d/])",
    re.IGNORECASE,
)
# An hour without minutes is a time only with a part of the day after it ("11 giờ đêm"):
# alone, "24h" is a site's name and "thứ 5" a weekday.
_HOUR = re.compile(r"(?<![\d:/.\-])(\d{1,2})\s?(?:h|giờ)(?!\w)", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s?([^\W\d_]+)")
_ZONE = re.compile(r"(?<!\w)(?:GMT|UTC)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?(?!\d)", re.IGNORECASE)
_MAX_DATELINE = 160
_DIGIT = re.compile(r"\d")

# Words and numbers of a line, for the dates that write the month in words.
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# The grammar words of a written date (as in _WORDY) and the English ordinal suffixes.
_MONTH_WORD = fold_key("tháng")
_YEAR_WORD = fold_key("năm")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_MAX_MONTH_WORDS = 3  # "tháng mười hai"
# Most tokens from a month's first word to the year: "tháng mười hai 21 st, 2012".
_MONTH_TO_YEAR = _MAX_MONTH_WORDS + 2
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
# What may stand between the parts of a date written with a month name.
_MONTH_DAY_GAP = re.compile(r"\.?\s+")  # "Dec. 21", "Tháng Năm 27"
_DAY_YEAR_GAP = re.compile(r"\s*,\s*|\s+")  # "27, 2021"; also "tháng Năm, năm 2021"
_DAY_MONTH_GAP = re.compile(r"\s+|\s?-\s?")  # "27 May", "21-Dec"
_MONTH_YEAR_GAP = re.compile(r"\.?(?:\s*,\s*|\s+)|\s?-\s?")  # "May 2021", "Dec-2012"
# A digit glued before a day by one of these belongs to another number ("10:30 May").
_NUMBER_JOINERS = frozenset("/.:-")


@attrs.frozen(kw_only=True, slots=True)
class PartialDate:
    """A date that lacks a part: the year (``19/12`` on a page with none) or the day
    (``tháng 12/2011``). Its ISO 8601 form is the truncated one.

    >>> PartialDate(month=12, day=19).isoformat()
    '--12-19'
    >>> PartialDate(month=12, day=19).with_year(2023)
    datetime.date(2023, 12, 19)
    >>> PartialDate(year=2011, month=12).isoformat()
    '2011-12'
    """

    year: int | None = None
    month: int = attrs.field(
        validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(12))
    )
    day: int | None = attrs.field(default=None)

    @day.validator
    def _check_day(self, _attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is None:
            return
        if self.year is not None:
            raise ValueError("a date with year, month and day is a datetime.date")
        if not 1 <= value <= calendar.monthrange(2024, self.month)[1]:  # 2024: a leap year
            raise ValueError(f"day {value} is out of range for month {self.month}")

    def isoformat(self) -> str:
        """The ISO 8601 truncated form: ``--MM-DD``, ``YYYY-MM`` or ``--MM``."""
        if self.year is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.day is None:
            return f"--{self.month:02d}"
        return f"--{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int) -> dt.date | PartialDate:
        """Complete the year: a ``date`` when the day is known, else the month of ``year``.

        Raises ``ValueError`` for 29 February of a common year.
        """
        if self.day is None:
            return PartialDate(year=year, month=self.month)
        return dt.date(year, self.month, self.day)

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read the ``--MM-DD``, ``YYYY-MM`` or ``--MM`` form back."""
        if match := re.fullmatch(r"--(\d{2})-(\d{2})", text):
            return cls(month=int(match[1]), day=int(match[2]))
        if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
            return cls(year=int(match[1]), month=int(match[2]))
        if match := re.fullmatch(r"--(\d{2})", text):
            return cls(month=int(match[1]))
        raise ValueError(f"not an ISO 8601 partial date (--MM-DD, YYYY-MM, --MM): {text!r}")

    def __str__(self) -> str:
        return self.isoformat()


DateValue = dt.datetime | dt.date | PartialDate


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
    found = _find_date(text, months=lex.month_name_index, month_first=month_first)
    if found is None:
        return None
    (day, month, yr), span = found
    clock = _find_clock(text, lex.day_period_index)
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


def _find_date(text: str, *, months: Mapping[str, int], month_first: bool) -> _Found | None:
    wordy = _WORDY.search(text)
    if wordy is not None:
        yr = int(wordy[3]) if wordy[3] else None
        return (int(wordy[1]), int(wordy[2]), yr), wordy.span()
    named = _named_date(text, months)
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


@attrs.frozen(slots=True)
class _Token:
    """A run of letters or of digits, and its span."""

    start: int
    end: int
    text: str
    number: bool

    @property
    def key(self) -> str:
        return self.text if self.number else fold_key(self.text)


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m[0], m[0].isdigit()) for m in _TOKEN.finditer(text)]


def _named_date(text: str, months: Mapping[str, int]) -> _Found | None:
    """The first date whose month is a name ("Tháng Năm 27, 2021", "27 May 2021") or a
    numeral after "tháng" in month-first order ("Tháng 5 27, 2021").

    The year must be written: without it, "18 Tháng Mười Hai" is left to the page's markup.
    """
    if _FOUR_DIGITS.search(text) is None:
        return None
    tokens = _tokens(text)
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
        named = _month_at(text, tokens, i, months)
        if named is None:
            continue
        month, after, numeral = named
        found = _month_then_day(text, tokens, i, after, month)
        if found is None and not numeral:  # "27 tháng 5 năm 2021" is _WORDY's
            found = _day_then_month(text, tokens, i, after, month)
        if found is not None:
            return found
    return None


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end : right.start]


def _month_at(
    text: str, tokens: list[_Token], i: int, months: Mapping[str, int]
) -> tuple[int, int, bool] | None:
    """The month named at ``tokens[i]``, the index after its words, and whether it is a
    numeral; None when no month starts there."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        tokens[i].key == _MONTH_WORD
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
            run[-1].key == _YEAR_WORD
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
    text: str, tokens: list[_Token], i: int, after: int, month: int
) -> _Found | None:
    """``MONTH D, YYYY``: "Tháng Năm 27, 2021", "Dec. 21st, 2012"."""
    if not _is_day(tokens, after) or not _MONTH_DAY_GAP.fullmatch(
        _gap(text, tokens[after - 1], tokens[after])
    ):
        return None
    day, last = int(tokens[after].key), after
    if _is_ordinal(tokens, last + 1):
        last += 1
    if not _is_year(tokens, last + 1) or not _DAY_YEAR_GAP.fullmatch(
        _gap(text, tokens[last], tokens[last + 1])
    ):
        return None
    return (day, month, int(tokens[last + 1].key)), (tokens[i].start, tokens[last + 1].end)


def _day_then_month(
    text: str, tokens: list[_Token], i: int, after: int, month: int
) -> _Found | None:
    """``D MONTH YYYY``, ``D MONTH, YYYY``, ``D-MONTH-YYYY``, ``D tháng NAME năm YYYY``."""
    first = i - 2 if _is_ordinal(tokens, i - 1) else i - 1
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
        and tokens[after].key == _YEAR_WORD
        and _is_year(tokens, after + 1)
        and _DAY_YEAR_GAP.fullmatch(_gap(text, last, tokens[after]))
        and _gap(text, tokens[after], tokens[after + 1]).isspace()
    ):
        return (day, month, int(tokens[after + 1].key)), (start, tokens[after + 1].end)
    return None


def _is_ordinal(tokens: list[_Token], i: int) -> bool:
    """``tokens[i]`` is an ordinal suffix glued to the day before it ("27th")."""
    return (
        1 <= i < len(tokens)
        and tokens[i].key in _ORDINALS
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


def _find_clock(text: str, periods: Mapping[str, str]) -> _Clock | None:
    clock = _TIME.search(text)
    if clock is not None:
        part, end = _part_of_day(text, clock.end(), periods)
        hour = _hour_24(int(clock[1]), part)
        second = int(clock[3]) if clock[3] else 0
        return _Clock(hour, int(clock[2]), second, (clock.start(), end))
    for bare in _HOUR.finditer(text):
        part, end = _part_of_day(text, bare.end(), periods)
        if part is not None:
            return _Clock(_hour_24(int(bare[1]), part), 0, 0, (bare.start(), end))
    return None


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

_DAY = r"(\d{1,2})"
_SEP = r"\s?[/.]\s?"
_YEAR = r"(?:" + _SEP + r"(\d{4}))?"
_DASH = r"\s?[-–]\s?"
_IN_TEXT = re.compile(
    # 30/11-2/12(/2023): a range across months
    rf"(?<![\d/.])(?P<xd1>\d{{1,2}}){_SEP}(?P<xm1>\d{{1,2}}){_DASH}(?P<xd2>\d{{1,2}}){_SEP}"
    rf"(?P<xm2>\d{{1,2}})(?:{_SEP}(?P<xy>\d{{4}}))?(?![\d/])"
    # 18-23/12(/2023): a range within a month
    rf"|(?<![\d/.])(?P<rd1>\d{{1,2}}){_DASH}(?P<rd2>\d{{1,2}})/(?P<rm>\d{{1,2}})"
    rf"(?:/(?P<ry>\d{{4}}))?(?![\d/])"
    # 19/12(/2023), 18-12-2023
    rf"|(?<![\d/.])(?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})(?:/(?P<sy>\d{{4}}))?(?![\d/])"
    rf"|(?<![\d/.-])(?P<hd>\d{{1,2}})-(?P<hm>\d{{1,2}})-(?P<hy>\d{{4}})(?![\d-])"
    # ngày 18 tháng 12 (năm 2023)
    r"|(?<!\w)ngày\s+(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s*,?\s*năm\s+(?P<wy>\d{4}))?"
    # tháng 12/2011, tháng 12 năm 2011
    r"|(?<!\w)tháng\s+(?P<mm>\d{1,2})(?:\s?/\s?|\s+năm\s+)(?P<my>\d{4})(?!\d)",
    re.IGNORECASE,
)
_LUNAR = re.compile(r"\([^()]{0,40}(?:tức|âm lịch|âl)[^()]{0,40}\)", re.IGNORECASE)
_UNTIL = re.compile(r"(?:đến|tới|cho đến)(?:\s+hết)?(?:\s+ngày)?\s*$", re.IGNORECASE)
_FROM = re.compile(r"(?:từ|bắt đầu từ|kể từ)(?:\s+ngày)?\s*$", re.IGNORECASE)


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


def find_dates(text: str, *, year: int | None = None) -> list[DateSpan]:
    """Every date and range in ``text``, with its span. Lunar notes "(tức 10/3 năm Ất Tỵ)"
    are skipped. A date without a year takes ``year``, else stays a :class:`PartialDate`.
    """
    found: list[DateSpan] = []
    lunar = [m.span() for m in _LUNAR.finditer(text)]
    for match in _IN_TEXT.finditer(text):
        if any(a <= match.start() < b for a, b in lunar):
            continue
        try:
            first, end = _span_values(match, year)
        except ValueError:
            continue  # "32/12" is not a date
        start: DateValue | None = first
        lead = text[max(0, match.start() - 20) : match.start()]
        if end is None and _UNTIL.search(lead):
            start, end = None, start
        found.append(
            DateSpan(
                start=start, end=end, text=match.group(), first=match.start(), last=match.end()
            )
        )
    return found


def _span_values(match: re.Match[str], year: int | None) -> tuple[DateValue, DateValue | None]:
    g = match.groupdict()
    if g["xd1"]:
        y = int(g["xy"]) if g["xy"] else None
        m1, m2 = int(g["xm1"]), int(g["xm2"])
        y1 = y - 1 if y is not None and m1 > m2 else y  # 30/12-2/1/2024 starts in 2023
        return (_value(int(g["xd1"]), m1, y1, year), _value(int(g["xd2"]), m2, y, year))
    if g["rd1"]:
        y = int(g["ry"]) if g["ry"] else None
        month = int(g["rm"])
        first, last = int(g["rd1"]), int(g["rd2"])
        if first >= last:
            raise ValueError("a range runs forward")
        return _value(first, month, y, year), _value(last, month, y, year)
    if g["sd"]:
        return _value(int(g["sd"]), int(g["sm"]), _int(g["sy"]), year), None
    if g["hd"]:
        return _value(int(g["hd"]), int(g["hm"]), _int(g["hy"]), year), None
    if g["wd"]:
        return _value(int(g["wd"]), int(g["wm"]), _int(g["wy"]), year), None
    return PartialDate(year=int(g["my"]), month=_month(int(g["mm"]))), None


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
