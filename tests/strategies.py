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
