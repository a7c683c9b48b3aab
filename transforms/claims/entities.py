"""The entities each claim is about: its speaker, the subject of its content, other mentions.

Roles:

- ``speaker``: the claim's speaker entity (a pronoun speaker's resolved antecedent), with the
  speaker span as its offsets;
- ``subject``: a mention inside the content that overlaps the subject (``nsubj``/``nsubjpass``)
  of the content's main verb: "Officials said *Smith* resigned" -> Smith is the subject;
- ``mentioned``: every other entity mention inside the content.

Mentions come from the entity layer as ``(start_char, end_char, entity_id)`` triples; one row
per claim, entity and mention span (the speaker row at the speaker span).

>>> import spacy
>>> from newslake.transforms.claims.extract import extract_claims
>>> from newslake.transforms.types import SpanEntityLookup
>>> doc = Doc(spacy.blank("en").vocab, words=["Jones", "said", "Smith", "resigned", "."],
...     lemmas=["Jones", "say", "Smith", "resign", "."], pos=["PROPN", "VERB", "PROPN", "VERB",
...     "PUNCT"], deps=["nsubj", "ROOT", "nsubj", "ccomp", "punct"], heads=[1, 1, 3, 1, 1])
>>> mentions = [(0, 5, "ent_jones"), (11, 16, "ent_smith")]
>>> claims = extract_claims(doc, doc_id="d", entities=SpanEntityLookup(mentions), mode="rules")
>>> [(r.entity_id, r.role) for r in extract_claim_entities(doc, claims, mentions=mentions)]
[('ent_jones', 'speaker'), ('ent_smith', 'subject')]
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc

from newslake.transforms.claims.extract import CLAIMS_VERSION, Claim

ROLES = ("speaker", "subject", "mentioned")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")


@dataclass(frozen=True)
class ClaimEntity:
    """One entity a claim is about; ``text[start_char:end_char]`` is the mention (or speaker)."""

    claim_id: str
    doc_id: str
    entity_id: str
    role: str  # speaker | subject | mentioned
    start_char: int
    end_char: int
    extractor_version: str


def _subject_spans(doc: Doc, claim: Claim) -> list[tuple[int, int]]:
    """Character spans of the subjects of the content's main verbs (the roots of the content
    span and their conjuncts)."""
    span = doc.char_span(claim.start_char, claim.end_char, alignment_mode="expand")
    if span is None:
        return []
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]
    verbs = roots + [c for r in roots for c in r.children if c.dep_ == "conj"]
    out = []
    for v in verbs:
        for c in v.children:
            if c.dep_ in _SUBJECT_DEPS and span.start <= c.i < span.end:
                sub = doc[c.left_edge.i : c.right_edge.i + 1]
                out.append((sub.start_char, sub.end_char))
    return out


def extract_claim_entities(
    doc: Doc,
    claims: Sequence[Claim],
    *,
    mentions: Sequence[tuple[int, int, str]],
    extractor_version: str = CLAIMS_VERSION,
) -> list[ClaimEntity]:
    """Rows of ``claim_entities`` for ``claims`` of ``doc``, in claim order, then text order."""
    ordered = sorted(mentions)
    starts = [m[0] for m in ordered]
    rows: list[ClaimEntity] = []
    for claim in claims:
        def row(eid: str, role: str, s: int, e: int) -> ClaimEntity:
            return ClaimEntity(claim.claim_id, claim.doc_id, eid, role, s, e, extractor_version)

        if claim.speaker_entity_id and claim.speaker_start is not None:
            rows.append(row(claim.speaker_entity_id, "speaker", claim.speaker_start,
                            claim.speaker_end or claim.speaker_start))
        subjects = _subject_spans(doc, claim)
        # only the mentions that start inside the content (a binary search, not every mention)
        for s, e, eid in ordered[bisect.bisect_left(starts, claim.start_char):
                                 bisect.bisect_left(starts, claim.end_char)]:
            if e > claim.end_char:
                continue
            is_subject = any(s < se and e > ss for ss, se in subjects)
            rows.append(row(eid, "subject" if is_subject else "mentioned", s, e))
    return rows
