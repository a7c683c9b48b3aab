"""Export one consistent snapshot of every table as plain Parquet or CSV files.

Every table is read ``AT (VERSION => n)`` for one DuckLake snapshot ``n`` (the current one unless
``as_of`` names another), so the files agree with each other even while an ingest commits; a
``manifest.json`` beside them records the snapshot, its time and the row counts.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from newslake.warehouse.lake import LakeConfig, LakeError, connect
from newslake.warehouse.schema import LAKE, TABLES

FORMATS = {"parquet": "(FORMAT parquet, COMPRESSION zstd)", "csv": "(FORMAT csv, HEADER true)"}


@dataclass(frozen=True)
class Export:
    out_dir: Path
    version: int
    snapshot_time: datetime
    rows: dict[str, int]
    missing: tuple[str, ...]  # tables that did not exist yet at that snapshot


def _sql_path(p: Path) -> str:
    return "'" + str(p).replace("'", "''") + "'"


def export(cfg: LakeConfig, out_dir: Path, *, fmt: str = "parquet", as_of: int | None = None) -> Export:
    """Write ``<table>.<fmt>`` for every table at one snapshot, and ``manifest.json``; return what was
    written. Files are written into a temporary folder beside ``out_dir`` and moved into place, so a
    failed export leaves no partial files."""
    if fmt not in FORMATS:
        raise LakeError(f"unknown format {fmt!r}: use parquet or csv")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with connect(cfg, read_only=True) as con:
        snaps = dict(con.execute(f"SELECT snapshot_id, snapshot_time FROM {LAKE}.snapshots()").fetchall())
        version = int(con.execute(f"FROM {LAKE}.current_snapshot()").fetchone()[0]) if as_of is None else int(as_of)
        if version not in snaps:
            raise LakeError(f"no snapshot {version} in the lake (snapshots {min(snaps)}–{max(snaps)}; "
                            "`newslake sql \"FROM lake.snapshots()\"` lists them)")
        tmp = Path(tempfile.mkdtemp(dir=out_dir, prefix=".export-"))
        rows: dict[str, int] = {}
        missing: list[str] = []
        try:
            for table in TABLES:
                src = f"(SELECT * FROM {LAKE}.{table} AT (VERSION => {version}))"
                try:
                    n = con.execute(f"SELECT count(*) FROM {src}").fetchone()[0]
                except duckdb.CatalogException:
                    missing.append(table)
                    continue
                con.execute(f"COPY {src} TO {_sql_path(tmp / f'{table}.{fmt}')} {FORMATS[fmt]}")
                rows[table] = n
            manifest = {"snapshot": version, "snapshot_time": snaps[version].isoformat(), "format": fmt,
                        "exported_at": datetime.now(timezone.utc).isoformat(), "rows": rows, "missing": missing}
            (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
            for f in tmp.iterdir():
                os.replace(f, out_dir / f.name)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return Export(out_dir, version, snaps[version], rows, tuple(missing))
