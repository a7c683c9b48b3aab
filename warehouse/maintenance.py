"""Keeping the lake small and fast: its snapshots, and compaction.

Every commit is a DuckLake snapshot, and every run writes small Parquet files. ``compact`` merges
small files, rewrites files that carry many deleted rows (documents replaced), expires snapshots
older than the retention (``NEWSLAKE_SNAPSHOT_KEEP_DAYS``: time travel reaches that far back) and
deletes from disk the files no snapshot needs any more. Queries answer the same before and after.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb

from newslake.warehouse.lake import LakeConfig, _retrying, compact_files, connect
from newslake.warehouse.schema import LAKE


@dataclass(frozen=True)
class CompactReport:
    files_before: int
    files_after: int
    bytes_before: int
    bytes_after: int
    snapshots_before: int
    snapshots_after: int
    files_deleted: int
    kept_since: datetime


def snapshots(cfg: LakeConfig, limit: int | None = None) -> list[dict]:
    """The lake's snapshots, newest first: id, time, what changed, and the run that made each."""
    with connect(cfg, read_only=True) as con:
        rows = con.execute(
            f"SELECT snapshot_id, snapshot_time, changes, commit_message, commit_extra_info "
            f"FROM ducklake_snapshots('{LAKE}') ORDER BY snapshot_id DESC"
            + (" LIMIT ?" if limit else ""), [limit] if limit else []).fetchall()
        try:  # table ids in `changes` -> names (DuckLake's own catalog tables)
            names = dict(con.execute(f"SELECT DISTINCT table_id::VARCHAR, table_name "
                                     f"FROM __ducklake_metadata_{LAKE}.ducklake_table").fetchall())
        except duckdb.Error:
            names = {}
    out = []
    for sid, when, changes, message, extra in rows:
        info = {}
        if extra:
            try:
                info = json.loads(extra)
            except json.JSONDecodeError:
                info = {}
        what = "; ".join(f"{k.replace('_', ' ')}: {', '.join(names.get(t, t) for t in v)}"
                         for k, v in (changes or {}).items())
        out.append({"snapshot_id": sid, "snapshot_time": when, "run_id": info.get("run_id"),
                    "source": info.get("source"), "message": message, "changes": what})
    return out


def _data_files(cfg: LakeConfig) -> tuple[int, int]:
    if cfg.data_path is not None and "://" in cfg.data_path:
        return 0, 0  # object storage: not counted here
    root = Path(cfg.data_dir)
    files = [p for p in root.rglob("*.parquet")] if root.exists() else []
    return len(files), sum(p.stat().st_size for p in files)


def compact(cfg: LakeConfig, *, keep_days: float = 7.0, now: datetime | None = None) -> CompactReport:
    """Merge small files, rewrite files with many deletes, expire snapshots older than ``keep_days``
    and delete the files nothing refers to any more (from disk)."""
    now = now or datetime.now(timezone.utc)
    kept_since = now - timedelta(days=keep_days)
    files_before, bytes_before = _data_files(cfg)

    def run() -> tuple[int, int, int]:
        with connect(cfg, read_only=False) as con:
            n_before = con.execute(f"SELECT count(*) FROM ducklake_snapshots('{LAKE}')").fetchone()[0]
            compact_files(con, attempts=1)  # the whole call is retried below
            con.execute(f"CALL ducklake_merge_adjacent_files('{LAKE}')")  # and beyond SMALL_FILE_BYTES
            con.execute(f"CALL ducklake_expire_snapshots('{LAKE}', older_than => ?::TIMESTAMPTZ)", [kept_since])
            deleted = len(con.execute(f"CALL ducklake_cleanup_old_files('{LAKE}', cleanup_all => true)").fetchall())
            n_after = con.execute(f"SELECT count(*) FROM ducklake_snapshots('{LAKE}')").fetchone()[0]
            return n_before, n_after, deleted

    (n_before, n_after, deleted), _ = _retrying(run)
    files_after, bytes_after = _data_files(cfg)
    return CompactReport(files_before, files_after, bytes_before, bytes_after, n_before, n_after, deleted, kept_since)


def data_files_on_disk(cfg: LakeConfig) -> set[str]:
    """Paths of the Parquet files under the lake's data folder (for checks and reports)."""
    root = Path(cfg.data_dir)
    return {os.fspath(p) for p in root.rglob("*.parquet")} if root.exists() else set()


DOC_COLUMNS = ("doc_id", "status", "uri", "url", "source", "external_id", "title", "author", "published_at",
               "language", "raw", "input_format", "encoding", "fetched_at", "http_status", "extractor_version")


def stored_documents(cfg: LakeConfig, *, outdated_of: str | None = None, source: str | None = None,
                     since: datetime | None = None, where: str | None = None) -> list[dict]:
    """Stored ``ok`` documents to re-read: of ``source``, ingested since ``since``, matching the SQL
    predicate ``where`` (the user's own, run on a read-only connection like ``newslake sql``), and
    with an extractor version other than ``outdated_of`` when given."""
    conds, params = ["status = 'ok'"], []
    if outdated_of is not None:
        conds.append("extractor_version <> ?")
        params.append(outdated_of)
    if source is not None:
        conds.append("source = ?")
        params.append(source)
    if since is not None:
        conds.append("ingested_at >= ?")
        params.append(since)
    cols = ", ".join(f'"{c}"' for c in DOC_COLUMNS)
    with connect(cfg, read_only=True) as con:
        ids = None
        if where:
            ids = con.execute(f"SELECT doc_id FROM {LAKE}.documents WHERE ({where})").fetch_arrow_table()
            con.register("chosen", ids)
            conds.append("doc_id IN (SELECT doc_id FROM chosen)")
        return con.execute(f"SELECT {cols} FROM {LAKE}.documents WHERE {' AND '.join(conds)} ORDER BY doc_id",
                           params).to_arrow_table().to_pylist()
