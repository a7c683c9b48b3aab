"""Fetching against a loopback HTTP server: every bad response is a recorded outcome with a reason.

Nothing here leaves 127.0.0.1, loads spaCy or starts Prefect.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newslake.flows.fetch import USER_AGENT, Fetcher, FetchPolicy
from newslake.flows.sources import Gatherer
from newslake.sources import Source
from newslake.transforms.ingest.readers import Limits
from newslake.warehouse.lake import LakeConfig
from tests.webserver import LoopbackServer

# short waits, but not so short that a loaded machine times out a healthy answer
FAST = FetchPolicy(timeout_s=2.0, deadline_s=5.0, retries=2, backoff_s=0.01, backoff_max_s=0.05,
                   max_bytes=50_000, max_redirects=3, host_delay_s=0.0)

ARTICLE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body} The harbour authority said on Monday that ships would wait outside the port until the storm passed.</p>
<p>Officials in the coastal town said the sea wall held through the night and nobody was hurt.</p>
</article></body></html>"""


def article(title: str, body: str = "Winds rose across the coast.") -> str:
    return ARTICLE.format(title=title, body=body)


def rss(items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{u}</link><description>Summary of {t}.</description>"
                      f"<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>" for t, u in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>{entries}</channel></rss>'


@pytest.fixture()
def srv():
    with LoopbackServer() as s:
        yield s


def get(srv, path, policy=FAST, **kw):
    with Fetcher(policy) as f:
        return f.get(srv.url(path), **kw)


def test_ok_sends_user_agent_and_records_validators(srv):
    srv.site.page("/a", "hello", "text/plain", etag='"v1"', mtime=1_700_000_000)
    r = get(srv, "/a")
    assert (r.outcome, r.status, r.content, r.etag, r.attempts) == ("ok", 200, b"hello", '"v1"', 1)
    assert r.last_modified == "Tue, 14 Nov 2023 22:13:20 GMT"
    headers = dict(srv.site.hits)["/a"]
    assert headers["User-Agent"] == USER_AGENT and "newslake" in USER_AGENT


def test_conditional_get_gives_304_without_body(srv):
    srv.site.page("/a", "hello", "text/plain", etag='"v1"')
    r = get(srv, "/a", etag='"v1"')
    assert (r.outcome, r.status, r.content, r.error) == ("not_modified", 304, b"", None)
    assert dict(srv.site.hits)["/a"]["If-None-Match"] == '"v1"'


@pytest.mark.parametrize("status", [404, 410])
def test_client_errors_are_not_retried(srv, status):
    srv.site.page("/gone", "no", status=status)
    r = get(srv, "/gone")
    assert (r.outcome, r.status, r.attempts) == ("http_error", status, 1)
    assert r.error.startswith(f"HTTP {status}")


def test_server_errors_are_retried_then_recorded(srv):
    srv.site.page("/boom", "down", status=503)
    r = get(srv, "/boom")
    assert (r.outcome, r.status, r.attempts) == ("http_error", 503, 3)
    assert srv.site.count("/boom") == 3 and r.error == "HTTP 503 Service Unavailable"


def test_a_retry_can_succeed(srv):
    calls = []

    def flaky(h):
        calls.append(1)
        status = 500 if len(calls) == 1 else 200
        h.send_response(status)
        h.send_header("Content-Length", "2")
        h.end_headers()
        h.wfile.write(b"ok")

    srv.site.routes["/flaky"] = flaky
    r = get(srv, "/flaky")
    assert (r.outcome, r.attempts, r.content) == ("ok", 2, b"ok")


def test_backoff_grows_and_is_jittered(srv):
    srv.site.page("/boom", "down", status=500)
    waits: list[float] = []
    policy = FetchPolicy(timeout_s=0.5, retries=3, backoff_s=0.2, backoff_max_s=10, host_delay_s=0)
    with Fetcher(policy, sleep=waits.append) as f:
        r = f.get(srv.url("/boom"))
    assert r.attempts == 4 and len(waits) == 3
    for i, w in enumerate(waits):  # 0.2 * 2**i, times a jitter factor in [0.5, 1)
        assert 0.5 * 0.2 * 2 ** i <= w < 0.2 * 2 ** i


def test_timeout(srv):
    def stall(h):
        time.sleep(1.5)

    srv.site.routes["/stall"] = stall
    r = get(srv, "/stall", FetchPolicy(timeout_s=0.2, retries=1, backoff_s=0.01, host_delay_s=0))
    assert (r.outcome, r.status, r.attempts) == ("timeout", None, 2)
    assert "no answer within 0.2s" in r.error


def test_redirect_loop(srv):
    def loop(h):
        h.send_response(302)
        h.send_header("Location", "/loop")
        h.send_header("Content-Length", "0")
        h.end_headers()

    srv.site.routes["/loop"] = loop
    r = get(srv, "/loop")
    assert r.outcome == "too_many_redirects" and "more than 3 redirects" in r.error


def test_redirect_followed(srv):
    srv.site.routes["/old"] = lambda h: (h.send_response(301), h.send_header("Location", "/new"),
                                         h.send_header("Content-Length", "0"), h.end_headers())
    srv.site.page("/new", "moved", "text/plain")
    r = get(srv, "/old")
    assert (r.outcome, r.content, r.final_url) == ("ok", b"moved", srv.url("/new"))


def test_oversize_by_content_length(srv):
    srv.site.page("/big", b"x" * 200_000, "text/plain")
    r = get(srv, "/big")
    assert (r.outcome, r.content) == ("too_large", b"")
    assert r.error == "Content-Length 200,000 bytes is above the limit of 50,000"


def test_oversize_without_content_length(srv):
    def endless(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        try:
            for _ in range(100):
                h.wfile.write(b"y" * 10_000)
        except OSError:
            pass
        h.close_connection = True

    srv.site.routes["/endless"] = endless
    r = get(srv, "/endless")
    assert r.outcome == "too_large" and "above the limit of 50,000 bytes" in r.error


def test_slow_drip_is_cut_at_the_deadline(srv):
    def drip(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100")
        h.end_headers()
        try:
            for _ in range(100):
                h.wfile.write(b"z")
                h.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    srv.site.routes["/drip"] = drip
    r = get(srv, "/drip", FetchPolicy(timeout_s=1.0, deadline_s=0.5, retries=0, host_delay_s=0))
    assert r.outcome == "too_slow" and "not complete after 0.5s" in r.error


def test_robots_disallow(srv):
    srv.site.page("/robots.txt", "User-agent: newslake\nDisallow: /private/\n", "text/plain")
    srv.site.page("/private/a", "secret", "text/plain")
    srv.site.page("/public/a", "fine", "text/plain")
    with Fetcher(FAST) as f:
        no, yes = f.get(srv.url("/private/a")), f.get(srv.url("/public/a"))
    assert no.outcome == "robots_disallowed" and "disallows /private/a for newslake" in no.error
    assert yes.outcome == "ok"
    assert srv.site.count("/private/a") == 0 and srv.site.count("/robots.txt") == 1


def test_robots_unreachable_disallows_everything(srv):
    srv.site.page("/robots.txt", "oops", status=500)
    srv.site.page("/a", "x", "text/plain")
    r = get(srv, "/a", FetchPolicy(retries=0, host_delay_s=0))
    assert r.outcome == "robots_disallowed" and "unreachable" in r.error and srv.site.count("/a") == 0


def test_missing_robots_allows(srv):
    srv.site.page("/a", "x", "text/plain")
    assert get(srv, "/a").outcome == "ok"


def test_politeness_delay_between_requests_to_one_host(srv):
    srv.site.page("/a", "x", "text/plain")
    waits: list[float] = []
    with Fetcher(FetchPolicy(host_delay_s=5.0, retries=0), sleep=waits.append) as f:
        f.get(srv.url("/a"))
        f.get(srv.url("/a"))
    # robots.txt, /a, /a: every request after the first waits for the host's turn
    assert len(waits) == 2 and all(0 < w <= 5.0 for w in waits)


def test_connection_refused_and_invalid_url():
    with Fetcher(FetchPolicy(retries=0, host_delay_s=0, respect_robots=False)) as f:
        refused = f.get("http://127.0.0.1:9/x")
        bad = f.get("ftp://example.org/x")
    assert refused.outcome == "network_error" and "ConnectError" in refused.error
    assert bad.outcome == "invalid_url"


# ------------------------------------------------------------------ a source's run, without the lake

def gather(srv, src: Source, tmp_path: Path) -> Gatherer:
    with Fetcher(FAST) as f:
        g = Gatherer(src, f, LakeConfig(tmp_path / "nolake"), Limits())
        g.run()
    return g


def outcomes(g: Gatherer) -> dict[str, tuple[str, str | None]]:
    return {f.url.split(":", 2)[-1].split("/", 1)[-1]: (f.outcome, f.error) for f in g.fetches}


def test_feed_articles_with_every_bad_case(srv, tmp_path):
    site = srv.site
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.page("/a1", article("Storm reaches the coast"))
    site.page("/a2", article("Port closes for the night"))
    site.page("/gone", "gone", status=410)
    site.page("/doc.pdf", b"%PDF-1.7 binary", "application/pdf")
    site.page("/photo", b"\x89PNG\r\n\x1a\n....", "image/png")
    site.page("/private/x", article("Hidden"))
    site.page("/empty", "<html><body><nav>Home</nav></body></html>")
    site.page("/down", "down", status=502)
    site.page("/huge", article("Huge", "word " * 20_000))
    site.routes["/loop"] = lambda h: (h.send_response(302), h.send_header("Location", "/loop"),
                                      h.send_header("Content-Length", "0"), h.end_headers())
    site.routes["/stall"] = lambda h: time.sleep(7)
    site.routes["/drip"] = _drip
    bad = ["gone", "doc.pdf", "photo", "private/x", "down", "huge", "loop", "stall", "drip"]
    items = [("Storm", srv.url("/a1")), ("Port", srv.url("/a2")), ("Empty", srv.url("/empty"))]
    items[1:1] = [(p.title(), srv.url(f"/{p}")) for p in bad]  # the good ones around the bad ones
    site.page("/feed.xml", rss(items), "application/rss+xml")
    g = gather(srv, Source(name="t", kind="feed", url=srv.url("/feed.xml")), tmp_path)
    got = outcomes(g)
    assert got["feed.xml"] == ("ok", None)
    assert got["down"] == ("http_error", "HTTP 502 Bad Gateway")
    assert got["huge"][0] == "too_large" and "above the limit of 50,000" in got["huge"][1]
    assert got["loop"] == ("too_many_redirects", "more than 3 redirects (a redirect loop?)")
    assert got["stall"][0] == "timeout" and got["drip"][0] in ("too_slow", "timeout")
    assert got["a1"] == got["a2"] == ("ok", None)
    assert got["gone"] == ("http_error", "HTTP 410 Gone")
    assert got["doc.pdf"] == ("unsupported_type", "article is not an HTML page but application/pdf")
    assert got["photo"] == ("unsupported_type", "article is not an HTML page but image/png")
    assert got["private/x"][0] == "robots_disallowed"
    # no main text: the entry's summary fills the gap
    assert got["empty"] == ("ok", None)
    docs = {d.url.rsplit("/", 1)[-1]: d for d in g.docs}
    assert sorted(docs) == ["a1", "a2", "empty"]
    assert all(d.status == "ok" and d.source == "t" and d.http_status == 200 and d.fetched_at for d in docs.values())
    assert docs["a1"].title == "Storm reaches the coast" and "sea wall held" in docs["a1"].text
    assert docs["empty"].text == "Summary of Empty." and docs["empty"].title == "Empty"
    assert docs["a1"].published_at is not None  # the entry's date fills the page's gap
    assert {f.doc_id for f in g.fetches if f.doc_id} == {d.doc_id for d in g.docs}


def _drip(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "1000")
    h.end_headers()
    try:
        for _ in range(1000):
            h.wfile.write(b"z")
            h.wfile.flush()
            time.sleep(0.05)
    except OSError:
        pass


def test_feed_that_is_html(srv, tmp_path):
    srv.site.page("/feed", "<!DOCTYPE html><html><body><p>Our news</p></body></html>")
    g = gather(srv, Source(name="t", kind="feed", url=srv.url("/feed")), tmp_path)
    assert [(f.outcome, f.error) for f in g.fetches] == [
        ("not_a_feed", "not a feed: the server sent an HTML page (text/html)")]
    assert g.docs == []


def test_malformed_feed(srv, tmp_path):
    srv.site.page("/feed", "<rss><channel><title>x</title><item><title>a</", "application/rss+xml")
    g = gather(srv, Source(name="t", kind="feed", url=srv.url("/feed")), tmp_path)
    [f] = g.fetches
    assert f.outcome == "malformed_feed" and f.error.startswith("malformed feed:")
    # what feedparser salvaged (an entry without link or text) is a rejected document, not lost silently
    assert [(d.status, d.error) for d in g.docs] == [("rejected", "no text")]


def test_feed_that_is_not_xml_at_all(srv, tmp_path):
    srv.site.page("/feed", b"\x00\x01 garbage {", "application/rss+xml")
    g = gather(srv, Source(name="t", kind="feed", url=srv.url("/feed")), tmp_path)
    [f] = g.fetches
    assert f.outcome == "malformed_feed" and f.error.startswith("malformed feed:") and g.docs == []


def test_feed_404_records_and_gives_nothing(srv, tmp_path):
    g = gather(srv, Source(name="t", kind="feed", url=srv.url("/nope")), tmp_path)
    assert [(f.outcome, f.status) for f in g.fetches] == [("http_error", 404)] and g.docs == []


def test_include_exclude_and_max_items(srv, tmp_path):
    for p in ("/world/1", "/world/2", "/world/live", "/sport/1"):
        srv.site.page(p, article(f"Story {p}"))
    srv.site.page("/feed", rss([(p, srv.url(p)) for p in ("/world/1", "/world/live", "/sport/1", "/world/2")]),
                  "application/rss+xml")
    src = Source(name="t", kind="feed", url=srv.url("/feed"), include=["/world/"], exclude=["/live"], max_items=1)
    g = gather(srv, src, tmp_path)
    assert [f.url.split("/", 3)[-1] for f in g.fetches] == ["feed", "world/1"]


def test_entry_text_when_articles_are_not_read(srv, tmp_path):
    srv.site.page("/feed", rss([("One", srv.url("/1")), ("Two", srv.url("/2"))]), "application/rss+xml")
    g = gather(srv, Source(name="t", kind="feed", url=srv.url("/feed"), fetch_articles=False), tmp_path)
    assert [f.kind for f in g.fetches] == ["feed"]
    assert [(d.title, d.text, d.url) for d in g.docs] == [("One", "Summary of One.", srv.url("/1")),
                                                          ("Two", "Summary of Two.", srv.url("/2"))]


def test_sitemap_source(srv, tmp_path):
    srv.site.page("/p1", article("Page one"))
    srv.site.page("/sm.xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{srv.url("/p1")}'
                  f'</loc></url></urlset>', "application/xml")
    srv.site.page("/index.xml", f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>'
                  f'{srv.url("/sm.xml")}</loc></sitemap></sitemapindex>', "application/xml")
    g = gather(srv, Source(name="t", kind="sitemap", url=srv.url("/index.xml")), tmp_path)
    assert [(f.kind, f.outcome) for f in g.fetches] == [("sitemap", "ok"), ("sitemap", "ok"), ("article", "ok")]
    assert [d.title for d in g.docs] == ["Page one"]


def test_url_given_directly_is_a_feed_or_an_article(srv, tmp_path):
    srv.site.page("/a1", article("Storm reaches the coast"))
    srv.site.page("/feed", rss([("Storm", srv.url("/a1"))]), "text/xml")
    from newslake.flows.sources import url_source

    g = gather_auto = None
    with Fetcher(FAST) as f:
        g = Gatherer(url_source(srv.url("/feed")), f, LakeConfig(tmp_path / "x"), Limits(), auto_feed=True)
        g.run()
        gather_auto = Gatherer(url_source(srv.url("/a1")), f, LakeConfig(tmp_path / "x"), Limits(), auto_feed=True)
        gather_auto.run()
    assert [(x.kind, x.outcome) for x in g.fetches] == [("feed", "ok"), ("article", "ok")]
    assert [(x.kind, x.outcome) for x in gather_auto.fetches] == [("page", "ok")]
    assert [d.title for d in g.docs] == [d.title for d in gather_auto.docs] == ["Storm reaches the coast"]
    assert g.docs[0].source == "127.0.0.1"
