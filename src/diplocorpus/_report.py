"""The report: a store as one self-contained HTML page, for people to look at.

The page shows the events the pages report on a timeline (each field's claims with their
sources, the conflicting ones marked), who said what (speakers with their offices and their
statements over the months, filterable by speaker and by event), and the sources' noise
(per site: pages, lines dropped by kind, site template lines, captions and credits; the
near-duplicate clusters). It is rendered with Jinja2 from the templates shipped in the
package (``templates/``), every value escaped; a Content-Security-Policy lets no request
leave the page and no script run but the report's own (see docs/report.md).

The work is linear in the store: each table is read once, statements are grouped by
speaker and tied to the listed events through their page.
"""

from __future__ import annotations

import base64
import collections
import datetime as dt
import functools
import hashlib
import json
import os
import posixpath
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, cast

import attrs
import jinja2
import markupsafe

from ._dedup import DuplicateCluster
from ._merge import MergedEvent, MergedField, SourcedValue
from ._models import AttendanceMode, PartialDate
from ._site import host_of
from ._store import Store
from ._version import __version__

__all__ = ["write_report"]

#: Block kinds that are content; every other kind is a line the parser dropped.
_CONTENT = frozenset({"title", "dateline", "byline", "body", "caption"})
#: The reason the parser gives a line that a learned site template dropped.
_TEMPLATE_REASON = "site template:"
#: At most this many claims of one field of an event (one of each value first), sources
#: named by an event, members of a cluster, sites, and paragraphs for the search.
_CLAIMS = 8
#: At most this many values of a field in an event's summary line.
_VALUES = 3
_NAMED = 10
_MEMBERS = 20
_SITES = 100
_PARAGRAPHS = 300
#: A statement's text is cut after this many characters (with "…").
_TEXT = 800
#: The timeline's drawing: its width and the height of its labels' area.
_WIDTH = 1000
_LEFT = 20
_RIGHT = 200
#: The heights a label can stand at, and the width of a character of a label, about.
_LEVELS = 6
_CHAR = 6.2
#: The colours of the kinds of dropped lines, in the order of their share of all lines.
_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
_OTHER_COLOUR = "#888888"
_FIELDS = ("start", "end", "location", "mode", "themes")


def write_report(
    store: Store,
    path: str | os.PathLike[str],
    *,
    events: int = 100,
    speakers: int = 50,
    statements: int = 20,
    clusters: int = 50,
) -> Path:
    """Write the store as one self-contained HTML file at ``path`` and return its path.

    The page holds the ``events`` events reported by the most pages (in date order, those
    without a known year last), the ``speakers`` speakers with the most statements and up
    to ``statements`` statements of each, and the ``clusters`` largest clusters of
    near-duplicate pages; each section says what it leaves out. The file needs no network
    and no server: open it in a browser; every value is escaped, and a
    Content-Security-Policy lets it make no request and run no script but its own (see
    docs/report.md). A limit below 0 is a ``ValueError``; a file that cannot be written,
    the ``OSError``.
    """
    limits = Limits(events=events, speakers=speakers, statements=statements, clusters=clusters)
    return report_to(store, path, limits)[0]


@attrs.frozen(kw_only=True, slots=True)
class Limits:
    """How much of the store the report shows (see :func:`write_report`)."""

    events: int = 100
    speakers: int = 50
    statements: int = 20
    clusters: int = 50

    def __attrs_post_init__(self) -> None:
        for name in ("events", "speakers", "statements", "clusters"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number, 0 or more, not {value!r}")


@attrs.frozen(kw_only=True, slots=True)
class Shown:
    """What a written report shows: events, speakers, statements, sites, clusters."""

    events: int
    speakers: int
    statements: int
    sites: int
    clusters: int


def report_to(store: Store, path: str | os.PathLike[str], limits: Limits) -> tuple[Path, Shown]:
    """Write the report (see :func:`write_report`); its path and what it shows."""
    html, shown = render_report(store, limits)
    out = Path(path)
    out.write_text(html, encoding="utf-8")
    return out, shown


def render_report(store: Store, limits: Limits) -> tuple[str, Shown]:
    """The report's HTML text, and what it shows."""
    events, speakers, statements, clusters = (
        limits.events,
        limits.speakers,
        limits.statements,
        limits.clusters,
    )
    merged = store.events()
    ranked = sorted(merged, key=lambda e: (-len(e.reported_by), -len(e.sources), e.name, e.key))
    listed = sorted(ranked[:events], key=_event_order)
    event_views = [_event_view(i, e) for i, e in enumerate(listed)]

    pages = _read_pages(store, listed)
    doc_events: dict[int, list[int]] = collections.defaultdict(list)
    for index, event in enumerate(listed):
        for source in event.reported_by:
            for doc in pages.ids_of.get(source, ()):
                doc_events[doc].append(index)

    speaker_views, statement_views, said = _speakers(store, pages, doc_events, speakers, statements)
    found = store.duplicates() if clusters else ()  # the slowest part: skipped when not shown
    biggest = sorted(found, key=lambda c: (-len(c.members), c.members))[:clusters]
    counts = store.counts()
    sites = sorted(pages.sites.values(), key=lambda s: (-s.pages, s.name))
    context = {
        "counts": counts,
        "sites_count": len(sites),
        "events": event_views,
        "events_total": len(merged),
        "events_limit": events,
        "timeline": _timeline(event_views),
        "speakers": speaker_views,
        "speakers_total": said.speakers,
        "speakers_limit": speakers,
        "statements": statement_views,
        "statements_total": said.statements,
        "statements_limit": statements,
        "sites": _site_views(sites[:_SITES]),
        "sites_left": sites[_SITES:],
        "kinds": _legend(sites[:_SITES]),
        "clusters": [_cluster_view(c) for c in biggest],
        "clusters_total": len(found),
        "clusters_limit": clusters,
        "paragraphs": pages.paragraphs,
        "paragraphs_limit": _PARAGRAPHS,
        "claims_limit": _CLAIMS,
        "months": said.months,
        "spark_width": _SPARK_WIDTH,
        "spark_height": _SPARK_HEIGHT,
        "bar_width": _BAR,
        "version": __version__,
        "data": {
            "events": [
                {"name": e.name, "date": e.date, "pages": e.pages, "sources": e.reported_by}
                for e in event_views
            ],
            "speakers": [{"name": s.name, "count": s.count} for s in speaker_views],
        },
    }
    script = _asset("report.js")
    html = _template().render(
        context,
        css=markupsafe.Markup(_asset("report.css")),
        script=markupsafe.Markup(script),
        script_hash=script_hash(script),
    )
    shown = Shown(
        events=len(event_views),
        speakers=len(speaker_views),
        statements=len(statement_views),
        sites=min(len(sites), _SITES),
        clusters=len(biggest),
    )
    return html, shown


def script_hash(script: str) -> str:
    """The CSP source of an inline script: ``sha256-`` and its digest in base64."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# -- templates -----------------------------------------------------------------------------


def _asset(name: str) -> str:
    """A file of the package's templates folder (from a checkout, a wheel or a zip)."""
    return resources.files("diplocorpus").joinpath("templates").joinpath(name).read_text("utf-8")


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_asset),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda n: f"{n:,}"
    env.filters["plural"] = _plural
    env.filters["all_of"] = _all_of
    return env


def _template() -> jinja2.Template:
    return _environment().get_template("report.html.j2")


def _all_of(count: int, word: str) -> str:
    """ "all 7 events", "the one event", "no event"."""
    if count == 0:
        return f"no {word}"
    return f"the one {word}" if count == 1 else f"all {count:,} {word}s"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


# -- events --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=True)
class _Claim:
    value: str
    source: str
    conflict: bool


@attrs.frozen(kw_only=True, slots=True)
class _Field:
    name: str
    claims: tuple[_Claim, ...]
    left: int  # claims not shown
    conflict: bool


@attrs.frozen(kw_only=True, slots=True)
class _EventView:
    index: int
    name: str
    full_name: str
    date: str
    day: dt.date | None  # where it stands on the timeline
    place: str
    mode: str
    pages: int
    reported_by: tuple[str, ...]
    named_only: tuple[str, ...]  # pages that name it in passing
    fields: tuple[_Field, ...]


def _day_of(value: object) -> dt.date | None:
    """Where a date value stands on a time axis: its day, the first of its month when only
    the month and year are known, nothing without a year."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, PartialDate) and value.year is not None:
        return dt.date(value.year, value.month, 1)
    return None


def _date_text(value: object) -> str:
    """A date as written: ISO 8601 for a full date, a partial one as it is ("18/12, year
    unknown")."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, PartialDate):
        if value.year is not None:
            return value.isoformat()
        if value.day is None:
            return f"month {value.month}, year unknown"
        return f"{value.day}/{value.month}, year unknown"
    if isinstance(value, AttendanceMode):
        return value.value.replace("_", " ")
    return str(value)


def _start_day(event: MergedEvent) -> dt.date | None:
    start = event.start
    if start.value is not None:
        return _day_of(start.value)
    days = [d for v in start.values if (d := _day_of(v)) is not None]
    return min(days) if days else None


def _event_order(event: MergedEvent) -> tuple[int, dt.date, str, str]:
    day = _start_day(event)
    return (0, day, event.name, event.key) if day else (1, dt.date.min, event.name, event.key)


def _shown(field: MergedField[Any]) -> str:
    if field.value is not None:
        return _date_text(field.value)
    if field.conflict:
        values = [_date_text(v) for v in field.values]
        if len(values) > _VALUES:
            values = [*values[: _VALUES - 1], f"{len(values) - _VALUES + 1:,} other values"]
        return " or ".join(values) + " (sources disagree)"
    return ""


def _event_view(index: int, event: MergedEvent) -> _EventView:
    if event.series and event.ordinal is not None:
        name = f"{event.series} {event.ordinal}"
    else:
        name = event.name
    fields = tuple(_field_view(f, getattr(event, f)) for f in _FIELDS)
    reporting = frozenset(event.reported_by)
    return _EventView(
        index=index,
        name=name,
        full_name=event.name,
        date=_shown(event.start) or "date unknown",
        day=_start_day(event),
        place=_shown(event.location),
        mode=_shown(event.mode),
        pages=len(event.reported_by),
        reported_by=event.reported_by[:_NAMED],
        named_only=tuple(s for s in event.sources if s not in reporting)[:_NAMED],
        fields=fields,
    )


def _field_view(name: str, field: MergedField[Any]) -> _Field:
    """A field's claims, one of each value first, at most ``_CLAIMS`` of them."""
    claims: Sequence[SourcedValue[Any]] = field.claims
    firsts: dict[str, SourcedValue[Any]] = {}
    for claim in claims:
        firsts.setdefault(_date_text(claim.value), claim)
    chosen = list(firsts.values())[:_CLAIMS]
    taken = {id(c) for c in chosen}
    chosen += [c for c in claims if id(c) not in taken][: _CLAIMS - len(chosen)]
    order = {id(c): i for i, c in enumerate(claims)}
    chosen.sort(key=lambda c: order[id(c)])
    return _Field(
        name=name,
        claims=tuple(
            _Claim(
                value=_date_text(c.value), source=_where(c.source, c.line), conflict=field.conflict
            )
            for c in chosen
        ),
        left=len(claims) - len(chosen),
        conflict=field.conflict,
    )


def _where(source: str, line: int | None) -> str:
    return source if line is None else f"{source}:{line}"


@attrs.frozen(kw_only=True, slots=True)
class _Tick:
    index: int
    x: float
    level: int  # the height of its label, 0 the lowest
    label: str  # "" when no level has room for it (the title still names the event)
    title: str


@attrs.frozen(kw_only=True, slots=True)
class _Year:
    x: float
    label: str


@attrs.frozen(kw_only=True, slots=True)
class _Timeline:
    width: int
    ticks: tuple[_Tick, ...]
    years: tuple[_Year, ...]
    undated: int
    levels: int = 1  # the heights its labels use


def _timeline(events: Iterable[_EventView]) -> _Timeline:
    """The dated events on a time axis: one tick each, a label for each year."""
    listed = list(events)
    dated = [e for e in listed if e.day is not None]
    if not dated:
        return _Timeline(width=_WIDTH, ticks=(), years=(), undated=len(listed))
    first = min(cast(dt.date, e.day) for e in dated)
    last = max(cast(dt.date, e.day) for e in dated)
    low = dt.date(first.year, 1, 1).toordinal()
    high = dt.date(last.year + 1, 1, 1).toordinal()
    span = _WIDTH - _LEFT - _RIGHT

    def x_of(day: dt.date) -> float:
        return round(_LEFT + span * (day.toordinal() - low) / (high - low), 1)

    ticks = []
    ends = [float("-inf")] * _LEVELS  # where the last label of each level ends
    for e in dated:
        x = x_of(cast(dt.date, e.day))
        label = _cut(e.name, 40)
        level = next((i for i, end in enumerate(ends) if end < x), None)
        if level is not None:
            ends[level] = x + _CHAR * len(label) + 8
        ticks.append(
            _Tick(
                index=e.index,
                x=x,
                level=level if level is not None else _LEVELS - 1,
                label=label if level is not None else "",
                title=f"{e.full_name}: {e.date}, {_plural(e.pages, 'page')}",
            )
        )
    step = max(1, (last.year - first.year + 1) // 12)
    years = tuple(
        _Year(x=x_of(dt.date(y, 1, 1)), label=str(y))
        for y in range(first.year, last.year + 2, step)
    )
    return _Timeline(
        width=_WIDTH,
        ticks=tuple(ticks),
        years=years,
        undated=len(listed) - len(dated),
        levels=max(t.level for t in ticks) + 1,
    )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- pages and sites -----------------------------------------------------------------------


@attrs.define(kw_only=True, slots=True)
class _Site:
    name: str
    pages: int = 0
    lines: int = 0
    dropped: collections.Counter[str] = attrs.field(factory=collections.Counter)
    template: int = 0
    captions: int = 0
    credits: int = 0


@attrs.frozen(kw_only=True, slots=True)
class _Paragraph:
    text: str
    source: str


@attrs.define(kw_only=True, slots=True)
class _Pages:
    ids_of: dict[str, list[int]] = attrs.field(factory=dict)
    source_of: dict[int, str] = attrs.field(factory=dict)
    month_of: dict[int, str] = attrs.field(factory=dict)
    sites: dict[str, _Site] = attrs.field(factory=dict)
    paragraphs: list[_Paragraph] = attrs.field(factory=list)


def site_name(url: str | None, source: str) -> str:
    """The site of a page: the host of its URL (or of its source, when that is one), else
    the folder of its source, else ``(no site)``."""
    host = host_of(url) or host_of(source)
    if host is not None:
        return host
    folder = posixpath.dirname(source.replace(os.sep, "/"))
    return folder or "(no site)"


def _read_pages(store: Store, listed: Sequence[MergedEvent]) -> _Pages:
    """One pass over the pages: their ids by source, months, sites, and the paragraphs of
    the pages that report the listed events (for the search)."""
    found = _Pages()
    reporting = {s for e in listed for s in e.reported_by}
    for row in store.rows("documents"):
        doc, source = cast(int, row["id"]), cast(str, row["source"])
        found.ids_of.setdefault(source, []).append(doc)
        found.source_of[doc] = source
        published = cast("str | None", row["published"]) or ""
        if len(published) >= len("YYYY-MM") and published[:4].isdigit():
            found.month_of[doc] = published[:7]
        name = site_name(cast("str | None", row["url"]), source)
        site = found.sites.get(name)
        if site is None:
            site = found.sites[name] = _Site(name=name)
        article = json.loads(cast(str, row["article"]))
        site.pages += 1
        keep = source in reporting and len(found.paragraphs) < _PARAGRAPHS
        for block in article["blocks"]:
            site.lines += 1
            kind = block["kind"]
            if kind not in _CONTENT:
                site.dropped[kind] += 1
            if (block.get("reason") or "").startswith(_TEMPLATE_REASON):
                site.template += 1
            if keep and kind == "body" and len(found.paragraphs) < _PARAGRAPHS:
                found.paragraphs.append(
                    _Paragraph(text=block["text"], source=f"{source}:{block['line']}")
                )
        captions = article.get("captions") or []
        site.captions += len(captions)
        site.credits += sum(1 for c in captions if c.get("credit"))
    return found


@attrs.frozen(kw_only=True, slots=True)
class _Bar:
    kind: str
    x: float
    width: float
    colour: str
    title: str


@attrs.frozen(kw_only=True, slots=True)
class _SiteView:
    name: str
    pages: int
    lines: int
    dropped: int
    share: str
    bars: tuple[_Bar, ...]
    template: int
    captions: int
    credits: int


_BAR = 200


def _colours(sites: Iterable[_Site]) -> dict[str, str]:
    """A colour for each kind of dropped line, the most frequent kinds first."""
    total: collections.Counter[str] = collections.Counter()
    for site in sites:
        total.update(site.dropped)
    kinds = [k for k, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {k: _PALETTE[i] if i < len(_PALETTE) else _OTHER_COLOUR for i, k in enumerate(kinds)}


def _legend(sites: Iterable[_Site]) -> list[tuple[str, str]]:
    return list(_colours(sites).items())


def _site_views(sites: Sequence[_Site]) -> list[_SiteView]:
    colours = _colours(sites)
    views = []
    for site in sites:
        bars = []
        x = 0.0
        for kind, count in sorted(site.dropped.items(), key=lambda kv: (-kv[1], kv[0])):
            width = _BAR * count / site.lines
            share = 100 * count / site.lines
            bars.append(
                _Bar(
                    kind=kind,
                    x=round(x, 2),
                    width=round(width, 2),
                    colour=colours[kind],
                    title=f"{kind}: {share:.1f}% of the lines ({count:,})",
                )
            )
            x += width
        dropped = sum(site.dropped.values())
        views.append(
            _SiteView(
                name=site.name,
                pages=site.pages,
                lines=site.lines,
                dropped=dropped,
                share=f"{100 * dropped / site.lines:.0f}%" if site.lines else "-",
                bars=tuple(bars),
                template=site.template,
                captions=site.captions,
                credits=site.credits,
            )
        )
    return views


@attrs.frozen(kw_only=True, slots=True)
class _ClusterView:
    members: tuple[str, ...]
    size: int
    representative: str
    similarity: str


def _cluster_view(cluster: DuplicateCluster) -> _ClusterView:
    return _ClusterView(
        members=cluster.members[:_MEMBERS],
        size=len(cluster.members),
        representative=cluster.representative,
        similarity=f"{cluster.similarity:.2f}",
    )


# -- speakers ------------------------------------------------------------------------------


@attrs.define(kw_only=True, slots=True)
class _Speaker:
    key: str
    names: collections.Counter[str] = attrs.field(factory=collections.Counter)
    offices: dict[str, None] = attrs.field(factory=dict)  # in the order met
    count: int = 0
    months: collections.Counter[str] = attrs.field(factory=collections.Counter)
    said: list[tuple[int, dict[str, Any]]] = attrs.field(factory=list)  # (page, statement)


@attrs.frozen(kw_only=True, slots=True)
class _Spark:
    x: float
    y: float
    width: float
    height: float
    title: str


@attrs.frozen(kw_only=True, slots=True)
class _SpeakerView:
    index: int
    name: str
    offices: str
    count: int
    spark: tuple[_Spark, ...]


@attrs.frozen(kw_only=True, slots=True)
class _StatementView:
    speaker: int
    speaker_name: str
    events: str
    text: str
    cue: str
    source: str


@attrs.frozen(kw_only=True, slots=True)
class _Said:
    speakers: int
    statements: int
    months: tuple[str, ...]


_SPARK_WIDTH = 120
_SPARK_HEIGHT = 24
_BARS = 60


def _speakers(
    store: Store,
    pages: _Pages,
    doc_events: dict[int, list[int]],
    limit: int,
    per_speaker: int,
) -> tuple[list[_SpeakerView], list[_StatementView], _Said]:
    """The speakers with the most statements (one a person: by the speaker's key), their
    offices as the pages give them, their statements by month, and their first
    statements."""
    by_key: dict[str, _Speaker] = {}
    total = 0
    for row in store.rows("statements"):
        record = json.loads(cast(str, row["record"]))
        person = record["speaker"]
        key = person["key"]
        speaker = by_key.get(key)
        if speaker is None:
            speaker = by_key[key] = _Speaker(key=key)
        doc = cast(int, row["document_id"])
        speaker.names[person["name"]] += 1
        if person.get("role"):
            speaker.offices.setdefault(person["role"], None)
        speaker.count += 1
        total += 1
        month = pages.month_of.get(doc)
        if month is not None:
            speaker.months[month] += 1
        if len(speaker.said) < per_speaker:
            speaker.said.append((doc, record))
    top = sorted(by_key.values(), key=lambda s: (-s.count, _fullest(s.names), s.key))[:limit]
    wanted = {s.key: s for s in top}
    for row in store.rows("people"):
        speaker = wanted.get(cast(str, row["key"]))
        if speaker is not None and row["role"]:
            speaker.offices.setdefault(cast(str, row["role"]), None)
    months = _month_range({m for s in top for m in s.months})
    views = [
        _SpeakerView(
            index=i,
            name=_fullest(s.names),
            offices="; ".join(s.offices),
            count=s.count,
            spark=_spark(s.months, months),
        )
        for i, s in enumerate(top)
    ]
    quoted = [
        _StatementView(
            speaker=i,
            speaker_name=views[i].name,
            events=" ".join(str(e) for e in doc_events.get(doc, ())),
            text=_cut(record["text"], _TEXT),
            cue=record["cue"],
            source=_where(pages.source_of.get(doc, "?"), record.get("line")),
        )
        for i, s in enumerate(top)
        for doc, record in s.said
    ]
    return views, quoted, _Said(speakers=len(by_key), statements=total, months=tuple(months))


def _month_range(months: set[str]) -> list[str]:
    """Every month from the first of ``months`` (``YYYY-MM``) to the last."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while (text := f"{year:04d}-{month:02d}") <= last:
        found.append(text)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _fullest(names: collections.Counter[str]) -> str:
    """The fullest of a person's names: the longest, then the most used, then the first in
    alphabetical order."""
    return min(names.items(), key=lambda kv: (-len(kv[0]), -kv[1], kv[0]))[0]


def _spark(counts: collections.Counter[str], months: Sequence[str]) -> tuple[_Spark, ...]:
    """A bar for each span of months the speaker spoke in, on the axis of the months any
    listed speaker spoke in: a month a bar, or as many months a bar as keep the bars at
    most ``_BARS``."""
    if not months or not counts:
        return ()
    size = -(-len(months) // _BARS)  # months a bar
    spans = [months[i : i + size] for i in range(0, len(months), size)]
    totals = [sum(counts.get(m, 0) for m in span) for span in spans]
    most = max(totals)
    width = _SPARK_WIDTH / len(spans)
    bars = []
    for i, (span, count) in enumerate(zip(spans, totals, strict=True)):
        if not count:
            continue
        height = max(1.0, _SPARK_HEIGHT * count / most)
        when = span[0] if len(span) == 1 else f"{span[0]} to {span[-1]}"
        bars.append(
            _Spark(
                x=round(i * width, 2),
                y=round(_SPARK_HEIGHT - height, 2),
                width=round(max(1.0, width * 0.8), 2),
                height=round(height, 2),
                title=f"{when}: {_plural(count, 'statement')}",
            )
        )
    return tuple(bars)
