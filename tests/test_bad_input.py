"""Bad input never raises: it becomes a rejected row with one clear line, or a clean document."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newslake.transforms.ids import stable_id
from newslake.transforms.ingest.readers import FORMATS, Limits, SourceDoc, read_source

ENGLISH = ("The harbour authority on Tuesday approved plans for a new ferry terminal on the north "
           "quay, ending a dispute that has divided the town for more than three years.")
GERMAN = ("Der Stadtrat hat am Dienstagabend nach einer langen Debatte einen neuen Haushalt "
          "beschlossen. Damit sollen vor allem die Schulen und die Radwege in der Innenstadt "
          "saniert werden, sagte die Bürgermeisterin nach der Sitzung.")
FRENCH = ("Le conseil municipal a adopté mardi soir un nouveau budget après un long débat. "
          "Les écoles et les pistes cyclables du centre-ville seront rénovées en priorité, a "
          "déclaré la maire à la sortie de la séance.")


def rejected(docs: list[SourceDoc]) -> SourceDoc:
    assert len(docs) == 1
    doc = docs[0]
    assert doc.status == "rejected" and doc.text == "" and doc.content_hash == ""
    assert doc.doc_id.startswith("rej_") and doc.error and "\n" not in doc.error
    return doc


def assert_valid(doc: SourceDoc) -> None:
    """Invariants every row keeps, good or bad."""
    assert doc.status in {"ok", "rejected"}
    assert (doc.status == "ok") == (doc.error is None)
    if doc.status == "ok":
        assert doc.text and doc.doc_id.startswith("doc_") and len(doc.content_hash) == 64
    else:
        assert doc.text == "" and doc.doc_id.startswith("rej_")
    doc.text.encode("utf-8")  # no lone surrogates: the text can be hashed and stored
    assert doc.published_at is None or doc.published_at.utcoffset().total_seconds() == 0


# --------------------------------------------------------------------------- empty, binary

@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n"])
@pytest.mark.parametrize("uri", ["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.xml"])
def test_empty_file(data: bytes, uri: str) -> None:
    assert rejected(read_source(data, uri=uri)).error == "empty file"


def test_empty_after_normalisation_is_no_text() -> None:
    assert rejected(read_source(b"\xe2\x80\x8b\xc2\xa0\n", uri="a.txt")).error == "no text"
    assert rejected(read_source(b'{"text": "   "}', uri="a.json")).error == "no text"


@pytest.mark.parametrize("data, error", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file (NUL bytes)"),
    (b"%PDF-1.4\n" + bytes(range(256)) * 4, "binary file (NUL bytes)"),
    (bytes(range(1, 256)) * 40, "binary file (mostly non-text bytes)"),
])
@pytest.mark.parametrize("uri", ["a.txt", "a.html", "a.json"])
def test_binary_file(data: bytes, error: str, uri: str) -> None:
    doc = rejected(read_source(data, uri=uri))
    assert doc.error == error
    assert doc.doc_id == stable_id("rej", uri, hashlib.sha256(data).hexdigest())


# --------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("text, codec", [
    ("A café in Zürich served crème brûlée to the naïve visitors.", "cp1252"),
    ("“Smart quotes” and an en dash – and a euro sign: 5 €.", "cp1252"),
    ("Café crème, Zürich, São Paulo, Ærø and Ñandú.", "latin-1"),
])
def test_windows_1252_and_latin_1_text(text: str, codec: str) -> None:
    data = text.encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_source(data, uri="a.txt")[0]
    assert doc.status == "ok" and doc.text == text
    assert doc.encoding in {"cp1252", "latin-1"}


def test_short_cp1252_word() -> None:
    [doc] = read_source("café".encode("cp1252"), uri="a.txt")
    assert (doc.text, doc.encoding) == ("café", "cp1252")


def test_utf8_with_a_stray_byte_keeps_the_good_characters() -> None:
    data = "It’s a café — naïve".encode("utf-8") + b" \xff ok."
    [doc] = read_source(data, uri="a.txt")
    assert doc.text == "It’s a café — naïve \ufffd ok." and doc.encoding.startswith("utf-8")


def test_declared_charset_is_used_for_non_utf8_html() -> None:
    html = ('<html><head><meta charset="windows-1251"></head><body><article><p>'
            + "Новый мост через реку открыли в понедельник после ремонта. " * 4 + "</p></article></body></html>")
    doc = read_source(html.encode("cp1251"), uri="a.html")[0]
    assert doc.encoding == "cp1251"
    assert doc.error == "language 'ru' is not supported (newslake reads: en)"


@pytest.mark.parametrize("codec, expected", [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
                                             ("utf-16-be", "utf-16"), ("utf-32", "utf-32")])
def test_byte_order_marks(codec: str, expected: str) -> None:
    data = ENGLISH.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    [doc] = read_source(data, uri="a.txt")
    assert (doc.status, doc.text, doc.encoding) == ("ok", ENGLISH, expected)


def test_truncated_utf16_is_rejected() -> None:
    assert "utf-16" in rejected(read_source(b"\xff\xfeA\x00B", uri="a.txt")).error


# --------------------------------------------------------------------------- HTML

@pytest.mark.parametrize("html", [
    "<html><body><div><p>" + ENGLISH + "<p>" + ENGLISH.upper() + "<table><tr><td>cell",
    "<p>" + ENGLISH + "</div></span></p></html></body>",
    "<html><head><title>Only a title</title></head><body><p>" + ENGLISH + " <b>bold <i>nested</body>",
])
def test_malformed_html_still_gives_text(html: str) -> None:
    [doc] = read_source(html.encode(), uri="a.html")
    assert doc.status == "ok" and ENGLISH[:60] in doc.text


@pytest.mark.parametrize("html", [
    "<<<>>>", "<html><head><title>x</title></head><body></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav><script>var a = 1;</script></body></html>",
    "</p></div><!-- unclosed comment", "<?xml version='1.0'?><svg/>",
])
def test_html_without_main_text_is_rejected(html: str) -> None:
    assert rejected(read_source(html.encode(), uri="a.html")).error == "no main text found in HTML"


# --------------------------------------------------------------------------- JSON

def test_malformed_json_file() -> None:
    data = b'[\n  {"text": "one"},\n  {"text": "two"}\n  {"text": "three"}\n]'
    doc = rejected(read_source(data, uri="a.json"))
    assert doc.error == "malformed JSON at line 4: Expecting ',' delimiter"
    assert doc.uri == "a.json"


@pytest.mark.parametrize("data, error", [
    (b"42", "JSON must be an object or a list of objects, not int"),
    (b"[]", "JSON list has no records"),
    (b'{"title": "No body"}', "record has neither 'text' nor 'html'"),
    (b'{"text": 5}', "record field 'text' is not a string"),
    (b'{"html": ["<p>x</p>"]}', "record field 'html' is not a string"),
    (b"[" * 100_000, "malformed JSON: nested too deeply"),
])
def test_bad_json_structure(data: bytes, error: str) -> None:
    assert rejected(read_source(data, uri="a.json")).error == error


def test_bad_jsonl_line_among_good_ones() -> None:
    lines = [json.dumps({"text": ENGLISH}), '{"text": "cut off', "", json.dumps({"title": "x"}),
             "[1, 2]", json.dumps({"text": ENGLISH + " Again."})]
    docs = read_source("\n".join(lines).encode(), uri="d/f.jsonl")
    assert [(d.uri, d.status) for d in docs] == [
        ("d/f.jsonl#L1", "ok"), ("d/f.jsonl#L2", "rejected"), ("d/f.jsonl#L4", "rejected"),
        ("d/f.jsonl#L5", "rejected"), ("d/f.jsonl#L6", "ok")]
    assert docs[1].error.startswith("malformed JSON at line 2: Unterminated string")
    assert docs[1].raw == '{"text": "cut off'
    assert docs[2].error == "record has neither 'text' nor 'html'"
    assert docs[3].error == "record is not a JSON object but list"
    assert len({d.doc_id for d in docs}) == 5


def test_json_list_item_that_is_not_an_object() -> None:
    docs = read_source(json.dumps([{"text": ENGLISH}, "just a string"]).encode(), uri="a.json")
    assert [d.status for d in docs] == ["ok", "rejected"] and docs[1].uri == "a.json#1"


# --------------------------------------------------------------------------- feeds

@pytest.mark.parametrize("data, error_start", [
    (b"this is not xml at all", "malformed feed:"),
    (b"<rss><channel><title>T</title></channel></rss>", "feed has no entries"),
])
def test_bad_feed(data: bytes, error_start: str) -> None:
    assert rejected(read_source(data, uri="a.rss")).error.startswith(error_start)


# --------------------------------------------------------------------------- size limits

def test_20_mb_document_is_rejected() -> None:
    para = "The committee met again on Thursday to discuss the budget for the coming year. " * 10
    data = ((para + "\n\n") * (21_000_000 // len(para))).encode()[: 20 * 1024 * 1024]
    doc = rejected(read_source(data, uri="big.txt"))
    assert doc.error == "document has 20,971,520 characters, above the limit of 1,000,000"
    assert len(doc.raw) == Limits().raw_keep_chars


def test_size_limit_applies_to_the_normalised_text() -> None:
    limits = Limits(max_doc_chars=1000)
    padded = (ENGLISH + "\n\n\n\n" + " " * 100) * 5  # 1,350 characters raw, 838 normalised
    fits = read_source(padded.encode(), uri="a.txt", limits=limits)[0]
    assert len(padded) > 1000 and fits.status == "ok" and len(fits.text) == 5 * len(ENGLISH) + 8
    over = rejected(read_source(((ENGLISH + "\n\n") * 7).encode(), uri="a.txt", limits=limits))
    assert over.error == f"document has {7 * len(ENGLISH) + 12:,} characters, above the limit of 1,000"


def test_file_above_max_bytes_is_not_parsed() -> None:
    doc = rejected(read_source(b"x" * 101, uri="a.json", limits=Limits(max_file_bytes=100)))
    assert doc.error == "file has 101 bytes, above the limit of 100"


def test_huge_html_is_not_parsed() -> None:
    html = "<p>" + "word " * 30_000 + "</p>"
    doc = rejected(read_source(html.encode(), uri="a.html", limits=Limits(max_doc_chars=5_000)))
    assert doc.error == f"HTML has {len(html):,} characters, above the limit of 100,000"


# --------------------------------------------------------------------------- language

@pytest.mark.parametrize("text, lang", [(GERMAN, "de"), (FRENCH, "fr")])
@pytest.mark.parametrize("uri, wrap", [("a.txt", lambda t: t), ("a.json", lambda t: json.dumps({"text": t})),
                                       ("a.html", lambda t: f"<html><body><article><p>{t}</p></article></body></html>")])
def test_non_english_document_is_rejected(text: str, lang: str, uri: str, wrap) -> None:  # type: ignore[no-untyped-def]
    doc = rejected(read_source(wrap(text).encode(), uri=uri))
    assert doc.error == f"language '{lang}' is not supported (newslake reads: en)"


def test_english_passes_the_language_check() -> None:
    [doc] = read_source(ENGLISH.encode(), uri="a.txt")
    assert doc.status == "ok" and doc.language == "en"


@pytest.mark.parametrize("text", [
    "Qtly div 12 cts vs 10 cts prior\nPay May 15\nRecord April 30",            # terse wire English
    "Net 4,120,000 vs 3,870,000\nRevs 51.2 mln vs 47.9 mln\nAvg shrs 9.8 mln vs 9.7 mln",
    "Q1 2023 | 14.2 | 15.8 | 16.1\nQ2 2023 | 13.9 | 15.0 | 17.4\nQ3 2023 | 12.5 | 14.7 | 18.0",
])
def test_terse_figures_are_not_rejected_as_foreign(text: str) -> None:
    [doc] = read_source(text.encode(), uri="a.txt")
    assert doc.status == "ok" and doc.language in {"en", None}


# --------------------------------------------------------------------------- file types

@pytest.mark.parametrize("uri, error", [
    ("report.pdf", "unsupported file type '.pdf'"), ("scan.PNG", "unsupported file type '.png'"),
    ("README", "unsupported file type (no extension)"), ("archive.tar.gz", "unsupported file type '.gz'"),
])
def test_unsupported_extension(uri: str, error: str) -> None:
    doc = rejected(read_source(ENGLISH.encode(), uri=uri))
    assert doc.error == error and doc.input_format == "unsupported"


def test_unknown_fmt_argument_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        read_source(b"x", uri="a.txt", fmt="pdf")


# --------------------------------------------------------------------------- properties

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(alphabet='<>/{}[]":,\n abcp#*_!()&;é\\u', max_size=300).map(str.encode),
), fmt=st.sampled_from(sorted(FORMATS)))
def test_read_source_never_raises(data: bytes, fmt: str) -> None:
    docs = read_source(data, uri=f"x.{fmt}", fmt=fmt)
    assert docs
    for doc in docs:
        assert_valid(doc)
    assert [d.doc_id for d in read_source(data, uri=f"x.{fmt}", fmt=fmt)] == [d.doc_id for d in docs]
