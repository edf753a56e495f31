"""The development set of real pages (../shared/devset) against its answer key.

tools/score.py runs on the 30 text dumps (parse) and on the 15 saved HTML pages
(parse_html); the floors below are what the library reaches, and they only go up. The pages
are third-party text kept outside the repository: these tests read them where they are and
are skipped, with the reason, when the folder is not there.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
from collections import Counter

import pytest

import diplocorpus as dc

from .conftest import ROOT

DEVSET = ROOT.parent / "shared" / "devset"
GOLD = DEVSET / "gold"
RAW = DEVSET / "raw"

pytestmark = pytest.mark.skipif(
    not GOLD.is_dir() or not RAW.is_dir(),
    reason=f"the development set is not beside this checkout ({DEVSET} is missing)",
)

# Floors of tools/score.py on the dev set: a drop fails CI. Raise them as the library
# improves; lower one only on purpose, saying why.
TEXT_FLOORS = {
    "body_f1": 0.993,
    "body_precision": 0.988,
    "body_recall": 0.998,
    "line_accuracy": 0.997,
    "title": 1.0,
    "published": 1.0,
    "authors": 1.0,
    "view_count": 1.0,
    "captions_recall": 0.91,
    # Issue 10's floors are statements recall .85 at precision .95 and people recall .90;
    # the dev set is above them, and these pin where it is. The one statement not in the
    # key is read from p65's short caption between paragraphs, taken for body (the caption
    # repeats line 17's sentence, whose statement the key lists as optional).
    "statements_recall": 1.0,
    "statements_precision": 0.975,
    "people_recall": 1.0,
    # issue 10's events half: every keyed event of p51-p65, every scored field
    "events_recall": 1.0,
    "event_fields": 1.0,
}
HTML_FLOORS = {
    "body_f1": 0.997,
    "body_precision": 0.997,
    "body_recall": 0.998,
    "title": 1.0,
    "published": 1.0,
    "authors": 1.0,
    "view_count": 1.0,
    "captions_recall": 0.96,
}
# Captions the pages give that the key does not have: none.
EXTRA_CAPTIONS = 0


def _score(*extra: str) -> dict[str, float]:
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "score.py"),
            str(GOLD),
            str(RAW),
            "--json",
            "-q",
            *extra,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    return summary


@pytest.mark.parametrize(
    ("mode", "extra", "floors"),
    [("text", (), TEXT_FLOORS), ("html", ("--html",), HTML_FLOORS)],
)
def test_score_gate(mode: str, extra: tuple[str, ...], floors: dict[str, float]) -> None:
    summary = _score(*extra)
    assert summary["crashed"] == 0
    assert summary["captions_extra"] <= EXTRA_CAPTIONS
    low = {key: summary[key] for key, floor in floors.items() if summary[key] < floor}
    assert not low, f"{mode}: below the floors {floors}: {low}"


def _keys() -> list[pathlib.Path]:
    return sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


@pytest.mark.parametrize("key", _keys(), ids=[p.stem for p in _keys()])
def test_no_article_text_is_lost(key: pathlib.Path) -> None:
    """Every page keeps what its key calls the body: the chrome rules must not eat it."""
    gold = json.loads(key.read_text(encoding="utf-8"))
    body = gold["article"]["body"]
    article = dc.parse((RAW / f"{key.stem}.txt").read_text(encoding="utf-8"), source=key.name)
    kept = " ".join(article.paragraphs).split()
    want = " ".join(body).split()
    if not want:
        assert not article.is_article or not kept
        return
    missing = sum((_counts(want) - _counts(kept)).values())
    assert missing <= 0.02 * len(want), f"{missing} of {len(want)} body words lost"


@pytest.mark.parametrize("key", _keys(), ids=[p.stem for p in _keys()])
def test_front_pages_are_not_articles(key: pathlib.Path) -> None:
    gold = json.loads(key.read_text(encoding="utf-8"))
    article = dc.parse((RAW / f"{key.stem}.txt").read_text(encoding="utf-8"))
    assert article.is_article is gold.get("is_article", True), article.not_article_reason
    if not article.is_article:
        assert article.title is None
        assert article.paragraphs == ()
        assert article.captions == ()
        assert article.not_article_reason


def _counts(words: list[str]) -> Counter[str]:
    return Counter(dc.fold_key(word.strip(".,:;!?\"'“”()")) for word in words)
