"""The five seed pages against their answer key, and the evaluation gate of score.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import diplocorpus as dc

from .conftest import ROOT, SEEDS

# Floors of tools/score.py on seeds/: a drop fails CI. Lower one only on purpose.
FLOORS = {
    "line_accuracy": 1.0,
    "title": 1.0,
    "published": 1.0,
    "authors": 1.0,
    "view_count": 1.0,
    "captions_recall": 1.0,
    "body_f1": 1.0,
    "statements_recall": 1.0,
    "statements_precision": 1.0,
    "people_recall": 1.0,
    "events_recall": 1.0,
    "event_fields": 1.0,
}


def test_every_line_gets_the_gold_kind(seed: tuple[str, dict]) -> None:
    text, gold = seed
    article = dc.parse(text, source=gold["file"])
    got = {b.line: b.kind.value for b in article.blocks}
    want = {line: label.split(":")[-1] for line, label in gold["labels"]}
    assert got == want


def test_metadata_matches_gold(seed: tuple[str, dict]) -> None:
    text, gold = seed
    article = dc.parse(text)
    expected = gold["article"]
    assert article.title == expected["title"]
    published = article.published.isoformat() if article.published else None
    assert published == expected["published"]
    assert list(article.authors) == expected["authors"]
    assert article.view_count == expected["view_count"]
    assert list(article.paragraphs) == expected["body"]
    assert [(c.line, c.text, c.credit) for c in article.captions] == [
        (c["line"], c["text"], c["credit"]) for c in expected["captions"]
    ]


def test_statements_match_gold(seed: tuple[str, dict]) -> None:
    text, gold = seed
    article = dc.parse(text)
    got = {
        (s.line, dc.fold_key(s.speaker.name), dc.fold_key(s.cue))
        for s in dc.extract_statements(article)
    }
    required = {
        (s["line"], dc.fold_key(s["speaker"]), dc.fold_key(s["cue"])) for s in gold["statements"]
    }
    optional = {
        (s["line"], dc.fold_key(s["speaker"]), dc.fold_key(s["cue"]))
        for s in gold.get("optional_statements", [])
    }
    assert required <= got <= required | optional
    predicted = dc.extract_statements(article)
    for entry in gold["statements"]:
        same = [
            p
            for p in predicted
            if p.line == entry["line"]
            and dc.fold_key(p.cue) == dc.fold_key(entry["cue"])
            and p.text.lstrip('“"').startswith(entry["starts_with"])
        ]
        assert same, f"no statement on line {entry['line']} starts {entry['starts_with']!r}"
        assert same[0].speaker.role == entry["role"]
        assert same[0].direct == entry["direct"]


def test_events_match_gold(seed: tuple[str, dict]) -> None:
    text, gold = seed
    found = dc.extract_events(dc.parse(text))
    for want in gold["events"]:
        (event,) = [
            e
            for e in found
            if dc.fold_key(e.series or "") == dc.fold_key(want["series"])
            and e.ordinal == want["ordinal"]
        ]
        assert event.kind.value == want["kind"]
        assert (event.start.isoformat() if event.start else None) == want["start"]
        assert (event.end.isoformat() if event.end else None) == want["end"]
        assert event.location == want["location"]
        assert (event.mode.value if event.mode else None) == want["mode"]
        assert list(event.themes) == want["themes"]


def test_people_match_gold(seed: tuple[str, dict]) -> None:
    text, gold = seed
    got = {(p.name, p.role) for p in dc.extract_people(dc.parse(text))}
    assert {(p["name"], p["role"]) for p in gold["people"]} <= got


def test_noise_blocks_say_why_they_were_dropped(seed: tuple[str, dict]) -> None:
    article = dc.parse(seed[0])
    for block in article.blocks:
        assert block.reason.strip(), block


def _score() -> dict[str, object]:
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "score.py"),
            str(SEEDS / "gold"),
            str(SEEDS),
            "--json",
            "-q",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_score_gate() -> None:
    summary = _score()
    assert summary["crashed"] == 0
    assert summary["captions_extra"] == 0
    for key, floor in FLOORS.items():
        assert summary[key] >= floor, f"{key} fell to {summary[key]} (floor {floor})"


def test_vendored_score_tool_matches_shared_copy() -> None:
    shared = ROOT.parent / "shared" / "tools" / "score.py"
    if not shared.exists():
        pytest.skip("no ../shared beside this checkout")
    assert (ROOT / "tools" / "score.py").read_bytes() == shared.read_bytes()


def test_seed_copies_match_shared_copies() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("no ../shared beside this checkout")
    for path in sorted(shared.rglob("*")):
        if path.is_file():
            mine = SEEDS / path.relative_to(shared)
            assert mine.read_bytes() == path.read_bytes(), mine


def test_seeds_folder_is_complete() -> None:
    texts = sorted(p.stem for p in SEEDS.glob("*.txt"))
    golds = sorted(p.stem for p in (SEEDS / "gold").glob("*.json"))
    assert texts == golds
    assert len(texts) == 5
