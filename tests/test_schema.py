"""The records' JSON Schemas: made from the classes, shipped in the package, and fitting what
``to_dict`` writes (from the seeds and from generated records) and nothing else."""

from __future__ import annotations

import copy
import datetime as dt
import doctest
import enum
import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplocorpus as dc
from diplocorpus import _schema

from .conftest import ROOT, SEEDS
from .strategies import articles, events, people, statements
from .test_site import PROFILE

RECORDS = _schema.public_records(dc.__all__, vars(dc))
FOLDER = ROOT / "src" / "diplocorpus" / "schemas"
COMMAND = "python tools/make_schemas.py"


def shipped(kind: type) -> dict[str, Any]:
    """The schema file of ``kind`` as the installed package holds it."""
    name = f"{_schema.schema_name(kind)}.schema.json"
    text = (
        resources.files("diplocorpus")
        .joinpath("schemas")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


def validator(kind: type) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        shipped(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def as_json(record: object) -> Any:
    """What a reader of ``to_json`` gets: tuples are arrays there, as JSON has no tuple."""
    return json.loads(dc.to_json(record))


def check(record: object) -> None:
    validator(type(record)).validate(as_json(record))


# --- the files in the package -------------------------------------------------------------


def test_every_public_record_has_a_schema() -> None:
    names = {kind.__name__ for kind in RECORDS}
    assert {"Article", "Statement", "Event", "MergedEvent", "SiteProfile", "SearchHit"} <= names
    assert "Lexicon" not in names  # phrase lists, no record
    unlisted = {
        n for n in dc.__all__ if attrs.has(getattr(dc, n)) and n not in names
    } - _schema.NOT_RECORDS
    assert unlisted == set()


@pytest.mark.parametrize("kind", RECORDS, ids=lambda k: k.__name__)
def test_shipped_schema_is_the_generated_one(kind: type) -> None:
    path = FOLDER / f"{_schema.schema_name(kind)}.schema.json"
    assert path.exists(), f"{path.name} is missing: run `{COMMAND}`"
    assert path.read_text(encoding="utf-8") == _schema.schema_text(kind), (
        f"{path.name} differs from diplocorpus.json_schema({kind.__name__}): run `{COMMAND}`"
    )


def test_no_stale_schema_files() -> None:
    expected = {f"{_schema.schema_name(kind)}.schema.json" for kind in RECORDS}
    found = {p.name for p in FOLDER.iterdir()}
    assert found == expected, f"not made from a record: {sorted(found - expected)}; run `{COMMAND}`"


def test_write_schemas_writes_and_prunes(tmp_path: Path) -> None:
    (tmp_path / "gone.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "README").write_text("kept", encoding="utf-8")
    written = _schema.write_schemas(tmp_path / "out", [dc.Caption])
    assert [p.name for p in written] == ["caption.schema.json"]
    assert json.loads(written[0].read_text(encoding="utf-8")) == dc.json_schema(dc.Caption)
    _schema.write_schemas(tmp_path, [dc.Block])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README", "block.schema.json", "out"]


@pytest.mark.parametrize("kind", RECORDS, ids=lambda k: k.__name__)
def test_schemas_are_valid_draft_2020_12(kind: type) -> None:
    schema = shipped(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == kind.__name__


@pytest.mark.parametrize("kind", [k for k in RECORDS if k is not dc.PartialDate], ids=str)
def test_schema_names_every_field_and_only_fields_without_default_are_required(
    kind: type,
) -> None:
    schema = dc.json_schema(kind)
    fields = [f for f in attrs.fields(kind) if f.init]
    assert list(schema["properties"]) == [f.name for f in fields]  # type: ignore[call-overload]
    assert schema["required"] == [f.name for f in fields if f.default is attrs.NOTHING]
    assert schema["additionalProperties"] is False


# --- what the seeds give fits ---------------------------------------------------------------


SEED_KINDS = [
    dc.Document, dc.Analysis, dc.Article, dc.Block, dc.Caption, dc.Statement, dc.Quote,
    dc.Person, dc.Event, dc.EventMention, dc.EventClaim, dc.Individual, dc.MergedEvent,
    dc.MergedField, dc.SourcedValue, dc.DuplicateCluster,
]  # fmt: skip


@functools.cache
def seed_records() -> tuple[object, ...]:
    """Every record the seeds give: documents, their analyses, articles and their parts,
    statements, people, events, individuals, the events merged, a duplicate cluster."""
    documents = list(dc.iter_documents(sorted(SEEDS.glob("*.txt"))))
    assert len(documents) == 5
    found: list[object] = []
    events_by_source = {}
    for document in documents:
        analysis = dc.analyse(document)
        article = dc.parse_file(document.source)
        found += [document, analysis, article, *article.blocks, *article.captions]
        found += [*analysis.statements, *analysis.people, *analysis.events]
        found += [q for s in analysis.statements for q in s.quotes]
        found += [p for e in analysis.events for p in (*e.mentions, *e.claims)]
        found += list(dc.distinct_people(article))
        events_by_source[document.source] = analysis.events
    merged = dc.merge_events(events_by_source)
    assert any(m.themes.conflict for m in merged)  # seeds 002 and 003 disagree
    found += merged
    for event in merged:
        for part in (event.start, event.end, event.location, event.mode, event.themes):
            found += [part, *part.claims]
    body = dc.parse(documents[0].text).text
    found += dc.find_duplicates([("a", body), ("b", body)])
    return tuple(found)


@pytest.mark.parametrize("kind", SEED_KINDS, ids=lambda k: k.__name__)
def test_seed_records_fit_their_schema(kind: type) -> None:
    records = [r for r in seed_records() if type(r) is kind]
    assert records, f"the seeds give no {kind.__name__}"
    check_all = validator(kind)
    for record in records:
        check_all.validate(as_json(record))


def test_store_records_fit_their_schema(tmp_path: Path) -> None:
    skipped: list[dc.SkippedInput] = []
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8 not text")
    documents = list(
        dc.iter_documents([*sorted(SEEDS.glob("*.txt")), tmp_path / "gone.txt"],
                          errors="skip", skipped=skipped)
    )  # fmt: skip
    assert skipped
    with dc.Store(tmp_path / "store.db") as store:
        report = store.add(documents)
        hits = store.search("hội nghị")
        merged = store.events()
    assert hits
    assert any(h.matches for h in hits)
    for record in (report, *skipped, *hits, *merged):
        check(record)


def test_site_profiles_fit_their_schema() -> None:
    assert PROFILE.lines
    check(PROFILE)
    for line in PROFILE.lines:
        check(line)
    check(dc.SiteProfile())


def test_partial_dates_fit_their_schema() -> None:
    for value in (dc.PartialDate(month=12, day=19), dc.PartialDate(year=2011, month=12)):
        check(value)
    with pytest.raises(jsonschema.ValidationError):
        validator(dc.PartialDate).validate("19/12")


# --- generated records fit, and what to_dict does not write does not ---------------------


@given(articles)
def test_generated_articles_fit(article: dc.Article) -> None:
    check(article)


@given(statements)
def test_generated_statements_fit(statement: dc.Statement) -> None:
    check(statement)


@given(events)
def test_generated_events_fit(event: dc.Event) -> None:
    check(event)


@given(people)
def test_generated_people_fit(person: dc.Person) -> None:
    check(person)


def rejected(kind: type, data: object) -> bool:
    return not validator(kind).is_valid(data)


@given(st.one_of(articles, statements, events, people), st.text(min_size=1))
def test_an_unknown_key_is_rejected(record: object, key: str) -> None:
    data = as_json(record)
    if key in data:
        key += "_"
    data[key] = None
    assert rejected(type(record), data)


@given(statements, st.text())
def test_a_value_outside_an_enum_is_rejected(statement: dc.Statement, value: str) -> None:
    data = as_json(statement)
    data["mode"] = value
    assert rejected(dc.Statement, data) == (value not in {m.value for m in dc.StatementMode})
    good = as_json(statement)
    good["speaker"]["kind"] = value.upper() + "!"
    assert rejected(dc.Statement, good)


@given(events, st.sampled_from(["ordinal", "main", "themes", "kind", "claims"]))
def test_a_value_of_the_wrong_type_is_rejected(event: dc.Event, name: str) -> None:
    data = as_json(event)
    data[name] = {"ordinal": "32", "main": "yes", "themes": "one", "kind": 1, "claims": {}}[name]
    assert rejected(dc.Event, data)


def test_hand_made_bad_records_are_rejected() -> None:
    article = as_json(dc.parse_file(SEEDS / "000_792b6e1b99918ddc.txt"))
    assert not rejected(dc.Article, article)
    bad_cases = [
        ("published", "19/12/2023"),
        ("published", "2023-12-19T15:18:00"),  # a time without its offset
        ("published", 20231219),
        ("view_count", "1200"),
        ("authors", "Minh Anh"),
        ("is_article", 1),
    ]
    for name, value in bad_cases:
        data = copy.deepcopy(article)
        data[name] = value
        assert rejected(dc.Article, data), (name, value)
    data = copy.deepcopy(article)
    data["blocks"][0]["kind"] = "headline"
    assert rejected(dc.Article, data)
    data = copy.deepcopy(article)
    del data["blocks"][0]["kind"]
    assert rejected(dc.Article, data)
    data = copy.deepcopy(article)
    data["captions"][0]["photographer"] = "TTXVN"
    assert rejected(dc.Article, data)
    assert rejected(dc.SearchHit, {"source": "a", "line": 1, "text": "t", "matches": [[1, 2, 3]]})


def test_what_the_schema_leaves_out_from_dict_reads_as_the_default() -> None:
    minimal = {"text": "Quang cảnh hội nghị.", "line": 5}
    assert not rejected(dc.Caption, minimal)
    assert dc.from_dict(minimal, dc.Caption) == dc.Caption(text="Quang cảnh hội nghị.", line=5)
    for kind, record in [
        (dc.Article, dc.Article()),
        (dc.MergedField, dc.MergedField()),
        (dc.SiteProfile, dc.SiteProfile()),
    ]:
        defaults = {k: v["default"] for k, v in dc.json_schema(kind)["properties"].items()}  # type: ignore[attr-defined]
        assert defaults == as_json(record)


# --- the generator on classes of its own ---------------------------------------------------


class Colour(enum.Enum):
    """A colour."""

    RED = "red"


@attrs.frozen(kw_only=True)
class Node:
    """A node of a made-up tree.

    ``label`` names it; ``tags`` are free. ``children`` are nodes too.
    """

    label: str
    shape: Literal["round", "square"] = "round"
    colour: Colour | None = None
    tags: frozenset[str] = frozenset()
    weights: dict[str, float] = attrs.field(factory=dict)
    span: tuple[int, str] = (0, "")
    when: dt.date | None = None
    children: tuple[Node, ...] = ()


def test_the_generator_walks_any_attrs_class() -> None:
    schema = dc.json_schema(Node)
    jsonschema.Draft202012Validator.check_schema(schema)
    props: Any = schema["properties"]
    assert props["label"] == {"description": "`label` names it.", "type": "string"}
    assert props["tags"]["description"] == "`tags` are free."
    assert props["children"]["description"] == "`children` are nodes too."
    assert "description" not in props["weights"]
    assert props["shape"] == {"type": "string", "enum": ["round", "square"], "default": "round"}
    assert props["tags"]["uniqueItems"] is True
    assert props["weights"]["additionalProperties"] == {"type": "number"}
    assert props["span"]["prefixItems"] == [{"type": "integer"}, {"type": "string"}]
    assert props["children"]["items"] == {"$ref": "#"}  # a record inside itself
    assert schema["$defs"] == {
        "Colour": {"title": "Colour", "description": "A colour.", "type": "string", "enum": ["red"]}
    }
    tree = Node(
        label="a",
        colour=Colour.RED,
        tags=frozenset({"x"}),
        children=(Node(label="b", span=(1, "z"), when=dt.date(2024, 1, 2)),),
    )
    check_tree = jsonschema.Draft202012Validator(schema)
    check_tree.validate(as_json(tree))
    data = as_json(tree)
    data["children"][0]["shape"] = "oval"
    assert not check_tree.is_valid(data)


def test_what_has_no_json_form_is_a_type_error() -> None:
    @attrs.frozen
    class Raw:
        data: bytes

    with pytest.raises(TypeError, match="no JSON Schema for the type <class 'bytes'>"):
        dc.json_schema(Raw)
    with pytest.raises(TypeError, match="not a diplocorpus record"):
        dc.json_schema(dict)
    with pytest.raises(TypeError, match="not a diplocorpus record"):
        dc.json_schema(dc.Article())  # type: ignore[arg-type]


def test_the_docstring_examples_hold() -> None:
    runner = doctest.DocTestRunner()
    for example in doctest.DocTestFinder().find(dc.json_schema, "json_schema", globs={}):
        runner.run(example)
    assert runner.tries > 0
    assert runner.failures == 0
