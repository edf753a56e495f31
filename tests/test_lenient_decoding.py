"""A bad byte in an otherwise UTF-8 page, read in the lenient mode (issue 14): every loader
takes ``decode_errors="replace"``, the page is read with U+FFFD in place of what did not
decode, and the article says at which byte offsets. The strict mode stays the default."""

from __future__ import annotations

import io
import json
import pathlib
import sys

import pytest

import diplocorpus as dc
from diplocorpus._cli import main

_ROOT = pathlib.Path(__file__).parents[1]
_SEED = sorted((_ROOT / "seeds").glob("*.txt"))[0]


def _page_with_a_bad_byte(folder: pathlib.Path) -> tuple[pathlib.Path, int]:
    data = _SEED.read_bytes()
    at = data.index("Sáng 19/12".encode())
    path = folder / "trang.txt"
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    return path, at


def _note(offset: int) -> str:
    return f"bytes not valid utf-8 replaced by U+FFFD at byte offsets {offset}"


def test_a_folder_with_a_bad_page_is_read_whole_in_the_lenient_mode(tmp_path: pathlib.Path) -> None:
    bad, offset = _page_with_a_bad_byte(tmp_path)
    (tmp_path / "tot.txt").write_bytes(_SEED.read_bytes())
    with pytest.raises(dc.DecodeError, match=f"{bad}: not UTF-8 \\(bad byte at {offset}\\)"):
        list(dc.iter_documents(tmp_path))
    skipped: list[dc.SkippedInput] = []
    kept = list(dc.iter_documents(tmp_path, errors="skip", skipped=skipped))
    assert [d.source for d in kept] == [str(tmp_path / "tot.txt")]
    assert [s.source for s in skipped] == [str(bad)]

    documents = list(dc.iter_documents(tmp_path, decode_errors="replace"))
    assert [d.source for d in documents] == [str(tmp_path / "tot.txt"), str(bad)]
    assert documents[1].notes == (_note(offset),)
    assert documents[1].text.count("\ufffd") == 1
    assert documents[0].notes == ()
    assert documents[0].hash != documents[1].hash


def test_a_corpus_and_a_store_keep_the_note_in_the_article(tmp_path: pathlib.Path) -> None:
    bad, offset = _page_with_a_bad_byte(tmp_path)
    corpus = dc.Corpus(tmp_path, decode_errors="replace", learn_sites=False)
    (article,) = corpus.articles()
    assert article.notes[0] == _note(offset)
    assert article.title == dc.parse_file(_SEED).title
    assert article.notes[1:] == dc.parse_file(_SEED).notes
    with dc.Store(tmp_path / "kho.sqlite") as store:
        report = store.add(corpus.documents(), learn_sites=False)
        assert report.added == 1
        (stored,) = store.articles()
    assert stored.notes[0] == _note(offset)
    assert dc.parse_file(bad, decode_errors="replace") == article


def test_a_json_lines_record_with_a_bad_byte_costs_that_record_unless_replaced(
    tmp_path: pathlib.Path,
) -> None:
    good = json.dumps({"text": "Tin thứ nhất\n\nĐoạn văn.", "url": "https://a.vn/1"})
    bad = json.dumps({"text": "Tin thứ hai XX", "url": "https://a.vn/2"}).encode()
    bad = bad.replace(b"XX", b"\xc3\x28")  # a broken two-byte sequence
    shard = tmp_path / "shard.jsonl"
    shard.write_bytes(good.encode() + b"\n" + bad + b"\n" + good.encode() + b"\n")

    skipped: list[dc.SkippedInput] = []
    assert len(list(dc.iter_documents(shard, errors="skip", skipped=skipped))) == 2
    assert [s.source for s in skipped] == [f"{shard}:2"]
    assert "not a JSON record" in skipped[0].reason

    documents = list(dc.iter_documents(shard, decode_errors="replace"))
    assert [d.url for d in documents] == ["https://a.vn/1", "https://a.vn/2", "https://a.vn/1"]
    assert documents[1].text == "Tin thứ hai \ufffd("
    offset = bad.index(b"\xc3")
    assert documents[1].notes == (f"line 2: {_note(offset)}",)
    assert documents[0].notes == documents[2].notes == ()


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_standard_input_in_the_lenient_mode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    bad, offset = _page_with_a_bad_byte(tmp_path)
    _stdin(monkeypatch, bad.read_bytes())
    with pytest.raises(dc.DecodeError, match=f"-: not UTF-8 \\(bad byte at {offset}\\)"):
        list(dc.iter_documents("-"))
    _stdin(monkeypatch, bad.read_bytes())
    (document,) = dc.iter_documents("-", decode_errors="replace")
    assert document.notes == (_note(offset),)

    # JSON Lines on standard input are read a line at a time, as a file's are.
    lines = b'{"text": "T\xff"}\n{"text": "Tin"}\n'
    _stdin(monkeypatch, lines)
    skipped: list[dc.SkippedInput] = []
    read = list(dc.iter_documents("-", stdin="jsonl", errors="skip", skipped=skipped))
    assert [d.text for d in read] == ["Tin"]
    assert [s.source for s in skipped] == ["-:1"]
    _stdin(monkeypatch, lines)
    read = list(dc.iter_documents("-", stdin="jsonl", decode_errors="replace"))
    assert [(d.text, d.notes) for d in read] == [
        ("T\ufffd", (f"line 1: {_note(11)}",)),
        ("Tin", ()),
    ]


def test_a_document_keeps_its_notes_through_json() -> None:
    document = dc.Document(text="Tin", source="a.txt", notes=[_note(3)])
    assert document.notes == (_note(3),)
    assert dc.from_json(dc.to_json(document), dc.Document) == document
    assert dc.from_json('{"text": "Tin", "source": "a.txt"}', dc.Document).notes == ()


def test_an_unknown_mode_is_refused_at_the_call(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValueError, match="decode_errors must be 'strict' or 'replace'"):
        dc.iter_documents(tmp_path, decode_errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="decode_errors must be 'strict' or 'replace'"):
        dc.Corpus(tmp_path, decode_errors="ignore")  # type: ignore[arg-type]


def test_the_commands_take_decode_errors(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad, offset = _page_with_a_bad_byte(tmp_path)
    assert main(["parse", str(bad)]) == 1
    assert f"not UTF-8 (bad byte at {offset})" in capsys.readouterr().err
    assert main(["parse", "--decode-errors", "replace", str(bad)]) == 0
    article = dc.from_json(capsys.readouterr().out, dc.Article)
    assert article.notes[0] == _note(offset)

    db = tmp_path / "kho.sqlite"
    assert main(["build", "--decode-errors", "replace", "--db", str(db), str(bad)]) == 0
    capsys.readouterr()
    with dc.Store(db) as store:
        (stored,) = store.articles()
    assert stored.notes[0] == _note(offset)
    with pytest.raises(SystemExit) as stop:
        main(["statements", "--db", str(db), "--decode-errors", "replace"])
    assert stop.value.code == 2
    assert "--decode-errors reads pages" in capsys.readouterr().err
