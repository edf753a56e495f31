"""Dates and times as Vietnamese news pages write them.

Supported forms, alone or with weekday and label words around them (see
``lexicons/dateline_words.txt``)::

    19/12/2023   19-12-2023   19.12.2023   19/12/23   19/12 (no year)
    ngày 18 tháng 12 năm 2023
    15:18   15:18:15   15h18   15 giờ 18   3:18 CH / SA / PM / AM
    GMT+7   UTC+07:00   (GMT+7)
    2023-12-19T15:18:15+07:00   (ISO 8601, read by python-dateutil)

A time without a zone is in ``default_tz`` (Vietnam time, UTC+07:00, unless the caller says
otherwise). A date without a year takes ``year`` when one is known, else stays a
:class:`PartialDate`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs
from dateutil import parser as du_parser
from dateutil import tz as du_tz

from ._text import fold_key

__all__ = ["VIETNAM_TZ", "DateSpan", "DateValue", "PartialDate", "find_dates", "parse_dateline"]

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
    r"(?<![\d:/])(\d{1,2})\s?(?::|h|giờ)\s?(\d{2})(?:\s?(?::|phút)\s?(\d{2}))?"
    r"(?:\s?(SA|CH|AM|PM)(?!\w))?(?![\d/])",
    re.IGNORECASE,
)
_ZONE = re.compile(r"(?<!\w)(?:GMT|UTC)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?(?!\d)", re.IGNORECASE)
_MAX_DATELINE = 160
_DIGIT = re.compile(r"\d")


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
    words: frozenset[str],
    default_tz: dt.tzinfo = VIETNAM_TZ,
    year: int | None = None,
) -> Dateline | None:
    """Read ``text`` as a dateline: a line that is a date and nothing else.

    Returns ``None`` when the line says more than a date (it is not a dateline), else a
    :class:`Dateline` with the value, or with ``value=None`` and the problem when the line
    is shaped like a date but is not a real one (``31/02/2023``).
    """
    if len(text) > _MAX_DATELINE or _DIGIT.search(text) is None:
        return None
    iso = _ISO.search(text)
    zone = _ZONE.search(text)
    if iso is not None:
        spans = [iso.span()] + ([zone.span()] if zone is not None else [])
        if not _only_words(text, spans, words):
            return None
        try:
            stamp = du_parser.isoparse(iso.group().replace(" ", "T").replace(",", "."))
        except ValueError as exc:
            return Dateline(value=None, problem=f"invalid ISO 8601 time {iso.group()!r}: {exc}")
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=_zone(zone) if zone is not None else default_tz)
        return Dateline(value=stamp)
    found = _find_date(text)
    if found is None:
        return None
    (day, month, yr), span = found
    spans = [span]
    clock = _TIME.search(text)
    spans += [m.span() for m in (clock, zone) if m is not None]
    if not _only_words(text, spans, words):
        return None
    try:
        value: DateValue = _build(
            day, month, yr or year, clock=clock, zone=zone, default_tz=default_tz
        )
    except ValueError as exc:
        return Dateline(value=None, problem=f"invalid date in {text!r}: {exc}")
    return Dateline(value=value)


def _find_date(text: str) -> tuple[tuple[int, int, int | None], tuple[int, int]] | None:
    wordy = _WORDY.search(text)
    if wordy is not None:
        yr = int(wordy[3]) if wordy[3] else None
        return (int(wordy[1]), int(wordy[2]), yr), wordy.span()
    ymd = _ISO_DATE.search(text)
    if ymd is not None:
        return (int(ymd[3]), int(ymd[2]), int(ymd[1])), ymd.span()
    for dmy in _DMY.finditer(text):
        if dmy[4] is None and dmy[2] != "/":
            continue  # "15-18" or "3.5" without a year is not a date
        yr = int(dmy[4]) if dmy[4] else None
        if yr is not None and yr < 100:
            yr += 2000
        return (int(dmy[1]), int(dmy[3]), yr), dmy.span()
    return None


def _build(
    day: int,
    month: int,
    year: int | None,
    *,
    clock: re.Match[str] | None,
    zone: re.Match[str] | None,
    default_tz: dt.tzinfo,
) -> DateValue:
    if year is None:
        return PartialDate(month=month, day=day)
    date = dt.date(year, month, day)
    if clock is None:
        return date
    hour, minute = int(clock[1]), int(clock[2])
    second = int(clock[3]) if clock[3] else 0
    meridiem = (clock[4] or "").upper()
    if meridiem in {"CH", "PM"} and hour < 12:
        hour += 12
    elif meridiem in {"SA", "AM"} and hour == 12:
        hour = 0
    tzinfo = _zone(zone) if zone is not None else default_tz
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=tzinfo)


def _zone(match: re.Match[str]) -> dt.tzinfo:
    # "GMT+7" on a page means UTC+07:00 (east). dateutil would read it POSIX-style, as
    # seven hours west, so the offset is built here.
    sign = 1 if match[1] == "+" else -1
    return du_tz.tzoffset(None, sign * (int(match[2]) * 3600 + int(match[3] or 0) * 60))


def _only_words(text: str, spans: list[tuple[int, int]], words: frozenset[str]) -> bool:
    """True when what is left of ``text`` outside ``spans`` is label words and punctuation."""
    rest = list(text)
    for start, end in spans:
        rest[start:end] = " " * (end - start)
    tokens = "".join(c if c.isalnum() or c == "+" else " " for c in "".join(rest)).split()
    folded = [fold_key(t) for t in tokens]
    i = 0
    while i < len(folded):
        for size in (4, 3, 2, 1):  # longest phrase first: "cập nhật lúc" before "cập nhật"
            if " ".join(folded[i : i + size]) in words:
                i += size
                break
        else:
            return False
    return True


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
