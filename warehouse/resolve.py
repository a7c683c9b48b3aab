"""Cross-document entity resolution inside a run's commit transaction.

Document-level entity ids (``mentions.entity_id``, ``doc_entities.entity_id``) never change once
written. What changes as evidence arrives is which real-world entity they belong to:
``entity_links`` maps every document-level id to a canonical id, with the rule and evidence that
merged it, and ``entities`` holds one row per canonical id. For the ids a run touches, this module

1. recomputes their blocking keys (``entity_blocks``),
2. re-decides them, their cluster-mates and their old block-mates with
   :func:`newslake.transforms.linking.link.relink`, which loads blocks until every cluster it touches is complete
   (decisions are per block, deterministic and order-independent),
3. replaces the set's rows in ``entity_links`` and the affected rows of ``entities``.

Every aggregate is independent of the order documents were committed in (ties go to the smaller
value, coordinates are averaged exactly), so a Dask run, a resumed run or two writers leave the same
tables as one local run of the same documents.

All of it runs on the caller's connection inside the caller's transaction.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from newslake.warehouse.schema import LAKE
from newslake.transforms.linking.link import LINKING_VERSION, EntityRecord, blocking_keys
from newslake.transforms.linking.link import relink as link_relink


# Aggregates whose result must not depend on the order rows are scanned in (which follows the order
# batches committed in, and how DuckDB splits a scan between threads): a commit-order-independent
# lake needs them, since a Dask run, a resumed run or two writers commit the same documents in
# another order than one local run.

def _most_common(col: str) -> str:
    """SQL (an aggregate) for the most frequent non-null ``col``, ties to the smallest value
    (DuckDB's ``mode`` keeps whichever tied value it met first)."""
    return (f"list_sort(list_filter(map_entries(histogram({col})), e -> e.value = list_max(map_values(histogram({col})))), "
            f"'ASC')[1].key")


def _exact_avg(col: str) -> str:
    """SQL for the mean of a DOUBLE column summed exactly (as DECIMAL to 1e-9), so that it does not
    change in its last bits with the order of addition; NULL when every value is NULL."""
    return f"CAST(avg(CAST({col} AS DECIMAL(18, 9))) AS DOUBLE)"


def _ids_table(con: duckdb.DuckDBPyConnection, name: str, ids: set[str]) -> None:
    con.register(name, pa.table({"id": pa.array(sorted(ids), pa.string())}))


def _records(con: duckdb.DuckDBPyConnection, ids: set[str]) -> list[EntityRecord]:
    """One record per document-level id: its most frequent name and label, all its aliases."""
    _ids_table(con, "rec_ids", ids)
    rows = con.execute(f"""
        WITH de AS (SELECT * FROM {LAKE}.doc_entities WHERE entity_id IN (SELECT id FROM rec_ids)),
        names AS (SELECT entity_id, first(name ORDER BY n DESC, name) AS name FROM (
                    SELECT entity_id, name, count(*) * 1000000 + sum(mention_count) AS n FROM de GROUP BY ALL)
                  GROUP BY entity_id),
        labels AS (SELECT entity_id, first(label ORDER BY n DESC, label) AS label FROM (
                    SELECT entity_id, label, sum(mention_count) AS n FROM de GROUP BY ALL)
                  GROUP BY entity_id)
        SELECT de.entity_id, any_value(n.name), any_value(l.label),
               list_sort(list_distinct(flatten(list(de.aliases)))), count(DISTINCT de.doc_id), {_most_common("de.geonames_id")}
        FROM de JOIN names n USING (entity_id) JOIN labels l USING (entity_id)
        GROUP BY de.entity_id ORDER BY de.entity_id""").fetchall()
    con.unregister("rec_ids")
    return [EntityRecord(entity_id=r[0], name=r[1], label=r[2], aliases=tuple(a for a in r[3] if a != r[1]),
                         doc_count=r[4], geonames_id=r[5]) for r in rows]


def _block_mates(con: duckdb.DuckDBPyConnection, ids: set[str]) -> set[str]:
    """Ids that share a stored blocking key with one of ``ids``."""
    _ids_table(con, "mate_q", ids)
    rows = con.execute(f"""
        SELECT DISTINCT b2.entity_id FROM {LAKE}.entity_blocks b1 JOIN {LAKE}.entity_blocks b2 USING (block_key)
        WHERE b1.entity_id IN (SELECT id FROM mate_q)""").fetchall()
    con.unregister("mate_q")
    return {r[0] for r in rows}


def _cluster_members(con: duckdb.DuckDBPyConnection, ids: set[str]) -> set[str]:
    """Every id in the same current cluster as one of ``ids``."""
    _ids_table(con, "member_q", ids)
    rows = con.execute(f"""
        SELECT entity_id FROM {LAKE}.entity_links WHERE canonical_entity_id IN (
            SELECT canonical_entity_id FROM {LAKE}.entity_links WHERE entity_id IN (SELECT id FROM member_q)
            UNION SELECT id FROM member_q)""").fetchall()
    con.unregister("member_q")
    return {r[0] for r in rows}


def _loader(con: duckdb.DuckDBPyConnection):  # type: ignore[no-untyped-def]
    def load(keys: frozenset[str]) -> list[EntityRecord]:
        con.register("key_q", pa.table({"k": pa.array(sorted(keys), pa.string())}))
        ids = {r[0] for r in con.execute(
            f"SELECT DISTINCT entity_id FROM {LAKE}.entity_blocks WHERE block_key IN (SELECT k FROM key_q)").fetchall()}
        con.unregister("key_q")
        return _records(con, ids) if ids else []
    return load


def relink(con: duckdb.DuckDBPyConnection, touched: set[str], run_id: str) -> None:
    """Recompute blocks, links and ``entities`` rows for what ``touched`` ids can affect.

    ``touched``: document-level ids whose rows the run added or deleted. Besides them, their
    current cluster-mates and the ids sharing their old blocking keys are decided again (a removed
    full name can make a surname unambiguous, or strand the ids linked to it).
    """
    if not touched:
        return
    neighbours = (_cluster_members(con, touched) | _block_mates(con, touched)) - touched
    # one read of doc_entities for both (it does not change below): the touched ids' records, then
    # their neighbours', each in entity_id order
    records = _records(con, touched | neighbours)
    live = [r for r in records if r.entity_id in touched]
    near = [r for r in records if r.entity_id not in touched]
    _ids_table(con, "touched_ids", touched)
    con.execute(f"DELETE FROM {LAKE}.entity_blocks WHERE entity_id IN (SELECT id FROM touched_ids)")
    blocks = sorted((r.entity_id, k) for r in live for k in blocking_keys(r))
    if blocks:
        con.register("new_blocks", pa.table({"entity_id": [b[0] for b in blocks], "block_key": [b[1] for b in blocks]}))
        con.execute(f"INSERT INTO {LAKE}.entity_blocks SELECT entity_id, block_key FROM new_blocks")
        con.unregister("new_blocks")

    result = link_relink([*live, *near], _loader(con))
    replace = set(result.entity_ids) | touched
    _ids_table(con, "group_ids", replace)
    old_canon = {r[0] for r in con.execute(
        f"SELECT DISTINCT canonical_entity_id FROM {LAKE}.entity_links WHERE entity_id IN (SELECT id FROM group_ids)").fetchall()}
    con.execute(f"DELETE FROM {LAKE}.entity_links WHERE entity_id IN (SELECT id FROM group_ids)")
    links = {l.entity_id: l for l in result.links}
    alive = {r[0] for r in con.execute(
        f"SELECT DISTINCT entity_id FROM {LAKE}.doc_entities WHERE entity_id IN (SELECT id FROM group_ids)").fetchall()}
    rows = [(i, links[i].canonical_entity_id, links[i].method, links[i].score, links[i].evidence) if i in links
            else (i, i, "self", 100.0, None) for i in sorted(alive)]
    if rows:
        con.register("new_links", pa.table({
            "entity_id": [x[0] for x in rows], "canonical_entity_id": [x[1] for x in rows],
            "method": [x[2] for x in rows], "score": pa.array([x[3] for x in rows], pa.float64()),
            "evidence": pa.array([x[4] for x in rows], pa.string())}))
        con.execute(f"""INSERT INTO {LAKE}.entity_links
                            (entity_id, canonical_entity_id, method, score, evidence, extractor_version, run_id)
                        SELECT *, ?, ? FROM new_links""", [LINKING_VERSION, run_id])
        con.unregister("new_links")
    affected = old_canon | {x[1] for x in rows} | touched
    _ids_table(con, "affected_ids", affected)
    con.execute(f"DELETE FROM {LAKE}.entities WHERE entity_id IN (SELECT id FROM affected_ids)")
    con.execute(_ENTITIES_SQL, [run_id])
    for name in ("touched_ids", "group_ids", "affected_ids"):
        con.unregister(name)


_ENTITIES_SQL = f"""
    INSERT INTO {LAKE}.entities
    WITH de AS (
        SELECT de.*, l.canonical_entity_id AS cid FROM {LAKE}.doc_entities de
        JOIN {LAKE}.entity_links l USING (entity_id)
        WHERE l.canonical_entity_id IN (SELECT id FROM affected_ids)),
    names AS (
        SELECT cid, name FROM (
            SELECT cid, name, row_number() OVER (PARTITION BY cid ORDER BY count(DISTINCT doc_id) DESC,
                   sum(mention_count) DESC, bool_or(entity_id = cid) DESC, length(name) DESC, name) AS rk
            FROM de GROUP BY cid, name) WHERE rk = 1),
    labels AS (
        SELECT cid, label FROM (
            SELECT cid, label, row_number() OVER (PARTITION BY cid ORDER BY sum(mention_count) DESC, label) AS rk
            FROM de GROUP BY cid, label) WHERE rk = 1),
    forms AS (
        SELECT cid, list_sort(list_distinct(flatten(list(list_concat([name], aliases))))) AS forms,
               list_sort(list_distinct(list(entity_id))) AS members
        FROM de GROUP BY cid)
    SELECT de.cid, any_value(n.name), any_value(l.label),
           list_filter(any_value(f.forms), x -> x <> any_value(n.name)),
           sum(de.mention_count), count(DISTINCT de.doc_id),
           {_most_common("de.country_code")}, {_exact_avg("de.latitude")}, {_exact_avg("de.longitude")},
           {_most_common("de.geonames_id")},
           any_value(f.members), min(de.doc_id), max(de.extractor_version), ?
    FROM de JOIN names n USING (cid) JOIN labels l USING (cid) JOIN forms f USING (cid)
    GROUP BY de.cid
"""
