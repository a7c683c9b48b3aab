"""`newslake sql` is read-only: every attack from issue 11 is refused and leaves the lake as it was.

No spaCy: the lake holds one hand-made document written by the real commit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslake.cli import app
from newslake.warehouse.lake import LakeConfig, connect
from newslake.warehouse.readonly import QueryRefused, check_statement, run_user_query
from tests.conftest import one_doc_lake as make_lake


def fingerprint(wh: Path) -> dict[str, str]:
    """Every file under the warehouse (and /tmp targets) with its content hash."""
    return {str(p.relative_to(wh)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(wh.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def lake(tmp_path_factory) -> LakeConfig:
    return make_lake(tmp_path_factory.mktemp("ro") / "lake")


def attacks(cfg: LakeConfig, out: Path) -> list[str]:
    cat = str(cfg.warehouse / "catalog.sqlite")
    data = cfg.data_dir
    return [
        "USE memory",
        "DETACH lake",
        "USE memory; DETACH lake",
        f"ATTACH 'ducklake:sqlite:{cat}' AS rw (DATA_PATH '{data}')",
        f"USE memory; DETACH lake; ATTACH 'ducklake:sqlite:{cat}' AS rw (DATA_PATH '{data}'); DROP TABLE rw.claims",
        f"ATTACH '{cat}' AS s (TYPE sqlite)",
        f"ATTACH '{cat}' AS s (TYPE sqlite); UPDATE s.ducklake_metadata SET value = 'x'",
        f"COPY (SELECT 1) TO '{out}'",
        f"COPY (SELECT 1) TO '{data}x.csv'",
        f"COPY lake.documents TO '{out}' (FORMAT parquet)",
        "EXPORT DATABASE '" + str(out.parent / "export") + "'",
        "CALL ducklake_cleanup_old_files('lake', cleanup_all => true)",
        "SELECT * FROM ducklake_cleanup_old_files('lake', cleanup_all => true)",
        "SELECT * FROM ducklake_expire_snapshots('lake', older_than => now())",
        "SELECT * FROM ducklake_merge_adjacent_files('lake')",
        "SELECT * FROM (SELECT * FROM ducklake_cleanup_old_files('lake', cleanup_all => true))",
        "WITH x AS (SELECT * FROM ducklake_cleanup_old_files('lake', cleanup_all => true)) SELECT * FROM x",
        "SELECT 1 WHERE 1 IN (SELECT 1 FROM ducklake_cleanup_old_files('lake', cleanup_all => true))",
        "SELECT * FROM sqlite_query('__ducklake_metadata_lake', 'DELETE FROM ducklake_metadata RETURNING *')",
        "SELECT * FROM query('SELECT * FROM ducklake_cleanup_old_files(''lake'', cleanup_all => true)')",
        f"SELECT * FROM sqlite_attach('{cat}')",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "DROP TABLE lake.documents",
        "DROP TABLE documents",
        "DELETE FROM documents",
        "UPDATE documents SET text = ''",
        "INSERT INTO documents SELECT * FROM documents",
        "CREATE TABLE memory.t AS SELECT 1",
        "SET enable_external_access = true",
        "INSTALL httpfs",
        "LOAD httpfs",
        "PRAGMA enable_profiling",
        "CHECKPOINT",
        "VACUUM",
        "SELECT 1; DROP TABLE documents",
    ]


ATTACK_COUNT = 36


def test_every_attack_is_refused_and_changes_nothing(lake: LakeConfig, tmp_path: Path) -> None:
    out = tmp_path / "stolen.csv"
    before = fingerprint(lake.warehouse)
    found = attacks(lake, out)
    assert len(found) == ATTACK_COUNT
    runner = CliRunner()
    for sql in found:
        result = runner.invoke(app, ["sql", "-w", str(lake.warehouse), sql])
        assert result.exit_code == 1, (sql, result.output)
        assert "error" in result.output, sql
        assert fingerprint(lake.warehouse) == before, sql
        assert not out.exists() and not (tmp_path / "export").exists(), sql
    cols, rows = run_user_query(lake, "SELECT count(*) AS n FROM documents WHERE status = 'ok'")
    assert rows == [(1,)]


@pytest.mark.parametrize("sql", [
    "SELECT count(*) FROM documents",
    "FROM documents SELECT doc_id",
    "WITH d AS (SELECT * FROM documents) SELECT count(*) FROM d",
    "DESCRIBE documents",
    "SHOW TABLES",
    "SUMMARIZE documents",
    "SELECT * FROM ducklake_snapshots('lake')",
    "SELECT * FROM duckdb_tables()",
    "SELECT * FROM range(3)",
    "VALUES (1), (2)",
])
def test_reading_still_works(lake: LakeConfig, sql: str) -> None:
    cols, rows = run_user_query(lake, sql)
    assert cols and rows


def test_the_connection_itself_is_locked(lake: LakeConfig) -> None:
    """Layer 3 alone: even if a statement got past the checks, the connection refuses to write the
    catalog, change its settings or touch files outside the lake."""
    from newslake.warehouse.readonly import locked_connection

    import duckdb

    with locked_connection(lake) as con:
        for sql in ["COPY (SELECT 1) TO '/tmp/newslake-should-not-exist.csv'",
                    "SET enable_external_access = true", "DELETE FROM documents", "DROP TABLE documents",
                    "SELECT * FROM read_csv('/etc/passwd')", "INSTALL httpfs",
                    "SELECT * FROM ducklake_expire_snapshots('lake', older_than => now())"]:
            with pytest.raises(duckdb.Error):
                con.execute(sql).fetchall()
    assert not Path("/tmp/newslake-should-not-exist.csv").exists()


def test_check_statement_names_the_problem() -> None:
    with pytest.raises(QueryRefused, match="ATTACH"):
        check_statement("ATTACH 'x.db'")
    with pytest.raises(QueryRefused, match="2 statements"):
        check_statement("SELECT 1; SELECT 2")
    with pytest.raises(QueryRefused, match="ducklake_cleanup_old_files"):
        check_statement("SELECT * FROM ducklake_cleanup_old_files('lake')")


def test_warehouse_path_with_a_quote(tmp_path: Path) -> None:
    wh = tmp_path / "it's lake"
    cfg = make_lake(wh)
    with connect(cfg) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    result = CliRunner().invoke(app, ["sql", "-w", str(wh), "SELECT count(*) AS n FROM documents", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["n", "1"]
