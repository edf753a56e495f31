"""The command line, run in-process and as ``python -m diplocorpus``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import diplocorpus as dc
from diplocorpus._cli import main

from .conftest import SEEDS

SEED_FILES = sorted(str(p) for p in SEEDS.glob("*.txt"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_jsonl_is_the_default_and_reads_back(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "parse", *SEED_FILES)
    assert status == 0
    assert err == ""
    rows = out.splitlines()
    assert len(rows) == len(SEED_FILES)
    for path, row in zip(SEED_FILES, rows, strict=True):
        article = dc.from_json(row, dc.Article)
        assert article == dc.parse_file(path)


def test_json_is_one_array(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "--format", "json", *SEED_FILES[:2])
    data = json.loads(out)
    assert status == 0
    assert [a["source"] for a in data] == SEED_FILES[:2]


def test_text_shows_title_date_authors_and_body(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "-f", "text", SEED_FILES[0])
    article = dc.parse_file(SEED_FILES[0])
    assert status == 0
    assert f"title:     {article.title}" in out
    assert "published: 2023-12-19T15:18:15+07:00" in out
    assert "authors:   Văn Ngọc" in out
    assert all(p in out for p in article.paragraphs)
    assert "HĐND huyện Vũ Thư" not in out  # the related list is gone


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = (SEEDS / "001_06ebc7dd1d275972.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = run(capsys, "parse", "-")
    article = dc.from_json(out, dc.Article)
    assert status == 0
    assert article.source == "-"
    assert article.authors == ("Văn Hùng", "Hoàn Vũ")


def test_published_option_completes_a_year(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "p.txt"
    page.write_text(
        "Tiêu đề một bài báo thử\n19/12 15:18\nĐoạn văn thân bài đủ dài ở đây.", encoding="utf-8"
    )
    _, out, _ = run(capsys, "parse", "--published", "2023-12-20", str(page))
    assert json.loads(out)["published"] == "2023-12-19T15:18:00+07:00"


def test_bad_inputs_stop_the_run_unless_skipped(
    tmp_path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    pytest.importorskip("lxml", reason="one input is an HTML page: needs diplocorpus[html]")
    undecodable = tmp_path / "binary.txt"
    undecodable.write_bytes(b"\x00\x01\x02binary")
    html = tmp_path / "page.txt"
    html.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    status, out, err = run(capsys, "parse", SEED_FILES[0], str(undecodable), SEED_FILES[1])
    assert status == 1
    assert len(out.splitlines()) == 1
    assert f"{undecodable}: line 1, column 1: NUL byte" in err
    status, out, err = run(
        capsys,
        "parse",
        "--skip-errors",
        str(undecodable),
        SEED_FILES[0],
        str(html),
        missing,
        SEED_FILES[1],
    )
    assert status == 1
    assert len(out.splitlines()) == 3  # the HTML page is read as HTML
    assert f"skipped {undecodable}: " in err
    assert f"skipped {html}" not in err
    assert f"skipped {missing}: " in err
    assert "2 input(s) skipped" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse"])
    assert info.value.code == 2
    with pytest.raises(SystemExit):
        main(["parse", "--published", "yesterday", SEED_FILES[0]])
    assert "not an ISO 8601 date" in capsys.readouterr().err


def test_python_dash_m() -> None:
    run_ = subprocess.run(
        [sys.executable, "-m", "diplocorpus", "parse", "-f", "text", SEED_FILES[2]],
        capture_output=True,
        check=True,
    )
    assert "Tổng Bí thư: Ngoại giao là điểm sáng".encode() in run_.stdout


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"diplocorpus {dc.__version__}"


def test_statements_jsonl_carries_the_source(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "statements", SEED_FILES[1])
    rows = [json.loads(row) for row in out.splitlines()]
    assert status == 0
    assert {row["source"] for row in rows} == {SEED_FILES[1]}
    statements = dc.extract_statements(dc.parse_file(SEED_FILES[1]))
    assert [{k: v for k, v in row.items() if k != "source"} for row in rows] == [
        without_keys(dc.to_dict(s)) for s in statements
    ]


def test_statements_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "statements", "--format", "table", SEED_FILES[2])
    header, *rows = out.splitlines()
    assert status == 0
    assert header == "source:line\tspeaker (office)\tcue\tmode\tstatement"
    assert len(rows) == len(dc.extract_statements(dc.parse_file(SEED_FILES[2])))
    assert rows[0].startswith(f"{SEED_FILES[2]}:7\tNguyễn Phú Trọng (Tổng Bí thư)\tđánh giá\tmixed")


def test_events_merged_table_flags_the_theme_conflict(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "events", "--merge", "--format", "table", *SEED_FILES)
    header, *rows = out.splitlines()
    row = next(r for r in rows if r.startswith("Hội nghị Ngoại giao\t32\t"))
    assert status == 0
    assert header.split("\t")[:7] == ["event", "ordinal", "start", "end", "place", "mode", "themes"]
    assert row.split("\t")[2:5] == ["2023-12-19", "2023-12-23", "Hà Nội"]
    assert row.split("\t")[6].startswith("CONFLICT: ")


def test_events_jsonl_reads_back(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "events", SEED_FILES[3])
    rows = [json.loads(r) for r in out.splitlines()]
    assert status == 0
    events = dc.extract_events(dc.parse_file(SEED_FILES[3]))
    assert [{k: v for k, v in r.items() if k != "source"} for r in rows] == [
        without_keys(dc.to_dict(e)) for e in events
    ]


def without_keys(value: object) -> object:
    """A record's dict as the command line shows it: the folded matching keys left out."""
    if isinstance(value, dict):
        return {k: without_keys(v) for k, v in value.items() if k != "key"}
    if isinstance(value, list):
        return [without_keys(v) for v in value]
    return value


@pytest.mark.parametrize(
    "command",
    [
        ("statements",),
        ("people",),
        ("events",),
        ("events", "--merge"),
    ],
)
@pytest.mark.parametrize("form", ["jsonl", "table", "csv"])
def test_no_matching_key_reaches_the_output(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...], form: str
) -> None:
    articles = [dc.parse_file(f) for f in SEED_FILES]
    keys = {e.key for a in articles for e in dc.extract_events(a)}
    keys |= {p.key for a in articles for p in dc.extract_people(a)}
    keys = {k for k in keys if k not in {p.name for a in articles for p in dc.extract_people(a)}}
    status, out, _ = run(capsys, *command, "--format", form, *SEED_FILES)
    assert status == 0
    assert out
    assert not [k for k in keys if k in out]
    if form == "jsonl":
        assert all('"key"' not in line for line in out.splitlines())


def test_build_search_and_query_a_store(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "c.sqlite")
    status, out, err = run(capsys, "build", "seeds", "--db", db)
    assert status == 0
    assert "5 page(s) added, 0 already stored, 0 skipped, in " in out
    assert " pages/s)" in out.splitlines()[0]
    assert "Hội nghị Ngoại giao 32: 2023-12-19, 4 page(s)" in out
    summary = out.split("events reported by the most pages:\n")[1].splitlines()
    assert summary[0].startswith("  Hội nghị Ngoại giao 32:")  # the pages' news comes first
    assert not any("Đại hội 13" in row for row in summary)  # every page names it in passing
    assert "pages" not in err  # no progress bar when stderr is not a terminal
    status, out, _ = run(capsys, "build", "seeds", "--db", db)
    assert "0 page(s) added, 5 already stored" in out
    status, out, _ = run(capsys, "search", "hoi", "nghi", "ngoai", "vu", "--db", db)
    assert status == 0
    assert "seeds/003_d2effcbf8356ef57.txt:3\n" in out
    assert "\n    Với chủ đề" in out  # the hit's words in context, on the next line
    assert "\x1b[" not in out  # highlighted only on a terminal
    status, out, _ = run(
        capsys, "statements", "--db", db, "--speaker", "Bùi Thanh Sơn", "-f", "table"
    )
    assert len(out.splitlines()) == 1 + 3  # the header and Bùi Thanh Sơn's three
    status, out, _ = run(capsys, "events", "--db", db, "-f", "table")
    assert "Hội nghị Ngoại giao\t32\t2023-12-19\t2023-12-23\tHà Nội\t" in out
    status, out, _ = run(capsys, "duplicates", "--db", db)
    assert (status, out) == (0, "")


def test_jobs_keep_input_order(capsys: pytest.CaptureFixture[str]) -> None:
    _, serial, _ = run(capsys, "parse", *SEED_FILES)
    _, parallel, _ = run(capsys, "parse", "--jobs", "2", *SEED_FILES)
    assert parallel == serial


def test_duplicates_of_pages(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "copy.txt"
    copy.write_text(
        "Trang chủ > Thời sự\n" + (SEEDS / "001_06ebc7dd1d275972.txt").read_text("utf-8"), "utf-8"
    )
    status, out, _ = run(capsys, "duplicates", SEED_FILES[1], str(copy))
    assert status == 0
    header, row = out.splitlines()
    assert header == "similarity\tpages\trepresentative\tcopies"
    assert str(copy) in row


def test_export_parquet(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pyarrow")
    db = str(tmp_path / "c.sqlite")
    run(capsys, "build", *SEED_FILES, "--db", db)
    status, out, _ = run(capsys, "export", "--db", db, "--parquet", str(tmp_path / "pq"))
    assert status == 0
    assert {row.split("\t")[0] for row in out.splitlines()} == {
        "documents",
        "paragraphs",
        "statements",
        "people",
        "events",
        "merged_events",
        "merged_claims",
    }


@pytest.mark.parametrize("command", ["statements", "events", "duplicates"])
def test_a_store_command_without_input_says_what_it_needs(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main([command])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert f"usage: diplocorpus {command}" in err
    assert "give PATH" in err


@pytest.mark.parametrize("command", ["statements", "events", "duplicates"])
def test_pages_and_a_store_at_once_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, SEED_FILES[0], "--db", str(tmp_path / "c.sqlite")])
    assert info.value.code == 2
    assert "not both" in capsys.readouterr().err
    assert not (tmp_path / "c.sqlite").exists()


@pytest.mark.parametrize("threshold", ["0", "1.5", "-0.2"])
def test_a_threshold_out_of_range_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], threshold: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["duplicates", "--threshold", threshold, SEED_FILES[0]])
    assert info.value.code == 2
    assert "--threshold" in capsys.readouterr().err


def test_the_exit_status_of_a_usage_error_is_2() -> None:
    ran = subprocess.run(
        [sys.executable, "-m", "diplocorpus", "statements"], capture_output=True, check=False
    )
    assert ran.returncode == 2
    assert b"give PATH" in ran.stderr


def test_people_of_a_store_are_those_of_its_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.sqlite")
    assert run(capsys, "build", "--no-site-profiles", *SEED_FILES, "--db", db)[0] == 0
    status, stored, _ = run(capsys, "people", "--db", db, "--format", "csv")
    assert status == 0
    _, from_pages, _ = run(capsys, "people", "--format", "csv", *SEED_FILES)
    assert stored.splitlines()[0] == "source,line,name,office,kind"
    assert len(stored.splitlines()) > 20
    assert stored == from_pages


def test_people_needs_pages_or_a_store(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["people"])
    assert stop.value.code == 2
    assert "give PATH... to read pages, or --db FILE" in capsys.readouterr().err


def test_a_conflict_is_cut_in_the_table_and_whole_in_csv(
    capsys: pytest.CaptureFixture[str],
) -> None:
    merged = next(e for e in dc.Corpus(SEED_FILES).events() if e.ordinal == 32)
    assert merged.themes.conflict
    themes = merged.themes.values
    _, table, _ = run(capsys, "events", "--merge", "--format", "table", *SEED_FILES)
    _, rows, _ = run(capsys, "events", "--merge", "--format", "csv", *SEED_FILES)
    cell = next(r for r in table.splitlines() if r.startswith("Hội nghị Ngoại giao\t32\t"))
    shown = cell.split("\t")[6].removeprefix("CONFLICT: ").split(" / ")
    assert len(shown) == len(themes)
    assert all(
        len(s) <= 40 and t.startswith(s.rstrip("…")) for s, t in zip(shown, themes, strict=True)
    )
    assert any(len(t) > 40 for t in themes)
    assert f"CONFLICT: {' / '.join(themes)}" in rows
