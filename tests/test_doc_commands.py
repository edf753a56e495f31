"""The shell sessions of the quickstart and the recipes give the output they show.

A ```` ```console ```` block's lines that start with ``$ diplocorpus`` are run, in order,
in one scratch folder per page that holds the seeds (``seeds/...`` as in the pages); the
lines after each, up to the next command, are its output, ``...`` standing for any text
(doctest's ELLIPSIS). Lines without ``$`` (``pip install ...``) are not run.
"""

from __future__ import annotations

import doctest
import os
import pathlib
import re
import shlex
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

PAGES = ["quickstart.md", "recipes.md"]
_BLOCK = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def sessions(text: str) -> list[tuple[str, str]]:
    """(command, expected output) of every ``$ diplocorpus`` line of the page's console
    blocks, in order."""
    found: list[tuple[str, str]] = []
    for block in _BLOCK.findall(text):
        command: str | None = None
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    found.append((command, "".join(output)))
                command, output = line[2:], []
            elif command is not None:
                output.append(line + "\n")
        if command is not None:
            found.append((command, "".join(output)))
    return found


def test_sessions_reads_commands_and_their_output() -> None:
    text = "```console\npip install x\n$ diplocorpus a\none\n...\n$ diplocorpus b\n```\n"
    assert sessions(text) == [("diplocorpus a", "one\n...\n"), ("diplocorpus b", "")]


@pytest.mark.parametrize("page", PAGES)
def test_the_commands_of_the_page_print_what_it_shows(page: str, tmp_path: pathlib.Path) -> None:
    commands = sessions((ROOT / "docs" / page).read_text("utf-8"))
    if page == "quickstart.md":
        assert len(commands) >= 3
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    path = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(path))
    checker = doctest.OutputChecker()
    for command, expected in commands:
        program, *args = shlex.split(command)
        if program != "diplocorpus":
            continue  # python quoted.py: tests/test_recipes.py runs the script
        done = subprocess.run(
            [sys.executable, "-m", "diplocorpus", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        got = done.stdout + done.stderr
        assert done.returncode == 0, f"{page}: $ {command}\n{got}"
        assert checker.check_output(expected, got, doctest.ELLIPSIS), (
            f"{page}: $ {command}\nexpected:\n{expected}\ngot:\n{got}"
        )


def test_every_page_is_linked_from_the_index() -> None:
    index = (ROOT / "docs" / "index.md").read_text("utf-8")
    linked = set(re.findall(r"\]\(([\w.-]+\.md)\)", index))
    pages = {p.name for p in (ROOT / "docs").glob("*.md")} - {"index.md"}
    assert pages <= linked, sorted(pages - linked)
