"""Statements in sentences written in the styles of other sites (not the seeds' wording)."""

from __future__ import annotations

import pytest

import diplocorpus as dc

HEAD = "Tiêu đề của một bài báo về quan hệ đối ngoại\n"


def statements(*paragraphs: str) -> tuple[dc.Statement, ...]:
    return dc.extract_statements(dc.parse(HEAD + "\n".join(paragraphs)))


def only(*paragraphs: str) -> dc.Statement:
    found = statements(*paragraphs)
    assert len(found) == 1, found
    return found[0]


def test_speaker_cue_colon_quote_is_direct() -> None:
    s = only(
        "Thủ tướng Phạm Minh Chính phát biểu: “Chúng ta phải hành động ngay, hành động quyết liệt”."
    )
    assert (s.speaker.name, s.speaker.role, s.cue) == ("Phạm Minh Chính", "Thủ tướng", "phát biểu")
    assert s.mode is dc.StatementMode.DIRECT
    assert s.direct
    assert [q.text for q in s.quotes] == ["Chúng ta phải hành động ngay, hành động quyết liệt"]


def test_quotation_first_speaker_after() -> None:
    s = only("“Việt Nam luôn coi trọng quan hệ với Nhật Bản”, Thủ tướng Phạm Minh Chính nhấn mạnh.")
    assert (s.speaker.name, s.cue) == ("Phạm Minh Chính", "nhấn mạnh")
    assert s.text == "“Việt Nam luôn coi trọng quan hệ với Nhật Bản”"
    assert s.mode is dc.StatementMode.DIRECT


def test_honorific_and_indirect_speech() -> None:
    s = only("Bà Phạm Thu Hằng cho biết Việt Nam phản đối mọi hành vi vi phạm chủ quyền.")
    assert (s.speaker.name, s.speaker.role, s.cue) == ("Phạm Thu Hằng", None, "cho biết")
    assert s.text == "Việt Nam phản đối mọi hành vi vi phạm chủ quyền."
    assert s.mode is dc.StatementMode.INDIRECT


def test_name_first_with_office_between_commas() -> None:
    s = only(
        "Ông Nguyễn Văn An, Giám đốc Sở Ngoại vụ tỉnh Quảng Ninh, cho biết năm nay tỉnh đã "
        "đón hơn 20 đoàn khách quốc tế."
    )
    assert (s.speaker.name, s.speaker.role) == (
        "Nguyễn Văn An",
        "Giám đốc Sở Ngoại vụ tỉnh Quảng Ninh",
    )
    assert s.text.startswith("năm nay tỉnh")


def test_foreign_official() -> None:
    s = only(
        "Ngoại trưởng Nhật Bản Kamikawa Yoko khẳng định Nhật Bản ủng hộ vai trò trung tâm "
        "của ASEAN."
    )
    assert (s.speaker.name, s.speaker.role, s.cue) == (
        "Kamikawa Yoko",
        "Ngoại trưởng Nhật Bản",
        "khẳng định",
    )


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        (
            "Bộ Ngoại giao cho biết đã triển khai các biện pháp bảo hộ công dân.",
            "Bộ Ngoại giao",
            dc.EntityKind.ORGANIZATION,
        ),
        (
            "Các đại biểu đánh giá cao kết quả hợp tác giữa hai địa phương.",
            "các đại biểu",
            dc.EntityKind.GROUP,
        ),
        (
            "Đảng ta luôn khẳng định đối ngoại là mặt trận quan trọng.",
            "Đảng",
            dc.EntityKind.ORGANIZATION,
        ),
    ],
)
def test_organisations_and_groups_speak(sentence: str, name: str, kind: dc.EntityKind) -> None:
    s = only(sentence)
    assert (s.speaker.name, s.speaker.kind, s.speaker.role) == (name, kind, None)


def test_theo_speaker_comma_content() -> None:
    s = only("Theo Đại sứ Nguyễn Quốc Dũng, quan hệ hai nước đang phát triển tốt đẹp.")
    assert (s.speaker.name, s.cue, s.text) == (
        "Nguyễn Quốc Dũng",
        "Theo",
        "quan hệ hai nước đang phát triển tốt đẹp.",
    )


def test_bare_title_refers_back_with_the_resolution_recorded() -> None:
    found = statements(
        "Chiều 5/3, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Singapore.",
        "Bộ trưởng đề nghị hai bên tăng cường trao đổi đoàn các cấp.",
    )
    assert len(found) == 1
    s = found[0]
    assert (s.speaker.name, s.speaker.role, s.line) == ("Bùi Thanh Sơn", "Bộ trưởng Ngoại giao", 3)
    assert s.resolution is not None
    assert "Bùi Thanh Sơn" in s.resolution
    assert "line 2" in s.resolution


def test_bare_title_refers_to_the_last_person_with_it() -> None:
    found = statements(
        "Thủ tướng Phạm Minh Chính tiếp Thủ tướng Lào Sonexay Siphandone.",
        "Thủ tướng nhấn mạnh hai nước cần đẩy nhanh các dự án kết nối.",
    )
    assert found[0].speaker.name == "Sonexay Siphandone"


def test_unresolved_title_says_so() -> None:
    s = only("Thứ trưởng cho biết hai bên sẽ sớm ký kết thỏa thuận.")
    assert s.speaker.name == "Thứ trưởng"
    assert s.resolution is not None
    assert "unresolved" in s.resolution


def test_fronted_clause_before_the_speaker() -> None:
    s = only(
        "Phát biểu tại lễ kỷ niệm, Chủ tịch nước Võ Văn Thưởng khẳng định quan hệ hai nước "
        "ngày càng bền chặt."
    )
    assert (s.speaker.name, s.cue) == ("Võ Văn Thưởng", "khẳng định")
    assert s.text == "quan hệ hai nước ngày càng bền chặt."


def test_two_cues_of_one_speaker_are_two_statements() -> None:
    found = statements(
        "Chủ tịch nước Võ Văn Thưởng đánh giá cao những đóng góp của Đại sứ và đề nghị Đại sứ "
        "tiếp tục làm cầu nối giữa hai nước."
    )
    assert [(s.speaker.name, s.cue) for s in found] == [
        ("Võ Văn Thưởng", "đánh giá cao"),
        ("Võ Văn Thưởng", "đề nghị"),
    ]
    assert found[0].text == "những đóng góp của Đại sứ"
    assert found[1].text.startswith("Đại sứ tiếp tục")


def test_a_reported_statement_is_held_by_the_report_up_to_the_next_statement() -> None:
    found = statements(
        "Bộ trưởng Bùi Thanh Sơn cho biết, Thủ tướng Phạm Minh Chính khẳng định: “Việt Nam "
        "sẵn sàng hợp tác” và nhấn mạnh vai trò của ASEAN."
    )
    assert [(s.speaker.name, s.cue, s.text) for s in found] == [
        (
            "Bùi Thanh Sơn",
            "cho biết",
            "Thủ tướng Phạm Minh Chính khẳng định: “Việt Nam sẵn sàng hợp tác”",
        ),
        ("Phạm Minh Chính", "khẳng định", "“Việt Nam sẵn sàng hợp tác”"),
        ("Phạm Minh Chính", "nhấn mạnh", "vai trò của ASEAN."),
    ]


def test_two_speakers_in_one_paragraph() -> None:
    found = statements(
        "Thủ tướng Phạm Minh Chính nhấn mạnh hợp tác kinh tế là trụ cột. Tổng thống Hàn Quốc "
        "Yoon Suk Yeol cho biết Hàn Quốc sẽ mở rộng đầu tư."
    )
    assert [(s.speaker.name, s.cue) for s in found] == [
        ("Phạm Minh Chính", "nhấn mạnh"),
        ("Yoon Suk Yeol", "cho biết"),
    ]


def test_a_saying_quoted_inside_a_statement_keeps_its_author() -> None:
    s = only(
        "Tổng Bí thư Nguyễn Phú Trọng nhắc lại lời dạy của Chủ tịch Hồ Chí Minh "
        "“Không có gì quý hơn độc lập, tự do”."
    )
    assert [(q.text, q.attributed_to) for q in s.quotes] == [
        ("Không có gì quý hơn độc lập, tự do", "Hồ Chí Minh")
    ]


@pytest.mark.parametrize(
    ("before", "author"),
    [
        ("của Bác Hồ", "Bác Hồ"),
        ("của Đặng Tiểu Bình", "Đặng Tiểu Bình"),
        ("của Ỷ Lan", "Ỷ Lan"),
        # lowercase words that open with a letter between À and Ỹ are no name
        ("của ông cha", "Bùi Thanh Sơn"),
        ("của đồng bào", "Bùi Thanh Sơn"),
        ("của ấy bạn bè", "Bùi Thanh Sơn"),
        ("của ủy ban", "Bùi Thanh Sơn"),
    ],
)
def test_a_quotation_goes_to_a_capitalised_name_before_it(before: str, author: str) -> None:
    s = only(
        f"Bộ trưởng Bùi Thanh Sơn nhấn mạnh, ngành ngoại giao luôn ghi nhớ lời dạy {before} "
        "“dĩ bất biến, ứng vạn biến, giữ vững độc lập tự chủ” trong mọi hoạt động."
    )
    assert [q.attributed_to for q in s.quotes] == [author]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tổng Bí thư Nguyễn Phú Trọng dự và phát biểu chỉ đạo tại hội nghị.",
        "Hội nghị với chủ đề “Ngoại giao vì hòa bình và phát triển” được tổ chức tại Hà Nội.",
        "Kết quả này được đánh giá là điểm sáng của năm.",
        "Hội nghị đã đánh giá tình hình thế giới và khu vực.",
        "Những thành tựu đó khẳng định bản sắc “cây tre Việt Nam”.",
        "Ngành ngoại giao cho biết nhiều điều qua các con số.",
    ],
)
def test_not_statements(sentence: str) -> None:
    assert statements(sentence) == ()


def test_captions_and_noise_are_not_searched() -> None:
    text = (
        HEAD + "Đoạn thân bài mở đầu đủ dài để là một đoạn văn của bài báo này.\n"
        "Bộ trưởng Bùi Thanh Sơn phát biểu: hai nước là đối tác tin cậy. Ảnh: TTXVN\n"
        "Tin liên quan\n"
        "Thủ tướng khẳng định: ngoại giao đi trước mở đường\n"
    )
    assert dc.extract_statements(dc.parse(text)) == ()


def test_statement_spans_point_into_the_line() -> None:
    article = dc.parse(
        HEAD + "Phát biểu tại hội nghị, Thủ tướng Phạm Minh Chính nhấn mạnh: hợp tác là then chốt."
    )
    (s,) = dc.extract_statements(article)
    line_text = article.blocks[1].text
    assert line_text[s.start : s.end].startswith("Thủ tướng Phạm Minh Chính nhấn mạnh")
    assert line_text[s.speaker.start : s.speaker.end] == "Phạm Minh Chính"


def test_a_photographer_in_a_caption_credit_is_no_one_a_reference_points_to() -> None:
    text = (
        "Tiêu đề của một bài báo thử nghiệm\n"
        "Đoạn thân bài đủ dài để là một đoạn văn của bài báo về quan hệ hai nước.\n"
        "Quang cảnh buổi làm việc tại trụ sở. Ảnh: Nguyễn Hồng\n"
        "Ông Hồng cho biết công việc đang tiến triển tốt đẹp.\n"
    )
    (statement,) = dc.extract_statements(dc.parse(text))
    assert statement.speaker.name == "Ông Hồng"  # not resolved to the photo's credit
