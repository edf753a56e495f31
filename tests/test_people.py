"""People and their offices, in sentences written in the styles of other sites."""

from __future__ import annotations

import attrs
import pytest

import diplocorpus as dc

HEAD = "Tiêu đề của một bài báo về quan hệ đối ngoại\n"


def people(sentence: str) -> list[tuple[str, str | None]]:
    article = dc.parse(HEAD + sentence)
    return [(p.name, p.role) for p in dc.extract_people(article)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Australia.",
            [("Bùi Thanh Sơn", "Bộ trưởng Bộ Ngoại giao")],
        ),
        (
            "Dự buổi làm việc có các đồng chí: Trần Văn Bình, Phó Bí thư Tỉnh ủy; Hoàng Thị Cúc, "
            "Giám đốc Sở Ngoại vụ.",
            [("Trần Văn Bình", "Phó Bí thư Tỉnh ủy"), ("Hoàng Thị Cúc", "Giám đốc Sở Ngoại vụ")],
        ),
        (
            "Phó Thủ tướng Trần Hồng Hà và Lê Minh Khái dự lễ khánh thành.",
            [("Trần Hồng Hà", "Phó Thủ tướng"), ("Lê Minh Khái", "Phó Thủ tướng")],
        ),
        (
            "Các Phó Thủ tướng: Trần Hồng Hà, Lê Minh Khái, Trần Lưu Quang cùng dự.",
            [
                ("Trần Hồng Hà", "Phó Thủ tướng"),
                ("Lê Minh Khái", "Phó Thủ tướng"),
                ("Trần Lưu Quang", "Phó Thủ tướng"),
            ],
        ),
        (
            "Tổng thống Mỹ Joe Biden và Chủ tịch nước Võ Văn Thưởng chứng kiến lễ ký.",
            [("Joe Biden", "Tổng thống Mỹ"), ("Võ Văn Thưởng", "Chủ tịch nước")],
        ),
        (
            "Đại sứ Việt Nam tại Hoa Kỳ Nguyễn Quốc Dũng trình Quốc thư lên Tổng thống.",
            [("Nguyễn Quốc Dũng", "Đại sứ Việt Nam tại Hoa Kỳ")],
        ),
        (
            "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh Phan Văn Mãi tiếp đoàn doanh nghiệp.",
            [("Phan Văn Mãi", "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh")],
        ),
        (
            "Đồng chí Lê Văn Thành, UVTV Thành ủy, Phó Chủ tịch UBND thành phố và các đại biểu "
            "dâng hương tại đền.",
            [("Lê Văn Thành", "UVTV Thành ủy, Phó Chủ tịch UBND thành phố")],
        ),
        (
            "Ông Kishida Fumio, Thủ tướng Nhật Bản, đón đoàn.",
            [("Kishida Fumio", "Thủ tướng Nhật Bản")],
        ),
        ("Bà Lê Thị Thu Hằng cho biết như vậy.", [("Lê Thị Thu Hằng", None)]),
    ],
)
def test_people_and_offices(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert people(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Hội nghị Ngoại giao lần thứ 32 diễn ra tại Hà Nội.",
        "Tổng Bí thư đề nghị ngành ngoại giao tiếp tục đổi mới.",
        "Việt Nam, Lào và Campuchia cùng dự hội nghị.",
        "Đoàn công tác thăm Đà Nẵng, Huế và Quảng Nam.",
    ],
)
def test_no_person_is_invented(sentence: str) -> None:
    assert people(sentence) == []


def test_tone_mark_spellings_share_a_key() -> None:
    article = dc.parse(
        HEAD + "Bí thư Thành uỷ Nguyễn Văn Hoà dự lễ.\nBí thư Thành ủy Nguyễn Văn Hòa phát biểu."
    )
    first, second = dc.extract_people(article)
    assert first.name != second.name
    assert first.key == second.key


def test_spans_and_lines_point_at_the_name() -> None:
    article = dc.parse(HEAD + "Sáng 19/12, Tổng Bí thư Nguyễn Phú Trọng dự hội nghị.")
    (person,) = dc.extract_people(article)
    assert person.line == 2
    assert article.blocks[1].text[person.start : person.end] == "Nguyễn Phú Trọng"
    assert person.kind is dc.EntityKind.PERSON


def test_captions_are_read_but_not_their_credit() -> None:
    text = (
        HEAD + "Đoạn thân bài đủ dài để là một đoạn văn của bài báo về quan hệ hai nước.\n"
        "Thủ tướng Phạm Minh Chính phát biểu tại hội nghị. Ảnh: Dương Giang\n"
    )
    assert [(p.name, p.line) for p in dc.extract_people(dc.parse(text))] == [("Phạm Minh Chính", 3)]


def test_a_caption_is_read_as_the_article_gives_it_or_split_again() -> None:
    text = (
        HEAD + "Đoạn thân bài đủ dài để là một đoạn văn của bài báo về quan hệ hai nước.\n"
        "Thủ tướng Phạm Minh Chính phát biểu tại hội nghị. Ảnh: Dương Giang\n"
    )
    article = dc.parse(text)
    (caption,) = article.captions
    # The people stage reads the caption's text as the parser split it from its credit ...
    edited = attrs.evolve(
        article, captions=[attrs.evolve(caption, text="Bộ trưởng Bùi Thanh Sơn phát biểu.")]
    )
    assert [p.name for p in dc.extract_people(edited)] == ["Bùi Thanh Sơn"]
    # ... and an article made without its captions still has its caption lines read.
    bare = attrs.evolve(article, captions=[])
    assert [(p.name, p.line) for p in dc.extract_people(bare)] == [("Phạm Minh Chính", 3)]


def test_a_users_own_office() -> None:
    article = dc.parse(HEAD + "Điều phối viên Liên hợp quốc Pauline Tamesis cho biết.")
    assert dc.extract_people(article) == ()
    lexicon = dc.Lexicon.default().extended(roles=["Điều phối viên"])
    found = dc.extract_people(article, lexicon=lexicon)
    assert [(p.name, p.role) for p in found] == [
        ("Pauline Tamesis", "Điều phối viên Liên hợp quốc")
    ]
