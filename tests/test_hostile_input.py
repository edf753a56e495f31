"""Hostile input (issue 14): nothing lost without a word, no file read by surprise."""

from __future__ import annotations

import codecs
import errno
import importlib.util
import io
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import diplocorpus as dc
from diplocorpus._cli import main

from .fixtures import cp1258

PAGE = "Tin tức\n\nĐoạn văn một của bài báo.\n"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs of POSIX")


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "scraped"
    root.mkdir()
    (root / "a.txt").write_text(PAGE, encoding="utf-8")
    return root


def _load(root: Path, **options: object) -> tuple[list[str], dict[str, str]]:
    skipped: list[dc.SkippedInput] = []
    docs = dc.iter_documents(root, errors="skip", skipped=skipped, **options)  # type: ignore[arg-type]
    sources = [Path(d.source).name for d in docs]
    return sources, {Path(s.source).name: s.reason for s in skipped}


# -- folder walks: every entry read or listed ------------------------------------------------


def _dangling(root: Path) -> None:
    (root / "gone.txt").symlink_to(root.parent / "nowhere.txt")


def _loop(root: Path) -> None:
    (root / "loop.txt").symlink_to(root / "loop.txt")


def _fifo(root: Path) -> None:
    os.mkfifo(root / "pipe.txt")  # opening it would block the walk for ever


def _device(root: Path) -> None:
    (root / "null.txt").symlink_to("/dev/null")


@posix_only
@pytest.mark.parametrize(
    ("make", "name", "reason"),
    [
        (_dangling, "gone.txt", "a dangling link"),
        (_loop, "loop.txt", "a link loop"),
        (_fifo, "pipe.txt", "a FIFO, not a file"),
        (_device, "null.txt", "a link to /dev/null: a device file, not a file"),
    ],
    ids=["dangling link", "link loop", "fifo", "device"],
)
def test_an_entry_that_is_no_file_to_read_is_listed_and_never_opened(
    tmp_path: Path, make: Callable[[Path], None], name: str, reason: str
) -> None:
    root = _folder(tmp_path)
    make(root)
    sources, skipped = _load(root)
    assert sources == ["a.txt"]
    assert reason in skipped[name]
    with pytest.raises(dc.InputError, match=re.escape(f"{name}: {reason}")):
        list(dc.iter_documents(root))


def test_an_unreadable_subfolder_is_listed_as_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run as root, chmod 000 does not stop a read: the operating system's refusal is
    # simulated where the walk lists the folder.
    root = _folder(tmp_path)
    locked = root / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(PAGE, encoding="utf-8")
    scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if os.fspath(path) == str(locked):  # type: ignore[call-overload]
            raise PermissionError(errno.EACCES, "Permission denied", str(locked))
        return scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", refuse)
    sources, skipped = _load(root)
    assert sources == ["a.txt"]
    assert "permission denied" in skipped["locked"]
    with pytest.raises(dc.InputPermissionError) as info:
        list(dc.iter_documents(root))
    assert info.value.source == str(locked)


@posix_only
def test_the_cli_lists_the_entries_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _folder(tmp_path)
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    status = main(["parse", "--skip-errors", str(root)])
    out, err = capsys.readouterr()
    assert status == 1  # some input was not parsed
    assert len(out.splitlines()) == 1
    assert "gone.txt" in err
    assert "a dangling link" in err


def test_a_folder_is_read_in_the_order_of_its_paths(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "a").mkdir()
    for name in ("a-b.txt", "a/b.txt", "a/c.txt"):
        (root / name).write_text(PAGE, encoding="utf-8")
    sources = [Path(d.source).relative_to(root).as_posix() for d in dc.iter_documents(root)]
    assert sources == ["a/b.txt", "a/c.txt", "a-b.txt", "a.txt"]  # by parts, not by string


# -- links out of a folder ----------------------------------------------------------------


def _outside(tmp_path: Path) -> Path:
    root = _folder(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Mật khẩu\n\nKhông được đọc tệp này.\n", encoding="utf-8")
    (root / "passwd.txt").symlink_to(secret)
    inner = root / "sub"
    inner.mkdir()
    (inner / "same.txt").symlink_to(root / "a.txt")  # inside the folder: read
    return root


@posix_only
def test_a_link_out_of_the_folder_is_not_read(tmp_path: Path) -> None:
    root = _outside(tmp_path)
    sources, skipped = _load(root)
    assert sources == ["a.txt", "same.txt"]
    assert "outside the folder" in skipped["passwd.txt"]
    assert all("Mật khẩu" not in d.text for d in dc.iter_documents(root, errors="skip"))
    assert [Path(d.source).name for d in dc.Corpus(root, errors="skip").documents()] == [
        "a.txt",
        "same.txt",
    ]


@posix_only
def test_follow_links_reads_a_link_out_of_the_folder(tmp_path: Path) -> None:
    root = _outside(tmp_path)
    sources, skipped = _load(root, follow_links=True)
    assert sources == ["a.txt", "passwd.txt", "same.txt"]
    assert skipped == {}
    corpus = dc.Corpus(root, follow_links=True)
    assert len(list(corpus.documents())) == 3


@posix_only
def test_a_link_given_itself_is_read(tmp_path: Path) -> None:
    root = _outside(tmp_path)
    (document,) = dc.iter_documents(root / "passwd.txt")
    assert "Mật khẩu" in document.text


@posix_only
def test_a_link_to_a_folder_is_listed_not_walked(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.txt").write_text(PAGE, encoding="utf-8")
    (root / "more").symlink_to(elsewhere)
    sources, skipped = _load(root)
    assert sources == ["a.txt"]
    assert "a link to a folder" in skipped["more"]


@posix_only
def test_the_cli_follows_links_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _outside(tmp_path)
    assert main(["parse", "--skip-errors", str(root)]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2
    assert "passwd.txt" in err
    assert main(["parse", "--follow-links", str(root)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3


# -- line breaks: the parse splits where the hash does ---------------------------------------

SEED = (Path(__file__).parent.parent / "seeds" / "002_24e14e7508fcd41e.txt").read_text("utf-8")
# Every line break str.splitlines() knows, which the content hash splits on.
BREAKS = ["\u2028", "\u2029", "\x85", "\v", "\f", "\x1c", "\x1d", "\x1e"]


@pytest.mark.parametrize("brk", BREAKS, ids=[f"U+{ord(b):04X}" for b in BREAKS])
def test_a_unicode_line_separator_breaks_lines_as_lf_does(brk: str) -> None:
    page = SEED.replace("\n", brk)
    assert dc.Document(text=page, source="x").hash == dc.Document(text=SEED, source="x").hash
    assert dc.parse(page) == dc.parse(SEED)


def test_cr_only_text_with_a_tag_like_run_parses_as_lf_text() -> None:
    lf = "<a href=\n'x'> Tin tức\nĐoạn văn"
    assert dc.parse(lf.replace("\n", "\r")) == dc.parse(lf)
    assert dc.parse(lf.replace("\n", "\r\n")) == dc.parse(lf)


def test_a_line_number_counts_every_line_break() -> None:
    with pytest.raises(dc.BinaryContentError) as info:
        dc.parse("một\u2028hai\rba\x00")
    assert (info.value.line, info.value.column) == (3, 3)


def test_a_line_separator_inside_a_json_record_on_stdin_stays_in_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # JSON allows U+2028 unescaped inside a string: it does not end the record.
    record = '{"text": "Tin tức\u2028Đoạn văn"}\n{"text": "Trang hai"}\n'
    stdin = io.TextIOWrapper(io.BytesIO(record.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    skipped: list[dc.SkippedInput] = []
    docs = list(dc.iter_documents("-", stdin="jsonl", errors="skip", skipped=skipped))
    assert [d.text for d in docs] == ["Tin tức\u2028Đoạn văn", "Trang hai"]
    assert skipped == []


# -- HTML bytes: the encoding a browser would use -------------------------------------------

needs_lxml = pytest.mark.skipif(
    importlib.util.find_spec("lxml") is None, reason="HTML input needs the html extra"
)
BODY = "<p>Đoạn văn một của bài báo, dài đủ để đọc.</p>"
BODY_TEXT = "Đoạn văn một của bài báo, dài đủ để đọc."


@needs_lxml
def test_a_byte_order_mark_wins_over_meta_charset() -> None:
    page = codecs.BOM_UTF8 + ('<meta charset="iso-8859-1">' + BODY).encode("utf-8")
    assert dc.html_to_text(page) == BODY_TEXT
    utf16 = codecs.BOM_UTF16_LE + ('<meta charset="windows-1258">' + BODY).encode("utf-16-le")
    assert dc.html_to_text(utf16) == BODY_TEXT


@needs_lxml
@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be"])
@pytest.mark.parametrize("pad", ["", " "])  # an even and an odd number of bytes
def test_meta_charset_utf16_in_an_ascii_page_means_utf8(label: str, pad: str) -> None:
    page = (f'<meta charset="{label}">{pad}' + BODY).encode("utf-8")
    assert dc.html_to_text(page) == BODY_TEXT


XHTML = (
    '<?xml version="1.0" encoding="{enc}"?>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Tiếng Việt</p></body></html>'
)


@needs_lxml
def test_xhtml_with_an_xml_declaration_is_read() -> None:
    utf8 = XHTML.format(enc="utf-8")
    assert dc.html_to_text(utf8.encode("utf-8")) == "Tiếng Việt"
    assert dc.html_to_text(utf8) == "Tiếng Việt"
    # Windows-1258 spells Vietnamese with combining tone marks: the text comes out NFC.
    cp = cp1258(XHTML.format(enc="windows-1258"))
    assert dc.html_to_text(cp) == "Tiếng Việt"
    assert dc.parse_html(cp).paragraphs == dc.parse_html(utf8).paragraphs


@needs_lxml
@pytest.mark.parametrize("page", ["<p>Tin</p>\n<p>a\x00b</p>", b"<p>Tin</p>\n<p>a\x00b</p>"])
def test_a_nul_in_html_is_refused_as_in_text(page: str | bytes) -> None:
    for read in (dc.html_to_text, dc.parse_html):
        with pytest.raises(dc.BinaryContentError) as info:
            read(page)
        assert (info.value.line, info.value.column) == (2, 5)
