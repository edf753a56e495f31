"""Events in text written in other sites' styles, the date grammar, and the merge."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplocorpus as dc
from diplocorpus._dates import find_dates

from .conftest import SEEDS

HEAD = "Tiêu đề của một bài báo về hoạt động đối ngoại\n"


def events(*paragraphs: str, published: dt.date | None = None) -> tuple[dc.Event, ...]:
    return dc.extract_events(dc.parse(HEAD + "\n".join(paragraphs), published=published))


def one(series: str, found: tuple[dc.Event, ...]) -> dc.Event:
    matches = [e for e in found if (e.series or e.name) == series]
    assert len(matches) == 1, [(e.series, e.name) for e in found]
    return matches[0]


def test_visit_with_a_range_across_months() -> None:
    found = events(
        "Từ ngày 30/11-2/12/2023, Thủ tướng Phạm Minh Chính thăm chính thức Nhật Bản theo lời "
        "mời của Thủ tướng Kishida Fumio."
    )
    visit = next(e for e in found if e.kind is dc.EventKind.VISIT)
    assert (visit.start, visit.end) == (dt.date(2023, 11, 30), dt.date(2023, 12, 2))
    assert "Phạm Minh Chính" in visit.participants
    assert visit.main


def test_talks_take_the_year_from_the_article() -> None:
    found = events(
        "Chiều 16/12, tại Tokyo, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản "
        "Kishida Fumio.",
        published=dt.date(2023, 12, 17),
    )
    (talks,) = found
    assert talks.kind is dc.EventKind.TALKS
    assert talks.start == dt.date(2023, 12, 16)
    assert talks.location == "Tokyo"
    assert set(talks.participants) == {"Phạm Minh Chính", "Kishida Fumio"}


def test_without_a_year_the_date_stays_partial() -> None:
    (talks,) = events(
        "Chiều 16/12, tại Tokyo, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản "
        "Kishida Fumio."
    )
    assert talks.start == dc.PartialDate(month=12, day=16)
    assert talks.start.isoformat() == "--12-16"  # type: ignore[union-attr]


def test_ordinal_term_and_roman_numerals() -> None:
    found = events(
        "Hội nghị Trung ương 8 khóa XIII diễn ra từ ngày 2-10/10/2023 tại Hà Nội.",
        "Thực hiện Nghị quyết Đại hội XIII, các cấp ủy đã triển khai nhiều nhiệm vụ.",
        "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng đã đề ra đường lối đối ngoại.",
    )
    plenum = one("Hội nghị Trung ương", found)
    assert (plenum.ordinal, plenum.term) == (8, 13)
    assert (plenum.start, plenum.end) == (dt.date(2023, 10, 2), dt.date(2023, 10, 10))
    assert plenum.location == "Hà Nội"
    assert plenum.main
    congresses = [e for e in found if e.kind is dc.EventKind.CONGRESS]
    assert len(congresses) == 1  # "Đại hội XIII" and "Đại hội ... lần thứ XIII" are one
    assert congresses[0].ordinal == 13
    assert not congresses[0].main


def test_one_event_many_names() -> None:
    found = events(
        "Hội nghị Ngoại giao lần thứ 32 khai mạc sáng 19/12/2023.",
        "Trước đó, hội nghị ngoại giao lần thứ 32 đã có phiên trù bị.",
        "Hội nghị Ngoại giao 32 bế mạc ngày 23/12/2023.",
    )
    (conference,) = found
    assert (conference.series, conference.ordinal) == ("Hội nghị Ngoại giao", 32)
    assert len(conference.mentions) == 3


def test_a_mention_in_passing_gives_no_claims() -> None:
    found = events(
        "Sáng 5/3/2024, tại Hà Nội, Bộ Ngoại giao tổ chức Hội thảo khoa học quốc tế về Biển "
        "Đông lần thứ 15 nhằm quán triệt Nghị quyết Đại hội XIII của Đảng."
    )
    congress = next(e for e in found if e.kind is dc.EventKind.CONGRESS)
    assert congress.claims == ()
    assert congress.start is None
    assert all(m.passing for m in congress.mentions)
    workshop = next(e for e in found if e.kind is dc.EventKind.WORKSHOP)
    assert (workshop.ordinal, workshop.start) == (15, dt.date(2024, 3, 5))


def test_theme_before_the_event_and_lunar_note() -> None:
    found = events(
        "Với chủ đề “Hợp tác vì hòa bình và phát triển”, Diễn đàn Kinh tế Việt Nam lần thứ 5 "
        "diễn ra sáng 7/4 (tức 10/3 năm Ất Tỵ) tại thành phố Đà Nẵng."
    )
    forum = one("Diễn đàn Kinh tế Việt Nam", found)
    assert forum.themes == ("Hợp tác vì hòa bình và phát triển",)
    assert forum.start == dc.PartialDate(month=4, day=7)
    assert forum.location == "thành phố Đà Nẵng"


def test_specific_claims_win_over_joint_ones() -> None:
    found = events(
        "Hội nghị Ngoại vụ lần thứ 21 và Hội nghị Ngoại giao lần thứ 32 diễn ra từ ngày "
        "18-23/12/2023 tại Hà Nội.",
        "Hội nghị Ngoại vụ lần thứ 21 diễn ra vào ngày 18/12/2023.",
        "Hội nghị Ngoại giao lần thứ 32 diễn ra đến hết ngày 23/12/2023.",
    )
    local = one("Hội nghị Ngoại vụ", found)
    assert (local.start, local.end) == (dt.date(2023, 12, 18), None)
    diplomatic = one("Hội nghị Ngoại giao", found)
    assert (diplomatic.start, diplomatic.end) == (dt.date(2023, 12, 18), dt.date(2023, 12, 23))
    assert diplomatic.location == "Hà Nội"
    assert {c.scope for c in diplomatic.claims} == {"joint", "specific"}


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến.", "hybrid"),
        ("Hội nghị được tổ chức trực tuyến tới các địa phương.", "online"),
        ("Hội nghị được tổ chức trực tiếp tại trụ sở Bộ.", "in_person"),
    ],
)
def test_attendance_mode(sentence: str, mode: str) -> None:
    found = events("Sáng 4/1/2024, Hội nghị Ngoại vụ toàn quốc lần thứ 22 khai mạc.", sentence)
    assert str(one("Hội nghị Ngoại vụ toàn quốc", found).mode) == mode


def test_claims_keep_the_text_they_came_from() -> None:
    (event,) = events("Hội nghị Ngoại giao lần thứ 32 tiếp tục làm việc đến ngày 23/12/2023.")
    (claim,) = [c for c in event.claims if c.field == "end"]
    assert (claim.value, claim.text, claim.line) == ("2023-12-23", "23/12/2023", 2)


# -- the date grammar ----------------------------------------------------------------------

days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


@st.composite
def written_days(draw: st.DrawFn) -> tuple[str, dt.date]:
    day = draw(days)
    shapes = [
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}-{day.month}-{day.year}",
        f"ngày {day.day} tháng {day.month} năm {day.year}",
    ]
    return draw(st.sampled_from(shapes)), day


@given(written_days(), st.sampled_from(["Sáng ", "Chiều tối ", "từ ngày ", "Ngày ", ""]))
def test_any_written_day_parses_back(case: tuple[str, dt.date], lead: str) -> None:
    text, day = case
    (span,) = find_dates(f"{lead}{text}, hội nghị khai mạc.")
    assert (span.start, span.end) == (day, None)
    assert span.text in text


@given(days, st.integers(1, 40))
def test_any_range_parses_back(first: dt.date, length: int) -> None:
    last = first + dt.timedelta(days=length)
    if first.month == last.month:
        text = f"từ ngày {first.day}-{last.day}/{last.month}/{last.year}"
    else:
        text = f"từ {first.day}/{first.month}-{last.day}/{last.month}/{last.year}"
    (span,) = find_dates(text)
    assert (span.start, span.end) == (first, last)


@given(days)
def test_a_day_without_year_takes_the_given_one_or_stays_partial(day: dt.date) -> None:
    text = f"Sáng {day.day}/{day.month}, đoàn đến thăm."
    if (day.month, day.day) != (2, 29):
        (with_year,) = find_dates(text, year=day.year)
        assert with_year.start == day
    (partial,) = find_dates(text)
    assert partial.start == dc.PartialDate(month=day.month, day=day.day)


@given(days)
def test_until_gives_an_end_only(day: dt.date) -> None:
    (span,) = find_dates(f"Hội nghị kéo dài đến hết ngày {day.day}/{day.month}/{day.year}.")
    assert (span.start, span.end) == (None, day)


# -- one event across sources --------------------------------------------------------------


def seed_events() -> dict[str, tuple[dc.Event, ...]]:
    return {p.name: dc.extract_events(dc.parse_file(p)) for p in sorted(SEEDS.glob("*.txt"))}


def test_the_seeds_conference_32_merged() -> None:
    merged = {m.key: m for m in dc.merge_events(seed_events())}
    conference = next(m for m in merged.values() if m.ordinal == 32)
    assert conference.series == "Hội nghị Ngoại giao"
    assert [s[:3] for s in conference.sources] == ["000", "002", "003", "004"]
    assert conference.start.value == "2023-12-19"
    assert not conference.start.conflict
    assert {c.value for c in conference.start.claims} == {"2023-12-19", "--12-19"}
    assert conference.end.value == "2023-12-23"
    assert conference.themes.conflict
    assert conference.themes.value is None
    by_source = {c.source[:3]: c.value for c in conference.themes.claims}
    assert by_source["002"].startswith("Phát huy vai trò tiên phong, xây dựng nền ngoại giao")
    assert by_source["003"].startswith("Thực hiện thắng lợi đường lối đối ngoại Đại hội XIII")


def test_merge_does_not_depend_on_source_order() -> None:
    found = seed_events()
    forward = dc.merge_events(found)
    backward = dc.merge_events(list(reversed(list(found.items()))))
    assert forward == backward


def test_events_without_ordinal_meet_by_series_and_compatible_date() -> None:
    a = events("Ngày 14/12/2021, Hội nghị đối ngoại toàn quốc khai mạc tại Hà Nội.")
    b = events("Sáng 14/12, Hội nghị đối ngoại toàn quốc được tổ chức trực tuyến.")
    (merged,) = dc.merge_events({"a": a, "b": b})
    assert merged.sources == ("a", "b")
    assert merged.start.value == "2021-12-14"
    assert merged.key.endswith("@2021-12-14")
    assert merged.location.value == "Hà Nội"


def test_different_dates_are_a_conflict_with_every_claim_kept() -> None:
    a = events("Hội nghị Ngoại giao lần thứ 32 khai mạc ngày 19/12/2023.")
    b = events("Hội nghị Ngoại giao lần thứ 32 khai mạc ngày 18/12/2023.")
    (merged,) = dc.merge_events({"a": a, "b": b})
    assert merged.start.conflict
    assert merged.start.values == ("2023-12-19", "2023-12-18")
    assert [(c.source, c.value) for c in merged.start.claims] == [
        ("a", "2023-12-19"),
        ("b", "2023-12-18"),
    ]


def test_organisers_before_to_chuc() -> None:
    found = events(
        "Sáng 14/12/2021, tại Hà Nội, Bộ Chính trị, Ban Bí thư tổ chức Hội nghị đối ngoại "
        "toàn quốc.",
        "Bộ Ngoại giao và Đại sứ quán Nhật Bản phối hợp tổ chức Hội thảo quốc tế về Biển Đông "
        "lần thứ 15.",
    )
    assert one("Hội nghị đối ngoại toàn quốc", found).organisers == ("Bộ Chính trị", "Ban Bí thư")
    workshop = one("Hội thảo quốc tế về Biển Đông", found)
    assert workshop.organisers == ("Bộ Ngoại giao", "Đại sứ quán Nhật Bản")
    assert workshop.ordinal == 15


def test_a_reception() -> None:
    (reception,) = events(
        "Chiều 7/12, Chủ tịch nước Võ Văn Thưởng tiếp Đại sứ Hàn Quốc Oh Young Ju tại Phủ Chủ tịch."
    )
    assert reception.kind is dc.EventKind.RECEPTION
    assert reception.series is None
    assert set(reception.participants) == {"Võ Văn Thưởng", "Oh Young Ju"}
    assert reception.location == "Phủ Chủ tịch"


def test_a_theme_label_with_a_moved_tone_mark() -> None:
    # "khẩu hiệu" folds to a key whose tone sits elsewhere: labels are matched word by word.
    (forum,) = events(
        "Diễn đàn Hợp tác Mekong lần thứ 3 với khẩu hiệu “Cùng nhau phát triển” khai mạc "
        "ngày 2/6/2024 tại Viêng Chăn."
    )
    assert forum.themes == ("Cùng nhau phát triển",)
    assert forum.start == dt.date(2024, 6, 2)
