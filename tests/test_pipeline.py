"""The pipeline: one analysis of a document, used by the store, the corpus and the CLI."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

import diplocorpus as dc

from .conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HTML_PAGE = (
    "<html><head><title>Bộ trưởng Lê Văn Tâm tiếp Đại sứ Nhật Bản</title></head><body>"
    "<nav><a href='/'>Trang chủ</a> <a href='/tg'>Thế giới</a></nav>"
    "<article><h1>Bộ trưởng Lê Văn Tâm tiếp Đại sứ Nhật Bản</h1>"
    "<p>Chiều 5/3, Bộ trưởng Ngoại giao Lê Văn Tâm tiếp Đại sứ Nhật Bản Ito Naoki tại Hà Nội.</p>"
    "<p>Bộ trưởng cho biết hai nước sẽ mở rộng hợp tác trong lĩnh vực lao động và đào tạo.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_the_analysis_is_what_each_stage_gives_alone(path: pathlib.Path) -> None:
    """Reading the people of each line once gives the stages what they find on their own."""
    document = dc.Document(text=path.read_text("utf-8"), source=path.name)
    analysis = dc.analyse(document)
    article = dc.parse(document.text, source=document.source)
    assert analysis.article == article
    assert analysis.people == dc.extract_people(article)
    assert analysis.statements == dc.extract_statements(article)
    assert analysis.events == dc.extract_events(article)


def test_an_html_page_is_analysed_as_html() -> None:
    pytest.importorskip("lxml")
    analysis = dc.analyse(dc.Document(text=HTML_PAGE, source="page.html"))
    assert analysis.article.title == "Bộ trưởng Lê Văn Tâm tiếp Đại sứ Nhật Bản"
    assert [(s.speaker.name, s.cue) for s in analysis.statements] == [("Lê Văn Tâm", "cho biết")]


def test_the_store_takes_html_pages(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("lxml")
    with dc.Store(tmp_path / "corpus.sqlite") as store:
        report = store.add([dc.Document(text=HTML_PAGE, source="page.html")])
        assert (report.added, report.failed) == (1, ())
        (article,) = store.articles()
        assert article.title == "Bộ trưởng Lê Văn Tâm tiếp Đại sứ Nhật Bản"


def test_build_takes_html_pages(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("lxml")
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    db = tmp_path / "corpus.sqlite"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "diplocorpus",
            "build",
            "--db",
            str(db),
            "--glob",
            "*.html",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    with dc.Store(db) as store:
        assert [a.title for a in store.articles()] == ["Bộ trưởng Lê Văn Tâm tiếp Đại sứ Nhật Bản"]
