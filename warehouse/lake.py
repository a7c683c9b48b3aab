"""The only code that opens the lake: attach (read-write or read-only), query, and commit a run.

The lake is DuckLake: a catalog (SQLite file ``<warehouse>/catalog.sqlite`` by default, so that a
reader and several local writer processes can work at once) and Parquet data files under
``<warehouse>/data/``. A run commits batch by batch through a :class:`LakeWriter`: each batch (all
rows of its documents in every table, the entity relinking they cause and the run's updated
``runs`` row) is one DuckLake transaction, retried when another writer committed first; a crash
leaves every earlier batch committed and nothing of the batch it was in.

The read path (:func:`connect` with ``read_only=True``) imports neither pyarrow nor the schemas, so
``newslake sql`` starts fast.
"""

from __future__ import annotations

import json
import os
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Iterator, Mapping

import duckdb

from newslake.warehouse import faults
from newslake.warehouse import LAKE
from newslake.warehouse.storage import S3Options, StorageError, catalog_kind, load_extension, redact, sql_literal
from newslake.warehouse.storage import prepare as prepare_storage

if TYPE_CHECKING:
    import pyarrow as pa

    from newslake.warehouse.schema import RunRecord


class LakeError(RuntimeError):
    """A clear, one-line problem with the lake (missing, unreadable, extension not loadable)."""


class LakeMissing(LakeError):
    """No lake there yet (a shared catalog that no writer has created)."""


@dataclass(frozen=True)
class LakeConfig:
    """Where the lake lives. ``catalog``/``data_path`` override the warehouse folder layout."""

    warehouse: Path
    catalog: str | None = None
    data_path: str | None = None
    #: S3 endpoint/region/keys for a remote ``data_path`` (None: the standard AWS variables)
    s3: S3Options | None = field(default=None, repr=False, compare=False)

    @property
    def catalog_uri(self) -> str:
        return self.catalog or f"sqlite:{self.warehouse / 'catalog.sqlite'}"

    @property
    def data_dir(self) -> str:
        return self.data_path or str(self.warehouse / "data") + os.sep

    @property
    def where(self) -> str:
        """The lake's location for messages (a catalog's password redacted)."""
        return redact(self.catalog) if self.catalog else str(self.warehouse)

    def exists(self) -> bool:
        return self.catalog is not None or (self.warehouse / "catalog.sqlite").exists()


def snapshot_option(as_of: "int | datetime | None") -> str | None:
    """The ATTACH option that opens the lake as it was: ``SNAPSHOT_VERSION n`` or ``SNAPSHOT_TIME '…'``.

    Only an ``int`` or a ``datetime`` is accepted and re-formatted here, so no text a user typed
    reaches the statement (ATTACH options take no parameters).

    >>> snapshot_option(3), snapshot_option(datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    ('SNAPSHOT_VERSION 3', "SNAPSHOT_TIME '2026-01-02T03:04:05+00:00'")
    """
    if as_of is None:
        return None
    if isinstance(as_of, bool):
        raise TypeError("as_of must be a snapshot id or a datetime")
    if isinstance(as_of, int):
        if as_of < 0:
            raise ValueError("a snapshot id is 0 or more")
        return f"SNAPSHOT_VERSION {int(as_of)}"
    if isinstance(as_of, datetime):
        when = as_of if as_of.tzinfo else as_of.replace(tzinfo=timezone.utc)
        return f"SNAPSHOT_TIME '{when.isoformat()}'"
    raise TypeError("as_of must be a snapshot id or a datetime")


def _connect(cfg: LakeConfig, *, read_only: bool, as_of: "int | datetime | None" = None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"allow_unsigned_extensions": False})
    load_extension(con, "ducklake")
    prepare_storage(con, cfg.catalog_uri, cfg.data_path, cfg.s3)
    opts = []
    if cfg.data_path is not None or catalog_kind(cfg.catalog_uri) != "postgres":
        opts.append(f"DATA_PATH {sql_literal(cfg.data_dir)}")
    # else: a shared (Postgres) catalog names its own data path, so a reader needs only the catalog
    if cfg.data_path is None and cfg.catalog is None:
        # the data live in <warehouse>/data: follow the folder when it is moved or copied
        opts.append("OVERRIDE_DATA_PATH TRUE")
    if read_only:
        opts.append("READ_ONLY")
        snapshot = snapshot_option(as_of)
        if snapshot:
            opts.append(snapshot)
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
    from newslake.warehouse.schema import SORTED_BY, TABLES, create_table_sql, duck_type
    from newslake.warehouse.views import create_views, views_current

    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ?", [LAKE]).fetchall():
        existing.setdefault(table, set()).add(column)
    todo = [create_table_sql(name, f"{LAKE}.{name}") for name in TABLES if name not in existing]
    todo += [f"ALTER TABLE {LAKE}.{name} SET SORTED BY ({SORTED_BY[name]})"
             for name in TABLES if name not in existing and name in SORTED_BY]
    for name, schema in TABLES.items():
        for f in schema:
            if name in existing and f.name not in existing[name]:
                todo.append(f'ALTER TABLE {LAKE}.{name} ADD COLUMN "{f.name}" {duck_type(f.type)}')
    guard_missing = COMMIT_GUARD not in existing
    if not todo and not guard_missing and views_current(con):
        return
    con.execute("BEGIN")
    try:
        for sql in todo:
            con.execute(sql)
        if guard_missing:  # created with its one row, so that no commit ever finds it empty
            con.execute(f"CREATE TABLE {LAKE}.{COMMIT_GUARD} (commits BIGINT, last_run_id VARCHAR)")
            con.execute(f"INSERT INTO {LAKE}.{COMMIT_GUARD} VALUES (0, '')")
        create_views(con)
        con.execute("COMMIT")
    except BaseException:
        # another writer created them first (a conflict, retried): leave no transaction open behind
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        raise


#: A one-row table that every commit rewrites. DuckLake lets two transactions that only insert into a
#: table both commit, so two runs that ingest the same new document at the same moment would both
#: insert it (each deleted its earlier rows, and there were none). Two deletes from the same data file
#: do conflict: rewriting this row in every commit makes any two concurrent commits conflict, and the
#: loser is retried from the start, when it sees (and replaces) the winner's rows.
COMMIT_GUARD = "commit_guard"


def serialize_commits(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Inside a commit's transaction: claim the lake's commit row (see :data:`COMMIT_GUARD`)."""
    con.execute(f"UPDATE {LAKE}.{COMMIT_GUARD} SET commits = commits + 1, last_run_id = ?", [run_id])


#: words of a write conflict between processes, worth a retry: DuckLake's own conflict check, SQLite's
#: lock, and Postgres' unique-key/serialization errors when two writers create or advance the catalog
TRANSIENT = ("conflict", "locked", "busy", "already exists", "duplicate key", "could not serialize", "deadlock")


def _retrying(fn, *, attempts: int = 20):  # type: ignore[no-untyped-def]
    """Run ``fn()`` again on a DuckLake/SQLite conflict, with jittered backoff; return (result, tries)."""
    for attempt in range(1, attempts + 1):
        try:
            return fn(), attempt
        except duckdb.Error as e:
            msg = str(e).lower()
            transient = any(w in msg for w in TRANSIENT)
            if not transient or attempt == attempts:
                raise
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


@contextmanager
def connect(cfg: LakeConfig, *, read_only: bool = True,
            as_of: "int | datetime | None" = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection with the lake attached as ``lake`` (and in use).

    Read-only connections need an existing lake; a read-write connection creates it (and its tables).
    ``as_of`` (a snapshot id or a time; read-only) opens the lake as it was then (DuckLake time travel).
    """
    if read_only and not cfg.exists():
        raise LakeError(f"no lake at {cfg.where} (run `newslake ingest` first, or pass --warehouse)")
    if not read_only and cfg.catalog is None:
        catalog = cfg.warehouse / "catalog.sqlite"
        if not catalog.exists() or catalog.stat().st_size == 0:
            preflight(cfg)
        (cfg.warehouse / "data").mkdir(parents=True, exist_ok=True)
    try:
        con, _ = _retrying(lambda: _connect(cfg, read_only=read_only, as_of=as_of))
    except StorageError as e:
        raise LakeError(f"lake at {cfg.where}: {redact(str(e).splitlines()[0])}") from e
    except duckdb.Error as e:
        if read_only and "creating a new ducklake is explicitly disabled" in str(e).lower():
            raise LakeMissing(f"no lake at {cfg.where} yet (run `newslake ingest` first)") from e
        raise LakeError(redact(_attach_error(cfg, e))) from e
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
    try:
        with connect(cfg, read_only=True) as con:
            return _known(con, doc_ids)
    except LakeMissing:  # a shared catalog that no run has written to yet
        return {}


def _committed_by(con: duckdb.DuckDBPyConnection, run_id: str, doc_ids: list[str]) -> set[str]:
    """Those of ``doc_ids`` whose rows in the lake were committed by run ``run_id``."""
    import pyarrow as pa

    if not doc_ids:
        return set()
    try:
        con.register("wanted", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        rows = con.execute(f"SELECT d.doc_id FROM {LAKE}.documents d JOIN wanted USING (doc_id) WHERE d.run_id = ?",
                           [run_id]).fetchall()
        con.unregister("wanted")
    except duckdb.CatalogException:  # lake created by a run that has not committed tables yet
        return set()
    return {r[0] for r in rows}


def _known(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, str]:
    import pyarrow as pa

    if not doc_ids:
        return {}
    try:
        con.register("wanted", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        rows = con.execute(
            f"SELECT d.doc_id, d.extractor_version FROM {LAKE}.documents d JOIN wanted USING (doc_id)").fetchall()
        con.unregister("wanted")
    except duckdb.CatalogException:  # lake created by a run that has not committed tables yet
        return {}
    return dict(rows)


def done_files(con: duckdb.DuckDBPyConnection, sha256s: list[str], version: str) -> dict[str, int]:
    """``sha256 -> docs`` for the input files the lake finished with ``version`` (the hashes are a
    query parameter, never SQL text)."""
    if not sha256s:
        return {}
    return dict(con.execute(
        f"SELECT sha256, docs FROM {LAKE}.input_files WHERE extractor_version = ? "
        "AND sha256 IN (SELECT unnest(?::VARCHAR[]))", [version, list(sha256s)]).fetchall())


#: DuckDB's memory limit while a writer compacts (see :meth:`LakeWriter.compact`)
COMPACT_MEMORY = "128MB"

#: DuckDB threads of a writer's connection while it commits batches. A batch's commit is many
#: small statements (inserts of a few hundred rows, relinking's look-ups by id), which DuckDB's
#: thread pool does not make faster but makes costlier: with its default (one thread per core) the
#: commits of 1,000 Reuters stories took 12.2 s of CPU, with one thread 6.3 s (measured, same
#: batches, same rows), and that CPU is taken from the spaCy workers, which keep every core busy.
#: Compaction, which sorts and rewrites whole files, gets DuckDB's default back.
COMMIT_THREADS = 1


def compact_files(con: duckdb.DuckDBPyConnection, *, attempts: int = 20) -> None:
    """The lake's file layout after a run's batches (``schema``'s layout section): files of the tables
    rewritten in place that carry any deleted row are rewritten (``REWRITTEN_IN_PLACE``), files of the
    other tables when most of their rows are deleted (documents replaced); then files below
    ``SMALL_FILE_BYTES`` are merged, sorted by each table's ``SORTED BY``. Files already that large
    are left alone, so the work follows what recent batches wrote, not the whole lake."""
    from newslake.warehouse.schema import REWRITTEN_IN_PLACE, SMALL_FILE_BYTES

    existing = {r[0] for r in con.execute(
        "SELECT DISTINCT table_name FROM duckdb_columns() WHERE database_name = ?", [LAKE]).fetchall()}
    for name in REWRITTEN_IN_PLACE:
        if name in existing:
            _retrying(lambda name=name: con.execute(
                f"CALL ducklake_rewrite_data_files('{LAKE}', '{name}', delete_threshold => 0.0)"), attempts=attempts)
    _retrying(lambda: con.execute(f"CALL ducklake_rewrite_data_files('{LAKE}')"), attempts=attempts)
    _retrying(lambda: con.execute(
        f"CALL ducklake_merge_adjacent_files('{LAKE}', max_file_size => {int(SMALL_FILE_BYTES)})"), attempts=attempts)


def relink(con: duckdb.DuckDBPyConnection, touched: set[str], run_id: str) -> None:
    """Cross-document entity resolution inside a commit (:func:`newslake.warehouse.resolve.relink`),
    imported on first use so that the read path never loads the linker."""
    from newslake.warehouse.resolve import relink as resolve_relink

    resolve_relink(con, touched, run_id)


@dataclass
class RunTables:
    """What one commit writes: an Arrow table per per-document table, plus the run's ``runs`` row
    (a :class:`~newslake.warehouse.schema.RunRecord` or a mapping of its fields)."""

    tables: dict[str, "pa.Table"] = field(default_factory=dict)
    run: "RunRecord | Mapping | None" = None
    appended: dict[str, "pa.Table"] = field(default_factory=dict)  # rows only added (``fetches``)
    retired: tuple[str, ...] = ()  # doc_ids whose rows go (an article that changed at the same URL)
    #: ``input_files`` rows written only for contents the lake has no row for (a run's closing check
    #: that every file it finished is recorded, whatever concurrent writers and compactions did)
    ensure_files: "pa.Table | None" = None


class LakeWriter:
    """One read-write connection for a run: look up what the lake has, commit batch after batch.

    Each :meth:`commit` is one transaction whose cost follows the batch, not the lake: documents
    already in the lake are looked up by id, rows are deleted only when a batch replaces documents,
    and relinking reads only the entities the batch touches.
    """

    #: the connection is opened afresh after this many commits and after every compaction: a DuckDB
    #: connection on a DuckLake lake keeps memory from every commit and compaction it ran (about
    #: 40 MB per 1,000 documents committed, measured), which only closing it gives back, so a long
    #: run's memory would grow with the run
    REOPEN_EVERY = 16

    def __init__(self, cfg: LakeConfig, *, attempts: int = 20) -> None:
        self.cfg, self.attempts = cfg, attempts
        self._cm: Any = None
        self.con: duckdb.DuckDBPyConnection | None = None
        self.last_commit_done = False  # did the last commit() reach the catalog (even if it then raised)?
        self._commits = 0  # commits on the current connection

    def __enter__(self) -> "LakeWriter":
        self._open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self) -> None:
        self._cm = connect(self.cfg, read_only=False)
        self.con = self._cm.__enter__()
        self.con.execute(f"SET threads = {int(COMMIT_THREADS)}")
        self._commits = 0

    def _reopen(self) -> None:
        """A fresh connection (between transactions): what the old one held is freed."""
        self.close()
        self._open()

    def close(self) -> None:
        if self._cm is not None:
            cm, self._cm, self.con = self._cm, None, None
            try:
                cm.__exit__(None, None, None)
            except duckdb.Error:
                pass

    def known_versions(self, doc_ids: list[str]) -> dict[str, str]:
        """``doc_id -> extractor_version`` for those of ``doc_ids`` already in the lake."""
        assert self.con is not None
        return _retrying(lambda: _known(self.con, doc_ids), attempts=self.attempts)[0]

    def committed_by(self, run_id: str, doc_ids: list[str]) -> set[str]:
        """Those of ``doc_ids`` that run ``run_id`` has already committed."""
        assert self.con is not None
        return _retrying(lambda: _committed_by(self.con, run_id, doc_ids), attempts=self.attempts)[0]  # type: ignore[arg-type]

    def done_files(self, sha256s: list[str], version: str) -> dict[str, int]:
        """``sha256 -> docs`` for the input files the lake finished with ``version``."""
        assert self.con is not None
        return _retrying(lambda: done_files(self.con, sha256s, version), attempts=self.attempts)[0]  # type: ignore[arg-type]

    def commit(self, run_tables: RunTables) -> int:
        """Write one batch in one transaction; return the number of attempts it took.

        For every document of the batch already in the lake, its rows are deleted from every
        per-document table before the new rows are inserted; ``entities`` is recomputed for every
        entity the change touches; the run's row is replaced last. On a write conflict with another
        process the transaction is rolled back and tried again from the start (on a new
        connection), so a batch is never half-written and never lost.
        """
        import pyarrow as pa

        from newslake.warehouse.schema import PER_DOCUMENT, TABLES, RunRecord

        tables = {name: run_tables.tables.get(name) for name in PER_DOCUMENT}
        tables = {name: (t if t is not None else TABLES[name].empty_table()) for name, t in tables.items()}
        files = run_tables.tables.get("input_files")
        ensure = run_tables.ensure_files if run_tables.ensure_files is not None and run_tables.ensure_files.num_rows else None
        run = run_tables.run
        record = run if isinstance(run, RunRecord) or run is None else RunRecord.from_row(run)
        tries = 0
        self.last_commit_done = False  # set the moment the catalog write returns
        if self._commits >= self.REOPEN_EVERY:
            self._reopen()
        self._commits += 1

        def attempt() -> None:
            nonlocal tries
            tries += 1
            if tries > 1:  # a conflict may leave the connection unusable: start afresh
                self._reopen()
            con = self.con
            assert con is not None
            now = datetime.now(timezone.utc)
            if record is not None:
                record.commit_attempts += 1 if run_tables.tables else 0
                record.finished_at = now
            registered: list[str] = []

            def put(name: str, t: "pa.Table") -> None:
                con.register(name, t)
                registered.append(name)

            # the batch's Arrow tables are registered inside the transaction: outside one, each
            # (un)registration is a statement of its own, which on a DuckLake connection reads the
            # catalog's latest snapshot first (about 7 ms each against 3 ms inside, measured)
            con.execute("BEGIN")
            try:
                for name, t in tables.items():
                    put(f"new_{name}", _stamp(t, now))
                if files is not None:
                    put("new_input_files", _stamp(files, now))
                if ensure is not None:
                    put("new_ensure_files", _stamp(ensure, now))
                for name, t in run_tables.appended.items():
                    put(f"new_{name}", t)
                if record is not None:
                    put("new_run", pa.Table.from_pylist([record.row()], schema=TABLES["runs"]))
                serialize_commits(con, record.run_id if record is not None else "")
                _write(con, tables, record.run_id if record is not None else "", run_tables.retired)
                for name, t in run_tables.appended.items():
                    if t.num_rows:
                        cols = ", ".join(f'"{c}"' for c in t.column_names)
                        con.execute(f"INSERT INTO {LAKE}.{name} ({cols}) SELECT {cols} FROM new_{name}")
                if files is not None:  # one row per file content: the latest version that finished it
                    con.execute(f"DELETE FROM {LAKE}.input_files WHERE sha256 IN (SELECT sha256 FROM new_input_files)")
                    con.execute(f"INSERT INTO {LAKE}.input_files SELECT * FROM new_input_files")
                if ensure is not None:  # serialised with every other commit by the guard: no row twice
                    con.execute(f"""INSERT INTO {LAKE}.input_files SELECT * FROM new_ensure_files
                                    WHERE sha256 NOT IN (SELECT sha256 FROM {LAKE}.input_files)""")
                if record is not None:
                    con.execute(f"DELETE FROM {LAKE}.runs WHERE run_id = ?", [record.run_id])
                    con.execute(f"INSERT INTO {LAKE}.runs SELECT * FROM new_run")
                    # the snapshot names its run (``newslake snapshots``)
                    con.execute(f"CALL {LAKE}.set_commit_message(?, ?, extra_info => ?)",
                                ["newslake", f"{record.flow} {record.run_id}",
                                 json.dumps({"run_id": record.run_id, "source": record.source})])
                while registered:
                    con.unregister(registered.pop())
                faults.point("commit.before")
                con.execute("COMMIT")
                self.last_commit_done = True
            except BaseException:
                try:
                    con.execute("ROLLBACK")
                except duckdb.Error:
                    pass
                for name in registered:
                    _unregister(con, name)
                raise
            faults.point("commit.after")

        _retrying(attempt, attempts=self.attempts)
        return tries

    def compact(self) -> None:
        """Rewrite the files that replaced rows left behind and merge small files into sorted larger
        ones (see :func:`compact_files`). Readers are never blocked: the new files replace the old
        ones in a new snapshot."""
        assert self.con is not None
        # A compaction sorts every small file of a table into one (up to SMALL_FILE_BYTES on disk,
        # several times that in memory): unbounded, the 64th batch's compaction of the Reuters
        # corpus took the flow's process from 400 to 724 MiB. With a limit DuckDB spills the sort
        # to disk instead (518 MiB, measured); should some step need more than the limit allows,
        # it runs again without one.
        import tempfile

        self.con.execute(f"SET temp_directory = {sql_literal(os.path.join(tempfile.gettempdir(), 'newslake-duckdb'))}")
        self.con.execute(f"SET memory_limit = '{COMPACT_MEMORY}'")
        self.con.execute("RESET threads")  # the commits' single thread (COMMIT_THREADS) is for small statements
        try:
            compact_files(self.con, attempts=self.attempts)
        except duckdb.OutOfMemoryException:
            self._reopen()
            self.con.execute("RESET threads")
            compact_files(self.con, attempts=self.attempts)
        self._reopen()

    def mark_interrupted(self, host: str, alive: "Any", by: str | None = None) -> list[str]:
        """Set ``interrupted`` on this host's ``running`` runs whose process is gone (``alive(pid)``
        is False); return their ids. A killed run cannot say so itself: the next run on the host
        (``by``) finds it, and its error names that run."""
        assert self.con is not None
        try:
            rows = self.con.execute(f"SELECT run_id, pid FROM {LAKE}.runs WHERE status = 'running' AND host = ?",
                                    [host]).fetchall()
        except duckdb.Error:
            return []
        dead = [r for r, pid in rows if pid is not None and not alive(pid)]
        error = "the process ended before the run finished (the batches it counts are committed and stay)"
        if by:
            error += f"; found by run {by}"
        for run_id in dead:
            _retrying(lambda: self.con.execute(  # type: ignore[union-attr]
                f"UPDATE {LAKE}.runs SET status = 'interrupted', error = ? WHERE run_id = ?", [error, run_id]),
                attempts=self.attempts)
        return dead


def _stamp(t: "pa.Table", now: datetime) -> "pa.Table":
    """``ingested_at`` set to the commit time."""
    import pyarrow as pa

    i = t.schema.get_field_index("ingested_at")
    if i < 0 or t.num_rows == 0:
        return t
    return t.set_column(i, t.schema.field(i), pa.array([now] * t.num_rows, t.schema.field(i).type))


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    try:
        con.unregister(name)
    except duckdb.Error:
        pass


def _write(con: duckdb.DuckDBPyConnection, tables: dict[str, "pa.Table"], run_id: str,
           retired: tuple[str, ...] = ()) -> None:
    """Inside the caller's transaction: replace the batch's documents' rows (and remove the
    ``retired`` documents'), then relink."""
    from newslake.warehouse.schema import PER_DOCUMENT

    replaced = [r[0] for r in con.execute(
        f"SELECT doc_id FROM {LAKE}.documents WHERE doc_id IN (SELECT doc_id FROM new_documents)").fetchall()]
    replaced = sorted(set(replaced) | set(retired))
    touched = {r[0] for r in con.execute("SELECT DISTINCT entity_id FROM new_doc_entities").fetchall()}
    if replaced:  # only a re-extraction pays for the deletes
        import pyarrow as pa

        con.register("replaced", pa.table({"doc_id": pa.array(replaced, pa.string())}))
        touched |= {r[0] for r in con.execute(
            f"SELECT DISTINCT entity_id FROM {LAKE}.doc_entities WHERE doc_id IN (SELECT doc_id FROM replaced)").fetchall()}
        for name in PER_DOCUMENT:
            con.execute(f"DELETE FROM {LAKE}.{name} WHERE doc_id IN (SELECT doc_id FROM replaced)")
        con.unregister("replaced")
    for name, t in tables.items():
        if t.num_rows:
            cols = ", ".join(f'"{c}"' for c in t.column_names)
            con.execute(f"INSERT INTO {LAKE}.{name} ({cols}) SELECT {cols} FROM new_{name}")
    relink(con, touched, run_id)


def commit(cfg: LakeConfig, run_tables: RunTables, *, attempts: int = 20) -> int:
    """Write one batch (or a whole small run) in one transaction on a connection of its own; return
    the number of attempts it took (see :meth:`LakeWriter.commit`)."""
    with LakeWriter(cfg, attempts=attempts) as w:
        return w.commit(run_tables)


def record_run(cfg: LakeConfig, run: "RunRecord | Mapping", *, attempts: int = 20,
               appended: "Mapping[str, pa.Table] | None" = None) -> None:
    """Write only a ``runs`` row (and the run's ``fetches`` rows when it has them)."""
    commit(cfg, RunTables(tables={}, run=run, appended=dict(appended or {})), attempts=attempts)


def table_counts(cfg: LakeConfig) -> dict[str, int]:
    from newslake.warehouse.schema import TABLES

    with connect(cfg, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {LAKE}.{t}").fetchone()[0] for t in TABLES}


def open_read_only(cfg: LakeConfig) -> duckdb.DuckDBPyConnection:
    """A read-only connection with the lake attached as ``lake`` (and in use) that the caller closes:
    for a notebook or a script (``newslake.connect``), where a ``with`` block does not fit."""
    if not cfg.exists():
        raise LakeError(f"no lake at {cfg.warehouse} (run `newslake ingest` first, or pass --warehouse)")
    try:
        con, _ = _retrying(lambda: _connect(cfg, read_only=True))
    except duckdb.Error as e:
        raise LakeError(f"lake at {cfg.warehouse}: {str(e).splitlines()[0]}") from e
    return con


def ensure_views(cfg: LakeConfig) -> bool:
    """Bring the lake's tables and views up to this version of newslake (a schema-only commit, done by
    every ingest too); return True when something had to change. A lake that cannot be written is
    left as it is."""
    from newslake.warehouse.views import views_current

    with connect(cfg, read_only=True) as con:
        if views_current(con):
            return False
    try:
        with connect(cfg, read_only=False):
            return True
    except (LakeError, duckdb.Error, OSError):
        return False
