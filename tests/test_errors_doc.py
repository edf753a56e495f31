"""docs/errors.md's table "What each entry point raises" against the code (issue 14): a row
for every public entry point, and for every entry point the fuzz test calls; each name in
it an entry point and an exception class that exist. The fuzz harness (tests/fuzzgen.py)
counts an exception as documented only when its row lists it."""

from __future__ import annotations

import enum
import inspect
import pathlib
from collections.abc import Iterator

import pytest

import diplocorpus as dc
from diplocorpus._schema import public_records
from tests import fuzzgen

# The public methods of the classes that read input (a corpus's files, a store's file) that
# take none.
NO_INPUT = {
    "Lexicon.default": "the shipped lexicon",
    "Store.close": "closes the file",
}
# The entry points that write a file: the operating system's OSError is theirs to raise.
WRITERS = frozenset({"write_report", "export_parquet"})


def _methods(cls: type) -> Iterator[tuple[str, inspect.Signature]]:
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        function = value.__func__ if isinstance(value, classmethod | staticmethod) else value
        if inspect.isfunction(function):
            yield name, inspect.signature(function)


def _takes_input(signature: inspect.Signature) -> bool:
    return any(p not in ("self", "cls") for p in signature.parameters)


def public_entry_points() -> set[str]:
    """Every public callable that takes input: the functions of ``__all__`` with a
    parameter; the classes that are not records (their construction and every method: they
    read input even without an argument); the methods of records that take an argument."""
    records = set(public_records(dc.__all__, vars(dc)))
    found: set[str] = set()
    for name in dc.__all__:
        value = getattr(dc, name)
        if inspect.isfunction(value):
            if _takes_input(inspect.signature(value)):
                found.add(name)
        elif isinstance(value, type) and not issubclass(value, BaseException | enum.Enum):
            if value not in records:
                found.add(name)
            for method, signature in _methods(value):
                if value not in records or _takes_input(signature):
                    found.add(f"{name}.{method}")
    return found - set(NO_INPUT)


def test_every_public_entry_point_has_a_row() -> None:
    missing = sorted(public_entry_points() - set(fuzzgen.error_table()))
    assert missing == [], f"docs/errors.md's table has no row for {missing}"


def test_the_walk_finds_the_entry_points_it_should() -> None:
    """The walk itself: functions, classes that read input and their methods, records'
    methods that take an argument; not records, exceptions, enums or what takes nothing."""
    found = public_entry_points()
    assert {"parse", "Corpus", "Corpus.articles", "Store", "Store.counts", "Lexicon"} <= found
    assert {"PartialDate.fromisoformat", "SiteProfile.match", "Store.add"} <= found
    assert not {"new_converter", "Article", "InputError", "BlockKind", "PartialDate"} & found
    assert not {"Store.close", "Lexicon.default", "PartialDate.isoformat"} & found


def test_every_row_names_an_entry_point() -> None:
    for entry in fuzzgen.error_table():
        owner, _, method = entry.rpartition(".")
        value = getattr(getattr(dc, owner), method) if owner else getattr(dc, entry)
        assert callable(value), entry
        assert entry not in NO_INPUT, entry


def test_every_error_named_is_an_exception_class() -> None:
    for entry, row in fuzzgen.error_table().items():
        for name in row.bad_input | row.wrong_argument:
            fuzzgen.exception_class(name)
        for name in row.bad_input:
            error = fuzzgen.exception_class(name)
            # (a bare ValueError there would document every InputError, which is one)
            assert issubclass(error, dc.DiplocorpusError) or (
                error is OSError and entry in WRITERS
            ), f"{entry}: {name} for bad input"


def test_every_entry_point_the_fuzz_calls_has_a_row(
    tmp_path: pathlib.Path,
) -> None:
    work = tmp_path / "in"
    work.mkdir()
    inputs: list[tuple[fuzzgen.Kind, str | bytes]] = [
        (
            "text",
            "Hội nghị Ngoại giao lần thứ 32 khai mạc\n19/12/2023\n\nSáng 19/12, Thủ tướng"
            " Phạm Minh Chính phát biểu: “Việt Nam sẵn sàng hợp tác.”",
        ),
        (
            "html",
            "<html><body><h1>Tin</h1><p>Bộ trưởng Bùi Thanh Sơn cho biết hai bên"
            " nhất trí.</p></body></html>",
        ),
        ("jsonl", '{"text": "Tin", "url": "https://a.vn/1", "tags": [1]}\n[1, 2'),
    ]
    entries: set[str] = set()
    with dc.Store(tmp_path / "fuzz.db") as store:
        for kind, data in inputs:
            entries |= {o.entry for o in fuzzgen.run_input(kind, data, work, store)}
    rows = {fuzzgen.row_name(entry) for entry in entries}
    assert sorted(rows - set(fuzzgen.error_table())) == []
    # Every entry point of run_input was reached by these inputs.
    assert {
        "parse",
        "parse_file",
        "parse_html",
        "html_to_text",
        "extract_people",
        "extract_statements",
        "extract_events",
        "merge_events",
        "find_duplicates",
        "read_jsonl",
        "from_json",
        "from_dict",
        "iter_documents",
        "Store.add",
        "Store.search",
        "Store.statements",
    } <= rows
    assert {"from_json[Document]", "from_json[Article]", "to_json/from_json[Document]"} <= entries


def test_documented_means_listed_for_the_entry_point_or_a_base() -> None:
    table = fuzzgen.error_table()
    assert "InputError" in table["from_json"].bad_input
    assert fuzzgen.documented("from_json[Event]", dc.InputError("x"))
    assert fuzzgen.documented("iter_documents[raise]", dc.InputNotFoundError("x"))  # a base
    assert not fuzzgen.documented("parse", dc.InputError("x"))  # a base is not a subclass
    assert not fuzzgen.documented("parse", ValueError("x"))
    assert not fuzzgen.documented("merge_events", dc.InputError("x"))


@pytest.mark.parametrize(
    "cell",
    [
        "`ValueError`; `TypeError`",
        "`ValueError` and `TypeError`",
        "ValueError",
        "`ValueError` (unclosed",
        "`ValueError` (`threshold=` outside (0, 1])",
        "",
    ],
)
def test_a_cell_that_is_not_a_list_of_classes_is_refused(cell: str) -> None:
    text = f"{fuzzgen._TABLE_HEAD}\n|---|---|---|\n| `parse` | {cell} | — |\n"
    with pytest.raises(ValueError, match=r"not a list of `ExceptionClass`|unbalanced"):
        fuzzgen.parse_error_table(text)


def test_a_cell_names_classes_with_their_reasons() -> None:
    text = (
        f"{fuzzgen._TABLE_HEAD}\n|---|---|---|\n"
        "| `parse`, `Store.add` | `InputError` (a page (the text) that `parse` refuses),"
        " `StoreError` | — (none) |\n\nAfter the table.\n"
    )
    table = fuzzgen.parse_error_table(text)
    assert table == {
        "parse": fuzzgen.Row(frozenset({"InputError", "StoreError"}), frozenset()),
        "Store.add": fuzzgen.Row(frozenset({"InputError", "StoreError"}), frozenset()),
    }
