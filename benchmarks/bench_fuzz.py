"""Fuzz every public entry point with hostile text, HTML and JSON Lines (issue 14).

    python benchmarks/bench_fuzz.py                       # 100,000 inputs, one process
    python benchmarks/bench_fuzz.py --inputs 100000 --jobs 2
    python benchmarks/bench_fuzz.py --inputs 2000 --start 50000   # inputs 50,000 to 51,999

Input ``n`` is made by ``tests/fuzzgen.py`` from ``random.Random(n)``: a run is repeatable,
and an input it reports is made again with ``fuzzgen.make_input(n)``. Each input goes through
the entry points that take its kind (``parse``, ``parse_file``, ``parse_html``,
``html_to_text``, the extractors, ``merge_events``, ``find_duplicates``, ``read_jsonl``,
``from_json`` and ``from_dict`` as each record kind, ``iter_documents`` with
``errors="skip"`` and ``"raise"``; the records made read back through ``to_json`` and
``from_json``), and one input in ``--store-every`` is also added to a store and queried
(``Store.add``, ``Store.search``, ``Store.statements(speaker=...)``). The report gives the
calls by entry point, the exceptions by class (documented: listed for that entry point in
docs/errors.md's table "What each entry point raises"; undocumented: any other, and a record
that does not read back), the slowest inputs and how many took over ``--limit`` seconds
(10). It exits 1 when an input raised an undocumented exception or took too long.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import pathlib
import sys
import tempfile
import time

import attrs

import diplocorpus as dc

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests import fuzzgen  # noqa: E402


@attrs.frozen
class Result:
    seed: int
    kind: str
    size: int
    seconds: float
    outcomes: tuple[fuzzgen.Outcome, ...]


def _shape(seed: int) -> str:
    kind, data = fuzzgen.make_input(seed)
    head = data[:60] if isinstance(data, str) else data[:60].decode("latin-1")
    return f"{kind} {type(data).__name__} {head!r}"


def run_range(task: tuple[int, int, int]) -> list[Result]:
    """Inputs ``start`` to ``stop``, one store for ``store_every`` of them."""
    start, stop, store_every = task
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp) / "in"
        work.mkdir()
        store = dc.Store(pathlib.Path(tmp) / "fuzz.db")
        for seed in range(start, stop):
            kind, data = fuzzgen.make_input(seed)
            began = time.perf_counter()
            with_store = store if store_every and seed % store_every == 0 else None
            outcomes = fuzzgen.run_input(kind, data, work, with_store)
            seconds = time.perf_counter() - began
            results.append(Result(seed, kind, len(data), seconds, tuple(outcomes)))
        store.close()
    return results


def _progress(results: list[Result], began: float, limit: float) -> None:
    """A line on standard error after each 500 inputs: done, undocumented, slowest."""
    bad = sum(not o.documented for r in results for o in r.outcomes)
    slowest = max(r.seconds for r in results)
    over = sum(r.seconds > limit for r in results)
    print(
        f"{len(results):,} inputs, {time.perf_counter() - began:.0f} s: {bad} undocumented, "
        f"slowest {slowest:.2f} s, {over} over {limit:g} s",
        file=sys.stderr,
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--store-every", type=int, default=10)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds an input may take")
    parser.add_argument("--slowest", type=int, default=10)
    args = parser.parse_args(argv)

    chunk = 500
    tasks = [
        (s, min(s + chunk, args.start + args.inputs), args.store_every)
        for s in range(args.start, args.start + args.inputs, chunk)
    ]
    began = time.perf_counter()
    results: list[Result] = []
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            for part in pool.imap_unordered(run_range, tasks):
                results.extend(part)
                _progress(results, began, args.limit)
    else:
        for task in tasks:
            results.extend(run_range(task))
            _progress(results, began, args.limit)
    wall = time.perf_counter() - began

    calls: collections.Counter[str] = collections.Counter()
    documented: collections.Counter[str] = collections.Counter()
    undocumented: collections.Counter[str] = collections.Counter()
    examples: dict[str, int] = {}
    kinds = collections.Counter(r.kind for r in results)
    for result in results:
        for outcome in result.outcomes:
            calls[outcome.entry] += 1
            if outcome.error is None:
                continue
            key = f"{outcome.entry}: {outcome.error}"
            (documented if outcome.documented else undocumented)[key] += 1
            if not outcome.documented:
                examples.setdefault(key, result.seed)
    over = [r for r in results if r.seconds > args.limit]

    print(
        f"diplocorpus {dc.__version__}: {len(results):,} inputs in {wall:.0f} s "
        f"({args.jobs} job(s)): " + ", ".join(f"{k} {n:,}" for k, n in sorted(kinds.items()))
    )
    print("\ncalls by entry point:")
    for entry, n in sorted(calls.items()):
        print(f"  {entry:36} {n:>8,}")
    print("\ndocumented exceptions (listed for the entry point in docs/errors.md):")
    for key, n in sorted(documented.items()):
        print(f"  {key:60} {n:>8,}")
    print(f"\nundocumented exceptions: {sum(undocumented.values())}")
    for key, n in sorted(undocumented.items()):
        print(f"  {key:60} {n:>8,}  (first: input {examples[key]})")
    print(f"\nslowest {args.slowest} inputs (seconds, size in characters or bytes, input, shape):")
    for r in sorted(results, key=lambda r: r.seconds, reverse=True)[: args.slowest]:
        print(f"  {r.seconds:7.2f} {r.size:>9,}  #{r.seed:<7} {_shape(r.seed)[:90]}")
    print(f"\ninputs over {args.limit:g} s: {len(over)}")
    return 1 if undocumented or over else 0


if __name__ == "__main__":
    sys.exit(main())
