"""The lake's views on a real DuckLake: event clusters across documents and their conflicts."""

from __future__ import annotations

import datetime as dt
import pytest

from tests.conftest import NOW, doc_row, ent_row, run_row
from newslake.warehouse.lake import LakeConfig, RunTables, commit, query
from newslake.warehouse.schema import to_table

D = dt.date


def event(doc: str, n: int, etype: str, *, actor=None, target=None, place=None, start=None, end=None,
          modality="asserted") -> dict:
    return dict(event_id=f"evt_{doc}_{n}", doc_id=doc, event_type=etype, trigger="killed", start_char=0, end_char=6,
                actor_entity_id=actor, actor_text=actor, actor_start=None, actor_end=None,
                target_entity_id=target, target_text=target, target_start=None, target_end=None,
                location_entity_id=place, location_text=place, location_start=None, location_end=None,
                date_text=None, date_start=start, date_end=end, modality=modality, claim_id=None,
                sentence_start=0, sentence_end=10, event_mode=None, location_source="clause" if place else None,
                date_source=("report" if start is None else "trigger") if end else None, mention_count=1,
                other_triggers=[], modalities=[modality], extractor_version="v1", run_id="r")


EVENTS = [
    event("d1", 1, "ASSAULT", target="e_naz", place="e_raqqa", end=D(2015, 6, 10), modality="rumored"),
    event("d2", 1, "ASSAULT", actor="e_army", target="e_naz", place="e_raqqa", start=D(2015, 6, 3), end=D(2015, 6, 3)),
    event("d3", 1, "ASSAULT", target="e_naz", place="e_raqqa", start=D(2015, 6, 12), end=D(2015, 6, 12), modality="denied"),
    event("d4", 1, "ASSAULT", target="e_naz", place="e_homs"),                       # another place
    event("d5", 1, "ASSAULT", target="e_naz", place="e_raqqa", start=D(2016, 1, 1), end=D(2016, 1, 2)),  # months later
    event("d6", 1, "THREATEN", actor="e_hal", target="e_said"),
    event("d7", 1, "THREATEN", actor="e_hal", modality="future"),
    event("d8", 1, "THREATEN", actor="e_hal", target="e_other"),   # one piece of evidence each: no chaining
    event("d9", 1, "ASSAULT", target="e_naz", place="e_raqqa", end=D(2015, 6, 30), modality="denied"),  # same doc ...
]
EVENTS[-1]["doc_id"] = "d3"  # ... as d3_1: never paired with it


@pytest.fixture(scope="module")
def lake(tmp_path_factory) -> LakeConfig:
    cfg = LakeConfig(tmp_path_factory.mktemp("views") / "wh")
    docs = sorted({e["doc_id"] for e in EVENTS})
    ents = [ent_row(d, eid, eid) for d in docs for eid in {x for e in EVENTS if e["doc_id"] == d
                                                          for x in (e["actor_entity_id"], e["target_entity_id"], e["location_entity_id"]) if x}]
    extra = {"run_id": "r", "ingested_at": NOW}
    commit(cfg, RunTables({"documents": to_table("documents", [doc_row(d) for d in docs], extra),
                           "doc_entities": to_table("doc_entities", ents, extra),
                           "events": to_table("events", EVENTS, extra)}, run_row("r")))
    return cfg


def test_event_clusters_and_conflicts_on_a_real_lake(lake):
    """The rule itself is tested in test_clusters.py on an in-memory database; here the views run on
    DuckLake with its committed tables."""
    rows = query(lake, "SELECT event_id, cluster_id FROM event_clusters").to_pylist()
    groups: dict[str, set[str]] = {}
    for r in rows:
        groups.setdefault(r["cluster_id"], set()).add(r["event_id"])
    assert sorted(map(sorted, groups.values())) == [
        ["evt_d1_1", "evt_d2_1", "evt_d3_1", "evt_d9_1"], ["evt_d4_1"], ["evt_d5_1"], ["evt_d6_1"], ["evt_d7_1"],
        ["evt_d8_1"]]
    kinds = {(r["event_id_a"], r["event_id_b"]): r["kind"] for r in query(
        lake, "SELECT event_id_a, event_id_b, kind FROM claim_conflicts").to_pylist()}
    assert kinds == {("evt_d1_1", "evt_d2_1"): "certainty", ("evt_d1_1", "evt_d3_1"): "polarity",
                     ("evt_d2_1", "evt_d3_1"): "polarity", ("evt_d1_1", "evt_d9_1"): "polarity",
                     ("evt_d2_1", "evt_d9_1"): "polarity"}  # d3_1 and d9_1 share a document: no conflict


def test_views_follow_entity_links(tmp_path):
    """Participants are compared as real-world entities: an initialled target links across documents."""
    cfg = LakeConfig(tmp_path / "wh")
    extra = {"run_id": "r", "ingested_at": NOW}
    a = event("da", 1, "ASSAULT", target="e_full", place="e_x", modality="rumored")
    b = event("db", 1, "ASSAULT", target="e_sur", place="e_x", modality="reported")
    commit(cfg, RunTables({"documents": to_table("documents", [doc_row("da"), doc_row("db")], extra),
                           "doc_entities": to_table("doc_entities", [ent_row("da", "e_full", "Nusrat Nazarov"),
                                                                     ent_row("db", "e_sur", "N. Nazarov")], extra),
                           "events": to_table("events", [a, b], extra)}, run_row("r")))
    (row,) = query(cfg, "SELECT kind, shared FROM (SELECT c.kind, p.shared_entity_id AS shared FROM claim_conflicts c "
                        "JOIN event_pairs p ON p.event_id_a = c.event_id_a AND p.event_id_b = c.event_id_b)").to_pylist()
    assert row == {"kind": "certainty", "shared": "e_full"}
