"""Datelines: the forms Vietnamese sites write, and the grammar under generated dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplocorpus as dc

VN = dc.VIETNAM_TZ


def published(line: str, **kwargs: object) -> object:
    text = (
        f"Tiêu đề thử nghiệm của bài báo\n{line}\nMột đoạn thân bài đủ dài để làm nội dung chính."
    )
    return dc.parse(text, **kwargs).published  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ 3, 19/12/2023 | 15:18:15", dt.datetime(2023, 12, 19, 15, 18, 15, tzinfo=VN)),
        ("Ngày đăng: 14/12/2021", dt.date(2021, 12, 14)),
        ("13:00 | 19/12/2023 GMT+7", dt.datetime(2023, 12, 19, 13, 0, tzinfo=VN)),
        ("Thứ Ba, 19/12/2023 15:18 (GMT+7)", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        ("19/12/2023 - 15:18", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        ("Cập nhật: 19/12/2023 15:18", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        ("Thứ hai, ngày 18 tháng 12 năm 2023", dt.date(2023, 12, 18)),
        ("18-12-2023", dt.date(2023, 12, 18)),
        ("18.12.2023", dt.date(2023, 12, 18)),
        ("2023-12-19T15:18:15+07:00", dt.datetime(2023, 12, 19, 15, 18, 15, tzinfo=VN)),
        ("Cập nhật lúc 15h18 ngày 19/12/2023", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        ("3:18 CH, 19/12/2023", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        ("12:05 SA 19/12/2023", dt.datetime(2023, 12, 19, 0, 5, tzinfo=VN)),
        ("Chủ nhật, 17/12/23", dt.date(2023, 12, 17)),
    ],
)
def test_dateline_forms(line: str, expected: object) -> None:
    value = published(line)
    assert value == expected
    assert type(value) is type(expected)
    if isinstance(value, dt.datetime):
        assert value.utcoffset() == dt.timedelta(hours=7)


def test_iso_utc_stamp_keeps_its_zone() -> None:
    value = published("2023-12-19T08:18:15Z")
    assert value == dt.datetime(2023, 12, 19, 15, 18, 15, tzinfo=VN)
    assert isinstance(value, dt.datetime)
    assert value.utcoffset() == dt.timedelta(0)


def test_gmt_plus_seven_is_east_of_utc() -> None:
    # dateutil reads "GMT+7" POSIX-style (7 hours west); a page means UTC+07:00.
    value = published("19/12/2023 13:00 GMT+7")
    assert isinstance(value, dt.datetime)
    assert value.astimezone(dt.timezone.utc).hour == 6


def test_other_zones_are_kept() -> None:
    value = published("19/12/2023 08:00 GMT-5")
    assert isinstance(value, dt.datetime)
    assert value.utcoffset() == dt.timedelta(hours=-5)


def test_caller_zone_for_times_without_one() -> None:
    value = published("19/12/2023 08:00", default_tz=dt.timezone.utc)
    assert value == dt.datetime(2023, 12, 19, 8, 0, tzinfo=dt.timezone.utc)


def test_missing_year_stays_partial() -> None:
    value = published("Thứ Ba, 19/12")
    assert value == dc.PartialDate(month=12, day=19)
    assert value.isoformat() == "--12-19"  # type: ignore[union-attr]


def test_missing_year_comes_from_the_caller() -> None:
    value = published("19/12 15:18", published=dt.date(2023, 12, 20))
    assert value == dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)


def test_caller_date_stands_in_when_the_page_has_none() -> None:
    text = "Tiêu đề thử nghiệm của bài báo\nMột đoạn thân bài đủ dài để làm nội dung chính."
    assert dc.parse(text, published=dt.date(2023, 1, 2)).published == dt.date(2023, 1, 2)
    assert dc.parse(text).published is None


def test_impossible_date_is_noted_not_guessed() -> None:
    text = "Tiêu đề thử nghiệm của bài báo\n31/02/2023 10:00\nMột đoạn thân bài đủ dài ở đây."
    article = dc.parse(text)
    assert article.published is None
    assert article.blocks[1].kind is dc.BlockKind.DATELINE
    assert any("line 2" in note and "day is out of range" in note for note in article.notes)


def test_a_sentence_with_a_date_is_not_a_dateline() -> None:
    text = "Tiêu đề thử nghiệm của bài báo\nSáng 19/12/2023, hội nghị khai mạc tại Hà Nội."
    article = dc.parse(text)
    assert article.published is None
    assert article.blocks[1].kind is dc.BlockKind.BODY


def test_partial_date_validates_and_round_trips() -> None:
    assert dc.PartialDate.fromisoformat("--02-29") == dc.PartialDate(month=2, day=29)
    with pytest.raises(ValueError, match="out of range"):
        dc.PartialDate(month=2, day=30)
    with pytest.raises(ValueError, match="month"):
        dc.PartialDate(month=13, day=1)
    with pytest.raises(ValueError, match="not an ISO 8601 partial date"):
        dc.PartialDate.fromisoformat("12-19")


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, dt.date | dt.datetime]:
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
    sep = draw(st.sampled_from(["/", "-", "."]))
    dmy = f"{day.day:0{draw(st.sampled_from([1, 2]))}d}{sep}{day.month:02d}{sep}{day.year}"
    wordy = f"ngày {day.day} tháng {day.month} năm {day.year}"
    date_text = draw(st.sampled_from([dmy, wordy, day.isoformat()]))
    lead = draw(st.sampled_from(["", f"{WEEKDAYS[day.weekday()]}, ", "Ngày đăng: ", "Cập nhật: "]))
    if not draw(st.booleans()):
        return lead + date_text, day
    hour, minute, second = (
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        draw(st.integers(0, 59)),
    )
    clock = draw(
        st.sampled_from(
            [
                f"{hour:02d}:{minute:02d}:{second:02d}",
                f"{hour}:{minute:02d}",
                f"{hour}h{minute:02d}",
            ]
        )
    )
    if clock.count(":") != 2:
        second = 0
    stamp = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=VN)
    zone = draw(st.sampled_from(["", " GMT+7", " (GMT+7)", " UTC+07:00"]))
    shape = draw(st.sampled_from(["{d} {t}", "{t} | {d}", "{d} - {t}", "{d}, {t}"]))
    return lead + shape.format(d=date_text, t=clock) + zone, stamp


@given(written_dates())
def test_any_written_date_parses_back_to_itself(case: tuple[str, dt.date]) -> None:
    line, expected = case
    value = published(line)
    assert value == expected, line
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("line", "authors", "views"),
    [
        ("Thu Hằng | 19/12/2023 - 15:18 | 1.234 lượt xem", ("Thu Hằng",), 1234),
        ("Thế Kha, Hoài Thu • Thứ Ba, 19/12/2023 15:18 (GMT+7)", ("Thế Kha", "Hoài Thu"), None),
        ("19/12/2023 15:18 | Chia sẻ", (), None),
        ("Hà Nội - 19/12/2023 15:18", (), None),
    ],
)
def test_a_dateline_that_carries_more(line: str, authors: tuple[str, ...], views: int) -> None:
    text = (
        f"Tiêu đề thử nghiệm của bài báo\n{line}\nMột đoạn thân bài đủ dài để làm nội dung chính."
    )
    article = dc.parse(text)
    assert article.blocks[1].kind is dc.BlockKind.DATELINE
    assert article.published is not None
    assert article.published.isoformat().startswith("2023-12-19")
    assert article.authors == authors
    assert article.view_count == views


def test_a_place_is_never_an_author() -> None:
    text = (
        "Tiêu đề thử nghiệm của bài báo\nMột đoạn thân bài đủ dài để làm nội dung chính.\nĐà Nẵng"
    )
    assert dc.parse(text).authors == ()
