"""The whole analysis, stage by stage, and the build against what its storage alone costs.

    python benchmarks/bench_pipeline.py              # 400 pages, 10 rounds (about a minute)
    python benchmarks/bench_pipeline.py --quick      # 100 pages, 3 rounds

Pages: distinct pages of about 8 KB made from the seeds (each with a line of its own). One
thread. It reports:

1. CPU milliseconds per page (median of the rounds) of ``parse``, ``extract_people``,
   ``extract_statements``, ``extract_events`` each on its own, and of ``analyse`` (the
   pipeline: parse once, the people of each line read once for the three extractors), with
   each stage's share of the sum of the stages on their own;
2. the build: ``Store.add`` of the same pages with ``jobs=1`` (the whole analysis and the
   writes), against its peer measured in the same run: the same pages' lines written into
   the same SQLite schema (documents, paragraphs, the FTS5 index) with no analysis at all.
   The ratio of the two says how far the build is from the storage's own limit.

With ``--against SRC`` (the ``src`` folder of another checkout, e.g. an older commit's), it
also times ``analyse`` and the build of both trees in fresh interpreters, one after the
other, several times, and reports the ratio: a before and after measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

import diplocorpus as dc
from diplocorpus._rules import forget_seen_lines
from diplocorpus._store import _SCHEMA, _plain

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def pages(count: int) -> list[dc.Document]:
    """``count`` distinct pages of about 8 KB: the seeds, each with a sentence of its own."""
    seeds = [p.read_text("utf-8") for p in SEEDS]
    return [
        dc.Document(
            text=seeds[i % len(seeds)].replace("\n", f" Bài số {i} trong loạt bài.\n", 1),
            source=f"page-{i}",
        )
        for i in range(count)
    ]


def cpu_ms_per_page(rounds: int, count: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        forget_seen_lines()  # cold: no line was read before
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times) / count * 1000


def storage_only(path: pathlib.Path, documents: list[dc.Document]) -> float:
    """Seconds to write the pages' lines into the store's schema, with no analysis."""
    start = time.perf_counter()
    db = sqlite3.connect(path)
    db.executescript(_SCHEMA)
    with db:
        for document in documents:
            cursor = db.execute(
                "INSERT INTO documents (hash, source, metadata, article, added_at) "
                "VALUES (?, ?, '{}', ?, '')",
                (document.hash, document.source, json.dumps({"text": document.text})),
            )
            document_id = cursor.lastrowid
            for position, line in enumerate(filter(None, document.text.splitlines())):
                row = db.execute(
                    "INSERT INTO paragraphs (document_id, position, line, text) "
                    "VALUES (?, ?, ?, ?)",
                    (document_id, position, position + 1, line),
                )
                db.execute(
                    "INSERT INTO paragraphs_fts (rowid, plain) VALUES (?, ?)",
                    (row.lastrowid, _plain(line)),
                )
    db.close()
    return time.perf_counter() - start


def build(path: pathlib.Path, documents: list[dc.Document]) -> float:
    start = time.perf_counter()
    with dc.Store(path) as store:
        store.add(documents, jobs=1, learn_sites=False)
    return time.perf_counter() - start


def worker(count: int, rounds: int) -> None:
    """Print the ms/page of ``analyse`` and the build's pages/s of the diplocorpus imported."""
    documents = pages(count)
    # Before issue 11 the pipeline was the store's: ``diplocorpus._store.analyse``.
    analyse = getattr(dc, "analyse", None) or dc._store.analyse  # type: ignore[attr-defined]
    whole = cpu_ms_per_page(rounds, count, lambda: [analyse(d) for d in documents])
    with tempfile.TemporaryDirectory() as folder:
        built = build(pathlib.Path(folder) / "built.sqlite", documents)
    print(json.dumps({"analyse": whole, "build": count / built}))


def against(other: pathlib.Path, count: int, rounds: int, turns: int) -> None:
    """``analyse`` and the build of this tree and of ``other``, in turn, in new interpreters."""
    trees = {"this checkout": ROOT / "src", str(other): other}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(turns):
        for name, src in trees.items():
            env = {**os.environ, "PYTHONPATH": str(src)}
            command = [sys.executable, __file__, "--worker", str(count), str(rounds)]
            out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            runs[name].append(json.loads(out.stdout))
    print(f"against {other}: {turns} turns each, one after the other (median)")
    medians = {
        name: {key: statistics.median(r[key] for r in results) for key in ("analyse", "build")}
        for name, results in runs.items()
    }
    for name, figures in medians.items():
        print(
            f"  {name:<40} analyse {figures['analyse']:6.2f} ms/page "
            f"({1000 / figures['analyse']:4.0f} pages/s), build {figures['build']:4.0f} pages/s"
        )
    this, that = medians["this checkout"], medians[str(other)]
    print(
        f"  this checkout / {other}: analyse {that['analyse'] / this['analyse']:.2f}x "
        f"as fast, build {this['build'] / that['build']:.2f}x as fast"
    )


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--worker"]:
        worker(int(sys.argv[2]), int(sys.argv[3]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--against", type=pathlib.Path, metavar="SRC")
    ap.add_argument("--turns", type=int, default=3, help="runs of each tree with --against")
    args = ap.parse_args(argv)
    count, rounds = (100, 3) if args.quick else (400, 10)
    documents = pages(count)
    size = sum(len(d.text.encode("utf-8")) for d in documents) / count / 1000
    print(f"diplocorpus {dc.__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(f"{count} pages of {size:.1f} KB on average, {rounds} rounds, one thread, CPU time")

    articles = [dc.parse(d.text, source=d.source) for d in documents]

    def over_articles(extract: Callable[[dc.Article], object]) -> Callable[[], object]:
        return lambda: [extract(a) for a in articles]

    stages = {
        "parse": lambda: [dc.parse(d.text, source=d.source) for d in documents],
        "extract_people": over_articles(dc.extract_people),
        "extract_statements": over_articles(dc.extract_statements),
        "extract_events": over_articles(dc.extract_events),
    }
    times = {name: cpu_ms_per_page(rounds, count, run) for name, run in stages.items()}
    total = sum(times.values())
    print(f"{'stage':<34}{'ms/page':>9}{'share':>8}")
    for name, ms in times.items():
        print(f"{name:<34}{ms:>9.2f}{ms / total:>8.0%}")
    print(f"{'the stages, each on its own':<34}{total:>9.2f}{'':>8}  ({1000 / total:.0f} pages/s)")
    whole = cpu_ms_per_page(rounds, count, lambda: [dc.analyse(d) for d in documents])
    print(f"{'analyse (the pipeline)':<34}{whole:>9.2f}{'':>8}  ({1000 / whole:.0f} pages/s)")
    print(f"the stages on their own / the pipeline: {total / whole:.2f}")

    with tempfile.TemporaryDirectory() as folder:
        limit = storage_only(pathlib.Path(folder) / "plain.sqlite", documents)
        built = build(pathlib.Path(folder) / "built.sqlite", documents)
        plain_size = (pathlib.Path(folder) / "plain.sqlite").stat().st_size
        built_size = (pathlib.Path(folder) / "built.sqlite").stat().st_size
    text_bytes = sum(len(d.text.encode("utf-8")) for d in documents)
    print(
        f"build, jobs=1: {built:.2f} s ({count / built:.0f} pages/s); the same lines into the "
        f"same schema, no analysis: {limit:.2f} s ({count / limit:.0f} pages/s); "
        f"build / storage alone = {built / limit:.1f}"
    )
    print(
        f"store bytes per input byte: {built_size / text_bytes:.2f} "
        f"(storage alone {plain_size / text_bytes:.2f})"
    )
    if args.against is not None:
        against(args.against.resolve(), count, rounds, args.turns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
