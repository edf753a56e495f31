"""Hostile input (issue 14, "Security and surprises"), the items not covered by
tests/test_hostile_input.py: workers that outlive their parent, the DOCTYPE's internal subset,
the order of the pages, bad bytes in UTF-8."""

from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import sys
import time

import attrs
import pytest

import diplocorpus as dc

_ROOT = pathlib.Path(__file__).parents[1]
_ENV = {**os.environ, "PYTHONPATH": str(_ROOT / "src")}
_SEEDS = sorted((_ROOT / "seeds").glob("*.txt"))


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in pathlib.Path(f"/proc/{pid}/task").glob("*/children"):
        found.extend(int(child) for child in task.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited, it waits for its parent to read its status


@pytest.mark.skipif(not pathlib.Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_die_with_a_killed_parent(tmp_path: pathlib.Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    texts = [seed.read_text(encoding="utf-8") for seed in _SEEDS]
    for number in range(400):
        text = texts[number % len(texts)]
        (pages / f"{number:04}.txt").write_text(f"{text}\n\nBản tin số {number}.\n", "utf-8")
    command = [sys.executable, "-m", "diplocorpus", "build", str(pages), "--db"]
    build = subprocess.Popen(
        [*command, str(tmp_path / "x.db"), "--jobs", "2"],
        env=_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
            time.sleep(0.05)
            workers = [pid for pid in _children(build.pid) if _alive(pid)]
        assert len(workers) >= 2, "the build never started its two workers"
        build.send_signal(signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [pid for pid in workers if _alive(pid)]
    finally:
        build.kill()
        build.wait()
    for pid in left:  # do not leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []


# -- the DOCTYPE's internal subset ---------------------------------------------------------

_SUBSETS = [
    '<!DOCTYPE html [ <!ENTITY x "y"> ]><p>Tin</p>',
    '<!doctype html SYSTEM "about:legacy-compat" [\n<!ENTITY a "b">\n<!ENTITY c "d">\n]>'
    "\n<p>Tin</p>",
    '\ufeff<!-- trang -->\n<!DOCTYPE html [<!ENTITY x "y">] ><p>Tin</p>',
]


@pytest.mark.parametrize("html", _SUBSETS)
def test_the_doctype_internal_subset_is_not_text(html: str) -> None:
    pytest.importorskip("lxml")
    assert dc.html_to_text(html) == "Tin"
    assert dc.html_to_text(html.encode("utf-8")) == "Tin"
    assert "]>" not in dc.parse_html(html).text


def test_a_bracket_after_the_doctype_stays_text() -> None:
    pytest.importorskip("lxml")
    assert dc.html_to_text("<!DOCTYPE html><p>[Tin]> mới</p>") == "[Tin]> mới"


# -- the order of the pages ----------------------------------------------------------------


def _pages() -> list[dc.Document]:
    texts = [seed.read_text(encoding="utf-8") for seed in _SEEDS]
    pages = [dc.Document(text=text, source=f"trang/{n}.txt") for n, text in enumerate(texts)]
    # The same paragraph in two pages: a search tie.
    shared = "Bộ Ngoại giao tổ chức hội nghị ngoại vụ toàn quốc."
    pages += [
        dc.Document(text=f"Tin {n}\n\nThứ 3, 19/12/2023\n\n{shared}\n", source=f"tin/{n}.txt")
        for n in range(3)
    ]
    # Copies of pages under other names.
    pages += [attrs.evolve(pages[0], source="z/copy.txt"), attrs.evolve(pages[1], source="a.txt")]
    return pages


def _contents(store: dc.Store) -> object:
    return (
        [attrs.astuple(hit) for hit in store.search("hội nghị", limit=100)],
        sorted((source, s.line, s.text) for source, s in store.statements()),
        store.events(),
        sorted(article.source or "" for article in store.articles()),
        store.counts(),
    )


def test_the_same_pages_in_any_order_give_the_same_store(tmp_path: pathlib.Path) -> None:
    pages = _pages()
    seen = []
    for name, order in [("a", pages), ("b", pages[::-1]), ("c", pages[3:] + pages[:3])]:
        with dc.Store(tmp_path / f"{name}.db") as store:
            store.add(order)
            seen.append(_contents(store))
    assert seen[0] == seen[1] == seen[2]
    hits = seen[0][0]  # type: ignore[index]
    assert [hit[0] for hit in hits if hit[0].startswith("tin/")] == [
        f"tin/{n}.txt" for n in range(3)
    ]
    sources = seen[0][3]  # type: ignore[index]
    assert "a.txt" in sources
    assert "trang/1.txt" not in sources
    assert "z/copy.txt" not in sources


def test_a_copy_under_a_smaller_name_in_a_later_run_replaces_the_stored_one(
    tmp_path: pathlib.Path,
) -> None:
    pages = _pages()
    copy = [p for p in pages if p.source == "a.txt"]
    rest = [p for p in pages if p.source != "a.txt"]
    with dc.Store(tmp_path / "one.db") as store:
        store.add(copy + rest)
        once = _contents(store)
    with dc.Store(tmp_path / "two.db") as store:
        first = store.add(rest)
        second = store.add(copy)
        # The copy took the stored page's place: no page more.
        assert (first.added, second.added, second.existing) == (len(pages) - 2, 0, 1)
        assert "a.txt" in {article.source for article in store.articles()}
        assert _contents(store) == once


def test_a_site_learns_once_from_copies_of_a_page() -> None:
    from tests.test_site import PAGES, through_pass  # noqa: PLC0415

    docs = [
        dc.Document(text=t, source=f"a{i}", url=f"https://mau.vn/{i}") for i, t in enumerate(PAGES)
    ]
    copy = attrs.evolve(docs[2], source="a2-copy", url="https://mau.vn/2-copy")
    out = through_pass([*docs[:3], copy, *docs[3:]])
    assert [d.source for d, _p, _a in out] == ["a0", "a1", "a2", "a2-copy", "a3", "a4", "a5"]
    assert {p.pages for _d, p, _a in out if p is not None} == {len(docs)}
    assert all(p is not None for _d, p, _a in out)


# -- bytes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path: pathlib.Path, codec: str) -> None:
    text = _SEEDS[0].read_text(encoding="utf-8")
    path = tmp_path / "trang.txt"
    path.write_bytes(text.encode(codec))
    document = dc.read_document(path)
    assert (document.text, document.encoding) == (text, codec)
    assert dc.parse_file(path).title == dc.parse(text).title


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_ascii_utf16_without_a_bom_is_read(tmp_path: pathlib.Path, codec: str) -> None:
    path = tmp_path / "trang.txt"
    path.write_bytes("Tin tuc\n\nHa Noi, 19/12/2023\n".encode(codec))
    assert dc.read_document(path).encoding == codec


@pytest.mark.parametrize(
    "data",
    [
        b"\xffb\x00\x00cd\x00e",  # NUL bytes on both sides of the pairs
        b"\x01\x00\x02\x00\x03\x00\xff\x00",  # control characters once decoded
        b"\xff\x00b",  # an odd length
        b"\x00\x9f\x92\x96" * 50,  # C1 control characters once decoded
        "Tin tức".encode("utf-16-le") + b"\x00",
    ],
)
def test_nul_bytes_that_are_not_utf16_stay_binary(tmp_path: pathlib.Path, data: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(dc.DecodeError, match="NUL bytes"):
        dc.read_document(path)


def _bad_byte(tmp_path: pathlib.Path) -> tuple[pathlib.Path, str]:
    text = _SEEDS[0].read_text(encoding="utf-8")
    data = text.encode("utf-8")
    at = data.index("Sáng 19/12".encode())
    path = tmp_path / "trang.txt"
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    return path, text[: len(data[:at].decode())] + "\ufffd" + text[len(data[:at].decode()) :]


def test_a_bad_byte_in_utf8_is_an_error_unless_asked_to_replace(tmp_path: pathlib.Path) -> None:
    path, expected = _bad_byte(tmp_path)
    offset = path.read_bytes().index(b"\xff")
    with pytest.raises(dc.DecodeError, match=f"bad byte at {offset}"):
        dc.parse_file(path)
    with pytest.raises(dc.DecodeError):
        dc.read_document(path, decode_errors="strict")
    document = dc.read_document(path, decode_errors="replace")
    assert (document.text, document.encoding) == (expected, "utf-8")
    article = dc.parse_file(path, decode_errors="replace")
    assert article.notes[0] == (
        f"bytes not valid utf-8 replaced by U+FFFD at byte offsets {offset}"
    )
    assert article.title == dc.parse_file(_SEEDS[0]).title
    with pytest.raises(ValueError, match="decode_errors must be"):
        dc.read_document(path, decode_errors="ignore")  # type: ignore[arg-type]


def test_replace_notes_the_bytes_of_a_forced_encoding(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"Tin \xc3\x28 m\xe1\xbb\x9bi \xff\n")
    article = dc.parse_file(path, encoding="utf-8", decode_errors="replace")
    assert article.notes[0] == "bytes not valid utf-8 replaced by U+FFFD at byte offsets 4, 13"
    clean = tmp_path / "y.txt"
    clean.write_text("Tin mới\n", encoding="utf-8")
    assert dc.parse_file(clean, decode_errors="replace").notes == dc.parse_file(clean).notes
