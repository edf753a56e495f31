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

__all__ = ["VIETNAM_TZ", "DateValue", "PartialDate", "parse_dateline"]

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
