"""HTML input: the text a browser shows, the markup's evidence and metadata."""

from __future__ import annotations

import json
import pathlib

import pytest

import diplocorpus as dc

from .conftest import SEEDS
from .fixtures import cp1258, rebuild

pytest.importorskip("lxml")
PAGES = pathlib.Path(__file__).resolve().parent / "html"


def kinds(article: dc.Article) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in article.blocks]


# -- html_to_text --------------------------------------------------------------------------


def test_blocks_make_lines_and_paragraphs_blank_lines() -> None:
    html = (
        "<div>Một</div><div>Hai <b>đậm</b> <i>nghiêng</i></div><p>Ba</p><p>Bốn<br>Năm</p>"
        "<ul><li>Sáu</li><li>Bảy</li></ul><table><tr><td>Tám</td><td>Chín</td></tr></table>"
    )
    assert dc.html_to_text(html).split("\n") == [
        "Một",
        "Hai đậm nghiêng",
        "",
        "Ba",
        "",
        "Bốn",
        "Năm",
        "",
        "Sáu",
        "Bảy",
        "Tám Chín",
    ]


def test_hidden_elements_and_code_are_left_out() -> None:
    html = (
        "<head><title>Tiêu đề tab</title><style>p{}</style></head><body>"
        "<p>Thấy được</p><script>var a = '<p>';</script><noscript>Bật JS</noscript>"
        "<template><p>Mẫu</p></template><div hidden>Ẩn</div>"
        "<div style='display: none'>Ẩn nữa</div><div style='visibility:hidden'>Cũng ẩn</div>"
        "<!-- chú thích --></body>"
    )
    assert dc.html_to_text(html) == "Thấy được"


def test_entities_and_white_space() -> None:
    html = "<p>Hà&nbsp;Nội &amp; Huế&#8230;   &quot;Việt&nbsp;Nam&quot;\n  mới</p>"
    assert dc.html_to_text(html) == 'Hà Nội & Huế… "Việt Nam" mới'


@pytest.mark.parametrize(
    ("encode", "declare"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), None),
        (lambda t: t.encode("utf-16"), None),
        (cp1258, "windows-1258"),
    ],
)
def test_encodings(encode, declare: str | None) -> None:  # type: ignore[no-untyped-def]
    meta = f'<meta charset="{declare}">' if declare else ""
    text = "<html><head>" + meta + "</head><body><p>Hội nghị Ngoại giao lần thứ 32</p></body>"
    assert dc.html_to_text(encode(text)) == "Hội nghị Ngoại giao lần thứ 32"


# -- the seeds rebuilt as HTML -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_parse_html_equals_parse_on_the_seeds(name: str) -> None:
    text = dc.parse_file(SEEDS / f"{name}.txt")
    html = dc.parse_html(rebuild(name))
    assert html.paragraphs == text.paragraphs
    assert [(c.text, c.credit) for c in html.captions] == [
        (c.text, c.credit) for c in text.captions
    ]
    assert (html.title, html.published, html.authors, html.view_count) == (
        text.title,
        text.published,
        text.authors,
        text.view_count,
    )
    assert all(b.origin for b in html.blocks)


# -- three CMS styles ----------------------------------------------------------------------


def test_portal_page() -> None:
    article = dc.parse_html((PAGES / "portal.html").read_bytes(), source="portal.html")
    assert article.title == "Việt Nam và Nhật Bản nhất trí tăng cường hợp tác"
    assert article.published.isoformat() == "2023-12-19T15:18:00+07:00"  # type: ignore[union-attr]
    assert article.authors == ("Minh Anh",)
    assert len(article.paragraphs) == 3
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Hai bộ trưởng tại buổi hội đàm.", "Quang Hòa")
    ]
    found = kinds(article)
    assert ("navigation", "Thời sự") in found
    assert ("related", "Thủ tướng tiếp Đại sứ Nhật Bản chào kết thúc nhiệm kỳ") in found
    assert ("widget", "Facebook Zalo In bài") in found
    assert not any("Quảng cáo" in text for _, text in found)  # display:none
    assert article.notes == ()  # text and markup agree


def test_table_layout_page_in_windows_1258() -> None:
    data = cp1258((PAGES / "government.html").read_text("utf-8"))
    article = dc.parse_html(data, source="government.html")
    assert article.title == "Phó Thủ tướng Trần Lưu Quang tiếp Đại sứ Ấn Độ chào kết thúc nhiệm kỳ"
    assert article.published.isoformat() == "2023-12-19T10:00:00+07:00"  # type: ignore[union-attr]
    assert article.authors == ("Hải Minh",)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Phó Thủ tướng Trần Lưu Quang tiếp Đại sứ Sandeep Arya.", "VGP/Hải Minh")
    ]
    assert article.paragraphs[-1].endswith("trên cương vị mới.")
    assert ("related", "Phó Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore") in kinds(article)
    assert any("headline differs" in note for note in article.notes)


def test_wordpress_page_takes_date_and_author_from_markup() -> None:
    article = dc.parse_html((PAGES / "provincial.html").read_bytes())
    assert article.title == "Đoàn đại biểu tỉnh Quảng Ninh thăm và làm việc tại Quảng Tây"
    assert article.published.isoformat() == "2023-12-18T08:00:00+07:00"  # type: ignore[union-attr]
    assert article.authors == ("Ngọc An",)
    assert "published date from the page's markup" in article.notes
    assert "authors from the page's markup" in article.notes
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Toàn cảnh buổi hội đàm giữa hai đoàn", None)
    ]
    assert len(article.paragraphs) == 3
    found = kinds(article)
    assert ("related", "Quảng Ninh đón đoàn khách quốc tế đầu tiên năm 2024") in found
    assert ("related", "Nguyễn Minh Tuấn: Quan hệ hai tỉnh thật tốt đẹp.") in found
    assert ("dateline", "18 Tháng Mười Hai") in found


# -- evidence and precedence ---------------------------------------------------------------


def test_markup_evidence_never_overrides_a_text_rule() -> None:
    html = (
        "<article><h1>Tiêu đề bài báo thử nghiệm ở đây</h1><p>Đoạn văn thân bài đủ dài "
        "để là một đoạn văn của bài báo.</p></article><aside><div>Tin liên quan</div>"
        "<div>Bài khác về quan hệ hai nước láng giềng</div></aside>"
    )
    found = kinds(dc.parse_html(html))
    assert found[-2] == ("section_label", "Tin liên quan")  # the text's rule, not <aside>
    assert found[-1] == ("related", "Bài khác về quan hệ hai nước láng giềng")


def test_a_block_of_links_outside_the_article_is_related() -> None:
    html = (
        "<article><h1>Tiêu đề bài báo thử nghiệm ở đây</h1><p>Đoạn văn thân bài đủ dài "
        "để là một đoạn văn của bài báo.</p></article><div><a href='/x'>Một bài báo khác "
        "hoàn toàn về kinh tế</a></div>"
    )
    block = dc.parse_html(html).blocks[-1]
    assert (block.kind.value, block.reason) == ("related", "a block of links outside the article")


def test_text_metadata_wins_and_disagreement_is_noted() -> None:
    html = (
        '<head><meta property="article:published_time" content="2023-12-20T08:00:00+07:00">'
        "</head><body><h1>Tiêu đề bài báo thử nghiệm ở đây</h1><div>19/12/2023 15:00</div>"
        "<p>Đoạn văn thân bài đủ dài để là một đoạn văn của bài báo.</p></body>"
    )
    article = dc.parse_html(html)
    assert article.published.isoformat() == "2023-12-19T15:00:00+07:00"  # type: ignore[union-attr]
    assert article.notes == ("the markup's date differs: 2023-12-20T08:00:00+07:00",)


def test_blocks_say_where_they_came_from() -> None:
    article = dc.parse_html((PAGES / "portal.html").read_bytes())
    origins = {b.kind.value: b.origin for b in article.blocks}
    assert origins["title"] == "body > main > article.article-detail > h1.title"
    assert origins["caption"].endswith("figure > figcaption")  # type: ignore[union-attr]


def test_empty_and_broken_html() -> None:
    assert dc.parse_html("").blocks == ()
    assert dc.html_to_text("<p>Đoạn <b>chưa đóng") == "Đoạn chưa đóng"


@pytest.mark.parametrize("name", ["portal.html", "government.html", "provincial.html"])
def test_the_cms_pages_match_their_gold_body(name: str) -> None:
    gold = json.loads((PAGES / "gold.json").read_text("utf-8"))
    data = (PAGES / name).read_bytes()
    if name == "government.html":
        data = cp1258(data.decode("utf-8"))
    assert list(dc.parse_html(data).paragraphs) == gold[name]


def test_repeated_cards_outside_the_article_are_related() -> None:
    cards = "".join(
        f"<div class='card'><span>Tiêu đề bài báo số {i} về ngoại giao</span> "
        f"<a href='/{i}'>Xem</a></div>"
        for i in range(3)
    )
    html = (
        "<article><h1>Tiêu đề bài báo thử nghiệm ở đây</h1><p>Đoạn văn thân bài đủ dài "
        f"để là một đoạn văn của bài báo.</p></article><div class='list'>{cards}</div>"
    )
    found = dc.parse_html(html).blocks[-3:]
    assert {b.reason for b in found} == {"one of a run of same-shaped items outside the article"}


def test_html_files_in_a_corpus_are_read_as_html(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "portal.html"
    page.write_bytes((PAGES / "portal.html").read_bytes())
    (article,) = dc.Corpus([tmp_path], glob="*.html").articles()
    assert article.title == "Việt Nam và Nhật Bản nhất trí tăng cường hợp tác"
    assert article.source == str(page)
