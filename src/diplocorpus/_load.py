"""Loading pages: files, folders, JSON Lines of records, standard input — lazily.

Bytes are decoded as found on Vietnamese sites: UTF-8 with or without a byte-order mark,
UTF-16 with one, Windows-1258 and the like, detected by charset-normalizer when the bytes are
not UTF-8. An input that cannot be read is reported with its path (and line, for JSON
Lines); with ``errors="skip"`` it is recorded in ``skipped`` and loading goes on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from ._dates import VIETNAM_TZ, in_zone
from ._errors import DecodeError, InputError
from ._models import DateValue, read_iso_date
from ._text import normalize_text

__all__ = ["Document", "SkippedInput", "iter_documents", "read_document"]

_log = logging.getLogger("diplocorpus")
Errors = Literal["raise", "skip"]
_JSONL = (".jsonl", ".ndjson")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_KNOWN = frozenset({"text", "url", "source", "published", "fetched_at"})


def _metadata(values: Mapping[str, Any]) -> dict[str, Any]:
    return dict(values)


@attrs.frozen(kw_only=True, slots=True)
class Document:
    """A page to parse: its text and what the loader knows about it.

    ``source`` names it (a path, ``path:line`` for a JSON Lines record without a url or
    source of its own, ``-`` for standard input). ``published`` is a date the record gives
    (a record's time without its zone is read as Vietnam time, as ``fetched_at``'s);
    ``metadata`` keeps a record's other fields as they were. ``hash`` is the SHA-256 of the
    normalised text: the document's identity, whatever file or site it came from.

    A document is hashable (a key of a dict, a member of a set): ``metadata``, a ``dict``
    of JSON values, counts for equality but not for the hash, so equal documents hash
    equal.
    """

    text: str
    source: str
    url: str | None = None
    published: DateValue | None = None
    fetched_at: dt.datetime | None = None
    encoding: str | None = None
    # A record's fields are JSON values (lists, objects), which cannot be hashed: equal
    # documents still hash equal, as the hash leaves out only what equality also compares.
    metadata: dict[str, Any] = attrs.field(factory=dict, converter=_metadata, hash=False)

    @functools.cached_property
    def hash(self) -> str:
        """SHA-256 (hex) of the text, lines normalised: equal pages hash equal (computed
        once a document)."""
        lines = (normalize_text(line) for line in self.text.splitlines())
        canonical = "\n".join(line for line in lines if line)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@attrs.frozen(kw_only=True, slots=True)
class SkippedInput:
    """An input that was not loaded, and why (with ``errors="skip"``)."""

    source: str
    reason: str


def read_document(path: str | os.PathLike[str], *, encoding: str | None = None) -> Document:
    """Read one text file as a :class:`Document`, detecting its encoding unless given."""
    name = os.fspath(path)
    with open(name, "rb") as handle:
        data = handle.read()
    text, found = decode(data, source=name, encoding=encoding)
    return Document(text=text, source=name, encoding=found)


def decode(data: bytes, *, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns the text and the encoding used.

    A byte-order mark decides; else UTF-8 if the bytes are valid UTF-8; else the encoding
    charset-normalizer finds. Raises :class:`DecodeError` naming ``source`` when none fits.
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}", source=source) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"broken {name} after its byte-order mark at byte {exc.start}", source=source
                ) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes) without a byte-order mark", source=source)
    # Imported here: only bytes that are neither UTF-8 nor marked need it, and it costs
    # several milliseconds of every `import diplocorpus`.
    import charset_normalizer  # noqa: PLC0415

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError(
            f"not UTF-8 (bad byte at {first_bad}) and no other encoding fits", source=source
        )
    _log.debug("%s: decoded as %s", source, best.encoding)
    return str(best), best.encoding


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glob: str = "**/*.txt",
    errors: Errors = "raise",
    skipped: list[SkippedInput] | None = None,
    stdin: Literal["text", "jsonl"] = "text",
) -> Iterator[Document]:
    """Yield the documents of files, folders (``glob``, recursively, in sorted order), JSON
    Lines files (``.jsonl``: one record a line, ``text`` required) and ``-`` (standard input),
    one at a time. ``stdin`` says whether standard input is one page or JSON Lines.

    With ``errors="raise"`` the first input that cannot be read raises (``OSError``,
    :class:`DecodeError`, :class:`InputError`); with ``"skip"`` it is appended to
    ``skipped`` and loading goes on. Any other ``errors`` is a ``ValueError`` at the call.
    """
    check_errors(errors)
    return _documents(paths, glob, errors, skipped, stdin)


def check_errors(errors: object) -> None:
    """Refuse an ``errors=`` other than ``"raise"`` or ``"skip"`` (``ValueError``)."""
    if errors not in _ERRORS:
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")


_ERRORS = frozenset(("raise", "skip"))


def _documents(
    paths: Iterable[str | os.PathLike[str]],
    glob: str,
    errors: Errors,
    skipped: list[SkippedInput] | None,
    stdin: Literal["text", "jsonl"],
) -> Iterator[Document]:
    for item in paths:
        name = os.fspath(item)
        path = Path(name)
        if name != "-" and path.is_dir():
            files: Iterable[Path] = sorted(p for p in path.glob(glob) if p.is_file())
        else:
            files = [path]
        for file in files:
            documents = _documents_of(str(file) if name != "-" else "-", stdin=stdin)
            yield from _guarded(documents, str(file), errors, skipped)


def _guarded(
    documents: Iterator[Document | SkippedInput],
    source: str,
    errors: Errors,
    skipped: list[SkippedInput] | None,
) -> Iterator[Document]:
    try:
        for item in documents:
            if isinstance(item, Document):
                yield item
            elif errors == "raise":
                raise InputError(item.reason, source=item.source)
            else:
                _skip(skipped, item)
    except (OSError, InputError) as exc:
        if errors == "raise":
            raise
        _skip(skipped, SkippedInput(source=source, reason=str(exc)))


def _skip(skipped: list[SkippedInput] | None, item: SkippedInput) -> None:
    _log.warning("skipped %s: %s", item.source, item.reason)
    if skipped is not None:
        skipped.append(item)


def _documents_of(name: str, *, stdin: str) -> Iterator[Document | SkippedInput]:
    if name == "-":
        data = sys.stdin.buffer.read()
        text, found = decode(data, source="-")
        if stdin == "jsonl":
            yield from _records(text.splitlines(), "-")
        else:
            yield Document(text=text, source="-", encoding=found)
        return
    if name.endswith(_JSONL):
        with open(name, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                yield _record(raw, name, number)
        return
    yield read_document(name)


def _records(lines: Iterable[str], name: str) -> Iterator[Document | SkippedInput]:
    for number, line in enumerate(lines, start=1):
        yield _record(line.encode("utf-8"), name, number)


def _record(raw: bytes, name: str, number: int) -> Document | SkippedInput:
    where = f"{name}:{number}"
    if not raw.strip():
        return SkippedInput(source=where, reason="empty line")
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return SkippedInput(source=where, reason=f"not a JSON record: {exc}")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return SkippedInput(source=where, reason="a record needs a 'text' string")
    try:
        published = _date_field(record.get("published"))
        fetched = _date_field(record.get("fetched_at"))
    except ValueError as exc:
        return SkippedInput(source=where, reason=f"bad date: {exc}")
    return Document(
        text=record["text"],
        source=str(record.get("source") or record.get("url") or where),
        url=record.get("url"),
        published=published,
        fetched_at=fetched if isinstance(fetched, dt.datetime) else None,
        encoding="utf-8",
        metadata={k: v for k, v in record.items() if k not in _KNOWN},
    )


def _date_field(value: object) -> DateValue | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not an ISO 8601 string")
    # A time a Vietnamese news record gives without its zone is Vietnam time.
    return in_zone(read_iso_date(value), VIETNAM_TZ)
