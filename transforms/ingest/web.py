"""Fetched bytes into entries, URLs and documents (pure: bytes and headers in, rows out).

The fetching itself (HTTP, robots.txt, retries) lives in :mod:`newslake.flows.fetch`; this module
only judges and reads what came back:

- :func:`feed_entries`: a feed's entries, or why the bytes are no feed (an HTML page, malformed XML);
- :func:`sitemap_urls`: the page URLs of a sitemap (and the sitemaps of a sitemap index);
- :func:`article_doc`: an article page read with trafilatura, the feed entry's own title, date and
  summary filling what the page lacks; a PDF or an image is refused with the reason.

>>> entries, problem = feed_entries(b"<html><body>Hi</body></html>", "text/html")
>>> entries, problem
([], ('not_a_feed', 'not a feed: the server sent an HTML page (text/html)'))
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Mapping

import feedparser
from lxml import etree

from newslake.transforms.ingest.normalize import html_to_text
from newslake.transforms.ingest.readers import Limits, SourceDoc, read_entry, read_source

HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
HTML_TYPES = ("text/html", "application/xhtml+xml")
UNSUPPORTED_PREFIXES = ("image/", "audio/", "video/", "font/")
UNSUPPORTED_TYPES = ("application/pdf", "application/zip", "application/octet-stream", "application/msword")
MAGIC = {b"%PDF": "application/pdf", b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg",
         b"GIF8": "image/gif", b"PK\x03\x04": "application/zip", b"RIFF": "image/webp"}
MAX_SITEMAP_URLS = 50_000
BENIGN_FEED_ERRORS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)  # the sitemaps.org limit per file


@dataclass(frozen=True)
class FeedEntry:
    """One feed entry: its link and the metadata that fill an article's gaps."""

    link: str | None
    title: str | None
    published: str | None
    author: str | None
    summary: str  # HTML or text, as the feed gives it
    entry_id: str | None


def media_type(content_type: str | None, data: bytes = b"") -> str:
    """The media type of a response: from ``Content-Type``, else sniffed from the first bytes.

    >>> media_type("text/html; charset=utf-8"), media_type(None, b"%PDF-1.7"), media_type(None, b"<rss>")
    ('text/html', 'application/pdf', '')
    """
    declared = (content_type or "").split(";")[0].strip().lower()
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind  # bytes beat a wrong header: a PDF served as text/html is still a PDF
    return declared


def is_html(data: bytes, content_type: str | None) -> bool:
    return media_type(content_type, data) in HTML_TYPES or bool(HTML_START.match(data[:2048]))


def is_feed(data: bytes, content_type: str | None) -> bool:
    """Whether a response looks like RSS/Atom (by type or by its first kilobytes)."""
    kind = media_type(content_type, data)
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    return not is_html(data, content_type) and bool(FEED_START.search(data[:4096]))


def unsupported(data: bytes, content_type: str | None) -> str | None:
    """Why a response cannot be an article (a PDF, an image ...), or None."""
    kind = media_type(content_type, data)
    if kind.startswith(UNSUPPORTED_PREFIXES) or kind in UNSUPPORTED_TYPES:
        return f"not an HTML page but {kind}"
    return None


def feed_entries(data: bytes, content_type: str | None = None) -> tuple[list[FeedEntry], tuple[str, str] | None]:
    """A feed's entries, and ``(outcome, reason)`` when the bytes are not a (well-formed) feed: no
    entries for an HTML page or unreadable XML, the entries feedparser recovered from a broken one."""
    if is_html(data, content_type):
        kind = media_type(content_type, data) or "HTML"
        return [], ("not_a_feed", f"not a feed: the server sent an HTML page ({kind})")
    why = unsupported(data, content_type)
    if why:
        return [], ("not_a_feed", f"not a feed: {why}")
    try:
        parsed = feedparser.parse(io.BytesIO(data))
        raw_entries = list(parsed.entries)
    except Exception as exc:  # noqa: BLE001 - third-party parser on untrusted input
        return [], ("malformed_feed", f"malformed feed: {_one_line(exc)}")
    broken = bool(parsed.get("bozo")) and not isinstance(parsed.get("bozo_exception"), BENIGN_FEED_ERRORS)
    if not raw_entries:
        if broken or not parsed.get("version"):
            detail = _one_line(parsed.get("bozo_exception") or "no RSS or Atom element")
            return [], ("malformed_feed", f"malformed feed: {detail}")
        return [], None  # a valid feed with no entries
    entries = []
    for e in raw_entries:
        contents = e.get("content") or []
        summary = (contents[0].get("value") if contents else None) or e.get("summary") or ""
        entries.append(FeedEntry(link=e.get("link"), title=e.get("title"),
                                 published=e.get("published") or e.get("updated"), author=e.get("author"),
                                 summary=summary, entry_id=e.get("id")))
    if broken:  # feedparser salvages what it can: keep it, and say the feed is broken
        detail = _one_line(parsed.get("bozo_exception"))
        return entries, ("malformed_feed", f"malformed feed: {detail} ({len(entries)} entries recovered)")
    return entries, None


def sitemap_urls(data: bytes) -> tuple[list[str], list[str], str | None]:
    """``(page URLs, nested sitemap URLs, error)`` of a sitemap or sitemap index.

    >>> sitemap_urls(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://a.org/x </loc></url></urlset>')
    (['https://a.org/x'], [], None)
    """
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                             huge_tree=False))
    except etree.XMLSyntaxError as e:
        return [], [], f"malformed sitemap: {_one_line(e)}"
    tag = etree.QName(root).localname
    if tag not in ("urlset", "sitemapindex"):
        return [], [], f"not a sitemap: root element is <{tag}>"
    locs = [(el.text or "").strip() for el in root.iter("{*}loc")][:MAX_SITEMAP_URLS]
    locs = [u for u in locs if u]
    return (locs, [], None) if tag == "urlset" else ([], locs, None)


def entry_meta(entry: FeedEntry | None, *, source: str, url: str, language: str | None) -> dict[str, Any]:
    """Defaults for an article read from ``url``: the entry's title, date and author fill gaps."""
    meta: dict[str, Any] = {"source": source, "url": url, "language": language}
    if entry is not None:
        meta.update(title=entry.title, published_at=entry.published, author=entry.author,
                    external_id=entry.entry_id)
    return meta


def article_doc(data: bytes, *, url: str, content_type: str | None, meta: Mapping[str, Any],
                summary: str = "", limits: Limits = Limits()) -> tuple[SourceDoc | None, tuple[str, str] | None]:
    """The document of an article page, and ``(outcome, reason)`` when it is not a good one.

    A PDF or an image gives no document; a page without main text falls back to the feed entry's
    summary when there is one, else a rejected document with the reason.
    """
    why = unsupported(data, content_type)
    if why:
        return None, ("unsupported_type", f"article is {why}")
    given = {k: v for k, v in meta.items() if k in ("title", "published_at", "author", "language", "external_id")}
    [doc] = read_source(data, uri=url, fmt="html", defaults=given, limits=limits)[:1]
    if doc.status != "ok" and summary.strip():
        fallback = read_entry(summary, uri=url, given=given, limits=limits)
        if fallback.status == "ok":
            doc = fallback
    doc = replace(doc, source=meta.get("source"), url=url)
    if doc.status != "ok":
        return doc, ("rejected", doc.error or "rejected")
    return doc, None


def entry_doc(entry: FeedEntry, *, uri: str, meta: Mapping[str, Any], limits: Limits = Limits()) -> SourceDoc:
    """A document from the feed entry's own text (``fetch_articles: false``)."""
    given = {k: v for k, v in meta.items() if k in ("title", "published_at", "author", "language", "external_id")}
    doc = read_entry(entry.summary, uri=uri, given=given, limits=limits)
    return replace(doc, source=meta.get("source"), url=meta.get("url"))


def with_fetch(doc: SourceDoc, fetched_at: datetime, status: int | None) -> SourceDoc:
    """The document stamped with when and how it was fetched."""
    return replace(doc, fetched_at=fetched_at, http_status=status)


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


__all__ = ["FeedEntry", "article_doc", "entry_doc", "entry_meta", "feed_entries", "html_to_text", "is_feed",
           "is_html", "media_type", "sitemap_urls", "unsupported", "with_fetch"]
