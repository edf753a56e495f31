"""The package converter: JSON-ready data and back, and the article's JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

import diplocorpus as dc

from .conftest import SEEDS
from .strategies import articles, blocks, captions, events, people, published, statements

SCHEMA: dict[str, Any] = dc.json_schema(dc.Article)  # see test_schema.py for every record
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@given(articles)
def test_article_round_trip(article: dc.Article) -> None:
    assert dc.from_dict(dc.to_dict(article), dc.Article) == article
    assert dc.from_json(dc.to_json(article), dc.Article) == article


@given(articles)
def test_generated_articles_fit_the_schema(article: dc.Article) -> None:
    VALIDATOR.validate(dc.to_dict(article))


@given(statements)
def test_statement_round_trip(statement: dc.Statement) -> None:
    data = dc.to_dict(statement)
    assert data["mode"] == statement.mode.value
    assert data["speaker"]["kind"] == statement.speaker.kind.value
    assert dc.from_json(dc.to_json(statement), dc.Statement) == statement


@given(events)
def test_event_round_trip(event: dc.Event) -> None:
    assert dc.from_json(dc.to_json(event), dc.Event) == event


def test_seed_events_and_merged_events_round_trip() -> None:
    found = {p.name: dc.extract_events(dc.parse_file(p)) for p in sorted(SEEDS.glob("*.txt"))}
    for events_of_one in found.values():
        for event in events_of_one:
            assert dc.from_json(dc.to_json(event), dc.Event) == event
    for merged in dc.merge_events(found):
        assert dc.from_json(dc.to_json(merged), dc.MergedEvent) == merged


@given(people)
def test_person_round_trip(person: dc.Person) -> None:
    assert dc.from_dict(dc.to_dict(person), dc.Person) == person


def test_seed_statements_and_people_round_trip() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        article = dc.parse(path.read_text(encoding="utf-8"))
        for record in (*dc.extract_statements(article), *dc.extract_people(article)):
            assert dc.from_json(dc.to_json(record), type(record)) == record


@given(captions)
def test_caption_round_trip(caption: dc.Caption) -> None:
    assert dc.from_json(dc.to_json(caption), dc.Caption) == caption


@given(blocks)
def test_block_round_trip(block: dc.Block) -> None:
    data = dc.to_dict(block)
    assert data["kind"] == block.kind.value
    assert dc.from_dict(data, dc.Block) == block


@given(published)
def test_dates_are_iso_strings_and_keep_their_type(value: object) -> None:
    data = dc.to_dict(dc.Article(published=value))  # type: ignore[arg-type]
    back = dc.from_dict(data, dc.Article).published
    assert back == value
    assert type(back) is type(value)
    if value is not None:
        assert data["published"] == value.isoformat()  # type: ignore[attr-defined]


def test_seed_articles_fit_the_schema_and_round_trip() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        article = dc.parse(path.read_text(encoding="utf-8"), source=path.name)
        data = json.loads(dc.to_json(article))
        VALIDATOR.validate(data)
        assert dc.from_dict(data, dc.Article) == article


def test_schema_names_every_field_and_kind() -> None:
    assert set(SCHEMA["properties"]) == {f.name for f in attrs.fields(dc.Article)}
    assert SCHEMA["required"] == []  # every field of an article has a default
    defs = SCHEMA["$defs"]
    assert set(defs["Caption"]["properties"]) == {f.name for f in attrs.fields(dc.Caption)}
    assert set(defs["Block"]["properties"]) == {f.name for f in attrs.fields(dc.Block)}
    assert defs["BlockKind"]["enum"] == [k.value for k in dc.BlockKind]


def test_bad_data_names_the_field() -> None:
    with pytest.raises(dc.InputError, match="published"):
        dc.from_dict({"published": 19122023}, dc.Article)
    with pytest.raises(dc.InputError, match="UTC offset"):
        dc.from_dict({"published": "2023-12-19T15:18:00"}, dc.Article)
    with pytest.raises(dc.InputError, match="missing key 'kind'"):
        dc.from_dict({"blocks": [{"line": 1, "text": "x", "reason": "y"}]}, dc.Article)
    with pytest.raises(dc.InputError, match="not JSON"):
        dc.from_json("{", dc.Article)


def test_new_converter_is_independent() -> None:
    mine = dc.new_converter()
    mine.register_unstructure_hook(dt.date, lambda d: d.strftime("%d/%m/%Y"))
    article = dc.Article(published=dt.date(2023, 12, 19))
    assert mine.unstructure(article)["published"] == "19/12/2023"
    assert dc.to_dict(article)["published"] == "2023-12-19"
