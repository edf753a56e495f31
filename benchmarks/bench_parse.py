"""Speed of diplocorpus.parse (documents/s and MB/s on the seeds and on large generated input),
and of extract_people, extract_statements and extract_events beside it.

    python benchmarks/bench_parse.py            # full run (about a minute)
    python benchmarks/bench_parse.py --quick    # fewer repeats, smaller sizes

Run time must grow linearly with input size: the "scaling" rows give the time per MB at
1x, 10x and 100x the same page; the ratio of the last to the first should stay near 1.
"""

from __future__ import annotations

import argparse
import pathlib
import platform
import statistics
import sys
import time
from collections.abc import Callable

import diplocorpus as dc

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def best_of(repeats: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def seed_lines() -> list[str]:
    return [line for p in SEEDS for line in p.read_text(encoding="utf-8").split("\n")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeats = 3 if args.quick else 5
    rounds = 20 if args.quick else 100

    print(
        f"diplocorpus {dc.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {platform.processor() or 'cpu'}"
    )
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    size = sum(megabytes(t) for t in texts)

    def seeds_once() -> None:
        for _ in range(rounds):
            for text in texts:
                dc.parse(text)

    elapsed = best_of(repeats, seeds_once)
    docs = rounds * len(texts)
    print(f"{'input':<34}{'MB':>9}{'seconds':>10}{'docs/s':>10}{'MB/s':>8}")
    print(
        f"{'seeds (5 pages) x ' + str(rounds):<34}{size * rounds:>9.3f}{elapsed:>10.3f}"
        f"{docs / elapsed:>10.0f}{size * rounds / elapsed:>8.2f}"
    )

    articles = [dc.parse(text) for text in texts]
    extractors: tuple[tuple[str, Callable[[dc.Article], object]], ...] = (
        ("extract_people", dc.extract_people),
        ("extract_statements", dc.extract_statements),
        ("extract_events", dc.extract_events),
    )
    for name, extract in extractors:

        def run_extract(extract: Callable[[dc.Article], object] = extract) -> None:
            for _ in range(rounds):
                for article in articles:
                    extract(article)

        seconds = best_of(repeats, run_extract)
        print(
            f"{name + ' on the seeds':<34}{size * rounds:>9.3f}{seconds:>10.3f}"
            f"{docs / seconds:>10.0f}{size * rounds / seconds:>8.2f}"
        )

    lines = seed_lines()
    sentence = "Hội nghị thảo luận các vấn đề hợp tác song phương và đa phương. "
    one_line_mb = 2 if args.quick else 10
    big_line = sentence * int(one_line_mb * 1e6 / len(sentence.encode()))
    many = 20_000 if args.quick else 100_000
    many_lines = "\n".join(lines[i % len(lines)] for i in range(many))
    for label, text in (
        (f"one line of {one_line_mb} MB", big_line),
        (f"{many:,} lines of seed text", many_lines),
    ):
        seconds = best_of(1, lambda t=text: dc.parse(t))
        print(
            f"{label:<34}{megabytes(text):>9.3f}{seconds:>10.3f}{1 / seconds:>10.2f}"
            f"{megabytes(text) / seconds:>8.2f}"
        )

    page = "\n".join(lines[:300])
    per_mb = []
    for factor in (1, 10, 100):
        text = "\n".join([page] * factor)
        seconds = best_of(repeats if factor < 100 else 1, lambda t=text: dc.parse(t))
        per_mb.append(seconds / megabytes(text))
        print(
            f"{'scaling ' + str(factor) + 'x one page':<34}{megabytes(text):>9.3f}{seconds:>10.3f}"
            f"{1 / seconds:>10.1f}{megabytes(text) / seconds:>8.2f}"
        )
    print(
        f"time per MB, 100x vs 1x: {per_mb[-1] / per_mb[0]:.2f} "
        f"(1.0 = linear; median per MB {statistics.median(per_mb):.3f} s)"
    )


if __name__ == "__main__":
    sys.exit(main())
