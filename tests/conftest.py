from __future__ import annotations

import importlib.util
import json
import pathlib
import sys
import types

import pytest
from hypothesis import settings

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load_script(relative: str) -> types.ModuleType:
    """A script of the checkout that is not a package module (``tools/make_api_docs.py``,
    ``benchmarks/bench_report.py``, ``docs/conftest.py``), imported under its file's name."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses and pickles look their module up
    spec.loader.exec_module(module)
    return module


SEEDS = ROOT / "seeds"
PAGES = pathlib.Path(__file__).resolve().parent / "pages"


def seed_names() -> list[str]:
    return sorted(p.stem for p in (SEEDS / "gold").glob("*.json"))


@pytest.fixture(params=seed_names())
def seed(request: pytest.FixtureRequest) -> tuple[str, dict]:
    """(seed text, gold answer) for each seed page."""
    name = request.param
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((SEEDS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return text, gold


# Timing varies on shared CI machines: hypothesis checks behaviour here, benchmarks check speed.
settings.register_profile("diplocorpus", deadline=None)
settings.load_profile("diplocorpus")
