"""Hostile input (issue 14, "Crashes that escape the package's errors"): each crash found by
probing the entry points raises the package's documented error, or is handled, instead."""

from __future__ import annotations

import io
import json
import os
import pathlib
import sqlite3
import subprocess
import sys

import attrs
import pytest

import diplocorpus as dc

pytest.importorskip("lxml")

_ENV = {**os.environ, "PYTHONPATH": str(pathlib.Path(__file__).parents[1] / "src")}
_LONG_NUMBER = '<script type="application/ld+json">{"a": ' + "9" * 5000 + "}</script><p>Tin</p>"
_DEEP = '<script type="application/ld+json">' + "[" * 100000 + "</script><p>Tin</p>"


# -- not text ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 5, 1.5, ["<p>x</p>"]])
def test_html_entry_points_refuse_what_is_not_text(value: object) -> None:
    kind = type(value).__name__
    for call in (dc.html_to_text, dc.parse_html):
        with pytest.raises(dc.NotTextError, match=f"expected str or bytes, got {kind}"):
            call(value)  # type: ignore[arg-type]


def test_parse_refuses_none_and_bytes() -> None:
    with pytest.raises(dc.NotTextError, match="got NoneType"):
        dc.parse(None)  # type: ignore[arg-type]
    with pytest.raises(dc.NotTextError, match="got bytes"):
        dc.parse(b"Tin")  # type: ignore[arg-type]


# -- JSON that json cannot read ------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "why"), [(_LONG_NUMBER, "number too long"), (_DEEP, "nested too deep")]
)
def test_unreadable_json_ld_is_left_out_with_a_note(html: str, why: str) -> None:
    article = dc.parse_html(html)
    assert attrs.evolve(article, notes=()) == dc.parse_html("<p>Tin</p>")
    assert [b.text for b in article.blocks] == ["Tin"]
    assert len(article.notes) == 1
    assert "JSON-LD block left out" in article.notes[0]
    assert why in article.notes[0]


def test_readable_json_ld_leaves_no_note() -> None:
    html = '<script type="application/ld+json">{"a": 1}</script><p>Tin</p>'
    assert not any("JSON-LD" in note for note in dc.parse_html(html).notes)


@pytest.mark.parametrize(
    ("text", "why"), [("9" * 5000, "number too long"), ("[" * 100000, "nested too deep")]
)
def test_from_json_gives_input_error(text: str, why: str) -> None:
    with pytest.raises(dc.InputError, match=why):
        dc.from_json(text, dc.Article)


@pytest.mark.parametrize(
    ("line", "why"),
    [('{"source": ' + "9" * 5000 + "}", "number too long"), ("[" * 100000, "nested too deep")],
)
def test_read_jsonl_gives_input_error_with_its_line(line: str, why: str) -> None:
    good = dc.to_json(dc.parse("Tin", source="a.txt"))
    with pytest.raises(dc.InputError, match=why) as caught:
        list(dc.read_jsonl(io.StringIO(f"{good}\n{line}\n"), dc.Article, source="x.jsonl"))
    assert (caught.value.source, caught.value.line) == ("x.jsonl", 2)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ('{"text": "Tin", "n": ' + "9" * 5000 + "}", "number too long"),
        ("[" * 100000, "nested too deep"),
    ],
)
def test_jsonl_shard_record_skipped_with_its_reason(
    tmp_path: pathlib.Path, line: str, why: str
) -> None:
    shard = tmp_path / "pages.jsonl"
    shard.write_text(
        json.dumps({"text": "Một", "url": "u1"})
        + "\n"
        + line
        + "\n"
        + json.dumps({"text": "Hai", "url": "u2"})
        + "\n",
        encoding="utf-8",
    )
    skipped: list[dc.SkippedInput] = []
    documents = list(dc.iter_documents([shard], errors="skip", skipped=skipped))
    assert [d.url for d in documents] == ["u1", "u2"]
    assert [s.source for s in skipped] == [f"{shard}:2"]
    assert why in skipped[0].reason
    with pytest.raises(dc.InputError, match=why):
        list(dc.iter_documents([shard]))


def test_a_jsonl_record_nested_deeper_than_python_recurses_is_skipped(
    tmp_path: pathlib.Path,
) -> None:
    """JSON that ``json.loads`` reads (600 levels) but too deep to walk again (its metadata's
    lone surrogates replaced) costs its record alone, not a RecursionError."""
    shard = tmp_path / "pages.jsonl"
    deep = "[" * 600 + "]" * 600
    shard.write_text(
        '{"text": "Một", "url": "u1"}\n'
        f'{{"text": "Hai", "tags": {deep}}}\n'
        '{"text": "Ba", "url": "u3", "tags": [[1]]}\n',
        encoding="utf-8",
    )
    skipped: list[dc.SkippedInput] = []
    documents = list(dc.iter_documents([shard], errors="skip", skipped=skipped))
    assert [d.url for d in documents] == ["u1", "u3"]
    assert [(s.source, s.reason) for s in skipped] == [
        (f"{shard}:2", "JSON nested too deep to read")
    ]
    with pytest.raises(dc.InputError, match="nested too deep") as caught:
        list(dc.iter_documents([shard]))
    assert caught.value.source == f"{shard}:2"


# -- JSON Lines records with fields of the wrong type ---------------------------------------

_PAGE = "Hà Nội, ngày 3/4/2024\n\nBộ trưởng Ngoại giao tiếp Đại sứ, trao đổi về hợp tác."


@pytest.mark.parametrize(
    ("field", "value"),
    [("url", ["u", "v"]), ("url", {"a": 1}), ("url", 5), ("source", ["s"]), ("source", True)],
)
def test_a_record_with_a_bad_field_costs_that_record(
    tmp_path: pathlib.Path, field: str, value: object
) -> None:
    shard = tmp_path / "pages.jsonl"
    records = [
        {"text": _PAGE + " Một.", "url": "u1"},
        {"text": _PAGE + " Hai.", field: value},
        {"text": _PAGE + " Ba.", "url": "u3"},
    ]
    shard.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pytest.raises(dc.InputError, match=f"'{field}'") as caught:
        list(dc.iter_documents([shard]))
    assert caught.value.source == f"{shard}:2"
    skipped: list[dc.SkippedInput] = []
    documents = list(dc.iter_documents([shard], errors="skip", skipped=skipped))
    assert [d.url for d in documents] == ["u1", "u3"]
    assert [s.source for s in skipped] == [f"{shard}:2"]
    assert f"'{field}' must be a string" in skipped[0].reason
    assert type(value).__name__ in skipped[0].reason
    with dc.Store(tmp_path / "c.sqlite") as store:
        report = store.add(dc.iter_documents([shard], errors="skip"), batch_size=10)
        assert report.added == 2
        assert store.counts()["documents"] == 2


# -- lone surrogates -----------------------------------------------------------------------

_LONE = "\ud800"


def test_a_lone_surrogate_is_replaced_in_a_document() -> None:
    document = dc.Document(
        text=_PAGE + _LONE, source="s" + _LONE, url="u" + _LONE, metadata={"k" + _LONE: [_LONE]}
    )
    assert (document.text, document.source, document.url) == (
        _PAGE + "\ufffd",
        "s\ufffd",
        "u\ufffd",
    )
    assert document.metadata == {"k\ufffd": ["\ufffd"]}
    assert document.hash == dc.Document(text=_PAGE + "\ufffd", source="x").hash


def test_parse_replaces_a_lone_surrogate_and_says_where() -> None:
    article = dc.parse("Tin" + _LONE + " tức\n\n" + _PAGE)
    assert article.blocks[0].text == "Tin\ufffd tức"
    assert "line 1, column 4: 1 lone surrogate(s) (not characters) replaced by U+FFFD" in (
        article.notes
    )
    assert not any("surrogate" in note for note in dc.parse(_PAGE).notes)


def test_parse_html_keeps_the_text_after_a_lone_surrogate() -> None:
    article = dc.parse_html("<p>Trước" + _LONE + "</p><p>Sau</p>")
    assert [b.text for b in article.blocks] == ["Trước\ufffd", "Sau"]
    assert any("lone surrogate" in note for note in article.notes)


def test_a_shard_with_lone_surrogates_builds_end_to_end(tmp_path: pathlib.Path) -> None:
    shard = tmp_path / "pages.jsonl"
    speech = (
        "\n\nBộ trưởng Bùi Thanh Sơn cho biết: “Hợp tác" + _LONE + " hai nước đang phát triển tốt"
        " đẹp trên mọi lĩnh vực.”"
    )
    shard.write_text(
        json.dumps({"text": _PAGE + speech, "url": "u1" + _LONE, "tag": _LONE})
        + "\n"
        + json.dumps({"text": _PAGE + " Hai.", "url": "u2"})
        + "\n",
        encoding="utf-8",
    )
    assert "\\ud800" in shard.read_text(encoding="utf-8")  # the JSON escape, valid JSON
    db = tmp_path / "c.sqlite"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "diplocorpus",
            "build",
            str(shard),
            "--db",
            str(db),
            "--skip-errors",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=_ENV,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "2 page(s) added" in result.stdout
    with dc.Store(db) as store:
        assert store.counts()["documents"] == 2
        assert {row["url"] for row in store.rows("documents")} == {"u1\ufffd", "u2"}
        assert store.statements(speaker=_LONE) == store.statements(speaker="\ufffd")
        assert store.statements(speaker="Sơn" + _LONE) == []
        [(_source, statement)] = store.statements(speaker="Sơn")
        assert statement.quotes[0].text.startswith("Hợp tác\ufffd hai nước")
        assert store.search("hợp tác " + _LONE) == store.search("hợp tác")
        with pytest.raises(dc.InputError, match="search needs at least one word"):
            store.search(_LONE)


# -- store files -----------------------------------------------------------------------------


def _document(text: str = "") -> dc.Document:
    return dc.Document(text=_PAGE + text, source="a.txt")


def test_a_meta_row_that_is_not_a_number_is_a_store_error(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "c.sqlite"
    dc.Store(db).close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = 'abc' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(dc.StoreError, match="schema_version in its meta table is 'abc'") as caught:
        dc.Store(db)
    assert str(db) in str(caught.value)


def test_a_documents_table_of_another_shape_is_a_store_error(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "c.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '3')")
        connection.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, x TEXT)")
    connection.close()
    with pytest.raises(
        dc.StoreError,
        match="its documents table is not a diplocorpus store's: no column added_at, article",
    ) as caught:
        dc.Store(db)
    assert str(db) in str(caught.value)


def test_an_older_store_without_the_people_spans_still_opens(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "c.sqlite"
    with dc.Store(db) as store:
        store.add([_document()])
    with sqlite3.connect(db) as connection:
        for column in ("span_start", "span_end", "kind"):
            connection.execute(f"ALTER TABLE people DROP COLUMN {column}")
        connection.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    connection.close()
    with dc.Store(db) as store:
        assert store.add([_document(" Hai.")]).added == 1


def test_a_read_only_store_asked_to_take_a_page_is_a_store_error(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "c.sqlite"
    with dc.Store(db) as store:
        store.add([_document()])
        # What a file the user may not write gives (a chmod does not stop root).
        store._db.execute("PRAGMA query_only = ON")
        with pytest.raises(
            dc.StoreError, match=r"cannot add pages to this store: .*readonly"
        ) as caught:
            store.add([_document(" Hai.")])
        assert str(db) in str(caught.value)
        assert store.counts()["documents"] == 1


# -- two builds into one store at once -------------------------------------------------------


def test_two_builds_of_the_same_pages_into_one_store_both_succeed(tmp_path: pathlib.Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(100):
        (pages / f"{number:03}.txt").write_text(
            _PAGE + f" Trang số {number}, về hợp tác thứ {number}.", encoding="utf-8"
        )
    db = tmp_path / "c.sqlite"
    dc.Store(db).close()  # made first: the race is over the pages, not the schema
    command = [sys.executable, "-m", "diplocorpus", "build", str(pages), "--db", str(db)]
    runs = [
        subprocess.Popen(
            [*command, "--batch-size", "1"],
            env=_ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outcomes = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err.decode()
    added = [
        int(out.decode().split(" page(s) added")[0].rsplit(maxsplit=1)[-1]) for out, _ in outcomes
    ]
    assert sum(added) == 100
    with dc.Store(db) as store:
        counts = store.counts()
        assert counts["documents"] == 100
        hashes = [row["hash"] for row in store.rows("documents")]
        assert len(set(hashes)) == 100
        assert counts["paragraphs"] == sum(len(a.paragraphs) for a in store.articles())


# -- a damaged store -------------------------------------------------------------------------


def _damaged(tmp_path: pathlib.Path) -> pathlib.Path:
    """A store whose tables' first pages (all but ``meta``'s) are overwritten: it opens,
    but its pages cannot be read."""
    db = tmp_path / "damaged.sqlite"
    with dc.Store(db) as store:
        store.add([_document(), _document(" Hai.")])
    connection = sqlite3.connect(db)
    size = connection.execute("PRAGMA page_size").fetchone()[0]
    roots = [
        r[0]
        for r in connection.execute("SELECT rootpage, name FROM sqlite_master")
        if r[0] and r[1] != "meta" and not r[1].startswith("sqlite_autoindex_meta")
    ]
    connection.close()
    data = bytearray(db.read_bytes())
    for root in roots:
        data[(root - 1) * size : root * size] = b"\x5a" * size
    db.write_bytes(bytes(data))
    return db


_QUERIES = {
    "counts": lambda s: s.counts(),
    "articles": lambda s: list(s.articles()),
    "search": lambda s: s.search("Bộ trưởng"),
    "statements": lambda s: s.statements(speaker="a"),
    "people": lambda s: s.people(),
    "events": lambda s: s.events(),
    "duplicates": lambda s: s.duplicates(),
    "rows": lambda s: list(s.rows("documents")),
    "contains": lambda s: "abc" in s,
    "add": lambda s: s.add([_document(" Ba.")]),
}


@pytest.mark.parametrize("query", sorted(_QUERIES))
def test_a_damaged_store_is_a_store_error(tmp_path: pathlib.Path, query: str) -> None:
    store = dc.Store(_damaged(tmp_path))
    with store, pytest.raises(dc.StoreError, match="cannot read this store") as caught:
        _QUERIES[query](store)
    assert str(tmp_path / "damaged.sqlite") in str(caught.value)


def test_a_stored_article_that_does_not_decompress_is_a_store_error(
    tmp_path: pathlib.Path,
) -> None:
    db = tmp_path / "c.sqlite"
    with dc.Store(db) as store:
        store.add([_document()])
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE documents SET article = X'00112233'")
    connection.close()
    with dc.Store(db) as store:
        with pytest.raises(dc.StoreError, match=r"cannot read this store: .*decompress"):
            list(store.articles())
        with pytest.raises(dc.StoreError, match="cannot read this store"):
            list(store.rows("documents"))


def test_store_queries_refuse_arguments_of_the_wrong_type() -> None:
    with dc.Store(":memory:") as store:
        with pytest.raises(TypeError, match="limit must be a whole number, not 'x'"):
            store.search("Tin", limit="x")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="since must be a date, not '2023-12-19'"):
            store.statements(since="2023-12-19")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="until must be a date"):
            store.statements(until=20231219)  # type: ignore[arg-type]


def test_a_closed_store_says_it_is_closed_not_damaged(tmp_path: pathlib.Path) -> None:
    store = dc.Store(tmp_path / "kho.sqlite")
    store.close()
    page = dc.Document(text="Tin mới\n\nHai nước hợp tác.", source="a.txt")
    for ask in (store.counts, lambda: store.add([page]), lambda: store.search("tin")):
        with pytest.raises(dc.StoreError, match=r"kho\.sqlite: this store is closed$"):
            ask()
