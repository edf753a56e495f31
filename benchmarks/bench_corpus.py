"""A corpus at scale: throughput, processes, memory, SQLite ingestion, page length.

    python benchmarks/bench_corpus.py                 # 500 MB corpus (several minutes)
    python benchmarks/bench_corpus.py --mb 20         # a quick run

It generates a corpus of JSON Lines shards from the seed pages (each page made unique), then
measures:

1. parse throughput, one process: pages/s and MB/s over the whole corpus;
2. the speed-up of parsing with 2 processes over 1 (on a slice of the corpus);
3. peak memory (max RSS of a child process) building the SQLite store from a quarter and
   from all of the corpus: flat means it does not grow with corpus size;
4. the rate of ingestion into SQLite (pages/s, full analysis: parse, people, statements,
   events, search index), with site learning on (the default) and off;
5. how parse time grows with page length (1x, 10x, 100x a page);
6. what site learning costs: ``Corpus.articles()`` with learning on and off over the same
   pages (the first 500 of the corpus, and the dev set in ../shared/devset when it is there), and
   the ratio of the two.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import platform
import resource
import subprocess
import sys
import tempfile
import time

import diplocorpus as dc

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PAGES_PER_SHARD = 2000


def generate(folder: pathlib.Path, megabytes: float) -> tuple[list[pathlib.Path], int, int]:
    """Write JSON Lines shards of unique pages; returns the shards, pages and bytes."""
    seeds = [p.read_text("utf-8") for p in SEEDS]
    shards: list[pathlib.Path] = []
    pages = size = 0
    target = megabytes * 1e6
    while size < target:
        shard = folder / f"shard-{len(shards):04d}.jsonl"
        with shard.open("w", encoding="utf-8") as out:
            for _ in range(PAGES_PER_SHARD):
                text = seeds[pages % len(seeds)].replace(
                    "\n", f" Bài số {pages}.\n", 1
                )  # unique pages: a different first line
                record = {"text": text, "source": f"page-{pages}", "published": "2023-12-20"}
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                pages += 1
                size += len(text.encode("utf-8"))
                if size >= target:
                    break
        shards.append(shard)
    return shards, pages, size


def timed(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def parse_all(paths: list[pathlib.Path], jobs: int) -> int:
    documents = dc.iter_documents(paths)
    count = 0
    for _doc, _article in dc._pipeline.parallel_map(
        dc._pipeline.parse_document, documents, None, jobs
    ):
        count += 1
    return count


SLICE_PAGES = 500  # pages of the corpus that site learning is timed on


def articles(documents: list[dc.Document], learn_sites: bool) -> int:
    corpus = dc.Corpus(documents=lambda: documents, learn_sites=learn_sites)
    return sum(1 for _ in corpus.articles())


def learning_cost(name: str, documents: list[dc.Document]) -> str:
    """Corpus.articles() with site learning on and off (best of three runs each)."""
    times = {}
    for learn in (True, False):
        times[learn] = min(timed(articles, documents, learn)[1] for _ in range(3))
    return (
        f"{name} ({len(documents):,} pages): on {times[True]:.2f} s, off {times[False]:.2f} s, "
        f"on / off = {times[True] / times[False]:.2f}"
    )


BUILD = """
import resource, sys, time
import diplocorpus as dc
paths = sys.argv[4:]
start = time.perf_counter()
with dc.Store(sys.argv[1]) as store:
    report = store.add(
        dc.iter_documents(paths),
        jobs=int(sys.argv[2]),
        batch_size=200,
        learn_sites=sys.argv[3] == "learn",
    )
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(report.added, elapsed, peak, children)
"""


def build(
    db: pathlib.Path, shards: list[pathlib.Path], jobs: int, *, learn_sites: bool = True
) -> tuple[int, float, int, int]:
    learn = "learn" if learn_sites else "alone"
    run = subprocess.run(
        [sys.executable, "-c", BUILD, str(db), str(jobs), learn, *map(str, shards)],
        capture_output=True,
        text=True,
        check=True,
    )
    added, elapsed, peak, children = run.stdout.split()
    return int(added), float(elapsed), int(peak), int(children)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=500, help="corpus size in MB (default 500)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the store build")
    args = ap.parse_args()
    print(f"diplocorpus {dc.__version__}, Python {platform.python_version()}, {platform.machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        (shards, pages, size), seconds = timed(generate, folder, args.mb)
        mb = size / 1e6
        print(f"generated {pages:,} pages, {mb:.1f} MB in {len(shards)} shards ({seconds:.1f} s)")

        count, seconds = timed(parse_all, shards, 1)
        print(
            f"1. parse, 1 process: {count / seconds:,.0f} pages/s, {mb / seconds:.2f} MB/s "
            f"({seconds:.1f} s)"
        )

        part = shards[: max(1, len(shards) // 4)]
        one, t1 = timed(parse_all, part, 1)
        _two, t2 = timed(parse_all, part, 2)
        print(
            f"2. parse, 2 processes vs 1 on {one:,} pages: speed-up {t1 / t2:.2f}x "
            f"({t1:.1f} s -> {t2:.1f} s)"
        )

        quarter = shards[: max(1, len(shards) // 4)]
        added_q, _time_q, peak_q, child_q = build(folder / "quarter.sqlite", quarter, args.jobs)
        added, elapsed, peak, child = build(folder / "all.sqlite", shards, args.jobs)
        print(
            f"3. peak memory building the store ({args.jobs} processes): "
            f"{added_q:,} pages: {peak_q / 1024:.0f} MB (workers {child_q / 1024:.0f} MB); "
            f"{added:,} pages: {peak / 1024:.0f} MB (workers {child / 1024:.0f} MB)"
        )
        db_mb = (folder / "all.sqlite").stat().st_size / 1e6
        first = list(itertools.islice(dc.iter_documents(shards), SLICE_PAGES))
        learning = [learning_cost("corpus", first)]
        _added, alone, _peak, _child = build(
            folder / "alone.sqlite", shards, args.jobs, learn_sites=False
        )
        print(
            f"4. ingestion into SQLite ({args.jobs} processes, full analysis): "
            f"{added / elapsed:,.0f} pages/s, {mb / elapsed:.2f} MB/s ({elapsed:.1f} s), "
            f"store {db_mb:.0f} MB; without site learning {alone:.1f} s "
            f"(on / off = {elapsed / alone:.2f})"
        )

    page = "\n".join(p.read_text("utf-8") for p in SEEDS)
    per_mb = []
    for factor in (1, 10, 100):
        text = "\n".join([page] * factor)
        _, seconds = timed(dc.parse, text)
        per_mb.append(seconds / (len(text.encode()) / 1e6))
    print(
        "5. parse time per MB at 1x, 10x, 100x page length: "
        + ", ".join(f"{t:.3f} s" for t in per_mb)
        + f" (100x / 1x = {per_mb[2] / per_mb[0]:.2f})"
    )
    devset = ROOT.parent / "shared" / "devset" / "raw"
    if devset.is_dir():
        learning.append(learning_cost("dev set", list(dc.iter_documents([devset]))))
    print("6. site learning, Corpus.articles(): " + "; ".join(learning))
    print(
        f"max RSS of this process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
