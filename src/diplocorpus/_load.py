"""Loading pages: files, folders, JSON Lines of records, standard input — lazily.

Bytes are decoded as found on Vietnamese sites: UTF-8 with or without a byte-order mark,
UTF-16 with one, Windows-1258 and the like, detected by charset-normalizer when the bytes are
not UTF-8. An input that cannot be read is reported with its path (and line, for JSON
Lines); with ``errors="skip"`` it is recorded in ``skipped`` and loading goes on.
"""

from __future__ import annotations

import codecs
import collections
import datetime as dt
import errno
import functools
import hashlib
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal

import attrs

from ._convert import JSONProblem, JSONValue, load_json
from ._dates import VIETNAM_TZ, in_zone
from ._errors import (
    DecodeError,
    InputError,
    InputTooLargeError,
    UnreadableInputError,
    unreadable,
)
from ._models import DateValue, read_iso_date, str_tuple
from ._text import check_size, normalize_text, replace_surrogates

__all__ = ["DEFAULT_GLOBS", "Document", "SkippedInput", "iter_documents", "read_document"]

_log = logging.getLogger("diplocorpus")
Errors = Literal["raise", "skip"]
DecodeErrors = Literal["strict", "replace"]
_JSONL = (".jsonl", ".ndjson")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE_BOMS = tuple(bom for bom, name in _BOMS if name != "utf-8-sig")
_KNOWN = frozenset({"text", "url", "source", "published", "fetched_at"})
# The files of a folder read unless told otherwise: text dumps and saved HTML pages.
DEFAULT_GLOBS = ("**/*.txt", "**/*.html", "**/*.htm")
Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
Globs = str | Iterable[str]


def _metadata(values: Mapping[str, JSONValue]) -> dict[str, JSONValue]:
    return {replace_surrogates(k): _valid(v) for k, v in values.items()}


def _valid(value: JSONValue) -> JSONValue:
    """A JSON value with each lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        return [_valid(v) for v in value]
    if isinstance(value, dict):
        return _metadata(value)
    return value


def _text(value: str) -> str:
    # (a wrong type is parse's to refuse, with its NotTextError)
    return replace_surrogates(value) if isinstance(value, str) else value


def _optional_text(value: str | None) -> str | None:
    return _text(value) if value is not None else None


@attrs.frozen(kw_only=True, slots=True)
class Document:
    """A page to parse: its text and what the loader knows about it.

    ``source`` names it (a path, ``path:line`` for a JSON Lines record without a url or
    source of its own, ``-`` for standard input). ``published`` is a date the record gives
    (a record's time without its zone is read as Vietnam time, as ``fetched_at``'s);
    ``metadata`` keeps a record's other fields as they were. ``notes`` says what loading
    changed (bytes that did not decode, replaced by U+FFFD with ``decode_errors="replace"``,
    and their byte offsets); a parse puts them first in the Article's notes. ``hash`` is
    the SHA-256 of the normalised text: the document's identity, whatever file or site it
    came from. A lone surrogate (not a character: a JSON escape ``"\\ud800"`` gives one)
    in its text, source, url or metadata is replaced by U+FFFD.

    A document is hashable (a key of a dict, a member of a set): ``metadata``, a ``dict``
    of JSON values, counts for equality but not for the hash, so equal documents hash
    equal.
    """

    text: str = attrs.field(converter=_text)
    source: str = attrs.field(converter=_text)
    url: str | None = attrs.field(default=None, converter=_optional_text)
    published: DateValue | None = None
    fetched_at: dt.datetime | None = None
    encoding: str | None = None
    # A record's fields are JSON values (lists, objects), which cannot be hashed: equal
    # documents still hash equal, as the hash leaves out only what equality also compares.
    metadata: dict[str, JSONValue] = attrs.field(factory=dict, converter=_metadata, hash=False)
    notes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)

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


def read_document(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    decode_errors: DecodeErrors = "strict",
) -> Document:
    """Read one text file as a :class:`Document`, detecting its encoding unless given; a
    file longer than one page can be is an :class:`InputTooLargeError`.

    Bytes that do not decode are a :class:`DecodeError`; with ``decode_errors="replace"``
    they are replaced by U+FFFD instead, and the document's ``notes`` say at which byte
    offsets (a parse of it puts that note first in the Article's notes). ``decode_errors``
    other than ``"strict"`` or ``"replace"`` is a ``ValueError``."""
    check_decode_errors(decode_errors)
    name = os.fspath(path)
    data = read_bytes(name)
    check_size(data, source=name)
    text, found, note = decode_noted(data, source=name, encoding=encoding, errors=decode_errors)
    check_size(text, source=name)
    return Document(text=text, source=name, encoding=found, notes=_notes(note))


def _notes(note: str | None) -> tuple[str, ...]:
    return () if note is None else (note,)


def check_decode_errors(value: object) -> None:
    """Refuse a ``decode_errors=`` other than ``"strict"`` or ``"replace"`` (``ValueError``)."""
    if value not in ("strict", "replace"):
        raise ValueError(f"decode_errors must be 'strict' or 'replace', not {value!r}")


def read_bytes(name: str) -> bytes:
    """The bytes of the file ``name``; an ``OSError`` comes out as the package's
    :class:`UnreadableInputError` (``InputNotFoundError``, ``InputPermissionError``) with
    the path."""
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise unreadable(exc, name) from exc


def decode(data: bytes, *, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns the text and the encoding used (see :func:`decode_noted`)."""
    text, found, _note = decode_noted(data, source=source, encoding=encoding)
    return text, found


_SHOWN_OFFSETS = 10  # offsets of replaced bytes a note lists


def _bad_offsets(data: bytes, name: str) -> list[int]:
    """Where ``data`` does not decode as ``name``: the first ``_SHOWN_OFFSETS`` + 1 places."""
    offsets: list[int] = []
    start = 0
    while len(offsets) <= _SHOWN_OFFSETS:
        try:
            data[start:].decode(name)
            break
        except UnicodeDecodeError as exc:
            offsets.append(start + exc.start)
            start += exc.end
    return offsets


def _replaced(data: bytes, name: str, source: str) -> tuple[str, str, str]:
    """``data`` decoded as ``name``, what does not decode replaced by U+FFFD; the note says
    at which byte offsets."""
    offsets = _bad_offsets(data, name)
    text = data.decode(name, errors="replace")
    shown = ", ".join(str(offset) for offset in offsets[:_SHOWN_OFFSETS])
    more = " and more" if len(offsets) > _SHOWN_OFFSETS else ""
    note = f"bytes not valid {name} replaced by U+FFFD at byte offsets {shown}{more}"
    _log.debug("%s: %s", source, note)
    return text, name, note


def decode_noted(
    data: bytes, *, source: str, encoding: str | None = None, errors: DecodeErrors = "strict"
) -> tuple[str, str, str | None]:
    """Decode page bytes; returns the text, the encoding used and, with ``errors="replace"``,
    a note of the bytes replaced (``None`` when none were): the bytes of a forced encoding
    or after a byte-order mark that do not decode, UTF-8 with at most ten bad sequences, or
    bytes no encoding fits (read as UTF-8).

    A byte-order mark decides; else UTF-8 if the bytes are valid UTF-8; else UTF-16 where
    the bytes make it certain without a byte-order mark (NUL bytes on one side of the pairs
    only, and nothing but text once decoded); else the encoding charset-normalizer finds.
    Raises :class:`DecodeError` naming ``source`` when none fits.
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding, None
        except UnicodeDecodeError as exc:
            if errors == "replace":
                return _replaced(data, encoding, source)
            raise DecodeError(
                f"not valid {encoding} at byte {exc.start}: {exc.reason}", source=source
            ) from exc
        except LookupError as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}", source=source) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name, None
            except UnicodeDecodeError as exc:
                if errors == "replace":
                    return _replaced(data, name, source)
                raise DecodeError(
                    f"broken {name} after its byte-order mark at byte {exc.start}", source=source
                ) from exc
    # (before UTF-8: the UTF-16 of ASCII text is valid UTF-8, with a NUL every other byte)
    found = _utf16_without_bom(data) if b"\x00" in data else None
    if found is not None:
        return (*found, None)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if errors == "replace" and len(_bad_offsets(data, "utf-8")) <= _SHOWN_OFFSETS:
        return _replaced(data, "utf-8", source)  # a few bad bytes in UTF-8 text
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes) without a byte-order mark", source=source)
    # Imported here: only bytes that are neither UTF-8 nor marked need it, and it costs
    # several milliseconds of every `import diplocorpus`.
    import charset_normalizer  # noqa: PLC0415

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        if errors == "replace":
            return _replaced(data, "utf-8", source)
        raise DecodeError(
            f"not UTF-8 (bad byte at {first_bad}) and no other encoding fits", source=source
        )
    _log.debug("%s: decoded as %s", source, best.encoding)
    return str(best), best.encoding, None


# Characters no text holds: a "UTF-16" decoding that gives one is not what the bytes are.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """The text of UTF-16 bytes without a byte-order mark, where the bytes make it certain:
    NUL bytes (the high byte of ASCII characters) on one side of every pair only, in at least
    a third of the pairs, and a strict decoding that holds only text."""
    if len(data) < 4 or len(data) % 2:
        return None
    high_first, high_last = data[0::2].count(0), data[1::2].count(0)
    if high_first and high_last:
        return None
    name = "utf-16-le" if high_last else "utf-16-be"
    if max(high_first, high_last) * 3 < len(data) // 2:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    if _NOT_TEXT.search(text):
        return None
    _log.debug("UTF-16 without a byte-order mark: decoded as %s", name)
    return text, name


def iter_documents(
    paths: Paths,
    *,
    glob: Globs = DEFAULT_GLOBS,
    errors: Errors = "raise",
    skipped: list[SkippedInput] | None = None,
    stdin: Literal["text", "jsonl"] = "text",
    follow_links: bool = False,
    decode_errors: DecodeErrors = "strict",
) -> Iterator[Document]:
    """Yield the documents of files, folders, JSON Lines files (``.jsonl``: one record a
    line, ``text`` required) and ``-`` (standard input), one at a time.

    ``paths`` is one path (``"seeds"``, a ``Path``) or an iterable of them. A folder gives
    its files that match ``glob`` (one pattern or several, recursively, in sorted order; by
    default :data:`DEFAULT_GLOBS`: text dumps and HTML pages); a folder where none matches
    is an input that cannot be read, with the patterns its files would match. ``stdin``
    says whether standard input is one page or JSON Lines.

    A folder's entries that match but are not files to read are not opened: a dangling
    link, a link loop, a FIFO, a device file, a link to a folder (never walked), a
    subfolder that cannot be listed (:class:`UnreadableInputError`), and a link to a file
    outside the folder unless ``follow_links=True``. A path given itself (a link, a FIFO)
    is read as given.

    With ``errors="raise"`` the first input that cannot be read raises an
    :class:`InputError`: :class:`InputNotFoundError` for a path with nothing there,
    :class:`InputPermissionError`, :class:`DecodeError`, ...; with ``"skip"`` it is
    appended to ``skipped`` and loading goes on. Any other ``errors`` is a ``ValueError``
    at the call.

    Bytes that do not decode are a :class:`DecodeError` for a file or standard input, and
    a record that cannot be read (an :class:`InputError` for ``path:line``) for a JSON
    Lines line; with ``errors="skip"`` either is a skipped input. With
    ``decode_errors="replace"`` they are replaced by U+FFFD and the document's ``notes`` say
    at which byte offsets, as :func:`read_document`'s do. Any other ``decode_errors`` is a
    ``ValueError`` at the call.
    """
    check_errors(errors)
    check_decode_errors(decode_errors)
    return _documents(
        as_paths(paths),
        as_globs(glob),
        errors=errors,
        skipped=skipped,
        reading=_Reading(stdin=stdin, decode_errors=decode_errors),
        follow_links=follow_links,
    )


@attrs.frozen(kw_only=True, slots=True)
class _Reading:
    """How the files found are read: standard input's kind, and what undecodable bytes do."""

    stdin: Literal["text", "jsonl"]
    decode_errors: DecodeErrors


def as_paths(paths: Paths) -> Iterator[str]:
    """The paths given: one path (``str`` or ``os.PathLike``) or an iterable of them."""
    if isinstance(paths, (str, os.PathLike)):
        return iter((os.fspath(paths),))
    if isinstance(paths, bytes):
        raise TypeError("paths: give str or os.PathLike paths, not bytes")
    return (os.fspath(path) for path in paths)


def as_globs(glob: Globs) -> tuple[str, ...]:
    """The patterns given: one (``str``) or several; none is a ``ValueError``."""
    globs = (glob,) if isinstance(glob, str) else tuple(glob)
    if not globs or not all(isinstance(g, str) and g for g in globs):
        raise ValueError(f"glob: give one pattern or several, not {glob!r}")
    return globs


def input_files(name: str, globs: tuple[str, ...], *, follow_links: bool = False) -> list[str]:
    """The files the path ``name`` stands for: itself, or a folder's files that match
    ``globs`` (sorted). A folder where none matches raises :class:`InputError` saying
    which patterns its files would match; so does the first of its entries that cannot be
    read (see :func:`folder_entries`)."""
    files = []
    for entry in folder_entries(name, globs, follow_links=follow_links):
        if not isinstance(entry, str):
            raise entry_error(entry)
        files.append(entry)
    return files


# A folder's entry: a file to read, one that is not a file to read, or one the operating
# system would not let be read.
Entry = str | SkippedInput | UnreadableInputError


def entry_error(entry: SkippedInput | UnreadableInputError) -> InputError:
    """The error an entry of a folder that is not read raises with ``errors="raise"``."""
    if isinstance(entry, UnreadableInputError):
        return entry
    return InputError(entry.reason, source=entry.source)


def entry_skipped(entry: SkippedInput | UnreadableInputError) -> SkippedInput:
    """The entry of a folder that is not read, as ``skipped`` lists it."""
    if isinstance(entry, UnreadableInputError):
        return SkippedInput(source=entry.source or "", reason=entry.reason)
    return entry


def folder_entries(name: str, globs: tuple[str, ...], *, follow_links: bool = False) -> list[Entry]:
    """What the path ``name`` stands for, in sorted order: itself, or a folder's files that
    match ``globs``, and the entries of the folder that match but cannot be read as files
    (a dangling link, a link loop, a FIFO, a device, a link to a file outside the folder
    unless ``follow_links``) as :class:`SkippedInput`, and a subfolder that cannot be listed
    as its :class:`UnreadableInputError`.
    Links to folders are not walked. A folder where nothing matches raises
    :class:`InputError` saying which patterns its files would match."""
    path = Path(name)
    if name == "-" or not path.is_dir():
        return [name]  # a file: opening it says if it cannot be read
    # The folders walked: never through a link (a link to a folder is listed, not walked).
    folders: set[str] = set()
    entries: dict[str, Entry] = {}

    def cannot_list(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else name
        entries[where] = unreadable(exc, where)

    for top, subfolders, _files in os.walk(name, onerror=cannot_list):
        folders.add(os.path.normpath(top))
        for sub in subfolders:
            full = os.path.join(top, sub)
            if os.path.islink(full):
                entries[full] = SkippedInput(source=full, reason="a link to a folder, not walked")
    root = os.path.realpath(name)
    for pattern in globs:
        for match in path.glob(pattern):
            full = str(match)
            if full in entries or os.path.normpath(os.path.dirname(full)) not in folders:
                continue
            entry = _entry(full, root, follow_links)
            if entry is not None:
                entries[full] = entry
    if not entries:
        raise InputError(_no_match(path, globs), source=name)
    return [entries[key] for key in sorted(entries, key=Path)]  # as paths sort


def _entry(name: str, root: str, follow_links: bool) -> Entry | None:
    """A folder's entry that matches: a file to read, one that cannot be, or ``None`` for
    a folder (its files are walked on their own)."""
    try:
        mode = os.lstat(name).st_mode
    except OSError as exc:
        return unreadable(exc, name)
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISLNK(mode):
        return name if stat.S_ISREG(mode) else _not_a_file(name, mode, "")
    target = os.readlink(name)
    try:
        mode = os.stat(name).st_mode
    except FileNotFoundError:
        return SkippedInput(source=name, reason=f"a dangling link (to {target}, not there)")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return SkippedInput(source=name, reason="a link loop (the link leads back to itself)")
        return unreadable(exc, name)
    if stat.S_ISDIR(mode):
        return SkippedInput(source=name, reason="a link to a folder, not walked")
    if not stat.S_ISREG(mode):
        return _not_a_file(name, mode, f"a link to {target}: ")
    real = os.path.realpath(name)
    if follow_links or os.path.commonpath((root, real)) == root:
        return name
    return SkippedInput(
        source=name,
        reason=f"a link to {real}, outside the folder (not followed)",
    )


def _not_a_file(name: str, mode: int, prefix: str) -> SkippedInput:
    if stat.S_ISFIFO(mode):
        kind = "a FIFO"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device file"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "a special file"
    return SkippedInput(source=name, reason=f"{prefix}{kind}, not a file (not opened)")


def _no_match(folder: Path, globs: tuple[str, ...]) -> str:
    patterns = " or ".join(globs)
    suffixes = collections.Counter(p.suffix for p in folder.rglob("*") if p.is_file())
    suffixes.pop("", None)
    if not suffixes:
        return f"no files under this folder match {patterns}: it holds no files"
    common = ", ".join(f"{n} *{s}" for s, n in suffixes.most_common(3))
    suffix = suffixes.most_common(1)[0][0]
    return f"no files under this folder match {patterns}; it holds {common} (glob '**/*{suffix}')"


def check_errors(errors: object) -> None:
    """Refuse an ``errors=`` other than ``"raise"`` or ``"skip"`` (``ValueError``)."""
    if errors not in _ERRORS:
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")


_ERRORS = frozenset(("raise", "skip"))


def _documents(
    paths: Iterable[str],
    globs: tuple[str, ...],
    *,
    errors: Errors,
    skipped: list[SkippedInput] | None,
    reading: _Reading,
    follow_links: bool,
) -> Iterator[Document]:
    for name in paths:
        try:
            entries = folder_entries(name, globs, follow_links=follow_links)
        except InputError as exc:
            if errors == "raise":
                raise
            _skip(skipped, SkippedInput(source=name, reason=str(exc)))
            continue
        for entry in entries:
            if isinstance(entry, str):
                yield from _guarded(_documents_of(entry, reading), entry, errors, skipped)
            elif errors == "raise":
                raise entry_error(entry)
            else:
                _skip(skipped, entry_skipped(entry))


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


def _documents_of(name: str, reading: _Reading) -> Iterator[Document | SkippedInput]:
    if name == "-":
        data = sys.stdin.buffer.read()
        if reading.stdin == "jsonl":
            yield from _stdin_records(data, reading.decode_errors)
            return
        check_size(data, source="-")
        text, found, note = decode_noted(data, source="-", errors=reading.decode_errors)
        yield Document(text=text, source="-", encoding=found, notes=_notes(note))
        return
    if name.endswith(_JSONL):
        try:
            handle = open(name, "rb")  # noqa: SIM115 - closed below, read a line at a time
        except OSError as exc:
            raise unreadable(exc, name) from exc
        with handle:
            for number, raw in enumerate(handle, start=1):
                yield _record(raw, name, number, reading.decode_errors)
        return
    yield read_document(name, decode_errors=reading.decode_errors)


def _json_lines(text: str) -> list[str]:
    """The lines of JSON Lines text: ended by ``\\n`` alone, as a file's are read (U+2028
    and the other breaks of ``str.splitlines`` may stand unescaped inside a JSON string)."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _stdin_records(data: bytes, decode_errors: DecodeErrors) -> Iterator[Document | SkippedInput]:
    """Standard input's JSON Lines records, read a line at a time as a file's are (a line
    that does not decode costs that record), unless the bytes are UTF-16 or UTF-32 (marked,
    or certain without a mark): those are decoded whole first, and what the decoding
    replaced is noted on every record, as its offsets are the whole input's."""
    wide = data.startswith(_WIDE_BOMS) or (b"\x00" in data and _utf16_without_bom(data) is not None)
    if not wide:
        lines = data.split(b"\n")
        if lines[-1] == b"":
            lines.pop()
        for number, raw in enumerate(lines, start=1):
            yield _record(raw, "-", number, decode_errors)
        return
    text, _found, note = decode_noted(data, source="-", errors=decode_errors)
    for number, line in enumerate(_json_lines(text), start=1):
        record = _record(line.encode("utf-8"), "-", number, "strict")
        if note is not None and isinstance(record, Document):
            record = attrs.evolve(record, notes=(f"standard input: {note}", *record.notes))
        yield record


def _record(
    raw: bytes, name: str, number: int, decode_errors: DecodeErrors
) -> Document | SkippedInput:
    where = f"{name}:{number}"
    if not raw.strip():
        return SkippedInput(source=where, reason="empty line")
    note = None
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if decode_errors == "strict":
            return SkippedInput(source=where, reason=f"not a JSON record: {exc}")
        text, _name, replaced = _replaced(raw, "utf-8", where)
        line = text.removeprefix("\ufeff")  # a byte-order mark, as utf-8-sig drops it
        note = f"line {number}: {replaced}"
    try:
        record = load_json(line)
    except JSONProblem as exc:
        return SkippedInput(source=where, reason=f"not a JSON record: {exc}")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return SkippedInput(source=where, reason="a record needs a 'text' string")
    try:
        check_size(record["text"])
    except InputTooLargeError as exc:
        return SkippedInput(source=where, reason=f"its text is {exc}")
    for field in ("url", "source"):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            return SkippedInput(
                source=where, reason=f"'{field}' must be a string, got {type(value).__name__}"
            )
    try:
        published = _date_field(record.get("published"))
        fetched = _date_field(record.get("fetched_at"))
    except ValueError as exc:
        return SkippedInput(source=where, reason=f"bad date: {exc}")
    try:
        return Document(
            text=record["text"],
            source=str(record.get("source") or record.get("url") or where),
            url=record.get("url"),
            published=published,
            fetched_at=fetched if isinstance(fetched, dt.datetime) else None,
            encoding="utf-8",
            metadata={k: v for k, v in record.items() if k not in _KNOWN},
            notes=_notes(note),
        )
    except RecursionError:  # json reads deeper than a walk of its values can go
        return SkippedInput(source=where, reason="JSON nested too deep to read")


def _date_field(value: object) -> DateValue | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not an ISO 8601 string")
    # A time a Vietnamese news record gives without its zone is Vietnam time.
    return in_zone(read_iso_date(value), VIETNAM_TZ)
