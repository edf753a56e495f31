"""Time of ``import diplocorpus`` in a fresh interpreter, against its peer in the same run.

    python benchmarks/bench_import.py              # 15 rounds
    python benchmarks/bench_import.py --rounds 5

The peer is ``import json, attrs, cattrs, dateutil``: the floor that any library built on
attrs and cattrs pays. Each round starts one new interpreter for each of the two (in turn, so
that both see the same machine), times the import statement inside it, and keeps the best
round of each. Bytecode is cached for both (a warm-up run writes it under a temporary
``PYTHONPYCACHEPREFIX``), as it is for an installed package: the figure is the import, not
the compiler. The run also says which of the heavy optional libraries the import loaded
(none should be).

The child interpreters import the diplocorpus this interpreter would import: run it with
``PYTHONPATH=src`` to time a source tree.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile

PEER = "json, attrs, cattrs, dateutil"
HEAVY = ("datasketch", "scipy", "numpy", "lxml", "pyarrow", "dask", "charset_normalizer")

_CHILD = """\
import sys, time
start = time.perf_counter()
import {names}
seconds = time.perf_counter() - start
import json
heavy = [m for m in {heavy!r} if m in sys.modules]
print(json.dumps({{"seconds": seconds, "modules": len(sys.modules), "heavy": heavy}}))
"""


def run_once(names: str, env: dict[str, str]) -> tuple[float, int, list[str]]:
    """Import ``names`` in a new interpreter: the seconds the import took, the number of
    modules loaded after it, and the heavy libraries among them."""
    code = _CHILD.format(names=names, heavy=HEAVY)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    found = json.loads(out.stdout)
    return float(found["seconds"]), int(found["modules"]), list(found["heavy"])


def library() -> str:
    """Which diplocorpus the children import, and its version."""
    code = "import diplocorpus; print(diplocorpus.__version__, diplocorpus.__file__)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()

    print(
        f"diplocorpus {library()}\nPython {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, {platform.processor() or 'cpu'}"
    )
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, PYTHONPYCACHEPREFIX=cache)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subjects = {"import diplocorpus": "diplocorpus", f"import {PEER}": PEER}
        for names in subjects.values():
            run_once(names, env)  # warm-up: writes the bytecode of everything imported
        times: dict[str, list[float]] = {label: [] for label in subjects}
        loaded: dict[str, tuple[int, list[str]]] = {}
        for _ in range(args.rounds):
            for label, names in subjects.items():
                seconds, modules, heavy = run_once(names, env)
                times[label].append(seconds)
                loaded[label] = (modules, heavy)

    print(f"\nbest and median of {args.rounds} fresh interpreters each\n")
    print(f"{'import':<40}{'best s':>9}{'median s':>10}{'modules':>9}  heavy libraries loaded")
    for label, values in times.items():
        modules, heavy = loaded[label]
        print(
            f"{label:<40}{min(values):>9.3f}{statistics.median(values):>10.3f}"
            f"{modules:>9}  {', '.join(heavy) or 'none'}"
        )
    ours, peer = (min(values) for values in times.values())
    print(f"\nimport diplocorpus / its peer (best): {ours / peer:.2f}x ({ours - peer:.3f} s more)")


if __name__ == "__main__":
    main()
