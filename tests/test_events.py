"""Events in text written in other sites' styles, the date grammar, and the merge."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplocorpus as dc
from diplocorpus import _dates, _events
from diplocorpus._dates import find_dates
from diplocorpus._merge import SourcedValue, _compatible, _field
from diplocorpus._models import read_iso_date
from diplocorpus._text import fold_key
from diplocorpus._tokens import phrase_at, tokenize

from .conftest import SEEDS
from .test_linear import _GROWTH, _work

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
    assert conference.start.value == dt.date(2023, 12, 19)
    assert not conference.start.conflict
    starts = {c.value for c in conference.start.claims}
    assert starts == {dt.date(2023, 12, 19), dc.PartialDate(month=12, day=19)}
    assert conference.end.value == dt.date(2023, 12, 23)
    assert conference.mode.value is dc.AttendanceMode.ONLINE
    assert conference.themes.conflict
    assert conference.themes.value is None
    by_source = {c.source[:3]: c.value for c in conference.themes.claims}
    assert by_source["002"].startswith("Phát huy vai trò tiên phong, xây dựng nền ngoại giao")
    assert by_source["003"].startswith("Thực hiện thắng lợi đường lối đối ngoại Đại hội XIII")


def test_merged_seed_events_keep_their_types_through_json() -> None:
    merged = dc.merge_events(seed_events())
    modes = [m for m in merged if m.mode.claims]
    assert modes  # the seeds say how the conference 32 and others were attended
    for event in merged:
        back = dc.from_json(dc.to_json(event), dc.MergedEvent)
        assert back == event
        for field in (back.mode, event.mode):
            assert all(isinstance(v, dc.AttendanceMode) for v in field.values)
            assert all(isinstance(c.value, dc.AttendanceMode) for c in field.claims)
        for field in (back.start, back.end):
            assert all(isinstance(c.value, dt.date | dc.PartialDate) for c in field.claims)
    conference = next(m for m in merged if m.ordinal == 32)
    data = dc.to_dict(conference)
    mode, start = data["mode"], data["start"]
    assert isinstance(mode, dict)
    assert isinstance(start, dict)
    assert mode["value"] == "online"
    assert start["value"] == "2023-12-19"
    assert start["claims"][2] == {
        "value": "--12-19",
        "source": "003_d2effcbf8356ef57.txt",
        "line": 1,
    }
    back = dc.from_dict(data, dc.MergedEvent)
    assert back.mode.value is dc.AttendanceMode.ONLINE
    assert back.start.claims[2].value == dc.PartialDate(month=12, day=19)


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
    assert merged.start.value == dt.date(2021, 12, 14)
    assert merged.key.endswith("@2021-12-14")
    assert merged.location.value == "Hà Nội"


def test_different_dates_are_a_conflict_with_every_claim_kept() -> None:
    a = events("Hội nghị Ngoại giao lần thứ 32 khai mạc ngày 19/12/2023.")
    b = events("Hội nghị Ngoại giao lần thứ 32 khai mạc ngày 18/12/2023.")
    (merged,) = dc.merge_events({"a": a, "b": b})
    assert merged.start.conflict
    assert merged.start.values == (dt.date(2023, 12, 19), dt.date(2023, 12, 18))
    assert [(c.source, c.value) for c in merged.start.claims] == [
        ("a", dt.date(2023, 12, 19)),
        ("b", dt.date(2023, 12, 18)),
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


# -- whole series names ----------------------------------------------------------------------


def test_a_body_named_after_the_ordinal_belongs_to_the_series() -> None:
    (meeting,) = events(
        "Phiên họp lần thứ 15 Ủy ban hỗn hợp về hợp tác song phương Việt Nam - Lào diễn ra "
        "từ ngày 3 đến 5/6/2024 tại Viêng Chăn."
    )
    assert meeting.series == "Phiên họp Ủy ban hỗn hợp về hợp tác song phương Việt Nam - Lào"
    assert (meeting.ordinal, meeting.start, meeting.end) == (
        15,
        dt.date(2024, 6, 3),
        dt.date(2024, 6, 5),
    )
    assert meeting.location == "Viêng Chăn"
    (session,) = events("Kỳ họp thứ 7 Quốc hội khóa XV khai mạc sáng 20/5/2024 tại Nhà Quốc hội.")
    assert (session.series, session.ordinal, session.term) == ("Kỳ họp Quốc hội", 7, 15)
    assert session.location == "Nhà Quốc hội"


@pytest.mark.parametrize(
    ("sentence", "series"),
    [
        # a body's head takes the lowercase words that describe it before its proper name
        (
            "Các tỉnh dự Hội nghị Ban chỉ đạo phát triển vùng Tây Nguyên ngày 8/3.",
            "Hội nghị Ban chỉ đạo phát triển vùng Tây Nguyên",
        ),
        (
            "Các bộ trưởng dự Hội nghị Hội đồng điều phối ASEAN ngày 8/3.",
            "Hội nghị Hội đồng điều phối ASEAN",
        ),
        # a lowercase qualifier right after the event word
        (
            "Hội nghị hẹp Bộ trưởng Quốc phòng ASEAN diễn ra ngày 12/2 tại Hà Nội.",
            "Hội nghị hẹp Bộ trưởng Quốc phòng ASEAN",
        ),
        # what the event does is not its name, after an acronym or a capitalised word
        ("Hội nghị Cấp cao APEC diễn ra ngày 12/2 tại Lima.", "Hội nghị Cấp cao APEC"),
        ("Diễn đàn Kinh tế Thế giới khai mạc ngày 15/1 tại Davos.", "Diễn đàn Kinh tế Thế giới"),
    ],
)
def test_series_names_read_whole(sentence: str, series: str) -> None:
    (event,) = events(sentence)
    assert event.series == series
    assert event.start is not None


def test_a_body_described_by_words_that_are_not_its_name_stops_at_its_head() -> None:
    # "đã họp" is what the committee did, "tại Hà Nội" where: no proper name follows them
    (event,) = events("Phiên họp Ủy ban đã họp ngày 3/4 tại Hà Nội.")
    assert event.series == "Phiên họp Ủy ban"
    assert event.location == "Hà Nội"


def test_a_long_name_glossed_by_its_acronym_is_the_acronym() -> None:
    found = events(
        "Hội nghị Bộ trưởng Kinh tế Hiệp hội các quốc gia Đông Nam Á (ASEAN) lần thứ 55 khai "
        "mạc ngày 20/8/2023 tại Semarang, Indonesia.",
        "Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 55 bế mạc ngày 22/8/2023.",
    )
    (meeting,) = found
    assert (meeting.series, meeting.ordinal) == ("Hội nghị Bộ trưởng Kinh tế ASEAN", 55)
    assert (meeting.start, meeting.location) == (dt.date(2023, 8, 20), "Semarang, Indonesia")
    assert len(meeting.mentions) == 2


def test_a_gloss_between_the_name_and_the_ordinal_keeps_the_ordinal() -> None:
    # the name already holds an acronym: the bracket only glosses it, the name stays
    (forum,) = events("Diễn đàn Khu vực ASEAN (ARF) lần thứ 30 diễn ra tại Jakarta.")
    assert (forum.series, forum.ordinal, forum.location) == (
        "Diễn đàn Khu vực ASEAN",
        30,
        "Jakarta",
    )
    assert forum.name == "Diễn đàn Khu vực ASEAN (ARF) lần thứ 30"


def test_a_sitting_of_an_event_is_that_event() -> None:
    (event,) = events(
        "Bộ trưởng dự phiên họp Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 56 tại Jakarta "
        "ngày 11/7."
    )
    assert (event.series, event.ordinal) == ("Hội nghị Bộ trưởng Ngoại giao ASEAN", 56)
    assert (event.location, event.start) == ("Jakarta", dc.PartialDate(month=7, day=11))


# -- lists of ordinals -------------------------------------------------------------------------


@pytest.mark.parametrize("joined", [", ", " và "])
def test_a_list_of_ordinals_is_one_event_each(joined: str) -> None:
    found = events(
        f"Hội nghị Cấp cao ASEAN lần thứ 38{joined}39 diễn ra theo hình thức trực tuyến tại "
        "Bandar Seri Begawan."
    )
    assert [(e.series, e.ordinal) for e in found] == [
        ("Hội nghị Cấp cao ASEAN", 38),
        ("Hội nghị Cấp cao ASEAN", 39),
    ]
    for event in found:
        assert (event.mode, event.location) == (dc.AttendanceMode.ONLINE, "Bandar Seri Begawan")
        assert {c.scope for c in event.claims} == {"joint"}


def test_a_number_after_an_ordinal_that_counts_something_is_no_ordinal() -> None:
    (event,) = events("Hội nghị Ngoại giao lần thứ 31 và 50 đại biểu quốc tế đã thảo luận.")
    assert event.ordinal == 31


@given(st.lists(st.integers(1, 99), min_size=1, max_size=4, unique=True))
def test_any_list_of_ordinals_reads_back(ordinals: list[int]) -> None:
    written = ", ".join(map(str, ordinals[:-1]))
    written = f"{written} và {ordinals[-1]}" if written else str(ordinals[-1])
    found = events(f"Hội nghị Cấp cao Mekong lần thứ {written} diễn ra tại Phnom Penh.")
    assert sorted(e.ordinal for e in found) == sorted(ordinals)  # type: ignore[type-var]
    assert {e.location for e in found} == {"Phnom Penh"}


# -- which event a date or a place is said of ------------------------------------------------


def test_a_date_belongs_to_the_event_it_stands_by() -> None:
    found = events(
        "Tại buổi họp báo của Bộ Ngoại giao chiều 5-3, Người phát ngôn Phạm Thu Hằng cho biết "
        "Thủ tướng Phạm Minh Chính sẽ dự Hội nghị Cấp cao Mekong - Lan Thương lần thứ 4 từ "
        "ngày 10 đến 12-3.",
        published=dt.date(2024, 3, 5),
    )
    summit = one("Hội nghị Cấp cao Mekong - Lan Thương", found)
    assert (summit.ordinal, summit.start, summit.end) == (
        4,
        dt.date(2024, 3, 10),
        dt.date(2024, 3, 12),
    )
    briefing = next(e for e in found if e.kind is dc.EventKind.BRIEFING)
    assert (briefing.start, briefing.end) == (dt.date(2024, 3, 5), None)
    assert briefing.name == "buổi họp báo của Bộ Ngoại giao"
    assert "Phạm Thu Hằng" in briefing.participants


def test_a_date_that_opens_a_clause_is_the_next_event_s() -> None:
    found = events(
        "Bên lề Hội nghị Cấp cao ASEAN lần thứ 44, chiều 9/10, Thủ tướng Phạm Minh Chính hội "
        "đàm với Thủ tướng Thái Lan Paetongtarn Shinawatra."
    )
    talks = next(e for e in found if e.kind is dc.EventKind.TALKS)
    assert talks.start == dc.PartialDate(month=10, day=9)
    assert one("Hội nghị Cấp cao ASEAN", found).start is None


def test_an_event_named_in_passing_keeps_only_what_is_written_after_its_name() -> None:
    found = events(
        "Phát biểu tại cuộc họp của các Bộ trưởng Kinh tế ngày 9/10 trước thềm Hội nghị Cấp "
        "cao ASEAN lần thứ 44 tại Viêng Chăn, Bộ trưởng nhấn mạnh hợp tác nội khối."
    )
    summit = one("Hội nghị Cấp cao ASEAN", found)
    assert (summit.start, summit.location, summit.reported) == (None, "Viêng Chăn", False)
    meeting = next(e for e in found if e.kind is dc.EventKind.MEETING)
    assert meeting.name == "cuộc họp của các Bộ trưởng Kinh tế"
    assert (meeting.series, meeting.start) == (None, dc.PartialDate(month=10, day=9))
    # "Nghị quyết Đại hội XIII" is no subject of the date written after the conference's verb
    found = events("Hội nghị học tập Nghị quyết Đại hội XIII diễn ra ngày 5/3/2024.")
    congress = next(e for e in found if e.kind is dc.EventKind.CONGRESS)
    assert (congress.start, congress.reported) == (None, False)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "Hội nghị Cấp cao Mekong lần thứ 8 diễn ra tại Viêng Chăn, Lào ngày 3/5.",
            "Viêng Chăn, Lào",
        ),
        (
            "Hội nghị Cấp cao Mekong lần thứ 8 diễn ra tại thủ đô Viêng Chăn của Lào.",
            "thủ đô Viêng Chăn của Lào",
        ),
        ("Hội nghị Cấp cao Mekong lần thứ 8 diễn ra tại Tokyo ngày 16/12.", "Tokyo"),
        ("Hội nghị Cấp cao Mekong lần thứ 8 diễn ra tại Hà Nội, Thủ tướng dự.", "Hà Nội"),
        (
            "Hội nghị Cấp cao Mekong lần thứ 8 diễn ra tại Thủ đô Budapest (Hungary).",
            "Thủ đô Budapest (Hungary)",
        ),
        ("Hội nghị Cấp cao Mekong lần thứ 8 diễn ra tại Tokyo hôm 3/5.", "Tokyo"),
    ],
)
def test_the_place_as_written_after_tai(sentence: str, place: str) -> None:
    (event,) = events(sentence)
    assert event.location == place


def test_the_place_of_an_office_is_not_the_event_s() -> None:
    (reception,) = events(
        "Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ Nhật Bản tại Việt Nam Ito Naoki tại trụ sở Bộ Ngoại "
        "giao."
    )
    assert reception.kind is dc.EventKind.RECEPTION
    assert reception.location == "trụ sở Bộ Ngoại giao"


# -- one event, named in a caption, named two ways ----------------------------------------------

PAGE = (
    "Thủ tướng sắp dự Hội nghị Cấp cao ASEAN tại Lào\n"
    "Hội nghị Cấp cao ASEAN lần thứ 44 và các hội nghị liên quan diễn ra tại Viêng Chăn, Lào từ "
    "ngày 8 đến 11/10.\n"
    "Thủ tướng Phạm Minh Chính phát biểu tại Hội nghị ASEAN lần thứ 44. Ảnh: Dương Giang\n"
    "Bộ trưởng dự phiên họp Hội nghị Bộ trưởng Kinh tế ASEAN (AEM) lần thứ 56 tại Viêng Chăn "
    "ngày 7/10. Ảnh: Quang Hòa\n"
    "Thủ tướng sẽ có nhiều cuộc tiếp xúc song phương bên lề hội nghị.\n"
)


def test_an_event_named_only_in_a_caption() -> None:
    article = dc.parse(PAGE)
    assert article.blocks[3].kind is dc.BlockKind.CAPTION
    found = dc.extract_events(article)
    aem = one("Hội nghị Bộ trưởng Kinh tế ASEAN", found)
    assert (aem.ordinal, aem.start, aem.location) == (
        56,
        dc.PartialDate(month=10, day=7),
        "Viêng Chăn",
    )
    assert [m.line for m in aem.mentions] == [4]


def test_a_caption_s_short_name_and_the_text_s_long_one_are_one_event() -> None:
    found = dc.extract_events(dc.parse(PAGE))
    (summit,) = [e for e in found if e.ordinal == 44]
    assert (summit.series, summit.kind) == ("Hội nghị Cấp cao ASEAN", dc.EventKind.SUMMIT)
    assert sorted(m.line for m in summit.mentions) == [1, 2, 3]
    assert (summit.start, summit.end) == (
        dc.PartialDate(month=10, day=8),
        dc.PartialDate(month=10, day=11),
    )
    assert summit.location == "Viêng Chăn, Lào"
    assert summit.main


def test_a_short_name_that_two_events_could_have_joins_neither() -> None:
    found = events(
        "Hội nghị Cấp cao ASEAN lần thứ 44 khai mạc ngày 8/10.",
        "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 44 diễn ra ngày 6/10.",
        "Ông dự Hội nghị ASEAN lần thứ 44.",
    )
    assert sorted(e.series or "" for e in found) == [
        "Hội nghị ASEAN",
        "Hội nghị Bộ trưởng Ngoại giao ASEAN",
        "Hội nghị Cấp cao ASEAN",
    ]


# -- visits, talks, calls, receptions, briefings --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "people", "place"),
    [
        (
            "Chiều 16/12, tại Tokyo, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản "
            "Kishida Fumio.",
            dc.EventKind.TALKS,
            {"Phạm Minh Chính", "Kishida Fumio"},
            "Tokyo",
        ),
        (
            "Chiều 16/12, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng Úc Penny "
            "Wong.",
            dc.EventKind.PHONE_CALL,
            {"Bùi Thanh Sơn", "Penny Wong"},
            None,
        ),
        (
            "Chiều 16/12, Chủ tịch nước Võ Văn Thưởng tiếp Đại sứ Hàn Quốc Oh Young Ju tại Phủ "
            "Chủ tịch.",
            dc.EventKind.RECEPTION,
            {"Võ Văn Thưởng", "Oh Young Ju"},
            "Phủ Chủ tịch",
        ),
        (
            "Chiều 16/12, Thủ tướng Phạm Minh Chính gặp Tổng thống Pháp Emmanuel Macron tại Paris.",
            dc.EventKind.MEETING,
            {"Phạm Minh Chính", "Emmanuel Macron"},
            "Paris",
        ),
        (
            "Chiều 16/12, đoàn đại biểu tỉnh Nghệ An do Phó Chủ tịch tỉnh Nguyễn Văn Đệ dẫn đầu "
            "đến chào xã giao Đại sứ quán Việt Nam tại Viêng Chăn, Lào.",
            dc.EventKind.COURTESY_CALL,
            {"Nguyễn Văn Đệ"},
            "Viêng Chăn, Lào",
        ),
        (
            "Chiều 16/12, Thứ trưởng Ngoại giao Đỗ Hùng Việt tiếp kiến Quốc vương Campuchia "
            "Norodom Sihamoni.",
            dc.EventKind.AUDIENCE,
            {"Đỗ Hùng Việt"},
            None,
        ),
        (
            "Chiều 16/12, tại buổi họp báo thường kỳ, Người phát ngôn Phạm Thu Hằng trả lời "
            "phóng viên.",
            dc.EventKind.BRIEFING,
            {"Phạm Thu Hằng"},
            None,
        ),
    ],
)
def test_actions_have_a_kind_a_date_a_place_and_who_takes_part(
    sentence: str, kind: dc.EventKind, people: set[str], place: str | None
) -> None:
    (event,) = events(sentence)
    assert event.kind is kind
    assert (event.series, event.ordinal) == (None, None)
    assert event.start == dc.PartialDate(month=12, day=16)
    assert people <= set(event.participants)
    assert event.location == place


def test_common_verbs_name_no_event_without_a_person_after_them() -> None:
    assert events("Nhiều doanh nghiệp gặp khó khăn và tiếp tục kiến nghị tháo gỡ.") == ()


def test_one_visit_named_many_times_is_one_event() -> None:
    found = events(
        "Từ ngày 14 đến 15/4/2025, Tổng thống Indonesia Prabowo Subianto thăm chính thức Việt "
        "Nam theo lời mời của Chủ tịch nước Lương Cường.",
        "Chuyến thăm của Tổng thống Prabowo Subianto là dịp để hai bên thúc đẩy hợp tác.",
        "Mục đích của chuyến thăm là tăng cường quan hệ đối tác.",
    )
    (visit,) = [e for e in found if e.kind is dc.EventKind.VISIT]
    assert (visit.start, visit.end) == (dt.date(2025, 4, 14), dt.date(2025, 4, 15))
    assert len(visit.mentions) == 3
    assert visit.name == "thăm chính thức Việt Nam"


def test_a_day_named_from_the_day_of_publication() -> None:
    (call,) = events(
        "Hôm nay, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng Úc Penny Wong.",
        published=dt.date(2024, 3, 5),
    )
    assert call.start == dt.date(2024, 3, 5)


# -- events named in passing ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Đường lối đối ngoại được Đại hội XIII xác định tiếp tục được thực hiện nhất quán.",
        "Các mục tiêu mà Đại hội XIII đã đề ra đang được triển khai.",
        "Các cấp ủy quán triệt Nghị quyết Đại hội XIII trong toàn ngành.",
        "Ngành ngoại giao bám sát đường lối đối ngoại Đại hội XIII của Đảng.",
    ],
)
def test_an_event_named_in_passing_is_not_reported(sentence: str) -> None:
    (congress,) = events(sentence)
    assert (congress.kind, congress.ordinal) == (dc.EventKind.CONGRESS, 13)
    assert not congress.reported
    assert all(m.passing for m in congress.mentions)


def test_an_event_the_article_reports_once_is_reported() -> None:
    (congress,) = events(
        "Các cấp ủy quán triệt Nghị quyết Đại hội XIII trong toàn ngành.",
        "Đại hội XIII của Đảng diễn ra từ ngày 25/1 đến 1/2/2021 tại Hà Nội.",
    )
    assert congress.reported
    assert (congress.start, congress.end) == (dt.date(2021, 1, 25), dt.date(2021, 2, 1))


def test_pages_that_report_an_event_are_told_from_those_that_name_it() -> None:
    a = events("Hội nghị Ngoại giao lần thứ 32 quán triệt Nghị quyết Đại hội XIII.")
    b = events("Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội.")
    merged = {m.ordinal: m for m in dc.merge_events({"a": a, "b": b})}
    assert (merged[32].sources, merged[32].reported_by) == (("a", "b"), ("a", "b"))
    assert (merged[13].sources, merged[13].reported_by) == (("a",), ())


# -- the grammar words are data ------------------------------------------------------------------


def test_a_place_lead_added_to_the_lexicon_is_read() -> None:
    text = HEAD + "Hội nghị Cấp cao Mekong lần thứ 8 diễn ra ở Viêng Chăn."
    (event,) = dc.extract_events(dc.parse(text))
    assert event.location is None
    mine = dc.Lexicon.default().extended(event_grammar=["ở = place_lead"])
    (event,) = dc.extract_events(dc.parse(text, lexicon=mine), lexicon=mine)
    assert event.location == "Viêng Chăn"


def test_event_grammar_roles_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown role"):
        _ = dc.Lexicon.default().extended(event_grammar=["ở = where"]).event_grammar_roles
    with pytest.raises(ValueError, match="unknown form"):
        _ = dc.Lexicon.default().extended(event_bodies=["viện = institute"]).event_body_index


# -- linear in the input ------------------------------------------------------------------------


def _events_work(text: str) -> int:
    article = dc.parse(text)
    return _work(lambda: dc.extract_events(article))


@pytest.mark.parametrize(
    "sentence",
    [
        # many events and claims in one sentence: each claim finds its event in one step
        "Hội nghị Cấp cao Mekong lần thứ {i} tại Viêng Chăn ngày 3/5, ",
        # many sentences of one line, each naming people and an event in passing
        "Thủ tướng Phạm Minh Chính quán triệt Nghị quyết Đại hội XIII ngày {d}/5. ",
        # many ordinals in one list
        "{i}, ",
    ],
)
def test_events_are_read_in_one_pass(sentence: str) -> None:
    def page(n: int) -> str:
        parts = "".join(sentence.format(i=i + 1, d=i % 28 + 1) for i in range(n))
        return f"{HEAD}Hội nghị Ngoại giao lần thứ {parts}1 diễn ra.\n"

    small, large = _events_work(page(40)), _events_work(page(160))
    assert large / small < _GROWTH


def test_a_plenum_named_with_its_body_after_the_ordinal_meets_its_short_name() -> None:
    long = events(
        "Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XIII diễn ra từ ngày 2 đến "
        "10/10/2023 tại Hà Nội."
    )
    short = events("Hội nghị Trung ương 8 khóa XIII khai mạc sáng 2/10/2023.")
    ((a,), (b,)) = long, short
    assert (a.series, a.ordinal, a.term) == ("Hội nghị Ban Chấp hành Trung ương Đảng", 8, 13)
    assert a.key == b.key
    (merged,) = dc.merge_events({"long": long, "short": short})
    assert (merged.sources, merged.start.value) == (("long", "short"), dt.date(2023, 10, 2))
    assert merged.end.value == dt.date(2023, 10, 10)


def test_an_action_without_anyone_named_is_an_event_when_its_sentence_dates_it() -> None:
    (briefing,) = events("Ngày 5/3/2024, Bộ Ngoại giao tổ chức họp báo thường kỳ.")
    assert briefing.kind is dc.EventKind.BRIEFING
    assert (briefing.start, briefing.organisers) == (dt.date(2024, 3, 5), ("Bộ Ngoại giao",))
    # undated and without anyone, it is no event
    assert events("Sau hội đàm, hai bên đã họp báo.") == ()


def test_a_date_after_the_event_wins_over_the_one_that_opens_the_clause() -> None:
    (summit,) = events(
        "Ngày 4/9, Thủ tướng Phạm Minh Chính lên đường dự Hội nghị Cấp cao ASEAN lần thứ 43, "
        "diễn ra từ ngày 5 đến 7/9."
    )
    assert (summit.start, summit.end) == (
        dc.PartialDate(month=9, day=5),
        dc.PartialDate(month=9, day=7),
    )
    assert [c.value for c in summit.claims if c.field == "start"] == ["--09-05", "--09-04"]


def test_a_photo_s_number_is_not_an_ordinal() -> None:
    # a photo's alt text kept as content: "<caption> - Ảnh 1"
    text = "Phó Thủ tướng Trần Hồng Hà tiếp Bộ trưởng Môi trường Hà Lan - Ảnh 1."
    block = dc.Block(line=1, kind=dc.BlockKind.BODY, text=text, reason="a made-up line")
    (reception,) = dc.extract_events(dc.Article(paragraphs=[text], blocks=[block]))
    assert (reception.kind, reception.ordinal) == (dc.EventKind.RECEPTION, None)
    assert reception.name == "tiếp Bộ trưởng Môi trường Hà Lan"


def test_names_of_unnamed_events_are_what_the_text_writes() -> None:
    found = events(
        "Chiều 2/12, đoàn đến chào xã giao Tổng lãnh sự quán Việt Nam tại Luông Pha Băng.",
        "Thủ tướng Phạm Minh Chính gặp Tổng thống Pháp Emmanuel Macron bên lề hội nghị.",
    )
    assert sorted(e.name for e in found) == [
        "chào xã giao Tổng lãnh sự quán Việt Nam",
        "gặp Tổng thống Pháp Emmanuel Macron",
    ]


def test_an_action_whose_office_holder_is_not_named_is_an_event() -> None:
    (audience,) = events("Các bộ trưởng đã tiếp kiến Quốc vương Thái Lan trước khi về nước.")
    assert (audience.kind, audience.name) == (
        dc.EventKind.AUDIENCE,
        "tiếp kiến Quốc vương Thái Lan",
    )
    (meeting,) = events("Thứ trưởng Đỗ Hùng Việt chủ trì buổi làm việc với các đại sứ mới.")
    assert meeting.kind is dc.EventKind.MEETING
    assert "Đỗ Hùng Việt" in meeting.participants


# -- the shortcuts of the events stage agree with reading every word -----------------------

_LEX = dc.Lexicon.default()
_WORDS = _events._Words.of(_LEX)


def _lexicon_words() -> list[str]:
    """Words the stage looks for (event words, attendance phrases, theme labels, date words,
    relative days), some lowercase filler, and words with digits or signs."""
    phrases = [
        *_LEX.event_kind_index,
        *_LEX.event_mode_index,
        *_LEX.theme_labels,
        *_LEX.relative_day_index,
        *(p for role in _LEX.date_word_roles.values() for p in role),
        *_LEX.event_grammar_roles["place_lead"],
    ]
    return sorted({w for p in phrases for w in p.split()})


_VOCABULARY = [
    *_lexicon_words(),
    *["xã", "cơ", "với", "Hà", "Nội", "Bộ", "Ngoại", "giao", "ASEAN", "XIII"],
    *["19/12", "2023", "18-23/12", "5", "12-9", "J.", "Sang-sik", "(ngày", "7/9)", "“Hội", "nghị”"],
]
_sentences = st.lists(
    st.tuples(st.sampled_from(_VOCABULARY), st.sampled_from(["", "", "", ",", "."])),
    min_size=1,
    max_size=30,
).map(lambda ws: " ".join(w + p for w, p in ws))


@given(_sentences)
def test_the_marks_of_a_line_are_every_word_a_phrase_looked_for_may_start_at(text: str) -> None:
    tokens = tokenize(text)
    for firsts in (_WORDS.heads, _WORDS.modes, _WORDS.themes, _WORDS.place_leads):
        marked = [k for k in _events._marks(tokens, _WORDS.firsts) if tokens.key[k] in firsts]
        assert marked == [k for k, key in enumerate(tokens.key) if key in firsts]


@given(_sentences)
def test_an_event_word_is_found_as_by_a_full_lookup(text: str) -> None:
    tokens = tokenize(text)
    for k, key in enumerate(tokens.key):
        full = (
            phrase_at(tokens, k, _LEX.event_kind_index.keys(), longest=_events._MAX_HEAD_WORDS)
            if key in _LEX.first_words["event_kinds"]
            else 0
        )
        assert _events._head(tokens, k, _LEX) == full


@given(_sentences, st.integers(0, 3))
def test_the_date_tokens_of_words_are_those_of_each_word_read_alone(text: str, skip: int) -> None:
    words = tokenize(text)[skip:]
    offset = words.start[0] if words else 0
    starters = _dates._Grammar.of(_LEX).starters
    expected: list[_dates._Token] = []
    for word, start, end, key in zip(words.text, words.start, words.end, words.key, strict=True):
        if word.isalpha():
            expected.append(_dates._Token(start - offset, end - offset, word, False, key))
        else:
            expected.extend(_dates._tokens(word, start - offset))
    starts = [k for k, t in enumerate(expected) if t.number or t.key in starters]
    assert _dates._tokens_of(words, offset, starters) == (
        (expected, starts) if starts else ([], [])
    )


@given(_sentences, st.sampled_from([None, dt.date(2023, 12, 19)]))
def test_dates_read_from_a_line_s_words_are_those_read_from_its_text(
    text: str, today: dt.date | None
) -> None:
    words = tokenize(text)
    assert find_dates(text, today=today, words=words) == find_dates(text, today=today)


@pytest.mark.parametrize(
    "text",
    [
        "Hôm nay, Hội nghị khai mạc.",
        "Chiều hôm qua Bộ trưởng đến.",
        "Ngày mai, hai bên hội đàm.",
        "Hội nghị ngày 18 tháng 12 năm 2023 tại Hà Nội.",
        "Từ tháng 12 năm 2011, Việt Nam tham gia.",
        "Tối hôm-qua hai bên điện đàm.",
        "Sáng nay (26/3), Hội nghị bế mạc.",
        "Đoàn có 45 thành viên, 3 bộ trưởng.",
        "Hội nghị diễn ra từ ngày 18 - 23/12.",
        "Hội nghị lần thứ 32 khóa XIII.",
    ],
)
@pytest.mark.parametrize("today", [None, dt.date(2023, 12, 19)])
def test_dates_of_words_no_sign_joins_are_those_read_from_the_text(
    text: str, today: dt.date | None
) -> None:
    """A line whose numbers no sign joins is tokenised only when a month word or a day
    named from today may stand in it: what it finds is what reading its text finds."""
    words = tokenize(text)
    assert find_dates(text, today=today, words=words) == find_dates(text, today=today)


def _grouped_one_by_one(texts: list[str], *, dates: bool) -> list[list[str]]:
    """The claims' groups as the merge defines them: each claim joins the first group whose
    first value agrees with it (tried one group at a time)."""
    groups: list[list[str]] = []
    for text in texts:
        for group in groups:
            agree = _compatible(text, group[0]) if dates else fold_key(text) == fold_key(group[0])
            if agree:
                group.append(text)
                break
        else:
            groups.append([text])
    return groups


_DAYS = st.sampled_from(
    [
        "2023-12-19",
        "2023-12-18",
        "2024-12-19",
        "--12-19",
        "--12-18",
        "2023-12",
        "--12",
        "2023-11-19",
        "2023-12-19T10:00:00+07:00",
    ]
)


@given(st.lists(_DAYS, max_size=12), st.lists(st.sampled_from(["Hà Nội", "hà nội", "Huế"])))
def test_claims_are_grouped_as_one_by_one_in_linear_time(
    days: list[str], places: list[str]
) -> None:
    for texts, dates in ((days, True), (places, False)):
        claims = [SourcedValue(value=t, source=f"s{i}") for i, t in enumerate(texts)]
        field = _field(claims, dates=dates)
        expected = _grouped_one_by_one(texts, dates=dates)
        most = [max(g, key=lambda v: sum(c.isdigit() for c in v)) for g in expected]
        assert list(field.values) == most
        assert field.conflict == (len(expected) > 1)


(_BASE,) = dc.extract_events(
    dc.parse("Hội nghị khai mạc\n\nNgày 19/12/2023, Hội nghị Ngoại vụ lần thứ 32 khai mạc.")
)


def _dated(days: list[str]) -> dict[str, list[dc.Event]]:
    """One event of one series without an ordinal per source, starting on each of ``days``
    (the sources sort in the order of ``days``)."""
    return {
        f"s{i:03d}": [
            attrs.evolve(_BASE, ordinal=None, start=read_iso_date(day), key=f"hội nghị @{day}")
        ]
        for i, day in enumerate(days)
    }


@given(st.lists(_DAYS, max_size=12))
def test_dated_events_are_grouped_as_one_by_one(days: list[str]) -> None:
    """Events without an ordinal join the first group whose start can be the same day as
    theirs, as if each were tried against the groups one at a time."""
    merged = dc.merge_events(_dated(days))
    groups: list[list[int]] = []
    for i, day in enumerate(days):
        group = next((g for g in groups if _compatible(day, days[g[0]])), None)
        if group is None:
            groups.append([i])
        else:
            group.append(i)
    expected = {frozenset(f"s{i:03d}" for i in g) for g in groups}
    assert {frozenset(m.sources) for m in merged} == expected
