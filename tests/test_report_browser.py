"""The HTML report in a real browser: headless Chromium (Debian's, driven by Playwright) opens
the seeds' report from a file, offline, and the tests check what a person would see.

The store is the seeds plus one hostile page, whose text holds a script, an attribute break
with an ``onerror`` handler and an image URL, and whose source is a URL that breaks out of
an attribute too: the report must show them as text, run none of them and ask for nothing.

Without Playwright or Chromium these tests skip (the sdist's tests run with the ``test``
extra only); ``.ci/run`` installs Chromium and sets ``DIPLOCORPUS_REQUIRE_BROWSER=1``, which
makes a missing browser a failure there instead.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import struct
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

import diplocorpus as dc

from .conftest import SEEDS, load_script

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Chromium's flags for a closed network, as the docs' screenshot tool starts it.
CHROMIUM_ARGS = load_script("tools/report_screenshot.py").CHROMIUM_ARGS
SCRIPT = "<script>window.__pwned=1</script>"
ATTRIBUTE = '"><img src=x onerror="window.__pwned=2">'
IMAGE_URL = "https://example.com/x.png"
HOSTILE_SOURCE = 'https://example.com/tin?a="><img src=x onerror="window.__pwned=3">'
HOSTILE_TEXT = (
    "Hội nghị Ngoại vụ lần thứ 22 bàn về hợp tác\n\n"
    "Thứ 2, 18/12/2023 | 09:00\n\n"
    f"Sáng 18/12, Hội nghị Ngoại vụ lần thứ 22 với chủ đề “{SCRIPT} hợp tác” diễn ra tại "
    "Hà Nội.\n\n"
    "Phát biểu tại hội nghị, Thứ trưởng Ngoại giao Lê Thị Thu Hằng cho biết: "
    f"“{ATTRIBUTE} ngoại giao địa phương cần đổi mới, như {IMAGE_URL} cho thấy”.\n"
)
CONFERENCE = "Hội nghị Ngoại giao 32"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("DIPLOCORPUS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; DIPLOCORPUS_REQUIRE_BROWSER=1 (set by .ci/run) requires the test")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dc.Store]:
    with dc.Store(tmp_path_factory.mktemp("report") / "seeds.sqlite") as built:
        built.add(dc.iter_documents(SEEDS))
        hostile = dc.Document(text=HOSTILE_TEXT, source=HOSTILE_SOURCE, url=HOSTILE_SOURCE)
        built.add([hostile])
        yield built


@pytest.fixture(scope="module")
def report(store: dc.Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = dc.write_report(store, tmp_path_factory.mktemp("report") / "report.html")
    return Path(path)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        sync_api = importlib.import_module("playwright.sync_api")
    except ImportError:
        _unavailable("playwright is not installed (the dev extra has it: pip install -e '.[dev]')")
    executable = shutil.which("chromium")
    if executable is None:
        _unavailable("chromium is not on PATH (Debian: apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


class Opened:
    """The report open in a page, with every request and every error the page had."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture
def opened(browser: Browser, report: Path) -> Iterator[Opened]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    seen = Opened(page)
    page.goto(report.as_uri(), wait_until="load")
    yield seen
    context.close()


def test_opens_offline_and_runs_nothing_from_the_pages(opened: Opened, report: Path) -> None:
    assert opened.page.title()
    assert opened.js("typeof window.__pwned") == "undefined"
    assert opened.requests == [report.as_uri()]  # nothing but the file itself: no network
    assert opened.errors == []  # the report's own script ran (its CSP hash is right)
    # The hostile values are on the page as text, not as markup: escaped, not dropped.
    text = opened.js("document.body.textContent")
    for value in (SCRIPT, ATTRIBUTE, IMAGE_URL, HOSTILE_SOURCE):
        assert value in text
    # No element came from them: the report's own script only, no image that loads.
    scripts = opened.js(
        "[...document.scripts].filter(s => s.type !== 'application/json')"
        ".map(s => [s.src, s.textContent.includes('__pwned')])"
    )
    assert len(scripts) == 1
    assert scripts == [["", False]]
    assert opened.js("[...document.images].filter(i => !i.src.startsWith('data:')).length") == 0
    head = opened.js(
        "[document.head.firstElementChild.httpEquiv, document.head.firstElementChild.content]"
    )
    assert head[0].lower() == "content-security-policy"
    assert "default-src 'none'" in head[1]


def test_events_in_date_order(opened: Opened, store: dc.Store) -> None:
    names = opened.page.locator("li.event .event-name").all_inner_texts()
    dates = opened.page.locator("li.event .event-date").all_inner_texts()
    # Every event a page reports (those only named in passing are left out).
    assert len(names) == len(dates) == len([e for e in store.events() if e.reported_by])
    assert names.index(CONFERENCE) >= 0
    assert dates[names.index(CONFERENCE)] == "2023-12-19"
    known = [date for date in dates if ISO_DATE.fullmatch(date)]
    assert known == sorted(known)
    # The seeds' national conference of 2021, then the hostile page's of 2023-12-18, then 32.
    assert known[:3] == ["2021-12-14", "2023-12-18", "2023-12-19"]
    unknown = [i for i, date in enumerate(dates) if date == "date unknown"]
    assert unknown  # the seeds have events with no date
    assert all(i > max(dates.index(date) for date in known) for i in unknown)
    # A partial date is shown as it is: the seeds' 21st conference of the provinces is on
    # the 18th of December, with no year.
    assert dates[names.index("Hội nghị Ngoại vụ 21")] == "18/12, year unknown"
    pages = opened.page.locator("li.event .event-pages").all_inner_texts()
    assert pages[names.index(CONFERENCE)] == "4 pages"


def test_conference_32_shows_both_themes_with_their_sources(
    opened: Opened, store: dc.Store
) -> None:
    (merged,) = [e for e in store.events() if e.series == "Hội nghị Ngoại giao" and e.ordinal == 32]
    assert len(merged.themes.claims) == 2
    assert merged.themes.conflict
    event = opened.page.locator("li.event").filter(
        has=opened.page.locator(".event-name", has_text=CONFERENCE)
    )
    assert event.count() == 1
    themes = event.locator('tr.field[data-field="themes"]')
    assert not themes.is_visible()  # closed until one opens it
    event.locator("summary").click()
    assert themes.is_visible()
    claims = themes.locator("li.claim")
    assert claims.count() == 2
    for i, expected in enumerate(merged.themes.claims):
        claim = claims.nth(i)
        assert claim.is_visible()
        assert "conflict" in (claim.get_attribute("class") or "").split()
        assert claim.locator("q.value").inner_text() == expected.value
        assert claim.locator(".source").inner_text() == f"{expected.source}:{expected.line}"
    assert event.locator('tr.field[data-field="start"] q.value').first.is_visible()


def test_speakers_with_their_offices_and_counts(opened: Opened, store: dc.Store) -> None:
    statements = store.statements()
    counts = Counter(statement.speaker.name for _, statement in statements)
    rows = opened.page.locator("#speaker-table tr.speaker")
    names = rows.locator(".speaker-name").all_inner_texts()
    assert len(names) == len(set(names))  # one row a person
    for name in ("Bùi Thanh Sơn", "Nguyễn Phú Trọng"):
        row = rows.nth(names.index(name))
        assert row.is_visible()
        offices = row.locator(".speaker-offices").inner_text().split("; ")
        roles = {s.speaker.role for _, s in statements if s.speaker.name == name}
        assert roles
        assert roles <= set(offices), (name, roles, offices)
        assert row.locator(".speaker-count").inner_text() == str(counts[name])
        assert row.locator(".speaker-spark svg").count() == 1
    assert "Tổng Bí thư" in rows.nth(names.index("Nguyễn Phú Trọng")).inner_text()
    assert "Bộ trưởng" in rows.nth(names.index("Bùi Thanh Sơn")).inner_text()


def visible_speakers(opened: Opened) -> list[str]:
    return opened.js(
        "[...document.querySelectorAll('li.statement')]"
        ".filter(li => li.offsetParent !== null && getComputedStyle(li).display !== 'none')"
        ".map(li => li.dataset.speaker)"
    )


def test_choosing_a_speaker_leaves_only_their_statements(opened: Opened) -> None:
    everyone = visible_speakers(opened)
    assert len(set(everyone)) > 2
    option = opened.page.locator("#speaker-filter option", has_text="Bùi Thanh Sơn")
    chosen = option.get_attribute("value")
    assert chosen
    opened.page.select_option("#speaker-filter", value=chosen)
    shown = visible_speakers(opened)
    assert shown == [chosen] * everyone.count(chosen)
    assert 0 < len(shown) < len(everyone)
    hidden = opened.page.locator(f'li.statement:not([data-speaker="{chosen}"])').first
    assert not hidden.is_visible()
    opened.page.select_option("#speaker-filter", value="")  # all again
    assert visible_speakers(opened) == everyone


def test_choosing_an_event_leaves_its_statements(opened: Opened) -> None:
    everyone = opened.page.locator("li.statement").count()
    option = opened.page.locator("#event-filter option", has_text="Ngoại vụ 22")
    chosen = option.get_attribute("value")
    assert chosen
    opened.page.select_option("#event-filter", value=chosen)
    shown = opened.page.locator("li.statement:visible")
    assert shown.count() == 1  # the hostile page's one statement
    assert ATTRIBUTE in shown.locator("blockquote").inner_text()
    assert chosen in (shown.get_attribute("data-events") or "").split()
    opened.page.select_option("#event-filter", value="")
    assert opened.page.locator("li.statement:visible").count() == everyone


def test_a_full_page_screenshot(opened: Opened, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    opened.page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 1200
    assert height > 900  # the whole page, past the first screen
    assert len(data) > 30_000  # text and drawings, not a blank page
