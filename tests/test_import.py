"""``import diplocorpus`` loads none of the heavy optional libraries: each is imported by the
function that needs it, so a user who only calls ``parse`` never pays for scipy.

The figure itself (the time against its peer) is in ``benchmarks/bench_import.py``; these
tests check which modules are loaded, which does not depend on the machine.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import diplocorpus as dc

HEAVY = (
    "datasketch",
    "scipy",
    "numpy",
    "lxml",
    "pyarrow",
    "pandas",
    "polars",
    "dask",
    "distributed",
)
PAGE = (
    "Hội nghị Ngoại giao lần thứ 32 khai mạc\n19/12/2023\nSáng 19/12, hội nghị khai mạc tại Hà Nội."
)


def run_python(code: str) -> str:
    """Run ``code`` in a new interpreter that imports this diplocorpus; its stdout."""
    tree = str(pathlib.Path(dc.__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (tree, os.environ.get("PYTHONPATH")) if p)
    env = dict(os.environ, PYTHONPATH=path)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_loads_no_heavy_library() -> None:
    code = (
        "import json, sys\n"
        "import diplocorpus\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    assert json.loads(run_python(code)) == []


def test_parse_loads_no_heavy_library() -> None:
    code = (
        "import json, sys\n"
        "import diplocorpus\n"
        f"article = diplocorpus.parse({PAGE!r})\n"
        "diplocorpus.extract_events(article)\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    assert json.loads(run_python(code)) == []


def test_without_the_heavy_libraries_only_their_features_fail() -> None:
    """With none of them installed, the package imports and parses; each feature that needs
    one fails when called, with the error it always gave (an ImportError, and
    MissingDependencyError naming the extra for the optional ones)."""
    code = (
        "import sys\n"
        f"for name in {HEAVY!r}:\n"
        "    sys.modules[name] = None  # import of it fails, as when it is not installed\n"
        "import diplocorpus as dc\n"
        f"assert dc.parse({PAGE!r}).title == {PAGE.splitlines()[0]!r}\n"
        "def error(call):\n"
        "    try:\n"
        "        call()\n"
        "    except ImportError as exc:\n"
        "        return type(exc).__name__\n"
        "    return None\n"
        "print(error(lambda: dc.find_duplicates([('a', 'một hai ba bốn năm sáu')])))\n"
        "print(error(lambda: dc.parse_html('<p>x</p>')))\n"
        "print(error(lambda: dc.dask_bag(['seeds'])))\n"
        "print(error(lambda: dc.to_dataframe([], table='people')))\n"
        "print(error(lambda: dc.to_dataframe([], table='people', library='polars')))\n"
    )
    assert run_python(code).split() == [
        "ModuleNotFoundError",
        "MissingDependencyError",
        "MissingDependencyError",
        "MissingDependencyError",
        "MissingDependencyError",
    ]
