"""benchmarks/bench_report.py: its generated pages are a corpus worth timing the report on
(many sites, events, speakers; near-duplicates only where a page was syndicated), and a
small run prints its table."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

import diplocorpus as dc
from diplocorpus._dedup import find_duplicates
from diplocorpus._site import host_of

from .conftest import ROOT, load_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/bench_report.py")


def test_generated_pages_are_distinct_and_varied(bench: ModuleType) -> None:
    documents = list(bench.documents(200))
    assert len({d.hash for d in documents}) == 200
    assert len({host_of(d.url) for d in documents}) == len(bench.HOSTS)
    text = "\n".join(d.text for d in documents)
    assert "Nguyễn Phú Trọng" not in text  # the seeds' speakers renamed
    ordinals = set(re.findall(r"Ngoại giao lần thứ (\d+)", text))
    years = set(re.findall(r"\d{1,2}/\d{1,2}/(20\d\d)", text))
    assert len(ordinals) > 20
    assert len(years) > 2
    # Near-duplicates are the syndicated copies only: one page in twenty, with the one
    # before it.
    clusters = find_duplicates((d.source, d.text) for d in documents)
    pairs = {c.members for c in clusters}
    copies = {
        tuple(sorted((documents[n - 1].source, documents[n].source))) for n in range(19, 200, 20)
    }
    assert pairs == copies


def test_a_small_run_prints_the_table(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    bench.main(["--pages", "30", "--rounds", "1"])
    out = capsys.readouterr().out
    assert "# built the 30-page store in" in out
    rows = [line.split("|") for line in out.splitlines() if line.startswith("| ")]
    assert [row[1].strip() for row in rows] == ["store", "seeds", "30 generated pages"]
    for row in rows[1:]:
        assert float(row[3]) > 0  # write_report, seconds
        assert float(row[4]) > 0  # the command, seconds
        assert float(row[5]) > 0  # write_report without clusters, seconds
        assert int(row[6].replace(",", "")) > 10  # the report, KB
    assert rows[1][2].strip() == "5"


def test_a_kept_store_of_another_size_is_refused(bench: ModuleType, tmp_path: Path) -> None:
    kept = tmp_path / "kept.sqlite"
    with dc.Store(kept) as store:
        store.add(dc.iter_documents(ROOT / "seeds"))
    with pytest.raises(SystemExit, match="holds 5 pages, not 30"):
        bench.main(["--pages", "30", "--store", str(kept)])
    with dc.Store(kept, create=False) as store:
        assert store.counts()["documents"] == 5  # left as it was
