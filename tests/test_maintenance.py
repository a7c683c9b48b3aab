"""Reingest, snapshots, time travel (`sql --as-of`) and compaction on a lake built by the real flow."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslake.cli import app
from newslake.warehouse.lake import LakeConfig, connect, query
from newslake.warehouse.maintenance import compact, data_files_on_disk, snapshots
from tests.conftest import SEEDS

pytestmark = [pytest.mark.e2e, pytest.mark.model]

CONTENT = ["documents", "mentions", "doc_entities", "entity_roles", "entity_links", "entities", "claims",
           "claim_entities", "amounts", "events"]
STORY = ("Port Closes\n\nThe harbour authority in Valparaiso said on Monday that ships would wait outside the port. "
         "Minister Ana Ruiz told reporters the storm would pass by Wednesday.")


def content(cfg: LakeConfig, as_of=None) -> dict:  # type: ignore[no-untyped-def]
    with connect(cfg, as_of=as_of) as con:
        return {t: con.execute(f"SELECT * EXCLUDE (run_id) FROM {t} ORDER BY ALL").fetchall() for t in CONTENT}


def sql(cfg: LakeConfig, *args: str) -> list[dict]:
    r = CliRunner().invoke(app, ["sql", "-w", str(cfg.warehouse), "-f", "json", *args])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def two_run_lake(prefect_server, tmp_path_factory):
    """seeds/ ingested, then a second file: two runs, so two data snapshots."""
    from newslake.flows.ingest import ingest

    root = tmp_path_factory.mktemp("m")
    extra = root / "in" / "port.txt"
    extra.parent.mkdir()
    extra.write_text(STORY)
    wh = root / "lake"
    first = ingest(paths=[str(SEEDS)], warehouse=str(wh))
    second = ingest(paths=[str(extra)], warehouse=str(wh))
    return LakeConfig(wh), first, second


def copy_of(cfg: LakeConfig, tmp_path: Path) -> LakeConfig:
    shutil.copytree(cfg.warehouse, tmp_path / "copy")
    return LakeConfig(tmp_path / "copy")


def test_snapshots_name_their_runs_and_time_travel(two_run_lake):
    cfg, first, second = two_run_lake
    snaps = snapshots(cfg)
    by_run: dict[str, int] = {}  # a run commits several snapshots (start, batches, finish): its last one
    for s in snaps:
        if s["run_id"]:
            by_run[s["run_id"]] = max(by_run.get(s["run_id"], -1), s["snapshot_id"])
    assert set(by_run) == {first.run_id, second.run_id} and by_run[first.run_id] < by_run[second.run_id]
    r = CliRunner().invoke(app, ["snapshots", "-w", str(cfg.warehouse), "-f", "json"])
    assert r.exit_code == 0 and {x["run_id"] for x in json.loads(r.stdout)} >= {first.run_id, second.run_id}

    q = "SELECT count(*) AS n FROM documents"
    assert sql(cfg, q) == [{"n": 2}]
    assert sql(cfg, q, "--as-of", str(by_run[first.run_id])) == [{"n": 1}]
    when = next(s["snapshot_time"] for s in snaps if s["snapshot_id"] == by_run[first.run_id])
    assert sql(cfg, q, "--as-of", when.isoformat()) == [{"n": 1}]
    assert sql(cfg, "SELECT count(*) AS n FROM entities", "--as-of", str(by_run[first.run_id])) == \
        [{"n": len(content(cfg, as_of=by_run[first.run_id])["entities"])}]


@pytest.mark.parametrize("bad", ["yesterday", "1; DROP TABLE documents", "2026-13-01", "-1"])
def test_as_of_rejects_anything_but_an_id_or_a_time(two_run_lake, bad):
    cfg, _, _ = two_run_lake
    r = CliRunner().invoke(app, ["sql", "-w", str(cfg.warehouse), "SELECT 1", "--as-of", bad])
    assert r.exit_code == 2 and "--as-of" in r.output


def test_as_of_a_snapshot_that_does_not_exist(two_run_lake):
    cfg, _, _ = two_run_lake
    r = CliRunner().invoke(app, ["sql", "-w", str(cfg.warehouse), "SELECT 1", "--as-of", "99999"])
    assert r.exit_code == 1 and "error" in r.output


def test_reingest_default_is_nothing_and_all_keeps_every_table(two_run_lake, tmp_path):
    from newslake.flows.maintenance import reingest

    cfg = copy_of(two_run_lake[0], tmp_path)
    before = content(cfg)
    nothing = reingest(warehouse=str(cfg.warehouse))
    assert (nothing.docs_seen, nothing.docs_ok) == (0, 0)
    everything = reingest(all=True, warehouse=str(cfg.warehouse))
    assert (everything.docs_seen, everything.docs_ok, everything.docs_replaced) == (2, 2, 2)
    after = content(cfg)
    # the rows are rewritten (documents get a new ingested_at), their content is the same
    assert {t: after[t] for t in CONTENT if t != "documents"} == {t: before[t] for t in CONTENT if t != "documents"}
    cols = query(cfg, "SELECT * FROM documents LIMIT 0").column_names
    i = cols.index("ingested_at") - 1  # run_id is excluded in content()
    assert [r[:i] + r[i + 1:] for r in after["documents"]] == [r[:i] + r[i + 1:] for r in before["documents"]]


def test_reingest_outdated_version(two_run_lake, tmp_path):
    import newslake.flows.maintenance as m

    cfg = copy_of(two_run_lake[0], tmp_path)
    with connect(cfg, read_only=False) as con:  # one document made "older"
        con.execute("UPDATE documents SET extractor_version = 'old' WHERE uri LIKE '%port.txt'")
    s = m.reingest(warehouse=str(cfg.warehouse))
    assert (s.docs_seen, s.docs_ok) == (1, 1)
    assert query(cfg, "SELECT count(DISTINCT extractor_version) AS n FROM documents").to_pylist() == [{"n": 1}]


def test_compact_answers_the_same_and_removes_files(two_run_lake, tmp_path):
    from newslake.flows.ingest import ingest

    cfg = copy_of(two_run_lake[0], tmp_path)
    changed = tmp_path / "port.txt"
    changed.write_text(STORY.replace("Wednesday", "Thursday"))
    ingest(paths=[str(changed)], warehouse=str(cfg.warehouse))  # a third run: more small files and deletes
    before, files_before = content(cfg), data_files_on_disk(cfg)
    report = compact(cfg, keep_days=0)
    after, files_after = content(cfg), data_files_on_disk(cfg)
    assert after == before
    assert report.files_before == len(files_before) and report.files_after == len(files_after)
    assert len(files_after) < len(files_before) and report.files_deleted > 0
    assert all(not Path(f).exists() for f in files_before - files_after)
    assert report.snapshots_after < report.snapshots_before
    with connect(cfg) as con:  # every file left on disk is one the lake uses
        used = {r[0] for r in con.execute("SELECT data_file FROM ducklake_list_files('lake', 'documents')").fetchall()}
    assert used and used <= files_after
    r = CliRunner().invoke(app, ["compact", "-w", str(cfg.warehouse), "--keep-days", "0"])
    assert r.exit_code == 0 and "data files:" in r.output and content(cfg) == before


def test_maintenance_flow_compacts(two_run_lake, tmp_path):
    from newslake.flows.maintenance import maintenance

    cfg = copy_of(two_run_lake[0], tmp_path)
    before = content(cfg)
    report = maintenance(warehouse=str(cfg.warehouse), keep_days=0)
    assert report.snapshots_after < report.snapshots_before and content(cfg) == before
