"""Hostile inputs for the fuzz test (tests/test_fuzz.py) and benchmark (benchmarks/bench_fuzz.py).

Every generator takes a ``random.Random``: the same seed gives the same input, so a run of
the benchmark is repeatable and a failing input is found again from its seed. ``run_input``
feeds one input to every public entry point that takes it and says which raised what: an
exception is documented when docs/errors.md lists its class (or a base) for that entry point,
in the table "What each entry point raises" (:func:`error_table` reads it).
"""

from __future__ import annotations

import builtins
import functools
import json
import os
import pathlib
import random
import re
import time
from collections.abc import Callable, Iterator
from typing import Literal

import attrs

import diplocorpus as dc

Kind = Literal["text", "html", "jsonl"]
KINDS: tuple[Kind, ...] = ("text", "html", "jsonl")

_NEWS = (
    "Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội",
    "Sáng 19/12, Thủ tướng Phạm Minh Chính phát biểu: “Việt Nam sẵn sàng hợp tác.”",
    "Bộ trưởng Ngoại giao Bùi Thanh Sơn cho biết hai bên nhất trí tăng cường hợp tác.",
    "Theo Phó Thủ tướng, quan hệ Việt Nam - Nhật Bản đang ở giai đoạn tốt đẹp nhất.",
    "Ngày 5/9/2023, Tổng Bí thư hội đàm với Tổng thống Hoa Kỳ.",
    "Ảnh: TTXVN",
    "Chia sẻ Facebook Twitter",
    "(Nguồn: Báo Quốc tế)",
    "Lượt xem: 1.234",
    "Hà Nội, 19/12/2023 08:30",
)
_ODD = (
    "\x00",
    "\ud800",
    "\udfff",
    "\ud83d",
    "\u2028",
    "\u2029",
    "\x85",
    "\r",
    "\r\n",
    "\ufeff",
    "\u200b",
    "\u202e",
    "\x0b",
    "\x0c",
    "\x1c",
    "\ufffe",
    "\U0010ffff",
    "<",
    ">",
    "&amp;",
    "&#0;",
    "&#xd800;",
    "]]>",
    "]>",
    "“",
    "”",
    '"',
    "'",
    "%",
    "_",
    "\\",
    " ",
    "\t",
)
_TAGS = ("div", "p", "span", "article", "section", "b", "i", "a", "li", "table", "td", "script")
_CUE = "ông nói: “{}” và cho biết, "


def _word(rng: random.Random) -> str:
    return rng.choice(rng.choice(_NEWS).split())


def _unicode(rng: random.Random, size: int) -> str:
    """Random code points, lone surrogates included."""
    out = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.5:
            out.append(chr(rng.randrange(0x20, 0x7F)))
        elif roll < 0.7:
            out.append(rng.choice(_ODD))
        elif roll < 0.9:
            out.append(chr(rng.randrange(0xC0, 0x1EFF)))
        else:
            out.append(chr(rng.randrange(0, 0x110000)))
    return "".join(out)


def text_input(rng: random.Random) -> str:
    """A page's text: news lines with odd characters, markup, long lines and cue clauses."""
    shape = rng.random()
    if shape < 0.25:
        return _unicode(rng, rng.randrange(0, 400))
    if shape < 0.27:  # one very long line
        return " ".join(_word(rng) for _ in range(rng.randrange(200, 3000)))
    if shape < 0.29:  # many cue clauses in one paragraph, maybe an unclosed quote
        body = "".join(_CUE.format(_word(rng)) for _ in range(rng.randrange(10, 400)))
        return body + rng.choice(("“", "", "”"))
    sep = rng.choice(("\n", "\r\n", "\r", "\u2028", "\x85", "\n\n"))
    lines = []
    for _ in range(rng.randrange(1, 15)):
        line = rng.choice(_NEWS)
        roll = rng.random()
        if roll < 0.3:
            at = rng.randrange(len(line) + 1)
            line = line[:at] + rng.choice(_ODD) + line[at:]
        elif roll < 0.4:
            tag = rng.choice(_TAGS)
            line = f"<{tag} class='x'>{line}</{tag}>" if rng.random() < 0.5 else f"<{tag}>{line}"
        elif roll < 0.5:
            line = _unicode(rng, rng.randrange(1, 60))
        lines.append(line)
    return sep.join(lines)


def _json_ld(rng: random.Random) -> str:
    shape = rng.randrange(6)
    if shape == 0:
        body = "1" + "0" * rng.randrange(4000, 6000)
    elif shape == 1:
        depth = rng.randrange(900, 20000)
        body = "[" * depth + ("]" * depth if rng.random() < 0.5 else "")
    elif shape == 2:
        body = '{"@type": "NewsArticle", "headline": "' + _unicode(rng, 30).replace('"', "")
    elif shape == 3:
        body = json.dumps(
            {
                "@type": rng.choice(("NewsArticle", ["NewsArticle"], 5, None)),
                "headline": rng.choice((rng.choice(_NEWS), 7, [], {"a": 1})),
                "datePublished": rng.choice(("2023-12-19T08:30:00+07:00", "19/12", 3, "")),
                "author": rng.choice(({"name": "Minh Anh"}, [1, 2], "x")),
            }
        )
    elif shape == 4:
        body = "{" * rng.randrange(1, 3000) + '"a":1e999999'
    else:
        body = _unicode(rng, rng.randrange(0, 100))
    return f'<script type="application/ld+json">{body}</script>'


def _html_str(rng: random.Random) -> str:
    shape = rng.choices(range(7), weights=(3, 3, 20, 15, 10, 25, 24))[0]
    paras = "".join(f"<p>{rng.choice(_NEWS)}</p>" for _ in range(rng.randrange(0, 8)))
    if shape == 0:  # deep nesting
        depth = rng.randrange(200, 3000)
        tag = rng.choice(_TAGS[:5])
        close = f"</{tag}>" * depth if rng.random() < 0.7 else ""
        body = f"<p>Trước</p>{f'<{tag}>' * depth}Giữa{close}<p>Sau</p>"
    elif shape == 1:  # many siblings
        body = "".join(
            f"<div><p>{rng.choice(_NEWS)}</p></div>" for _ in range(rng.randrange(100, 2000))
        )
    elif shape == 2:
        body = _json_ld(rng) + paras
    elif shape == 3:
        body = _unicode(rng, rng.randrange(0, 300))
    elif shape == 4:
        body = (
            '<!DOCTYPE html [<!ENTITY x "y">]>'
            + paras
            + rng.choice(("&x;", "<![CDATA[x]]>", "<!-- c", "<?xml version='1.0'?>"))
        )
    else:
        parts = [
            rng.choice(_TAGS) if rng.random() < 0.3 else rng.choice(_NEWS)
            for _ in range(rng.randrange(1, 30))
        ]
        body = paras + "".join(f"<{p}>" if p in _TAGS else p + rng.choice(_ODD) for p in parts)
    head = rng.choice(
        (
            "",
            '<meta charset="utf-8">',
            '<meta charset="utf-16">',
            '<meta charset="windows-1258">',
            '<meta charset="nonsense">',
            '<meta http-equiv="Content-Type" content="text/html; charset=latin-1">',
        )
    )
    title = f"<title>{rng.choice(_NEWS)}</title>" if rng.random() < 0.7 else ""
    return f"<html><head>{head}{title}</head><body>{body}</body></html>"


def html_input(rng: random.Random) -> str | bytes:
    """A page's HTML, as ``str`` or as bytes in some encoding (with a BOM or odd bytes)."""
    html = _html_str(rng)
    roll = rng.random()
    if roll < 0.5:
        return html
    encoding = rng.choice(("utf-8", "utf-16", "utf-16-le", "utf-32", "cp1258", "latin-1"))
    data = html.encode(encoding, errors="surrogatepass" if "utf" in encoding else "replace")
    if rng.random() < 0.2:
        data = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"")) + data
    if rng.random() < 0.2:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + data[at:]
    return data


def _record(rng: random.Random) -> str:
    good = {
        "text": text_input(rng) if rng.random() < 0.1 else rng.choice(_NEWS),
        "url": f"https://baoquocte.vn/tin-{rng.randrange(10**6)}.html",
        "source": f"shard/{rng.randrange(100)}",
        "published": rng.choice(("2023-12-19", "2023-12-19T08:30:00", "19/12/2023", "")),
        "fetched_at": "2023-12-19T09:00:00+07:00",
    }
    roll = rng.random()
    if roll < 0.3:  # a field of the wrong type
        field = rng.choice(sorted(good))
        good[field] = rng.choice(([1, 2], {"a": None}, 5, 1.5, None, True))  # type: ignore[assignment]
    elif roll < 0.4:
        good[_unicode(rng, 5)] = _unicode(rng, 10)
    elif roll < 0.5:
        del good[rng.choice(sorted(good))]
    line = json.dumps(good, ensure_ascii=rng.random() < 0.5)
    roll = rng.random()
    if roll < 0.15:  # a surrogate escape
        line = line.replace('"text": "', '"text": "\\ud800', 1)
    elif roll < 0.25:
        line = line[: rng.randrange(len(line) + 1)]
    elif roll < 0.3:
        line = "[" * rng.randrange(1000, 20000)
    elif roll < 0.35:
        line = '{"text": ' + "9" * rng.randrange(4400, 6000) + "}"
    elif roll < 0.4:
        line = _unicode(rng, rng.randrange(0, 80))
    return line


def jsonl_input(rng: random.Random) -> str:
    """JSON Lines: records valid and not, wrong field types, unknown keys, surrogates."""
    return "\n".join(_record(rng) for _ in range(rng.randrange(1, 6)))


GENERATORS: dict[Kind, Callable[[random.Random], str | bytes]] = {
    "text": text_input,
    "html": html_input,
    "jsonl": jsonl_input,
}


def make_input(seed: int) -> tuple[Kind, str | bytes]:
    """The input numbered ``seed``: its kind and its content."""
    rng = random.Random(seed)
    kind = KINDS[seed % len(KINDS)]
    return kind, GENERATORS[kind](rng)


ERRORS_DOC = pathlib.Path(__file__).resolve().parent.parent / "docs" / "errors.md"
_TABLE_HEAD = "| entry point | errors it raises for bad input | errors for a wrong argument |"
_NAME = re.compile(r"`([A-Za-z_][\w.]*)`")


@attrs.frozen
class Row:
    """What docs/errors.md says an entry point raises: the exception classes' names."""

    bad_input: frozenset[str]
    wrong_argument: frozenset[str]


def _without_brackets(cell: str) -> str:
    """The cell without its parenthesised explanations (nested ones too)."""
    out, depth = [], 0
    for char in cell:
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                raise ValueError(f"unbalanced ')' in {cell!r}")
            depth -= 1
        elif depth == 0:
            out.append(char)
    if depth:
        raise ValueError(f"unbalanced '(' in {cell!r}")
    return "".join(out)


def _classes(cell: str) -> frozenset[str]:
    """The exception classes a cell names: ``—``, or "`Name` (why), `Other`, ..."."""
    bare = _without_brackets(cell).strip()
    if bare == "—":
        return frozenset()
    names = []
    for part in bare.split(","):
        found = re.fullmatch(r"\s*`(\w+)`\s*", part)
        if found is None:
            raise ValueError(f"not a list of `ExceptionClass` (why): {cell!r}")
        names.append(found[1])
    return frozenset(names)


def parse_error_table(text: str) -> dict[str, Row]:
    """The table of docs/errors.md: each entry point (one row may name several) and its
    errors. A cell is ``—`` or class names in backticks, each maybe followed by an
    explanation in brackets; anything else is a ``ValueError``."""
    lines = text.splitlines()
    start = lines.index(_TABLE_HEAD) + 2  # past the head and the |---| line
    table: dict[str, Row] = {}
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3:
            raise ValueError(f"a row of three cells, not {len(cells)}: {line!r}")
        entries = _NAME.findall(cells[0])
        if not entries or _NAME.sub("", cells[0]).strip(" ,"):
            raise ValueError(f"the first cell names entry points in backticks: {line!r}")
        row = Row(_classes(cells[1]), _classes(cells[2]))
        for entry in entries:
            if entry in table:
                raise ValueError(f"{entry} has two rows")
            table[entry] = row
    return table


@functools.cache
def error_table() -> dict[str, Row]:
    """docs/errors.md's table, read once a process."""
    return parse_error_table(ERRORS_DOC.read_text(encoding="utf-8"))


def exception_class(name: str) -> type[BaseException]:
    """The class a name in the table stands for: the package's, or Python's."""
    found = getattr(dc, name, None) or getattr(builtins, name, None)
    if not (isinstance(found, type) and issubclass(found, BaseException)):
        raise ValueError(f"{name} is not an exception class of diplocorpus or Python")
    return found


def row_name(entry: str) -> str:
    """The table's row for a fuzz entry: ``parse/extract_people`` (on parse's result) is
    ``extract_people``, ``iter_documents[skip]`` is ``iter_documents``."""
    return entry.rsplit("/", 1)[-1].split("[", 1)[0]


def documented(entry: str, exc: BaseException) -> bool:
    """Whether docs/errors.md lists ``exc``'s class, or a base of it, among the errors
    ``entry`` raises for bad input."""
    row = error_table().get(row_name(entry))
    return row is not None and any(k.__name__ in row.bad_input for k in type(exc).__mro__)


@attrs.frozen
class Outcome:
    """What one entry point did with one input."""

    entry: str
    seconds: float
    error: str | None = None  # the class name of what it raised
    documented: bool = True


def _call(entry: str, func: Callable[[], object], out: list[Outcome]) -> object:
    start = time.perf_counter()
    try:
        result = func()
    except Exception as exc:  # the point is to see every one
        seconds = time.perf_counter() - start
        out.append(Outcome(entry, seconds, type(exc).__name__, documented(entry, exc)))
        return None
    out.append(Outcome(entry, time.perf_counter() - start))
    return result


def _round_trip(record: object, out: list[Outcome]) -> None:
    """``from_json(to_json(record))`` gives the record back (compared as JSON, where NaN
    equals itself): any exception, or another record, is a failure, never documented."""
    kind = type(record)
    entry = f"to_json/from_json[{kind.__name__}]"
    start = time.perf_counter()
    try:
        text = dc.to_json(record)
        same = dc.to_json(dc.from_json(text, kind)) == text
    except Exception as exc:
        out.append(Outcome(entry, time.perf_counter() - start, type(exc).__name__, False))
        return
    error = None if same else "RoundTripMismatch"
    out.append(Outcome(entry, time.perf_counter() - start, error, same))


def _as_file_bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8", errors="surrogatepass")


def _articles(article: object, entry: str, out: list[Outcome]) -> None:
    if not isinstance(article, dc.Article):
        return
    _round_trip(article, out)
    people = _call(f"{entry}/extract_people", lambda: dc.extract_people(article), out)
    statements = _call(f"{entry}/extract_statements", lambda: dc.extract_statements(article), out)
    events = _call(f"{entry}/extract_events", lambda: dc.extract_events(article), out)
    for found in (people, statements, events):
        for record in found if isinstance(found, tuple | list) else ():
            _round_trip(record, out)
    if isinstance(events, tuple):
        merged = _call("merge_events", lambda: dc.merge_events({"a": events, "b": events}), out)
        for record in merged if isinstance(merged, tuple) else ():
            _round_trip(record, out)
    body = "\n".join(article.paragraphs)
    _call("find_duplicates", lambda: dc.find_duplicates([("a", body), ("b", body)]), out)


def _folder(folder: pathlib.Path, out: list[Outcome], store: dc.Store | None) -> None:
    for errors in ("skip", "raise"):
        documents = _call(
            f"iter_documents[{errors}]",
            lambda errors=errors: list(dc.iter_documents(folder, errors=errors)),  # type: ignore[misc]
            out,
        )
        if errors == "skip" and isinstance(documents, list):
            for document in documents[:5]:
                _round_trip(document, out)
    lenient = _call(
        "iter_documents[replace]",
        lambda: list(dc.iter_documents(folder, errors="skip", decode_errors="replace")),
        out,
    )
    for document in lenient[:5] if isinstance(lenient, list) else ():
        _round_trip(document, out)
    if store is not None:
        docs: list[dc.SkippedInput] = []
        _call(
            "Store.add",
            lambda: store.add(
                dc.iter_documents(folder, errors="skip", skipped=docs), errors="skip"
            ),
            out,
        )


def run_input(
    kind: Kind, data: str | bytes, workdir: pathlib.Path, store: dc.Store | None = None
) -> list[Outcome]:
    """Feed ``data`` to every public entry point that takes a ``kind`` input, in ``workdir``
    (an empty folder of its own), and, when ``store`` is given, add it there and query it."""
    out: list[Outcome] = []
    suffix = {"text": ".txt", "html": ".html", "jsonl": ".jsonl"}[kind]
    path = workdir / f"page{suffix}"
    path.write_bytes(_as_file_bytes(data))
    if kind == "text":
        assert isinstance(data, str)
        _articles(_call("parse", lambda: dc.parse(data), out), "parse", out)
        _call("parse_file", lambda: dc.parse_file(path), out)
        _call("parse_file[replace]", lambda: dc.parse_file(path, decode_errors="replace"), out)
    elif kind == "html":
        article = _call("parse_html", lambda: dc.parse_html(data), out)
        _articles(article, "parse_html", out)
        _call("html_to_text", lambda: dc.html_to_text(data), out)
    else:
        assert isinstance(data, str)
        lines = data.split("\n")
        # The records are shaped as documents; read as every other record kind, they are
        # data that does not fit.
        for record_kind in RECORD_KINDS:
            name = record_kind.__name__
            _call(
                f"read_jsonl[{name}]",
                lambda kind=record_kind: list(dc.read_jsonl(lines, kind)),  # type: ignore[misc]
                out,
            )
        for line in lines[:3]:
            for record_kind in RECORD_KINDS:
                _call(
                    f"from_json[{record_kind.__name__}]",
                    lambda line=line, kind=record_kind: dc.from_json(line, kind),  # type: ignore[misc]
                    out,
                )
            try:
                loaded = json.loads(line)
            except (ValueError, RecursionError):
                continue
            for record_kind in RECORD_KINDS:
                _call(
                    f"from_dict[{record_kind.__name__}]",
                    lambda loaded=loaded, kind=record_kind: dc.from_dict(loaded, kind),  # type: ignore[misc]
                    out,
                )
    _folder(workdir, out, store)
    if store is not None:
        words = data[:200] if isinstance(data, str) else data[:200].decode("latin-1")
        _call("Store.search", lambda: store.search(words or "Tin"), out)
        speaker = words[: random.Random(len(words)).randrange(1, 20)] or "%"
        _call("Store.statements", lambda: store.statements(speaker=speaker), out)
    for name in os.listdir(workdir):
        (workdir / name).unlink()
    return out


#: The record kinds JSON Lines are read as: the records the loaders and the parser make.
RECORD_KINDS: tuple[type, ...] = (dc.Document, dc.Article, dc.Statement, dc.Event)


def seeds(start: int, count: int) -> Iterator[int]:
    """The input numbers ``start`` to ``start + count``."""
    return iter(range(start, start + count))
