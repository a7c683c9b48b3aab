"""Bytes to text: BOMs, UTF-8, a declared charset, then single-byte fallbacks; binary is refused.

>>> decode_bytes("café".encode("cp1252"))
Decoded(text='café', encoding='cp1252', error=None)
>>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00").error
'binary file (NUL bytes)'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

from charset_normalizer import from_bytes

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same start
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

NON_LATIN_ENCODINGS: frozenset[str] = frozenset({
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp866", "cp855",
    "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5", "big5hkscs",
    "euc_kr", "cp949", "johab", "iso8859_7", "cp1253", "iso8859_8", "cp1255", "iso8859_6",
    "cp1256", "tis_620", "cp874", "cp1258",
})
"""charset-normalizer's guess is trusted only for these; for short Western text it is unreliable
(it reads "café" in cp1252 as cp1006), so everything else falls back to cp1252, then latin-1."""

MAX_CONTROL_RATIO = 0.05  # decoded text with more control/replacement characters is binary
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_SNIFF_BYTES = 65_536


class Decoded(NamedTuple):
    """The decoded text and the codec used, or an ``error`` ("binary file ...")."""

    text: str
    encoding: str | None
    error: str | None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``: BOM, UTF-8, declared charset, charset-normalizer (non-Latin), cp1252, latin-1.

    >>> decode_bytes("\\ufeffHi".encode("utf-8"))
    Decoded(text='Hi', encoding='utf-8-sig', error=None)
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), codec)
            except UnicodeDecodeError:
                return Decoded("", codec, f"invalid {codec} text after a byte order mark")
    if b"\x00" in data:
        return Decoded("", None, "binary file (NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return _checked(mostly_utf8, "utf-8 (invalid bytes replaced)")
    for codec in _candidates(data):
        try:
            return _checked(data.decode(codec), codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return _checked(data.decode("latin-1"), "latin-1")  # cannot fail


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (more valid multi-byte characters than invalid bytes).

    Reading such a file as cp1252 would garble every correct character ("â€™"), so the stray
    bytes become U+FFFD instead. Returns None when the bytes do not look like UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid_multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return text if valid_multibyte > invalid else None


def _candidates(data: bytes) -> list[str]:
    """Codecs worth trying for non-UTF-8 bytes, best first."""
    out: list[str] = []
    declared = _DECLARED.search(data[:4096])
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            name = ""
        if name and not name.startswith("utf"):
            out.append(name)
    best = from_bytes(data[:_SNIFF_BYTES]).best()
    if best is not None and best.encoding in NON_LATIN_ENCODINGS:
        out.append(best.encoding)
    out += ["cp1252", "latin-1"]
    return out


def _checked(text: str, encoding: str) -> Decoded:
    """Refuse text that is mostly control or replacement characters (binary read as text)."""
    sample = text[:_SNIFF_BYTES]
    bad = sum(1 for ch in sample if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x0c"))
    if sample and bad / len(sample) > MAX_CONTROL_RATIO:
        return Decoded("", encoding, "binary file (mostly non-text bytes)")
    return Decoded(text, encoding, None)
