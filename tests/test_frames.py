"""Records as data frames (pandas, polars) and the typed Parquet export."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

import diplocorpus as dc
from diplocorpus._frames import TABLES

from .conftest import SEEDS

pd = pytest.importorskip("pandas")

SEED_PATHS = [str(SEEDS)]
VIETNAM = dt.timezone(dt.timedelta(hours=7))
CONFERENCE = "hôị nghị ngoaị giao #32"  # the key of the 32nd Diplomatic Conference
TABLES_OF_THE_EXPORT = {
    "documents",
    "paragraphs",
    "statements",
    "people",
    "events",
    "merged_events",
    "merged_claims",
}


@pytest.fixture(scope="module")
def corpus() -> dc.Corpus:
    return dc.Corpus(SEED_PATHS)


@pytest.fixture(scope="module")
def articles(corpus: dc.Corpus) -> list[dc.Article]:
    return list(corpus.articles())


@pytest.fixture(scope="module")
def merged(corpus: dc.Corpus) -> tuple[dc.MergedEvent, ...]:
    return corpus.events()


def by_source(frame: Any, name: str) -> Any:
    """The row of the seed page ``name`` (its file name's start)."""
    rows = frame[frame["source"].str.contains(name, regex=False)]
    assert len(rows) == 1
    return rows.iloc[0]


# -- pandas --------------------------------------------------------------------------------


def test_articles_have_typed_columns(articles: list[dc.Article]) -> None:
    frame = dc.to_dataframe(articles)
    assert len(frame) == 5
    assert isinstance(frame["published"].dtype, pd.DatetimeTZDtype)
    assert str(frame["published"].dt.tz) == "UTC+07:00"
    assert str(frame["view_count"].dtype) == "Int64"
    assert frame["is_article"].dtype == bool
    first = by_source(frame, "000_")
    assert first["published"] == pd.Timestamp("2023-12-19 15:18:15+07:00")
    assert first["published_iso"] == "2023-12-19T15:18:15+07:00"
    assert first["view_count"] == 1234
    assert first["authors"] == ["Văn Ngọc"]
    assert first["paragraph_count"] == len(articles[0].paragraphs)
    assert first["text"] == articles[0].text


def test_a_day_without_a_time_is_midnight_in_vietnam(articles: list[dc.Article]) -> None:
    row = by_source(dc.to_dataframe(articles), "001_")
    assert row["published"] == pd.Timestamp(dt.datetime(2021, 12, 14, tzinfo=VIETNAM))
    assert row["published_iso"] == "2021-12-14"


def test_a_date_without_its_year_is_kept_as_written_never_completed() -> None:
    text = (SEEDS / "003_d2effcbf8356ef57.txt").read_text("utf-8")
    article = dc.parse(text, published=dc.PartialDate(month=12, day=18))
    assert article.published == dc.PartialDate(month=12, day=18)
    frame = dc.to_dataframe([article])
    assert pd.isna(frame["published"].iloc[0])
    assert frame["published_iso"].iloc[0] == "--12-18"
    event = dc.Event(
        name="x", kind=dc.EventKind.CONFERENCE, key="x", start=dc.PartialDate(year=2011, month=12)
    )
    events = dc.to_dataframe([event])
    assert pd.isna(events["start"].iloc[0])
    assert events["start_iso"].iloc[0] == "2011-12"


def test_a_time_in_another_zone_is_the_same_moment_in_vietnam_time() -> None:
    paris = dt.timezone(dt.timedelta(hours=1))
    article = dc.Article(title="t", published=dt.datetime(2023, 12, 19, 9, 0, tzinfo=paris))
    row = dc.to_dataframe([article]).iloc[0]
    assert row["published"] == pd.Timestamp("2023-12-19 15:00+07:00")
    assert row["published_iso"] == "2023-12-19T09:00:00+01:00"


def test_statements_have_their_speaker_role_mode_text_and_source(corpus: dc.Corpus) -> None:
    pairs = list(corpus.statements())
    frame = dc.to_dataframe(pairs)
    assert len(frame) == len(pairs)
    assert {"source", "speaker", "role", "mode", "text", "cue", "line", "direct"} <= set(frame)
    assert frame["direct"].dtype == bool
    assert set(frame["mode"]) <= {"direct", "indirect", "mixed"}
    for (source, statement), row in zip(pairs, frame.itertuples(index=False), strict=True):
        assert row.source == source
        assert row.speaker == statement.speaker.name
        assert (None if row.role is pd.NA else row.role) == statement.speaker.role
        assert row.mode == statement.mode.value
        assert row.text == statement.text
        assert row.quotes == [q.text for q in statement.quotes]


def test_statements_without_their_page_have_no_source(corpus: dc.Corpus) -> None:
    statements = [s for _, s in corpus.statements()]
    frame = dc.to_dataframe(statements)
    assert frame["source"].isna().all()
    assert list(frame["speaker"]) == [s.speaker.name for s in statements]


def test_people_and_events_of_pages(articles: list[dc.Article]) -> None:
    people = [(a.source, p) for a in articles for p in dc.extract_people(a)]
    frame = dc.to_dataframe(people)
    assert list(frame["name"]) == [p.name for _, p in people]
    assert set(frame["kind"]) <= {"person", "organization", "group"}
    events = [(a.source, e) for a in articles for e in dc.extract_events(a)]
    table = dc.to_dataframe(events)
    assert table["main"].dtype == bool
    assert table["reported"].dtype == bool
    assert isinstance(table["start"].dtype, pd.DatetimeTZDtype)
    conference = table[(table["key"] == CONFERENCE) & table["main"]]
    assert len(conference) >= 2
    assert set(conference["start"].dropna()) == {pd.Timestamp("2023-12-19 00:00+07:00")}
    assert "Hà Nội" in set(conference["location"].dropna())


def test_merged_events_say_where_sources_disagree(merged: tuple[dc.MergedEvent, ...]) -> None:
    frame = dc.to_dataframe(merged)
    assert len(frame) == len(merged)
    conference = frame[frame["key"] == CONFERENCE].iloc[0]
    assert conference["themes_conflict"]
    assert len(conference["themes"]) == 2
    assert not conference["start_conflict"]
    assert conference["start"] == pd.Timestamp("2023-12-19 00:00+07:00")
    assert conference["start_iso"] == "2023-12-19"
    assert frame["themes_conflict"].dtype == bool


def test_the_conference_themes_are_two_conflicting_claims(
    merged: tuple[dc.MergedEvent, ...],
) -> None:
    claims = dc.to_dataframe(merged, table="merged_claims")
    themes = claims[(claims["key"] == CONFERENCE) & (claims["field"] == "themes")]
    assert len(themes) == 2
    assert themes["conflict"].all()
    assert len(set(themes["value"])) == 2
    assert {s.split(" ")[0].split("/")[-1][:4] for s in themes["source"]} == {"002_", "003_"}
    assert str(themes["line"].dtype) == "Int64"
    # A field the sources agree on is no conflict.
    starts = claims[(claims["key"] == CONFERENCE) & (claims["field"] == "start")]
    assert len(starts) >= 2
    assert not starts["conflict"].any()
    total = sum(
        len(getattr(m, f).claims)
        for m in merged
        for f in ("start", "end", "location", "mode", "themes")
    )
    assert len(claims) == total


def test_blocks_are_every_line_of_every_article(articles: list[dc.Article]) -> None:
    frame = dc.to_dataframe(articles, table="blocks")
    assert len(frame) == sum(len(a.blocks) for a in articles)
    first = articles[0].blocks[0]
    assert (frame["line"].iloc[0], frame["kind"].iloc[0]) == (first.line, first.kind.value)
    assert list(frame["content"]) == [b.kind.is_content for a in articles for b in a.blocks]


def test_search_hits() -> None:
    with dc.Store(":memory:") as store:
        store.add(dc.iter_documents(SEED_PATHS))
        hits = store.search("hội nghị ngoại giao")
    frame = dc.to_dataframe(hits)
    assert list(frame["text"]) == [h.text for h in hits]
    assert list(frame["match_count"]) == [len(h.matches) for h in hits]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_an_empty_input_has_the_tables_columns_and_types(
    table: str, articles: list[dc.Article], merged: tuple[dc.MergedEvent, ...], corpus: dc.Corpus
) -> None:
    full = {
        "articles": articles,
        "blocks": articles,
        "statements": list(corpus.statements()),
        "people": list(corpus.people()),
        "events": [(a.source, e) for a in articles for e in dc.extract_events(a)],
        "merged_events": merged,
        "merged_claims": merged,
        "search_hits": [dc.SearchHit(source="s", line=1, text="t", matches=[(0, 1)])],
    }[table]
    empty = dc.to_dataframe([], table=table)
    filled = dc.to_dataframe(full, table=table)
    assert len(empty) == 0
    assert len(filled) > 0
    assert list(empty.columns) == [c.name for c in TABLES[table][1]]
    assert list(empty.dtypes) == list(filled.dtypes)


def test_what_cannot_be_a_frame_is_an_error(articles: list[dc.Article]) -> None:
    with pytest.raises(ValueError, match="table="):
        dc.to_dataframe([])
    with pytest.raises(ValueError, match="no table 'paragraphs'"):
        dc.to_dataframe(articles, table="paragraphs")
    with pytest.raises(ValueError, match="library"):
        dc.to_dataframe(articles, library="spark")  # type: ignore[arg-type]
    person = dc.Person(name="A", key="a", line=1, start=0, end=1)
    with pytest.raises(TypeError, match="made of Article records, not Person"):
        dc.to_dataframe([articles[0], person])
    with pytest.raises(TypeError, match="no table of str"):
        dc.to_dataframe(["a page"])
    with pytest.raises(TypeError, match="give them alone"):
        dc.to_dataframe([("s", articles[0])])


@pytest.mark.parametrize(("library", "extra"), [("pandas", "pandas"), ("polars", "polars")])
def test_without_the_library_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, library: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, library, None)  # an import of it fails
    with pytest.raises(dc.MissingDependencyError, match=rf"diplocorpus\[{extra}\]"):
        dc.to_dataframe([], table="people", library=library)  # type: ignore[arg-type]


# -- polars --------------------------------------------------------------------------------


def test_polars_frames_have_the_same_columns_and_values(
    articles: list[dc.Article], merged: tuple[dc.MergedEvent, ...], corpus: dc.Corpus
) -> None:
    pl = pytest.importorskip("polars")
    for records, table in [
        (articles, "articles"),
        (list(corpus.statements()), "statements"),
        (merged, "merged_events"),
        (merged, "merged_claims"),
    ]:
        frame = dc.to_dataframe(records, table=table, library="polars")
        assert isinstance(frame, pl.DataFrame)
        other = dc.to_dataframe(records, table=table)
        assert frame.columns == list(other.columns)
        assert frame.height == len(other)
        for name in frame.columns:
            left = frame[name].to_list()
            right = [None if v is pd.NA or v is pd.NaT else v for v in other[name]]
            assert left == right, name
    frame = dc.to_dataframe(articles, library="polars")
    assert frame.schema["published"] == pl.Datetime("us", "Etc/GMT-7")
    assert frame.schema["is_article"] == pl.Boolean
    assert frame.schema["authors"] == pl.List(pl.Utf8)
    assert frame.schema["view_count"] == pl.Int64
    claims = dc.to_dataframe(merged, table="merged_claims", library="polars")
    conflicting = claims.filter((pl.col("key") == CONFERENCE) & pl.col("conflict"))
    assert conflicting["field"].to_list() == ["themes", "themes"]


# -- Parquet -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], dict[str, int]]:
    pytest.importorskip("pyarrow")
    folder = tmp_path_factory.mktemp("parquet")
    with dc.Store(folder / "c.sqlite") as store:
        store.add(dc.iter_documents(SEED_PATHS))
        written = dc.export_parquet(store, folder / "out")
        counts = store.counts()
        merged = store.events()
    counts["merged_events"] = len(merged)
    counts["merged_claims"] = len(dc.to_dataframe(merged, table="merged_claims"))
    return written, counts


def test_parquet_tables_and_rows(exported: tuple[dict[str, Path], dict[str, int]]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    written, counts = exported
    assert set(written) == TABLES_OF_THE_EXPORT
    for table, path in written.items():
        assert pq.read_table(path).num_rows == counts[table], table


def test_parquet_columns_are_typed(exported: tuple[dict[str, Path], dict[str, int]]) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    written, _ = exported
    schema = {table: pq.read_schema(path) for table, path in written.items()}
    vietnam, utc = pa.timestamp("us", tz="+07:00"), pa.timestamp("us", tz="UTC")
    documents = schema["documents"]
    assert documents.field("published").type == vietnam
    assert documents.field("published_iso").type == pa.string()
    assert documents.field("fetched_at").type == utc
    assert documents.field("added_at").type == utc
    assert documents.field("id").type == pa.int64()
    statements = schema["statements"]
    for name in ("source", "url", "speaker", "role", "mode", "text", "cue"):
        assert statements.field(name).type == pa.string(), name
    assert statements.field("direct").type == pa.bool_()
    assert statements.field("quotes").type == pa.list_(pa.string())
    events = schema["events"]
    assert events.field("main").type == pa.bool_()
    assert events.field("reported").type == pa.bool_()
    assert events.field("start").type == vietnam
    assert events.field("end").type == vietnam
    assert events.field("location").type == pa.string()
    assert events.field("mode").type == pa.string()
    assert events.field("ordinal").type == pa.int64()
    assert events.field("themes").type == pa.list_(pa.string())
    merged = schema["merged_events"]
    assert merged.field("start").type == vietnam
    assert merged.field("themes_conflict").type == pa.bool_()
    assert schema["merged_claims"].field("conflict").type == pa.bool_()
    assert schema["people"].field("source").type == pa.string()


def test_parquet_values(exported: tuple[dict[str, Path], dict[str, int]]) -> None:
    written, _ = exported
    documents = pd.read_parquet(written["documents"])
    first = by_source(documents, "000_")
    assert first["published"] == pd.Timestamp("2023-12-19 15:18:15+07:00")
    assert first["added_at"].tzinfo is not None
    statements = pd.read_parquet(written["statements"])
    assert statements["source"].notna().all()
    assert set(statements["mode"]) <= {"direct", "indirect", "mixed"}
    claims = pd.read_parquet(written["merged_claims"])
    themes = claims[(claims["key"] == CONFERENCE) & (claims["field"] == "themes")]
    assert len(themes) == 2
    assert themes["conflict"].all()
    events = pd.read_parquet(written["events"])
    assert events["main"].dtype == bool
    conference = events[(events["key"] == CONFERENCE) & events["main"]]
    assert set(conference["start"].dropna()) == {pd.Timestamp("2023-12-19 00:00+07:00")}


def test_parquet_keeps_a_partial_date_as_written(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    text = (SEEDS / "003_d2effcbf8356ef57.txt").read_text("utf-8")
    fetched = dt.datetime(2023, 12, 19, 9, 30, tzinfo=VIETNAM)
    document = dc.Document(
        text=text, source="a", published=dc.PartialDate(month=12, day=18), fetched_at=fetched
    )
    with dc.Store(":memory:") as store:
        store.add([document])
        written = dc.export_parquet(store, tmp_path)
    row = pq.read_table(written["documents"]).to_pylist()[0]
    assert row["published"] is None
    assert row["published_iso"] == "--12-18"
    assert row["fetched_at"] == fetched
    assert row["fetched_at"].utcoffset() == dt.timedelta(0)


def test_parquet_of_an_empty_store_has_every_table(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with dc.Store(":memory:") as store:
        written = dc.export_parquet(store, tmp_path)
    assert set(written) == TABLES_OF_THE_EXPORT
    for path in written.values():
        assert pq.read_table(path).num_rows == 0
    assert "published" in pq.read_schema(written["documents"]).names


def test_parquet_statements_have_every_column_of_the_frame(
    exported: tuple[dict[str, Path], dict[str, int]], corpus: dc.Corpus
) -> None:
    written, _ = exported
    stored = pd.read_parquet(written["statements"])
    frame = dc.to_dataframe(corpus.statements())
    assert set(frame.columns) <= set(stored.columns)
    assert list(stored["speaker"]) == list(frame["speaker"])
