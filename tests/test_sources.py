"""Sources end to end: the sources file, and a feed from a loopback server ingested by the real flow
into a temporary lake: fetches recorded, unchanged URLs cost a conditional request, a changed
article replaces its rows."""

from __future__ import annotations

import json

import pytest

from newslake.sources import SourcesError, load_sources, parse_sources
from newslake.warehouse.lake import LakeConfig, query
from tests.test_fetch import article, rss
from tests.webserver import LoopbackServer

GOOD = """\
sources:
  - name: world
    kind: feed
    url: https://example.org/world.xml
    every: 15m
    include: ['/world/']
  - name: pages
    kind: urls
    urls: [https://example.org/a, https://example.org/b]
    cron: "0 * * * *"
  - name: local
    kind: path
    paths: [seeds/]
"""


def test_sources_file_parses():
    world, pages, local = parse_sources(GOOD)
    assert (world.kind, world.interval_seconds, world.schedule, world.fetch_articles) == ("feed", 900, "every 15m", True)
    assert world.wants("https://example.org/world/1") and not world.wants("https://example.org/sport/1")
    assert (pages.locations, pages.schedule) == (["https://example.org/a", "https://example.org/b"], "cron 0 * * * *")
    assert (local.kind, local.locations, local.interval_seconds) == ("path", ["seeds/"], None)


@pytest.mark.parametrize("text,error", [
    ("sources:\n  - name: a\n    kind: feed\n    url: https://x.org/f\n    every: 15 minutes\n",
     "s.yaml:5: source 'a': every: '15 minutes' is not a duration like 30s, 15m, 2h or 1d"),
    ("sources:\n  - name: a\n    kind: feed\n    url: https://x.org/f\n    colour: red\n",
     "s.yaml:5: source 'a': colour: unknown field"),
    ("sources:\n  - name: a\n    kind: blog\n    url: https://x.org/f\n",
     "s.yaml:3: source 'a': kind: Input should be 'feed', 'urls', 'sitemap' or 'path'"),
    ("sources:\n  - name: a\n    kind: feed\n", "s.yaml:2: source 'a': a feed source needs `url`"),
    ("sources:\n  - name: a\n    kind: urls\n    urls: [https://x.org/1, 'ftp://x']\n",
     "s.yaml:4: source 'a': urls.1: 'ftp://x' is not an http(s) URL"),
    ("sources:\n  - name: a\n    kind: path\n    paths: [x]\n    every: 1m\n    cron: '* * * * *'\n",
     "s.yaml:2: source 'a': give `every` or `cron`, not both"),
    ("sources:\n  - name: a\n    kind: path\n    paths: [x]\n    cron: 'every day'\n",
     "s.yaml:5: source 'a': cron: 'every day' is not a valid cron schedule"),
    ("sources:\n  - name: a b\n    kind: path\n    paths: [x]\n",
     "s.yaml:2: source 'a b': name: 'a b': use letters, digits, '-', '_' or '.' (at most 64, no spaces)"),
    ("sources:\n  - {name: a, kind: path, paths: [x]}\n  - {name: a, kind: path, paths: [y]}\n",
     "s.yaml:3: source 'a': name: already used by source #1"),
    ("sources:\n  - name: a\n   kind: feed\n", "s.yaml:3: not valid YAML: expected <block end>, but found '<block mapping start>'"),
    ("just text\n", "s.yaml:1: expected `sources:` with a list of sources"),
    ("sources:\n  - name: a\n    kind: feed\n    url: https://x.org/f\n    include: ['(']\n",
     "s.yaml:5: source 'a': include: '(' is not a regular expression: missing ), unterminated subpattern at position 0"),
])
def test_sources_file_errors_name_line_and_field(text, error):
    with pytest.raises(SourcesError) as e:
        parse_sources(text, where="s.yaml")
    assert str(e.value) == error


def test_missing_sources_file(tmp_path):
    with pytest.raises(SourcesError, match="no such sources file"):
        load_sources(tmp_path / "sources.yaml")


# ------------------------------------------------------------------ the flow, on a loopback site

def rows(cfg, sql):
    return query(cfg, sql).to_pylist()


@pytest.fixture()
def fast_fetch(monkeypatch):
    for k, v in {"NEWSLAKE_FETCH_HOST_DELAY_S": "0", "NEWSLAKE_FETCH_RETRIES": "1", "NEWSLAKE_FETCH_BACKOFF_S": "0.01",
                 "NEWSLAKE_FETCH_TIMEOUT_S": "2"}.items():
        monkeypatch.setenv(k, v)


@pytest.mark.e2e
@pytest.mark.model
def test_feed_source_runs_records_fetches_skips_unchanged_and_replaces_changed(prefect_server, fast_fetch, tmp_path):
    from newslake.flows.sources import ingest_source

    with LoopbackServer() as srv:
        site = srv.site
        site.page("/a1", article("Storm reaches the coast"), mtime=1_700_000_000)
        site.page("/a2", article("Port closes for the night", "Ships waited in the bay."), mtime=1_700_000_000)
        site.page("/doc.pdf", b"%PDF-1.7", "application/pdf")
        feed = rss([("Storm", srv.url("/a1")), ("Port", srv.url("/a2")), ("Gone", srv.url("/gone")),
                    ("Pdf", srv.url("/doc.pdf"))])
        site.page("/feed.xml", feed, "application/rss+xml", etag='"f1"')
        sources = tmp_path / "sources.yaml"
        sources.write_text(f"sources:\n  - name: test-feed\n    kind: feed\n    url: {srv.url('/feed.xml')}\n")
        wh = tmp_path / "warehouse"
        cfg = LakeConfig(wh)

        first = ingest_source(source="test-feed", sources_file=str(sources), warehouse=str(wh))
        assert (first.docs_ok, first.docs_rejected, first.docs_replaced) == (2, 0, 0)
        assert dict(first.fetches) == {"ok": 3, "http_error": 1, "unsupported_type": 1}
        docs = rows(cfg, "SELECT title, source, url, http_status, fetched_at IS NOT NULL AS f FROM documents ORDER BY url")
        assert docs == [{"title": "Storm reaches the coast", "source": "test-feed", "url": srv.url("/a1"),
                         "http_status": 200, "f": True},
                        {"title": "Port closes for the night", "source": "test-feed", "url": srv.url("/a2"),
                         "http_status": 200, "f": True}]
        fetched = {r["url"].rsplit("/", 1)[-1]: r for r in rows(cfg, "SELECT * FROM fetches")}
        assert fetched["gone"]["outcome"] == "http_error" and fetched["gone"]["error"] == "HTTP 404 Not Found"
        assert fetched["doc.pdf"]["outcome"] == "unsupported_type"
        assert fetched["feed.xml"]["etag"] == '"f1"' and fetched["feed.xml"]["bytes"] == len(feed.encode())
        assert {r["run_id"] for r in fetched.values()} == {first.run_id}
        assert fetched["a1"]["doc_id"] in {r["doc_id"] for r in rows(cfg, "SELECT doc_id FROM documents")}
        (run,) = rows(cfg, "SELECT source, flow, status FROM runs")
        assert run == {"source": "test-feed", "flow": "ingest-source", "status": "committed"}

        # nothing changed: the feed answers 304, each known article one conditional request (the
        # failed ones are tried again)
        second = ingest_source(source="test-feed", sources_file=str(sources), warehouse=str(wh))
        assert (second.docs_ok, second.docs_seen) == (0, 0)
        assert dict(second.fetches) == {"not_modified": 3, "http_error": 1, "unsupported_type": 1}
        a1_headers = [h for p, h in site.hits if p == "/a1"]
        assert len(a1_headers) == 2 and a1_headers[-1]["If-Modified-Since"] == "Tue, 14 Nov 2023 22:13:20 GMT"
        assert [h for p, h in site.hits if p == "/feed.xml"][-1]["If-None-Match"] == '"f1"'

        # one article changes: its rows are replaced (old document gone, new one in)
        site.page("/a2", article("Port reopens at dawn", "The ships sailed in at first light."), mtime=1_700_100_000)
        third = ingest_source(source="test-feed", sources_file=str(sources), warehouse=str(wh))
        assert (third.docs_ok, third.docs_replaced) == (1, 1)
        titles = [r["title"] for r in rows(cfg, "SELECT title FROM documents ORDER BY title")]
        assert titles == ["Port reopens at dawn", "Storm reaches the coast"]
        stale = rows(cfg, "SELECT count(*) AS n FROM mentions m WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert stale == [{"n": 0}]

        # a source that fails (connection refused) lands its fetches and fails no other source
        sources.write_text(sources.read_text() + "  - name: dead\n    kind: urls\n    urls: [http://127.0.0.1:9/x]\n")
        dead = ingest_source(source="dead", sources_file=str(sources), warehouse=str(wh))
        assert dict(dead.fetches) == {"robots_disallowed": 1}  # robots.txt unreachable: nothing fetched
        from newslake.warehouse.fetches import source_status

        st = source_status(cfg)
        assert st["dead"]["failed"] == 1 and "unreachable" in st["dead"]["last_error"]
        assert (st["test-feed"]["new"], st["test-feed"]["failed"]) == (1, 2)  # the 404 and the PDF, tried again


# ------------------------------------------------------------------ the CLI

def test_cli_sources_lists_and_reports_bad_files(tmp_path):
    from typer.testing import CliRunner

    from newslake.cli import app

    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(GOOD)
    bad.write_text("sources:\n  - name: a\n    kind: feed\n    url: https://x.org/f\n    every: soon\n")
    r = CliRunner().invoke(app, ["sources", "--sources", str(good), "-w", str(tmp_path / "lake"), "-f", "json"])
    assert r.exit_code == 0, r.output
    listed = json.loads(r.stdout)
    assert [(x["name"], x["kind"], x["schedule"], x["last_run"]) for x in listed] == [
        ("world", "feed", "every 15m", None), ("pages", "urls", "cron 0 * * * *", None), ("local", "path", "manual", None)]
    r = CliRunner().invoke(app, ["sources", "--sources", str(bad)])
    assert r.exit_code == 2 and f"{bad}:5: source 'a': every: 'soon' is not a duration" in r.output
    r = CliRunner().invoke(app, ["ingest", "--source", "nope", "--sources", str(good)])
    assert r.exit_code == 2 and "no source named 'nope' (declared: world, pages, local)" in r.output
    r = CliRunner().invoke(app, ["ingest", "--source", "world", "--sources", str(tmp_path / "missing.yaml")])
    assert r.exit_code == 2 and "no such sources file" in r.output


@pytest.mark.e2e
@pytest.mark.model
def test_cli_ingest_url_of_a_feed(prefect_server, fast_fetch, tmp_path):
    from typer.testing import CliRunner

    from newslake.cli import app

    with LoopbackServer() as srv:
        srv.site.page("/a1", article("Storm reaches the coast"))
        srv.site.page("/gone.pdf", b"%PDF-1.4", "application/pdf")
        srv.site.page("/feed", rss([("Storm", srv.url("/a1")), ("Pdf", srv.url("/gone.pdf"))]), "application/atom+xml")
        r = CliRunner().invoke(app, ["ingest", srv.url("/feed"), "-w", str(tmp_path / "lake")])
    assert r.exit_code == 0, r.output
    assert "documents: 1 ok, 0 rejected" in r.output and "requests: 2 ok, 1 unsupported_type" in r.output
    assert "SELECT url, outcome, error FROM fetches" in r.output
    (doc,) = query(LakeConfig(tmp_path / "lake"), "SELECT source, url, title FROM documents").to_pylist()
    assert doc == {"source": "127.0.0.1", "url": srv.url("/a1"), "title": "Storm reaches the coast"}
