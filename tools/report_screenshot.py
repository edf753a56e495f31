"""Write the docs' picture of the report: the seeds' report, top of the page, in Chromium.

    python tools/report_screenshot.py                      # docs/report-seeds.png
    python tools/report_screenshot.py -o shot.png --width 1200 --height 900

It builds a store of the seed pages in a temporary folder, writes its report with
``diplocorpus.write_report`` and takes a picture of the first screen of it in headless
Chromium from the system's packages (``chromium`` on PATH, or ``--chromium PATH``), driven
by Playwright (the ``dev`` extra). Playwright's own browser download is never used.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import sys
import tempfile

import diplocorpus as dc

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Chromium's flags for this machine's closed network (see the machine notes), also used by
# tests/test_report_browser.py: no background connections, no QUIC, no first-run or
# component updates. Playwright starts it headless with a new, empty profile each launch.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=pathlib.Path, default=ROOT / "docs/report-seeds.png")
    parser.add_argument("--width", type=int, default=1200, help="pixels (default 1200)")
    parser.add_argument("--height", type=int, default=900, help="pixels (default 900)")
    parser.add_argument("--chromium", help="the Chromium to run (default: chromium on PATH)")
    args = parser.parse_args(argv)
    executable = args.chromium or shutil.which("chromium")
    if executable is None:
        print("chromium is not on PATH (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415 (optional: dev extra)
    except ImportError:
        print("playwright is not installed (pip install -e '.[dev]')", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as work:
        with dc.Store(pathlib.Path(work) / "seeds.sqlite") as store:
            store.add(dc.iter_documents(ROOT / "seeds"))
            report = pathlib.Path(dc.write_report(store, pathlib.Path(work) / "report.html"))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(report.as_uri(), wait_until="load")
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"{args.out}: {args.width}x{args.height}, {args.out.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
