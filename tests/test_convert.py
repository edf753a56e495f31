"""The package converter: JSON-ready data and back, and the article's JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import re
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
    with pytest.raises(dc.InputError, match=r"Article\.blocks\[0\]\.kind: missing key"):
        dc.from_dict({"blocks": [{"line": 1, "text": "x", "reason": "y"}]}, dc.Article)
    with pytest.raises(dc.InputError, match=r"Article\.blocks\[0\]: expected a JSON object"):
        dc.from_dict({"blocks": [3]}, dc.Article)
    with pytest.raises(dc.InputError, match="not JSON"):
        dc.from_json("{", dc.Article)


def test_an_unknown_key_is_an_error_naming_it_and_its_place() -> None:
    with pytest.raises(dc.InputError) as info:
        dc.from_dict({"titel": "Hội nghị"}, dc.Article)
    assert str(info.value) == "cannot read Article from this data: Article.titel: unknown key"
    assert isinstance(info.value, ValueError)
    article = dc.parse_file(SEEDS / "000_792b6e1b99918ddc.txt")
    statement = dc.to_dict(
        dc.extract_statements(dc.parse_file(SEEDS / "002_24e14e7508fcd41e.txt"))[2]
    )
    speaker = statement["speaker"]
    assert isinstance(speaker, dict)
    speaker["nam"] = speaker.pop("name")
    with pytest.raises(dc.InputError) as info:
        dc.from_dict(statement, dc.Statement)
    assert "Statement.speaker.nam: unknown key" in str(info.value)
    assert "Statement.speaker.name: missing key" in str(info.value)
    data = dc.to_dict(article)
    blocks = data["blocks"]
    assert isinstance(blocks, list)
    assert isinstance(blocks[2], dict)
    blocks[2]["knd"] = "body"
    data["titel"] = data["title"]
    with pytest.raises(
        dc.InputError,
        match=r": Article\.blocks\[2\]\.knd: unknown key; "
        r"Article\.titel: unknown key$",
    ):
        dc.from_json(json.dumps(data), dc.Article)


def test_read_jsonl_names_the_line_and_the_unknown_key() -> None:
    article = dc.parse_file(SEEDS / "000_792b6e1b99918ddc.txt")
    good = json.dumps(dc.to_dict(article), ensure_ascii=False)
    bad = json.dumps({**dc.to_dict(article), "views": 3}, ensure_ascii=False)
    assert list(dc.read_jsonl([good], dc.Article)) == [article]
    with pytest.raises(dc.InputError, match=r"^shard\.jsonl: line 2: .*Article\.views: unknown"):
        list(dc.read_jsonl([good, bad], dc.Article, source="shard.jsonl"))


def test_a_generic_record_is_read_with_its_values_type() -> None:
    field = dc.MergedField(claims=[dc.SourcedValue(value=dc.AttendanceMode.ONLINE, source="a")])
    data = dc.to_dict(field)
    assert dc.from_dict(data, dc.MergedField[dc.AttendanceMode]).claims == field.claims
    with pytest.raises(TypeError, match=r"cannot read a MergedField: .*generic argument"):
        dc.from_dict(data, dc.MergedField)


def test_to_dict_takes_only_records() -> None:
    with pytest.raises(TypeError, match="not list"):
        dc.to_dict([dc.Caption(text="x", line=1)])


def test_new_converter_is_independent() -> None:
    mine = dc.new_converter()
    mine.register_unstructure_hook(dt.date, lambda d: d.strftime("%d/%m/%Y"))
    article = dc.Article(published=dt.date(2023, 12, 19))
    assert mine.unstructure(article)["published"] == "19/12/2023"
    assert dc.to_dict(article)["published"] == "2023-12-19"


def test_a_document_with_lists_and_objects_in_its_metadata_round_trips() -> None:
    """A JSON Lines record's other fields are kept in ``metadata`` as they were, lists and
    objects included: ``from_dict`` reads back what ``to_dict`` wrote."""
    document = dc.Document(
        text="Tin",
        source="a.jsonl:1",
        metadata={"tags": ["a", 1, 2.5, True, None], "site": {"name": "x", "ids": [[1]]}},
    )
    assert dc.from_dict(dc.to_dict(document), dc.Document) == document
    assert dc.from_json(dc.to_json(document), dc.Document) == document
    with pytest.raises(dc.InputError, match=r"Document\.metadata\['x'\]: .*not JSON data"):
        dc.from_dict({"text": "Tin", "source": "a", "metadata": {"x": {1: 2}}}, dc.Document)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ('"Văn Ngọc"', "expected a list of strings, got str: 'Văn Ngọc'"),
        ('["Văn Ngọc", 5]', "item 1 is int, not a string: 5"),
        ('{"Văn Ngọc": 1}', "expected a list of strings, got dict"),
    ],
)
def test_a_list_of_strings_given_something_else_is_an_error_naming_the_field(
    value: str, says: str
) -> None:
    # cattrs kept one string as its characters: authors ('V', 'ă', 'n', ...).
    with pytest.raises(dc.InputError, match=re.escape(f"Article.authors: {says}")):
        dc.from_json(f'{{"source": "a.txt", "authors": {value}}}', dc.Article)
    with pytest.raises(TypeError, match="not one string"):
        dc.Document(text="Tin", source="a.txt", notes="bytes replaced")  # type: ignore[arg-type]
