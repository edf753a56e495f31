"""Fuzz every public entry point: only documented exceptions escape (issue 14).

The inputs come from tests/fuzzgen.py (shared with benchmarks/bench_fuzz.py, which runs
100,000 of them) and from hypothesis strategies of raw code points, bytes and JSON values.
"Documented" means listed for that entry point, as an error it raises for bad input, in
docs/errors.md's table "What each entry point raises" (tests/test_errors_doc.py checks that
the table has a row for every public entry point); a ``TypeError`` only for an argument of
the wrong type, which is a ``NotTextError`` for the text entry points. The whole file runs
in about a minute.
"""

from __future__ import annotations

import json
import pathlib
import random
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplocorpus as dc
from tests import fuzzgen
from tests.conftest import load_script

FUZZ = settings(max_examples=60, deadline=None, database=None)


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[pathlib.Path, dc.Store]]:
    root = tmp_path_factory.mktemp("fuzz")
    work = root / "in"
    work.mkdir()
    with dc.Store(root / "fuzz.db") as store:
        yield work, store


def check(kind: fuzzgen.Kind, data: str | bytes, place: tuple[pathlib.Path, dc.Store]) -> None:
    work, store = place
    outcomes = fuzzgen.run_input(kind, data, work, store)
    undocumented = [(o.entry, o.error) for o in outcomes if not o.documented]
    assert undocumented == [], repr(data[:300])
    # The input went through the entry points of its kind, the folder walks and the store.
    entries = {o.entry for o in outcomes}
    assert {"iter_documents[skip]", "iter_documents[raise]", "Store.add"} <= entries


seeds = st.integers(min_value=0, max_value=2**32)


@FUZZ
@given(seed=seeds)
def test_generated_text(place: tuple[pathlib.Path, dc.Store], seed: int) -> None:
    check("text", fuzzgen.text_input(random.Random(seed)), place)


@FUZZ
@given(seed=seeds)
def test_generated_html(place: tuple[pathlib.Path, dc.Store], seed: int) -> None:
    check("html", fuzzgen.html_input(random.Random(seed)), place)


@settings(max_examples=200, deadline=None, database=None)
@given(seed=seeds)
def test_generated_json_lines(place: tuple[pathlib.Path, dc.Store], seed: int) -> None:
    check("jsonl", fuzzgen.jsonl_input(random.Random(seed)), place)


# Raw code points, surrogates and line separators included, which hypothesis can shrink.
chars = st.one_of(st.characters(), st.sampled_from(fuzzgen._ODD), st.sampled_from("<>/=\"' \n"))
raw_text = st.lists(chars, max_size=300).map("".join)


@settings(max_examples=150, deadline=None, database=None)
@given(text=raw_text)
def test_raw_text(place: tuple[pathlib.Path, dc.Store], text: str) -> None:
    check("text", text, place)


@settings(max_examples=150, deadline=None, database=None)
@given(html=st.one_of(raw_text.map(lambda t: f"<html><body><p>{t}</p></body></html>"), st.binary()))
def test_raw_html(place: tuple[pathlib.Path, dc.Store], html: str | bytes) -> None:
    check("html", html, place)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | raw_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(raw_text, inner, max_size=3),
    max_leaves=8,
)
fields = st.sampled_from(["text", "url", "source", "published", "fetched_at", "title"]) | raw_text
records = st.dictionaries(fields, json_values | raw_text, max_size=6)


@settings(max_examples=100, deadline=None, database=None)
@given(lines=st.lists(records.map(json.dumps), min_size=1, max_size=4))
def test_raw_json_lines(place: tuple[pathlib.Path, dc.Store], lines: list[str]) -> None:
    check("jsonl", "\n".join(lines), place)


@pytest.mark.parametrize("value", [None, 5, 1.5, ["<p>Tin</p>"], object()])
def test_wrong_argument_types_are_not_text_errors(value: object) -> None:
    for entry in (dc.parse, dc.parse_html, dc.html_to_text):
        with pytest.raises(dc.NotTextError):
            entry(value)  # type: ignore[arg-type]


def test_an_undocumented_exception_is_reported(tmp_path: pathlib.Path) -> None:
    """The harness itself: an exception that docs/errors.md does not list for the entry
    point is caught and flagged, a DiplocorpusError of another entry point's included."""

    def store_error() -> None:
        raise dc.StoreError("x")

    out: list[fuzzgen.Outcome] = []
    fuzzgen._call("parse", lambda: int("x"), out)
    fuzzgen._call("parse", lambda: dc.parse("Tin"), out)
    fuzzgen._call("parse", lambda: dc.parse("a\x00b"), out)
    fuzzgen._call("parse", store_error, out)
    fuzzgen._call("Store.search", store_error, out)
    fuzzgen._call("no_such_entry", lambda: dc.parse("a\x00b"), out)
    fuzzgen._call("parse_html/extract_people", lambda: dc.parse("a\x00b"), out)
    assert [(o.entry, o.error, o.documented) for o in out] == [
        ("parse", "ValueError", False),
        ("parse", None, True),
        ("parse", "BinaryContentError", True),
        ("parse", "StoreError", False),
        ("Store.search", "StoreError", True),
        ("no_such_entry", "BinaryContentError", False),
        ("parse_html/extract_people", "BinaryContentError", False),
    ]


def test_a_record_that_does_not_read_back_is_reported() -> None:
    out: list[fuzzgen.Outcome] = []
    fuzzgen._round_trip(dc.parse("Tin\n\nHà Nội"), out)
    fuzzgen._round_trip(dc.Document(text="Tin", source="a", metadata={"x": float("nan")}), out)
    fuzzgen._round_trip(dc.Caption(text="x", line=1, credit=object()), out)  # type: ignore[arg-type]
    assert [(o.entry, o.error, o.documented) for o in out] == [
        ("to_json/from_json[Article]", None, True),
        ("to_json/from_json[Document]", None, True),
        ("to_json/from_json[Caption]", "TypeError", False),
    ]


def test_the_benchmark_reports_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/bench_fuzz.py on a few inputs: the same generators, the figures reported."""
    module = load_script("benchmarks/bench_fuzz.py")
    assert module.main(["--inputs", "6", "--store-every", "3"]) == 0
    report = capsys.readouterr().out
    assert "6 inputs in" in report
    assert "html 2, jsonl 2, text 2" in report
    assert "undocumented exceptions: 0" in report
    assert "inputs over 10 s: 0" in report
    assert "  Store.add                                   2\n" in report
