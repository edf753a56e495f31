from __future__ import annotations

import json
import pathlib

import pytest
from hypothesis import settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
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
