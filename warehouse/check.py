"""``newslake check``: verify a lake end to end, and repair what can be repaired without losing data.

Checks, each reported with a count and examples:

- ``catalog``: the catalog opens and every table can be scanned;
- ``files``: every data and delete file the catalog references (in any snapshot not yet expired)
  exists, has the size the catalog recorded and is a Parquet file (``PAR1`` at both ends);
- ``documents``: every row of a per-document table belongs to a document in ``documents``;
- ``offsets``: every character offset lies inside its document's text, and every span column
  (``mentions.text``, ``claims.content``, ...) equals ``documents.text[start_char:end_char]``;
- ``ids``: no id appears twice (``doc_id``, ``mention_id``, ``claim_id``, ...);
- ``orphans``: no Parquet file under the data folder that no snapshot references (left by a killed
  or failed commit) and that DuckLake has not scheduled for deletion itself.

``repair`` removes orphan files only: a file no snapshot references holds no committed row, so
deleting it cannot lose data. A commit in progress writes its files before it commits them, so
only orphans older than ``min_age_s`` (default one hour, longer than any commit) are removed.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from newslake.warehouse.lake import LakeConfig, LakeError, connect
from newslake.warehouse.schema import LAKE, PER_DOCUMENT, TABLES

META = f"__ducklake_metadata_{LAKE}"
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",), "mentions": ("mention_id",), "doc_entities": ("doc_id", "entity_id"),
    "entity_roles": ("role_id",), "claims": ("claim_id",), "amounts": ("amount_id",),
    "events": ("event_id",), "entities": ("entity_id",), "entity_links": ("entity_id",),
    "entity_blocks": ("entity_id", "block_key"), "runs": ("run_id",),
}
"""The columns that identify a row of each table (none may repeat)."""
SPAN_MARK = "`documents.text[start_char:end_char]`"
DEFAULT_MIN_AGE_S = 3600.0
EXAMPLES = 5


@dataclass
class Finding:
    check: str
    problems: int = 0
    ran: bool = False
    examples: list[str] = field(default_factory=list)

    def add(self, n: int, example: str) -> None:
        self.problems += n
        if n and len(self.examples) < EXAMPLES:
            self.examples.append(example)


@dataclass
class Report:
    findings: dict[str, Finding]
    orphans: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept_young: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.problems == 0 for f in self.findings.values())

    def rows(self) -> list[tuple[str, str, int, str]]:
        return [(f.check, "FAIL" if f.problems else "ok" if f.ran else "not run", f.problems,
                 "; ".join(f.examples)) for f in self.findings.values()]


def offset_pairs(table: str) -> list[tuple[str, str]]:
    """(start, end) column pairs of a table: ``start_char``/``end_char`` and ``x_start``/``x_end``."""
    names = {f.name for f in TABLES[table] if pa.types.is_integer(f.type)}
    pairs = [("start_char", "end_char")] if {"start_char", "end_char"} <= names else []
    pairs += [(n, n[:-6] + "_end") for n in TABLES[table].names
              if n in names and n.endswith("_start") and n[:-6] + "_end" in names]
    return pairs


def span_columns(table: str) -> list[str]:
    """Columns documented as ``documents.text[start_char:end_char]``."""
    return [f.name for f in TABLES[table]
            if SPAN_MARK in (f.metadata or {}).get(b"description", b"").decode()]


def check(cfg: LakeConfig, *, repair: bool = False, min_age_s: float = DEFAULT_MIN_AGE_S) -> Report:
    """Verify the lake at ``cfg``; with ``repair``, remove orphan files older than ``min_age_s``."""
    names = ("catalog", "files", "documents", "offsets", "ids", "orphans")
    findings = {n: Finding(n) for n in names}
    report = Report(findings)
    try:
        with connect(cfg, read_only=True) as con:
            _check_catalog(con, findings["catalog"])
            referenced, scheduled = _check_files(con, cfg, findings["files"])
            findings["catalog"].ran = findings["files"].ran = True
            if findings["catalog"].problems == 0 and findings["files"].problems == 0:
                _check_rows(con, findings)
                for n in ("documents", "offsets", "ids"):
                    findings[n].ran = True
    except LakeError as e:
        findings["catalog"].add(1, str(e))
        return report
    findings["orphans"].ran = True
    data_dir = Path(cfg.data_dir)
    if data_dir.is_dir():
        known = referenced | scheduled
        report.orphans = sorted(p for p in data_dir.rglob("*.parquet") if os.path.realpath(p) not in known)
    for p in report.orphans:
        findings["orphans"].add(1, str(p.relative_to(data_dir)))
    if repair and report.orphans:
        now = time.time()
        for p in report.orphans:
            try:
                young = now - p.stat().st_mtime < min_age_s
            except FileNotFoundError:
                continue
            if young:
                report.kept_young.append(p)
                continue
            p.unlink(missing_ok=True)
            report.removed.append(p)
        findings["orphans"] = Finding("orphans", ran=True)
        for p in report.kept_young:
            findings["orphans"].add(1, f"{p.relative_to(data_dir)} (younger than {min_age_s:g} s: kept)")
    return report


def _check_catalog(con: duckdb.DuckDBPyConnection, finding: Finding) -> None:
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [LAKE]).fetchall()}
    for table in TABLES:
        if table not in present:
            finding.add(1, f"table {table} is missing")


def _check_files(con: duckdb.DuckDBPyConnection, cfg: LakeConfig, finding: Finding) -> tuple[set[str], set[str]]:
    """Every file the catalog references exists and looks like the Parquet file it recorded."""
    base = cfg.data_dir
    rows = con.execute(f"""
        SELECT CASE WHEN f.path_is_relative THEN
                 (CASE WHEN t.path_is_relative THEN
                    (CASE WHEN s.path_is_relative THEN ? || s.path ELSE s.path END) || t.path
                  ELSE t.path END) || f.path
               ELSE f.path END AS full_path, f.file_size_bytes, t.table_name
        FROM (SELECT table_id, path, path_is_relative, file_size_bytes FROM {META}.ducklake_data_file
              UNION ALL
              SELECT table_id, path, path_is_relative, file_size_bytes FROM {META}.ducklake_delete_file) f
        JOIN {META}.ducklake_table t USING (table_id)
        JOIN {META}.ducklake_schema s USING (schema_id)""", [base]).fetchall()
    referenced: set[str] = set()
    for path, size, table in rows:
        referenced.add(os.path.realpath(path))
        try:
            actual = os.path.getsize(path)
            with open(path, "rb") as fh:
                head = fh.read(4)
                fh.seek(max(0, actual - 4))
                tail = fh.read(4)
        except OSError as e:
            finding.add(1, f"{table}: {path}: {e.strerror or e}")
            continue
        if size is not None and actual != size:
            finding.add(1, f"{table}: {path}: {actual} bytes, the catalog recorded {size}")
        elif head != b"PAR1" or tail != b"PAR1":
            finding.add(1, f"{table}: {path}: not a Parquet file")
    scheduled = {os.path.realpath(p if not rel else base + p) for p, rel in con.execute(
        f"SELECT path, path_is_relative FROM {META}.ducklake_files_scheduled_for_deletion").fetchall()}
    return referenced, scheduled


def _check_rows(con: duckdb.DuckDBPyConnection, findings: dict[str, Finding]) -> None:
    for table in TABLES:
        try:
            con.execute(f"SELECT count(*) FROM {LAKE}.{table}").fetchone()
        except duckdb.Error as e:
            findings["catalog"].add(1, f"{table}: {str(e).splitlines()[0]}")
            return
    for table in PER_DOCUMENT[1:]:
        n, example = con.execute(f"""
            SELECT count(*), min(t.doc_id) FROM {LAKE}.{table} t
            WHERE NOT EXISTS (SELECT 1 FROM {LAKE}.documents d WHERE d.doc_id = t.doc_id)""").fetchone()
        findings["documents"].add(n, f"{table}: {n} row(s) of missing document {example}")
        for s, e in offset_pairs(table):
            n, example = con.execute(f"""
                SELECT count(*), min(t.doc_id) FROM {LAKE}.{table} t JOIN {LAKE}.documents d USING (doc_id)
                WHERE t."{s}" IS NOT NULL AND (t."{s}" < 0 OR t."{e}" < t."{s}" OR t."{e}" > length(d.text))
                """).fetchone()
            findings["offsets"].add(n, f"{table}.{s}/{e}: {n} outside the text (e.g. {example})")
        for col in span_columns(table):
            n, example = con.execute(f"""
                SELECT count(*), min(t.doc_id) FROM {LAKE}.{table} t JOIN {LAKE}.documents d USING (doc_id)
                WHERE substr(d.text, t.start_char + 1, t.end_char - t.start_char) IS DISTINCT FROM t."{col}"
                """).fetchone()
            findings["offsets"].add(n, f"{table}.{col}: {n} not equal to the text at its offsets (e.g. {example})")
    for table, key in KEYS.items():
        cols = ", ".join(f'"{c}"' for c in key)
        n, example = con.execute(f"""
            SELECT count(*), min(k) FROM (SELECT concat_ws('/', {cols}) AS k FROM {LAKE}.{table}
                                          GROUP BY {cols} HAVING count(*) > 1)""").fetchone()
        findings["ids"].add(n, f"{table}: {n} repeated {'/'.join(key)} (e.g. {example})")
