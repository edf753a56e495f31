"""What the public API promises to a type checker: no ``Any`` where a type is known, and
overloads that give the precise type without narrowing (checked by running mypy)."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import diplocorpus as dc

mypy_api = pytest.importorskip("mypy.api")

#: Public callables that return ``Any`` on purpose, and why.
RETURNS_ANY = {
    # A dask.bag.Bag: dask is an optional extra, and its bags are not typed.
    "dask_bag",
    # A pandas or a polars DataFrame, as the caller asks: both optional extras, imported
    # only when called (pandas ships no types without pandas-stubs).
    "to_dataframe",
}


def _mentions_any(hint: object, seen: set[int] | None = None) -> bool:
    seen = set() if seen is None else seen
    if hint is typing.Any:
        return True
    if id(hint) in seen or isinstance(hint, typing.ForwardRef | str):
        return False  # a recursive alias (JSONValue) names itself
    seen.add(id(hint))
    return any(_mentions_any(arg, seen) for arg in typing.get_args(hint))


def _public_callables() -> Iterator[tuple[str, Callable[..., object]]]:
    for name in dc.__all__:
        public = getattr(dc, name)
        if inspect.isfunction(public):
            yield name, public
        elif isinstance(public, type) and public.__module__ == "diplocorpus":
            for attr, member in vars(public).items():
                if attr.startswith("_") and attr not in {"__call__", "__iter__", "__enter__"}:
                    continue
                function = _function_of(member)
                if function is not None:
                    yield f"{name}.{attr}", function


def _function_of(member: object) -> Callable[..., object] | None:
    if isinstance(member, staticmethod | classmethod):
        member = member.__func__
    elif isinstance(member, property):
        member = member.fget
    return member if inspect.isfunction(member) else None


def test_the_walk_sees_methods_and_functions() -> None:
    names = dict(_public_callables())
    assert {"to_dict", "Store.rows", "PartialDate.with_year", "Article.text"} <= set(names)


@pytest.mark.parametrize(("name", "function"), list(_public_callables()), ids=str)
def test_no_public_callable_returns_any(name: str, function: Callable[..., object]) -> None:
    returns = typing.get_type_hints(function).get("return")
    if name in RETURNS_ANY:
        assert _mentions_any(returns), f"{name} is typed now: take it off RETURNS_ANY"
    else:
        assert not _mentions_any(returns), f"{name} returns {returns}"


@pytest.mark.parametrize(
    "public",
    [
        c
        for c in map(dc.__dict__.get, dc.__all__)
        if isinstance(c, type) and c.__module__ == "diplocorpus"
    ],
    ids=lambda c: c.__name__,
)
def test_no_public_field_is_any(public: type) -> None:
    hints = typing.get_type_hints(public)
    typed = {k: v for k, v in hints.items() if not k.startswith("_")}
    assert not [k for k, v in typed.items() if _mentions_any(v)]


def test_the_check_finds_any() -> None:
    assert _mentions_any(dict[str, typing.Any])
    assert _mentions_any(Iterator[list[typing.Any] | None])
    assert not _mentions_any(dict[str, dc.JSONValue])


# What a caller's type checker sees. The last line is wrong on purpose: mypy must say so, or
# it checked nothing.
SNIPPET = """
import datetime as dt

from typing_extensions import assert_type

import diplocorpus as dc

known = dc.PartialDate(month=12, day=19)
day: dt.date = known.with_year(2023)
assert_type(known.with_year(2023), dt.date)
assert_type(dc.PartialDate(month=12, day=None).with_year(2023), dc.PartialDate[None])
read: dc.PartialDate = dc.PartialDate.fromisoformat("--12-19")
assert_type(read.with_year(2023), dt.date | dc.PartialDate[None])
assert_type(dc.to_dict(known), dict[str, dc.JSONValue])
event = dc.merge_events({})[0]
assert_type(event.mode.value, dc.AttendanceMode | None)
assert_type(event.location.values, tuple[str, ...])
assert_type(event.start.claims[0].value, dt.datetime | dt.date | dc.PartialDate)
Row = dict[str, str | int | float | bytes | None]
assert_type(next(dc.Store(":memory:").rows("documents")), Row)
assert_type(dc.Document(text="", source="-").metadata, dict[str, dc.JSONValue])
wrong: dt.date = read.with_year(2023)
"""


def test_a_type_checker_gets_the_precise_types(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "caller.py"
    source.write_text(SNIPPET, encoding="utf-8")
    root = Path(dc.__file__).resolve().parents[1]
    if "site-packages" not in root.parts:  # the diplocorpus under test, not an installed one
        monkeypatch.setenv("MYPYPATH", str(root))
    out, err, status = mypy_api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"), str(source)]
    )
    wrong = len(SNIPPET.splitlines())
    assert out.splitlines() == [
        f"{source}:{wrong}: error: Incompatible types in assignment (expression has type "
        '"date | PartialDate[None]", variable has type "date")  [assignment]'
    ], out + err
    assert status == 1
