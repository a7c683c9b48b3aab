"""Screenshots of a report's figures in headless Chromium (Debian's package), as in the README.

    newslake report -w LAKE --out /tmp/report
    python bench/screenshots.py /tmp/report/index.html docs/img [timeline network map claims conflicts]

Prints, per figure, the marks drawn and the console errors (none expected).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def main() -> None:
    index, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    keys = sys.argv[3:] or ["timeline", "network", "map", "claims", "conflicts"]
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(index.as_uri())
        page.wait_for_function("document.body.dataset.ready", timeout=120_000)
        for key in keys:
            fig = page.locator(f"section#{key}")
            n = page.evaluate(f"document.querySelectorAll('#fig-{key} svg path').length")
            fig.screenshot(path=str(out / f"report-{key}.png"))
            print(f"{key}: {n} SVG paths drawn -> {out / f'report-{key}.png'}")
        print(f"console errors: {errors}")
        browser.close()


if __name__ == "__main__":
    main()
