"""``input_files`` (which file contents a later run may skip unread): a run ends with a row for every
file it finished, exactly once per content, whatever a concurrent writer did to the rows its
batches wrote."""

from __future__ import annotations

import time
from pathlib import Path

from newslake.flows.ingest import InputFile, RunSummary, _file_rows, finish_run
from newslake.warehouse.lake import LAKE, LakeConfig, LakeWriter, RunTables, connect, query
from tests.conftest import NOW


def test_a_run_ends_with_one_input_files_row_per_file_it_finished(tmp_path: Path):
    cfg = LakeConfig(tmp_path / "wh")
    files = [InputFile(f"/in/{n}.txt", f"sha_{n}", 100, docs=1) for n in ("a", "b", "c")]
    files.append(InputFile("/in/unreadable", None, -1))  # no content hash: never recorded
    files.append(InputFile("/in/copy-of-b.txt", "sha_b", 100, docs=1))  # the same content twice: one row
    with LakeWriter(cfg) as lake:
        run = RunSummary(run_id="r1", started_at=NOW, extractor_version="v1", model="m")
        run.add(batches=1)
        lake.commit(RunTables({"input_files": _file_rows(files, run)}, run))
        # what two writers finishing the same files at once can leave: a.txt's row gone, and c.txt's
        # content finished by the other writer, read from another path (its row stands)
        with connect(cfg, read_only=False) as other:
            other.execute(f"DELETE FROM {LAKE}.input_files WHERE sha256 = 'sha_a'")
            other.execute(f"UPDATE {LAKE}.input_files SET path = '/other/c.txt', run_id = 'r2' WHERE sha256 = 'sha_c'")
        finish_run(lake, run, time.perf_counter(), files)
    rows = query(cfg, "SELECT sha256, path, docs, extractor_version, run_id FROM input_files ORDER BY sha256").to_pylist()
    assert [(r["sha256"], r["path"], r["run_id"]) for r in rows] == [
        ("sha_a", "/in/a.txt", "r1"), ("sha_b", "/in/copy-of-b.txt", "r1"), ("sha_c", "/other/c.txt", "r2")]
    assert {(r["docs"], r["extractor_version"]) for r in rows} == {(1, "v1")}
    assert query(cfg, "SELECT status FROM runs").to_pylist() == [{"status": "committed"}]
