"""The HTML report, opened from disk in headless Chromium (the distribution's package, driven by
playwright): it loads with no console error, every figure with data is drawn with one mark per row,
every mark links to a document page that exists, and a click on a mark opens its evidence.

Set NEWSLAKE_SCREENSHOTS=DIR to keep a screenshot of each figure (docs/img/ is made that way, from a
Reuters sample: see the README).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from newslake.report import ReportError, write_report
from newslake.warehouse.lake import connect

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (see .ci/run)")

# every item a figure draws, with its href (Vega's scenegraph; the SVG has no <a> for hrefs)
ITEMS_JS = """(id) => {
  const out = [];
  const walk = (mark, ox, oy) => {
    for (const item of mark.items || []) {
      if (mark.marktype === 'group') {
        for (const child of item.items || []) walk(child, ox + (item.x || 0), oy + (item.y || 0));
      } else if (item.datum && item.datum.href !== undefined) {
        const r = item._svg && item._svg.getBoundingClientRect();  // the SVG element drawn for the item
        out.push({href: item.href || null, cx: r && r.x + r.width / 2, cy: r && r.y + r.height / 2});
      }
    }
  };
  walk(window.vegaViews[id].scenegraph().root, 0, 0);
  return out;
}"""


@pytest.fixture(scope="module")
def report(seed_lake, tmp_path_factory):
    cfg, _ = seed_lake
    out = tmp_path_factory.mktemp("report")
    with connect(cfg) as con:
        return write_report(con, out)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (see .ci/run)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready", timeout=120_000)
    return page, errors


def test_report_figures_and_document_pages_are_written(report):
    keys = [f.key for f in report.figures]
    assert keys == ["timeline", "network", "map", "claims", "conflicts"]
    by = {f.key: f for f in report.figures}
    for key in ("timeline", "network", "map", "claims"):  # the sample has events, entities, places, claims
        assert by[key].rows > 0 and by[key].spec, key
    assert report.doc_pages == report.documents == 1
    assert "<script src=" not in report.index.read_text()  # nothing to fetch: the page opens from disk


@needs_chromium
def test_report_draws_every_figure_with_linked_marks_in_chromium(report, browser):
    page, errors = open_page(browser, report.index)
    assert page.evaluate("document.body.dataset.ready") == "yes"
    shots = os.environ.get("NEWSLAKE_SCREENSHOTS")
    for f in report.figures:
        if not f.spec:
            assert page.locator(f"#fig-{f.key}.empty").count() == 1
            continue
        items = page.evaluate(ITEMS_JS, f"fig-{f.key}")
        linked = [i for i in items if i["href"]]
        # one mark per row at least (labels and edges add more), each linked to an existing page
        assert len(linked) >= f.rows, f.key
        for i in linked:
            target = report.out_dir / unquote(i["href"].split("#")[0])
            assert target.exists(), i["href"]
        box = page.locator(f"#fig-{f.key} svg").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 60, f.key
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.locator(f"#fig-{f.key}").screenshot(path=str(Path(shots) / f"report-{f.key}.png"))
    assert errors == []
    page.close()


@needs_chromium
def test_a_click_on_a_mark_opens_its_evidence(report, browser):
    page, errors = open_page(browser, report.index)
    page.locator("#fig-claims").scroll_into_view_if_needed()
    target = [i for i in page.evaluate(ITEMS_JS, "fig-claims") if i["href"]][0]
    page.mouse.click(target["cx"], target["cy"])
    page.wait_for_url("**/docs/*.html*", timeout=30_000)
    url = urlparse(page.url)
    assert url.path.endswith(target["href"].split("#")[0]) and url.fragment == target["href"].split("#")[1]
    assert page.locator(f"[id='{url.fragment}']").count() == 1  # the claim is marked in its text
    assert errors == []
    page.close()


def test_report_selection_errors_are_clear(seed_lake, tmp_path):
    with connect(seed_lake[0]) as con:
        with pytest.raises(ReportError, match="--where"):
            write_report(con, tmp_path, where="no_such_column = 1")
        with pytest.raises(ReportError, match="no entity named"):
            write_report(con, tmp_path, entity="Nobody At All")
        rep = write_report(con, tmp_path, where="published_at > now()")
    assert rep.documents == 0 and all(f.rows == 0 for f in rep.figures)
