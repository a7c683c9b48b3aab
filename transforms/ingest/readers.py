"""Read the bytes of one input file into normalised documents (pure: bytes in, rows out).

``read_source`` guesses the format from the file name, decodes the bytes, and turns them into
:class:`SourceDoc` rows: ``status="ok"`` with the analysed ``text`` and header fields, or
``status="rejected"`` with a one-line ``error``. It never raises on bad input.

>>> [d] = read_source(b"Storm Nears\\n\\nWinds rose across the coast on Monday night.", uri="a.txt")
>>> d.status, d.title, d.text, d.input_format, d.encoding
('ok', 'Storm Nears', 'Winds rose across the coast on Monday night.', 'text', 'utf-8')
>>> read_source(b"%PDF-1.4", uri="b.pdf")[0].error
"unsupported file type '.pdf'"
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import io
import json
import os
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Mapping

import feedparser
import trafilatura
from trafilatura.settings import Document as PageMetadata
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newslake.transforms.budget import DOC_TIME_BUDGET_S
from newslake.transforms.ingest.decoding import decode_bytes
from newslake.transforms.ids import content_hash, stable_id
from newslake.transforms.ingest.normalize import html_to_text, normalize_text, split_front_matter, strip_markdown
from newslake.transforms.ingest.dates import find_text_date, parse_date

READER_VERSION = "newslake.readers.v2"  # v2: JSONL decoded per line; linear-time Markdown

FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(FORMAT_BY_SUFFIX)
FORMATS: frozenset[str] = frozenset(FORMAT_BY_SUFFIX.values())

META_FIELDS = ("title", "subtitle", "section", "author", "source", "url", "language", "published_at")
"""Record fields read from JSON/JSONL (plus ``id`` -> ``external_id``) and accepted in ``defaults``."""

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("headline",), "published_at": ("published", "date", "published_at_raw"),
    "url": ("link",),
}
"""Other record keys read when the main one is missing: ``{"headline": ...}`` gives the title."""

LANGUAGE_CHECK_MIN_CHARS = 40  # shorter texts are not language-checked (too unreliable)
LANGUAGE_SAMPLE_CHARS = 2000
LANGUAGE_MIN_CONFIDENCE = 0.5  # a language other than the allowed ones needs this probability
LANGUAGE_ALLOWED_MIN_PROBABILITY = 0.1  # an allowed language this likely is accepted
NO_LANGUAGE = frozenset({"zxx", "und"})  # py3langid's "no linguistic content"
MIN_HTML_TEXT_CHARS = 40  # less main text than this ("Home") is no article
HTML_SIZE_FACTOR = 20  # HTML above max_doc_chars * this is not parsed at all
TEXT_PRECHECK_FACTOR = 4  # text above max_doc_chars * this is rejected before normalisation
HTML_DATE_PARAMS = {"original_date": True, "extensive_search": False,
                    "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
"""htmldate settings: publication (not modification) date from markup and metadata only."""


@dataclass(frozen=True)
class Limits:
    """Size and language limits; the defaults are what a run uses."""

    max_file_bytes: int = 200_000_000
    max_doc_chars: int = 1_000_000
    min_doc_chars: int = 1
    languages: tuple[str, ...] = ("en",)
    raw_keep_chars: int = 2_000_000
    doc_budget_s: float = DOC_TIME_BUDGET_S  # extraction seconds per document (0: none)


@dataclass(frozen=True)
class SourceDoc:
    """One input document, read and normalised (or rejected, with the reason)."""

    doc_id: str
    uri: str
    source: str | None
    url: str | None
    external_id: str | None
    title: str | None
    subtitle: str | None
    section: str | None
    author: str | None
    published_at: datetime | None
    published_at_from: str | None
    language: str | None
    text: str
    raw: str
    boilerplate: tuple[str, ...]
    input_format: str
    encoding: str | None
    content_hash: str
    status: str
    error: str | None
    fetched_at: datetime | None = None  # set for documents fetched over HTTP
    http_status: int | None = None


@dataclass(frozen=True)
class _Ctx:
    """Where a document comes from: passed down the readers."""

    uri: str
    fmt: str
    encoding: str | None
    defaults: Mapping[str, Any]
    limits: Limits


_CTX_NONE = _Ctx("", "text", None, {}, Limits())
UTF16_32_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32 LE starts like UTF-16 LE


def read_source(data: bytes, *, uri: str, fmt: str | None = None,
                defaults: Mapping[str, Any] | None = None, limits: Limits = Limits()) -> list[SourceDoc]:
    """Turn the bytes of one input (a file) into documents; bad input gives rejected rows.

    ``fmt`` is one of :data:`FORMATS` or None (guessed from the extension of ``uri``).
    ``defaults`` gives metadata (e.g. ``{"source": "Wire"}``) for documents that lack it.

    >>> [d.uri for d in read_source(b'{"text": "Hello there."}\\n\\n{"x": 1}', uri="f.jsonl")]
    ['f.jsonl#L1', 'f.jsonl#L3']
    """
    if fmt is None:
        suffix = os.path.splitext(uri)[1].lower()
        if suffix not in FORMAT_BY_SUFFIX:
            what = f"'{suffix}'" if suffix else "(no extension)"
            return [rejected_doc(uri=uri, data=data, reason=f"unsupported file type {what}")]
        fmt = FORMAT_BY_SUFFIX[suffix]
    elif fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {sorted(FORMATS)}")
    if len(data) > limits.max_file_bytes:
        return [rejected_doc(uri=uri, data=data, input_format=fmt,
                             reason=f"file has {len(data):,} bytes, above the limit of {limits.max_file_bytes:,}")]
    if fmt == "jsonl" and not data.startswith(UTF16_32_BOMS):
        return _read_jsonl_lines(data, replace(_CTX_NONE, uri=uri, fmt=fmt, defaults=dict(defaults or {}),
                                               limits=limits))
    decoded = decode_bytes(data)
    if decoded.error is not None:
        return [rejected_doc(uri=uri, data=data, input_format=fmt, encoding=decoded.encoding,
                             reason=decoded.error)]
    if not decoded.text.strip():
        return [rejected_doc(uri=uri, data=data, input_format=fmt, encoding=decoded.encoding,
                             reason="empty file")]
    ctx = _Ctx(uri, fmt, decoded.encoding, dict(defaults or {}), limits)
    if fmt == "json":
        return _read_json(decoded.text, data, ctx)
    if fmt == "jsonl":
        return _read_jsonl(decoded.text, ctx)
    if fmt == "feed":
        return _read_feed(data, ctx)
    if fmt == "html":
        return [_from_html(decoded.text, {}, data, ctx)]
    return [_from_text(decoded.text, {}, decoded.text, data, ctx)]


# --------------------------------------------------------------------------- formats

def _read_json(text: str, data: bytes, ctx: _Ctx) -> list[SourceDoc]:
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        return [_reject(data, ctx, _json_error(exc))]
    if isinstance(value, dict):
        return [_from_record(value, text, data, ctx)]
    if not isinstance(value, list):
        return [_reject(data, ctx,
                        f"JSON must be an object or a list of objects, not {type(value).__name__}")]
    if not value:
        return [_reject(data, ctx, "JSON list has no records")]
    docs = []
    for i, item in enumerate(value):
        raw = json.dumps(item, ensure_ascii=False)
        docs.append(_from_record(item, raw, raw.encode("utf-8", "surrogatepass"),
                                 replace(ctx, uri=f"{ctx.uri}#{i}")))
    return docs


def _read_jsonl_lines(data: bytes, ctx: _Ctx, first_line: int = 1) -> list[SourceDoc]:
    """JSONL, one line at a time: each line is decoded and validated on its own.

    A line with a NUL byte, undecodable bytes or bad JSON is its own rejected row (``uri#L<n>``);
    the good lines around it land. The encoding is decided per line, so a file mixing UTF-8 and
    Windows-1252 records reads both correctly.

    >>> lines = ['{"text": "Québec voted."}'.encode(), b'{"text": "\\x00"}', '{"text": "Café."}'.encode("cp1252")]
    >>> [(d.uri, d.status, d.encoding) for d in read_source(b"\\n".join(lines), uri="m.jsonl")]
    [('m.jsonl#L1', 'ok', 'utf-8'), ('m.jsonl#L2', 'rejected', 'utf-8'), ('m.jsonl#L3', 'ok', 'cp1252')]
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if not data.strip():
        return [_reject(data, ctx, "empty file")]
    docs = []
    for n, line_bytes in enumerate(data.split(b"\n"), start=first_line):
        if not line_bytes.strip():
            continue
        line_ctx = replace(ctx, uri=f"{ctx.uri}#L{n}")
        try:
            line, encoding = line_bytes.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            decoded = decode_bytes(line_bytes)
            line, encoding = decoded.text, decoded.encoding
            if decoded.error is not None:
                docs.append(_reject(line_bytes, replace(line_ctx, encoding=encoding),
                                    f"line {n}: {decoded.error}"))
                continue
        if "\x00" in line:
            docs.append(_reject(line_bytes, replace(line_ctx, encoding=encoding),
                                f"line {n}: binary data (NUL bytes)"))
            continue
        docs.append(_jsonl_record(line, line_bytes, n, replace(line_ctx, encoding=encoding)))
    return docs or [_reject(data, ctx, "JSONL file has no records")]


def _jsonl_record(line: str, line_bytes: bytes, n: int, ctx: _Ctx) -> SourceDoc:
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        error = _json_error(exc).replace("at line 1", f"at line {n}", 1)
        return _reject(line_bytes, ctx, error, line)
    return _from_record(value, line, line_bytes, ctx)


def _read_jsonl(text: str, ctx: _Ctx, first_line: int = 1) -> list[SourceDoc]:
    """JSONL in UTF-16/32 (a byte order mark): decoded whole, then read line by line."""
    docs = []
    for n, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        line_ctx = replace(ctx, uri=f"{ctx.uri}#L{n}")
        docs.append(_jsonl_record(line, line.encode("utf-8", "surrogatepass"), n, line_ctx))
    return docs or [_reject(text.encode("utf-8", "surrogatepass"), ctx,
                            "JSONL file has no records")]


def read_jsonl_lines(data: bytes, *, uri: str, first_line: int, limits: Limits = Limits()) -> list[SourceDoc]:
    """Documents of some whole lines of a JSONL file, ``data`` starting at line ``first_line``:
    how a large JSONL file is read a batch at a time (uris ``<uri>#L<n>`` as with :func:`read_source`).
    Blank lines give nothing; each line is decoded and validated on its own (a bad line is its own
    rejected row).

    >>> [d.uri for d in read_jsonl_lines(b'{"text": "Hello there."}\\n\\n{"x": 1}', uri="f.jsonl", first_line=41)]
    ['f.jsonl#L41', 'f.jsonl#L43']
    """
    if not data.strip():
        return []
    ctx = _Ctx(uri, "jsonl", None, {}, limits)
    if data.startswith(UTF16_32_BOMS):
        decoded = decode_bytes(data)
        if decoded.error is not None:
            return [rejected_doc(uri=f"{uri}#L{first_line}", data=data, input_format="jsonl",
                                 encoding=decoded.encoding, reason=decoded.error)]
        return _read_jsonl(decoded.text, replace(ctx, encoding=decoded.encoding), first_line)
    return _read_jsonl_lines(data, ctx, first_line)


def _json_error(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON at line {exc.lineno}: {exc.msg}"
    return "malformed JSON: nested too deeply"


def _from_record(record: Any, raw: str, raw_bytes: bytes, ctx: _Ctx) -> SourceDoc:
    """One JSON record: ``{"text" | "html": ..., "title": ..., "published_at": ..., ...}``."""
    if not isinstance(record, dict):
        return _reject(raw_bytes, ctx,
                       f"record is not a JSON object but {type(record).__name__}", raw)
    body, html = record.get("text"), record.get("html")
    if body is None and html is None:
        return _reject(raw_bytes, ctx, "record has neither 'text' nor 'html'", raw)
    for name, value in (("text", body), ("html", html)):
        if value is not None and not isinstance(value, str):
            return _reject(raw_bytes, ctx,
                           f"record field '{name}' is not a string", raw)
    given = {k: next((record[a] for a in (k, *FIELD_ALIASES.get(k, ())) if record.get(a) is not None), None)
             for k in META_FIELDS}
    given["external_id"] = record.get("id")
    if body is not None:
        return _from_text(body, given, raw, raw_bytes, ctx)
    return _from_html(html, given, raw_bytes, ctx, raw=raw)


def _read_feed(data: bytes, ctx: _Ctx) -> list[SourceDoc]:
    try:  # a stream: feedparser opens str/bytes that look like paths or URLs
        parsed = feedparser.parse(io.BytesIO(data))
        entries = list(parsed.entries)
    except Exception as exc:  # noqa: BLE001 - third-party parser on untrusted input
        return [_reject(data, ctx, f"malformed feed: {_one_line(exc)}")]
    if not entries:
        error = f"malformed feed: {_one_line(parsed.get('bozo_exception'))}" if parsed.get("bozo") \
            else "feed has no entries"
        return [_reject(data, ctx, error)]
    feed_title = parsed.feed.get("title")
    docs = []
    for i, entry in enumerate(entries):
        contents = entry.get("content") or []
        detail = contents[0] if contents else entry.get("summary_detail") or {}
        value = detail.get("value") or entry.get("summary") or ""
        body = html_to_text(value) if "html" in (detail.get("type") or "text/html") else value
        given = {"title": entry.get("title"), "url": entry.get("link"), "external_id": entry.get("id"),
                 "author": entry.get("author"), "source": feed_title,
                 "published_at": entry.get("published") or entry.get("updated")}
        entry_ctx = replace(ctx, uri=f"{ctx.uri}#{i}")
        docs.append(_from_text(body, given, value, value.encode("utf-8", "surrogatepass"), entry_ctx))
    return docs


def read_entry(value: str, *, uri: str, given: Mapping[str, Any], limits: Limits = Limits()) -> SourceDoc:
    """A document from a feed entry's own text (HTML or plain), ``given`` its title, date, author.

    >>> read_entry("<p>Rain fell on the coast all night.</p>", uri="f#0", given={"title": "Rain"}).text
    'Rain fell on the coast all night.'
    """
    ctx = _Ctx(uri, "feed", "utf-8", {}, limits)
    body = html_to_text(value) if "<" in value else value
    return _from_text(body, given, value, value.encode("utf-8", "surrogatepass"), ctx)


def reread(row: Mapping[str, Any], limits: Limits = Limits()) -> SourceDoc | None:
    """A stored document read again from its stored ``raw`` input, by the reader that read it first
    (``newslake reingest``): an unchanged reader gives the same document. None when the stored raw
    input was cut (above ``raw_keep_chars``) or the row was rejected: such a row is not re-read.

    >>> [d] = read_source(b"Storm Nears\\n\\nWinds rose across the coast on Monday night.", uri="a.txt")
    >>> row = {f: getattr(d, f) for f in d.__dataclass_fields__}
    >>> reread(row) == d
    True
    """
    raw, fmt = row.get("raw") or "", row.get("input_format") or "text"
    if row.get("status") != "ok" or not raw or len(raw) >= limits.raw_keep_chars:
        return None
    fetched = row.get("fetched_at") is not None
    meta = {k: row.get(k) for k in ("title", "published_at", "author", "language", "external_id")} if fetched else {}
    ctx = _Ctx(row["uri"], fmt, row.get("encoding"), meta, limits)
    data = raw.encode("utf-8", "surrogatepass")
    if fmt in ("json", "jsonl"):
        try:
            doc = _from_record(json.loads(raw), raw, data, ctx)
        except (json.JSONDecodeError, RecursionError):
            return None
    elif fmt == "feed":
        given = {k: row.get(k) for k in ("title", "url", "external_id", "author", "source", "published_at")}
        doc = _from_text(html_to_text(raw) if "<" in raw else raw, given, raw, data, ctx)
    elif fmt == "html":
        doc = _from_html(raw, {}, data, ctx)
    else:
        doc = _from_text(raw, {}, raw, data, ctx)
    if fetched:
        doc = replace(doc, source=row.get("source"), url=row.get("url"), fetched_at=row.get("fetched_at"),
                      http_status=row.get("http_status"))
    return doc


def _from_html(html: str, given: Mapping[str, Any], raw_bytes: bytes, ctx: _Ctx,
               raw: str | None = None) -> SourceDoc:
    """Main text and metadata of an HTML page via trafilatura; ``given`` fields win."""
    raw = html if raw is None else raw
    limit = ctx.limits.max_doc_chars * HTML_SIZE_FACTOR
    if len(html) > limit:
        return _reject(raw_bytes, ctx,
                       f"HTML has {len(html):,} characters, above the limit of {limit:,}", raw)
    try:
        found = trafilatura.bare_extraction(
            html, url=given.get("url") if isinstance(given.get("url"), str) else None,
            with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=HTML_DATE_PARAMS)
    except Exception:  # noqa: BLE001 - third-party parser on untrusted input
        found = None
    if found is not None and (found.text or "").strip():
        body = "\n\n".join(found.text.split("\n"))  # trafilatura puts one paragraph per line
    else:  # trafilatura gives up on fragments and some broken pages: keep the plain text
        body, found = html_to_text(html), PageMetadata()
    if len(normalize_text(body)) < MIN_HTML_TEXT_CHARS:
        return _reject(raw_bytes, ctx, "no main text found in HTML", raw)
    extracted: dict[str, Any] = {
        "title": found.title, "author": found.author, "url": found.url, "source": found.sitename,
        "published_at": found.date, "section": (found.categories or [None])[0],
    }
    merged = {k: v for k, v in extracted.items() if v}
    merged.update({k: v for k, v in given.items() if v is not None})
    doc = _from_text(body, merged, raw, raw_bytes, ctx, markdown=False,
                     other_headlines=(found.title,) if found.title else ())
    if doc.status == "ok" and doc.subtitle is None and found.description:
        description = _clean(found.description)
        if description and not doc.text.casefold().startswith(description.casefold()[:60]):
            doc = replace(doc, subtitle=description)
    elif doc.error == "no text":
        doc = replace(doc, error="no main text found in HTML")
    return doc


# --------------------------------------------------------------------------- building rows

def _from_text(body: str, given: Mapping[str, Any], raw: str, raw_bytes: bytes, ctx: _Ctx,
               *, markdown: bool | None = None, other_headlines: tuple[str, ...] = ()) -> SourceDoc:
    """Normalise ``body``, split off the header and boilerplate, check limits and language."""
    limits = ctx.limits

    def reject(error: str) -> SourceDoc:
        return _reject(raw_bytes, ctx, error, raw)

    if len(body) > limits.max_doc_chars * TEXT_PRECHECK_FACTOR:  # do not normalise a huge text
        return reject(f"document has {len(body):,} characters, above the limit of {limits.max_doc_chars:,}")
    if markdown if markdown is not None else ctx.fmt == "markdown":
        body = strip_markdown(body)
    text = normalize_text(body)
    meta = {k: v for k, v in ctx.defaults.items() if v is not None}
    meta.update({k: v for k, v in given.items() if v is not None})
    cleaned = {k: _clean(meta.get(k)) for k in (*META_FIELDS, "external_id") if k != "published_at"}
    fm = split_front_matter(text, title=cleaned["title"], subtitle=cleaned["subtitle"],
                            section=cleaned["section"], author=cleaned["author"],
                            other_headlines=other_headlines)
    if len(fm.text) > limits.max_doc_chars:
        return reject(f"document has {len(fm.text):,} characters, above the limit of {limits.max_doc_chars:,}")
    if len(fm.text) < limits.min_doc_chars:
        return reject("no text")
    language = _language(cleaned["language"], fm.text, limits.languages)
    if language is not None and language not in limits.languages:
        return reject(f"language '{language}' is not supported (newslake reads: {', '.join(limits.languages)})")
    published_at, published_from = parse_date(meta.get("published_at")), "metadata"
    if published_at is None:
        found = find_text_date(text)
        published_at, published_from = (found[0], "text") if found else (None, None)
    digest = content_hash((fm.title or "") + "\n\n" + fm.text)
    return SourceDoc(
        doc_id=stable_id("doc", digest), uri=ctx.uri, source=cleaned["source"], url=cleaned["url"],
        external_id=cleaned["external_id"], title=fm.title, subtitle=fm.subtitle, section=fm.section,
        author=fm.author, published_at=published_at, published_at_from=published_from,
        language=language, text=fm.text, raw=raw[:limits.raw_keep_chars], boilerplate=fm.boilerplate,
        input_format=ctx.fmt, encoding=ctx.encoding, content_hash=digest, status="ok", error=None,
    )


def _language(given: str | None, text: str, allowed: tuple[str, ...]) -> str | None:
    """ISO 639-1 code: the given one ("en-GB" -> "en"), else detected on 40+ characters, else None.

    py3langid's normalised probabilities decide: an allowed language with at least
    ``LANGUAGE_ALLOWED_MIN_PROBABILITY`` wins (terse English like "Shr 10 cts vs 14 cts" scores as
    Nigerian Pidgin first), another language needs ``LANGUAGE_MIN_CONFIDENCE``; "no language"
    (tables of figures) or an unsure guess gives None, which is not rejected.
    """
    if given:
        return given.replace("_", "-").split("-")[0].casefold()
    if len(text) < LANGUAGE_CHECK_MIN_CHARS:
        return None
    ranked = _language_identifier().rank(text[:LANGUAGE_SAMPLE_CHARS])
    top, probability = ranked[0]
    best_allowed = max(((p, code) for code, p in ranked if code in allowed), default=(0.0, None))
    if top in NO_LANGUAGE:
        return None
    if best_allowed[0] >= LANGUAGE_ALLOWED_MIN_PROBABILITY:
        return str(best_allowed[1])
    return str(top) if probability >= LANGUAGE_MIN_CONFIDENCE else None


@functools.cache
def _language_identifier() -> LanguageIdentifier:
    """py3langid with normalised probabilities, loaded once per process."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _clean(value: Any) -> str | None:
    """A metadata value as one normalised line, or None: ``_clean("  A\\n b ")`` -> ``'A b'``."""
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = normalize_text(str(value)).replace("\n", " ")
    return " ".join(text.split(" ")) or None


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def rejected_doc(*, uri: str, data: bytes, reason: str, input_format: str | None = None,
                 encoding: str | None = None, raw: str = "") -> SourceDoc:
    """A rejected row: one per bad input, its id from the uri and the bytes.

    Also for the flow, for files it cannot read (``input_format`` defaults to the uri's format).

    >>> rejected_doc(uri="a.pdf", data=b"%PDF", reason="unsupported file type '.pdf'").input_format
    'unsupported'
    """
    if input_format is None:
        input_format = FORMAT_BY_SUFFIX.get(os.path.splitext(uri)[1].lower(), "unsupported")
    return SourceDoc(
        doc_id=stable_id("rej", uri, hashlib.sha256(data).hexdigest()), uri=uri, source=None, url=None,
        external_id=None, title=None, subtitle=None, section=None, author=None, published_at=None,
        published_at_from=None, language=None, text="", raw=raw, boilerplate=(),
        input_format=input_format, encoding=encoding, content_hash="", status="rejected", error=reason,
    )


def _reject(data: bytes, ctx: _Ctx, error: str, raw: str = "") -> SourceDoc:
    return rejected_doc(uri=ctx.uri, data=data, reason=error, input_format=ctx.fmt, encoding=ctx.encoding,
                        raw=raw[:ctx.limits.raw_keep_chars])
