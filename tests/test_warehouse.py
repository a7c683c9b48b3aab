"""The lake: schemas, one-transaction commits, replacement, entity aggregation, concurrent writers."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from newslake.warehouse import lake as lake_mod
from newslake.warehouse.lake import LakeConfig, LakeError, RunTables, commit, known_versions, query, table_counts
from newslake.warehouse.schema import PER_DOCUMENT, TABLES, create_table_sql, description, to_table
from newslake.warehouse.dictionary import schema_markdown
from tests.conftest import NOW, doc_row, ent_row, mention_row, run_tables

@pytest.fixture()
def cfg(tmp_path: Path) -> LakeConfig:
    return LakeConfig(tmp_path / "wh")


def test_every_column_is_described_and_typed():
    for name, schema in TABLES.items():
        assert "CREATE TABLE" in create_table_sql(name)
        for f in schema:
            assert description(f), f"{name}.{f.name} has no description"


@pytest.mark.parametrize("table", PER_DOCUMENT)
def test_per_document_tables_carry_doc_id_and_version(table):
    names = TABLES[table].names
    assert "doc_id" in names and "extractor_version" in names


@pytest.mark.parametrize("table", ["mentions", "claims", "events", "doc_entities"])
def test_extracted_tables_carry_offsets(table):
    assert {"start_char", "end_char"} <= set(TABLES[table].names)


def test_to_table_rejects_rows_missing_a_column():
    with pytest.raises(KeyError, match="run_id"):
        to_table("mentions", [{k: v for k, v in mention_row("d", "e", 0, "A").items() if k != "run_id"}])


def test_schema_docs_are_current():
    doc = Path(__file__).resolve().parent.parent / "docs" / "schema.md"
    assert doc.read_text() == schema_markdown(), "run `newslake schema-docs` to regenerate docs/schema.md"


def test_query_on_missing_lake_is_a_clear_error(cfg):
    with pytest.raises(LakeError, match="no lake"):
        query(cfg, "SELECT 1")


def test_commit_writes_parquet_and_reads_back(cfg):
    assert commit(cfg, run_tables("r1", [doc_row("d1")], [ent_row("d1", "e_a", "Alice")])) == 1
    assert table_counts(cfg)["documents"] == 1
    files = list((cfg.warehouse / "data").rglob("*.parquet"))
    assert any("documents" in str(f) for f in files)
    assert known_versions(cfg, ["d1", "d2"]) == {"d1": "v1"}
    row = query(cfg, "SELECT name, mention_count, doc_count, aliases FROM entities").to_pylist()
    assert row == [{"name": "Alice", "mention_count": 1, "doc_count": 1, "aliases": []}]


def test_entities_aggregate_across_documents_and_follow_replacement(cfg):
    commit(cfg, run_tables("r1", [doc_row("d1")], [ent_row("d1", "e_a", "Alice Smith", ["Smith"], n=2)]))
    commit(cfg, run_tables("r2", [doc_row("d2")], [ent_row("d2", "e_a", "Alice Smith", ["Alice"], n=3)]))
    (e,) = query(cfg, "SELECT * FROM entities").to_pylist()
    assert (e["mention_count"], e["doc_count"], sorted(e["aliases"])) == (5, 2, ["Alice", "Smith"])
    # d2 re-extracted by a new version without the entity: its contribution goes away
    commit(cfg, run_tables("r3", [doc_row("d2", version="v2")], []))
    (e,) = query(cfg, "SELECT * FROM entities").to_pylist()
    assert (e["mention_count"], e["doc_count"], e["aliases"]) == (2, 1, ["Smith"])
    assert table_counts(cfg)["documents"] == 2


def test_new_version_replaces_rows_never_adds_beside_them(cfg):
    commit(cfg, run_tables("r1", [doc_row("d1")], [], [mention_row("d1", "e", 0, "Alice"), mention_row("d1", "e", 10, "Bob")]))
    commit(cfg, run_tables("r2", [doc_row("d1", version="v2")], [], [mention_row("d1", "e", 0, "Alice", version="v2")]))
    rows = query(cfg, "SELECT extractor_version, count(*) AS n FROM mentions GROUP BY 1").to_pylist()
    assert rows == [{"extractor_version": "v2", "n": 1}]
    assert query(cfg, "SELECT count(*) AS n FROM documents").to_pylist() == [{"n": 1}]


def boom_relink(con, touched, run_id):
    """Fail late in the transaction, after the deletes and inserts."""
    con.execute("SELECT error('crash during commit of ' || ?)", [run_id])


def test_failed_commit_leaves_nothing(cfg, monkeypatch):
    commit(cfg, run_tables("r1", [doc_row("d1")], [ent_row("d1", "e_a", "Alice")]))
    before = table_counts(cfg)
    monkeypatch.setattr(lake_mod, "relink", boom_relink)
    with pytest.raises(duckdb.Error):
        commit(cfg, run_tables("r2", [doc_row("d1", version="v2"), doc_row("d2")], [ent_row("d2", "e_b", "Bob")]), attempts=1)
    assert table_counts(cfg) == before
    assert known_versions(cfg, ["d1", "d2"]) == {"d1": "v1"}


def _writer(wh: str, k: int, n: int) -> None:
    cfg = LakeConfig(Path(wh))
    for i in range(n):
        d = f"w{k}_{i}"
        commit(cfg, run_tables(f"run_{d}", [doc_row(d)], [ent_row(d, "e_shared", "Shared Name")]))


def test_two_writer_processes_and_a_reader_lose_nothing(cfg):
    commit(cfg, run_tables("r0", [doc_row("d0")]))  # create the lake first
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(cfg.warehouse), k, 6)) for k in range(2)]
    for p in procs:
        p.start()
    reads = 0
    while any(p.is_alive() for p in procs):
        query(cfg, "SELECT count(*) FROM documents")  # a reader at the same time
        reads += 1
    for p in procs:
        p.join()
        assert p.exitcode == 0
    counts = table_counts(cfg)
    assert counts["documents"] == 13 and counts["runs"] == 13
    (e,) = query(cfg, "SELECT doc_count FROM entities").to_pylist()
    assert e["doc_count"] == 12
    assert reads > 0


def test_arrow_types_round_trip(cfg):
    commit(cfg, run_tables("r1", [doc_row("d1")]))
    t = query(cfg, "SELECT * FROM documents")
    ts = t.schema.field("published_at").type
    assert pa.types.is_timestamp(ts) and ts.tz in ("UTC", "Etc/UTC")
    assert t.schema.field("boilerplate").type == pa.list_(pa.string())


def _entity_state(cfg: LakeConfig) -> tuple[list[dict], list[dict]]:
    ents = query(cfg, "SELECT entity_id, name, label, member_ids, mention_count, doc_count FROM entities ORDER BY entity_id").to_pylist()
    links = query(cfg, "SELECT entity_id, canonical_entity_id, method FROM entity_links ORDER BY entity_id").to_pylist()
    return ents, links


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_cross_document_links_do_not_depend_on_ingest_order(tmp_path, order):
    """An initialled name ("G. Halimov") links to the full name whichever arrives first (a bare
    surname never links across documents)."""
    docs = [
        ("d1", [ent_row("d1", "e_full", "Gulmurod Halimov", ["Halimov"], n=3)]),
        ("d2", [ent_row("d2", "e_sur", "G. Halimov", n=2)]),
        ("d3", [ent_row("d3", "e_other", "Edward Lemon", n=1)]),
    ]
    cfg = LakeConfig(tmp_path / f"wh{''.join(map(str, order))}")
    for i in order:
        d, ents = docs[i]
        commit(cfg, run_tables(f"r_{d}", [doc_row(d)], ents))
    ents, links = _entity_state(cfg)
    by_name = {e["name"]: e for e in ents}
    assert set(by_name) == {"Gulmurod Halimov", "Edward Lemon"}
    assert sorted(by_name["Gulmurod Halimov"]["member_ids"]) == ["e_full", "e_sur"]
    assert (by_name["Gulmurod Halimov"]["mention_count"], by_name["Gulmurod Halimov"]["doc_count"]) == (5, 2)
    assert {l["entity_id"]: l["canonical_entity_id"] for l in links} == {
        "e_full": "e_full", "e_sur": "e_full", "e_other": "e_other"}
    resolved = query(cfg, "SELECT count(*) AS n FROM mentions").to_pylist()  # views and tables agree
    assert resolved == [{"n": 0}]


def test_unlinking_when_the_evidence_goes(cfg):
    commit(cfg, run_tables("r1", [doc_row("d1")], [ent_row("d1", "e_full", "Gulmurod Halimov", n=1)]))
    commit(cfg, run_tables("r2", [doc_row("d2")], [ent_row("d2", "e_sur", "G. Halimov", n=1)]))
    assert len(_entity_state(cfg)[0]) == 1
    # d1 re-extracted without the full name: the initialled name stands alone again
    commit(cfg, run_tables("r3", [doc_row("d1", version="v2")], []))
    ents, links = _entity_state(cfg)
    assert [(e["entity_id"], e["name"]) for e in ents] == [("e_sur", "G. Halimov")]
    assert links == [{"entity_id": "e_sur", "canonical_entity_id": "e_sur", "method": "self"}]


def test_runs_schema_is_the_run_record():
    from dataclasses import fields

    from newslake.warehouse.schema import RunRecord

    assert TABLES["runs"].names == [f.name for f in fields(RunRecord)]
    r = RunRecord(run_id="x")
    r.add(docs_seen=3, mentions=7, batches=1)
    r.add(docs_seen=2, batches=1)
    assert (r.docs_seen, r.mentions, r.batches, r.status) == (5, 7, 2, "running")
    with pytest.raises(KeyError, match="no counter"):
        r.add(run_id=1)
    assert set(RunRecord.counters()) >= {"docs_seen", "docs_ok", "mentions", "claims", "events", "batches"}


def test_each_batch_commit_rewrites_the_run_row(cfg):
    from newslake.warehouse.lake import LakeWriter
    from newslake.warehouse.schema import RunRecord

    run = RunRecord(run_id="r1", started_at=NOW, extractor_version="v1", model="m")
    with LakeWriter(cfg) as w:
        w.commit(RunTables({}, run))
        for d in ("d1", "d2"):
            run.add(docs_seen=1, docs_ok=1, batches=1)
            w.commit(RunTables(run_tables("r1", [doc_row(d)]).tables, run))
            (row,) = query(cfg, "SELECT status, docs_ok, batches, commit_attempts FROM runs").to_pylist()
            assert row == {"status": "running", "docs_ok": run.docs_ok, "batches": run.batches,
                           "commit_attempts": run.batches}
        assert w.known_versions(["d1", "d2", "d3"]) == {"d1": "v1", "d2": "v1"}
    assert table_counts(cfg)["documents"] == 2


def test_a_dead_running_run_is_marked_interrupted(cfg):
    from newslake.warehouse.lake import LakeWriter
    from newslake.warehouse.schema import RunRecord

    with LakeWriter(cfg) as w:
        for run_id, pid in (("dead", 11), ("alive", 12), ("elsewhere", 11)):
            w.commit(RunTables({}, RunRecord(run_id=run_id, started_at=NOW, host="h2" if run_id == "elsewhere" else "h1", pid=pid)))
        assert w.mark_interrupted("h1", alive=lambda pid: pid == 12, by="next") == ["dead"]
    status = {r["run_id"]: r["status"] for r in query(cfg, "SELECT run_id, status FROM runs").to_pylist()}
    assert status == {"dead": "interrupted", "alive": "running", "elsewhere": "running"}
    (error,) = query(cfg, "SELECT error FROM runs WHERE run_id = 'dead'").to_pylist()
    assert error["error"].endswith("found by run next")


def test_lake_location_reads_what_settings_read(monkeypatch, tmp_path):
    from newslake.settings import get_settings, lake_location

    monkeypatch.setenv("NEWSLAKE_WAREHOUSE", str(tmp_path / "w"))
    monkeypatch.setenv("NEWSLAKE_DATA_PATH", str(tmp_path / "d"))
    s = get_settings()
    assert tuple(lake_location()) == (s.warehouse, s.catalog, s.data_path)
    assert lake_location(tmp_path / "x").warehouse == get_settings(warehouse=tmp_path / "x").warehouse


def test_a_conflict_while_creating_tables_leaves_no_transaction_open(cfg, monkeypatch):
    """Two writers that start on an empty catalog race to create the tables; the loser's retry must
    not find its failed transaction still open."""
    from newslake.warehouse import views

    calls = []
    real = views.create_views

    def conflicting_once(con):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise duckdb.TransactionException("write-write conflict on table creation (simulated)")
        real(con)

    monkeypatch.setattr(views, "create_views", conflicting_once)
    commit(cfg, run_tables("r1", [doc_row("d1")]))
    assert len(calls) == 2
    assert query(cfg, "SELECT doc_id FROM documents").column(0).to_pylist() == ["d1"]


def test_compaction_leaves_the_tables_rewritten_in_place_one_file_without_deletes(cfg):
    from newslake.warehouse.schema import REWRITTEN_IN_PLACE

    commit(cfg, run_tables("r0", [doc_row("d0")], [ent_row("d0", "e_alice", "Alice Smith"), ent_row("d0", "e_bob", "Bob Jones")]))
    for k in range(1, 4):  # every batch relinks Alice: her rows are replaced, a delete left on the older file
        commit(cfg, run_tables(f"r{k}", [doc_row(f"d{k}")], [ent_row(f"d{k}", "e_alice", "Alice Smith")]))

    def files(con) -> dict[str, tuple[int, int]]:
        return {t: con.execute(f"SELECT count(*), count(delete_file) FROM ducklake_list_files('lake', '{t}')").fetchone()
                for t in REWRITTEN_IN_PLACE}

    def contents() -> dict[str, list]:
        return {t: query(cfg, f"SELECT * FROM {t} ORDER BY ALL").to_pylist() for t in (*REWRITTEN_IN_PLACE, *PER_DOCUMENT)}

    before = contents()
    with lake_mod.LakeWriter(cfg) as w:
        assert files(w.con)["entity_links"] >= (2, 1) and files(w.con)["runs"][0] >= 4
        w.compact()
        after = files(w.con)
    assert after == {t: (0 if t == "input_files" else 1, 0) for t in REWRITTEN_IN_PLACE}, after  # no input file here
    assert contents() == before


def test_the_writer_reopens_its_connection_between_commits_without_losing_any(cfg, monkeypatch):
    """A long run's connection is replaced every ``REOPEN_EVERY`` commits and after each compaction
    (DuckDB gives back what a connection held only when it closes); every batch still lands, and
    relinking on the new connection sees the rows the old one wrote."""
    from newslake.warehouse.lake import LakeWriter

    monkeypatch.setattr(LakeWriter, "REOPEN_EVERY", 2)
    cons = []
    with LakeWriter(cfg) as w:
        for i in range(5):
            w.commit(run_tables("r1", [doc_row(f"d{i}")], [ent_row(f"d{i}", f"e{i}", "Alice Smith")]))
            cons.append(w.con)  # the connection the commit ran on
        before = w.con
        w.compact()
        assert w.con is not before and w.known_versions(["d0", "d4"]) == {"d0": "v1", "d4": "v1"}
    assert len({id(c) for c in cons}) == 3  # commits 1-2 on the first connection, 3-4 the second, 5 the third
    assert table_counts(cfg)["documents"] == 5
    links = query(cfg, "SELECT DISTINCT canonical_entity_id FROM entity_links").to_pylist()
    assert len(links) == 1  # the five Alice Smiths, committed on three connections, are one entity


@pytest.mark.parametrize("limit", ["1MB", "128MB"])
def test_compaction_under_a_memory_limit_keeps_every_row(cfg, monkeypatch, limit):
    """Compaction runs under DuckDB's memory limit ``COMPACT_MEMORY`` (spilling), and again without
    one if a step cannot fit: either way every row stays and the small files are merged."""
    from newslake.warehouse import lake as lake_mod

    monkeypatch.setattr(lake_mod, "COMPACT_MEMORY", limit)
    with lake_mod.LakeWriter(cfg) as w:
        for i in range(4):
            w.commit(run_tables("r1", [doc_row(f"d{i}")], [ent_row(f"d{i}", f"e{i}", "Alice Smith")]))
        files = lambda: w.con.execute(  # noqa: E731
            "SELECT count(*) FROM ducklake_list_files('lake', 'documents')").fetchone()[0]
        assert files() == 4
        w.compact()
        assert files() == 1
    assert table_counts(cfg)["documents"] == 4 and table_counts(cfg)["doc_entities"] == 4


def test_writer_commits_on_one_duckdb_thread_and_compacts_on_the_default(tmp_path, monkeypatch) -> None:
    """A writer's commits run on COMMIT_THREADS DuckDB threads (small statements, beside the spaCy
    workers); compaction resets DuckDB's default, and the connection it leaves commits on one again."""
    from newslake.warehouse.lake import COMMIT_THREADS, LakeWriter

    threads = lambda con: con.execute("SELECT current_setting('threads')").fetchone()[0]  # noqa: E731
    default = threads(duckdb.connect())
    seen = []
    real = lake_mod.compact_files
    monkeypatch.setattr(lake_mod, "compact_files", lambda con, **kw: (seen.append(threads(con)), real(con, **kw)))
    with LakeWriter(LakeConfig(tmp_path / "wh")) as w:
        assert threads(w.con) == COMMIT_THREADS == 1
        w.compact()
        assert seen == [default] and threads(w.con) == 1
