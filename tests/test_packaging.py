"""What a package index and a wheel show a newcomer: the README's links work off the
repository (absolute), the sample pages the wheel ships are the project's seeds, the
metadata names every Python version CI runs."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = None

import pytest

from .conftest import ROOT, SEEDS, load_script

README = ROOT / "README.md"
# [text](target) and [text]: target, outside code.
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)|^\s*\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
_ABSOLUTE = re.compile(r"^(https?://|mailto:)")


def _links(markdown: str) -> list[str]:
    prose = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    prose = re.sub(r"`[^`\n]*`", "", prose)
    return [a or b for a, b in _LINK.findall(prose)]


def test_the_link_finder_sees_relative_links() -> None:
    found = _links("See [the docs](docs/index.md) and [x](https://a.b/c).\n[ref]: CHANGELOG.md\n")
    assert found == ["docs/index.md", "https://a.b/c", "CHANGELOG.md"]
    assert _links("`[not](a/link)`\n```\n[no](link.md)\n```\n") == []


def test_every_readme_link_is_absolute() -> None:
    # A package index shows the README without the repository: a relative link is dead there.
    links = _links(README.read_text("utf-8"))
    assert links, "the README links to its docs"
    relative = [link for link in links if not _ABSOLUTE.match(link)]
    assert relative == []


def test_the_shipped_sample_pages_are_the_seeds() -> None:
    folder = resources.files("diplocorpus").joinpath("samples")
    shipped = {f.name: f.read_bytes() for f in folder.iterdir() if f.name.endswith(".txt")}
    seeds = {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
    assert shipped == seeds


@pytest.mark.skipif(tomllib is None, reason="tomllib is Python 3.11+")
def test_the_metadata_names_each_python_version_and_an_all_extra() -> None:
    assert tomllib is not None
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    versions = [
        c.rsplit(" :: ", 1)[1]
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert versions == ["3.10", "3.11", "3.12", "3.13"]
    assert project["requires-python"] == ">=3.10"
    extras = project["optional-dependencies"]
    everything = re.fullmatch(r"diplocorpus\[(.*)\]", extras["all"][0])
    assert everything is not None
    named = set(everything.group(1).split(","))
    runtime = set(extras) - {"all", "test", "dev", "bench"}
    assert named == runtime
    for url in project["urls"].values():
        assert url.startswith("https://github.com/diplocorpus/diplocorpus")


def test_the_readme_quickstart_python_line_prints_what_the_readme_says() -> None:
    text = README.read_text("utf-8")
    quickstart = text[text.index("## Quickstart") : text.index("## What it does")]
    command = next(line.strip() for line in quickstart.splitlines() if "python -c" in line)
    printed = re.search(r"^prints `([^`]*)`", quickstart, re.MULTILINE)
    assert printed is not None
    argv = shlex.split(command)
    assert argv[:2] == ["python", "-c"]
    ran = subprocess.run(
        [sys.executable, *argv[1:]], capture_output=True, text=True, check=True, timeout=60
    )
    assert ran.stdout == printed.group(1) + "\n"
    assert "pip install diplocorpus && diplocorpus demo" in quickstart


# What a documentation example calls, and the module it then needs.
_EXTRA_CALLS = {
    "parse_html": "lxml",
    "html_to_text": "lxml",
    "export_parquet": "pyarrow",
    "to_dataframe": "pandas",
}


def test_every_docs_page_whose_examples_need_an_extra_says_so() -> None:
    # docs/conftest.py skips such a page's examples when the module is missing, from what
    # the page says it needs: a page that does not say so fails on an install without it.
    needed = load_script("docs/conftest.py").needed
    pages = sorted((ROOT / "docs").glob("*.md"))
    assert pages
    for page in pages:
        examples = "\n".join(
            line for line in page.read_text("utf-8").splitlines() if line.startswith((">>>", "..."))
        )
        calls = {m for call, m in _EXTRA_CALLS.items() if f"{call}(" in examples}
        assert calls <= set(needed(page)), page.name
    assert needed(ROOT / "docs" / "html.md") == ["lxml"]


def test_the_changelog_has_a_dated_section_for_the_version_and_links_it() -> None:
    from importlib.metadata import version  # noqa: PLC0415

    released = version("diplocorpus")
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", changelog, re.M)
    assert headings[0] == ("Unreleased", "")
    assert (released, headings[1][1]) == headings[1]  # the newest release, with its date
    assert headings[1][1]
    for name, _ in headings:
        assert re.search(rf"^\[{re.escape(name)}\]: https://", changelog, re.M), name
