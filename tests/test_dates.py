"""Datelines: the forms Vietnamese sites write, and the grammar under generated dates."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplocorpus as dc
from diplocorpus._dates import (
    _AFTER_NOON,
    date_order,
    declared_zone,
    find_dates,
    may_be_dateline,
    parse_dateline,
)
from diplocorpus._lexicon import DAY_PARTS

VN = dc.VIETNAM_TZ
LEX = dc.Lexicon.default()


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


def test_a_caller_time_without_a_zone_is_in_the_default_zone() -> None:
    text = "Tiêu đề thử nghiệm của bài báo\nMột đoạn thân bài đủ dài để làm nội dung chính."
    naive = dt.datetime(2023, 1, 2, 9, 30)
    assert dc.parse(text, published=naive).published == naive.replace(tzinfo=VN)
    utc = dc.parse(text, published=naive, default_tz=dt.timezone.utc).published
    assert utc == naive.replace(tzinfo=dt.timezone.utc)
    article = dc.parse(text, published=naive)
    assert dc.from_json(dc.to_json(article), dc.Article) == article


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


# -- forms real pages write: month names, parts of the day, glued and unaccented labels ------


def read(line: str, **kwargs: object) -> object:
    found = parse_dateline(line, lexicon=LEX, **kwargs)  # type: ignore[arg-type]
    assert found is not None, line
    assert found.problem is None, found.problem
    return found.value


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # month names, month first as in US English
        ("Tháng Năm 27, 2021", dt.date(2021, 5, 27)),
        ("tháng Mười Hai 21, 2012", dt.date(2012, 12, 21)),
        ("Tháng Mười Một 5, 2012", dt.date(2012, 11, 5)),
        ("Tháng Giêng 3, 2020", dt.date(2020, 1, 3)),
        ("Tháng Chạp 30, 2019", dt.date(2019, 12, 30)),
        ("Tháng Tư 7 2022", dt.date(2022, 4, 7)),
        ("Tháng 5 27, 2021", dt.date(2021, 5, 27)),
        ("May 27, 2021", dt.date(2021, 5, 27)),
        ("December 21, 2012", dt.date(2012, 12, 21)),
        ("Dec. 21st, 2012", dt.date(2012, 12, 21)),
        # month names, day first
        ("27 May 2021", dt.date(2021, 5, 27)),
        ("3rd March, 2020", dt.date(2020, 3, 3)),
        ("21-Dec-2012", dt.date(2012, 12, 21)),
        ("Thứ Năm, ngày 7 tháng Tư năm 2022", dt.date(2022, 4, 7)),
        ("Updated May 27, 2021 10:30 PM", dt.datetime(2021, 5, 27, 22, 30, tzinfo=VN)),
        ("10:30 SA, 27 May 2021", dt.datetime(2021, 5, 27, 10, 30, tzinfo=VN)),
        # parts of the day after a time
        (
            "Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều",
            dt.datetime(2012, 11, 30, 16, 0, tzinfo=VN),
        ),
        ("19/12/2023 08:15 sáng", dt.datetime(2023, 12, 19, 8, 15, tzinfo=VN)),
        ("12:30 trưa, 19/12/2023", dt.datetime(2023, 12, 19, 12, 30, tzinfo=VN)),
        ("1:00 trưa 19/12/2023", dt.datetime(2023, 12, 19, 13, 0, tzinfo=VN)),
        ("11:05 tối 19/12/2023", dt.datetime(2023, 12, 19, 23, 5, tzinfo=VN)),
        ("19/12/2023 11 giờ đêm", dt.datetime(2023, 12, 19, 23, 0, tzinfo=VN)),
        ("19/12/2023 2 giờ đêm", dt.datetime(2023, 12, 19, 2, 0, tzinfo=VN)),
        ("2 giờ sáng 19/12/2023", dt.datetime(2023, 12, 19, 2, 0, tzinfo=VN)),
        ("12 giờ đêm 19/12/2023", dt.datetime(2023, 12, 19, 0, 0, tzinfo=VN)),
        ("19/12/2023 11h khuya", dt.datetime(2023, 12, 19, 23, 0, tzinfo=VN)),
        ("19/12/2023 15:20 CH", dt.datetime(2023, 12, 19, 15, 20, tzinfo=VN)),
        ("3:18PM 19/12/2023", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        # a label glued to the date by a scraper
        ("author14/04/2025 04:41", dt.datetime(2025, 4, 14, 4, 41, tzinfo=VN)),
        ("Posted19/12/2023", dt.date(2023, 12, 19)),
        ("Ngày đăng19/12/2023 15:18", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        # English labels
        ("Published on 19-12-2023 01:00 AM", dt.datetime(2023, 12, 19, 1, 0, tzinfo=VN)),
        ("Posted on 19/12/2023", dt.date(2023, 12, 19)),
        ("Last updated 19/12/2023 15:18", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        ("Date: 19/12/2023 | Time: 15:18", dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)),
        # labels written without diacritics
        ("Thu nam, 20/12/2012, 10:18 GMT+7", dt.datetime(2012, 12, 20, 10, 18, tzinfo=VN)),
        ("Cap nhat luc 10:18 20/12/2012", dt.datetime(2012, 12, 20, 10, 18, tzinfo=VN)),
        ("Ngay dang: 14/12/2021", dt.date(2021, 12, 14)),
        ("CHU NHAT, 17/12/23", dt.date(2023, 12, 17)),
    ],
)
def test_more_dateline_forms(line: str, expected: object) -> None:
    value = read(line)
    assert value == expected
    assert type(value) is type(expected)
    if isinstance(value, dt.datetime):
        assert value.utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize(
    "line",
    [
        "Published on 03-08-2011 01:00 AM \xa0 Số lần xem: 169",  # a count: says more
        "27 tháng năm 2021",  # "năm 2021" is the year: no month is named
        "Tháng Năm 2021",  # May 2021, or "tháng, năm 2021": no day in either
        "18 Tháng Mười Hai",  # no year: left to the markup or the caller
        "Theo Ngoisao19/12/2023",  # glued letters that are no label
        "Đang 19/12/2023",  # "đang" is written with diacritics, and is not "đăng"
        "Tin 24h 19/12/2023",  # an hour needs minutes or a part of the day
        "19/12/2023 sáng mai",  # a part of the day with no time before it
        "Thang Nam 27, 2021",  # only label words are matched without diacritics
    ],
)
def test_lines_that_are_not_datelines(line: str) -> None:
    assert parse_dateline(line, lexicon=LEX) is None


def test_a_page_reads_the_new_forms_end_to_end() -> None:
    assert published("author14/04/2025 04:41") == dt.datetime(2025, 4, 14, 4, 41, tzinfo=VN)
    assert published("Tháng Năm 27, 2021") == dt.date(2021, 5, 27)


def test_words_alone_still_work_and_take_the_shipped_months() -> None:
    found = parse_dateline("May 27, 2021 04:00 chiều", words=LEX.dateline_words)
    assert found is not None
    assert found.value == dt.datetime(2021, 5, 27, 16, 0, tzinfo=VN)


def test_words_given_beside_a_lexicon_are_the_labels() -> None:
    assert parse_dateline("Đăng: 19/12/2023", lexicon=LEX, words=frozenset()) is None
    found = parse_dateline("Đăng: 19/12/2023", lexicon=LEX)
    assert found is not None
    assert found.value == dt.date(2023, 12, 19)


def test_months_and_parts_of_the_day_come_from_the_lexicon() -> None:
    line = "27 Mei 2021 4:00 xế"
    assert parse_dateline(line, lexicon=LEX) is None
    mine = LEX.extended(month_names=["Mei = 5"], day_periods=["xế = pm"])
    found = parse_dateline(line, lexicon=mine)
    assert found is not None
    assert found.value == dt.datetime(2021, 5, 27, 16, 0, tzinfo=VN)


def test_lexicon_values_are_checked() -> None:
    with pytest.raises(ValueError, match="not a month number"):
        _ = LEX.extended(month_names=["tháng mười ba = 13"]).month_name_index
    with pytest.raises(ValueError, match="unknown part of the day"):
        _ = LEX.extended(day_periods=["xế = afternoon"]).day_period_index
    assert set(_AFTER_NOON) == DAY_PARTS  # every part the lexicon allows has its hours


# -- month first ----------------------------------------------------------------------------


def test_month_first_reads_month_day_year() -> None:
    assert read("12-27-2012", month_first=True) == dt.date(2012, 12, 27)
    assert read("Published on 03-08-2011 01:00 AM", month_first=True) == dt.datetime(
        2011, 3, 8, 1, 0, tzinfo=VN
    )
    assert read("03-08-2011") == dt.date(2011, 8, 3)
    assert read("12/27", month_first=True) == dc.PartialDate(month=12, day=27)


def test_day_first_finds_no_27th_month() -> None:
    found = parse_dateline("12-27-2012", lexicon=LEX)
    assert found is not None
    assert found.value is None
    assert found.problem is not None
    assert "month must be in 1..12" in found.problem


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2012-12-07", dt.date(2012, 12, 7)),
        ("Tháng Năm 7, 2021", dt.date(2021, 5, 7)),
        ("7 May 2021", dt.date(2021, 5, 7)),
        ("ngày 7 tháng 5 năm 2021", dt.date(2021, 5, 7)),
    ],
)
def test_month_first_leaves_dates_whose_order_is_written(line: str, expected: dt.date) -> None:
    assert read(line, month_first=True) == expected
    assert read(line, month_first=False) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Chủ đề: 8/3", "ht8899 12-24-2012 02:17 PM", "Published on 03-08-2011"], True),
        (["Thứ Ba, 19/12/2023", "Cập nhật 03/08/2011"], False),
        (["19.12.23"], False),
        (["12/27/2012 12:25:45 PM"], True),
        (["Published on 03-08-2011"], None),  # both fields could be a month
        ([], None),
        (["12-27-2012", "27-12-2012"], None),  # dates that decide both ways
        (["2012-12-27", "19/12", "1.234.567 lượt xem", "32/13/2023"], None),  # not D/M/Y
    ],
)
def test_date_order(lines: list[str], expected: bool | None) -> None:
    assert date_order(lines) is expected
    assert date_order(iter(lines)) is expected  # read once, as a stream


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_date_order_follows_the_days_past_twelve(day: dt.date) -> None:
    us = f"{day.month:02d}-{day.day:02d}-{day.year}"
    vn = f"{day.day:02d}/{day.month:02d}/{day.year}"
    decides = day.day > 12
    assert date_order([us]) is (True if decides else None)
    assert date_order([vn]) is (False if decides else None)


# -- the zone a page declares -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "hours"),
    [
        (["Múi giờ GMT +8. Bây giờ là 09:15 PM"], 8),
        (["Trang chủ", "All times are GMT -5. The time now is 10:00 PM."], -5),
        (["All times are GMT. The time now is 10:00 PM."], 0),
        (["Múi giờ: UTC+05:30"], 5.5),
        (["Thứ Ba, 19/12/2023 15:18 (GMT+7)", "Tin liên quan"], None),  # a dateline's zone
        (["Bây giờ là 09:15 PM"], None),
    ],
)
def test_declared_zone(lines: list[str], hours: float | None) -> None:
    zone = declared_zone(lines)
    if hours is None:
        assert zone is None
    else:
        assert zone is not None
        assert zone.utcoffset(None) == dt.timedelta(hours=hours)


def test_declaration_words_come_from_the_lexicon() -> None:
    lines = ["Giờ hệ thống GMT+9"]
    assert declared_zone(lines) is None
    mine = LEX.extended(zone_declarations=["giờ hệ thống"])
    zone = declared_zone(lines, lexicon=mine)
    assert zone is not None
    assert zone.utcoffset(None) == dt.timedelta(hours=9)


def test_a_forum_page_reads_its_own_conventions() -> None:
    page = [
        "Bánh tình yêu cho ngày 8/3",
        "Published on 03-08-2011 01:00 AM",
        "thành viên 12-27-2012",
        "Múi giờ GMT +8. Bây giờ là 09:15 PM",
    ]
    order, zone = date_order(page), declared_zone(page)
    assert order is True
    assert zone is not None
    value = read(page[1], month_first=order, default_tz=zone)
    assert value == dt.datetime(2011, 3, 8, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


# -- generated dates in the new forms -------------------------------------------------------

VI_MONTHS = {
    1: ["Tháng Một", "Tháng Giêng"],
    2: ["Tháng Hai"],
    3: ["Tháng Ba"],
    4: ["Tháng Tư", "Tháng Bốn"],
    5: ["Tháng Năm"],
    6: ["Tháng Sáu"],
    7: ["Tháng Bảy"],
    8: ["Tháng Tám"],
    9: ["Tháng Chín"],
    10: ["Tháng Mười"],
    11: ["Tháng Mười Một"],
    12: ["Tháng Mười Hai", "Tháng Chạp"],
}
EN_MONTHS = {
    m: [dt.date(2000, m, 1).strftime("%B"), dt.date(2000, m, 1).strftime("%b")]
    for m in range(1, 13)
}


def twelve_hour(hour: int) -> list[tuple[int, str]]:
    """Ways to write ``hour`` (0-23) on a 12-hour clock with a part of the day after it."""
    h12 = hour % 12 or 12
    ways = [(h12, "SA" if hour < 12 else "CH"), (h12, "AM" if hour < 12 else "PM")]
    if hour < 11:
        ways.append((h12, "sáng"))
    if hour == 0 or 1 <= hour <= 4 or 18 <= hour <= 23:
        ways.append((h12, "đêm"))
    if 11 <= hour <= 17:
        ways.append((h12, "trưa"))
    if 12 <= hour <= 18:
        ways.append((h12, "chiều"))
    if 18 <= hour <= 23 or hour == 0:
        ways.append((h12, "tối"))
    return ways


@st.composite
def named_dates(draw: st.DrawFn) -> tuple[str, dt.date | dt.datetime]:
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
    vi = draw(st.sampled_from(VI_MONTHS[day.month]))
    en = draw(st.sampled_from(EN_MONTHS[day.month]))
    date_text = draw(
        st.sampled_from(
            [
                f"{vi} {day.day}, {day.year}",
                f"Tháng {day.month} {day.day}, {day.year}",
                f"ngày {day.day} {vi.lower()} năm {day.year}",
                f"{en} {day.day}, {day.year}",
                f"{day.day} {en} {day.year}",
                f"{day.day:02d}-{en}-{day.year}",
            ]
        )
    )
    lead = draw(st.sampled_from(["", "Posted on ", "Ngay dang: ", "Cap nhat ", "author"]))
    if lead == "author" and not date_text[0].isdigit():
        lead = "Date: "  # a glued label sits before a digit
    if not draw(st.booleans()):
        return lead + date_text, day
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    h12, part = draw(st.sampled_from(twelve_hour(hour)))
    clock = draw(st.sampled_from([f"{h12}:{minute:02d} {part}", f"{h12:02d}:{minute:02d}{part}"]))
    stamp = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VN)
    shape = draw(st.sampled_from(["{d} {t}", "{t}, {d}", "{t} | {d}", "{d} lúc {t}"]))
    return lead + shape.format(d=date_text, t=clock), stamp


@given(named_dates())
def test_any_date_in_the_new_forms_parses_back_to_itself(
    case: tuple[str, dt.date | dt.datetime],
) -> None:
    line, expected = case
    value = read(line)
    assert value == expected, line
    assert type(value) is type(expected)


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["/", "-", "."]),
)
def test_month_first_dates_parse_back_to_themselves(day: dt.date, sep: str) -> None:
    us = f"{day.month:02d}{sep}{day.day:02d}{sep}{day.year}"
    assert read(us, month_first=True) == day
    vn = f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"
    assert read(vn, month_first=False) == day


# -- dates in running text: the words around them are the lexicon's -------------------------


def spans(text: str, **kwargs: object) -> list[tuple[str | None, str | None, str]]:
    def iso(value: object) -> str | None:
        return None if value is None else str(value.isoformat())  # type: ignore[attr-defined]

    return [(iso(s.start), iso(s.end), s.text) for s in find_dates(text, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range within one month, the month written once, after the last day
        ("Đoàn công tác ở lại từ 4 đến 7/9.", [("--09-04", "--09-07", "4 đến 7/9")]),
        (
            "Hội chợ mở cửa từ ngày 12 đến ngày 15/10/2024.",
            [("2024-10-12", "2024-10-15", "12 đến ngày 15/10/2024")],
        ),
        ("Lớp học kéo dài từ ngày 3 tới 5-6.", [("--06-03", "--06-05", "3 tới 5-6")]),
        # two dates of their own joined by "đến", across a year
        (
            "Chương trình diễn ra từ 30/12 đến 2/1/2025.",
            [("2024-12-30", "2025-01-02", "30/12 đến 2/1/2025")],
        ),
        # two days of one month
        ("Đoàn lưu lại trong hai ngày 14 và 15-4.", [("--04-14", "--04-15", "14 và 15-4")]),
        # a day and a month with a dash, after a word that leads a date
        ("Chiều 9-9, đoàn đến Hà Nội.", [("--09-09", None, "9-9")]),
        ("Trưa 21-11 đoàn rời sân bay.", [("--11-21", None, "21-11")]),
        ("Buổi lễ kéo dài đến 12-9.", [(None, "--09-12", "12-9")]),
        # and not without one: a score, a count
        ("Đội tuyển thắng 3-1 trong trận giao hữu.", []),
        ("Tỷ lệ 10-12 phần trăm là hợp lý.", []),
        ("Nhiệm kỳ 2024-2027 bắt đầu.", []),
        # a written "from" date alone is the start; "until" alone the end
        ("Quy định áp dụng từ ngày 1/7/2025.", [("2025-07-01", None, "1/7/2025")]),
        ("Triển lãm mở cửa đến hết ngày 23/12/2023.", [(None, "2023-12-23", "23/12/2023")]),
    ],
)
def test_dates_in_running_text(
    text: str, expected: list[tuple[str | None, str | None, str]]
) -> None:
    assert spans(text) == expected


def test_a_day_named_from_the_day_of_publication() -> None:
    today = dt.date(2024, 3, 1)
    assert spans("Hôm nay, hai bên ký thỏa thuận.", today=today) == [
        ("2024-03-01", None, "Hôm nay")
    ]
    assert spans("Chiều qua, đoàn đã về nước.", today=today) == [("2024-02-29", None, "Chiều qua")]
    assert spans("Sáng mai đoàn lên đường.", today=today) == [("2024-03-02", None, "Sáng mai")]
    # a date written beside it wins; without the day of publication nothing is guessed
    assert spans("Chiều nay (5/3) đoàn đến.", today=today) == [("--03-05", None, "5/3")]
    assert spans("Hôm nay, hai bên ký thỏa thuận.") == []


@st.composite
def ranges_in_a_month(draw: st.DrawFn) -> tuple[str, dt.date, dt.date]:
    first = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
    days = calendar.monthrange(first.year, first.month)[1]
    first = first.replace(day=min(first.day, days - 1))
    last = first.replace(day=draw(st.integers(first.day + 1, days)))
    lead = draw(st.sampled_from(["từ ", "từ ngày ", "kể từ ngày ", "ngày "]))
    until = draw(st.sampled_from(["đến", "tới", "cho đến", "đến ngày"]))
    d, m, y = last.day, last.month, last.year
    tail = draw(st.sampled_from([f"{d}/{m}", f"{d}-{m}", f"{d}/{m}/{y}", f"{d}-{m}-{y}"]))
    return f"Hội nghị diễn ra {lead}{first.day} {until} {tail}.", first, last


@given(ranges_in_a_month())
def test_any_range_in_a_month_written_with_words_reads_back(
    case: tuple[str, dt.date, dt.date],
) -> None:
    text, first, last = case
    (span,) = find_dates(text, year=first.year)
    assert (span.start, span.end) == (first, last), text


def test_the_date_words_come_from_the_lexicon() -> None:
    # a site that writes "tu ngay ... den ..." without diacritics: the user adds the words
    line = "Chuong trinh dien ra tu ngay 4 den 7/9."
    assert spans(line) == [("--09-07", None, "7/9")]
    mine = LEX.extended(date_words=["tu = from", "ngay = day", "den = until"])
    assert spans(line, lexicon=mine) == [("--09-04", "--09-07", "4 den 7/9")]
    with pytest.raises(ValueError, match="unknown role"):
        _ = LEX.extended(date_words=["tầm = about"]).date_word_roles
    with pytest.raises(ValueError, match="not a number of days"):
        _ = LEX.extended(relative_days=["hôm kia = hai"]).relative_day_index


def test_a_dateline_reads_its_words_from_the_lexicon() -> None:
    assert read("15 giờ 18 phút 15 ngày 19 tháng 12 năm 2023") == dt.datetime(
        2023, 12, 19, 15, 18, 15, tzinfo=VN
    )
    line = "19/12/2023 15 gio 18"
    assert parse_dateline(line, lexicon=LEX) is None  # "gio": no hour word of the shipped list
    found = parse_dateline(line, lexicon=LEX.extended(date_words=["gio = hour"]))
    assert found is not None
    assert found.value == dt.datetime(2023, 12, 19, 15, 18, tzinfo=VN)


@given(
    st.one_of(
        st.dates(),
        st.datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=7)))),
        st.builds(
            lambda m, d: dc.PartialDate(month=m, day=d), st.integers(1, 12), st.integers(1, 28)
        ),
        st.builds(
            lambda y, m: dc.PartialDate(year=y, month=m), st.integers(1, 9999), st.integers(1, 12)
        ),
        st.builds(lambda m: dc.PartialDate(month=m), st.integers(1, 12)),
    )
)
def test_one_iso_reader_and_writer_round_trip(value: dc.PartialDate | dt.date) -> None:
    from diplocorpus._models import read_iso_date, write_iso_date  # noqa: PLC0415

    written = write_iso_date(value)
    assert written is not None
    assert read_iso_date(written) == value


def test_the_writer_gives_none_for_what_is_no_date() -> None:
    from diplocorpus._models import write_iso_date  # noqa: PLC0415

    assert write_iso_date(None) is None
    assert write_iso_date("2023-12-19") is None


_PIECES = st.sampled_from(
    [
        *sorted(LEX.dateline_words),
        *sorted(LEX.month_name_index),
        *sorted(LEX.day_period_index),
        *(word.partition(" = ")[0] for word in sorted(LEX.date_words)),
        "Thể thao",
        "Zulu",
        "T",
        "Z",
        "GMT",
        "utc",
        "author",
        "Cap nhat",
        "+",
        "-",
        "/",
        ":",
        ",",
        ".",
        "|",
        "(",
        ")",
        "19",
        "12",
        "2023",
        "15",
        "18",
        "07",
        "2023-12-19T15:18:15",
    ]
)


@given(st.lists(st.tuples(_PIECES, st.sampled_from(["", " ", " - ", ", "])), max_size=8))
def test_the_quick_test_before_a_dateline_only_rejects_what_is_none(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(piece + gap for piece, gap in parts)
    if not may_be_dateline(text, LEX):
        assert parse_dateline(text, lexicon=LEX) is None


@pytest.mark.parametrize(
    "line",
    ["Cập nhật lúc 15h18 ngày 19/12/2023", "2023-12-19T15:18:15Z", "Tháng Năm 27, 2021"],
)
def test_datelines_pass_the_quick_test(line: str) -> None:
    assert may_be_dateline(line, LEX)
    assert parse_dateline(line, lexicon=LEX) is not None
