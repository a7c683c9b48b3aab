"""`newslake check` finds each kind of damage and `--repair` removes orphans without losing rows."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newslake.cli import app
from newslake.warehouse.check import check
from newslake.warehouse.lake import LakeConfig, RunTables, commit, connect
from newslake.warehouse.schema import TABLES
from tests.conftest import one_doc_lake as make_lake, row_for


def add_rows(cfg: LakeConfig, table: str, rows: list[dict]) -> None:
    with connect(cfg, read_only=False) as con:
        con.register("extra", pa.Table.from_pylist(rows, schema=TABLES[table]))
        con.execute(f"INSERT INTO lake.{table} SELECT * FROM extra")


def doc_id(cfg: LakeConfig) -> tuple[str, str]:
    with connect(cfg) as con:
        return con.execute("SELECT doc_id, text FROM documents").fetchone()


def problems(cfg: LakeConfig) -> dict[str, int]:
    return {f.check: f.problems for f in check(cfg).findings.values()}


def test_a_sound_lake_passes(tmp_path: Path) -> None:
    cfg = make_lake(tmp_path / "lake")
    result = CliRunner().invoke(app, ["check", "-w", str(cfg.warehouse), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert [line.split(",")[:3] for line in result.output.splitlines()[1:]] == [
        [name, "ok", "0"] for name in ("catalog", "files", "documents", "offsets", "ids", "orphans")]


def test_orphans_are_found_and_only_old_ones_removed(tmp_path: Path) -> None:
    cfg = make_lake(tmp_path / "lake")
    folder = tmp_path / "lake" / "data" / "main" / "documents"
    old, young = folder / "ducklake-killed-commit.parquet", folder / "ducklake-in-flight.parquet"
    for p in (old, young):
        pq.write_table(pa.table({"x": [1]}), p)
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert problems(cfg)["orphans"] == 2
    result = CliRunner().invoke(app, ["check", "-w", str(cfg.warehouse), "--repair"])
    assert result.exit_code == 1  # the young one is kept, and said so
    assert not old.exists() and young.exists()
    assert "younger than 3600 s: kept" in result.output
    result = CliRunner().invoke(app, ["check", "-w", str(cfg.warehouse), "--repair", "--min-age", "0"])
    assert result.exit_code == 0, result.output
    assert not young.exists()
    with connect(cfg) as con:  # no committed row was lost
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_missing_and_truncated_data_files(tmp_path: Path) -> None:
    cfg = make_lake(tmp_path / "lake")
    [f] = list((tmp_path / "lake" / "data" / "main" / "documents").glob("*.parquet"))
    f.write_bytes(f.read_bytes()[:-10])
    report = check(cfg)
    assert report.findings["files"].problems == 1 and "catalog recorded" in report.findings["files"].examples[0]
    f.unlink()
    report = check(cfg)
    assert report.findings["files"].problems == 1 and "No such file" in report.findings["files"].examples[0]
    assert not report.ok


def test_rows_without_document_bad_offsets_and_repeated_ids(tmp_path: Path) -> None:
    cfg = make_lake(tmp_path / "lake")
    did, text = doc_id(cfg)
    assert problems(cfg) == dict.fromkeys(("catalog", "files", "documents", "offsets", "ids", "orphans"), 0)
    word = text.split()[0]
    add_rows(cfg, "mentions", [
        row_for("mentions", doc_id=did, mention_id="m1", start_char=0, end_char=len(word), text=word),  # fine
        row_for("mentions", doc_id=did, mention_id="m2", start_char=0, end_char=len(text) + 5, text="x"),
        row_for("mentions", doc_id=did, mention_id="m3", start_char=1, end_char=3, text="no"),
        row_for("mentions", doc_id="doc_gone", mention_id="m4", start_char=0, end_char=1, text="F"),
        row_for("mentions", doc_id=did, mention_id="m1", start_char=0, end_char=len(word), text=word),
    ])
    found = problems(cfg)
    assert found["documents"] == 1
    assert found["ids"] == 1
    assert found["offsets"] == 3  # m2 out of range (and so its text differs), m3 text differs
    result = CliRunner().invoke(app, ["check", "-w", str(cfg.warehouse), "--repair", "--min-age", "0"])
    assert result.exit_code == 1 and "doc_gone" in result.output


def test_corrupt_and_missing_catalog(tmp_path: Path) -> None:
    cfg = make_lake(tmp_path / "lake")
    catalog = tmp_path / "lake" / "catalog.sqlite"
    catalog.write_bytes(b"not a database at all" * 100)
    result = CliRunner().invoke(app, ["check", "-w", str(cfg.warehouse), "-f", "csv"])
    assert result.exit_code == 1
    assert "catalog,FAIL,1" in result.output and "unreadable" in result.output
    assert "Attempting to fetch" not in result.output
    catalog.unlink()
    with pytest.raises(Exception, match="is missing but .* holds Parquet files"):
        commit(cfg, RunTables({}))  # a writer does not start a new, empty lake beside the old data
    assert not catalog.exists()


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_ingest_into_a_damaged_lake_fails_at_once_in_one_line(tmp_path: Path, damage: str) -> None:
    from tests.conftest import SEEDS

    cfg = make_lake(tmp_path / "lake")
    catalog = tmp_path / "lake" / "catalog.sqlite"
    if damage == "missing":
        catalog.unlink()
    else:
        catalog.write_bytes(b"\x00garbage" * 512)
    result = CliRunner().invoke(app, ["ingest", str(SEEDS), "-w", str(cfg.warehouse)])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ingest failed, nothing was committed:"), result.output
    assert ("is missing but" if damage == "missing" else "is unreadable") in lines[0]
    assert catalog.exists() == (damage == "corrupt")  # no new, empty lake was started
