"""No input can stall a run: linear-time nesting and Markdown, and a per-document time budget.

Property tests only assert that nothing crashes and that results equal the straightforward
definition; how long things take is measured in bench/hostile.py, not asserted here.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newslake.transforms.claims.extract import Claim, _parent, _parents, with_chains
from newslake.transforms.ingest.normalize import strip_markdown


def claim(i: int, cue: int, start: int, end: int) -> Claim:
    return Claim(claim_id=f"c{i}", doc_id="d", speaker_text=None, speaker_start=None, speaker_end=None,
                 speaker_entity_id=None, speaker_kind="unattributed", cue="said", cue_start=cue,
                 cue_end=cue + 4, content="", start_char=start, end_char=end, is_quote=False,
                 certainty="reported", hedges=(), sentence_start=0, sentence_end=end,
                 extractor_version="t")


claims_st = st.lists(
    st.tuples(st.integers(0, 300), st.integers(0, 300), st.integers(1, 300)), min_size=0, max_size=40,
).map(lambda xs: sorted({c: claim(i, c, s, s + n) for i, (c, s, n) in enumerate(xs)}.values(),
                        key=lambda c: (c.cue_start, c.start_char, c.end_char)))


@given(claims_st)
@settings(max_examples=300, deadline=None)
def test_parents_equal_the_all_pairs_definition(claims: list[Claim]) -> None:
    fast = _parents(claims, None)
    for c in claims:
        slow = _parent(c, claims)
        assert (fast[c.claim_id].claim_id if fast[c.claim_id] else None) == (slow.claim_id if slow else None)


def test_deep_nesting_chains_are_capped_not_recursed() -> None:
    n = 3000  # "A said that B said that ..." 3000 levels deep
    claims = [claim(i, cue=10 * i, start=10 * i + 5, end=20 * n - i) for i in range(n)]
    out = with_chains(claims, {c.claim_id: f"S{i}" for i, c in enumerate(claims)})
    assert out[1].parent_claim_id == "c0"
    assert out[-1].parent_claim_id == f"c{n - 2}"
    assert max(len(c.source_chain) for c in out) <= 11


MARKDOWN_BITS = ["[", "]", "(", ")", "!", "*", "**", "_", "__", "`", "#", "# ", "> ", "- ", "\n",
                 " ", "a", "word", "[x](y)", "](", "said", "“", "”", '"']


@given(st.lists(st.sampled_from(MARKDOWN_BITS), max_size=400).map("".join))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_strip_markdown_never_crashes_and_only_removes(text: str) -> None:
    out = strip_markdown(text)
    assert isinstance(out, str) and len(out) <= len(text)


@pytest.mark.parametrize("text, expected", [
    ("## Heading ##", "Heading"), ("# C#", "C#"), ("# Title #", "Title"),
    ("a [link](http://x.org/a_b) b", "a link b"), ("![img](p.png)x", "x"),
    ("**bold** and *em* and _em_ and __strong__", "bold and em and em and strong"),
    ("[text][ref]", "text"), ("`code`", "code"),
])
def test_strip_markdown_still_strips(text: str, expected: str) -> None:
    assert strip_markdown(text) == expected


def test_a_document_over_its_time_budget_is_rejected_not_stalled(monkeypatch) -> None:
    import spacy

    import newslake.transforms.extract as extract
    from newslake.transforms.ingest.readers import read_source

    real = extract.extract_doc

    def slow_for_one(doc, src, *, version):  # type: ignore[no-untyped-def]
        if "stall" in src.text:
            while True:  # a pathological extractor: never returns on its own
                time.sleep(0.001)
        return real(doc, src, version=version)

    monkeypatch.setattr(extract, "extract_doc", slow_for_one)
    monkeypatch.setattr(extract, "extract_entities", lambda doc, **kw: type("E", (), {"mentions": [], "entities": []})())
    for name in ("extract_roles", "extract_claims", "extract_claim_entities", "extract_amounts", "extract_events"):
        monkeypatch.setattr(extract, name, lambda *a, **kw: [])
    docs = [d for t in (b"Rain fell on Monday.", b"This one will stall the run.", b"Sun on Tuesday.")
            for d in read_source(t, uri="x.txt")]
    out = extract.extract_batch(docs, spacy.blank("en"), version="v", time_budget_s=0.3)
    status = {d.text: (d.status, d.error) for d in out.documents}
    assert status["Rain fell on Monday."] == ("ok", None)
    assert status["Sun on Tuesday."] == ("ok", None)
    assert status["This one will stall the run."] == (
        "rejected", "extraction stopped: over the time budget of 0.3 s per document")
