"""The package's own cattrs converter: every record to JSON-ready data and back.

Dates are ISO 8601 strings (``2023-12-19T15:18:15+07:00``, ``2023-12-19``, ``--12-19``),
enums their value, tuples lists. A round trip gives back an equal object. A key that is not
a field of the record is an error, not ignored: a misspelt field would otherwise be lost.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from typing import Any, TypeAlias, TypeVar, Union

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)
from cattrs.preconf.json import JsonConverter, make_converter

from ._errors import InputError
from ._models import DateValue, PartialDate, read_iso_date

__all__ = [
    "JSONProblem",
    "JSONValue",
    "from_dict",
    "from_json",
    "is_json_value",
    "load_json",
    "new_converter",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

#: A value JSON can hold, as :func:`json.loads` gives it: what :func:`to_dict` returns.
JSONValue: TypeAlias = str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None


def new_converter() -> JsonConverter:
    """Return a fresh converter with diplocorpus's hooks, for callers who add their own.

    Like the package's, it refuses a key that is not a field of the record
    (``forbid_extra_keys``)."""
    converter = make_converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(PartialDate, lambda v, _: _partial(v))
    converter.register_structure_hook_func(_is_date_union, lambda v, _: _date_value(v))
    converter.register_structure_hook_func(is_json_value, lambda v, _: _json_data(v))
    converter.register_structure_hook_func(_is_strings, lambda v, _: _strings(v))
    converter.register_unstructure_hook_factory(
        _is_fixed_tuple, lambda kind: _as_list(converter, typing.get_args(kind))
    )
    return converter


def _is_fixed_tuple(kind: Any) -> bool:
    """``tuple[int, int]`` and the like (not ``tuple[int, ...]``), which cattrs writes as
    tuples: JSON data has lists."""
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and bool(args) and args[-1] is not Ellipsis


def _as_list(converter: JsonConverter, args: tuple[Any, ...]) -> Callable[[Any], list[Any]]:
    def unstructure(value: Any) -> list[Any]:
        return [converter.unstructure(v, a) for v, a in zip(value, args, strict=True)]

    return unstructure


def is_json_value(hint: object) -> bool:
    """Whether ``hint`` is :data:`JSONValue`: the alias, its name as ``get_type_hints``
    leaves it inside, or the union it stands for (which Python versions expand to different
    depths)."""
    if hint == JSONValue:
        return True
    if isinstance(hint, typing.ForwardRef):
        return hint.__forward_arg__ == "JSONValue"
    if typing.get_origin(hint) not in (Union, types.UnionType):
        return False
    args = typing.get_args(hint)
    plain = {a for a in args if typing.get_origin(a) is None}
    shaped = {typing.get_origin(a) for a in args} - {None}
    return plain == {str, int, float, bool, type(None)} and shaped == {list, dict}


def _json_data(value: object) -> JSONValue:
    """``value`` as it is, when it is JSON data (what :func:`json.loads` gives: objects with
    string keys, lists, strings, numbers, booleans, null); walked without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if not all(isinstance(key, str) for key in item):
                raise TypeError(
                    f"not JSON data: an object with a key that is not a string: {item!r}"
                )
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif not (item is None or isinstance(item, (str, int, float, bool))):
            raise TypeError(f"not JSON data: {item!r}")
    return typing.cast("JSONValue", value)


def _is_strings(kind: Any) -> bool:
    return bool(kind == tuple[str, ...])


def _strings(value: object) -> tuple[str, ...]:
    """A list of strings (``authors``, ``paragraphs``, ``notes``): one string is not one
    (cattrs would keep it as its characters), nor is a list holding anything else."""
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"expected a list of strings, got {type(value).__name__}: {value!r:.60}")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise TypeError(f"item {index} is {type(item).__name__}, not a string: {item!r:.60}")
    return tuple(value)


def _is_date_union(kind: Any) -> bool:
    return kind in (DateValue, DateValue | None)


def _partial(value: object) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"a partial date is a '--MM-DD' string, got {value!r}")
    return PartialDate.fromisoformat(value)


def _date_value(value: object) -> DateValue | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"a date is an ISO 8601 string, got {value!r}")
    date = read_iso_date(value)
    if isinstance(date, dt.datetime) and date.tzinfo is None:
        raise ValueError(f"a date-time must carry its UTC offset: {value!r}")
    return date


_CONVERTER = new_converter()


def unstructure(value: object) -> JSONValue:
    """Any value a record can hold (a record, a date, an enum, a tuple...) as JSON data."""
    data: JSONValue = _CONVERTER.unstructure(value)
    return data


def to_dict(record: object) -> dict[str, JSONValue]:
    """Turn a diplocorpus record into JSON-ready data (dicts, lists, str, int, None).

    Raises ``TypeError`` for what is not a record (an attrs class instance).

    >>> from diplocorpus import Caption, to_dict
    >>> to_dict(Caption(text="Quang cảnh hội nghị.", credit="TTXVN", line=5))
    {'text': 'Quang cảnh hội nghị.', 'credit': 'TTXVN', 'line': 5}
    """
    if not attrs.has(type(record)):
        raise TypeError(f"to_dict takes a record (an attrs class), not {type(record).__name__}")
    data: dict[str, JSONValue] = _CONVERTER.unstructure(record)
    return data


def from_dict(data: object, kind: type[T]) -> T:
    """Build a record of type ``kind`` from what :func:`to_dict` made.

    Raises :class:`InputError` naming the field, by its path from ``kind``
    (``Article.blocks[0].kind``), when ``data`` does not fit ``kind``: a value of the wrong
    type, a missing key, or a key ``kind`` has no field for. A generic record is read with
    its values' type (``MergedField[AttendanceMode]``); ``TypeError`` when ``kind`` does not
    say it, or is not a type the package reads.
    """
    name = getattr(kind, "__name__", repr(kind))
    try:
        return _CONVERTER.structure(data, kind)
    except StructureHandlerNotFoundError as exc:  # the caller's ``kind``, not the data
        raise TypeError(f"cannot read a {name}: {exc}") from exc
    except Exception as exc:  # cattrs raises ClassValidationError, an ExceptionGroup
        problems = "; ".join(_problems(exc, name, kind))
        raise InputError(f"cannot read {name} from this data: {problems}") from exc


def to_json(record: object, *, indent: int | None = None) -> str:
    """Serialise a record as a JSON string (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(to_dict(record), ensure_ascii=False, indent=indent)


def from_json(text: str, kind: type[T]) -> T:
    """Read a record of type ``kind`` back from :func:`to_json`'s output."""
    try:
        data = load_json(text)
    except JSONProblem as exc:
        raise InputError(exc.reason, line=exc.line, column=exc.column) from exc
    return from_dict(data, kind)


class JSONProblem(ValueError):
    """Why :func:`load_json` cannot read a text, and where (``line``, ``column``) when the
    text says."""

    def __init__(self, reason: str, *, line: int | None = None, column: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


def load_json(text: str | bytes) -> Any:
    """:func:`json.loads`, each of its failures one :class:`JSONProblem`: not JSON, a number
    longer than Python reads (``ValueError``), nesting deeper than it can (``RecursionError``)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONProblem(f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from exc
    except RecursionError:
        raise JSONProblem("JSON nested too deep to read") from None
    except ValueError as exc:  # Python's limit on the digits of an int
        raise JSONProblem(f"JSON with a number too long to read: {exc}") from exc


def _problems(exc: BaseException, path: str, kind: object) -> list[str]:
    """What is wrong with the data, one ``path: problem`` a problem, the path from the record
    read (``Article.blocks[0].kind``), as cattrs' notes give it (``transform_error`` walks the
    same notes, in words of its own)."""
    if isinstance(exc, ClassValidationError):
        named, unnamed = exc.group_exceptions()
        found = [p for sub, note in named for p in _problems(sub, f"{path}.{note.name}", note.type)]
    elif isinstance(exc, IterableValidationError):
        indexed, unnamed = exc.group_exceptions()
        found = [
            p for sub, note in indexed for p in _problems(sub, f"{path}[{note.index!r}]", note.type)
        ]
    else:
        return _problem(exc, path, kind)
    return found + [p for sub in unnamed for p in _problem(sub, path, None)]


def _problem(exc: BaseException, path: str, kind: object) -> list[str]:
    if isinstance(exc, ForbiddenExtraKeysError):
        return [f"{path}.{key}: unknown key" for key in sorted(exc.extra_fields)]
    if isinstance(exc, KeyError):
        return [f"{path}: missing key"]
    if isinstance(exc, TypeError | AttributeError) and isinstance(kind, type) and attrs.has(kind):
        return [f"{path}: expected a JSON object for {kind.__name__}"]
    return [f"{path}: {exc}"]
