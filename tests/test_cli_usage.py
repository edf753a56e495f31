"""The command line as a newcomer meets it, run through its entry point in a subprocess:
mistakes get a message and no traceback, queries never make a store, nothing silently does
nothing, tables have headers, CSV loads, --help explains every option."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

import diplocorpus as dc
from diplocorpus._cli import _parser

from .conftest import SEEDS

SEED_FILES = sorted(str(p) for p in SEEDS.glob("*.txt"))
_SCRIPT = Path(sys.executable).with_name("diplocorpus")
# The console script the package installs; `python -m diplocorpus` where there is none.
ENTRY = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "diplocorpus"]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ENTRY, *args], capture_output=True, text=True, check=False, cwd=cwd, timeout=300
    )


def test_a_missing_path_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    ran = cli("build", str(tmp_path / "scraped"), "--db", str(db))
    assert ran.returncode == 1
    assert ran.stderr == f"diplocorpus: {tmp_path / 'scraped'}: no such file or folder\n"
    assert not db.exists()  # stopped before anything was made
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    ran = cli("parse", SEED_FILES[0], str(dangling))
    assert (ran.returncode, "Traceback" in ran.stderr) == (1, False)
    assert f"{dangling}: no such file or folder" in ran.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["search", "hội", "nghị"],
        ["statements"],
        ["people"],
        ["events"],
        ["duplicates"],
        ["export", "--parquet", "out"],
        ["report", "-o", "report.html"],
    ],
    ids=lambda c: c[0],
)
def test_a_query_never_makes_a_store(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "typo.sqlite"
    ran = cli(*command, "--db", str(db), cwd=tmp_path)
    assert ran.returncode == 1
    assert f"{db}: no store here" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert not db.exists()


def test_a_folder_with_no_matching_file_says_what_would_match(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    for name in ("a.html", "b.html"):
        (tmp_path / "html" / name).write_text("<p>Tin</p>", "utf-8")
    ran = cli("parse", "html", "--glob", "**/*.txt", cwd=tmp_path)
    assert ran.returncode == 1
    assert ran.stdout == ""
    assert "html: no files under this folder match **/*.txt" in ran.stderr
    assert "2 *.html (glob '**/*.html')" in ran.stderr


def test_html_pages_are_read_where_they_are_found_and_globs_add_up(tmp_path: Path) -> None:
    pytest.importorskip("lxml", reason="HTML pages: needs diplocorpus[html]")
    shutil.copy(SEED_FILES[1], tmp_path / "page.txt")
    page = "<html><body><h1>Tiêu đề bài báo</h1><p>Một đoạn văn dài của bài báo.</p></body></html>"
    (tmp_path / "page.html").write_text(page, "utf-8")
    (tmp_path / "notes.md").write_text("Ghi chú của người thu thập dữ liệu.", "utf-8")
    default = cli("parse", str(tmp_path))
    assert [json.loads(r)["source"] for r in default.stdout.splitlines()] == [
        str(tmp_path / "page.html"),
        str(tmp_path / "page.txt"),
    ]
    both = cli("parse", str(tmp_path), "--glob", "*.md", "--glob", "*.html")
    assert [Path(json.loads(r)["source"]).name for r in both.stdout.splitlines()] == [
        "notes.md",
        "page.html",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["statements", "--db", "c.sqlite", "--glob", "*.txt"], "--glob reads pages"),
        (["events", "--db", "c.sqlite", "--skip-errors"], "--skip-errors reads pages"),
        (["parse", SEED_FILES[0], "--stdin-format", "jsonl"], "give '-' among the paths"),
        (["parse", SEED_FILES[0], "--glob", "*.html"], "no PATH is a folder"),
    ],
)
def test_an_option_the_command_would_ignore_is_a_usage_error(
    tmp_path: Path, args: list[str], message: str
) -> None:
    ran = cli(*args, cwd=tmp_path)
    assert ran.returncode == 2
    assert message in ran.stderr
    assert "usage: diplocorpus" in ran.stderr
    assert not (tmp_path / "c.sqlite").exists()


def test_every_option_is_described_and_every_command_has_an_example() -> None:
    root = _parser()
    commands = root._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) >= {"parse", "statements", "people", "events", "build", "search"}
    for name, command in commands.items():
        for action in command._actions:
            assert action.help, f"{name} {action.option_strings or action.dest}"
        assert "example" in (command.epilog or ""), name
        assert f"diplocorpus {name}" in command.format_help(), name


def test_csv_loads_with_its_header(tmp_path: Path) -> None:
    ran = cli("statements", "-f", "csv", SEED_FILES[1])
    rows = list(csv.DictReader(io.StringIO(ran.stdout)))
    expected = dc.extract_statements(dc.parse_file(SEED_FILES[1]))
    assert ran.returncode == 0
    assert [(r["line"], r["speaker"], r["cue"], r["text"]) for r in rows] == [
        (str(s.line), s.speaker.name, s.cue, s.text) for s in expected
    ]
    people = list(csv.DictReader(io.StringIO(cli("people", "-f", "csv", SEED_FILES[2]).stdout)))
    assert ("Nguyễn Phú Trọng", "Tổng Bí thư") in {(p["name"], p["office"]) for p in people}
    events = list(csv.DictReader(io.StringIO(cli("events", "-f", "csv", *SEED_FILES).stdout)))
    conference = next(e for e in events if e["event"] == "Hội nghị Ngoại giao" and e["start"])
    assert (conference["ordinal"], conference["start"]) == ("32", "2023-12-19")


def test_search_shows_the_words_in_context_and_writes_json_lines(tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite")
    assert cli("build", "--no-site-profiles", *SEED_FILES, "--db", db).returncode == 0
    ran = cli("search", '"Bùi Thanh Sơn"', "--db", db, "-f", "jsonl", "--limit", "2")
    hits = [dc.from_json(row, dc.SearchHit) for row in ran.stdout.splitlines()]
    assert len(hits) == 2
    for hit in hits:
        assert [hit.text[a:b] for a, b in hit.matches] == ["Bùi", "Thanh", "Sơn"]
        assert "[Bùi] [Thanh] [Sơn]" in hit.snippet(mark=("[", "]"))
    table = cli("search", "bui", "thanh", "son", "--db", db, "-f", "csv")
    assert table.stdout.splitlines()[0] == "source,line,title,text"


def test_report_writes_the_page_and_says_what_it_shows(tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite")
    assert cli("build", "--no-site-profiles", *SEED_FILES, "--db", db).returncode == 0
    ran = cli("report", "--db", db, "-o", "seeds.html", "--speakers", "2", cwd=tmp_path)
    assert (ran.returncode, ran.stderr) == (0, "")
    said = re.fullmatch(
        r"wrote seeds.html \((\d+) KB\): 7 events, 2 speakers, (\d+) statements, 1 site, "
        r"0 duplicate clusters\n",
        ran.stdout,
    )
    assert said is not None, ran.stdout
    assert int(said[1]) == round((tmp_path / "seeds.html").stat().st_size / 1024)
    page = (tmp_path / "seeds.html").read_text("utf-8")
    assert page.count('<li class="statement"') == int(said[2]) > 0
    assert page.count('<tr class="speaker"') == 2
    assert "diplocorpus report --speakers N</code> shows more" in page
    bad = cli("report", "--db", db, "--events", "-1", cwd=tmp_path)
    assert bad.returncode == 2
    assert "must be 0 or more" in bad.stderr
    unwritable = cli("report", "--db", db, "-o", str(tmp_path / "no" / "r.html"))
    assert unwritable.returncode == 1
    assert unwritable.stderr.startswith(f"diplocorpus: {tmp_path / 'no' / 'r.html'}: cannot be")
    assert "Traceback" not in unwritable.stderr


def test_statements_filter_by_speaker_dates_and_event_alike_on_pages_and_store(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "c.sqlite")
    cli("build", "--no-site-profiles", *SEED_FILES, "--db", db)
    for filters in (
        ["--since", "2023-12-19"],
        ["--until", "2022-01-01"],
        ["--event", "Hội nghị Ngoại giao 32"],
        ["--speaker", "bui thanh son", "--since", "2023-12-01", "--until", "2023-12-31"],
    ):
        pages = cli("statements", *SEED_FILES, *filters).stdout.splitlines()
        store = cli("statements", "--db", db, *filters).stdout.splitlines()
        assert pages == store, filters
        assert 0 < len(pages) < 17, filters  # some, not all, of the seeds' 17
    dated = [
        json.loads(r)
        for r in cli("statements", *SEED_FILES, "--until", "2022-01-01").stdout.splitlines()
    ]
    assert {r["source"] for r in dated} == {SEED_FILES[1]}  # the 2021 page


def test_a_cluster_of_many_copies_is_not_one_long_line(tmp_path: Path) -> None:
    text = Path(SEED_FILES[1]).read_text("utf-8")
    for i in range(7):
        (tmp_path / f"copy{i}.txt").write_text(f"Trang chủ > Mục {i}\n{text}", "utf-8")
    header, row = cli("duplicates", str(tmp_path)).stdout.splitlines()
    assert header.split("\t") == ["similarity", "pages", "representative", "copies"]
    cells = row.split("\t")
    assert cells[1] == "7"
    assert cells[3].endswith("(+3 more)")
    every = list(csv.DictReader(io.StringIO(cli("duplicates", str(tmp_path), "-f", "csv").stdout)))
    assert len(every[0]["copies"].split(" | ")) == 6


def test_the_progress_bar_shows_the_total_on_a_terminal(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    # A terminal of 24 lines of 100 columns (a new pseudo-terminal has none, and tqdm then
    # draws nothing).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        ran = subprocess.run(
            [*ENTRY, "build", "seeds", "--db", str(tmp_path / "c.sqlite")],
            stdout=subprocess.PIPE,
            stderr=follower,
            cwd=SEEDS.parent,
            check=False,
            timeout=300,
        )
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    assert ran.returncode == 0
    assert b"/5 [" in shown  # "3/5 [00:01<00:00, 2.4 pages/s]": the total and the time left


def test_ctrl_c_during_a_build_says_how_far_it_got_and_a_rerun_goes_on(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    texts = [Path(p).read_text("utf-8") for p in SEED_FILES]
    for i in range(400):
        (pages / f"p{i:03}.txt").write_text(
            texts[i % 5].replace("\n", f" Bài số {i}.\n", 1), "utf-8"
        )
    db = tmp_path / "c.sqlite"
    command = [*ENTRY, "build", str(pages), "--db", str(db), "--batch-size", "5"]
    command += ["--no-site-profiles"]
    running = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and running.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as peek:
                    if peek.execute("SELECT count(*) FROM documents").fetchone()[0] >= 10:
                        break
            except sqlite3.OperationalError:
                pass  # the schema is being made
        time.sleep(0.05)
    running.send_signal(signal.SIGINT)
    _out, err = running.communicate(timeout=120)
    if running.returncode == 0:
        pytest.skip("the build finished before it could be interrupted")
    assert running.returncode == 130
    assert "Traceback" not in err
    with sqlite3.connect(db) as peek:
        stored = peek.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 10 <= stored < 400
    assert f"interrupted: {stored} page(s) stored in {db}; run the same command again" in err
    again = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert again.returncode == 0
    assert f"{400 - stored} page(s) added, {stored} already stored" in again.stdout


def test_an_unreadable_file_is_a_message_and_skip_errors_goes_on(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (pages / "page.txt").write_bytes((SEEDS / "001_06ebc7dd1d275972.txt").read_bytes())
    ran = cli("statements", str(pages / "scan.txt"))
    assert ran.returncode == 1
    assert (
        ran.stderr
        == f"diplocorpus: {pages / 'scan.txt'}: binary data (NUL bytes) without a byte-order mark\n"
    )
    built = cli("build", str(pages), "--db", str(tmp_path / "c.sqlite"), "--skip-errors")
    assert built.returncode == 1
    assert "Traceback" not in built.stderr
    assert f"diplocorpus: skipped {pages / 'scan.txt'}: binary data" in built.stderr
    assert f"{pages / 'scan.txt'}: {pages / 'scan.txt'}" not in built.stderr  # the path once
    assert "1 page(s) added, 0 already stored, 1 skipped" in built.stdout


def test_demo_runs_the_main_job_on_the_sample_pages_shipped_in_the_package(
    tmp_path: Path,
) -> None:
    # From an empty folder: the pages come from the installed package, not a checkout.
    ran = cli("demo", "--statements", "3", cwd=tmp_path)
    assert (ran.returncode, ran.stderr) == (0, "")
    assert list(tmp_path.iterdir()) == []  # it writes nothing
    articles = [dc.parse_file(p) for p in SEED_FILES]
    said = [s for a in articles for s in dc.extract_statements(a)]
    lines = ran.stdout.splitlines()
    header = lines.index("source\tpublished\tstatements\tevents\ttitle")
    for i, article in enumerate(articles):
        cells = lines[header + 1 + i].split("\t")
        assert cells[0] == f"samples/{Path(SEED_FILES[i]).name}"
        assert cells[2:4] == [
            str(len(dc.extract_statements(article))),
            str(len(dc.extract_events(article))),
        ]
    conference = next(row for row in lines if row.startswith("Hội nghị Ngoại giao\t32\t"))
    assert conference.split("\t")[2:4] == ["2023-12-19", "2023-12-23"]
    assert f"who said what (3 of {len(said)} statements):" in lines
    first = lines.index("source:line\tspeaker (office)\tcue\tmode\tstatement")
    assert [row.split("\t")[2] for row in lines[first + 1 : first + 4]] == [s.cue for s in said[:3]]
