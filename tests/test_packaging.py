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

from .conftest import ROOT, SEEDS

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
    quickstart = text[text.index("## Quickstart") : text.index("## From a clone")]
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
