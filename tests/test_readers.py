"""read_source on good input: formats, metadata, ids, dates, HTML and feed extraction."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newslake.transforms.ids import content_hash, stable_id
from newslake.transforms.ingest.readers import (
    FORMAT_BY_SUFFIX, READER_VERSION, SUPPORTED_SUFFIXES, Limits, SourceDoc, read_source,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d01fc4332329b7d6.txt"
GOLD = ROOT / "tests" / "gold" / "seed.gold.json"
INPUTS = ROOT / "tests" / "fixtures" / "inputs"
UTC = timezone.utc

BODY = ("The river burst its banks on Monday, flooding dozens of homes near the old mill.\n\n"
        "Emergency crews worked through the night to move families to the school gym.")
TEXT = f"Floods Hit Coastal Towns\n\n{BODY}"


def one(data: bytes | str, uri: str, **kw: object) -> SourceDoc:
    docs = read_source(data.encode("utf-8") if isinstance(data, str) else data, uri=uri, **kw)
    assert len(docs) == 1
    return docs[0]


def test_api_shape() -> None:
    assert READER_VERSION == "newslake.readers.v2"
    assert [f.name for f in fields(SourceDoc)] == [
        "doc_id", "uri", "source", "url", "external_id", "title", "subtitle", "section", "author",
        "published_at", "published_at_from", "language", "text", "raw", "boilerplate",
        "input_format", "encoding", "content_hash", "status", "error", "fetched_at", "http_status"]
    assert SUPPORTED_SUFFIXES == {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml",
                                  ".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom"}
    with pytest.raises(Exception):
        one(TEXT, "a.txt").text = "x"  # type: ignore[misc]  # frozen


@pytest.mark.parametrize("suffix", sorted(FORMAT_BY_SUFFIX))
def test_format_is_guessed_from_suffix(suffix: str) -> None:
    docs = read_source(b"\x00", uri=f"dir/File{suffix.upper()}")  # binary: rejected, but typed
    assert docs[0].input_format == FORMAT_BY_SUFFIX[suffix]


def test_seed_text_document() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["document"]
    doc = one(SEED.read_bytes(), str(SEED))
    assert doc.status == "ok" and doc.error is None
    assert (doc.section, doc.title, doc.subtitle) == (gold["section"], gold["title"], gold["subtitle"])
    assert set(gold["boilerplate"]) <= set(doc.boilerplate)
    assert doc.language == "en" and doc.encoding == "utf-8" and doc.input_format == "text"
    assert doc.published_at is None and doc.published_at_from is None
    assert doc.content_hash == content_hash(doc.title + "\n\n" + doc.text)
    assert doc.doc_id == stable_id("doc", doc.content_hash)
    assert doc.raw == SEED.read_text(encoding="utf-8")


def test_doc_id_is_stable_and_content_based() -> None:
    a, b = one(SEED.read_bytes(), "x/seed.txt"), one(SEED.read_bytes(), "elsewhere/copy.txt")
    assert a.doc_id == b.doc_id == one(SEED.read_bytes(), "x/seed.txt").doc_id
    changed = one(SEED.read_bytes().replace(b"Dushanbe", b"Khujand"), "x/seed.txt")
    assert changed.doc_id != a.doc_id


@pytest.mark.parametrize("mangle", [
    lambda s: s.replace("\n", "\r\n"),
    lambda s: s.replace("\n", "  \n"),
    lambda s: s.replace("\n\n", "\n\n\n\n"),
    lambda s: "\n\n" + s + "\n\n\n",
    lambda s: s.replace(" ", "  ").replace(" in ", "\u00a0in\t"),
    lambda s: "\ufeff" + s,
])
def test_whitespace_differences_do_not_change_doc_id(mangle) -> None:  # type: ignore[no-untyped-def]
    seed = SEED.read_text(encoding="utf-8")
    assert one(mangle(seed), "a.txt").doc_id == one(seed, "a.txt").doc_id


def test_same_content_as_txt_and_json_has_same_doc_id() -> None:
    seed = SEED.read_text(encoding="utf-8")
    txt = one(seed, "a.txt")
    as_json = one(json.dumps({"text": seed, "source": "The Diplomat"}), "a.json")
    with_title = one(json.dumps({"title": txt.title, "text": seed}), "b.json")
    assert txt.doc_id == as_json.doc_id == with_title.doc_id
    assert as_json.source == "The Diplomat" and as_json.input_format == "json"


def test_json_list_and_record_fields() -> None:
    records = [
        {"id": 7, "title": "Bridge Reopens", "text": BODY, "url": "https://x.example/a",
         "source": "Valley Courier", "author": "Tom Hale", "published_at": "2023-06-05T14:30:00+02:00"},
        {"text": BODY + " More.", "subtitle": "Given standfirst.", "section": "Local"},
    ]
    a, b = read_source(json.dumps(records).encode(), uri="in/recs.json")
    assert (a.uri, b.uri) == ("in/recs.json#0", "in/recs.json#1")
    assert (a.external_id, a.title, a.url, a.source, a.author) == (
        "7", "Bridge Reopens", "https://x.example/a", "Valley Courier", "Tom Hale")
    assert a.published_at == datetime(2023, 6, 5, 12, 30, tzinfo=UTC) and a.published_at_from == "metadata"
    assert a.text == BODY
    assert (b.subtitle, b.section, b.title) == ("Given standfirst.", "Local", None)
    assert json.loads(a.raw)["id"] == 7


def test_record_field_aliases() -> None:
    doc = one(json.dumps({"headline": "Bridge Reopens", "text": BODY, "link": "https://x.example/b",
                          "published_at_raw": "26-FEB-1987 15:01:01.79"}), "a.json")
    assert (doc.title, doc.url) == ("Bridge Reopens", "https://x.example/b")
    assert doc.published_at == datetime(1987, 2, 26, 15, 1, 1, 790000, tzinfo=UTC)


def test_jsonl_uris_are_line_numbers_and_blank_lines_are_skipped() -> None:
    data = "\n".join([json.dumps({"text": BODY}), "", json.dumps({"text": BODY + " Again."})])
    docs = read_source(data.encode(), uri="f.ndjson")
    assert [d.uri for d in docs] == ["f.ndjson#L1", "f.ndjson#L3"]
    assert all(d.status == "ok" and d.input_format == "jsonl" for d in docs)


def test_defaults_fill_missing_metadata_only() -> None:
    data = "\n".join([json.dumps({"text": BODY}), json.dumps({"text": BODY, "source": "Own"})])
    a, b = read_source(data.encode(), uri="f.jsonl", defaults={"source": "Wire", "author": "Desk"})
    assert (a.source, a.author, b.source) == ("Wire", "Desk", "Own")


def test_explicit_language_is_trusted_over_detection() -> None:
    french = ("Le conseil municipal a voté mardi soir un nouveau budget pour la rénovation des écoles "
              "de la ville, après un long débat entre la majorité et l'opposition.")
    assert one(json.dumps({"text": french}), "a.json").status == "rejected"
    trusted = one(json.dumps({"text": french, "language": "en-GB"}), "a.json")
    assert trusted.status == "ok" and trusted.language == "en"
    refused = one(json.dumps({"text": BODY, "language": "de"}), "a.json")
    assert refused.error == "language 'de' is not supported (newslake reads: en)"
    assert one(french, "a.txt", limits=Limits(languages=("en", "fr"))).language == "fr"


def test_published_at_from_text_and_metadata_priority() -> None:
    text = f"Floods Hit Coast\n\nPublished on 3 June 2015, 10:02 GMT\n\n{BODY}"
    doc = one(text, "a.txt")
    assert doc.published_at == datetime(2015, 6, 3, 10, 2, tzinfo=UTC)
    assert doc.published_at_from == "text" and doc.text == BODY
    meta = one(json.dumps({"text": text, "published_at": "2016-01-02"}), "a.json")
    assert meta.published_at == datetime(2016, 1, 2, tzinfo=UTC) and meta.published_at_from == "metadata"


def test_markdown_document() -> None:
    md = ("# Floods Hit *Coastal* Towns\n\nBy Ann Lee\n\nThe river **burst** its banks on Monday, "
          "see [the map](https://x.example/map).\n\n![flood](f.jpg)\n\nCrews worked _all night_.")
    doc = one(md, "story.md")
    assert (doc.title, doc.author, doc.input_format) == ("Floods Hit Coastal Towns", "Ann Lee", "markdown")
    assert doc.text == "The river burst its banks on Monday, see the map.\n\nCrews worked all night."


def test_html_article_page() -> None:
    doc = one((INPUTS / "article.html").read_bytes(), "pages/ferry.html")
    assert doc.status == "ok" and doc.input_format == "html"
    assert doc.title == "Harbour Authority Approves New Ferry Terminal"
    assert doc.author == "Maria Okafor" and doc.source == "The Coastal Ledger"
    assert doc.url == "https://coastal-ledger.example/news/2023/04/ferry-terminal"
    assert doc.section == "Local News"
    assert doc.published_at == datetime(2023, 4, 12, 8, 30, tzinfo=UTC)
    assert doc.published_at_from == "metadata"
    assert doc.text.startswith("The harbour authority on Tuesday approved plans")
    assert doc.text.endswith("Construction is due to begin next spring.")
    assert doc.text.count("\n\n") == 4  # five paragraphs
    for junk in ("Home", "Sport", "Subscribe today", "Most read", "parking charges", "Privacy policy",
                 "All rights reserved", "dataLayer", "Advertisement", doc.title):
        assert junk not in doc.text
    assert doc.raw.startswith("<!DOCTYPE html>")


def test_html_inside_a_json_record_uses_the_html_path() -> None:
    html = (INPUTS / "article.html").read_text(encoding="utf-8")
    doc = one(json.dumps({"html": html, "id": "p-1", "title": "Given Title"}), "a.json")
    assert doc.status == "ok" and doc.title == "Given Title" and doc.external_id == "p-1"
    assert doc.author == "Maria Okafor" and doc.text.startswith("The harbour authority")
    assert doc.input_format == "json"


def test_rss_feed_entries() -> None:
    a, b = read_source((INPUTS / "feed.rss").read_bytes(), uri="feeds/valley.rss")
    assert (a.uri, b.uri) == ("feeds/valley.rss#0", "feeds/valley.rss#1")
    assert {a.source, b.source} == {"Valley Courier"} and {a.input_format, b.input_format} == {"feed"}
    assert (a.title, a.url, a.external_id, a.author) == (
        "Bridge Reopens After Repairs", "https://valley-courier.example/news/bridge-reopens",
        "vc-1001", "Tom Hale")
    assert a.published_at == datetime(2023, 6, 5, 12, 30, tzinfo=UTC)
    assert a.text == ("The old river bridge reopened to traffic on Monday after eight months of repairs."
                      "\n\nEngineers replaced the steel supports and resurfaced the road.\n"
                      "The work cost 3 million euros.")
    assert "track()" not in a.raw and "<p>" in a.raw  # feedparser sanitises the HTML
    assert b.text.startswith("The town library will stay open") and b.author is None


def test_atom_feed() -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Wire</title>
<entry><title>Ferry Strike Ends</title><link href="https://w.example/strike"/><id>urn:w:1</id>
<updated>2024-02-01T09:00:00Z</updated><author><name>Lin Park</name></author>
<content type="html">&lt;p&gt;Ferry crews returned to work on Thursday after a two-day strike over pay.&lt;/p&gt;</content>
</entry></feed>"""
    doc = one(atom, "w.atom")
    assert (doc.source, doc.title, doc.url, doc.external_id, doc.author) == (
        "Harbour Wire", "Ferry Strike Ends", "https://w.example/strike", "urn:w:1", "Lin Park")
    assert doc.text == "Ferry crews returned to work on Thursday after a two-day strike over pay."
    assert doc.published_at == datetime(2024, 2, 1, 9, tzinfo=UTC)


def test_raw_is_capped() -> None:
    doc = one(SEED.read_bytes(), "a.txt", limits=Limits(raw_keep_chars=100))
    assert doc.status == "ok" and len(doc.raw) == 100 and len(doc.text) > 100


def test_short_text_is_not_language_checked() -> None:
    doc = one("Guten Tag, Welt.", "a.txt")
    assert doc.status == "ok" and doc.language is None
