"""The package's own cattrs converter: every record to JSON-ready data and back.

Dates are ISO 8601 strings (``2023-12-19T15:18:15+07:00``, ``2023-12-19``, ``--12-19``),
enums their value, tuples lists. A round trip gives back an equal object.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TypeVar

from cattrs.preconf.json import JsonConverter, make_converter

from ._errors import InputError
from ._models import DateValue, PartialDate, read_iso_date

__all__ = ["from_dict", "from_json", "new_converter", "to_dict", "to_json"]

T = TypeVar("T")


def new_converter() -> JsonConverter:
    """Return a fresh converter with diplocorpus's hooks, for callers who add their own."""
    converter = make_converter()
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(PartialDate, lambda v, _: _partial(v))
    converter.register_structure_hook_func(_is_date_union, lambda v, _: _date_value(v))
    return converter


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


def to_dict(record: object) -> Any:
    """Turn a diplocorpus record into JSON-ready data (dicts, lists, str, int, None).

    >>> from diplocorpus import Caption, to_dict
    >>> to_dict(Caption(text="Quang cảnh hội nghị.", credit="TTXVN", line=5))
    {'text': 'Quang cảnh hội nghị.', 'credit': 'TTXVN', 'line': 5}
    """
    return _CONVERTER.unstructure(record)


def from_dict(data: Any, kind: type[T]) -> T:
    """Build a record of type ``kind`` from what :func:`to_dict` made.

    Raises :class:`InputError` naming the field when ``data`` does not fit ``kind``.
    """
    try:
        return _CONVERTER.structure(data, kind)
    except Exception as exc:  # cattrs raises ClassValidationError, an ExceptionGroup
        raise InputError(f"cannot read {kind.__name__} from this data: {_explain(exc)}") from exc


def to_json(record: object, *, indent: int | None = None) -> str:
    """Serialise a record as a JSON string (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(to_dict(record), ensure_ascii=False, indent=indent)


def from_json(text: str, kind: type[T]) -> T:
    """Read a record of type ``kind`` back from :func:`to_json`'s output."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from exc
    return from_dict(data, kind)


def _explain(exc: BaseException) -> str:
    inner = getattr(exc, "exceptions", None)
    if not inner:
        return f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
    notes = []
    for sub in inner:
        where = "; ".join(getattr(sub, "__notes__", []) or [])
        notes.append(f"{_explain(sub)}" + (f" ({where})" if where else ""))
    return "; ".join(notes)
