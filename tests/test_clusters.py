"""Cross-document event clusters and conflicts: the link rule, determinism and the conflict kinds."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest

from newslake.transforms.events.clusters import STANCE, cluster_events, event_conflicts, linked
from newslake.transforms.ids import stable_id
from newslake.transforms.events.plover import MODALITIES


@dataclass(frozen=True)
class Ev:
    event_id: str
    doc_id: str
    event_type: str = "ASSAULT"
    actor_entity_id: str | None = None
    target_entity_id: str | None = "ent_nazarov"
    location_entity_id: str | None = "ent_raqqa"
    date_start: date | None = None
    date_end: date | None = None
    modality: str = "asserted"


BASE = Ev("evt_a", "doc1", date_start=date(2015, 6, 1), date_end=date(2015, 6, 10))


@pytest.mark.parametrize(("change", "expected"), [
    ({}, True),
    ({"doc_id": "doc1"}, False),                                  # same document: the merge step's job
    ({"event_type": "COERCE"}, False),
    ({"target_entity_id": "ent_other"}, False),
    ({"actor_entity_id": "ent_isis"}, True),                      # disputed attribution, same victim
    ({"location_entity_id": None}, True),
    ({"location_entity_id": "ent_aleppo"}, False),
    ({"date_start": date(2015, 6, 15), "date_end": date(2015, 6, 15)}, True),   # within 7 days
    ({"date_start": date(2015, 6, 25), "date_end": date(2015, 6, 25)}, False),
    ({"date_start": None, "date_end": date(2015, 6, 5)}, True),   # a report date bounds it
    ({"date_start": None, "date_end": date(2015, 5, 20)}, False), # reported before it happened
    ({"date_start": None, "date_end": None}, True),
])
def test_link_rule(change, expected):
    assert linked(BASE, replace(BASE, **{"event_id": "evt_b", "doc_id": "doc2", **change})) is expected


def test_same_actor_links_unless_targets_differ():
    a = Ev("evt_a", "d1", actor_entity_id="ent_isis", target_entity_id=None, location_entity_id=None)
    assert linked(a, replace(a, event_id="evt_b", doc_id="d2"))
    assert linked(a, replace(a, event_id="evt_b", doc_id="d2", target_entity_id="ent_x"))
    b = replace(a, target_entity_id="ent_y")
    assert not linked(b, replace(b, event_id="evt_b", doc_id="d2", target_entity_id="ent_x"))


def test_clusters_are_components_with_a_deterministic_id():
    events = [Ev("evt_3", "d1"), Ev("evt_1", "d2", modality="rumored"), Ev("evt_2", "d3", target_entity_id="ent_other"),
              Ev("evt_4", "d4", target_entity_id=None, actor_entity_id=None)]
    pairs = cluster_events(events)
    assert [e for e, _ in pairs] == ["evt_3", "evt_1", "evt_2", "evt_4"]
    c = dict(pairs)
    assert c["evt_3"] == c["evt_1"] == stable_id("evc", "evt_1")
    assert c["evt_2"] == stable_id("evc", "evt_2") and c["evt_4"] == stable_id("evc", "evt_4")
    assert dict(cluster_events(list(reversed(events)))) == c


def test_transitive_links_join_one_cluster():
    a = Ev("evt_a", "d1", date_start=date(2015, 6, 1), date_end=date(2015, 6, 1))
    b = replace(a, event_id="evt_b", doc_id="d2", date_start=date(2015, 6, 7), date_end=date(2015, 6, 7))
    c = replace(a, event_id="evt_c", doc_id="d3", date_start=date(2015, 6, 13), date_end=date(2015, 6, 13))
    assert not linked(a, c)
    assert len(set(dict(cluster_events([a, b, c])).values())) == 1


@pytest.mark.parametrize(("m1", "m2", "kind"), [
    ("reported", "rumored", "certainty"), ("asserted", "claimed", "certainty"),
    ("reported", "denied", "polarity"), ("rumored", "negated", "polarity"),
    ("asserted", "reported", None), ("claimed", "rumored", None), ("denied", "negated", None),
    ("asserted", "future", None), ("hypothetical", "denied", None),
])
def test_conflict_kinds(m1, m2, kind):
    events = [Ev("evt_a", "d1", modality=m1), Ev("evt_b", "d2", modality=m2)]
    rows = event_conflicts(events, cluster_events(events))
    assert [r.kind for r in rows] == ([kind] if kind else [])
    if kind:
        assert rows[0][1:5] == ("evt_a", "evt_b", m1, m2) and rows[0].cluster_id == stable_id("evc", "evt_a")


def test_no_conflict_within_a_document_or_across_clusters():
    events = [Ev("evt_a", "d1"), Ev("evt_b", "d1", modality="rumored", location_entity_id=None),
              Ev("evt_c", "d2", modality="denied", target_entity_id="ent_other")]
    assert event_conflicts(events, cluster_events(events)) == []
    assert set(STANCE) == set(MODALITIES)
