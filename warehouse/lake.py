"""The only code that opens the lake: attach (read-write or read-only), query, and commit a run.

The lake is DuckLake: a catalog (SQLite file ``<warehouse>/catalog.sqlite`` by default, so that a
reader and several local writer processes can work at once) and Parquet data files under
``<warehouse>/data/``. ``commit`` writes every table of a run in one DuckLake transaction and retries
it when another writer committed first; a crash before the commit leaves nothing visible.
"""

from __future__ import annotations

import glob
import os
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

import duckdb
import pyarrow as pa

from newslake.warehouse.schema import LAKE, PER_DOCUMENT, TABLES, create_table_sql, duck_type
from newslake.warehouse.views import create_views, views_current



class LakeError(RuntimeError):
    """A clear, one-line problem with the lake (missing, unreadable, extension not loadable)."""


@dataclass(frozen=True)
class LakeConfig:
    """Where the lake lives. ``catalog``/``data_path`` override the warehouse folder layout."""

    warehouse: Path
    catalog: str | None = None
    data_path: str | None = None

    @property
    def catalog_uri(self) -> str:
        return self.catalog or f"sqlite:{self.warehouse / 'catalog.sqlite'}"

    @property
    def data_dir(self) -> str:
        return self.data_path or str(self.warehouse / "data") + os.sep

    def exists(self) -> bool:
        return self.catalog is not None or (self.warehouse / "catalog.sqlite").exists()


def sql_literal(value: str) -> str:
    """``value`` as a SQL string literal, for the few statements that take no parameters (ATTACH,
    INSTALL): quotes doubled, NUL refused.

    >>> sql_literal("/data/it's lake/")
    "'/data/it''s lake/'"
    """
    if "\x00" in value:
        raise LakeError(f"{value!r}: a NUL character cannot be part of a path or setting")
    return "'" + value.replace("'", "''") + "'"


def _extension_file(package: str, name: str) -> str | None:
    try:
        mod = __import__(package)
    except ImportError:
        return None
    hits = glob.glob(os.path.join(os.path.dirname(mod.__file__), "extensions", "*", f"{name}.duckdb_extension"))
    return hits[0] if hits else None


def _load_extension(con: duckdb.DuckDBPyConnection, name: str, package: str, file_name: str) -> None:
    """LOAD an extension: already installed, else from DuckDB's repository, else from the pip package."""
    try:
        con.execute(f"LOAD {name}")
        return
    except duckdb.Error:
        pass
    try:
        con.execute(f"INSTALL {name}")
        con.execute(f"LOAD {name}")
        return
    except duckdb.Error:
        pass
    path = _extension_file(package, file_name)
    if path is None:
        raise LakeError(f"DuckDB extension {name!r} is not installed and cannot be downloaded; pip install {package}")
    con.execute(f"INSTALL {sql_literal(path)}")
    con.execute(f"LOAD {name}")


def _connect(cfg: LakeConfig, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"allow_unsigned_extensions": False})
    _load_extension(con, "ducklake", "duckdb_extension_ducklake", "ducklake")
    if cfg.catalog_uri.startswith("sqlite:"):
        _load_extension(con, "sqlite", "duckdb_extension_sqlite", "sqlite")
    opts = [f"DATA_PATH {sql_literal(cfg.data_dir)}"]
    if cfg.data_path is None:
        # the data live in <warehouse>/data: follow the folder when it is moved or copied
        opts.append("OVERRIDE_DATA_PATH TRUE")
    if read_only:
        opts.append("READ_ONLY")
    else:
        # every write lands in Parquet files, never inlined into the catalog
        opts.append("DATA_INLINING_ROW_LIMIT 0")
    con.execute(f"ATTACH {sql_literal('ducklake:' + cfg.catalog_uri)} AS {LAKE} ({', '.join(opts)})")
    con.execute(f"USE {LAKE}")
    return con


def preflight(cfg: LakeConfig) -> None:
    """Raise :class:`LakeError` now, before any work, when a write would fail or start a wrong lake:
    a missing (or empty) catalog beside existing data files, or a catalog that cannot be read."""
    if cfg.catalog is not None:
        return
    catalog = cfg.warehouse / "catalog.sqlite"
    if catalog.exists() and catalog.stat().st_size > 0:
        with connect(cfg, read_only=True):
            return
    if _has_data_files(cfg.warehouse / "data"):
        raise LakeError(
            f"{catalog} is missing but {cfg.warehouse / 'data'} holds Parquet files of a lake: restore the "
            "catalog, or ingest into an empty folder")


def _has_data_files(data_dir: Path) -> bool:
    return data_dir.is_dir() and next(data_dir.rglob("*.parquet"), None) is not None


def _attach_error(cfg: LakeConfig, e: duckdb.Error) -> str:
    """One line saying what is wrong with the catalog, not DuckDB's internal wording."""
    first = str(e).splitlines()[0] if str(e) else type(e).__name__
    low = first.lower()
    path = cfg.catalog or str(cfg.warehouse / "catalog.sqlite")
    if any(w in low for w in ("not a database", "file is encrypted", "malformed", "unsuccessful query result",
                              "no such table", "ducklake_metadata", "catalog version", "corrupt")):
        detail = first.rsplit(": ", 1)[-1].rstrip(".")
        return (f"the lake catalog {path} is unreadable (corrupt, truncated or not a DuckLake catalog: "
                f"{detail}); restore it from a backup, the data files are untouched")
    return f"lake at {cfg.warehouse}: {first}"


def _create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, add columns a newer schema has (DuckLake evolves schemas in place), and
    (re)create the views when anything changed."""
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ?", [LAKE]).fetchall():
        existing.setdefault(table, set()).add(column)
    todo = [create_table_sql(name, f"{LAKE}.{name}") for name in TABLES if name not in existing]
    for name, schema in TABLES.items():
        for f in schema:
            if name in existing and f.name not in existing[name]:
                todo.append(f'ALTER TABLE {LAKE}.{name} ADD COLUMN "{f.name}" {duck_type(f.type)}')
    if not todo and views_current(con):
        return
    con.execute("BEGIN")
    for sql in todo:
        con.execute(sql)
    create_views(con)
    con.execute("COMMIT")


def _retrying(fn, *, attempts: int = 20):  # type: ignore[no-untyped-def]
    """Run ``fn()`` again on a DuckLake/SQLite conflict, with jittered backoff; return (result, tries)."""
    for attempt in range(1, attempts + 1):
        try:
            return fn(), attempt
        except (duckdb.TransactionException, duckdb.IOException, duckdb.CatalogException) as e:
            msg = str(e).lower()
            transient = any(w in msg for w in ("conflict", "locked", "busy", "already exists"))
            if not transient or attempt == attempts:
                raise
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


@contextmanager
def connect(cfg: LakeConfig, *, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection with the lake attached as ``lake`` (and in use).

    Read-only connections need an existing lake; a read-write connection creates it (and its tables).
    """
    if read_only and not cfg.exists():
        raise LakeError(f"no lake at {cfg.warehouse} (run `newslake ingest` first, or pass --warehouse)")
    if not read_only and cfg.catalog is None:
        catalog = cfg.warehouse / "catalog.sqlite"
        if not catalog.exists() or catalog.stat().st_size == 0:
            preflight(cfg)
        (cfg.warehouse / "data").mkdir(parents=True, exist_ok=True)
    try:
        con, _ = _retrying(lambda: _connect(cfg, read_only=read_only))
    except duckdb.Error as e:
        raise LakeError(_attach_error(cfg, e)) from e
    try:
        if not read_only:
            _retrying(lambda: _create_tables(con))
        yield con
    finally:
        con.close()


def query(cfg: LakeConfig, sql: str, params: list | None = None) -> pa.Table:
    """Run one read-only query against the lake and return an Arrow table."""
    with connect(cfg, read_only=True) as con:
        return con.execute(sql, params or []).to_arrow_table()


def known_versions(cfg: LakeConfig, doc_ids: list[str]) -> dict[str, str]:
    """``doc_id -> extractor_version`` for those of ``doc_ids`` already in the lake."""
    if not doc_ids or not cfg.exists():
        return {}
    with connect(cfg, read_only=True) as con:
        try:
            ids = pa.table({"doc_id": pa.array(doc_ids, pa.string())})
            con.register("wanted", ids)
            rows = con.execute(
                f"SELECT d.doc_id, d.extractor_version FROM {LAKE}.documents d JOIN wanted USING (doc_id)"
            ).fetchall()
        except duckdb.CatalogException:  # lake created by a run that has not committed tables yet
            return {}
    return dict(rows)


def relink(con: duckdb.DuckDBPyConnection, touched: set[str], run_id: str) -> None:
    """Cross-document entity resolution inside a commit (:func:`newslake.warehouse.resolve.relink`),
    imported on first use so that the read path never loads the linker."""
    from newslake.warehouse.resolve import relink as resolve_relink

    resolve_relink(con, touched, run_id)


@dataclass
class RunTables:
    """Everything one run writes: an Arrow table per per-document table, plus its ``runs`` row."""

    tables: dict[str, pa.Table] = field(default_factory=dict)
    run: dict | None = None


def commit(cfg: LakeConfig, run_tables: RunTables, *, attempts: int = 20) -> int:
    """Write a run in one transaction; return the number of attempts it took.

    For every document in the run, its rows from earlier runs are deleted from every per-document
    table and the new rows inserted; ``entities`` is recomputed for every entity the change touches;
    the ``runs`` row is written last. On a write conflict with another process the whole transaction
    is rolled back and tried again from the start, so a run is never half-written and never lost.
    """
    tables = {name: run_tables.tables.get(name, TABLES[name].empty_table()) for name in PER_DOCUMENT}
    run_id = run_tables.run["run_id"] if run_tables.run else ""
    tries = 0

    def attempt() -> None:
        nonlocal tries
        tries += 1
        if run_tables.run is not None:
            run_tables.run["commit_attempts"] = tries
        with connect(cfg, read_only=False) as con:
            for name, t in tables.items():
                con.register(f"new_{name}", t)
            if run_tables.run is not None:
                con.register("new_run", pa.Table.from_pylist([run_tables.run], schema=TABLES["runs"]))
            con.execute("BEGIN")
            try:
                con.execute("CREATE TEMP TABLE replaced AS SELECT DISTINCT doc_id FROM new_documents")
                touched = {r[0] for r in con.execute(
                    f"SELECT entity_id FROM {LAKE}.doc_entities WHERE doc_id IN (SELECT doc_id FROM replaced) "
                    "UNION SELECT entity_id FROM new_doc_entities").fetchall()}
                for name in PER_DOCUMENT:
                    con.execute(f"DELETE FROM {LAKE}.{name} WHERE doc_id IN (SELECT doc_id FROM replaced)")
                for name, t in tables.items():
                    if t.num_rows:
                        cols = ", ".join(f'"{c}"' for c in t.column_names)
                        con.execute(f"INSERT INTO {LAKE}.{name} ({cols}) SELECT {cols} FROM new_{name}")
                relink(con, touched, run_id)
                if run_tables.run is not None:
                    con.execute(f"INSERT INTO {LAKE}.runs SELECT * FROM new_run")
                con.execute("COMMIT")
            except BaseException:
                try:
                    con.execute("ROLLBACK")
                except duckdb.Error:
                    pass
                raise

    _retrying(attempt, attempts=attempts)
    return tries


def record_run(cfg: LakeConfig, run: Mapping, *, attempts: int = 20) -> None:
    """Write only a ``runs`` row (for a failed run: its rows were never committed)."""
    commit(cfg, RunTables(tables={}, run=dict(run)), attempts=attempts)


def table_counts(cfg: LakeConfig) -> dict[str, int]:
    with connect(cfg, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {LAKE}.{t}").fetchone()[0] for t in TABLES}
