"""Claims: attributed statements, with their speaker, cue and certainty.

Five rule families run over a parsed ``Doc`` (tables of cue words live in :mod:`newslake.transforms.claims.cues`):

- verb cues: "Officials said (that) P", "He claimed to be P", "“P,” she said";
- "according to X, P" and "P, according to X";
- noun cues: "made the claim that P", "rumors that P", "X dismissed reports that P" (a denial);
- passive cues: "X is rumored to P", "it is claimed that P" (speaker None unless "by X");
- adverb cues: "X reportedly did P" (speaker None).

A cue that is not a statement is dropped (:func:`_not_speech`): a speech verb naming a price move
("Unilever added 8p at 2,578"), a source's request not to be named ("a banker, who asked not to
be identified") and an intention under "should"/"must" (someone else's recommendation). A content
after its cue goes on past a bracketed wire name the parse left out of it ("sold its stake in
<Orvis Ltd> to Kestrel Corp"). Speaker phrases never carry a wire ticker's angle brackets ("<Noranda Inc>" ->
"Noranda Inc"; "Boliden AB <BLDS ST> mining group" -> "Boliden AB"), and a name written as
coordinated initials is one speaker ("S and P", resolved to the organisation whose initials they are).

Content spans grow to cover the direct quotations they touch (also across sentences), never past
the cue's paragraph, so an unclosed quotation mark cannot swallow the document.

In the optional mode ``combined`` a learned attribution tagger trained on PolNeAR train
(:mod:`newslake.transforms.claims.learned`) then adds the attributions the rules missed: each
tagger content, cut to its cue's paragraph, of three tokens or more, that no claim already covers
(more than half) becomes a claim with the tagger's cue (a tagger cue without a content takes its complement in the parse), and the tagger's
source (else the cue's subject) as speaker, resolved like the rules' speakers; the cue tables give
the certainty (``reported`` for a cue they do not list); negated cues follow the rules' policy. The
default mode is ``rules`` (see :data:`DEFAULT_MODE`).

>>> import spacy
>>> from newslake.transforms.types import SpanEntityLookup
>>> words = ["Officials", "said", "the", "bridge", "may", "close", "."]
>>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["official", "say", "the", "bridge",
...     "may", "close", "."], pos=["NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
...     deps=["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
...     heads=[1, 1, 3, 5, 5, 1, 1])
>>> [(c.speaker_text, c.cue, c.content, c.certainty, c.speaker_kind)
...  for c in extract_claims(doc, doc_id="d1", entities=SpanEntityLookup(), mode="rules")]
[('Officials', 'said', 'the bridge may close', 'hedged', 'unnamed')]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from typing import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from newslake.transforms.claims import cues
from newslake.transforms.claims.quotes import colon_cues, follow_on_paragraphs, quote_tags
from newslake.transforms.claims.rules import RULES, Found, subject
from newslake.transforms.claims.speakers import RoleLike, resolve_speakers
from newslake.transforms.claims.spans import (
    content_chars,
    doc_text,
    enclosing,
    entity_span,
    paragraph_bounds,
    quote_spans,
    quotes_overlapping,
    resolve_pronoun,
    resumed_quote,
    speaker_phrase,
)
from newslake.transforms.ids import stable_id
from newslake.transforms.types import EntityLookup

CLAIMS_VERSION = "newslake.claims.v9"  # the default (rules) output is unchanged by the modes
MODES = ("rules", "learned", "combined")
DEFAULT_MODE = "rules"
"""Which extractor makes the claims: the rules (the default), the learned attribution tagger
(:mod:`newslake.transforms.claims.learned`) alone, or the rules plus the tagger's attributions
the rules missed (``combined``). ``combined`` scores better on PolNeAR dev (political news, what the
tagger learned from; bench/polnear_claims.py) but adds mostly wrong claims on Reuters wire copy
(bench/claims_sample.py, held-out stories, seed 160: 5 of 30 additions right), so it is not the default."""
MIN_LEARNED_TOKENS = 3  # a learned content shorter than this ("it", "the plan") says nothing
AUTHOR = "author"  # the outermost source of every chain: the document's writer
UNATTRIBUTED = "(unattributed)"  # chain name of a claim without a speaker ("reportedly")
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
    speaker_kind: str  # named | role | pronoun | unnamed | unattributed
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
    source_chain: tuple[str, ...] = ()  # outermost first: ("author", "Lemon")
    parent_claim_id: str | None = None  # the claim whose content holds this claim's cue



def _speaker_head(head: Token) -> Token | None:
    """The token that names the speaker: never a nationality or a determiner.

    "The South African archbishop said" -> archbishop (not the NORP "South African"); "the
    committee, which said" -> committee; "This said" -> None."""
    for _ in range(3):
        if head.ent_type_ == "NORP" and head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
            head = head.head
        elif head.lower_ in cues.RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            head = head.head.head
        else:
            break
    if head.pos_ == "DET" or head.tag_ in ("DT", "WDT"):
        return None
    if head.lower_ == "one" and head.dep_ == "nsubj":
        return head  # "“It's getting to be like communism,” said one": one of the sources named before
    if head.pos_ == "NUM" or head.like_num:  # "MMAL, 99 pct-owned by X, said": the parse took the number
        prev = head.i - 1
        while prev >= 0 and head.doc[prev].is_punct:
            prev -= 1
        name = head.doc[prev] if prev >= 0 else None
        if name is not None and prev < head.i - 1 and (name.pos_ == "PROPN" or name.ent_type_ in cues.SPEAKER_LABELS):
            return name
        return None
    return head


def _in_angle_brackets(tok: Token) -> bool:
    """Whether ``tok`` sits between "<" and ">" on its line (a wire-copy ticker: "<AHLN.AS>")."""
    doc = tok.doc
    left = next((doc[i] for i in range(tok.i - 1, max(tok.i - 6, -1), -1) if doc[i].text in ("<", ">")), None)
    right = next((doc[i] for i in range(tok.i + 1, min(tok.i + 6, len(doc))) if doc[i].text in ("<", ">")), None)
    return (left is not None and left.text == "<" and right is not None and right.text == ">") or (
        tok.text.startswith("<") and tok.text.endswith(">"))


def _name_before_brackets(tok: Token) -> Token | None:
    """The name right before a ticker's "<" ("Ahold NV <AHLN.AS>" -> NV, the end of "Ahold NV"),
    or None."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i].text != "<" and not doc[i].text.startswith("<"):
        i -= 1
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.pos_ in ("PROPN", "NOUN") and not _in_angle_brackets(prev):
        ent = entity_span(prev)
        return ent.root if ent is not None else prev
    return None


def _coordinated_initials(head: Token) -> int | None:
    """The index of the last letter of a name written as coordinated initials ("S and P", "A & P"),
    when ``head`` is its first letter; else None."""
    if not (len(head.text) == 1 and head.text.isupper()):
        return None
    conj = [c for c in head.children if c.dep_ == "conj" and len(c.text) == 1 and c.text.isupper()]
    cc = [c for c in head.children if c.dep_ == "cc" and c.lower_ in ("and", "&")]
    if conj and cc and conj[-1].i == cc[0].i + 1 == head.i + 2:
        return conj[-1].i
    return None


def _strip_brackets(text: str, s: int, e: int) -> tuple[int, int]:
    """Offsets of a speaker span without the angle brackets or spaces a wire name carries at its
    ends ("<Quorvell Industries Inc>" -> "Quorvell Industries Inc")."""
    while e > s and (text[e - 1] in "<>" or text[e - 1].isspace()):
        e -= 1
    while s < e and (text[s] in "<>" or text[s].isspace()):
        s += 1
    return s, e


def _speaker_fields(
    doc: Doc, head: Token | None, entities: EntityLookup, paragraphs: list[tuple[int, int]]
) -> tuple[str | None, int | None, int | None, str | None, str, str]:
    """Speaker text, offsets, entity id, kind, and its name in a source chain (a resolved
    pronoun is named by its antecedent: "Smith ... He said" -> "Smith")."""
    head = _speaker_head(head) if head is not None else None
    if head is not None and (_in_angle_brackets(head) or head.text in ("<", ">")):
        # "Ahold NV <AHLN.AS> said": the ticker (or its bracket, as the parse's subject) names nobody
        head = _name_before_brackets(head) or head  # "<Noranda Inc> said": the bracketed name is the name
    if head is None:
        return None, None, None, None, "unattributed", UNATTRIBUTED
    named_after = _name_after_title(head)
    if named_after is not None:  # "Portuguese Ambassador to Peking Octavio Valerio said": Valerio
        t_s = doc[speaker_phrase(head)[0]].idx
        n_s, n_e = _strip_brackets(doc_text(doc), min(t_s, named_after.start_char), named_after.end_char)
        name = doc_text(doc)[n_s:n_e]
        eid = entities.entity_at(named_after.start_char, named_after.end_char)
        return name, n_s, n_e, eid, "named", named_after.text
    start, end = speaker_phrase(head)
    initials = _coordinated_initials(head)
    if initials is not None:  # "S and P said": one name, not "S"
        end = max(end, initials + 1)
    gt = [t.i for t in doc[start:head.i] if t.text.endswith(">")]
    if gt and not _in_angle_brackets(head):  # "Boliden AB <BLDS ST> mining group said"
        name = _name_before_brackets(doc[gt[-1]])
        if name is not None:
            head = name
            start, end = speaker_phrase(head)
        else:
            start = gt[-1] + 1
            while start < head.i and doc[start].tag_ == "POS":
                start += 1  # "<Siemens AG>'s Siemens Information Systems": the possessive is the parent's
    start = _past_dateline(doc, start, head.i)
    while start < head.i and doc[start].pos_ == "ADV" and (head.pos_ == "PROPN" or head.ent_type_):
        start += 1  # "Earlier Supermarkets General said": the model took the adverb into the name
    if initials is None:
        end = max(end, _coordinated_end(head))
    span = doc[start:end]
    s, e = _strip_brackets(doc_text(doc), span.start_char, span.end_char)
    sp = doc_text(doc)[s:e]
    low = head.lower_
    if head.pos_ == "PRON" and (low in cues.PRONOUN_ANTECEDENTS or low in cues.OTHER_PRONOUNS):
        ante = resolve_pronoun(head, paragraphs)
        eid = entities.entity_at(ante.start_char, ante.end_char) if ante is not None else None
        name = ante.text if ante is not None else sp
        return sp, s, e, eid, "pronoun", name
    if head.ent_type_ == "NORP":  # "Iranians said": a people, not a speaker one can name
        return sp, s, e, None, "unnamed", sp
    named = (head.pos_ == "PROPN" and not _title_word(head) and not _capitalised_description(head)
             ) or head.ent_type_ in cues.SPEAKER_LABELS
    if initials is not None:  # its letters name the organisation (claims.speakers resolves them)
        return sp, s, e, None, "named", sp
    # a common-noun head names nobody by its modifiers ("the South African archbishop"); a name is
    # the entity at its head ("Drexel Burnham Lambert Inc analyst Michael Gumport" is Gumport)
    eid = entities.entity_at(head.idx, head.idx + len(head))
    if eid is None and named:
        eid = entities.entity_at(s, e)
    if eid is None and not named:  # "the department head, Abdul Jabbar Muhsen, said": the name is the speaker
        ent = _appositive_name(head)
        if ent is not None:
            n_s, n_e = _strip_brackets(doc_text(doc), ent.start_char, ent.end_char)
            name = doc_text(doc)[n_s:n_e]
            return name, n_s, n_e, entities.entity_at(ent.start_char, ent.end_char), "named", name
    return sp, s, e, eid, "named" if named else "unnamed", sp


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _past_dateline(doc: Doc, start: int, head: int) -> int:
    """A speaker phrase's start moved past a wire dateline the parse hung on it: "WASHINGTON,
    March 3 - Treasury Secretary James Baker said" -> "Treasury Secretary James Baker" (a dash
    standing apart, with a space before it, between the phrase's start and its head)."""
    for i in range(head - 1, start - 1, -1):
        tok = doc[i]
        if tok.text in _DASHES and i > 0 and doc[i - 1].whitespace_:
            return i + 1
        if tok.is_space and tok.text.count("\n") >= 2 or "\n\n" in tok.whitespace_:
            return i + 1  # "Japan's Marubeni Corp.\n\nCombustion Engineering said": a name in the paragraph before
    return start


_COORDINATED_DEPS = frozenset({"conj", "cc", "punct"})


def _coordinated_end(head: Token) -> int:
    """The end of a speaker coordinated with others of its kind: "Treasury Secretary James Baker
    and Fed Chairman Paul Volcker said" -> up to "Volcker" (two people speaking together). Only
    names the model gave one label (two people, two companies, two countries) joined by "and"; a
    firm's name the model split ("Harper and Row") is left as it was. A name coordinated with a plural
    noun of people ("Gros and the bankers", "Smith and other officials") speaks with them: the phrase
    takes both, the entity stays the name's; so does a noun of people, an organisation's description
    or a group of countries with a name coordinated after it ("the company and Smith said",
    "European nations and Japan believe": the noun is resolved first, else the name gives the
    entity; see :mod:`newslake.transforms.claims.speakers`)."""
    conjs = [c for c in head.rights if c.dep_ == "conj"]
    if not conjs or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.rights):
        return head.i + 1
    def name(t: Token) -> bool:  # not a letter of initials: "AT and T" is one company's short form
        return (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")) and len(t.text) > 2
    if name(head) and len(conjs) == 1 and conjs[-1].pos_ == "NOUN" and conjs[-1].tag_ == "NNS" and (
            (conjs[-1].lemma_ or conjs[-1].lower_).lower() in _PEOPLE_NOUNS()):
        return speaker_phrase(conjs[-1])[1]  # "Gros and the bankers said": they speak together
    if (not name(head) and head.pos_ == "NOUN" and len(conjs) == 1 and conjs[0].ent_type_ in ("PERSON", "ORG", "GPE")
            and (name(conjs[0]) or conjs[0].ent_type_ == "GPE") and _source_noun(head)):
        return speaker_phrase(conjs[0])[1]  # "the company and Smith said", "European nations and Japan believe"
    if not name(head) or not all(name(c) for c in conjs):
        return head.i + 1
    if not head.ent_type_ or any(c.ent_type_ != head.ent_type_ for c in conjs):
        return head.i + 1  # "Smith and Acme Corp": a person and a company; "Harper and Row": one firm's name
    _, end = speaker_phrase(conjs[-1])
    return end


def _title_word(tok: Token) -> bool:
    """Whether a token outside any name is a person's title or description, written with a capital
    as wire copy often does ("the U.S. Official added", "Portuguese Ambassador"): it names nobody,
    and the name of the country or firm before it is not the speaker."""
    from newslake.transforms.claims.speakers import PERSON_NOUNS

    return not tok.ent_type_ and (tok.lemma_ or tok.lower_).lower() in PERSON_NOUNS and not _bare_name(tok)


_NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nmod", "nummod", "quantmod", "appos", "prep"})


def _bare_name(tok: Token) -> bool:
    """Whether a capitalised singular title word stands alone as a subject, with no determiner, no
    modifier and no name of its own: then it is a name ("Premier said its profits rose", "Pope
    said it expects", a company's one-word name that is also a title), for a singular count noun
    needs a determiner ("the premier said", "a Premier official"); "the U.S. Official added",
    "Portuguese Ambassador to Peking" are titles."""
    return (tok.tag_ == "NNP" and tok.text[:1].isupper() and tok.dep_ in ("nsubj", "nsubjpass")
            and not any(c.dep_ in _NOUN_MODIFIERS for c in tok.children))


def _capitalised_description(tok: Token) -> bool:
    """Whether a capitalised word outside any name is a definite description of an organisation
    ("The Bureau noted", "the Department said"): it stands for the organisation named before
    (claims.speakers resolves it), it is no name of its own."""
    from newslake.transforms.claims.speakers import ORG_DESCRIPTIONS

    return (not tok.ent_type_ and (tok.lemma_ or tok.lower_).lower() in ORG_DESCRIPTIONS
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children))


_TITLE_PREPS = frozenset({"to", "of", "at"})


def _name_after_title(head: Token) -> Span | None:
    """The person's name that ends a title phrase the parse headed by the title: "Portuguese
    Ambassador to Peking Octavio Valerio said" (the name taken as the object of "to") -> Octavio
    Valerio. Only a PERSON name that closes the phrase right before the cue."""
    if head.ent_type_ == "PERSON" or head.pos_ != "PROPN" or not _title_word(head) or any(
            c.dep_ in ("det", "poss") for c in head.children):
        return None  # "an attorney for shareholder John Decker", "an adviser to President Reagan": not names
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _TITLE_PREPS:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ != "PERSON" or pobj.i != prep.right_edge.i or any(
                t.pos_ != "PROPN" for t in head.doc[prep.i + 1 : pobj.i]):
            continue
        nxt = pobj.i + 1
        if nxt < len(head.doc) and head.doc[nxt].i == head.head.i:
            return entity_span(pobj)
    return None


def _source_noun(tok: Token) -> bool:
    """Whether a common noun can name a source that speaks with a name coordinated after it: people
    ("the chairman and Smith"), an organisation's description ("the company and Smith"), a group of
    countries ("European nations and Japan")."""
    from newslake.transforms.claims.speakers import GROUP_NOUNS, ORG_DESCRIPTIONS, PERSON_NOUNS

    lem = (tok.lemma_ or tok.lower_).lower()
    return lem in PERSON_NOUNS or lem in ORG_DESCRIPTIONS or (lem in GROUP_NOUNS and tok.tag_ == "NNS")


def _PEOPLE_NOUNS() -> frozenset[str]:
    from newslake.transforms.claims.speakers import PERSON_NOUNS

    return PERSON_NOUNS


def _appositive_name(head: Token):
    """The name a description stands beside, set off by commas: "the company's chairman, John
    Smith, said" -> John Smith; "its parent, Acme Corp, said" -> Acme Corp. A person for a
    person's title, an organisation for an organisation's description."""
    from newslake.transforms.claims.speakers import ORG_DESCRIPTIONS

    # the model often calls a firm's name a person ("its subsidiary Publicsoft GmbH"): an organisation
    # description takes either; a person's title only a person ("its chairman, Acme Corp" is no name of his)
    labels = ("ORG", "PERSON") if (head.lemma_ or head.lower_).lower() in ORG_DESCRIPTIONS else ("PERSON",)
    for c in head.rights:
        if c.dep_ == "appos" and c.ent_type_ in labels:
            return entity_span(c)
    return None


_HEDGE_BLOCKS = frozenset({"relcl", "acl", "advcl", "pcomp", "pobj", "amod", "nmod", "csubj"})
MAX_BLOCKED_HEDGES = 32  # hedges inside clauses looked at per content (beyond: left out)


def _hedge_block(tok: Token) -> int | None:
    """Offset of the nearest token on the head path of a hedge word (itself included) that opens a
    clause or phrase the hedge is confined to (:data:`_HEDGE_BLOCKS`), or None: "the prospect that
    it could fail" -> the offset of "fail" (an ``acl``); "the plan might fail" -> None."""
    for _ in range(40):
        if tok.dep_ in _HEDGE_BLOCKS or _embedded_question(tok):
            return tok.idx
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


_WH_TAGS = frozenset({"WRB", "WP", "WP$", "WDT"})


def _embedded_question(tok: Token) -> bool:
    """Whether ``tok`` heads an embedded question: a complement clause opened by "whether"/"if" or a
    wh-word ("it was studying whether the plant might close", "did not say how much it could cost").
    A hedge inside it is part of what is asked, not of what is claimed."""
    if tok.dep_ != "ccomp" or tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children):
        return True
    left = tok.left_edge  # the wh-word opens the clause and hangs on its verb, or on a word that does ("how
    # much it could cost"); not one that opens the clause's subject ("what the market sensed is that
    # they may ...": a free relative, no question)
    if left.tag_ not in _WH_TAGS or left.i >= tok.i or left.lower_ == "that":
        return False
    return left.head.i == tok.i or (left.head.head.i == tok.i and left.head.dep_ not in ("csubj", "nsubj", "nsubjpass"))


class _Builder:
    """Turns a rule's finding plus a content span into a :class:`Claim`.

    Everything :meth:`build` needs about a stretch of text (its quoted characters, its non-space
    characters, its hedge words, the cue's sentence) is looked up in indexes built once per
    document, so a claim costs O(log n) however long its content: nested quotations, where every
    claim holds most of the document, stay n log n instead of quadratic."""

    def __init__(self, doc: Doc, doc_id: str, entities: EntityLookup, version: str) -> None:
        self.doc, self.doc_id, self.entities, self.version = doc, doc_id, entities, version
        self.text = doc_text(doc)
        self.paragraphs = paragraph_bounds(self.text)
        self.quotes = quote_spans(self.text)
        self.chain_names: dict[str, str] = {}
        self._quoted_before = [0]  # characters inside the first k quotations
        for q_s, q_e in self.quotes:
            self._quoted_before.append(self._quoted_before[-1] + q_e - q_s)
        self._spaces: list[int] | None = None  # offsets of whitespace characters (built on first use)
        self._sent_starts: list[int] | None = None
        # hedge words: token ends, and each distinct word's token positions, in text order; a hedge
        # inside a relative clause, a noun's complement or an adverbial clause ("troubled by the
        # prospect that it could fail") qualifies that clause, not the claim: it only counts for a
        # content that does not hold the clause's head (``_hedge_block``)
        hedges = [t for t in doc if t.lower_ in cues.HEDGES and t.pos_ != "PROPN" and not (
            t.lower_ == "believed" and any(c.dep_ == "nsubj" for c in t.children))]  # "the council believed P":
        # a nested belief (its own claim), not a hedge of the claim holding it
        free = [t for t in hedges if _hedge_block(t) is None]
        self._hedge_ends = [t.idx + len(t) for t in free]
        self._hedge_starts = [t.idx for t in free]
        self._hedge_at: dict[str, list[int]] = {}
        for k, t in enumerate(free):
            self._hedge_at.setdefault(t.text, []).append(k)
        self._blocked = [(t.idx, t.text, _hedge_block(t)) for t in hedges if _hedge_block(t) is not None]
        self._blocked_starts = [b[0] for b in self._blocked]

    def quoted_tokens(self) -> frozenset[int]:
        out: set[int] = set()
        for q_s, q_e in self.quotes:
            span = self.doc.char_span(q_s, q_e, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        return frozenset(out)

    def quoted_chars(self, s: int, e: int) -> int:
        """Characters of ``[s, e)`` inside quotations (prefix sums over the disjoint quotations)."""
        lo, hi = quotes_overlapping(self.quotes, s, e)
        if lo >= hi:
            return 0
        total = self._quoted_before[hi] - self._quoted_before[lo]
        return total - max(0, s - self.quotes[lo][0]) - max(0, self.quotes[hi - 1][1] - e)

    def non_space_chars(self, s: int, e: int) -> int:
        if self._spaces is None:
            self._spaces = [m.start() for m in re.finditer(r"\s", self.text)]
        return (e - s) - (bisect.bisect_left(self._spaces, e) - bisect.bisect_left(self._spaces, s))

    def hedge_words(self, s: int, e: int) -> list[str]:
        """The distinct hedge words of the tokens overlapping ``[s, e)``, in order of first
        occurrence: one binary search per distinct hedge word of the document."""
        lo = bisect.bisect_right(self._hedge_ends, s)  # the first hedge token ending after s
        hi = bisect.bisect_left(self._hedge_starts, e)  # ... and the first starting at or after e
        firsts = []
        if lo < hi:
            for word, where in self._hedge_at.items():
                k = bisect.bisect_left(where, lo)
                if k < len(where) and where[k] < hi:
                    firsts.append((self._hedge_starts[where[k]], word))
        b_lo = bisect.bisect_left(self._blocked_starts, s)
        b_hi = bisect.bisect_left(self._blocked_starts, e)
        for start, word, block in self._blocked[b_lo : min(b_hi, b_lo + MAX_BLOCKED_HEDGES)]:
            if not s <= block < e:  # the clause's head is outside: the content is inside that clause
                firsts.append((start, word))
        out: list[str] = []
        for _, w in sorted(firsts):
            if w not in out:
                out.append(w)
        return out

    def sentence(self, tok: int) -> tuple[int, int]:
        """Character span of the sentence of token ``tok`` (sentence starts found once)."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        k = bisect.bisect_right(self._sent_starts, tok) - 1
        start = self._sent_starts[k] if k >= 0 else 0
        end = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self.doc)
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def build(self, found: Found, s: int, e: int, para: tuple[int, int]) -> Claim:
        doc = self.doc
        cue_span = doc[found.cue[0] : found.cue[1]]
        hedges = self.hedge_words(s, e) + self.hedge_words(cue_span.start_char, cue_span.end_char)
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
        quoted = self.quoted_chars(s, e)
        sp_text, sp_s, sp_e, sp_id, kind, name = _speaker_fields(
            doc, found.speaker, self.entities, self.paragraphs)
        sent_start, sent_end = self.sentence(found.cue[0])
        claim_id = stable_id("clm", self.doc_id, s, e, cue_span.start_char)
        self.chain_names[claim_id] = name
        return Claim(
            claim_id=claim_id,
            doc_id=self.doc_id,
            speaker_text=sp_text,
            speaker_start=sp_s,
            speaker_end=sp_e,
            speaker_entity_id=sp_id,
            speaker_kind=kind,
            cue=cue_span.text,
            cue_start=cue_span.start_char,
            cue_end=cue_span.end_char,
            content=self.text[s:e],
            start_char=s,
            end_char=e,
            is_quote=quoted > 0 and quoted * 2 > self.non_space_chars(s, e),
            certainty=certainty,
            hedges=tuple(set_by),
            sentence_start=max(sent_start, para[0]),
            sentence_end=min(sent_end, para[1]) if para[1] > para[0] else sent_end,
            extractor_version=self.version,
        )


_REFUSALS = frozenset({"decline", "refuse", "fail", "hesitate"})


def _conditional(cue: Token) -> bool:
    """Whether a cue is the verb of a condition or a question: "if China wants to obtain GSP status,
    it will have to lobby Congress" states no wish of China's; "Asked whether he believed a trade war
    could be averted" no belief of his; "He declined to say how many" says nothing; "the curbs would not
    be dropped until Japan had shown it was honoring the pact": Japan has shown nothing yet."""
    if cue.dep_ == "xcomp" and (cue.head.lemma_ or cue.head.lower_).lower() in _REFUSALS:
        return True  # "Concepcion declined to say how many assemblers would be allowed"
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "until") for c in cue.children)


_AMOUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
MAX_TICKER_TAIL = 200  # tokens a content may be carried past a bracketed name
_DATELINE = re.compile(r"[A-Z][A-Z.' ]{1,30} (?:-|--|\u2014) ")
"""A wire dateline opening a paragraph ("LONDON - "): the place of the report, not what a source says."""
_OBLIGATION = frozenset({"should", "must", "ought"})
"""Modals that make an intention someone else's recommendation: "X should plan to ..." """


def _past_ticker_splits(doc: Doc, text: str, e: int, para: tuple[int, int], content: tuple[int, int]) -> int:
    """The content's end carried over a wire ticker or bracketed name that the parse left out of
    it: "agreed to buy Horizon Corp from <Alden Inc> of Tulsa for 30 mln dlrs" stopped at "from"
    (the model attaches "<" elsewhere, or starts a sentence there). The bracketed name is taken, and
    the tokens after it that depend on the content (or on the name), up to the first that does not
    (", analysts said"), never past the paragraph."""
    m = re.match(r"[ \t\n,]*<", text[e : e + 8])
    if m is None:
        return e
    span = doc.char_span(e + m.end() - 1, e + m.end(), alignment_mode="expand")
    if span is None:
        return e
    k = span.start
    close = next((j for j in range(k, min(k + 12, len(doc))) if doc[j].text.endswith(">")), None)
    if close is None:
        return e
    inside = set(range(content[0], content[1])) | set(range(k, close + 1))
    end = close
    j = close + 1
    while j < len(doc) and doc[j].idx < para[1] and j - close <= MAX_TICKER_TAIL:
        if doc[j].is_space:  # a hard line wrap
            j += 1
            continue
        if doc[j].lower_ == "but":  # "..., but gave no details": the writer again
            break
        tok, hops, ok = doc[j], 0, False
        while hops < 30:
            if tok.i in inside:
                ok = True
                break
            if tok.head.i == tok.i:
                break
            tok, hops = tok.head, hops + 1
        if not ok:
            break
        inside.add(j)
        end = j
        j += 1
    while end > close and (doc[end].is_punct or doc[end].is_space):
        if doc[end].text == ")" and sum((t.text == "(") - (t.text == ")") for t in doc[k:end]) > 0:
            break  # "its unit Beta Inc (Beta)": the bracket closes one the content opened
        end -= 1
    new_e = doc[end].idx + len(doc[end])
    return new_e if new_e <= para[1] else e


def _amount(tok: Token) -> bool:
    """Whether a token is a number or an amount ("8p", "1-1/2", "12 cents", "3 pct")."""
    if tok.like_num or tok.ent_type_ in _AMOUNT_LABELS or tok.pos_ == "NUM":
        return True
    return any(c.dep_ == "nummod" and (c.like_num or c.pos_ == "NUM") for c in tok.children)


def _not_speech(doc: Doc, found: Found) -> bool:
    """Whether a cue is not a statement at all (see :data:`cues.QUANTITY_SENSES` and
    :data:`cues.ANONYMITY_VERBS`): "Unilever added 8p at 2,578" (a price move: the cue's object
    is an amount), "a banker who asked not to be identified" (the content is only the request not
    to be named), "an official who requested anonymity"."""
    head = doc[found.cue[0] : found.cue[1]].root
    if (head.lemma_ or head.lower_).lower() in cues.QUANTITY_SENSES and any(
            c.dep_ in ("dobj", "npadvmod", "attr") and _amount(c) for c in head.children):
        return True
    if head.dep_ == "xcomp" and any(c.dep_ in ("acomp", "attr") for c in head.head.children) and any(
            c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.head.children):
        return True  # "it was fair to assume that P", "It's ridiculous to think P": nobody assumes P
    if found.certainty == "intended" and any(
            c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in head.children):
        return True  # "Congress should plan to provide 800 mln dlrs": a recommendation, not Congress's plan
    lo, hi = found.content
    if hi <= lo:
        return False
    if hi - lo == 1 and doc[lo].pos_ == "PRON":
        return True  # "President Reagan opposed it": the content is only a pronoun, it says nothing
    top = doc[lo:hi].root  # only a root of these lemmas matters: read the whole span only then
    if (top.lemma_ or top.lower_).lower() not in cues.ANONYMITY_NOUNS | cues.ANONYMITY_VERBS:
        return False
    roots = [t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    lemma = (root.lemma_ or root.lower_).lower()
    if lemma in cues.ANONYMITY_NOUNS:
        return True
    # "asked not to be identified": a passive infinitive of naming under a verb of asking ("The
    # company said Smith was named chairman" is a claim)
    return (lemma in cues.ANONYMITY_VERBS and (head.lemma_ or head.lower_).lower() in cues.ANONYMITY_ASKING
            and any(c.dep_ == "auxpass" for c in root.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children))


def _learned_certainty(doc: Doc, cue: tuple[int, int]) -> str | None:
    """Certainty of a learned cue from the cue tables (by the lemma of its head); None when no
    table lists it ("refused", "talked about", "railed against": PolNeAR attributes these stances;
    :func:`_learned_founds` then calls them ``reported``)."""
    head = doc[cue[0] : cue[1]].root
    word = (head.lemma_ or head.lower_).lower()
    for table in (cues.ADVERB_CUES, cues.VERB_CUES, cues.NOUN_CUES, cues.INTENT_CUES,
                  cues.STANCE_CUES, cues.NAMING_CUES, cues.PASSIVE_CUES):
        if word in table:
            return table[word]
    return "reported" if word == "accord" or head.lower_ == "according" else None


_COMPLEMENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp")


def _cue_complements(doc: Doc, spans: list, atts: list) -> list:
    """Attributions for the tagger's cues that :func:`group_spans` gave no content: the cue's
    complement in the parse (a clause, an object, else a preposition's object: "refused to release
    his returns", "railed against super PACs"), its whole subtree, as the rules take a listed cue's.
    A flat tagger gives each token one label, so where attributions nest, or the tagger missed a
    content, its cue was left alone (on the tuning part of PolNeAR train this lifted the tagger
    alone from 0.648 to 0.688 lenient content F1)."""
    from newslake.transforms.claims.learned import LearnedAttribution

    used = {a.cue for a in atts}
    out = []
    for sp in spans:
        if sp.label != "CUE" or (sp.start, sp.end) in used:
            continue
        head = doc[sp.start : sp.end].root
        comps = [c for c in head.children if c.dep_ in _COMPLEMENT_DEPS and not sp.start <= c.i < sp.end]
        if not comps:
            comps = [g for c in head.children if c.dep_ == "prep" and c.i >= sp.end
                     for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if not comps:
            continue
        comp = max(comps, key=lambda c: (c.dep_ in ("ccomp", "xcomp"), c.i > head.i))
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        if lo < sp.end <= hi or lo < sp.start < hi:
            continue
        out.append(LearnedAttribution((sp.start, sp.end), (lo, hi), None))
    return out


def _learned_founds(doc: Doc, taken: list[tuple[int, int]], tagger: str | None,
                    paragraphs: list[tuple[int, int]]) -> Iterator[tuple[Found, int, int, tuple[int, int]]]:
    """The tagger's attributions (plus :func:`_cue_complements`) as ``(found, start_char, end_char,
    paragraph)``: the content cut to its cue's paragraph (like the rules' contents), kept when it is
    not already (more than half) a claim's content in ``taken`` (start_char, end_char of the claims
    so far; the caller appends the claims it makes, so two learned attributions do not repeat each
    other) and has at least :data:`MIN_LEARNED_TOKENS` tokens. Cutting before comparing matters: a
    content the tagger ran into the next paragraph, over another claim, was dropped whole (on the
    tuning part of PolNeAR train cutting first lifted combined content F1 from 0.728 to 0.732). The
    cue tables give the certainty; a cue they do not
    list (a stance: "refused to", "talked about") is ``reported``: on the tuning part of PolNeAR
    train keeping them lifted combined content F1 from 0.681 to 0.720. The speaker is the tagger's
    source, else the cue's grammatical subject (as the rules find it)."""
    from newslake.transforms.claims.learned import group_spans, learned_spans

    spans = learned_spans(doc, tagger)
    atts = group_spans(doc, spans)
    atts = atts + _cue_complements(doc, spans, atts)
    for att in atts:
        para = enclosing(paragraphs, doc[att.cue[0]].idx)
        last = doc[att.content[1] - 1]
        s, e = max(doc[att.content[0]].idx, para[0]), min(last.idx + len(last), para[1])
        if e <= s or any(min(e, t_e) - max(s, t_s) > (e - s) // 2 for t_s, t_e in taken):
            continue
        if sum(s <= t.idx < e for t in doc[att.content[0] : att.content[1]]) < MIN_LEARNED_TOKENS:
            continue
        certainty = _learned_certainty(doc, att.cue) or "reported"
        head = doc[att.cue[0] : att.cue[1]].root
        marker = head
        if any(c.dep_ == "neg" for c in head.children):  # the rules' policy on negated cues
            if (head.lemma_ or head.lower_).lower() not in cues.NEG_RAISING:
                continue  # "He did not say that he won": nobody claims anything
            certainty, marker = "denied", head  # "I don't think he won"
        speaker = doc[att.source[0] : att.source[1]].root if att.source else None
        if speaker is None:  # the tagger found no source: the cue verb's subject, if any
            speaker = subject(doc[att.cue[0] : att.cue[1]].root)
        yield Found(att.cue, att.content, speaker, certainty, marker), s, e, para


def extract_claims(
    doc: Doc,
    *,
    doc_id: str,
    entities: EntityLookup,
    extractor_version: str = CLAIMS_VERSION,
    roles: Sequence[RoleLike] = (),
    mode: str = DEFAULT_MODE,
    tagger: str | None = None,
) -> list[Claim]:
    """All claims of a parsed ``doc``, in text order: one per cue, plus one more for a quotation
    that resumes after its cue ("“A,” she said. “B.”" gives A and B, both hers).

    ``entities`` maps speaker spans (or a pronoun's antecedent) to entity ids; ``roles`` (the
    document's ``entity_roles``) name the holder of a title speaker ("the prime minister said").
    Speakers are then resolved across claims (:mod:`newslake.transforms.claims.speakers`).

    ``mode`` is one of :data:`MODES`; ``tagger`` a folder of tagger weights (default: the shipped
    ones, loaded once per process).
    """
    if mode not in MODES:
        raise ValueError(f"claims mode must be one of {MODES}, not {mode!r}")
    builder = _Builder(doc, doc_id, entities, extractor_version)
    quoted = builder.quoted_tokens()
    claims: dict[tuple[int, int, int], Claim] = {}
    founds: dict[str, tuple[Found, tuple[int, int]]] = {}
    seen_cues: set[int] = set()

    def add(found: Found, s: int, e: int, para: tuple[int, int]) -> Claim:
        claim = builder.build(found, s, e, para)
        claims[(claim.cue_start, s, e)] = claim
        founds[claim.claim_id] = (found, para)
        return claim

    rules = (*RULES, quote_tags, colon_cues) if mode != "learned" else ()
    for rule in rules:
        for found in rule(doc, quoted):
            cue_tok = doc[found.cue[0]]
            if cue_tok.i in seen_cues or _conditional(doc[found.cue[0]:found.cue[1]].root) or _not_speech(doc, found):
                continue
            para = enclosing(builder.paragraphs, cue_tok.idx)
            s, e = content_chars(doc, found.content, found.cue, para, builder.quotes)
            if e <= s:
                continue
            if e > doc[found.cue[0]].idx:  # a content after its cue may have been cut at a ticker
                e = _past_ticker_splits(doc, builder.text, e, para, found.content)
            dateline = _DATELINE.match(builder.text, s, e)
            if dateline is not None and s == para[0]:  # "LONDON - X is issuing ..., its manager said"
                s = dateline.end()
            if s > para[0] and builder.text[s - 1] == "<" and ">" in builder.text[s:e]:
                s -= 1  # "<Siemens AG>'s unit wants ...": the wire name's bracket opens the content
            seen_cues.add(cue_tok.i)
            claim = add(found, s, e, para)
            if claim.is_quote and found.speaker is not None:
                after = max(claim.cue_end, claim.speaker_end or 0)
                more = resumed_quote(doc, cue_tok, e, after, para, builder.quotes)
                if more is not None:
                    add(found, *more, para)
    ordered = [claims[k] for k in sorted(claims)]
    quoted_claims = [(c.cue_start, c.start_char, c.end_char, i) for i, c in enumerate(ordered)
                     if c.is_quote and c.speaker_text is not None]
    for s, e, owner in follow_on_paragraphs(builder.text, builder.paragraphs, builder.quotes,
                                            [c.cue_start for c in ordered], quoted_claims):
        found, _ = founds[ordered[owner].claim_id]
        add(found, s, e, enclosing(builder.paragraphs, s))
    if mode != "rules":
        taken = [(c.start_char, c.end_char) for c in claims.values()]
        for found, s, e, para in _learned_founds(doc, taken, tagger, builder.paragraphs):  # reads ``taken`` as it grows
            if _not_speech(doc, found):
                continue
            add(found, s, e, para)
            taken.append((s, e))
    resolved = resolve_speakers([claims[k] for k in sorted(claims)], doc, entities, roles, builder.chain_names)
    return with_chains(resolved, builder.chain_names, doc)


_BACKGROUND_DEPS = frozenset({"relcl", "appos", "acl"})
MAX_CHAIN_LENGTH = 10  # the author plus at most nine nested sources
MAX_PARENT_CANDIDATES = 64
"""Containing claims tried, innermost first, when looking for a claim's parent: past this many
(only in pathological nesting) the claim is left unnested rather than searched further."""


def _background_reach(doc: Doc) -> list[tuple[int, int] | None]:
    """Per token: the character range ``(lo, hi)`` covered by the head path from the token up to the
    first relative clause / apposition / ``acl`` on it, or None when the path has none. One pass
    over the tokens (each head path is computed once and shared), so the whole document is linear.
    """
    n = len(doc)
    reach: list[tuple[int, int] | None | bool] = [False] * n  # False: not computed yet
    for start in range(n):
        path: list[int] = []
        i = start
        while reach[i] is False:
            tok = doc[i]
            if tok.dep_ in _BACKGROUND_DEPS:
                reach[i] = (tok.idx, tok.idx)
                break
            if tok.head.i == i or len(path) > n:  # the root (or a malformed tree)
                reach[i] = None
                break
            path.append(i)
            i = tok.head.i
        for j in reversed(path):
            above = reach[doc[j].head.i]
            idx = doc[j].idx
            reach[j] = None if not isinstance(above, tuple) else (min(idx, above[0]), max(idx, above[1]))
    return [r if r is not False else None for r in reach]


def _background(doc: Doc | None, claim: Claim, outer: Claim,
                reach: list[tuple[int, int] | None] | None = None) -> bool:
    """True when the claim's cue sits in a relative clause or apposition inside ``outer``'s
    content: background the writer adds, not part of what the outer source says.
    "... to kill Nazarov, a militant who Lemon notes is ..." -> Lemon's note is not nested.

    The head path from the cue up to its first relcl/appos/acl must lie inside ``outer``;
    ``reach`` (from :func:`_background_reach`) makes the test O(1)."""
    if doc is None:
        return False
    span = doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    r = (reach if reach is not None else _background_reach(doc))[span[0].i]
    return r is not None and outer.start_char <= r[0] and r[1] < outer.end_char


def _parent(claim: Claim, others: list[Claim], doc: Doc | None = None,
            reach: list[tuple[int, int] | None] | None = None, innermost_first: bool = False) -> Claim | None:
    """The innermost other claim whose content holds this claim's cue (and not vice versa).

    At most :data:`MAX_PARENT_CANDIDATES` containing claims are tried. With ``innermost_first``
    (``others`` sorted by content length, shortest first) the first that qualifies wins."""
    best: Claim | None = None
    tried = 0
    for o in others:
        if o.cue_start == claim.cue_start or not (
                o.start_char <= claim.cue_start and claim.cue_end <= o.end_char):
            continue
        tried += 1
        if tried > MAX_PARENT_CANDIDATES:
            break
        if claim.start_char <= o.cue_start < claim.end_char or _background(doc, claim, o, reach):
            continue
        if best is None or o.end_char - o.start_char < best.end_char - best.start_char:
            best = o
            if innermost_first:
                break
    return best


def _parents(claims: list[Claim], doc: Doc | None) -> dict[str, Claim | None]:
    """:func:`_parent` of every claim, without the all-pairs scan: claims are sorted by content
    length and, for each cue, only the claims whose content contains it are visited (a vectorised
    containment mask), innermost first."""
    if not claims:
        return {}
    import numpy as np

    reach = _background_reach(doc) if doc is not None else None
    order = sorted(range(len(claims)), key=lambda k: (claims[k].end_char - claims[k].start_char, k))
    by_length = [claims[k] for k in order]
    starts = np.fromiter((c.start_char for c in by_length), dtype=np.int64, count=len(by_length))
    ends = np.fromiter((c.end_char for c in by_length), dtype=np.int64, count=len(by_length))
    out: dict[str, Claim | None] = {}
    for c in claims:
        hits = np.flatnonzero((starts <= c.cue_start) & (ends >= c.cue_end))
        out[c.claim_id] = _parent(c, [by_length[i] for i in hits[:MAX_PARENT_CANDIDATES + 1]], doc, reach,
                                  innermost_first=True)
    return out


def with_chains(claims: list[Claim], names: dict[str, str], doc: Doc | None = None) -> list[Claim]:
    """Set ``source_chain`` and ``parent_claim_id``: a claim whose cue lies inside another
    claim's content is nested in it ("The author reports that Lemon notes that P"), unless the
    cue is in a relative clause there (needs ``doc``). ``names`` maps claim ids to the
    speaker's name in a chain (default "(unattributed)")."""
    parents = _parents(claims, doc)
    chains: dict[str, tuple[str, ...]] = {}

    def chain(c: Claim) -> tuple[str, ...]:
        """Walk up to a claim whose chain is known (or the author), then fill in downwards:
        no recursion, and every chain is built once."""
        path: list[Claim] = []
        cur: Claim | None = c
        while cur is not None and cur.claim_id not in chains and len(path) <= len(claims):
            path.append(cur)
            cur = parents[cur.claim_id]
        outer = chains[cur.claim_id] if cur is not None and cur.claim_id in chains else (AUTHOR,)
        for link in reversed(path):
            full = (*outer, names.get(link.claim_id, UNATTRIBUTED))
            if len(full) > MAX_CHAIN_LENGTH:  # keep the author and the innermost sources
                full = (AUTHOR, *full[-(MAX_CHAIN_LENGTH - 1):])
            chains[link.claim_id] = outer = full
        return chains[c.claim_id]

    return [dataclasses.replace(c, source_chain=chain(c), parent_claim_id=(
        parents[c.claim_id].claim_id if parents[c.claim_id] is not None else None))
        for c in claims]
