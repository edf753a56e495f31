"""Stage 7, many sources: the same event reported by many articles, as one record.

Events meet by identity: series, ordinal and term when they have an ordinal; else series and
a start date on which the sources agree. Each field keeps every source's claim with where it
came from; where the claims agree the field has a plain ``value``, where they disagree
``conflict`` is true and every value stays. A date without a year agrees with a full date of
the same day, which completes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

from ._models import Event, EventKind, str_tuple, write_iso_date
from ._text import fold_key

__all__ = ["MergedEvent", "MergedField", "SourcedValue", "merge_events"]

_FIELDS = ("start", "end", "location", "mode")
_ISO_DAY = re.compile(r"(\d{4}|-)-(\d{2})(?:-(\d{2}))?")


@attrs.frozen(kw_only=True, slots=True)
class SourcedValue:
    """One source's claim: the value (ISO 8601 for dates), the source and the line."""

    value: str
    source: str
    line: int | None = None


def _values(values: Iterable[SourcedValue]) -> tuple[SourcedValue, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, slots=True)
class MergedField:
    """A field of a merged event: every claim, the distinct values, and whether they agree.

    ``value`` is the agreed value (the most complete one: ``2023-12-19`` over ``--12-19``),
    or ``None`` when no source gives one or the sources disagree (``conflict``).
    """

    claims: tuple[SourcedValue, ...] = attrs.field(default=(), converter=_values)
    values: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    value: str | None = None
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
    start: MergedField = attrs.field(factory=MergedField)
    end: MergedField = attrs.field(factory=MergedField)
    location: MergedField = attrs.field(factory=MergedField)
    mode: MergedField = attrs.field(factory=MergedField)
    themes: MergedField = attrs.field(factory=MergedField)


def merge_events(
    events: Mapping[str, Iterable[Event]] | Iterable[tuple[str, Iterable[Event]]],
) -> tuple[MergedEvent, ...]:
    """Join the events of many articles (``source -> events``) into one record per event.

    The result is the same whatever the order of the sources: events are sorted by key,
    claims by source.
    """
    pairs = events.items() if isinstance(events, Mapping) else events
    groups: dict[_Identity, list[tuple[str, Event]]] = {}
    dated: dict[str, list[_Identity]] = {}  # the groups keyed by a start, by series
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


def _group_of(event: Event, dated: dict[str, list[_Identity]]) -> _Identity:
    """The group an event joins: by its key, or, without an ordinal, by its series and a
    start that can be the same day as the group's."""
    if event.ordinal is not None or event.start is None:
        return _Identity(event.key)
    day = _text(event.start)
    suffix = f" @{day}"
    if not event.key.endswith(suffix):
        return _Identity(event.key)  # a key not written by extract_events: its own group
    series = event.key[: -len(suffix)]
    for identity in dated.get(series, ()):
        if identity.day is not None and _compatible(day, identity.day):
            return identity
    identity = _Identity(series, day)
    dated.setdefault(series, []).append(identity)
    return identity


def _merged(identity: _Identity, members: list[tuple[str, Event]]) -> MergedEvent:
    first = next((e for _, e in members if e.series), members[0][1])
    fields = {}
    for name in _FIELDS:
        claims = [
            SourcedValue(value=_text(getattr(e, name)), source=s, line=_line(e, name))
            for s, e in members
            if getattr(e, name) is not None
        ]
        fields[name] = _field(claims, dates=name in {"start", "end"})
    themes = [
        SourcedValue(value=theme, source=s, line=_line(e, "theme", theme))
        for s, e in members
        for theme in e.themes
    ]
    return MergedEvent(
        key=identity.key(fields["start"].value),
        name=first.name,
        series=first.series,
        ordinal=first.ordinal,
        term=first.term,
        kind=first.kind,
        sources=sorted({s for s, _ in members}),
        reported_by=sorted({s for s, e in members if e.reported}),
        themes=_field(themes, dates=False),
        **fields,
    )


def _text(value: object) -> str:
    iso = write_iso_date(value)  # a date; else an enum's value, or the value as text
    return iso if iso is not None else str(getattr(value, "value", value))


def _line(event: Event, field: str, value: str | None = None) -> int | None:
    for claim in event.claims:
        if claim.field == field and (value is None or claim.value == value):
            return claim.line
    return None


def _field(claims: list[SourcedValue], *, dates: bool) -> MergedField:
    groups: list[list[str]] = []
    for claim in claims:
        for group in groups:
            if _agree(claim.value, group[0], dates=dates):
                group.append(claim.value)
                break
        else:
            groups.append([claim.value])
    values = [max(group, key=_completeness) for group in groups]
    return MergedField(
        claims=claims,
        values=values,
        value=values[0] if len(values) == 1 else None,
        conflict=len(values) > 1,
    )


def _agree(a: str, b: str, *, dates: bool) -> bool:
    if dates:
        return _compatible(a, b)
    return fold_key(a) == fold_key(b)


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
