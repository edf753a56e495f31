"""The recipes' Dask script runs as the page shows it, and a page whose example needs a
missing optional library is skipped, not failed (docs/conftest.py)."""

from __future__ import annotations

import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS
from tests.test_doc_commands import sessions

RECIPES = ROOT / "docs" / "recipes.md"
DASK_SECTION = "## A Dask run saved as a script"


def _env(*paths: pathlib.Path) -> dict[str, str]:
    path = [*map(str, paths), str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(path))


def dask_recipe(text: str) -> tuple[str, str, str]:
    """The script of the Dask section, the command that runs it and the output shown."""
    section = text.split(DASK_SECTION, 1)[1].split("\n## ", 1)[0]
    script = re.search(r"^```python\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    assert script is not None, "no ```python block in the Dask section"
    [(command, output)] = sessions(section)
    return script.group(1), command, output


def test_the_dask_recipe_is_a_script_with_its_main_guard() -> None:
    script, command, output = dask_recipe(RECIPES.read_text("utf-8"))
    assert 'if __name__ == "__main__":\n    main()\n' in script
    assert command.startswith("python quoted.py ")
    assert output.strip()
    compile(script, "quoted.py", "exec")


def test_the_dask_script_of_the_recipes_prints_what_the_page_shows(
    tmp_path: pathlib.Path,
) -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    script, command, output = dask_recipe(RECIPES.read_text("utf-8"))
    (tmp_path / "quoted.py").write_text(script, "utf-8")
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    program, *args = shlex.split(command)
    assert program == "python"
    done = subprocess.run(
        [sys.executable, *args],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == output


_BLOCK_PANDAS = "import sys\n\nsys.modules['pandas'] = None  # import pandas now fails\n"


def _pytest(cwd: pathlib.Path, *args: str, plugins: pathlib.Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "block_pandas", *args],
        cwd=cwd,
        env=_env(plugins),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    return done.stdout + done.stderr


def test_a_page_needing_a_missing_optional_library_is_skipped_from_that_example_on(
    tmp_path: pathlib.Path,
) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "block_pandas.py").write_text(_BLOCK_PANDAS, "utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(ROOT / "docs" / "conftest.py", pages / "conftest.py")
    (pages / "optional.md").write_text(">>> 1 + 1\n2\n>>> import pandas as pd\n", "utf-8")
    (pages / "typo.md").write_text(">>> import pandaz\n", "utf-8")
    report = _pytest(pages, "-rfs", "--doctest-glob=*.md", "-c", os.devnull, ".", plugins=plugins)
    # A module that is not one of the optional libraries (a typo) still fails.
    assert "1 failed, 1 skipped" in report, report
    assert "FAILED typo.md" in report
    assert "optional.md: pandas is not installed; the examples from line 3 on" in report

    # The recipes without pandas: skipped at its pandas section, not failed.
    recipes = _pytest(ROOT, "-rs", "docs/recipes.md", plugins=plugins)
    assert "1 skipped" in recipes, recipes
    assert "pandas is not installed" in recipes
