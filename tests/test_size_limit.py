"""One input has a size limit (``MAX_INPUT_CHARS``): past it, a clear error at once rather
than minutes of work (issue 14)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import diplocorpus as dc
from diplocorpus import _knobs

LIMIT = _knobs.MAX_INPUT_CHARS
PAGE = "Hà Nội, ngày 2/12/2026\nTin một.\n" + "Đoạn văn của bài báo, với vài dấu phẩy. " * 20


def test_the_limit_is_twenty_million_characters() -> None:
    assert LIMIT == 20_000_000


def test_text_just_over_the_limit_is_refused_at_once() -> None:
    text = "a" * (LIMIT + 1)
    start = time.perf_counter()
    with pytest.raises(dc.InputTooLargeError) as caught:
        dc.parse(text, source="huge.txt")
    assert time.perf_counter() - start < 0.5
    error = caught.value
    assert isinstance(error, dc.InputError)
    assert (error.source, error.size, error.limit) == ("huge.txt", LIMIT + 1, LIMIT)
    assert str(error) == (
        "huge.txt: too large to be one page: 20,000,001 characters, the limit is 20,000,000"
    )


def test_text_at_the_limit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_knobs, "MAX_INPUT_CHARS", len(PAGE))
    assert dc.parse(PAGE).paragraphs
    with pytest.raises(dc.InputTooLargeError):
        dc.parse(PAGE + "x")


def test_a_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(_knobs, "MAX_INPUT_CHARS", len(PAGE))
    assert dc.parse_file(path).paragraphs
    path.write_text(PAGE + "x", encoding="utf-8")
    with pytest.raises(dc.InputTooLargeError) as caught:
        dc.parse_file(path)
    assert caught.value.source == str(path)


def test_bytes_past_four_times_the_limit_are_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_knobs, "MAX_INPUT_CHARS", 10)
    path = tmp_path / "page.txt"
    path.write_bytes(b"\xff" * 41)  # not UTF-8: decoding it would need detection
    with pytest.raises(dc.InputTooLargeError) as caught:
        dc.parse_file(path)
    assert (caught.value.size, caught.value.limit, caught.value.unit) == (41, 40, "bytes")


def test_html_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("lxml")
    html = "<html><body><h1>Tin</h1><p>" + PAGE + "</p></body></html>"
    monkeypatch.setattr(_knobs, "MAX_INPUT_CHARS", len(html))
    assert dc.parse_html(html).paragraphs
    with pytest.raises(dc.InputTooLargeError):
        dc.parse_html(html + " ", source="p.html")
    with pytest.raises(dc.InputTooLargeError):
        dc.parse_html((html + " ").encode("utf-8"), source="p.html")
    with pytest.raises(dc.InputTooLargeError):
        dc.html_to_text(html + " ")


def test_a_json_lines_record_over_the_limit_is_skipped_with_its_reason(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pages.jsonl"
    huge = "Đoạn văn rất dài. " * (25_000_000 // 18)  # 25 million characters, one line
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": PAGE, "url": "https://a.vn/1"}) + "\n")
        handle.write(json.dumps({"text": huge, "url": "https://a.vn/2"}) + "\n")
        handle.write(json.dumps({"text": PAGE + "Hai.", "url": "https://a.vn/3"}) + "\n")
    start = time.perf_counter()
    skipped: list[dc.SkippedInput] = []
    documents = list(dc.iter_documents(path, errors="skip", skipped=skipped))
    assert [d.url for d in documents] == ["https://a.vn/1", "https://a.vn/3"]
    assert [s.source for s in skipped] == [f"{path}:2"]
    assert "too large to be one page" in skipped[0].reason
    with pytest.raises(dc.InputError, match="too large to be one page"):
        list(dc.iter_documents(path))
    with dc.Store(tmp_path / "store.db") as store:
        report = store.add(dc.iter_documents(path, errors="skip"), errors="skip")
    assert report.added == 2
    assert time.perf_counter() - start < 10


def test_store_add_skips_a_document_over_the_limit(tmp_path: Path) -> None:
    huge = dc.Document(text="Đoạn văn rất dài. " * (LIMIT // 18 + 1), source="huge.txt")
    small = dc.Document(text=PAGE, source="small.txt")
    start = time.perf_counter()
    with dc.Store(tmp_path / "store.db") as store:
        report = store.add([huge, small], errors="skip")
    assert time.perf_counter() - start < 10
    assert report.added == 1
    assert [source for source, _reason in report.failed] == ["huge.txt"]
    assert "too large to be one page" in report.failed[0][1]
