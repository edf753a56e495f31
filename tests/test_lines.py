"""Single-line rules on lines the seeds do not have: bylines, credits, counters, pagers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import diplocorpus as dc

HEAD = "Tiêu đề của một bài báo thử nghiệm\nĐoạn thân bài đủ dài để là một đoạn văn của bài báo.\n"


def tail_article(line: str) -> dc.Article:
    return dc.parse(HEAD + line)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Văn Hùng, Hoàn Vũ", ("Văn Hùng", "Hoàn Vũ")),
        ("Minh Hà (TTXVN)", ("Minh Hà",)),
        ("Bài và ảnh: Hoàng Anh - Minh Hà", ("Hoàng Anh", "Minh Hà")),
        ("Nhóm PV: Lan Anh và Quốc Toản", ("Lan Anh", "Quốc Toản")),
        ("Thu Trang/VOV", ("Thu Trang",)),
        ("Văn Ngọc • Từ khóa", ("Văn Ngọc",)),
        ("PHƯƠNG HOA", ("PHƯƠNG HOA",)),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...]) -> None:
    article = tail_article(line)
    assert article.blocks[-1].kind is dc.BlockKind.BYLINE
    assert article.authors == authors


@pytest.mark.parametrize("line", ["Theo TTXVN", "Theo Báo Quốc tế", "Theo Ngoisao"])
def test_a_source_without_a_person_is_a_source_label(line: str) -> None:
    article = tail_article(line)
    assert article.blocks[-1].kind is dc.BlockKind.SOURCE_LABEL
    assert article.authors == ()


@pytest.mark.parametrize(
    "line",
    ["Hợp tác kinh tế là trụ cột quan hệ hai nước", "TP.HCM đón khách quốc tế", "HĐND tỉnh họp"],
)
def test_a_headline_after_the_body_is_not_a_byline(line: str) -> None:
    article = tail_article(line)
    assert article.blocks[-1].kind is not dc.BlockKind.BYLINE
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "text", "credit"),
    [
        ("Quang cảnh buổi lễ. Ảnh: TTXVN", "Quang cảnh buổi lễ.", "TTXVN"),
        ("Hai bộ trưởng bắt tay (Ảnh: Tuấn Anh)", "Hai bộ trưởng bắt tay", "Tuấn Anh"),
        ("Đoàn đại biểu chụp ảnh lưu niệm.Ảnh: N.H", "Đoàn đại biểu chụp ảnh lưu niệm.", "N.H"),
        ("Lễ ký kết hợp tác - Ảnh minh họa: VGP", "Lễ ký kết hợp tác", "VGP"),
        ("Toàn cảnh phiên họp | Nguồn ảnh: Bộ Ngoại giao", "Toàn cảnh phiên họp", "Bộ Ngoại giao"),
    ],
)
def test_caption_credits(line: str, text: str, credit: str) -> None:
    article = dc.parse(HEAD + line + "\nĐoạn thân bài thứ hai cũng đủ dài để là đoạn văn.")
    assert article.blocks[2].kind is dc.BlockKind.CAPTION
    assert [(c.text, c.credit) for c in article.captions] == [(text, credit)]
    assert line not in article.paragraphs


def test_a_colon_in_a_sentence_is_not_a_credit() -> None:
    line = "Bộ trưởng nhấn mạnh hai điểm: hợp tác và phát triển bền vững trong khu vực."
    article = dc.parse(HEAD + line)
    assert article.captions == ()
    assert article.paragraphs[-1] == line


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("1,234 lượt xem", 1234),
        ("Lượt xem: 5.678", 5678),
        ("Lượt đọc: 42", 42),
        ("2,5K views", 2500),
        ("12 lần xem", 12),
    ],
)
def test_view_counters(line: str, count: int) -> None:
    article = dc.parse("Tiêu đề của một bài báo thử nghiệm\n" + line + "\n" + HEAD.split("\n")[1])
    assert article.view_count == count
    assert article.blocks[1].kind is dc.BlockKind.COUNTER


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Trang 2 / 10", "pagination"),
        ("« Trang trước 1 2 3 Trang sau »", "pagination"),
        ("FirstPrevNextLast", "pagination"),
        ("hoi-nghi-ngoai-giao-lan-thu-32-khai-mac-tai-ha-noi", "slug"),
        ("tong bi thu du hoi nghi ngoai giao", "slug"),
        ("Xin chờ trong giây lát...", "widget"),
        ("Vui lòng chờ...", "widget"),
        ("Cỡ chữ", "widget"),
        ("Bản quyền thuộc về Báo điện tử", "footer"),
        ("Copyright © 2024 Tòa soạn", "footer"),
        ("Tags: ASEAN, Ngoại giao", "tags"),
        ("(Video) Toàn cảnh lễ đón Tổng thống Hoa Kỳ", "media_list"),
        ("Podcast: Điểm tin ngoại giao tuần qua", "media_list"),
        ("Nguồn: Báo Thế giới và Việt Nam", "source_label"),
        ("Đọc thêm: Thủ tướng tiếp Đại sứ Hàn Quốc tại Hà Nội", "related"),
        (">> Thủ tướng tiếp Đại sứ Hàn Quốc tại Hà Nội", "related"),
        ("Minh Anh - 7 ngày trước", "comment"),
        ("Thu Hà - 2 giờ 43 phút trước | Trả lời", "comment"),
        ("3 hours ago", "comment"),
        ("Bình luận (12)", "comment"),
    ],
)
def test_noise_lines_after_the_body(line: str, kind: str) -> None:
    article = tail_article(line)
    assert article.blocks[-1].kind.value == kind, article.blocks[-1].reason
    assert line not in article.paragraphs


def test_end_mark_variants_are_dropped() -> None:
    for end in ("./.", ". /.", "/."):
        article = dc.parse(HEAD.rstrip("\n").rstrip(".") + end)
        assert article.paragraphs[-1].endswith("bài báo.")


def test_end_mark_ends_the_body() -> None:
    text = (
        HEAD.rstrip("\n").rstrip(".")
        + "./.\nMột bài báo khác về quan hệ hai nước đã được đăng tải."
    )
    article = dc.parse(text)
    assert article.blocks[-1].kind is dc.BlockKind.RELATED
    assert len(article.paragraphs) == 1


# An article whose last paragraph, a short sentence, ends with its source's attribution.
ATTRIBUTED_HEAD = (
    "Việt Nam và Lào thúc đẩy hợp tác đào tạo giáo viên\n"
    "Thứ Ba, 12/03/2024 10:15\n"
    "Chiều 11/3, tại Hà Nội, Bộ trưởng Bộ Giáo dục và Đào tạo tiếp đoàn công tác của Bộ Giáo "
    "dục và Thể thao Lào, hai bên trao đổi về kết quả hợp tác trong năm qua.\n"
    "Hai bên nhất trí mở rộng chương trình học bổng, đào tạo giáo viên tiếng Việt cho các "
    "tỉnh của Lào và phối hợp biên soạn tài liệu giảng dạy.\n"
)
ATTRIBUTED_LAST = (
    "Dự kiến, Hội nghị Giáo dục lần thứ 5 sẽ diễn ra tại Viêng Chăn vào tháng 12/2024."
)
AFTER_THE_BODY = [
    "",
    "Tin liên quan\nViệt Nam - Campuchia ký thỏa thuận hợp tác giáo dục\n"
    "Bộ trưởng tiếp Đại sứ Pháp tại Hà Nội\n",
    "Từ khóa: giáo dục, Lào\n",
]


@pytest.mark.parametrize("after", AFTER_THE_BODY, ids=["end", "related", "tags"])
@pytest.mark.parametrize(
    ("tail", "source"),
    [
        (" (PV)", "PV"),
        (" (TTXVN)", "TTXVN"),
        (" (Theo TTXVN)", "Theo TTXVN"),
        (" (Nguồn: VOV)", "Nguồn: VOV"),
        ("/. (TTXVN)", "TTXVN"),
        (" (Theo Reuters)", "Theo Reuters"),
    ],
)
def test_a_last_paragraph_with_its_source_at_its_end_is_kept(
    tail: str, source: str, after: str
) -> None:
    line = ATTRIBUTED_LAST + tail
    article = dc.parse(ATTRIBUTED_HEAD + line + "\n" + after)
    block = next(b for b in article.blocks if b.text == line)
    assert block.kind is dc.BlockKind.BODY, block.reason
    assert f"({source})" in block.reason
    assert article.paragraphs[-1] == ATTRIBUTED_LAST  # without its source or the end mark
    assert len(article.paragraphs) == 3
    assert article.authors == ()  # an agency, an outlet, "PV" (the reporter): no author
    assert [b.kind for b in article.blocks if b.line > block.line][:1] in (
        [],
        [dc.BlockKind.SECTION_LABEL],
        [dc.BlockKind.TAGS],
    )
    (event,) = (e for e in dc.extract_events(article) if e.ordinal == 5)
    assert event.location == "Viêng Chăn"


def test_a_source_after_a_closing_quotation_mark_is_the_paragraphs() -> None:
    last = "Ông nói: “Hai bên sẽ tiếp tục phối hợp chặt chẽ trong thời gian tới.”"
    article = dc.parse(ATTRIBUTED_HEAD + last + " (TTXVN/Vietnam+)")
    assert article.blocks[-1].kind is dc.BlockKind.BODY
    assert article.paragraphs[-1] == last


def test_a_paragraph_with_its_source_inside_the_body_is_kept() -> None:
    line = "Hai bên cũng ký biên bản ghi nhớ về trao đổi sinh viên. (TTXVN)"
    article = dc.parse(ATTRIBUTED_HEAD + line + "\n" + ATTRIBUTED_LAST)
    assert [b.kind for b in article.blocks[2:]] == [dc.BlockKind.BODY] * 4
    assert article.paragraphs[2:] == (line.removesuffix(" (TTXVN)"), ATTRIBUTED_LAST)


@pytest.mark.parametrize(
    "tail",
    [
        " (Ảnh minh họa)",  # a caption's credit label, no source
        " (Minh Hà)",  # a person's name: not a source
        " (Còn nữa)",
    ],
)
def test_a_bracket_that_names_no_source_is_no_attribution(tail: str) -> None:
    line = ATTRIBUTED_LAST + tail
    article = dc.parse(ATTRIBUTED_HEAD + line)
    block = next(b for b in article.blocks if b.text == line)
    assert "source" not in block.reason
    assert line not in article.paragraphs[-1:] or block.kind is dc.BlockKind.BODY


def test_section_label_before_the_body_does_not_swallow_it() -> None:
    text = "Tin mới\n" + HEAD
    article = dc.parse(text)
    assert article.blocks[0].kind is dc.BlockKind.SECTION_LABEL
    assert article.title == "Tiêu đề của một bài báo thử nghiệm"
    assert len(article.paragraphs) == 1


def test_a_lead_that_reads_like_a_photo_description_stays_body() -> None:
    text = (
        "Bộ trưởng Ngoại giao hội đàm với Ngoại trưởng Nhật Bản\n"
        "Chiều 19/12, tại Hà Nội, Bộ trưởng Ngoại giao hội đàm với Ngoại trưởng Nhật Bản.\n"
        "\n"
        "Hai bộ trưởng bắt tay trước cuộc hội đàm.\n"
        "\n"
        "Sáng 20/12, hai bộ trưởng đồng chủ trì phiên họp Ủy ban hợp tác.\n"
    )
    kinds = [b.kind.value for b in dc.parse(text).blocks]
    assert kinds == ["title", "body", "caption", "body"]


@pytest.mark.parametrize("section", ["Thời sự quốc tế", "Chính trị - Xã hội", "Ngoại giao"])
def test_a_section_name_above_the_headline_is_not_the_title(section: str) -> None:
    text = (
        f"{section}\n"
        "Việt Nam và Singapore nâng cấp quan hệ lên Đối tác chiến lược toàn diện\n"
        "Thứ Tư, 12/03/2025 - 09:10\n"
        "Chiều 11/3, tại Singapore, hai bên ra Tuyên bố chung về việc nâng cấp quan hệ.\n"
    )
    article = dc.parse(text)
    assert (
        article.title == "Việt Nam và Singapore nâng cấp quan hệ lên Đối tác chiến lược toàn diện"
    )
    assert article.blocks[0].kind.is_content is False


def test_a_date_written_with_dashes_is_not_a_slug() -> None:
    article = dc.parse(
        "Tiêu đề của một bài báo thử nghiệm\n1-01-2000 - 0h00\n" + HEAD.split("\n")[1]
    )
    assert article.blocks[1].kind is dc.BlockKind.DATELINE


def test_a_line_seen_before_is_read_with_the_lexicon_given_now() -> None:
    line = "Cùng chuyên mục khác"
    mine = dc.Lexicon.default().extended(section_labels=[line])
    before = tail_article(line).blocks[-1]
    assert dc.parse(HEAD + line, lexicon=mine).blocks[-1].kind is dc.BlockKind.SECTION_LABEL
    assert tail_article(line).blocks[-1] == before
    assert before.kind is not dc.BlockKind.SECTION_LABEL


HASH_SEEDS = """
import sys
import diplocorpus as dc
page = sys.stdin.read()
print([(b.kind.value, b.reason) for b in dc.parse(page).blocks])
"""


def test_a_line_two_markers_fit_gets_the_same_reason_whatever_the_hash_seed() -> None:
    # "chỉnh sửa lần cuối bởi" holds the marker "sửa lần cuối bởi": the longer one is named.
    page = HEAD + "Chỉnh sửa lần cuối bởi Minh Anh"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", HASH_SEEDS],
            input=page,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1
    assert dc.fold_key("chỉnh sửa lần cuối bởi") in outputs.pop()
