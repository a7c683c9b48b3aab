"""Claims: attributed statements, with their speaker, cue and certainty.

Five rule families run over a parsed ``Doc`` (tables of cue words live in :mod:`transforms.cues`):

- verb cues: "Officials said (that) P", "He claimed to be P", "“P,” she said";
- "according to X, P" and "P, according to X";
- noun cues: "made the claim that P", "rumors that P", "X dismissed reports that P" (a denial);
- passive cues: "X is rumored to P", "it is claimed that P" (speaker None unless "by X");
- adverb cues: "X reportedly did P" (speaker None).

Content spans grow to cover the direct quotations they touch (also across sentences), never past
the cue's paragraph, so an unclosed quotation mark cannot swallow the document.

>>> import spacy
>>> from transforms.types import SpanEntityLookup
>>> words = ["Officials", "said", "the", "bridge", "may", "close", "."]
>>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["official", "say", "the", "bridge",
...     "may", "close", "."], pos=["NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
...     deps=["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
...     heads=[1, 1, 3, 5, 5, 1, 1])
>>> [(c.speaker_text, c.cue, c.content, c.certainty, c.speaker_kind)
...  for c in extract_claims(doc, doc_id="d1", entities=SpanEntityLookup())]
[('Officials', 'said', 'the bridge may close', 'hedged', 'unnamed')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Token

from transforms import cues
from transforms.claim_spans import (
    content_chars,
    enclosing,
    paragraph_bounds,
    quote_spans,
    resolve_pronoun,
    resumed_quote,
    speaker_phrase,
)
from transforms.ids import stable_id
from transforms.types import EntityLookup

CLAIMS_VERSION = "newslake.claims.v1"
CERTAINTIES = cues.CERTAINTIES


@dataclass(frozen=True)
class Claim:
    """One attributed statement; ``content == text[start_char:end_char]``."""

    claim_id: str
    doc_id: str
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_entity_id: str | None
    speaker_kind: str  # named | pronoun | unnamed | unattributed
    cue: str
    cue_start: int
    cue_end: int
    content: str
    start_char: int
    end_char: int
    is_quote: bool
    certainty: str
    hedges: tuple[str, ...]
    sentence_start: int
    sentence_end: int
    extractor_version: str


@dataclass(frozen=True)
class _Found:
    """A rule's raw finding, in token indices (end exclusive)."""

    cue: tuple[int, int]
    content: tuple[int, int]
    speaker: Token | None  # head token of the speaker phrase
    certainty: str
    marker: Token | None  # the word that sets a non-neutral certainty ("rumored", "dispel")


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``, inherited through conj/xcomp/-ing adverbials and relative clauses.

    "Smith arrived and said ..." -> Smith; "a militant who Lemon notes ..." -> Lemon;
    "Smith, who said ..." -> Smith; "..., saying ..." -> the subject of the main verb.
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = [c for c in subjects if c.lower_ not in cues.RELATIVE_PRONOUNS]
    if named:
        return named[0]
    if subjects and verb.dep_ == "relcl":
        return verb.head
    if depth < 3 and verb.head is not verb:
        ing = verb.tag_ == "VBG" or verb.lower_.endswith("ing")
        if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and ing):
            return _subject(verb.head, depth + 1)
    return None


def _span_of(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _fallback_subject(verb: Token) -> Token | None:
    """A name or pronoun right before a finite cue the parser left without a subject.

    "In a meeting with the board Trump said that ..." (parsed with "Trump" as a pobj).
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    prev = verb.doc[i] if i >= 0 else None
    if prev is not None and prev.pos_ in ("PROPN", "PRON"):
        return None if prev.lower_ in cues.RELATIVE_PRONOUNS else prev
    return None


def _pick_complement(verb: Token, comps: list[Token], quoted: frozenset[int]) -> Token | None:
    """Of several complements prefer a "that" clause, then a quoted one, then one after the cue.

    "Smith outlined X, he said that P" -> P; "“P,” Warren told him, after ..." -> P
    """
    def score(c: Token) -> tuple[bool, bool, bool]:
        marked = any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in c.children)
        left, right = c.left_edge.i, c.right_edge.i
        in_quote = any(i in quoted for i in range(left, right + 1))
        return marked, in_quote, c.i > verb.i
    return max(comps, key=score) if comps else None


def _verb_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[_Found]:
    """Speech and belief verbs: "Officials said the bridge was closed." """
    for tok in doc:
        if tok.pos_ != "VERB" or any(c.dep_ in ("auxpass", "neg") for c in tok.children):
            continue
        lemma = _lemma(tok)
        prt = next((c for c in tok.rights if c.dep_ in ("prt", "acomp")), None)
        certainty = cues.PHRASAL_CUES.get((lemma, prt.lower_)) if prt is not None else None
        cue_end = prt.i + 1 if certainty else tok.i + 1
        certainty = certainty or cues.VERB_CUES.get(lemma)
        if certainty is None:
            continue
        deps = ("ccomp", "xcomp") if lemma in cues.XCOMP_CUES else ("ccomp",)
        comp = _pick_complement(tok, [c for c in tok.children if c.dep_ in deps], quoted)
        speaker = _subject(tok) or _fallback_subject(tok)
        if comp is None or speaker is None:
            continue
        yield _Found((tok.i, cue_end), _span_of(comp), speaker, certainty, tok)


def _passive_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[_Found]:
    """ "He is rumored to be dead." / "It is claimed that ..." (source unnamed unless "by X")."""
    for tok in doc:
        lemma = _lemma(tok)
        aux = next((c for c in tok.children if c.dep_ == "auxpass"), None)
        if lemma not in cues.PASSIVE_CUES or aux is None or aux.i > tok.i:
            continue
        comp = next((c for c in tok.rights if c.dep_ in ("xcomp", "ccomp")), None)
        if comp is None:
            continue
        start, end = _span_of(comp)
        if comp.dep_ == "xcomp":  # "to be dead - killed in fighting": the rest of the clause
            for c in tok.rights:
                finite = c.tag_ in ("VBD", "VBZ", "VBP", "MD") or c.dep_ == "cc"
                if c.i > comp.i and c.dep_ not in ("punct",) and not finite:
                    end = max(end, c.right_edge.i + 1)
                elif c.i > comp.i and finite:
                    break
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        yield _Found((aux.i, tok.i + 1), (start, end), by, cues.PASSIVE_CUES[lemma], tok)


def _according_to(doc: Doc, quoted: frozenset[int]) -> Iterator[_Found]:
    """ "According to X, P." and "P, according to X." """
    for tok in doc[:-1]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None or _lemma(obj) in cues.NON_SOURCES:
            continue
        sent = tok.sent
        before = [t for t in doc[sent.start : tok.i] if not (t.is_punct or t.is_space)]
        if before and doc[tok.i - 1].text != ",":  # "live according to the law": no source
            continue
        _, phrase_end = speaker_phrase(obj)
        # skip ", who researches X," or ", a researcher at Y," after the source
        nxt = doc[phrase_end] if phrase_end < sent.end else None
        if nxt is not None and nxt.text == "," and phrase_end + 1 < sent.end:
            after = doc[phrase_end + 1]
            appos = after.head == obj and after.dep_ == "appos"
            if after.lower_ in cues.RELATIVE_PRONOUNS or appos:
                comma = next((t.i for t in doc[phrase_end + 1 : sent.end] if t.text == ","), None)
                phrase_end = comma if comma is not None else phrase_end
        content = (sent.start, tok.i) if before else (phrase_end, sent.end)
        yield _Found((tok.i, to.i + 1), content, obj, "reported", None)


def _governing_verb(noun: Token) -> tuple[Token | None, int]:
    """The verb whose object ``noun`` is, and where the cue starts (a controlling verb).

    "attempts to dispel rumors" -> (dispel, index of "attempts")
    """
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ not in ("VERB", "AUX"):
        return None, noun.i
    verb = noun.head
    start = verb.i
    if verb.dep_ == "xcomp" and _lemma(verb.head) in cues.CONTROL_VERBS and verb.head.i < verb.i:
        start = verb.head.i
    return verb, start


def _noun_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[_Found]:
    """ "He made the claim that P", "rumors that P", "She denied reports that P"."""
    for tok in doc:
        lemma = _lemma(tok)
        if tok.pos_ not in ("NOUN", "PROPN") or lemma not in cues.NOUN_CUES:
            continue
        comp = next(
            (c for c in tok.rights
             if c.dep_ in ("acl", "ccomp", "appos", "relcl")
             and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
            None,
        )
        if comp is None:
            continue
        certainty, marker = cues.NOUN_CUES[lemma], tok
        verb, cue_start = _governing_verb(tok)
        speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
        if verb is not None and _lemma(verb) in cues.DENIAL_VERBS:
            certainty, marker, speaker = "denied", verb, _subject(verb)
        elif verb is not None and _lemma(verb) in cues.SUPPORT_VERBS:
            speaker = _subject(verb)
        else:
            cue_start = tok.i
        yield _Found((cue_start, tok.i + 1), _span_of(comp), speaker, certainty, marker)


def _adverb_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[_Found]:
    """ "Tajikistan has reportedly blocked access ..." -> the whole clause, speaker None."""
    for tok in doc:
        certainty = cues.ADVERB_CUES.get(tok.lower_)
        if certainty is None or tok.head is tok:
            continue
        yield _Found((tok.i, tok.i + 1), _span_of(tok.head), None, certainty, tok)


RULES = (_verb_cues, _according_to, _noun_cues, _passive_cues, _adverb_cues)


def _hedge_words(doc: Doc, s: int, e: int) -> list[str]:
    span = doc.char_span(s, e, alignment_mode="expand")
    toks = span if span is not None else []
    return [t.text for t in toks if t.lower_ in cues.HEDGES and t.pos_ != "PROPN"]


def _speaker_fields(
    doc: Doc, head: Token | None, entities: EntityLookup, paragraphs: list[tuple[int, int]]
) -> tuple[str | None, int | None, int | None, str | None, str]:
    if head is None:
        return None, None, None, None, "unattributed"
    start, end = speaker_phrase(head)
    span = doc[start:end]
    s, e = span.start_char, span.end_char
    low = head.lower_
    if head.pos_ == "PRON" and (low in cues.PRONOUN_ANTECEDENTS or low in cues.OTHER_PRONOUNS):
        ante = resolve_pronoun(head, paragraphs)
        eid = entities.entity_at(ante.start_char, ante.end_char) if ante is not None else None
        return span.text, s, e, eid, "pronoun"
    named = head.pos_ == "PROPN" or head.ent_type_ in cues.NAMED_LABELS
    return span.text, s, e, entities.entity_at(s, e), "named" if named else "unnamed"


class _Builder:
    """Turns a rule's finding plus a content span into a :class:`Claim`."""

    def __init__(self, doc: Doc, doc_id: str, entities: EntityLookup, version: str) -> None:
        self.doc, self.doc_id, self.entities, self.version = doc, doc_id, entities, version
        self.paragraphs = paragraph_bounds(doc.text)
        self.quotes = quote_spans(doc.text)

    def quoted_tokens(self) -> frozenset[int]:
        out: set[int] = set()
        for q_s, q_e in self.quotes:
            span = self.doc.char_span(q_s, q_e, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        return frozenset(out)

    def build(self, found: _Found, s: int, e: int, para: tuple[int, int]) -> Claim:
        doc = self.doc
        cue_span = doc[found.cue[0] : found.cue[1]]
        hedges = _hedge_words(doc, s, e) + _hedge_words(doc, cue_span.start_char, cue_span.end_char)
        certainty = found.certainty
        if hedges and cues.certainty_rank("hedged") > cues.certainty_rank(certainty):
            certainty = "hedged"
        set_by: list[str] = []
        marker = found.marker
        if marker is not None and (found.certainty not in ("reported", "asserted")
                                   or marker.lower_ in cues.ADVERB_CUES):
            set_by.append(marker.text)
        if certainty == "hedged":
            set_by += [h for h in hedges if h not in set_by]
        quoted = sum(max(0, min(e, q_e) - max(s, q_s)) for q_s, q_e in self.quotes)
        sp_text, sp_s, sp_e, sp_id, kind = _speaker_fields(
            doc, found.speaker, self.entities, self.paragraphs)
        sent = doc[found.cue[0]].sent
        return Claim(
            claim_id=stable_id("clm", self.doc_id, s, e, cue_span.start_char),
            doc_id=self.doc_id,
            speaker_text=sp_text,
            speaker_start=sp_s,
            speaker_end=sp_e,
            speaker_entity_id=sp_id,
            speaker_kind=kind,
            cue=cue_span.text,
            cue_start=cue_span.start_char,
            cue_end=cue_span.end_char,
            content=doc.text[s:e],
            start_char=s,
            end_char=e,
            is_quote=quoted > 0 and quoted * 2 > len(re.sub(r"\s", "", doc.text[s:e])),
            certainty=certainty,
            hedges=tuple(set_by),
            sentence_start=max(sent.start_char, para[0]),
            sentence_end=min(sent.end_char, para[1]) if para[1] > para[0] else sent.end_char,
            extractor_version=self.version,
        )


def extract_claims(
    doc: Doc,
    *,
    doc_id: str,
    entities: EntityLookup,
    extractor_version: str = CLAIMS_VERSION,
) -> list[Claim]:
    """All claims of a parsed ``doc``, in text order: one per cue, plus one more for a quotation
    that resumes after its cue ("“A,” she said. “B.”" gives A and B, both hers).

    ``entities`` maps speaker spans (or a pronoun's antecedent) to entity ids.
    """
    builder = _Builder(doc, doc_id, entities, extractor_version)
    quoted = builder.quoted_tokens()
    claims: dict[tuple[int, int, int], Claim] = {}
    seen_cues: set[int] = set()
    for rule in RULES:
        for found in rule(doc, quoted):
            cue_tok = doc[found.cue[0]]
            if cue_tok.i in seen_cues:
                continue
            para = enclosing(builder.paragraphs, cue_tok.idx)
            s, e = content_chars(doc, found.content, found.cue, para, builder.quotes)
            if e <= s:
                continue
            seen_cues.add(cue_tok.i)
            claim = builder.build(found, s, e, para)
            claims[(claim.cue_start, s, e)] = claim
            if claim.is_quote and found.speaker is not None:
                after = max(claim.cue_end, claim.speaker_end or 0)
                more = resumed_quote(doc, cue_tok, e, after, para, builder.quotes)
                if more is not None:
                    claims[(claim.cue_start, *more)] = builder.build(found, *more, para)
    return [claims[k] for k in sorted(claims)]
