"""Structure-aware fuzzing of every reader: text, Markdown, HTML, JSON, JSONL, feeds and dates.

Generic bytes are fuzzed in test_bad_input.py; here hypothesis builds inputs that look like each
format (nested tags, nested quotes, deep brackets, long tokens, repeated punctuation, mixed
encodings, hostile feed constructs) so that the parsers' deeper paths run. Every input must end as
documents or recorded rejections, never an exception. bench/fuzz_readers.py runs the same targets
under atheris (coverage-guided) when it is installed.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings, strategies as st

from newslake.transforms.ingest.dates import find_text_date, parse_date
from newslake.transforms.ingest.readers import SourceDoc, read_source

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(["said", "the", "minister", "Québec", "“", "”", '"', "'", "(", ")", "[", "]",
                         "...", "!!!", "???", "---", "&amp;", "&#0;", "&#xD800;", "\u202e", "\u200b",
                         "2015", "June 3, 2015", "Published", "LONDON (Reuters) -", "x" * 300,
                         "\t", "\n", "\n\n", "é", "€", "\ufffd", "<", ">", "{", "}", "\\"])
PROSE = st.lists(WORDS, max_size=120).map(" ".join)


def assert_valid(docs: list[SourceDoc]) -> None:
    assert docs
    for doc in docs:
        assert doc.status in {"ok", "rejected"}
        assert (doc.status == "ok") == (doc.error is None)
        if doc.status == "ok":
            assert doc.text.strip() and doc.doc_id.startswith("doc_")
        else:
            assert doc.text == "" and doc.error and "\n" not in doc.error
        doc.text.encode("utf-8")  # storable: no lone surrogates
        assert doc.published_at is None or doc.published_at.tzinfo is not None


def nested(depth: int, open_: str, close: str, inner: str) -> str:
    return open_ * depth + inner + close * depth


@FUZZ
@given(PROSE, st.integers(0, 200), st.sampled_from([("“", "”"), ('"', '"'), ("(", ")"), ("[", "]"), ("'", "'")]))
def test_text(prose: str, depth: int, pair: tuple[str, str]) -> None:
    text = f"Headline\n\n{prose} " + nested(depth, f"{pair[0]}he said ", pair[1], prose) + "."
    assert_valid(read_source(text.encode(), uri="a.txt"))


MD_BITS = st.sampled_from(["# ", "## ", "> ", "- ", "* ", "1. ", "```", "`", "**", "__", "*", "_", "[", "]",
                           "(", ")", "![", "](", "[x][y]", "[ref]: http://x ", "---", "\n", " ", "word",
                           "said", "<b>", "&nbsp;", "|", "~~", "\\"])


@FUZZ
@given(st.lists(MD_BITS, max_size=300).map("".join), PROSE)
def test_markdown(md: str, prose: str) -> None:
    assert_valid(read_source(f"{md}\n\n{prose}\n{md}".encode(), uri="a.md"))


TAGS = st.sampled_from(["p", "div", "article", "script", "style", "a", "b", "i", "table", "tr", "td", "ul",
                        "li", "h1", "title", "meta", "br", "img", "svg", "iframe", "noscript", "template",
                        "x-custom", "time", "blockquote", "pre", "!--", "![CDATA["])
ATTRS = st.sampled_from(['', ' class="a"', ' href="javascript:alert(1)"', ' onload="x()"', " charset=utf-7",
                         ' content="2015-06-03"', " datetime='2015-06-03T10:00'", ' property="og:title"', ' a=', ' "'])


@st.composite
def html_trees(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 6 else 0))):
        tag, attr = draw(TAGS), draw(ATTRS)
        inner = draw(html_trees(depth + 1)) if draw(st.booleans()) else draw(PROSE)
        close = f"</{tag}>" if draw(st.booleans()) else ""  # unclosed tags too
        parts.append(f"<{tag}{attr}>{inner}{close}")
    return draw(PROSE) + "".join(parts)


@FUZZ
@given(html_trees(), st.integers(0, 300))
def test_html(body: str, deep: int) -> None:
    html = f"<html><head><title>T</title></head><body>{'<div>' * deep}{body}{'</div>' * deep}</body></html>"
    assert_valid(read_source(html.encode(), uri="a.html"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | PROSE,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "html", "title", "headline", "id", "published_at", "date", "source", "url", "language", "x"]),
        inner, max_size=6),
    max_leaves=20)
RECORDS = st.fixed_dictionaries({"text": PROSE}, optional={
    "title": JSON_VALUES, "id": JSON_VALUES, "published_at": JSON_VALUES, "language": JSON_VALUES,
    "html": JSON_VALUES, "source": JSON_VALUES, "url": JSON_VALUES, "author": JSON_VALUES})


@FUZZ
@given(st.one_of(JSON_VALUES, RECORDS, st.lists(RECORDS, max_size=5)))
def test_json(value: object) -> None:
    assert_valid(read_source(json.dumps(value).encode(), uri="a.json"))


LINES = st.one_of(
    RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8")),
    RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False).encode("cp1252", "replace")),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b"")),
    st.just(b""), st.just(b"\x00"), st.just(b'{"text": "unterminated'),
)


@FUZZ
@given(st.lists(LINES, min_size=1, max_size=12), st.sampled_from([b"\n", b"\r\n"]))
def test_jsonl(lines: list[bytes], eol: bytes) -> None:
    docs = read_source(eol.join(lines), uri="a.jsonl")
    assert_valid(docs)
    numbered = [n for n, line in enumerate(lines, start=1) if line.strip()]
    if numbered:  # one row per non-blank line, named by its line number
        assert [d.uri for d in docs] == [f"a.jsonl#L{n}" for n in numbered]


ENTRY = st.tuples(PROSE, PROSE, st.sampled_from(["Wed, 03 Jun 2015 10:00:00 GMT", "2015-06-03T10:00:00Z", "not a date",
                                                 "", "99999-99-99", "&lt;b&gt;"]), st.booleans())
FEED_EXTRAS = st.sampled_from(["", '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
                               '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "<?xml-stylesheet href='x'?>"])


def _xml(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;")


@FUZZ
@given(st.lists(ENTRY, max_size=5), FEED_EXTRAS, st.booleans())
def test_feeds(entries: list[tuple[str, str, str, bool]], extra: str, atom: bool) -> None:
    if atom:
        items = "".join(f"<entry><title>{_xml(t)}</title><updated>{d}</updated><content type='html'>"
                        f"{_xml(b) if esc else '<![CDATA[' + b + ']]>'}</content></entry>" for t, b, d, esc in entries)
        xml = f'<?xml version="1.0"?>{extra}<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{items}</feed>'
    else:
        items = "".join(f"<item><title>{_xml(t)}</title><pubDate>{d}</pubDate><description>"
                        f"{_xml(b) if esc else b}</description></item>" for t, b, d, esc in entries)
        xml = f'<?xml version="1.0"?>{extra}<rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    docs = read_source(xml.encode("utf-8", "surrogatepass"), uri="a.rss")
    assert_valid(docs)
    for doc in docs:
        assert "root:" not in doc.text and "aaaaaaaaaa" * 4 not in doc.text  # no XXE, no entity expansion


DATE_STRINGS = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(["June", "3", "2015", "10:00", "GMT", "+05:30", "-", "/", ",", "Mon", "T", "Z", "yesterday",
                              "0000", "9999", "31", "13", "25:61", "BC", "\u0661\u0669"]), max_size=10).map(" ".join),
)


@FUZZ
@given(st.one_of(DATE_STRINGS, st.integers(), st.floats(), st.none(), st.booleans(),
                 st.datetimes(timezones=st.none() | st.just(timezone.utc)), st.lists(st.integers(), max_size=3)))
def test_parse_date(value: object) -> None:
    out = parse_date(value)
    assert out is None or (isinstance(out, datetime) and out.utcoffset().total_seconds() == 0)


@FUZZ
@given(st.lists(st.one_of(DATE_STRINGS, st.sampled_from(["Published ", "LONDON, ", " (Reuters) - ", "\n"])),
                max_size=20).map("".join))
def test_find_text_date(text: str) -> None:
    found = find_text_date(text)
    assert found is None or (found[0].tzinfo is not None and found[1] in text)
