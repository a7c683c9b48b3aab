"""One event per happening per document: fold repeated mentions of the same happening into one row.

Two mentions are the same happening when they have the same PLOVER type, share an actor or a
target entity (same role, same entity id), do not both name a participant in either role unless it
is the same entity ("threatens his brother" and "threats against Jones" stay apart), have
compatible places (same place entity, or one unknown) and compatible times (ranges overlap, or one
unknown), and are both realis (asserted, reported, claimed, rumored, denied, negated) or both
irrealis (future, hypothetical): a plan to kill is not the killing. Two rows of one trigger
(coordinated targets) never merge. A *bare* mention (no participant, place or date: "the
explosion", kept because its sentence names an entity) refers to a happening told elsewhere: it
folds into the nearest earlier row of its type (else the nearest later one). Two verbs of different
lemmas that share only their actor stay apart: "Saouma offered a technical mission ... he signed
three accords" are two acts of one man. A bare mention its own
clause frames with a light verb ("an agreement in principle had been reached", "a commitment made
last year") tells a happening by itself: it stands as its own row (``standalone``), or, when it
refers back ("the agreement was signed"), folds as above and stands only if there is nothing to
fold into (``keep``, read by the extractor).

The merged row is the first mention (its trigger, offsets and ``event_id`` stay); participants,
place, time and mode missing from it are filled from later mentions; a date found on the trigger
beats one from its clause, which beats one from its sentence, which beats a report date; a place
from the clause beats one from the sentence. Its ``modality`` is the *least certain* of
the mentions (asserted < reported < claimed < rumored < denied < negated; future <
hypothetical), so a row never states more certainty than the document gives every mention, and
``claim_id`` is that mention's claim. All mentions stay visible: ``mention_count``,
``other_triggers`` (character spans of the other triggers, in text order) and ``modalities`` (one per
mention, the row's own trigger first).

Example: "Nazarov is rumored to be dead, killed near Raqqa. ... Asia-Plus reported that Nazarov had
         been killed." -> one ASSAULT row: trigger "killed" (the first), mention_count 2,
         modalities ("rumored", "reported"), modality "rumored", location Raqqa.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any, Collection, Mapping, Sequence, TypeVar

E = TypeVar("E")

REALIS_RANK = {"asserted": 0, "reported": 1, "claimed": 2, "rumored": 3, "denied": 4, "negated": 5}
IRREALIS_RANK = {"future": 0, "hypothetical": 1}
SOURCE_RANK = {"trigger": 0, "clause": 1, "sentence": 2, "report": 3, "publication": 4, None: 5}
PLACE_RANK = {"clause": 0, "sentence": 1, "dateline": 2, None: 3}
_ROLE_FIELDS = {
    "actor": ("actor_text", "actor_start", "actor_end", "actor_entity_id"),
    "target": ("target_text", "target_start", "target_end", "target_entity_id"),
    "location": ("location_text", "location_start", "location_end", "location_entity_id", "location_source"),
}
_DATE_FIELDS = ("date_text", "date_start", "date_end", "date_source")


def certainty_rank(modality: str) -> int:
    return REALIS_RANK.get(modality, IRREALIS_RANK.get(modality, 0))


def _realis(modality: str) -> bool:
    return modality not in IRREALIS_RANK


def _interval(e: Any) -> tuple[datetime.date, datetime.date]:
    return (e.date_start or datetime.date.min, e.date_end or datetime.date.max)


def times_compatible(a: Any, b: Any, window: datetime.timedelta = datetime.timedelta(0)) -> bool:
    """Inclusive ranges overlap once widened by ``window``; an open end or unknown date fits all."""
    (s1, e1), (s2, e2) = _interval(a), _interval(b)
    widen = lambda d, k: d if d in (datetime.date.min, datetime.date.max) else d + k * window  # noqa: E731
    return widen(s1, -1) <= widen(e2, 1) and widen(s2, -1) <= widen(e1, 1)


def _differ(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x != y


def _role_clash(a: Any, b: Any, role: str) -> bool:
    """Both name a participant in ``role`` and it is not known to be the same entity."""
    text, eid = f"{role}_text", f"{role}_entity_id"
    if getattr(a, text) is None or getattr(b, text) is None or getattr(a, text).casefold() == getattr(b, text).casefold():
        return False
    return getattr(a, eid) is None or getattr(a, eid) != getattr(b, eid)


def same_happening(a: Any, b: Any, verbs: Mapping[tuple[int, int], str] | None = None) -> bool:
    """The within-document rule of the module docstring. ``verbs`` maps the trigger spans of
    predications (a verb, or a noun its light verb carries) to the verb's lemma: two of different
    lemmas that share only their actor are two acts ("Saouma offered a mission ... he signed three
    accords")."""
    if a.event_type != b.event_type or (a.start_char, a.end_char) == (b.start_char, b.end_char):
        return False
    if _realis(a.modality) != _realis(b.modality):
        return False
    same_target = a.target_entity_id is not None and a.target_entity_id == b.target_entity_id
    shared = same_target or (a.actor_entity_id is not None and a.actor_entity_id == b.actor_entity_id)
    if not shared or _role_clash(a, b, "actor") or _role_clash(a, b, "target"):
        return False
    if verbs and not same_target:
        la, lb = verbs.get((a.start_char, a.end_char)), verbs.get((b.start_char, b.end_char))
        if la is not None and lb is not None and la != lb:
            return False
    if _differ(a.location_entity_id, b.location_entity_id):
        return False
    return times_compatible(a, b)


def _fold(row: E, other: Any) -> E:
    """``row`` with ``other`` folded in (see the module docstring)."""
    r: Any = row
    changes: dict[str, Any] = {}
    for fields in _ROLE_FIELDS.values():
        if getattr(r, fields[0]) is None and getattr(other, fields[0]) is not None:
            changes.update({f: getattr(other, f) for f in fields})
    if other.location_text is not None and PLACE_RANK.get(other.location_source, 3) < PLACE_RANK.get(r.location_source, 3):
        changes.update({f: getattr(other, f) for f in _ROLE_FIELDS["location"]})
    if SOURCE_RANK.get(other.date_source, 5) < SOURCE_RANK.get(r.date_source, 5) and other.date_text:
        changes.update({f: getattr(other, f) for f in _DATE_FIELDS})
    if r.event_mode is None and other.event_mode is not None:
        changes["event_mode"] = other.event_mode
    if certainty_rank(other.modality) > certainty_rank(r.modality):
        changes["modality"] = other.modality
        changes["claim_id"] = other.claim_id or r.claim_id
    elif r.claim_id is None and other.claim_id is not None:
        changes["claim_id"] = other.claim_id
    others = sorted([*zip(r.other_triggers, r.modalities[1:]), ((other.start_char, other.end_char), other.modality),
                     *zip(other.other_triggers, other.modalities[1:])])
    changes["mention_count"] = r.mention_count + other.mention_count
    changes["other_triggers"] = tuple(span for span, _ in others)
    changes["modalities"] = r.modalities[:1] + tuple(m for _, m in others)
    return dataclasses.replace(r, **changes)


def is_bare(e: Any) -> bool:
    """A mention with no participant, place or date: "the explosion", kept for its sentence."""
    return e.actor_text is None and e.target_text is None and e.location_text is None and e.date_text is None


def merge_mentions(events: Sequence[E], standalone: Collection[tuple[int, int]] = (),
                   verbs: Mapping[tuple[int, int], str] | None = None) -> list[E]:
    """Fold each event (in text order) into the first earlier row that is the same happening;
    then fold each bare mention into the nearest earlier row of its type and realis class (else
    the nearest later one; else the first bare mention of its kind stands for them). A bare
    mention whose trigger span is in ``standalone`` is treated as one with participants."""
    rows: list[Any] = []
    bare: list[Any] = []
    for e in sorted(events, key=lambda e: (e.start_char, e.end_char)):  # type: ignore[attr-defined]
        if is_bare(e) and (e.start_char, e.end_char) not in standalone:
            bare.append(e)
            continue
        for i, row in enumerate(rows):
            if same_happening(row, e, verbs):
                rows[i] = _fold(row, e)
                break
        else:
            rows.append(e)
    for e in bare:
        kin = [i for i, r in enumerate(rows) if r.event_type == e.event_type
               and _realis(r.modality) == _realis(e.modality) and (r.start_char, r.end_char) != (e.start_char, e.end_char)]
        before = [i for i in kin if rows[i].start_char < e.start_char]
        after = [i for i in kin if rows[i].start_char > e.start_char]
        target = max(before, key=lambda i: rows[i].start_char) if before else (
            min(after, key=lambda i: rows[i].start_char) if after else None)
        if target is None:
            rows.append(e)
        else:
            rows[target] = _fold(rows[target], e)
    return sorted(rows, key=lambda r: (r.start_char, r.end_char))
