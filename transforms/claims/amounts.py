"""Amounts: numbers with their unit and what they count ("2,000 Tajiks", "$5", "about 40%").

Candidates are CARDINAL/MONEY/PERCENT/QUANTITY entities and number-like tokens outside any
entity (dates, times and ordinals are not amounts). The value is parsed from digits or from
number words by a small table; a currency sign or a unit word gives the unit; the noun the
number modifies is what is counted, and the amount's span runs to it. Approximators in front
("about", "more than", "nearly") are left out of the span and set ``approximate``.

>>> parse_number("two dozen"), parse_number("1.5 million"), parse_number("2,000")
(24.0, 1500000.0, 2000.0)
>>> parse_number("twenty-five thousand"), parse_number("hundreds") is None
(25000.0, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Token

from newslake.transforms.ids import stable_id

AMOUNTS_VERSION = "newslake.amounts.v1"
AMOUNT_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")

_ONES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_ONES.update({"a": 1, "an": 1, "half": 0.5})
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_MULTIPLIERS = {"hundred": 100, "dozen": 12, "score": 20}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "bn": 1e9, "mn": 1e6}
# "hundreds of people", "dozens of fighters": a rough size, always approximate
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6,
          "billions": 2e9, "tens": 20}
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")

CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                  "₽": "RUB"}
# unit words (lower-cased lemma) -> unit. "40 kilometers" -> km, "5 dollars" -> USD
UNIT_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "rupee": "INR",
    "ruble": "RUB", "rouble": "RUB", "yuan": "CNY", "somoni": "TJS", "percent": "%",
    "%": "%", "pct": "%", "percentage": "%", "km": "km", "kilometer": "km", "kilometre": "km",
    "mile": "mi", "meter": "m", "metre": "m", "foot": "ft", "kg": "kg", "kilogram": "kg",
    "ton": "t", "tonne": "t", "liter": "l", "litre": "l", "barrel": "bbl", "acre": "acre",
    "hectare": "ha", "hour": "h", "minute": "min", "day": "day", "week": "week",
    "month": "month", "year": "year", "gallon": "gal",
}
# words before a number that make it approximate. "about 2,000", "more than 40"
APPROXIMATORS = frozenset(
    {"about", "around", "some", "nearly", "almost", "roughly", "approximately", "over",
     "more", "less", "fewer", "than", "up", "to", "at", "least", "most", "estimated", "an",
     "circa", "c.", "~", "under", "upwards", "of", "close"})
EXACT = frozenset({"just", "only", "exactly", "precisely"})  # left out of the span, not approximate
_APPROX_STARTERS = APPROXIMATORS - {"to", "of", "an", "than", "least", "most"}


@dataclass(frozen=True)
class Amount:
    """A number in the text; ``text == doc.text[start_char:end_char]``."""

    amount_id: str
    doc_id: str
    claim_id: str | None
    text: str
    value: float
    unit: str | None  # "USD", "%", "km", ...; None for counts
    counted: str | None  # lemma of what is counted: "Tajik", "people"
    approximate: bool
    start_char: int
    end_char: int
    extractor_version: str


def parse_number(words: str) -> float | None:
    """The value of a number written in digits and/or words, None if there is none.

    >>> parse_number("3.5bn"), parse_number("a hundred"), parse_number("five")
    (3500000000.0, 100.0, 5.0)
    """
    total = current = 0.0
    seen = False
    for raw in re.split(r"[\s-]+", words.lower().strip()):
        m = _NUM.fullmatch(raw.rstrip("%")) or _NUM.match(raw)
        rest = raw[m.end():] if m else raw
        if m:
            current += float(m.group().replace(",", ""))
            seen = True
            if rest in _SCALES:
                total, current = total + current * _SCALES[rest], 0.0
            continue
        if raw in _ONES:
            current += _ONES[raw]
            seen = seen or raw not in ("a", "an")
        elif raw in _TENS:
            current, seen = current + _TENS[raw], True
        elif raw in _MULTIPLIERS:
            current, seen = (current or 1) * _MULTIPLIERS[raw], True
        elif raw in _SCALES and len(raw) > 2:
            total, current, seen = total + (current or 1) * _SCALES[raw], 0.0, True
    return total + current if seen else None


def _counted(last: Token) -> Token | None:
    """The noun a number modifies: "2,000 Tajiks" -> Tajiks; "40 percent of voters" -> voters."""
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound") and head.i > last.i and head.pos_ in (
            "NOUN", "PROPN"):
        if head.lemma_.lower() in UNIT_WORDS:
            of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            return obj
        return head
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS" and last.head == nxt:
        return nxt
    return None


def _lemma(tok: Token) -> str:
    lem = tok.lemma_ or tok.text
    if tok.text[:1].isupper() and tok.text.lower().startswith(lem.lower()):
        lem = tok.text[: len(lem)]  # keep a name's case: "Tajiks" -> "Tajik"
    if tok.tag_ == "NNPS" and lem == tok.text and lem.endswith("s"):
        lem = lem[:-1]
    return lem


def _unit(doc: Doc, start: int, end: int) -> str | None:
    toks = list(doc[max(start - 1, 0) : min(end + 1, len(doc))])
    for t in toks:
        if t.lower_ in CURRENCY_SIGNS:
            return CURRENCY_SIGNS[t.lower_]
    for t in doc[start : min(end + 1, len(doc))]:
        unit = UNIT_WORDS.get(t.lemma_.lower()) or UNIT_WORDS.get(t.lower_)
        if unit and not t.like_num:
            return unit
    return None


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    spans = [(e.start, e.end) for e in doc.ents if e.label_ in AMOUNT_LABELS]
    run: list[int] = []  # runs of number words outside entities: "two dozen"
    for t in [*doc, None]:
        word = t is not None and not t.ent_type_ and t.pos_ == "NUM" and (
            t.like_num or t.lower_ in _MULTIPLIERS or t.lower_ in _SCALES)
        if word and t is not None:
            run.append(t.i)
        elif run:
            spans.append((run[0], run[-1] + 1))
            run = []
    return sorted(spans)


def extract_amounts(
    doc: Doc, *, doc_id: str, claims: Sequence = (), extractor_version: str = AMOUNTS_VERSION,
) -> list[Amount]:
    """All amounts of ``doc`` in text order; ``claim_id`` is the innermost claim holding it."""
    out: list[Amount] = []
    for start, end in _candidates(doc):
        approximate = False
        while start < end - 1 and doc[start].lower_ in APPROXIMATORS | EXACT:
            approximate, start = approximate or doc[start].lower_ in APPROXIMATORS, start + 1
        if start > 0 and doc[start - 1].lower_ in _APPROX_STARTERS:
            approximate = True
        while end > start + 1 and doc[end - 1].is_punct:
            end -= 1
        words = " ".join(t.text for t in doc[start:end] if not t.is_currency and t.text != "%")
        value = parse_number(words)
        vague = next((t for t in doc[start:end] if t.lower_ in _VAGUE), None)
        if value is None and vague is not None:
            value, approximate = float(_VAGUE[vague.lower_]), True
        if value is None or (words.lower() == "one" and doc[start].dep_ != "nummod"):
            continue  # "one of them" is no amount
        unit = _unit(doc, start, end)
        counted = _counted(doc[start:end].root)
        if counted is not None and unit is None and counted.i - end < 3 and counted.i >= end:
            end = counted.i + 1
        span = doc[start:end]
        s, e = span.start_char, span.end_char
        holders = [c for c in claims if c.start_char <= s and e <= c.end_char]
        holder = min(holders, key=lambda c: c.end_char - c.start_char) if holders else None
        out.append(Amount(
            amount_id=stable_id("amt", doc_id, s, e), doc_id=doc_id,
            claim_id=holder.claim_id if holder is not None else None, text=span.text,
            value=value, unit=unit, counted=_lemma(counted) if counted is not None else None,
            approximate=approximate, start_char=s, end_char=e,
            extractor_version=extractor_version))
    return out
