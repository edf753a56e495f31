"""HTML input: the article's element and what the markup says of each line inside it and
outside it (headings, links, class words, the page's wrappers, deep nesting); and a line
that is the same kind of line wherever it stands, in text and in HTML."""

from __future__ import annotations

import pytest

import diplocorpus as dc

pytest.importorskip("lxml")

_HEADLINE = "Thành phố Cần Thơ đón đoàn doanh nghiệp Hàn Quốc tìm hiểu đầu tư"
_PARAGRAPHS = (
    "Sáng 14/6, tại trụ sở Ủy ban nhân dân thành phố, lãnh đạo Cần Thơ đã tiếp đoàn "
    "doanh nghiệp Hàn Quốc đến tìm hiểu cơ hội đầu tư vào nông nghiệp công nghệ cao.",
    "Trưởng đoàn cho biết nhiều doanh nghiệp quan tâm tới chế biến nông sản, logistics "
    "và năng lượng tái tạo, mong muốn được hỗ trợ về mặt bằng và thủ tục.",
    "Phó Chủ tịch thành phố đề nghị hai bên sớm lập nhóm công tác chung, rà soát từng dự "
    "án cụ thể và báo cáo kết quả trước cuối năm nay.",
)


def _paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)


def _kind(article: dc.Article, text: str) -> str:
    return next(b.kind.value for b in article.blocks if b.text == text)


# -- headings ------------------------------------------------------------------------------


@pytest.mark.parametrize("tab", [None, f"{_HEADLINE} - Báo Đồng Bằng"])
def test_a_headline_that_is_a_link_is_the_title(tab: str | None) -> None:
    # WordPress prints the entry title as a link to the post itself.
    head = f"<head><title>{tab}</title></head>" if tab else ""
    html = (
        f'<html>{head}<body><div class="single">'
        f'<h1 class="entry-title"><a href="/can-tho-han-quoc/">{_HEADLINE}</a></h1>'
        f'<span class="posted-on">14/06/2024 09:30</span>{_paragraphs()}</div></body></html>'
    )
    article = dc.parse_html(html)
    assert article.title == _HEADLINE
    assert _kind(article, _HEADLINE) == "title"
    assert list(article.paragraphs) == list(_PARAGRAPHS)


def test_heading_links_outside_the_article_stay_links() -> None:
    others = "".join(
        f'<h3><a href="/tin-{i}">Tin khác số {i} về thị trường nông sản miền Tây</a></h3>'
        for i in range(4)
    )
    html = (
        f"<html><body><div><h1>{_HEADLINE}</h1><div>14/06/2024 09:30</div>"
        f"{_paragraphs()}</div><div>{others}</div></body></html>"
    )
    article = dc.parse_html(html)
    assert article.title == _HEADLINE
    assert _kind(article, "Tin khác số 2 về thị trường nông sản miền Tây") == "related"


# -- class words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "classes", ["entry-content has-image", "post-body with-featured-image", "singlebox imagebox"]
)
def test_class_words_of_the_article_element_say_nothing_of_its_lines(classes: str) -> None:
    html = (
        f'<html><body><h1>{_HEADLINE}</h1><div class="{classes}">'
        f"<div>14/06/2024 09:30</div>{_paragraphs()}</div></body></html>"
    )
    article = dc.parse_html(html)
    assert article.is_article
    assert list(article.paragraphs) == list(_PARAGRAPHS)
    assert not article.captions


def test_a_class_word_makes_a_caption_only_under_a_photo() -> None:
    caption = "Lãnh đạo thành phố và trưởng đoàn doanh nghiệp tại buổi làm việc."
    html = (
        f"<html><body><div><h1>{_HEADLINE}</h1><div>14/06/2024 09:30</div>"
        f"<p>{_PARAGRAPHS[0]}</p>"
        f'<table><tr><td><img src="a.jpg"></td></tr><tr><td class="image">{caption}</td></tr>'
        f'</table><div class="image-note"><p>{_PARAGRAPHS[1]}</p></div>'
        f"<p>{_PARAGRAPHS[2]}</p></div></body></html>"
    )
    article = dc.parse_html(html)
    assert [c.text for c in article.captions] == [caption]
    assert list(article.paragraphs) == list(_PARAGRAPHS)


# -- the article's element -----------------------------------------------------------------


def _portal(logo: str, wrapper: str = 'id="trang"') -> str:
    cards = "".join(
        f'<div class="box-item"><a href="/tin-{i}">Tin khác số {i} về giá lúa gạo hôm nay</a>'
        f"<p>Tóm tắt ngắn của tin khác số {i}, chỉ vài chữ.</p></div>"
        for i in range(5)
    )
    return (
        f"<html><head><title>{_HEADLINE} - Báo Đồng Bằng</title></head><body>"
        f"<div {wrapper}>{logo}"
        f'<div class="noidung"><h2>{_HEADLINE}</h2><div>14/06/2024 09:30</div>'
        f'{_paragraphs()}</div><div class="cung-muc">{cards}</div>'
        "<p>Bản quyền thuộc Báo Đồng Bằng. Giấy phép số 12/GP-BTTTT.</p></div></body></html>"
    )


@pytest.mark.parametrize(
    "logo",
    [
        '<h1 class="logo"><a href="/"><img src="logo.png" alt=""></a></h1>',
        '<h1 class="logo"><a href="/">Đồng Bằng</a></h1>',
    ],
)
def test_a_logo_h1_does_not_widen_the_article_to_the_page(logo: str) -> None:
    from diplocorpus import _html, _htmlmarkup, _htmlstructure  # noqa: PLC0415 - needs lxml

    tree = _html._tree(_portal(logo), None)
    element = _htmlstructure.structure(tree, _htmlmarkup.read_markup(tree)).article
    assert element.attrib.get("class") == "noidung"
    article = dc.parse_html(_portal(logo))
    assert list(article.paragraphs) == list(_PARAGRAPHS)
    assert _kind(article, "Tin khác số 3 về giá lúa gạo hôm nay") == "related"


@pytest.mark.parametrize("wrapper", ['id="main"', 'class="content"', 'class="post"'])
def test_class_words_that_say_article_do_not_hide_the_cards_around_it(wrapper: str) -> None:
    # "main", "content", "body" name the page's wrapper here: the cards under the article
    # are other articles' all the same.
    article = dc.parse_html(_portal("", wrapper))
    assert list(article.paragraphs) == list(_PARAGRAPHS)
    for i in range(5):
        assert _kind(article, f"Tóm tắt ngắn của tin khác số {i}, chỉ vài chữ.") == "related"


def test_the_header_of_an_article_element_is_the_articles() -> None:
    html = (
        f'<html><body><header><a href="/">Trang chủ</a> <a href="/kt">Kinh tế</a></header>'
        f"<article><header><h2>{_HEADLINE}</h2><time>14/06/2024 09:30</time></header>"
        f'<div class="entry">{_paragraphs()}</div></article></body></html>'
    )
    article = dc.parse_html(html)
    assert article.title == _HEADLINE
    assert _kind(article, "Trang chủ Kinh tế") not in {"title", "body"}


# -- deep pages ----------------------------------------------------------------------------


def _nested(depth: int) -> str:
    inner = f"<h1>{_HEADLINE}</h1><div>14/06/2024 09:30</div>{_paragraphs()}"
    return f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>"


@pytest.mark.parametrize("depth", [300, 1500])
def test_a_page_nested_deeper_than_libxml2s_default_is_read_whole(depth: int) -> None:
    article = dc.parse_html(_nested(depth))
    assert article.title == _HEADLINE
    assert list(article.paragraphs) == list(_PARAGRAPHS)
    assert not article.notes
    assert dc.html_to_text(_nested(depth)).startswith(_HEADLINE)


def test_text_the_parser_cannot_reach_is_noted(caplog: pytest.LogCaptureFixture) -> None:
    html = _nested(3000)
    article = dc.parse_html(html)
    assert not article.paragraphs
    assert any("the text after it is lost" in note for note in article.notes)
    with caplog.at_level("WARNING", logger="diplocorpus"):
        dc.html_to_text(html)
    assert "the text after it is lost" in caplog.text


# -- one kind for one line -----------------------------------------------------------------


def test_a_source_line_is_a_source_label_under_the_headline_as_after_the_body() -> None:
    text = "\n".join([_HEADLINE, "14/06/2024 09:30", "Theo TTXVN", "", *_PARAGRAPHS, "Theo TTXVN"])
    html = (
        f"<html><body><div><h1>{_HEADLINE}</h1><div>14/06/2024 09:30</div>"
        f"<div>Theo TTXVN</div>{_paragraphs()}<p>Theo TTXVN</p></div></body></html>"
    )
    for article in (dc.parse(text), dc.parse_html(html)):
        sources = [b for b in article.blocks if b.text == "Theo TTXVN"]
        assert [b.kind.value for b in sources] == ["source_label", "source_label"]
        assert list(article.paragraphs) == list(_PARAGRAPHS)
