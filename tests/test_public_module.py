"""Public names report ``diplocorpus`` as their module, as httpx's do: reprs, tracebacks and
pickles show the path a user imports, never a private module, so code can move between
private modules without breaking a pickle made before."""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import pickle
import pickletools
import traceback
import typing
from collections.abc import Iterator

import attrs
import pytest

import diplocorpus as dc
from tests.conftest import SEEDS

#: Public classes whose instances are not values: a store holds an open database.
NOT_PICKLED = {dc.Store}

PUBLIC_CLASSES = sorted(
    (obj for obj in (getattr(dc, n) for n in dc.__all__) if isinstance(obj, type)),
    key=lambda c: c.__name__,
)
PUBLIC_FUNCTIONS = sorted(
    (obj for obj in (getattr(dc, n) for n in dc.__all__) if inspect.isfunction(obj)),
    key=lambda f: f.__name__,
)
ENUMS: list[type[enum.Enum]] = [c for c in PUBLIC_CLASSES if issubclass(c, enum.Enum)]
ERRORS = [c for c in PUBLIC_CLASSES if issubclass(c, BaseException)]


def examples() -> Iterator[object]:
    """One instance (at least) of every public class, most from the seeds."""
    documents = [dc.read_document(p) for p in sorted(SEEDS.glob("*.txt"))]
    analyses = [dc.analyse(d) for d in documents]
    articles = [a.article for a in analyses]
    yield from analyses[:1]
    yield documents[0]
    yield articles[0]
    yield articles[0].blocks[0]
    yield next(c for a in articles for c in a.captions)
    yield next(p for a in analyses for p in a.people)
    yield next(i for a in articles for i in dc.distinct_people(a))
    statements = [s for a in analyses for s in a.statements]
    yield statements[0]
    yield next(q for s in statements for q in s.quotes)
    events = [e for a in analyses for e in a.events]
    yield events[0]
    yield next(m for e in events for m in e.mentions)
    yield next(c for e in events for c in e.claims)
    merged = dc.merge_events((a.document.source, a.events) for a in analyses)
    yield merged[0]
    yield merged[0].start
    yield next(c for m in merged for c in m.start.claims)
    body = " ".join(articles[0].paragraphs)
    (cluster,) = dc.find_duplicates([("a", body), ("b", body)])
    yield cluster
    yield dc.PartialDate(month=12, day=19)
    yield dc.Lexicon.default()
    comments = dc.TemplateLine(
        key=dc.fold_key("Ý kiến ( # )"),
        form="shape",
        kind=dc.BlockKind.WIDGET,
        pages=4,
        example="Ý kiến ( 33 )",
    )
    yield comments
    yield dc.SiteProfile(site="a.vn", pages=4, articles=4, lines=[comments])
    yield dc.SkippedInput(source="a.txt", reason="not a page")
    yield dc.IngestReport(added=1, existing=0, failed=(("b.txt", "cannot decode"),))
    yield dc.SearchHit(source="a.txt", line=3, text="Hội nghị", title="Tiêu đề")
    yield dc.Corpus([SEEDS], learn_sites=False)
    for kind in ENUMS:
        yield from kind
    yield dc.DiplocorpusError("something failed")
    yield dc.InputError("NUL byte in text", source="a.txt", line=2, column=5)
    yield dc.NotTextError("expected str, got bytes")
    yield dc.BinaryContentError("NUL byte in text", source="a.txt", line=2, column=5)
    yield dc.MarkupInputError("this is HTML", source="a.html", line=1)
    yield dc.DecodeError("not UTF-8", source="a.txt")
    yield dc.InputTooLargeError(20_000_001, 20_000_000, source="dump.txt")
    yield dc.MissingDependencyError("HTML input needs lxml: pip install 'diplocorpus[html]'")
    yield dc.StoreError("not a diplocorpus store: a.sqlite")
    yield dc.UnreadableInputError("cannot be read: Input/output error", source="a.txt", errno=5)
    yield dc.InputNotFoundError("no such file or folder", source="scraped", errno=2)
    yield dc.InputPermissionError("permission denied (cannot be read)", source="a.txt", errno=13)


EXAMPLES = list(examples())


def same(a: object, b: object) -> bool:
    """Equal as values: records and enums by ``==``, exceptions and plain objects by their
    type, arguments and attributes."""
    if type(a) is not type(b):
        return False
    if isinstance(a, BaseException):
        assert isinstance(b, BaseException)
        return a.args == b.args and vars(a) == vars(b) and str(a) == str(b)
    if attrs.has(type(a)) or isinstance(a, enum.Enum):
        return a == b
    return vars(a) == vars(b)


def test_every_public_class_has_an_example() -> None:
    covered = {type(x) for x in EXAMPLES}
    assert set(PUBLIC_CLASSES) - NOT_PICKLED == covered


@pytest.mark.parametrize("public", [*PUBLIC_CLASSES, *PUBLIC_FUNCTIONS], ids=lambda o: o.__name__)
def test_public_names_report_the_package(public: typing.Any) -> None:
    assert public.__module__ == "diplocorpus"
    assert getattr(dc, public.__qualname__) is public
    if isinstance(public, type) and not issubclass(public, enum.Enum):  # enums: <enum 'X'>
        assert repr(public) == f"<class 'diplocorpus.{public.__name__}'>"


@pytest.mark.parametrize("value", EXAMPLES, ids=lambda x: type(x).__name__)
def test_public_values_pickle_under_the_public_path(value: object) -> None:
    data = pickle.dumps(value)
    back = pickle.loads(data)
    assert same(back, value)
    assert type(back).__module__ == "diplocorpus"
    assert type(value).__module__ == "diplocorpus"


def _private_pieces(value: object) -> object:
    """``value`` as a test parameter, marked where a public record holds a private class."""
    if isinstance(value, dc.Lexicon):
        reason = "Lexicon.speakers holds SpeakerEntry, which diplocorpus does not export"
        return pytest.param(value, marks=pytest.mark.xfail(strict=True, reason=reason))
    return value


@pytest.mark.parametrize(
    "value", [_private_pieces(x) for x in EXAMPLES], ids=lambda x: type(x).__name__
)
def test_pickles_name_only_public_classes(value: object) -> None:
    """Every class a pickle of a public value refers to is public: moving a private class
    cannot make an old pickle unreadable."""
    data = pickle.dumps(value)
    named = " ".join(str(arg) for _op, arg, _pos in pickletools.genops(data) if arg is not None)
    assert "diplocorpus._" not in named


@pytest.mark.parametrize("member", [m for e in ENUMS for m in e], ids=repr)
def test_enum_reprs_name_no_private_module(member: object) -> None:
    assert "diplocorpus._" not in repr(member)
    assert "diplocorpus._" not in repr(type(member))


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.__name__)
def test_errors_show_the_public_path(error: type[BaseException]) -> None:
    exc = next(x for x in EXAMPLES if type(x) is error)
    assert isinstance(exc, BaseException)
    shown = "".join(traceback.format_exception_only(type(exc), exc))
    assert shown.startswith(f"diplocorpus.{error.__name__}: ")
    assert "diplocorpus._" not in repr(exc)


@pytest.mark.parametrize("public", PUBLIC_CLASSES, ids=lambda c: c.__name__)
def test_annotations_still_resolve(public: type) -> None:
    """attrs and cattrs read a class's annotations with typing.get_type_hints, in the module
    ``__module__`` names; they were written as strings in a private module."""
    hints = typing.get_type_hints(public)
    assert not any(isinstance(h, str | typing.ForwardRef) for h in hints.values())
    if attrs.has(public):
        attrs.resolve_types(public)


#: A generic record is read back with its values' type.
GENERIC = {
    dc.MergedField: dc.MergedField[dt.datetime | dt.date | dc.PartialDate],
    dc.SourcedValue: dc.SourcedValue[dt.datetime | dt.date | dc.PartialDate],
}


def test_records_still_convert_to_and_from_json() -> None:
    for value in EXAMPLES:
        if attrs.has(type(value)) and not isinstance(value, dc.Lexicon | dc.Corpus):
            kind = GENERIC.get(type(value), type(value))
            assert dc.from_json(dc.to_json(value), kind) == value
