"""Working with a corpus: loaders, encodings, deduplication, the store, exports, Dask."""

from __future__ import annotations

import datetime as dt
import errno
import io
import itertools
import json
import os
import pickle
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from datasketch import MinHash, MinHashLSH

import diplocorpus as dc
from diplocorpus._dedup import shingle_hashes
from diplocorpus._errors import unreadable
from diplocorpus._load import decode
from diplocorpus._store import SCHEMA_VERSION, published_within

from .conftest import ROOT, SEEDS
from .fixtures import cp1258

SEED_PATHS = sorted(SEEDS.glob("*.txt"))
# -- loading -------------------------------------------------------------------------------


def test_one_file_a_folder_and_a_glob(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "one.txt").write_text(SEED_PATHS[0].read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "two.txt").write_text(SEED_PATHS[1].read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "notes.md").write_text("không phải trang", "utf-8")
    found = [d.source for d in dc.iter_documents([tmp_path])]
    assert found == [str(nested / "one.txt"), str(tmp_path / "two.txt")]
    only_md = [d.source for d in dc.iter_documents([tmp_path], glob="*.md")]
    assert only_md == [str(tmp_path / "notes.md")]
    single = list(dc.iter_documents([SEED_PATHS[2]]))
    assert [d.source for d in single] == [str(SEED_PATHS[2])]


def test_a_path_is_one_path_not_its_letters(tmp_path: Path) -> None:
    expected = [str(p) for p in SEED_PATHS]
    assert [d.source for d in dc.iter_documents(str(SEEDS))] == expected
    assert [d.source for d in dc.iter_documents(SEEDS)] == expected
    assert dc.Corpus(str(SEEDS)).paths == [str(SEEDS)]
    assert [a.source for a in dc.Corpus(SEEDS, learn_sites=False).articles()] == expected
    with pytest.raises(TypeError, match="bytes"):
        dc.iter_documents(b"seeds")  # type: ignore[arg-type]


def test_a_folder_gives_its_html_pages_too_and_globs_can_be_several(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tiêu đề\nMột đoạn văn.", "utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Một đoạn văn.</p></body></html>", "utf-8")
    (tmp_path / "c.htm").write_text("<html><body><p>Đoạn khác.</p></body></html>", "utf-8")
    (tmp_path / "d.json").write_text("{}", "utf-8")
    assert [Path(d.source).name for d in dc.iter_documents(tmp_path)] == [
        "a.txt",
        "b.html",
        "c.htm",
    ]
    both = dc.iter_documents(tmp_path, glob=["*.htm", "*.txt", "**/*.txt"])
    assert [Path(d.source).name for d in both] == ["a.txt", "c.htm"]  # each file once
    with pytest.raises(ValueError, match="glob"):
        dc.iter_documents(tmp_path, glob=[])


def test_a_folder_where_no_file_matches_says_what_it_holds(tmp_path: Path) -> None:
    for name in ("a.html", "b.html", "c.json"):
        (tmp_path / name).write_text("<p>x</p>", "utf-8")
    with pytest.raises(dc.InputError) as info:
        list(dc.iter_documents(tmp_path, glob="**/*.txt"))
    message = str(info.value)
    assert info.value.source == str(tmp_path)
    assert "**/*.txt" in message
    assert "2 *.html" in message
    assert "'**/*.html'" in message
    skipped: list[dc.SkippedInput] = []
    assert list(dc.iter_documents(tmp_path, glob="*.txt", errors="skip", skipped=skipped)) == []
    assert [s.source for s in skipped] == [str(tmp_path)]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(dc.InputError, match="holds no files"):
        list(dc.iter_documents(empty))


def test_a_missing_or_unreadable_path_is_the_packages_error_with_the_path(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "scraped"
    for call in (
        lambda: list(dc.iter_documents(missing)),
        lambda: list(dc.iter_documents([tmp_path / "pages.jsonl"])),
        lambda: dc.parse_file(missing),
        lambda: dc.read_document(missing),
    ):
        with pytest.raises(dc.InputNotFoundError) as info:
            call()
        error = info.value
        assert isinstance(error, dc.InputError)
        assert isinstance(error, FileNotFoundError)
        assert error.source == error.filename
        assert error.source is not None
        assert error.errno == 2
        assert str(error).endswith("no such file or folder")
    locked = tmp_path / "locked.txt"
    locked.write_text("Tin", "utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who reads every file")
        with pytest.raises(dc.InputPermissionError) as denied:
            dc.parse_file(locked)
        assert isinstance(denied.value, PermissionError)
        assert str(locked) in str(denied.value)
    finally:
        locked.chmod(0o644)


def test_an_unreadable_input_error_survives_a_trip_to_another_process() -> None:
    denied = unreadable(PermissionError(errno.EACCES, "Permission denied"), "a.txt")
    assert type(denied) is dc.InputPermissionError
    assert denied.errno == errno.EACCES
    other = unreadable(IsADirectoryError(errno.EISDIR, "Is a directory"), "d")
    assert type(other) is dc.UnreadableInputError
    assert str(other) == "d: cannot be read: Is a directory"

    error = dc.InputNotFoundError("no such file or folder", source="x.txt", errno=2)
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), str(back), back.source, back.errno) == (
        dc.InputNotFoundError,
        str(error),
        "x.txt",
        2,
    )


def test_jsonl_records_keep_their_fields(tmp_path: Path) -> None:
    shard = tmp_path / "pages.jsonl"
    records = [
        {
            "text": SEED_PATHS[3].read_text("utf-8"),
            "url": "https://example.vn/a",
            "published": "2023-12-18",
            "fetched_at": "2024-01-02T03:04:05+00:00",
            "site": "example.vn",
            "tags": ["ngoại giao"],
        },
        {"text": "Tiêu đề bài báo thử nghiệm\nMột đoạn văn của bài báo.", "source": "b"},
        {"text": "Tiêu đề khác\nĐoạn văn khác của bài báo."},
    ]
    shard.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    first, second, third = dc.iter_documents([shard])
    assert (first.source, first.url) == ("https://example.vn/a", "https://example.vn/a")
    assert first.published.isoformat() == "2023-12-18"  # type: ignore[union-attr]
    assert first.fetched_at is not None
    assert first.fetched_at.year == 2024
    assert first.metadata == {"site": "example.vn", "tags": ["ngoại giao"]}
    assert second.source == "b"
    assert third.source == f"{shard}:3"


def test_a_document_is_hashable_and_its_metadata_counts_for_equality() -> None:
    def page(**metadata: object) -> dc.Document:
        return dc.Document(text="Trang một", source="a.jsonl:1", metadata=metadata)

    tags = {"tags": ["ngoại giao"], "site": {"host": "example.vn"}}
    first, same, other = page(**tags), page(**tags), page(tags=["kinh tế"])
    assert hash(first) == hash(same)
    assert first == same
    assert first != other
    assert {first, same, other} == {first, other}
    assert len({first: 1, same: 2}) == 1
    held: dict[str, object] = {"tags": ["a"]}
    kept = dc.Document(text="x", source="y", metadata=held)
    held["new"] = []  # the document keeps its own mapping, unhashable values and all
    assert kept.metadata == {"tags": ["a"]}
    assert hash(kept) == hash(dc.Document(text="x", source="y"))


def test_the_record_date_completes_a_partial_date(tmp_path: Path) -> None:
    shard = tmp_path / "pages.jsonl"
    record = {
        "text": "Tiêu đề bài báo thử nghiệm\nSáng 19/12, Hội nghị Ngoại giao lần "
        "thứ 32 khai mạc tại Hà Nội.",
        "published": "2023-12-19",
    }
    shard.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    (event,) = dc.Corpus([shard]).events()
    assert event.start.value == dt.date(2023, 12, 19)


def test_a_record_time_without_a_zone_is_vietnam_time(tmp_path: Path) -> None:
    shard = tmp_path / "pages.jsonl"
    record = {
        "text": "Tiêu đề bài báo thử nghiệm\nMột đoạn văn của bài báo.",
        "published": "2023-12-19T13:00:00",
        "fetched_at": "2023-12-19 14:30",
    }
    shard.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    (doc,) = dc.iter_documents([shard])
    assert doc.published == dt.datetime(2023, 12, 19, 13, 0, tzinfo=dc.VIETNAM_TZ)
    assert doc.fetched_at == dt.datetime(2023, 12, 19, 14, 30, tzinfo=dc.VIETNAM_TZ)
    assert doc.published.utcoffset() == dt.timedelta(hours=7)  # type: ignore[union-attr]


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    page = SEED_PATHS[0].read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    (doc,) = dc.iter_documents(["-"])
    assert doc.source == "-"
    assert doc.text == page.decode("utf-8")
    lines = b'{"text": "T\\u1ea1i H\\u00e0 N\\u1ed9i", "source": "x"}\n{"text": "B"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    docs = list(dc.iter_documents(["-"], stdin="jsonl"))
    assert [d.source for d in docs] == ["x", "-:2"]


def test_loading_is_lazy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Trang số {i}", "utf-8")
    opened: list[str] = []
    real_open = open

    def spy(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    documents = dc.iter_documents([tmp_path])
    next(documents)
    assert len(opened) == 1


@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (cp1258, "cp1258"),
    ],
)
def test_encodings_as_found_on_vietnamese_sites(encode, name: str) -> None:  # type: ignore[no-untyped-def]
    text = SEED_PATHS[1].read_text("utf-8")
    decoded, found = decode(encode(text), source="x")
    assert found == name
    assert dc.parse(decoded).paragraphs == dc.parse(text).paragraphs


def test_undecodable_file_names_its_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x9f\x92\x96" * 50)
    with pytest.raises(dc.DecodeError, match=str(bad)):
        list(dc.iter_documents([bad]))


def test_corrupt_json_line_names_its_line(tmp_path: Path) -> None:
    shard = tmp_path / "pages.jsonl"
    shard.write_text('{"text": "Một"}\n{"text": \n{"text": "Ba"}\n{"title": "no text"}\n', "utf-8")
    with pytest.raises(dc.InputError, match=f"{shard}:2: not a JSON record"):
        list(dc.iter_documents([shard]))
    skipped: list[dc.SkippedInput] = []
    docs = list(
        dc.iter_documents([shard, tmp_path / "missing.txt"], errors="skip", skipped=skipped)
    )
    assert [d.text for d in docs] == ["Một", "Ba"]
    assert [s.source for s in skipped] == [
        f"{shard}:2",
        f"{shard}:4",
        str(tmp_path / "missing.txt"),
    ]
    assert "needs a 'text' string" in skipped[1].reason


@pytest.mark.parametrize("errors", ["ignore", "Skip", "", "strict"])
def test_errors_takes_only_raise_or_skip(tmp_path: Path, errors: str) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Tiêu đề bài báo thử nghiệm\nMột đoạn văn của bài báo.", "utf-8")
    message = f"errors must be 'raise' or 'skip', not {errors!r}"
    with pytest.raises(ValueError, match=message):
        dc.iter_documents([page], errors=errors)  # type: ignore[arg-type]  # at the call
    with pytest.raises(ValueError, match=message):
        dc.Corpus([page], errors=errors)  # type: ignore[arg-type]
    with dc.Store(tmp_path / "c.sqlite") as store:
        with pytest.raises(ValueError, match=message):
            store.add(dc.iter_documents([page]), errors=errors)  # type: ignore[arg-type]
        assert store.counts()["documents"] == 0


# -- deduplication -------------------------------------------------------------------------

FRAMES = [
    (
        "Trang chủ > Thời sự > Đối ngoại\n",
        "\nTin liên quan\nViệt Nam - Lào tăng cường hợp tác "
        "giáo dục\nBộ trưởng Ngoại giao tiếp Đại sứ Pháp\n© Báo điện tử\n",
    ),
    (
        "Thế giới › Quan hệ quốc tế\nChia sẻ\n",
        "\nĐọc nhiều\nGiá vàng hôm nay tăng mạnh\n"
        "Thời tiết Hà Nội chuyển lạnh\nPhiên bản di động\n",
    ),
]


def syndicated(path: Path, frame: tuple[str, str]) -> str:
    head, tail = frame
    return head + path.read_text("utf-8") + tail


def test_syndicated_copies_are_one_cluster_whatever_the_order() -> None:
    pages = {p.name: p.read_text("utf-8") for p in SEED_PATHS}
    for i, frame in enumerate(FRAMES):
        pages[f"copy{i}-of-001"] = syndicated(SEED_PATHS[1], frame)
        pages[f"copy{i}-of-002"] = syndicated(SEED_PATHS[2], frame)
    bodies = [(name, dc.parse(text).text) for name, text in pages.items()]
    clusters = dc.find_duplicates(bodies)
    assert [c.members for c in clusters] == [
        (SEED_PATHS[1].name, "copy0-of-001", "copy1-of-001"),
        (SEED_PATHS[2].name, "copy0-of-002", "copy1-of-002"),
    ]
    for _ in range(5):
        random.shuffle(bodies)
        assert dc.find_duplicates(bodies) == clusters


def test_different_reports_of_one_event_are_not_duplicates() -> None:
    bodies = [(p.name, dc.parse(p.read_text("utf-8")).text) for p in SEED_PATHS]
    assert dc.find_duplicates(bodies) == ()


def test_a_rewritten_lead_is_still_a_near_duplicate() -> None:
    body = dc.parse(SEED_PATHS[2].read_text("utf-8")).text
    edited = body.replace("Ngày 19/12/2023 phát biểu", "Hôm 19/12/2023, khi phát biểu", 1)
    (cluster,) = dc.find_duplicates([("a", body), ("b", edited)])
    assert cluster.similarity > 0.8


def test_duplicates_follow_the_exact_similarity_of_the_bodies() -> None:
    # Bodies of 300 words drawn from the seeds, 20 stories, each copied with 0 to 12 words
    # changed: pairs far above the threshold (exact Jaccard of the 5-grams) are found, pairs
    # far below never joined, whatever the hashing of the 5-grams.
    rnd = random.Random(3)
    words = " ".join(p.read_text("utf-8") for p in SEED_PATHS).split()
    bodies = []
    for i in range(120):
        story = random.Random(i % 20)
        body = [story.choice(words) for _ in range(300)]
        for _ in range(rnd.randrange(0, 12)):
            body[rnd.randrange(300)] = rnd.choice(words)
        bodies.append((f"page{i:03}", " ".join(body)))
    grams = {}
    for source, body in bodies:
        folded = dc.fold_key(body).split()
        grams[source] = {tuple(folded[i : i + 5]) for i in range(len(folded) - 4)}
    together = {m: c.members for c in dc.find_duplicates(bodies) for m in c.members}
    far_above = 0
    for (a, _), (b, _) in itertools.combinations(bodies, 2):
        exact = len(grams[a] & grams[b]) / len(grams[a] | grams[b])
        joined = b in together.get(a, ())
        if exact >= 0.85:
            far_above += 1
            assert joined, (a, b, exact)
        if int(a[4:]) % 20 != int(b[4:]) % 20:  # two stories: nothing in common
            assert exact < 0.05
            assert not joined, (a, b, exact)
    assert far_above > 10
    assert len(set(together.values())) <= 20


def _clusters_by_datasketch_index(
    bodies: list[tuple[str, str]], threshold: float
) -> list[tuple[str, ...]]:
    """The clusters of the pairs datasketch's own ``MinHashLSH`` puts in one bucket and whose
    signatures are similar enough: what ``find_duplicates`` must give, faster."""
    signatures = {}
    for source, body in bodies:
        grams = shingle_hashes(body)
        if grams:
            signatures[source] = MinHash(num_perm=128, seed=1, hashfunc=lambda v: v)
            signatures[source].update_batch(grams)
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    parent = {s: s for s in signatures}

    def find(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    for source in sorted(signatures):
        for other in lsh.query(signatures[source]):
            if signatures[source].jaccard(signatures[other]) >= threshold:
                parent[max(find(source), find(other))] = min(find(source), find(other))
        lsh.insert(source, signatures[source])
    groups: dict[str, list[str]] = {}
    for source in sorted(signatures):
        groups.setdefault(find(source), []).append(source)
    return sorted(tuple(g) for g in groups.values() if len(g) > 1)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.9])
def test_duplicates_are_the_clusters_of_the_pairs_the_index_finds(threshold: float) -> None:
    # 400 bodies cut from a shared word list, copied with some words changed: many chains
    # of pages similar to one and not to the next, and clusters of many copies.
    rnd = random.Random(5)
    words = " ".join(p.read_text("utf-8") for p in SEED_PATHS).split()
    stories = []
    for _ in range(30):
        start = rnd.randrange(len(words) - 200)
        stories.append(words[start : start + rnd.randrange(20, 200)])
    bodies = []
    for i in range(400):
        body = list(rnd.choice(stories))
        for _ in range(rnd.randrange(0, 12)):
            body[rnd.randrange(len(body))] = rnd.choice(words)
        bodies.append((f"p{i:04d}", " ".join(body)))
    expected = _clusters_by_datasketch_index(bodies, threshold)
    assert len(expected) > 2
    assert [c.members for c in dc.find_duplicates(bodies, threshold=threshold)] == expected


# -- the store -----------------------------------------------------------------------------


def test_store_ingest_is_idempotent_and_resumable(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    with dc.Store(db) as store:
        first = store.add(dc.iter_documents(SEED_PATHS[:3]))
        again = store.add(dc.iter_documents(SEED_PATHS[:3]))
        more = store.add(dc.iter_documents(SEED_PATHS))
        counts = store.counts()
    assert (first.added, first.existing) == (3, 0)
    assert (again.added, again.existing) == (0, 3)
    assert (more.added, more.existing) == (2, 3)
    assert counts["documents"] == 5
    assert counts["paragraphs"] == 31


def test_store_identity_is_the_content(tmp_path: Path) -> None:
    text = SEED_PATHS[0].read_text("utf-8")
    same = [
        dc.Document(text=text, source="a"),
        dc.Document(text=text.replace("\n", "\r\n"), source="b"),
    ]
    with dc.Store(tmp_path / "c.sqlite") as store:
        report = store.add(same)
    assert (report.added, report.existing) == (1, 1)


def test_the_store_reads_back_a_page_whose_time_has_no_zone(tmp_path: Path) -> None:
    shard = tmp_path / "pages.jsonl"
    record = {
        "text": "Tiêu đề bài báo thử nghiệm\nMột đoạn văn của bài báo.",
        "published": "2023-12-19T13:00:00",
    }
    shard.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    naive = dc.Document(
        text=record["text"] + "\nĐoạn khác.", source="b", published=dt.datetime(2023, 12, 20, 8, 0)
    )
    with dc.Store(tmp_path / "c.sqlite") as store:
        report = store.add([*dc.iter_documents([shard]), naive])
        assert (report.added, report.failed) == (2, ())
        published = [a.published for a in store.articles()]
        (row,) = (r for r in store.rows("documents") if r["source"] == "b")
    assert published == [
        dt.datetime(2023, 12, 19, 13, 0, tzinfo=dc.VIETNAM_TZ),
        dt.datetime(2023, 12, 20, 8, 0, tzinfo=dc.VIETNAM_TZ),
    ]
    assert row["published"] == "2023-12-20T08:00:00+07:00"


def test_store_search_statements_events_duplicates(tmp_path: Path) -> None:
    with dc.Store(tmp_path / "c.sqlite") as store:
        store.add(dc.iter_documents(SEED_PATHS))
        store.add([dc.Document(text=syndicated(SEED_PATHS[2], FRAMES[0]), source="copy")])
        with_marks = {(h.source, h.line) for h in store.search("Hội nghị Ngoại vụ")}
        without = {(h.source, h.line) for h in store.search("hoi nghi ngoai vu")}
        phrase = store.search('"đại hội XIII"')
        assert with_marks == without
        assert (str(SEED_PATHS[3]), 3) in with_marks
        assert phrase
        assert all("Đại hội XIII" in h.text for h in phrase)
        spoken = store.statements(speaker="bui thanh son")
        assert {s.speaker.name for _, s in spoken} == {"Bùi Thanh Sơn"}
        assert len(spoken) == 5  # 3 in the seeds, 2 in the syndicated copy of 002
        merged = next(e for e in store.events() if e.ordinal == 32)
        assert merged.start.value == dt.date(2023, 12, 19)
        assert merged.themes.conflict
        (cluster,) = store.duplicates()
        assert len(cluster.members) == 2


def test_store_refuses_a_newer_schema_and_foreign_files(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    dc.Store(db).close()
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(dc.StoreError, match="newer"):
        dc.Store(db)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE t (x)")
    with pytest.raises(dc.StoreError, match="not a diplocorpus store"):
        dc.Store(other)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database at all, just some text " * 50, "utf-8")
    with pytest.raises(dc.StoreError):
        dc.Store(text_file)


def test_a_store_of_schema_version_1_is_read_and_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    first, second = (
        dc.Document(text=SEED_PATHS[k].read_text("utf-8"), source=f"seed-{k}") for k in (0, 1)
    )
    with dc.Store(db) as store:
        store.add([first])
        (old_article,) = store.articles()
    with sqlite3.connect(db) as raw:  # as diplocorpus 0.1 wrote it: the article as JSON text
        raw.execute("UPDATE documents SET article = ?", (dc.to_json(old_article),))
        raw.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with dc.Store(db) as store:
        assert list(store.articles()) == [old_article]
        store.add([second])
        articles = list(store.articles())
        (row, _) = store.rows("documents")
    assert articles[0] == old_article
    assert articles[1].paragraphs == dc.parse(second.text).paragraphs
    assert dc.from_json(row["article"], dc.Article) == old_article  # rows give JSON text
    with sqlite3.connect(db) as raw:
        version = raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        kinds = [k for (k,) in raw.execute("SELECT typeof(article) FROM documents ORDER BY id")]
    assert version == (str(SCHEMA_VERSION),)
    assert kinds == ["text", "blob"]  # new pages' articles are stored compressed


def test_a_store_of_schema_version_2_gives_its_people_from_the_articles(tmp_path: Path) -> None:
    db = tmp_path / "v2.sqlite"
    first, second = (
        dc.Document(text=SEED_PATHS[k].read_text("utf-8"), source=f"seed-{k}") for k in (0, 2)
    )
    with dc.Store(db) as store:
        store.add([first])
        people = store.people()
    with sqlite3.connect(db) as raw:  # as diplocorpus 0.1 wrote it: no span of the people
        for column in ("span_start", "span_end", "kind"):
            raw.execute(f"ALTER TABLE people DROP COLUMN {column}")
        raw.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    expected = [("seed-0", p) for p in dc.extract_people(dc.parse(first.text))]
    assert people == expected
    assert people
    with dc.Store(db) as store:
        assert store.people() == expected
        store.add([second])
        both = store.people()
    assert both == [*expected, *(("seed-2", p) for p in dc.extract_people(dc.parse(second.text)))]
    with sqlite3.connect(db) as raw:
        version = raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        kinds = [k for (k,) in raw.execute("SELECT kind FROM people ORDER BY id")]
    assert version == (str(SCHEMA_VERSION),)
    assert kinds[: len(expected)] == [None] * len(expected)
    assert all(kinds[len(expected) :])


SLOW_INGEST = """
import sys, time
import diplocorpus as dc

def slow(docs):
    for doc in docs:
        time.sleep(0.02)
        yield doc

pages = [dc.Document(text=f"Tiêu đề bài báo số {i}\\nĐoạn văn thứ nhất của bài báo số {i} về "
         f"hợp tác quốc tế.\\nĐoạn văn thứ hai của bài báo số {i}.", source=f"p{i}")
         for i in range(400)]
with dc.Store(sys.argv[1]) as store:
    store.add(slow(pages), batch_size=int(sys.argv[2]))
"""


def test_a_killed_ingest_loses_no_committed_page_and_resumes(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    script = tmp_path / "ingest.py"
    script.write_text(SLOW_INGEST, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, str(script), str(db), "7"], env=env)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and stored < 30:
        time.sleep(0.1)
        if db.exists():
            try:
                with sqlite3.connect(db) as raw:
                    stored = raw.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 400
    with dc.Store(db) as store:
        counts = store.counts()
        assert counts["documents"] % 7 == 0  # whole batches only
        assert counts["paragraphs"] == 2 * counts["documents"]  # no half page
        proc2 = subprocess.run(
            [sys.executable, str(script), str(db), "7"], env=env, check=True, timeout=120
        )
        assert proc2.returncode == 0
    with dc.Store(db) as store:
        final = store.counts()
    assert final["documents"] == 400
    assert final["paragraphs"] == 800


def test_parallel_ingest_matches_serial(tmp_path: Path) -> None:
    with dc.Store(tmp_path / "one.sqlite") as one, dc.Store(tmp_path / "two.sqlite") as two:
        one.add(dc.iter_documents(SEED_PATHS))
        two.add(dc.iter_documents(SEED_PATHS), jobs=2)
        assert list(one.articles()) == list(two.articles())


# -- exports -------------------------------------------------------------------------------


def test_jsonl_out_and_back(tmp_path: Path) -> None:
    articles = list(dc.Corpus(SEED_PATHS).articles())
    buffer = io.StringIO()
    assert dc.write_jsonl(articles, buffer) == 5
    back = list(dc.read_jsonl(io.StringIO(buffer.getvalue()), dc.Article))
    assert back == articles
    with pytest.raises(dc.InputError, match="line 2"):
        list(dc.read_jsonl(io.StringIO(buffer.getvalue().split("\n")[0] + "\n{oops\n"), dc.Article))


def test_parquet_export(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with dc.Store(tmp_path / "c.sqlite") as store:
        store.add(dc.iter_documents(SEED_PATHS))
        written = dc.export_parquet(store, tmp_path / "out")
        counts = store.counts()
        counts["merged_events"] = len(store.events())
    for table, count in counts.items():
        assert pq.read_table(written[table]).num_rows == count
    # One row a claim of a merged event: tests/test_frames.py checks them.
    assert set(written) == {*counts, "merged_claims"}


def test_dask_bag_on_a_local_cluster() -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        titles = dc.dask_bag(["seeds"], files_per_partition=2).map(lambda a: a.title).compute()
    expected = [a.title for a in dc.Corpus(["seeds"]).articles()]
    assert titles == expected


def test_dask_bag_reads_folders_as_iter_documents_does(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    page = (SEEDS / "000_792b6e1b99918ddc.txt").read_bytes()
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "bad.txt").write_bytes(page.replace(b"19/12", b"19/\xff12", 1))
    (tmp_path / "elsewhere.txt").write_bytes(page)
    (tmp_path / "pages" / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    folder = tmp_path / "pages"
    with pytest.raises(dc.InputError, match="outside the folder"):
        dc.dask_bag([folder])
    bag = dc.dask_bag([folder], follow_links=True, decode_errors="replace")
    notes = [a.notes[:1] for a in bag.compute(scheduler="sync")]
    assert notes[0][0].startswith("bytes not valid utf-8 replaced by U+FFFD at byte offsets")
    assert len(notes) == 2
    with pytest.raises(dc.DecodeError):
        dc.dask_bag([folder], follow_links=True).compute(scheduler="sync")
    with pytest.raises(ValueError, match="decode_errors must be"):
        dc.dask_bag([folder], decode_errors="ignore")  # type: ignore[arg-type]


def test_a_page_whose_day_has_no_year_is_outside_every_date_range() -> None:
    # The store's filter and the one on pages read a date the same way: "--12-18" is no
    # day of any range, whichever bound is given.
    text = (SEEDS / "003_d2effcbf8356ef57.txt").read_text("utf-8")
    partial = dc.PartialDate(month=12, day=18)
    store = dc.Store(":memory:")
    store.add([dc.Document(text=text, source="a", published=partial)])
    article = dc.parse(text, published=partial)
    assert str(article.published) == "--12-18"
    assert len(store.statements()) == 1
    for since, until in ((None, dt.date(2030, 1, 1)), (dt.date(2000, 1, 1), None)):
        assert store.statements(since=since, until=until) == []
        assert not published_within(article.published, since, until)
    assert published_within(article.published, None, None)
    assert published_within(dt.date(2023, 12, 19), dt.date(2023, 12, 19), dt.date(2023, 12, 19))
