"""JSON Schemas (draft 2020-12) of the records, made from their attrs classes.

A record's schema describes the JSON that :func:`to_dict` (and so :func:`to_json`, the JSON
Lines writer and the command line) writes for it, and that :func:`from_dict` reads back:
the type of every field as the package's converter writes it (enums as their value, dates
as ISO 8601 strings, tuples as arrays, a record inside another as an object of its own, in
``$defs``), no key besides the fields, and the fields without a default required. A field's
description is what the class docstring says of it (the sentences that name it).

The schemas shipped in the wheel (``diplocorpus/schemas/<name>.schema.json``) are these,
written by ``tools/make_schemas.py``; a test fails when they differ.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, Union

import attrs

from ._convert import is_json_value, unstructure
from ._models import PartialDate

__all__ = [
    "DRAFT",
    "NOT_RECORDS",
    "json_schema",
    "public_records",
    "schema_name",
    "schema_text",
    "write_schemas",
]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_BASE = "https://diplocorpus.invalid/schemas/"

#: Public attrs classes that are no record: the noise filter's phrase lists are read from
#: their own text files, never written as JSON.
NOT_RECORDS = frozenset({"Lexicon"})

# ISO 8601 as the converter writes dates (``isoformat``) and reads them back.
_DATE_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}(:\d{2}(\.\d+)?)?|Z)$"
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_PARTIAL_DATE = r"^(--\d{2}(-\d{2})?|\d{4}-\d{2})$"

# attrs.Factory is a class; its type stubs say a function that returns the factory's value.
_FACTORY: type[Any] = type(attrs.Factory(list))

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_a-z]|[`\"“(])")
_ROLE = re.compile(r":\w+:`~?([^`]+)`")

Schema = dict[str, object]


def json_schema(kind: type) -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of the JSON that :func:`to_dict` writes for a record
    of type ``kind``, and :func:`from_dict` reads back.

    >>> from diplocorpus import Caption, json_schema
    >>> schema = json_schema(Caption)
    >>> schema["title"], schema["required"]
    ('Caption', ['text', 'line'])
    >>> schema["properties"]["credit"]["anyOf"]
    [{'type': 'string'}, {'type': 'null'}]

    Raises ``TypeError`` when ``kind`` is not an attrs class, or has a field of a type
    that has no JSON form.
    """
    if not (isinstance(kind, type) and attrs.has(kind)):
        raise TypeError(f"not a diplocorpus record (an attrs class): {kind!r}")
    builder = _Builder(kind)
    body = builder.definition(kind)
    schema: Schema = {
        "$schema": DRAFT,
        "$id": f"{_BASE}{schema_name(kind)}.schema.json",
        "$comment": f"Made from the class by diplocorpus.json_schema({kind.__name__}).",
        **body,
    }
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def schema_name(kind: type) -> str:
    """The name of a record's schema file: the class name in snake case (``merged_event``)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind.__name__).lower()


def schema_text(kind: type) -> str:
    """The schema as the shipped file holds it: JSON, indented, UTF-8 text, a final newline."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def public_records(names: Iterable[str], namespace: typing.Mapping[str, object]) -> list[type]:
    """The record classes among the public ``names`` of ``namespace`` (the attrs classes,
    but :data:`NOT_RECORDS`), in the order given."""
    found: list[type] = []
    for name in names:
        value = namespace[name]
        if isinstance(value, type) and attrs.has(value) and name not in NOT_RECORDS:
            found.append(value)
    return found


def write_schemas(folder: Path, kinds: Iterable[type]) -> list[Path]:
    """Write ``<name>.schema.json`` for each record into ``folder`` (made if missing), and
    remove the other ``*.schema.json`` files there; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in kinds:
        path = folder / f"{schema_name(kind)}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    for stale in set(folder.glob("*.schema.json")) - set(written):
        stale.unlink()
    return written


class _Builder:
    """Walks one record's types; the records and enums it meets go into ``defs``."""

    def __init__(self, root: type) -> None:
        self.root = root
        self.defs: dict[str, Schema] = {}
        self._classes: dict[str, type] = {}

    def definition(self, kind: Any) -> Schema:
        """The schema of a record class (or of a generic one with its type arguments,
        ``MergedField[AttendanceMode]``), an enum or a partial date (without ``$schema``)."""
        bound = dict(
            zip(
                getattr(typing.get_origin(kind), "__parameters__", ()),
                typing.get_args(kind),
                strict=True,
            )
        )
        kind = typing.get_origin(kind) or kind
        summary, notes = _described(kind)
        head: Schema = {"title": _def_name(kind, tuple(bound.values()))}
        if summary:
            head["description"] = summary
        if kind is PartialDate:  # written as its ISO 8601 truncated form
            return {**head, "type": "string", "pattern": _PARTIAL_DATE}
        if issubclass(kind, enum.Enum):
            values = [member.value for member in kind]
            if all(isinstance(v, str) for v in values):
                head["type"] = "string"
            return {**head, "enum": values}
        if not attrs.has(kind):
            raise TypeError(f"no JSON Schema for the type {kind!r} (in {self.root.__name__})")
        hints = typing.get_type_hints(kind)
        properties: Schema = {}
        required: list[str] = []
        for field in attrs.fields(kind):
            if not field.init:  # the converter leaves out what the class computes itself
                continue
            prop: Schema = {}
            if field.name in notes:
                prop["description"] = notes[field.name]
            prop.update(self.of(_bind(hints[field.name], bound)))
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif (default := _default(field)) is not attrs.NOTHING:
                prop["default"] = default
            properties[field.name] = prop
        return {
            **head,
            "type": "object",
            "additionalProperties": False,
            "required": required,
            "properties": properties,
        }

    def of(self, hint: object) -> Schema:
        """The schema of a field's type."""
        scalar = _scalar(hint)
        if scalar is not None:
            return scalar
        if isinstance(hint, typing.TypeVar) or is_json_value(hint):
            return {}  # a generic record's value, not bound, or any JSON value
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if isinstance(origin, type) and attrs.has(origin):  # MergedField[AttendanceMode]
            return self.ref(hint)
        if origin in (Union, types.UnionType):
            return {"anyOf": [self.of(arg) for arg in args]}
        if origin is Literal:
            kinds = {type(arg) for arg in args}
            head: Schema = {"type": "string"} if kinds == {str} else {}
            return {**head, "enum": list(args)}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            items = [self.of(arg) for arg in args]
            count = len(items)
            return {
                "type": "array",
                "prefixItems": items,
                "items": False,
                "minItems": count,
                "maxItems": count,
            }
        if origin in (list, frozenset, set) and len(args) == 1:
            array: Schema = {"type": "array", "items": self.of(args[0])}
            if origin is not list:
                array["uniqueItems"] = True
            return array
        if origin is dict and args and args[0] is str:
            return (
                {"type": "object"}
                if args[1] is Any
                else {
                    "type": "object",
                    "additionalProperties": self.of(args[1]),
                }
            )
        if isinstance(hint, type) and (
            hint is PartialDate or issubclass(hint, enum.Enum) or attrs.has(hint)
        ):
            return self.ref(hint)
        raise TypeError(f"no JSON Schema for the type {hint!r} (in {self.root.__name__})")

    def ref(self, kind: Any) -> Schema:
        """A reference to ``kind``'s definition, made the first time it is met."""
        if kind is self.root:
            return {"$ref": "#"}
        name = _def_name(typing.get_origin(kind) or kind, typing.get_args(kind))
        known = self._classes.get(name)
        if known is None:
            self._classes[name] = kind
            self.defs[name] = {}  # a record that holds itself meets this, not a loop
            self.defs[name] = self.definition(kind)
        elif known != kind:
            raise TypeError(f"two classes named {name} in {self.root.__name__}")
        return {"$ref": f"#/$defs/{name}"}


def _bind(hint: Any, bound: dict[Any, Any]) -> Any:
    """``hint`` with a generic record's type parameters replaced by their arguments."""
    if isinstance(hint, typing.TypeVar):
        return bound.get(hint, hint)
    free = getattr(hint, "__parameters__", ())
    if free and bound:
        return hint[tuple(bound.get(p, p) for p in free)]
    return hint


def _def_name(kind: type, args: tuple[Any, ...]) -> str:
    """A definition's name: the class's, with its type arguments for a generic one
    (``MergedFieldOfAttendanceMode``, ``MergedFieldOfDatetimeOrDateOrPartialDate``)."""
    if not args:
        return kind.__name__
    return kind.__name__ + "Of" + "And".join(_arg_name(a) for a in args)


def _arg_name(arg: Any) -> str:
    if typing.get_origin(arg) in (Union, types.UnionType):
        return "Or".join(_arg_name(a) for a in typing.get_args(arg))
    name = getattr(arg, "__name__", str(arg))
    return name[:1].upper() + name[1:]


def _scalar(hint: object) -> Schema | None:
    """The schema of a type the converter writes as one JSON value, else ``None``."""
    if hint is Any:
        return {}
    if hint is type(None) or hint is None:
        return {"type": "null"}
    if hint is bool:  # before int: a bool is an int
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is str:
        return {"type": "string"}
    if hint is dt.datetime:  # before date: a datetime is a date
        return {"type": "string", "format": "date-time", "pattern": _DATE_TIME}
    if hint is dt.date:
        return {"type": "string", "format": "date", "pattern": _DATE}
    return None


def _default(field: attrs.Attribute[Any]) -> object:
    """A field's default as JSON, or ``attrs.NOTHING`` when it depends on the instance."""
    default = field.default
    if isinstance(default, _FACTORY):
        if default.takes_self:
            return attrs.NOTHING
        default = default.factory()
    value: object = json.loads(json.dumps(unstructure(default)))
    return value


def _described(kind: type) -> tuple[str, dict[str, str]]:
    """The first paragraph of a class docstring, and for each field the sentences of the
    docstring that name it (````name````), in plain text; doctest examples left out. A
    sentence's clauses (split at ``;``) each go to the fields they name, and a clause that
    names none goes with the one before."""
    doc = inspect.cleandoc(kind.__doc__ or "")
    paragraphs = [
        " ".join(p.split())
        for p in re.split(r"\n\s*\n", doc)
        if p.strip() and not p.lstrip().startswith(">>>")
    ]
    if not paragraphs:
        return "", {}
    names = [f"``{field.name}``" for field in attrs.fields(kind)] if attrs.has(kind) else []
    clauses: list[str] = []
    for sentence in (s for p in paragraphs for s in _SENTENCE_END.split(p)):
        for number, clause in enumerate(sentence.split("; ")):
            if number and not any(name in clause for name in names):
                clauses[-1] += f"; {clause}"  # it goes on about the clause before
            else:
                clauses.append(clause)
    notes: dict[str, str] = {}
    for name in names:
        said = [_plain(c) for c in clauses if name in c]
        if said:
            last = len(said) - 1
            ended = [
                c if c[-1] in ".!?" else c + (";" if n < last else ".") for n, c in enumerate(said)
            ]
            notes[name.strip("`")] = " ".join(ended)
    return _plain(paragraphs[0]), notes


def _plain(text: str) -> str:
    """reST roles and literals as Markdown code: ``:class:`Block``` and ````x```` as ```x```."""
    return _ROLE.sub(r"`\1`", text).replace("``", "`")
