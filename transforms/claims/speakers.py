"""Who is speaking: resolve title and pronoun speakers to the entity the document names.

Runs over a document's claims in text order, after each claim's own speaker is read off the parse:

* **Titles** ("the prime minister said", "the chancellor on Sunday said"): a definite speaker
  phrase whose head is the head of one of the document's roles (``entity_roles``: "Prime Minister
  Tony Blair", "Lavrov, Russia's foreign minister") takes that role's holder: the nearest role
  before the speaker, else the first one after. ``speaker_kind`` becomes ``role``. An indefinite
  phrase ("a spokesman", "one diplomat") is left alone: it may be someone else.
* **Pronouns** ("he", "she", "it", "they") the parse did not resolve take the nearest compatible
  antecedent before them: the speaker of an earlier claim (a person for he/she, an organisation
  or country for it, either for they; unnamed speakers count, so "one diplomat said ... he said"
  chains to the diplomat), else the nearest person/organisation named in the two sentences before.

The chain name of a resolved speaker (``source_chain``) is its antecedent's name.

Example: "Prime Minister Tony Blair arrived on Sunday. The prime minister said taxes would fall."
         -> speaker "The prime minister", kind "role", entity = Tony Blair's.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from typing import Any, Protocol, Sequence

from spacy.tokens import Doc, Span

from newslake.transforms.types import EntityLookup

PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they"})
ORG_NOUNS = frozenset(
    "company group bank government ministry agency paper newspaper daily committee council board "
    "association union commission department office authority authorities federation party army "
    "statement report survey study firm corporation institute organisation organization court "
    "exchange fund management unit subsidiary parent utility embassy administration".split())
"""Head nouns of unnamed speakers that ``it`` (not he/she) can stand for: "the paper said ... it said"."""
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three"})
MAX_BACK = 3000
"""How far back (characters) an antecedent may be."""


class RoleLike(Protocol):
    entity_id: str
    role_head: str
    start_char: int
    end_char: int


def _label_at(doc: Doc, start: int | None, end: int | None) -> str | None:
    if start is None or end is None:
        return None
    for ent in doc.ents:
        if ent.start_char < end and start < ent.end_char:
            return ent.label_
    return None


def _words(text: str) -> list[str]:
    return [w for w in text.lower().replace("'s", " ").split() if w.isalpha()]


def _holder_name(doc: Doc, entities: EntityLookup, entity_id: str) -> str | None:
    for ent in doc.ents:
        if entities.entity_at(ent.start_char, ent.end_char) == entity_id:
            return ent.text
    return None


def _role_for(claim: Any, roles: Sequence[RoleLike]) -> RoleLike | None:
    """The role a definite title speaker refers to (see the module docstring)."""
    words = _words(claim.speaker_text or "")
    if not words or words[0] in INDEFINITE or claim.speaker_text.split()[0].lower() in INDEFINITE:
        return None
    hits = [r for r in roles if r.role_head and (" ".join(words).endswith(r.role_head.lower())
                                                  or words[-1] == r.role_head.lower().split()[-1])]
    exact = [r for r in hits if " ".join(words).endswith(r.role_head.lower())]
    hits = exact or hits
    before = [r for r in hits if r.end_char <= (claim.speaker_start or 0)]
    if before:
        return max(before, key=lambda r: r.start_char)
    return min(hits, key=lambda r: r.start_char) if hits else None


def _compatible(pron: str, earlier: Any, doc: Doc) -> bool:
    """Can the pronoun ``pron`` stand for the speaker of the earlier claim?"""
    if earlier.speaker_text is None or earlier.speaker_kind == "unattributed":
        return False
    if earlier.speaker_kind == "pronoun":
        own = earlier.speaker_text.lower()
        return earlier.speaker_entity_id is not None and (own == pron or (pron in PERSON_PRONOUNS) == (own in PERSON_PRONOUNS))
    label = _label_at(doc, earlier.speaker_start, earlier.speaker_end)
    head = (_words(earlier.speaker_text) or [""])[-1]
    person = label == "PERSON" or earlier.speaker_kind == "role" or (
        label is None and head not in ORG_NOUNS and not head.endswith("s"))
    org = label in ("ORG", "GPE", "NORP") or head in ORG_NOUNS
    if pron in PERSON_PRONOUNS:
        return person and not org
    if pron in THING_PRONOUNS:
        return org
    return org or head.endswith("s") or label == "PERSON"


def _named_before(doc: Doc, start: int, pron: str,
                  by_labels: dict[tuple[str, ...], tuple[list[Span], list[int]]] | None = None) -> Span | None:
    """The nearest entity of a compatible kind named in the pronoun's sentence or the two before."""
    labels = ("PERSON",) if pron in PERSON_PRONOUNS else ("ORG", "GPE") if pron in THING_PRONOUNS else (
        "PERSON", "ORG", "GPE", "NORP")
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None or not len(tok):
        return None
    sent = tok[0].sent
    first = sent.start
    for _ in range(2):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    by_labels = {} if by_labels is None else by_labels  # the document's entities of these labels, built once
    if labels not in by_labels:
        ents = [e for e in doc.ents if e.label_ in labels]
        by_labels[labels] = (ents, [e.start_char for e in ents])
    ents, starts = by_labels[labels]
    # the last one starting before ``start``, or the one before it when that one overlaps ``start``
    # (entities never overlap each other): a binary search, not a scan of the document
    for k in range(bisect.bisect_left(starts, start) - 1, -1, -1):
        e = ents[k]
        if e.start_char < doc[first].idx:
            return None
        if e.end_char <= start:
            return e
    return None


def resolve_speakers(claims: list[Any], doc: Doc, entities: EntityLookup, roles: Sequence[RoleLike],
                     names: dict[str, str]) -> list[Any]:
    """The claims with title and pronoun speakers resolved; ``names`` (claim id -> chain name) is
    updated in place."""
    out: list[Any] = []
    by_labels: dict[tuple[str, ...], tuple[list[Span], list[int]]] = {}  # entities per label set
    for claim in sorted(claims, key=lambda c: (c.cue_start, c.start_char)):
        if claim.speaker_kind == "unnamed" and claim.speaker_entity_id is None and roles:
            role = _role_for(claim, roles)
            if role is not None:
                claim = dataclasses.replace(claim, speaker_entity_id=role.entity_id, speaker_kind="role")
                names[claim.claim_id] = _holder_name(doc, entities, role.entity_id) or claim.speaker_text
        elif claim.speaker_kind == "pronoun" and claim.speaker_entity_id is None and (
                names.get(claim.claim_id) == claim.speaker_text):
            pron = claim.speaker_text.lower()
            if pron in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
                # ``out`` is in cue order: stop at the first claim more than MAX_BACK back
                near = itertools.takewhile(lambda c: claim.cue_start - c.cue_start <= MAX_BACK, reversed(out))
                earlier = next((c for c in near if c.cue_start < claim.cue_start
                                and (c.speaker_start or 0) < (claim.speaker_start or 0)
                                and _compatible(pron, c, doc)), None)
                named = _named_before(doc, claim.speaker_start or claim.cue_start, pron, by_labels)
                if named is not None and (earlier is None or named.start_char > (earlier.speaker_start or 0)):
                    eid = entities.entity_at(named.start_char, named.end_char)
                    claim = dataclasses.replace(claim, speaker_entity_id=eid)
                    names[claim.claim_id] = named.text
                elif earlier is not None:
                    claim = dataclasses.replace(claim, speaker_entity_id=earlier.speaker_entity_id)
                    names[claim.claim_id] = names.get(earlier.claim_id, earlier.speaker_text)
        out.append(claim)
    return out
