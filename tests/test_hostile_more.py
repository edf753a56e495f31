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
