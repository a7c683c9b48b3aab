"""The lake's tables do not depend on the order in which batches commit.

A Dask run commits its batches in the order results arrive, a resumed run commits the remaining
batches of a killed one, and two writers interleave theirs: every aggregate over documents
(``entities``: name, label, aliases, counts, place data, first document; ``entity_links``,
``entity_blocks``) must come out the same whatever order the same documents arrived in.
"""

from __future__ import annotations

import json
from pathlib import Path

from newslake.warehouse.lake import LakeConfig, commit, query
from newslake.warehouse.schema import TABLES
from tests.conftest import doc_row, ent_row, run_tables


def _place(doc_id: str, entity_id: str, name: str, country: str, lat: float, lon: float, geonames: int,
           aliases=(), n: int = 1) -> dict:
    row = ent_row(doc_id, entity_id, name, aliases, n=n, label="GPE")
    row.update(country_code=country, latitude=lat, longitude=lon, geonames_id=geonames, geo_status="resolved")
    return row


#: nine documents; entities whose aggregates have ties or order-sensitive sums
DOCS: dict[str, list[dict]] = {
    # one place, written with coordinates whose floating-point sum depends on the order of addition,
    # and with a country and a gazetteer id that tie (two documents each)
    "d1": [_place("d1", "e_ny", "New York", "US", 0.1, -74.1, 5128581)],
    "d2": [_place("d2", "e_ny", "New York", "US", 0.2, -74.2, 5128581, aliases=["New York City"])],
    "d3": [_place("d3", "e_ny", "New York", "GB", 0.3, -74.3, 5128638)],
    "d4": [_place("d4", "e_ny", "New York", "GB", 0.7, -74.7, 5128638)],
    # names that tie on documents and mentions, and an initialled form that links
    "d5": [ent_row("d5", "e_a", "Gulmurod Halimov", ["Halimov"], n=2), ent_row("d5", "e_lab", "Acme", n=1, label="ORG")],
    "d6": [ent_row("d6", "e_b", "G. Halimov", n=2), ent_row("d6", "e_lab", "Acme", n=1, label="PERSON")],
    "d7": [ent_row("d7", "e_a", "Gulmurod Halimov", n=1), ent_row("d7", "e_c", "Edward Lemon", n=3)],
    "d8": [ent_row("d8", "e_c", "Edward Lemon", ["Lemon"], n=1)],
    "d9": [ent_row("d9", "e_c", "Ed Lemon", n=3)],
}


def _lake(where: Path, batches: list[list[str]]) -> dict[str, list[str]]:
    cfg = LakeConfig(where)
    for i, batch in enumerate(batches):
        commit(cfg, run_tables(f"r{i}", [doc_row(d, text=f"text of {d}") for d in batch],
                               [e for d in batch for e in DOCS[d]]))
    out = {}
    for name, schema in TABLES.items():
        if name in ("runs", "input_files"):
            continue
        cols = ", ".join(f'"{f.name}"' for f in schema if f.name not in ("run_id", "ingested_at"))
        out[name] = [json.dumps(r, default=str, sort_keys=True)
                     for r in query(cfg, f"SELECT {cols} FROM {name} ORDER BY ALL").to_pylist()]
    return out


ORDERS = {
    "forward": [["d1", "d2", "d3", "d4", "d5"], ["d6", "d7", "d8", "d9"]],
    "backward": [["d9", "d8", "d7"], ["d6", "d5", "d4"], ["d3", "d2", "d1"]],
    "shuffled": [["d4", "d1", "d7", "d3", "d9"], ["d2", "d6", "d5", "d8"]],
}


def test_tables_do_not_depend_on_the_order_batches_commit_in(tmp_path):
    lakes = {order: _lake(tmp_path / order, batches) for order, batches in ORDERS.items()}
    expected = lakes["forward"]
    for order in ("backward", "shuffled"):
        for name in expected:
            assert lakes[order][name] == expected[name], (order, name)
    ents = {json.loads(r)["entity_id"]: json.loads(r) for r in expected["entities"]}
    ny = ents["e_ny"]
    assert (ny["doc_count"], ny["first_doc_id"], ny["latitude"], ny["aliases"]) == (4, "d1", 0.325, ["New York City"])
    # two documents each for US/5128581 and GB/5128638: the tie goes to the smaller value
    assert (ny["country_code"], ny["geonames_id"]) == ("GB", 5128581)
    assert sorted(ents["e_a"]["member_ids"]) == ["e_a", "e_b"]
