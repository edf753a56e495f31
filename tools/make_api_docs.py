"""Write docs/api.md, the API reference, from the docstrings of ``diplocorpus.__all__``.

    python tools/make_api_docs.py            # rewrite docs/api.md
    python tools/make_api_docs.py --check    # exit 1 when docs/api.md is not up to date

``tests/test_api_reference.py`` regenerates the page and fails when the file differs, so
the reference cannot drift from the code: after adding, renaming or documenting a public
name, run the first command and commit docs/api.md.

Every name of ``__all__`` gets a section, in ``__all__`` order within its group
(functions, classes, enumerations, exceptions, type aliases, constants): its signature
(the annotations as the source writes them, a default that is computed or has no stable
repr written ``...``), its docstring, and for a class its attrs fields, the public methods and
properties it and its diplocorpus bases define, and for an enumeration its members. The
output depends on nothing but the code: no memory addresses, no dates, no paths.

Docstring examples are copied verbatim, and run: pytest collects docs/*.md as doctests
(``--doctest-glob=*.md``), so the page's examples are the docstrings' examples, tested. A
docstring example is written in its module, where the names of the package are in scope;
the page therefore opens with ``from diplocorpus import *``, the same names. (Fencing or
indenting them would not stop doctest, which reads ``>>>`` anywhere; an example that must
not run carries ``# doctest: +SKIP`` in its docstring, as ``dask_bag``'s do; one that
imports an optional library skips the rest of the page when it is missing, see
docs/conftest.py.)
"""

from __future__ import annotations

import argparse
import ast
import enum
import inspect
import pathlib
import re
import sys
import textwrap
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

ROOT = pathlib.Path(__file__).resolve().parent.parent
API_PAGE = ROOT / "docs" / "api.md"
COMMAND = "python tools/make_api_docs.py"

#: Values without a docstring of their own: what they are (a value not listed here, a type
#: alias say, is shown with its value alone).
CONSTANTS = {
    "DEFAULT_GLOBS": "The patterns of the files read from a folder when no ``glob`` is given: "
    "text dumps and saved HTML pages.",
    "VIETNAM_TZ": "UTC+07:00, the zone of a time a page writes without one "
    "(``parse(..., default_tz=...)`` chooses another).",
    "__version__": "The version of the installed package, a string (PEP 440).",
}
#: Constants whose value is not written out (it changes with every release).
UNSHOWN = {"__version__"}

GROUPS = ("Functions", "Classes", "Enumerations", "Exceptions", "Type aliases", "Constants")
WIDTH = 88
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_ROLE = re.compile(r":(?:func|class|meth|attr|exc|data|mod):`~?([^`]+)`")


def _group(obj: object) -> str:
    if isinstance(obj, type):
        if issubclass(obj, enum.Enum):
            return "Enumerations"
        if issubclass(obj, BaseException):
            return "Exceptions"
        return "Classes"
    if inspect.isfunction(obj):
        return "Functions"
    if _is_alias(obj):
        return "Type aliases"
    return "Constants"


def _is_alias(obj: object) -> bool:
    """A type alias (``JSON = dict[str, Any] | list[Any]``), not a value."""
    return isinstance(obj, (types.UnionType, types.GenericAlias)) or (
        type(obj).__module__ == "typing" and hasattr(obj, "__origin__")
    )


def _anchor(title: str) -> str:
    """The anchor GitHub and most renderers give a heading."""
    text = re.sub(r"[^\w\- ]", "", title.lower())
    return text.replace(" ", "-")


def _written_annotations(cls: type) -> dict[str, str]:
    """Each annotated field of a class's own body, as its source writes it (found in the
    private module that defines it: a public class names ``diplocorpus`` as its module)."""
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("diplocorpus.") or getattr(module, cls.__name__, None) is not cls:
            continue
        tree = ast.parse(pathlib.Path(module.__file__ or "").read_text("utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
                return {
                    item.target.id: ast.unparse(item.annotation)
                    for item in node.body
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
                }
    # No source found (a class made at run time): the annotations as they are.
    return {name: _annotation(hint) for name, hint in typing.get_type_hints(cls).items()}


def _annotation(annotation: Any) -> str:
    if isinstance(annotation, str):
        return annotation
    return inspect.formatannotation(annotation).replace("diplocorpus.", "")


def _default(value: Any) -> str:
    if value is attrs.NOTHING or value is inspect.Parameter.empty:
        return "..."
    text = repr(value)
    if _ADDRESS.search(text) or len(text) > 60:
        return "..."
    return text


def _parameters(signature: inspect.Signature) -> tuple[list[str], str]:
    parts: list[str] = []
    star = False
    previous: inspect._ParameterKind | None = None
    for parameter in signature.parameters.values():
        kind = parameter.kind
        if previous is inspect.Parameter.POSITIONAL_ONLY and kind is not previous:
            parts.append("/")
        previous = kind
        if kind is inspect.Parameter.KEYWORD_ONLY and not star:
            parts.append("*")
        if kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.KEYWORD_ONLY):
            star = True
        text = parameter.name
        if kind is inspect.Parameter.VAR_POSITIONAL:
            text = "*" + text
        elif kind is inspect.Parameter.VAR_KEYWORD:
            text = "**" + text
        if parameter.annotation is not inspect.Parameter.empty:
            text += f": {_annotation(parameter.annotation)}"
            if parameter.default is not inspect.Parameter.empty:
                text += f" = {_default(parameter.default)}"
        elif parameter.default is not inspect.Parameter.empty:
            text += f"={_default(parameter.default)}"
        parts.append(text)
    if previous is inspect.Parameter.POSITIONAL_ONLY:
        parts.append("/")
    returns = ""
    if signature.return_annotation is not inspect.Signature.empty:
        returns = _annotation(signature.return_annotation)
    return parts, returns


def _signature(name: str, obj: Callable[..., Any], *, skip_self: bool = False) -> str | None:
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    if skip_self:
        parameters = list(signature.parameters.values())[1:]
        signature = signature.replace(parameters=parameters)
    parts, returns = _parameters(signature)
    tail = f" -> {returns}" if returns and not isinstance(obj, type) else ""
    one_line = f"{name}({', '.join(parts)}){tail}"
    if len(one_line) <= WIDTH:
        return one_line
    lines = [f"{name}("] + [f"    {part}," for part in parts] + [f"){tail}"]
    return "\n".join(lines)


def _docstring(obj: object, names: frozenset[str]) -> str:
    doc = inspect.getdoc(obj) or ""
    if not doc:
        return "*(no docstring)*"

    def link(match: re.Match[str]) -> str:
        target = match.group(1)
        head = target.split(".")[0]
        if head in names:
            return f"[`{target}`](#{_anchor(target)})"
        return f"`{target}`"

    return _ROLE.sub(link, doc)


def _own_classes(cls: type) -> list[type]:
    """``cls`` and its bases written in diplocorpus, nearest first."""
    return [c for c in cls.__mro__ if c.__module__.split(".")[0] == "diplocorpus"]


def _members(cls: type) -> Iterator[tuple[str, str, object]]:
    """(name, what, member) of the public methods and properties of ``cls``, sorted."""
    fields = {f.name for f in attrs.fields(cls)} if attrs.has(cls) else set()
    seen: dict[str, tuple[str, object]] = {}
    for owner in _own_classes(cls):
        for name, member in vars(owner).items():
            if name.startswith("_") or name in fields or name in seen:
                continue
            if isinstance(cls, enum.EnumMeta) and name in cls.__members__:
                continue
            if isinstance(member, property):
                seen[name] = ("property", member)
            elif isinstance(member, classmethod):
                seen[name] = ("classmethod", member.__func__)
            elif isinstance(member, staticmethod):
                seen[name] = ("staticmethod", member.__func__)
            elif inspect.isfunction(member):
                seen[name] = ("method", member)
            elif type(member).__name__ == "cached_property":
                seen[name] = ("property", member)
        for name, func in _slotted_cached_properties(owner).items():
            if not name.startswith("_") and name not in seen:
                seen[name] = ("property", func)
    for name in sorted(seen):
        what, member = seen[name]
        yield name, what, member


def _slotted_cached_properties(cls: type) -> dict[str, Any]:
    """The ``functools.cached_property`` functions of a slotted attrs class: attrs takes
    them out of the class and keeps them for its ``__getattr__`` (``{}`` when it does not,
    or no longer, do so that way)."""
    getattr_ = vars(cls).get("__getattr__")
    found = getattr(getattr_, "__globals__", {}).get("cached_properties")
    return dict(found) if isinstance(found, dict) else {}


def _code(text: str) -> list[str]:
    return ["```python", text, "```", ""]


def _class_section(name: str, cls: type, names: frozenset[str]) -> list[str]:
    out: list[str] = []
    bases = _public_bases(cls)
    base_text = ", ".join(b.__name__ for b in bases)
    signature = None if issubclass(cls, enum.Enum) else _signature(name, cls)
    out += _code(f"class {signature}" if signature else f"class {name}({base_text})")
    if base_text and issubclass(cls, BaseException):
        out += [f"Bases: {', '.join(_ref(b.__name__, names) for b in bases)}.", ""]
    out += [_docstring(cls, names), ""]
    if issubclass(cls, enum.Enum):
        out += ["| member | value |", "|---|---|"]
        out += [f"| `{m.name}` | `{m.value!r}` |" for m in cls]
        out.append("")
    if attrs.has(cls):
        out += _fields_table(cls)
    for member_name, what, member in _members(cls):
        out += [f"#### `{name}.{member_name}`", ""]
        out += _code(_member_signature(member_name, what, member))
        out += [_docstring(member, names), ""]
    return out


def _fields_table(cls: type) -> list[str]:
    out = ["| field | type | default |", "|---|---|---|"]
    # The types as the source writes them: a field's own ``type`` stays a string until
    # something (cattrs, on a first read) resolves it, and evaluated aliases expand
    # differently on each Python, so either would make the page depend on what ran before.
    hints = _written_annotations(cls)
    for field in attrs.fields(cls):
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            made = "..."
            if not default.takes_self:
                try:
                    made = _default(default.factory())
                except Exception:  # a factory that needs the instance's context
                    made = "..."
            text = "computed" if made == "..." else f"`{made}`"
        elif default is attrs.NOTHING:
            text = "required"
        else:
            text = f"`{_default(default)}`"
        written = hints.get(field.name, field.type)
        kind = _annotation(written) if written is not None else ""
        cells = (f"`{field.name}`", f"`{kind}`", text)
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    out.append("")
    return out


def _member_signature(name: str, what: str, member: Any) -> str:
    if what != "property":
        prefix = "" if what == "method" else f"{what} "
        return prefix + (_signature(name, member, skip_self=what != "staticmethod") or name)
    getter = member if inspect.isfunction(member) else None
    getter = getter or getattr(member, "fget", None) or getattr(member, "func", None)
    returns = ""
    if getter is not None:
        try:
            annotation = inspect.signature(getter).return_annotation
        except (TypeError, ValueError):
            annotation = inspect.Signature.empty
        if annotation is not inspect.Signature.empty:
            returns = f": {_annotation(annotation)}"
    return f"property {name}{returns}"


def _public_bases(cls: type) -> list[type]:
    """The bases of ``cls``, a private one replaced by its own."""
    bases: list[type] = []
    for base in cls.__bases__:
        if base is object:
            continue
        for shown in [base] if not base.__name__.startswith("_") else _public_bases(base):
            if shown not in bases:
                bases.append(shown)
    return bases


def _ref(name: str, names: frozenset[str]) -> str:
    return f"[`{name}`](#{_anchor(name)})" if name in names else f"`{name}`"


def api_reference(module: Any = None) -> str:
    """The text of docs/api.md for ``module`` (by default ``diplocorpus``)."""
    if module is None:
        import diplocorpus as module  # noqa: PLC0415 - the package documented
    public: list[str] = list(module.__all__)
    names = frozenset(public)
    grouped: dict[str, list[str]] = {group: [] for group in GROUPS}
    for name in public:
        grouped[_group(getattr(module, name))].append(name)
    out = [
        "# API reference",
        "",
        "<!-- Generated from the docstrings by tools/make_api_docs.py: do not edit by hand.",
        f"     After changing a public name or its docstring, run: {COMMAND} -->",
        # html_to_text's example reads HTML: without lxml, docs/conftest.py skips the page.
        "<!-- doctest needs: lxml -->",
        "",
        _wrap(
            "Every name `diplocorpus.__all__` lists: the public API. Everything else in the "
            "package is private (`diplocorpus._...`) and may change without notice. The "
            "other pages of the [documentation](index.md) explain how these work together; "
            "this one is generated from the docstrings, and a test fails when it no longer "
            "matches them."
        ),
        "",
        _wrap(
            "The examples are the docstrings' own and run as tests of this page, in a "
            "namespace holding the package's names:"
        ),
        "",
        ">>> from diplocorpus import *",
        "",
    ]
    for group in GROUPS:
        if grouped[group]:
            refs = ", ".join(_ref(name, names) for name in grouped[group])
            out += [
                textwrap.fill(
                    f"- {group}: {refs}",
                    WIDTH + 4,
                    subsequent_indent="  ",
                    break_on_hyphens=False,
                    break_long_words=False,
                )
            ]
    out.append("")
    for group in GROUPS:
        if not grouped[group]:
            continue
        out += [f"## {group}", ""]
        for name in grouped[group]:
            obj = getattr(module, name)
            out += [f"### `{name}`", ""]
            if group == "Functions":
                out += _code(_signature(name, obj) or name)
                out += [_docstring(obj, names), ""]
            elif group == "Type aliases":
                out += _code(f"{name} = {_annotation(obj).replace('typing.', '')}")
                if name in CONSTANTS:
                    out += [_wrap(CONSTANTS[name]), ""]
            elif group == "Constants":
                value = "" if name in UNSHOWN else f" = {_default(obj)}"
                out += _code(f"{name}: {type(obj).__name__}{value}")
                if name in CONSTANTS:
                    out += [_wrap(CONSTANTS[name]), ""]
            else:
                out += _class_section(name, obj, names)
    return "\n".join(out).rstrip("\n") + "\n"


def _wrap(text: str) -> str:
    return textwrap.fill(text, WIDTH + 4, break_on_hyphens=False, break_long_words=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    parser.add_argument("--output", type=pathlib.Path, default=API_PAGE)
    args = parser.parse_args(argv)
    text = api_reference()
    current = args.output.read_text("utf-8") if args.output.exists() else None
    if args.check:
        if current != text:
            print(f"{args.output} is out of date: run {COMMAND}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.output.write_text(text, "utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
