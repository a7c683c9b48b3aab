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
            while True:  # a pathological extractor: busy, never returns on its own
                pass
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


def test_the_budget_counts_the_documents_cpu_time_not_the_wall_clock() -> None:
    """Waiting (a loaded machine: no core free) costs a document nothing; working does."""
    from newslake.transforms.budget import BudgetExceeded, time_budget

    with time_budget(0.2):
        time.sleep(0.6)  # three budgets of waiting, no CPU: not stopped
    with pytest.raises(BudgetExceeded, match="over the time budget of 0.2 s"):
        with time_budget(0.2):
            while True:
                pass


def nested_said(depth: int):  # type: ignore[no-untyped-def]
    """A parsed ``Doc`` of ``Officer 0 said “Officer 1 said “… the bridge is closed”…”.`` built by
    hand (no model): each "said" is the ``ccomp`` of the one before, each quotation opens after its
    cue and all close at the end."""
    import spacy
    from spacy.tokens import Doc

    words, spaces, lemmas, pos, deps, heads = [], [], [], [], [], []

    def tok(w, lemma, p, dep, head, space=True):  # type: ignore[no-untyped-def]
        words.append(w), spaces.append(space), lemmas.append(lemma), pos.append(p), deps.append(dep), heads.append(head)

    said = [4 * i + 2 for i in range(depth)]  # token index of each level's "said"
    core = 4 * depth  # "the bridge is closed"
    for i in range(depth):
        inner = said[i + 1] if i + 1 < depth else core + 3
        tok("Officer", "officer", "NOUN", "nsubj", said[i])
        tok(str(i), str(i), "NUM", "nummod", said[i] - 2)
        tok("said", "say", "VERB", "ROOT" if i == 0 else "ccomp", said[i] if i == 0 else said[i - 1])
        tok("\u201c", '"', "PUNCT", "punct", inner, space=False)
    tok("the", "the", "DET", "det", core + 1)
    tok("bridge", "bridge", "NOUN", "nsubj", core + 3)
    tok("is", "be", "AUX", "aux", core + 3)
    tok("closed", "close", "VERB", "ccomp", said[-1], space=False)
    for k in range(depth):  # the k-th closing mark ends the quotation opened after said[depth - 1 - k]
        tok("\u201d", '"', "PUNCT", "punct", said[depth - 1 - k] + 4 if k else core + 3, space=False)
    tok(".", ".", "PUNCT", "punct", said[0], space=False)
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, deps=deps,
               heads=heads)


def test_deeply_nested_quotations_are_extracted_whole_within_the_document_budget() -> None:
    """2,000 levels of nested quotations (about 36,000 characters): every level is a claim, nested in
    the one before, its content a quotation. Extracted under the per-document time budget (the
    mechanism that rejects a stalled document); quadratic claim building took minutes here."""
    from newslake.transforms.budget import DOC_TIME_BUDGET_S, time_budget
    from newslake.transforms.claims.extract import MAX_CHAIN_LENGTH, extract_claims
    from newslake.transforms.types import SpanEntityLookup

    depth = 2000
    doc = nested_said(depth)
    with time_budget(DOC_TIME_BUDGET_S):
        claims = extract_claims(doc, doc_id="d", entities=SpanEntityLookup())
    said = [c for c in claims if c.cue == "said"]
    assert len(said) == depth
    by_cue = sorted(said, key=lambda c: c.cue_start)
    assert by_cue[0].parent_claim_id is None
    assert all(c.parent_claim_id == p.claim_id for p, c in zip(by_cue, by_cue[1:]))
    text = doc.text
    assert all(c.content == text[c.start_char:c.end_char] and c.is_quote for c in by_cue)
    assert all(c.content.startswith("\u201c") and c.start_char == c.cue_end + 1 for c in by_cue)
    assert by_cue[-1].content == "\u201cthe bridge is closed\u201d"
    assert len(by_cue[-1].source_chain) == MAX_CHAIN_LENGTH and by_cue[-1].source_chain[0] == "author"


def test_the_document_budget_is_a_setting_that_reaches_the_extractors(monkeypatch, tmp_path) -> None:
    import newslake.transforms.extract as extract
    from newslake.flows import workers
    from newslake.settings import get_settings
    from newslake.transforms.ingest.readers import Limits
    from newslake.warehouse.lake import LakeConfig

    monkeypatch.delenv("NEWSLAKE_DOC_BUDGET_S", raising=False)
    assert get_settings().doc_budget_s == 30.0
    monkeypatch.setenv("NEWSLAKE_DOC_BUDGET_S", "0.5")
    s = get_settings()
    assert s.doc_budget_s == 0.5
    seen = []
    monkeypatch.setattr(extract, "extract_batch", lambda docs, nlp, *, version, time_budget_s: (
        seen.append(time_budget_s), extract.Extracted(documents=list(docs)))[1])
    monkeypatch.setattr(workers, "_nlp", lambda model: None)
    (tmp_path / "a.txt").write_text("Rain fell on Monday across the north of the country.")
    out = workers.run_batch([workers.Piece(str(tmp_path / "a.txt"))], "m", "v", "r", LakeConfig(tmp_path / "none"),
                            Limits(doc_budget_s=s.doc_budget_s))
    assert seen == [0.5] and out.counts["docs_ok"] == 1
    monkeypatch.setenv("NEWSLAKE_DOC_BUDGET_S", "-1")
    with pytest.raises(ValueError, match="doc_budget_s"):
        get_settings()
