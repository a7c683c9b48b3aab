"""Across documents: group event rows that report the same happening, and find the conflicts.

Pure functions over event rows of many documents (any objects with the :class:`EventLike` fields).

**Cluster rule.** Two events of different documents are linked when they have

1. the same ``event_type``;
2. a shared participant in the same role: the same ``target_entity_id`` (then differing actors are
   allowed: attribution is often disputed), or the same ``actor_entity_id`` with targets that do
   not name different entities (an actor acts on many targets);
3. compatible places: the same ``location_entity_id``, or one unknown;
4. compatible dates: the ranges overlap once widened by ``window_days`` (default 7) on each side;
   an open end (a report date only bounds the event: ``date_start`` null) or an unknown date fits.

Clusters are the connected components of these links (single linkage), so two rows of one
document can meet in a cluster through rows of other documents. Every event gets a cluster,
singletons included. ``cluster_id = stable_id("evc", canonical.event_id)`` where the canonical
member is the one with the smallest ``event_id``: deterministic, and it changes only when a member
with a smaller id joins.

**Conflict rule.** Within a cluster, two events of different documents conflict when their
modalities take different stances: ``polarity`` when one is positive (asserted, reported,
claimed, rumored) and the other negative (denied, negated): one outlet reports a death, another
denies it; ``certainty`` when both are positive but one is firm (asserted, reported) and the other
weak (claimed, rumored): one outlet reports a death, another calls it a rumour. Irrealis events
(future, hypothetical) never conflict: a plan is not a report of the happening.

Example: doc A "Nazarov was killed near Raqqa" (asserted), doc B "Nazarov is rumored to be dead,
         killed near Raqqa" (rumored) -> one cluster, one conflict row of kind "certainty".
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import NamedTuple, Protocol, Sequence

from newslake.transforms.ids import stable_id

STANCE = {"asserted": "firm", "reported": "firm", "claimed": "weak", "rumored": "weak",
          "denied": "negative", "negated": "negative", "future": "irrealis", "hypothetical": "irrealis"}
"""Modality -> stance, the unit conflicts compare."""


class EventLike(Protocol):
    event_id: str
    doc_id: str
    event_type: str
    actor_entity_id: str | None
    target_entity_id: str | None
    location_entity_id: str | None
    date_start: datetime.date | None
    date_end: datetime.date | None
    modality: str


class Conflict(NamedTuple):
    cluster_id: str
    event_id_a: str
    event_id_b: str
    modality_a: str
    modality_b: str
    kind: str  # "polarity" or "certainty"


def _dates_fit(a: EventLike, b: EventLike, window: datetime.timedelta) -> bool:
    lo_a, hi_a = a.date_start, a.date_end
    lo_b, hi_b = b.date_start, b.date_end
    if hi_a is not None and lo_b is not None and lo_b - window > hi_a:
        return False
    if hi_b is not None and lo_a is not None and lo_a - window > hi_b:
        return False
    return True


def linked(a: EventLike, b: EventLike, window_days: int = 7) -> bool:
    """The cluster link rule of the module docstring (documents must differ)."""
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return False
    same_target = a.target_entity_id is not None and a.target_entity_id == b.target_entity_id
    same_actor = a.actor_entity_id is not None and a.actor_entity_id == b.actor_entity_id
    targets_differ = None not in (a.target_entity_id, b.target_entity_id) and a.target_entity_id != b.target_entity_id
    if not (same_target or (same_actor and not targets_differ)):
        return False
    if None not in (a.location_entity_id, b.location_entity_id) and a.location_entity_id != b.location_entity_id:
        return False
    return _dates_fit(a, b, datetime.timedelta(days=window_days))


def cluster_events(events: Sequence[EventLike], *, window_days: int = 7) -> list[tuple[str, str]]:
    """(event_id, cluster_id) for every event, in input order. Candidates are blocked by (type,
    role, entity id), so the cost grows with the size of the blocks, not the square of the input."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        for role, eid in (("actor", e.actor_entity_id), ("target", e.target_entity_id)):
            if eid is not None:
                blocks[(e.event_type, role, eid)].append(i)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if root(i) != root(j) and linked(events[i], events[j], window_days):
                    parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[root(i)].append(i)
    cluster_of: dict[int, str] = {}
    for members in groups.values():
        canonical = min(events[i].event_id for i in members)
        for i in members:
            cluster_of[i] = stable_id("evc", canonical)
    return [(e.event_id, cluster_of[i]) for i, e in enumerate(events)]


def event_conflicts(events: Sequence[EventLike], clusters: Sequence[tuple[str, str]]) -> list[Conflict]:
    """Conflict rows (see the module docstring), ``event_id_a < event_id_b``, sorted."""
    by_id = {e.event_id: e for e in events}
    members: dict[str, list[EventLike]] = defaultdict(list)
    for event_id, cluster_id in clusters:
        if event_id in by_id:
            members[cluster_id].append(by_id[event_id])
    out: list[Conflict] = []
    for cluster_id, group in members.items():
        group = sorted(group, key=lambda e: e.event_id)
        for x, a in enumerate(group):
            for b in group[x + 1:]:
                sa, sb = STANCE.get(a.modality, "irrealis"), STANCE.get(b.modality, "irrealis")
                if a.doc_id == b.doc_id or sa == sb or "irrealis" in (sa, sb):
                    continue
                kind = "polarity" if "negative" in (sa, sb) else "certainty"
                out.append(Conflict(cluster_id, a.event_id, b.event_id, a.modality, b.modality, kind))
    return sorted(out)
