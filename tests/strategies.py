"""Hypothesis strategies that build diplocorpus records."""

from __future__ import annotations

import datetime as dt

from dateutil import tz
from hypothesis import strategies as st

import diplocorpus as dc

texts = st.text(max_size=40)
lines = st.integers(min_value=1, max_value=10_000)
zones = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: tz.tzoffset(None, m * 60))
partial_dates = (
    st.dates()
    .filter(lambda d: d.year % 4 == 0 or (d.month, d.day) != (2, 29))
    .map(lambda d: dc.PartialDate(month=d.month, day=d.day))
)
published = st.one_of(
    st.none(),
    st.dates(),
    st.datetimes(timezones=zones, min_value=dt.datetime(1900, 1, 1)),
    partial_dates,
)
captions = st.builds(dc.Caption, text=texts, credit=st.none() | texts, line=lines)
blocks = st.builds(
    dc.Block, line=lines, kind=st.sampled_from(dc.BlockKind), text=texts, reason=texts
)
articles = st.builds(
    dc.Article,
    source=st.none() | texts,
    title=st.none() | texts,
    published=published,
    authors=st.lists(texts, max_size=3),
    view_count=st.none() | st.integers(min_value=0, max_value=10**9),
    paragraphs=st.lists(texts, max_size=4),
    captions=st.lists(captions, max_size=3),
    blocks=st.lists(blocks, max_size=5),
    notes=st.lists(texts, max_size=2),
)

people = st.builds(
    dc.Person,
    name=texts,
    role=st.none() | texts,
    key=texts,
    line=lines,
    start=st.integers(0, 500),
    end=st.integers(0, 500),
    kind=st.sampled_from(dc.EntityKind),
)
quotes = st.builds(
    dc.Quote,
    text=texts,
    start=st.integers(0, 500),
    end=st.integers(0, 500),
    attributed_to=st.none() | texts,
)
statements = st.builds(
    dc.Statement,
    speaker=people,
    cue=texts,
    text=texts,
    quotes=st.lists(quotes, max_size=3),
    mode=st.sampled_from(dc.StatementMode),
    line=lines,
    start=st.integers(0, 500),
    end=st.integers(0, 500),
    resolution=st.none() | texts,
)

event_claims = st.builds(
    dc.EventClaim,
    field=st.sampled_from(["start", "end", "location", "mode", "theme"]),
    value=texts,
    text=texts,
    line=lines,
    scope=st.sampled_from(["specific", "joint"]),
)
event_mentions = st.builds(
    dc.EventMention,
    line=lines,
    start=st.integers(0, 500),
    end=st.integers(0, 500),
    text=texts,
    passing=st.booleans(),
)
events = st.builds(
    dc.Event,
    name=texts,
    series=st.none() | texts,
    ordinal=st.none() | st.integers(1, 200),
    term=st.none() | st.integers(1, 20),
    kind=st.sampled_from(dc.EventKind),
    key=texts,
    start=published,
    end=published,
    location=st.none() | texts,
    mode=st.none() | st.sampled_from(dc.AttendanceMode),
    themes=st.lists(texts, max_size=2),
    participants=st.lists(texts, max_size=2),
    organisers=st.lists(texts, max_size=2),
    main=st.booleans(),
    mentions=st.lists(event_mentions, max_size=2),
    claims=st.lists(event_claims, max_size=3),
)
