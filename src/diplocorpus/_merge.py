"""Stage 7, many sources: the same event reported by many articles, as one record.

Events meet by identity: series, ordinal and term when they have an ordinal; else series and
a start date on which the sources agree. Each field keeps every source's claim with where it
came from; where the claims agree the field has a plain ``value``, where they disagree
``conflict`` is true and every value stays. A date without a year agrees with a full date of
the same day, which completes it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Generic, TypeVar

import attrs

from ._models import AttendanceMode, DateValue, Event, EventKind, str_tuple, write_iso_date
from ._text import fold_key

__all__ = ["MergedEvent", "MergedField", "SourcedValue", "merge_events"]

_ISO_DAY = re.compile(r"(\d{4}|-)-(\d{2})(?:-(\d{2}))?")

V_co = TypeVar("V_co", covariant=True)
V = TypeVar("V")


@attrs.frozen(kw_only=True, slots=True)
class SourcedValue(Generic[V_co]):
    """One source's claim: the value (a date, an :class:`AttendanceMode`, a text, as the
    event gave it), the source and the line."""

    value: V_co
    source: str
    line: int | None = None


def _claims(claims: Iterable[SourcedValue[V]]) -> tuple[SourcedValue[V], ...]:
    return tuple(claims)


def _values(values: Iterable[V]) -> tuple[V, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, slots=True)
class MergedField(Generic[V_co]):
    """A field of a merged event: every claim, the distinct values, and whether they agree.

    ``value`` is the agreed value (the most complete one: ``date(2023, 12, 19)`` over
    ``PartialDate(month=12, day=19)``), or ``None`` when no source gives one or the sources
    disagree (``conflict``). Values keep the event's types: dates for ``start`` and ``end``,
    an :class:`AttendanceMode` for ``mode``, texts for ``location`` and ``themes``.
    """

    claims: tuple[SourcedValue[V_co], ...] = attrs.field(default=(), converter=_claims)
    values: tuple[V_co, ...] = attrs.field(default=(), converter=_values)
    value: V_co | None = None
    conflict: bool = False


@attrs.frozen(kw_only=True, slots=True)
class MergedEvent:
    """One event across sources, with each source's claims kept apart.

    ``sources`` are the pages that name the event; ``reported_by`` those that report it (not
    only name it in passing, see :attr:`Event.reported`): rank events by it.
    """

    key: str
    name: str
    series: str | None = None
    ordinal: int | None = None
    term: int | None = None
    kind: EventKind
    sources: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    reported_by: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    start: MergedField[DateValue] = attrs.field(factory=MergedField)
    end: MergedField[DateValue] = attrs.field(factory=MergedField)
    location: MergedField[str] = attrs.field(factory=MergedField)
    mode: MergedField[AttendanceMode] = attrs.field(factory=MergedField)
    themes: MergedField[str] = attrs.field(factory=MergedField)


def merge_events(
    events: Mapping[str, Iterable[Event]] | Iterable[tuple[str, Iterable[Event]]],
) -> tuple[MergedEvent, ...]:
    """Join the events of many articles (``source -> events``) into one record per event.

    The result is the same whatever the order of the sources: events are sorted by key,
    claims by source.
    """
    pairs = events.items() if isinstance(events, Mapping) else events
    groups: dict[_Identity, list[tuple[str, Event]]] = {}
    dated: dict[str, _Dated] = {}  # the groups keyed by a start, by series
    for source, found in sorted(((s, list(e)) for s, e in pairs), key=lambda p: p[0]):
        for event in found:
            identity = _group_of(event, dated)
            groups.setdefault(identity, []).append((source, event))
    ordered = sorted(groups.items(), key=lambda group: group[0].key())
    return tuple(_merged(identity, members) for identity, members in ordered)


@attrs.frozen(slots=True)
class _Identity:
    """What the events of one group share: the key of an event with an ordinal or without a
    start; else the series part of its key and a start on which the sources agree (which a
    more complete date may replace). Made from the event's fields, never read from a key."""

    name: str
    day: str | None = None

    def key(self, day: str | None = None) -> str:
        """:attr:`Event.key`, with ``day`` for the start when given."""
        if self.day is None:
            return self.name
        return f"{self.name} @{day if day is not None else self.day}"


@attrs.define(slots=True)
class _Dated:
    """The groups of one series keyed by a start, in the order they were made. An event
    joins the first whose start can be the same day as its own: an exact day finds its
    group by a key lookup, and only the groups of a start without a year or day
    (``loose``) are tried one by one, so that many dated events group in linear time."""

    groups: list[_Identity] = attrs.Factory(list)
    exact: dict[str, int] = attrs.Factory(dict)
    loose: list[int] = attrs.Factory(list)

    def join(self, series: str, day: str) -> _Identity:
        candidates: Iterable[int]
        if _partial(day):
            candidates = (i for i, g in enumerate(self.groups) if _compatible(day, g.day or ""))
        else:
            first = [self.exact[day]] if day in self.exact else []
            loose = (i for i in self.loose if _compatible(day, self.groups[i].day or ""))
            candidates = itertools.chain(first, loose)
        found = min(candidates, default=None)
        if found is not None:
            return self.groups[found]
        identity = _Identity(series, day)
        self.exact.setdefault(day, len(self.groups))
        if _partial(day):
            self.loose.append(len(self.groups))
        self.groups.append(identity)
        return identity


def _group_of(event: Event, dated: dict[str, _Dated]) -> _Identity:
    """The group an event joins: by its key, or, without an ordinal, by its series and a
    start that can be the same day as the group's."""
    if event.ordinal is not None or event.start is None:
        return _Identity(event.key)
    day = value_text(event.start)
    suffix = f" @{day}"
    if not event.key.endswith(suffix):
        return _Identity(event.key)  # a key not written by extract_events: its own group
    series = event.key[: -len(suffix)]
    return dated.setdefault(series, _Dated()).join(series, day)


def _merged(identity: _Identity, members: list[tuple[str, Event]]) -> MergedEvent:
    first = next((e for _, e in members if e.series), members[0][1])
    start: MergedField[DateValue] = _field(
        _sourced(members, "start", lambda e: e.start), dates=True
    )
    themes = [
        SourcedValue(value=theme, source=s, line=_line(e, "theme", theme))
        for s, e in members
        for theme in e.themes
    ]
    return MergedEvent(
        key=identity.key(None if start.value is None else value_text(start.value)),
        name=first.name,
        series=first.series,
        ordinal=first.ordinal,
        term=first.term,
        kind=first.kind,
        sources=sorted({s for s, _ in members}),
        reported_by=sorted({s for s, e in members if e.reported}),
        start=start,
        end=_field(_sourced(members, "end", lambda e: e.end), dates=True),
        location=_field(_sourced(members, "location", lambda e: e.location), dates=False),
        mode=_field(_sourced(members, "mode", lambda e: e.mode), dates=False),
        themes=_field(themes, dates=False),
    )


def _sourced(
    members: list[tuple[str, Event]], field: str, value_of: Callable[[Event], V | None]
) -> list[SourcedValue[V]]:
    """Each source's claim on one field, where its event gives the field."""
    return [
        SourcedValue(value=value, source=s, line=_line(e, field))
        for s, e in members
        if (value := value_of(e)) is not None
    ]


def value_text(value: object) -> str:
    """A merged value as text: a date's ISO 8601 form, an enum's value, else the text."""
    iso = write_iso_date(value)
    return iso if iso is not None else str(getattr(value, "value", value))


def _line(event: Event, field: str, value: str | None = None) -> int | None:
    for claim in event.claims:
        if claim.field == field and (value is None or claim.value == value):
            return claim.line
    return None


def _field(claims: list[SourcedValue[V]], *, dates: bool) -> MergedField[V]:
    """The claims grouped by agreement (compared in their ISO 8601 or text form), each group
    standing for its most complete value."""
    groups: list[list[V]] = []
    # Each claim joins the first group whose first value agrees with it. Texts agree when
    # their keys are equal; a date also agrees with a date that lacks a part (the year,
    # the day) of the same day: those groups ("loose") are the only ones tried one by one,
    # so that the claims of a big event are grouped in linear time.
    exact: dict[str, int] = {}
    loose: list[tuple[int, str]] = []
    for claim in claims:
        text = value_text(claim.value)
        key = text if dates else fold_key(text)
        if dates and _partial(text):
            candidates = [i for i, g in enumerate(groups) if _compatible(text, value_text(g[0]))]
        else:
            candidates = [exact[key]] if key in exact else []
            if dates:
                candidates += [i for i, first in loose if _compatible(text, first)]
        found = min(candidates, default=None)
        if found is None:
            exact.setdefault(key, len(groups))
            if dates and _partial(text):
                loose.append((len(groups), text))
            groups.append([claim.value])
        else:
            groups[found].append(claim.value)
    values = [max(group, key=lambda v: _completeness(value_text(v))) for group in groups]
    return MergedField(
        claims=claims,
        values=values,
        value=values[0] if len(values) == 1 else None,
        conflict=len(values) > 1,
    )


def _partial(text: str) -> bool:
    """Whether an ISO date lacks its year or its day ("--12-19", "2011-12")."""
    found = _ISO_DAY.fullmatch(text)
    return found is not None and (found[1] == "-" or found[3] is None)


def _compatible(a: str, b: str) -> bool:
    """Two ISO dates that can be the same day: "--12-19" and "2023-12-19" can."""
    if a == b:
        return True
    ma, mb = _ISO_DAY.fullmatch(a), _ISO_DAY.fullmatch(b)
    if ma is None or mb is None:
        return False
    for x, y in zip(ma.groups(), mb.groups(), strict=True):
        if x not in {None, "-"} and y not in {None, "-"} and x != y:
            return False
    return True


def _completeness(value: str) -> int:
    return sum(c.isdigit() for c in value)
