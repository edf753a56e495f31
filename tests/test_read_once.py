"""What the parser reads of a line is read once, and the quick paths give what the slow ones
give: fold_key word by word, a line's credit and dateline parts kept on the line."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import diplocorpus as dc
from diplocorpus import _meta, _page, _text
from diplocorpus._lexicon import Lexicon
from diplocorpus._page import page_lines

LEX = Lexicon.default()


def _fold_whole(text: str) -> str:
    """fold_key as it read a text in one piece: the reference for the word-wise fold."""
    import unicodedata  # noqa: PLC0415

    decomposed = unicodedata.normalize("NFD", text.casefold())
    moved = _text._TONE_THEN_REST.sub(_text._swap, decomposed)
    return " ".join(unicodedata.normalize("NFC", moved).split())


@pytest.mark.parametrize(
    "text",
    [
        "Thành uỷ  Hoà Bình",
        "(Ảnh: Thủy Nguyên) |",
        "  Hội nghị\u00a0Ngoại giao\u2000lần thứ 3 \t",
        "e\u0301\u0302 o\u0323\u031b x\u0301",
        "ΣΊΣΥΦΟΣ Straße İstanbul",
        "\u0301 leading mark",
        "",
        " ".join(["Đoàn đại biểu Quốc hội làm việc với Ủy ban Đối ngoại nước bạn"] * 10),
    ],
)
def test_fold_key_word_by_word_is_the_whole_fold(text: str) -> None:
    assert dc.fold_key(text) == _fold_whole(text)
    assert _text._fold(text) == _fold_whole(text)


def test_a_lines_credit_and_header_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counted(name: str) -> Callable[..., object]:
        real = getattr(_meta, name)

        def read(text: str, lexicon: Lexicon, **kw: bool) -> object:
            calls.append(name)
            return real(text, lexicon, **kw)

        return read

    monkeypatch.setattr(_page, "split_credit", counted("split_credit"))
    monkeypatch.setattr(_page, "header_parts", counted("header_parts"))
    caption = "Hai bộ trưởng tại hội nghị. Ảnh: Thủy Nguyên"
    dateline = "Thu Hằng | 19/12/2023 - 15:18 | 1.234 lượt xem"
    (first, second) = page_lines([caption, dateline], LEX)
    for _ in range(3):
        assert first.credit(LEX) == _meta.split_credit(caption, LEX)
        assert first.credit(LEX, caption=True) == _meta.split_credit(caption, LEX, caption=True)
        assert second.header(LEX) == _meta.header_parts(dateline, LEX)
    assert sorted(calls) == ["header_parts", "split_credit", "split_credit"]


@pytest.mark.parametrize(
    "folded", ["tiêu đề bài 3", "tiêu đề - ảnh 2.", "tiêu đề (ảnh 3)", "tiêu đề", "3", "", "a 12 )"]
)
def test_photo_number_quick_test(folded: str) -> None:
    pattern = _page._alt_number(LEX.photo_words)
    match = pattern.search(folded)
    expected = None if match is None or match.start() == 0 else folded[: match.start()]
    got = _page.strip_alt_number(folded, LEX)
    assert (got is None) == (expected is None)
