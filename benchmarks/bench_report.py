"""The HTML report on a big store: how long ``write_report`` takes and how big the file is.

    python benchmarks/bench_report.py                     # 20,000 pages (a few minutes)
    python benchmarks/bench_report.py --quick             # 2,000 pages
    python benchmarks/bench_report.py --store big.sqlite  # keep the store, reuse it next time

It generates a store of ``--pages`` pages from variants of the five seed pages, each made a
different page the way a crawl of many sites over many years would be: its URL on one of
several hosts, its dates moved (day, month and year), its speakers renamed (a few thousand
distinct names), its events' ordinals moved (hundreds of distinct conferences), and one line
of its own. The store is built with ``Store.add(..., jobs=2)``, which runs the whole
analysis; that time is reported on its own, as it is not the report's. Then it times
``diplocorpus.write_report`` on the store (best of ``--rounds``) and the command
``diplocorpus report --db FILE -o FILE`` once (a fresh interpreter: import included), then
``write_report`` with ``clusters=0`` (no near-duplicate search, the dearest part), and
prints the report's size, with the same for the seeds' own store, as a table.
"""

from __future__ import annotations

import argparse
import itertools
import os
import pathlib
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

import diplocorpus as dc

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

HOSTS = (
    "baothaibinh.com.vn",
    "baoquocte.vn",
    "dangcongsan.vn",
    "nhandan.vn",
    "baochinhphu.vn",
    "tuoitre.vn",
    "vnexpress.net",
    "mofa.gov.vn",
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Văn", "Minh", "Thanh", "Quốc", "Đức", "Hữu", "Xuân", "Phú")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Sơn", "Tâm", "Trọng")
NAMES = tuple(" ".join(parts) for parts in itertools.product(FAMILY, MIDDLE, GIVEN))
# The seeds' speakers, each renamed in a variant.
SPEAKERS = ("Nguyễn Phú Trọng", "Bùi Thanh Sơn", "Nguyễn Văn Quảng", "Nguyễn Long Biên")
ORDINAL = re.compile(r"((?:Ngoại giao|Ngoại vụ|kỳ họp)(?: lần thứ)? )(\d+)")
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(20\d\d))?\b")


SENTENCE_END = re.compile(r"(?<=[.!?;”])\s+")
LONG = 200  # a line this long is a paragraph of the body


def sentences() -> list[str]:
    """The sentences of the seeds' paragraphs past their lead, in order (the pool)."""
    pool = []
    for path in SEEDS:
        long = [line for line in path.read_text("utf-8").splitlines() if len(line) >= LONG]
        for paragraph in long[1:]:
            pool.extend(s for s in SENTENCE_END.split(paragraph) if len(s) >= 40)
    return pool


def variant(text: str, number: int, pool: list[str]) -> str:
    """The ``number``-th variant of a seed page: another page of the same kind.

    Its title, dateline and lead stay; each later paragraph is made of sentences drawn
    from all the seeds' paragraphs, so that two variants share few runs of five words (the
    near-duplicate test's shingles) and are not near-duplicates of each other. Then its
    ordinals, dates and speakers are moved.
    """
    shift = number // len(SEEDS)
    draw = random.Random(number)
    lines = text.splitlines()
    lead = next((i for i, line in enumerate(lines) if len(line) >= LONG), len(lines))
    for i in range(lead + 1, len(lines)):
        if len(lines[i]) >= LONG:
            count = max(2, len(SENTENCE_END.split(lines[i])))
            lines[i] = " ".join(draw.sample(pool, count))
    text = "\n".join(lines) + "\n"

    def ordinal(match: re.Match[str]) -> str:
        return f"{match[1]}{int(match[2]) + shift % 400}"

    def date(match: re.Match[str]) -> str:
        day, month = min(int(match[1]), 28), (int(match[2]) - 1 + shift) % 12 + 1
        if match[3] is None:
            return f"{day}/{month}"
        return f"{day}/{month}/{2000 + (int(match[3]) - 2000 + shift // 12) % 26}"

    text = ORDINAL.sub(ordinal, text)
    text = DATE.sub(date, text)
    for index, name in enumerate(SPEAKERS):
        text = text.replace(name, NAMES[(shift * 7 + index * 131) % len(NAMES)])
    # One line of its own, so that no two pages are the same document.
    return text.replace("\n", f"\nBài số {number}.\n", 1)


def documents(pages: int) -> Iterator[dc.Document]:
    """The generated pages; one in twenty is a copy of the page before it on another site
    (syndicated: a near-duplicate), with a line of its own."""
    seeds = [path.read_text("utf-8") for path in SEEDS]
    pool = sentences()
    previous = ""
    for number in range(pages):
        host = HOSTS[(number // len(SEEDS)) % len(HOSTS)]
        url = f"https://{host}/tin-tuc/bai-{number}.html"
        if number % 20 == 19:
            text = previous.replace("\n", f"\nBài số {number}, theo {host}.\n", 1)
        else:
            text = variant(seeds[number % len(seeds)], number, pool)
        previous = text
        yield dc.Document(text=text, source=url, url=url)


def build(path: pathlib.Path, pages: int) -> float:
    """Build the store of ``pages`` generated pages; returns the seconds it took."""
    start = time.perf_counter()
    with dc.Store(path) as store:
        report = store.add(documents(pages), jobs=2)
    seconds = time.perf_counter() - start
    if report.added != pages:
        sys.exit(f"{path}: {report.added} pages added, not {pages}")
    return seconds


def time_report(store_path: pathlib.Path, out: pathlib.Path, rounds: int, **limits: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        with dc.Store(store_path, create=False) as store:
            start = time.perf_counter()
            dc.write_report(store, out, **limits)
            best = min(best, time.perf_counter() - start)
    return best


def time_cli(store_path: pathlib.Path, out: pathlib.Path) -> float:
    command = [sys.executable, "-m", "diplocorpus", "report", "--db", str(store_path)]
    start = time.perf_counter()
    subprocess.run([*command, "-o", str(out)], check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000, help="pages (default 20000)")
    parser.add_argument("--quick", action="store_true", help="2,000 pages, one round")
    parser.add_argument("--rounds", type=int, default=3, help="write_report runs, best kept")
    parser.add_argument(
        "--store", type=pathlib.Path, help="keep the generated store here (reused if there)"
    )
    args = parser.parse_args(argv)
    pages = 2_000 if args.quick else args.pages
    rounds = 1 if args.quick else args.rounds
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")

    work = pathlib.Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        seeds_db = work / "seeds.sqlite"
        with dc.Store(seeds_db) as store:
            store.add(dc.iter_documents(ROOT / "seeds"))
        big_db = args.store or work / "big.sqlite"
        if args.store is not None and big_db.exists():
            with dc.Store(big_db, create=False) as store:
                stored = store.counts()["documents"]
            if stored != pages:
                sys.exit(f"{big_db} holds {stored} pages, not {pages}: remove it or pass --pages")
            print(f"# {big_db}: reused ({stored} pages)")
        else:
            seconds = build(big_db, pages)
            print(
                f"# built the {pages:,}-page store in {seconds:.1f} s "
                f"({pages / seconds:.0f} pages/s, 2 processes, full analysis); "
                f"{big_db.stat().st_size / 1e6:.0f} MB"
            )

        print(
            "| store | pages | `write_report` s | `diplocorpus report` s "
            "| `write_report`, `clusters=0` s | report KB |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for name, db in (("seeds", seeds_db), (f"{pages:,} generated pages", big_db)):
            with dc.Store(db, create=False) as store:
                stored = store.counts()["documents"]
            out = work / f"{db.stem}.html"
            api = time_report(db, out, rounds)
            cli_out = work / f"{db.stem}-cli.html"
            cli = time_cli(db, cli_out)
            size = out.stat().st_size / 1024
            # Without the near-duplicate clusters (Store.duplicates), the dearest part.
            bare = time_report(db, work / f"{db.stem}-bare.html", rounds, clusters=0)
            print(f"| {name} | {stored:,} | {api:.3f} | {cli:.3f} | {bare:.3f} | {size:,.0f} |")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
