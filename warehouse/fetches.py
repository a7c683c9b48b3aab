"""What the lake knows about fetching: the validators of the last good fetch of each URL (for
conditional GET), the documents already stored for a URL (to replace a changed article), and each
source's last run (``newslake sources``). Read-only queries; every value goes in as a parameter or a
registered Arrow table."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from newslake.warehouse.lake import LakeConfig, connect
from newslake.warehouse.schema import LAKE


def _with_urls(cfg: LakeConfig, urls: list[str], sql: str, params: list | None = None) -> list[tuple]:
    if not urls or not cfg.exists():
        return []
    with connect(cfg, read_only=True) as con:
        con.register("wanted", pa.table({"url": pa.array(sorted(set(urls)), pa.string())}))
        try:
            return con.execute(sql, params or []).fetchall()
        except duckdb.CatalogException:  # a lake from before the fetches table: nothing known yet
            return []


def validators(cfg: LakeConfig, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """``url -> (etag, last_modified)`` of the last successful (200) fetch of each URL that had one."""
    rows = _with_urls(cfg, urls, f"""
        SELECT url, etag, last_modified FROM {LAKE}.fetches JOIN wanted USING (url)
        WHERE status = 200 AND (etag IS NOT NULL OR last_modified IS NOT NULL)
        QUALIFY row_number() OVER (PARTITION BY url ORDER BY requested_at DESC) = 1""")
    return {u: (e, m) for u, e, m in rows}


def docs_at_urls(cfg: LakeConfig, urls: list[str]) -> dict[str, set[str]]:
    """``url -> {doc_id}`` of the documents stored for each URL."""
    found: dict[str, set[str]] = {}
    for url, doc_id in _with_urls(cfg, urls, f"SELECT url, doc_id FROM {LAKE}.documents JOIN wanted USING (url)"):
        found.setdefault(url, set()).add(doc_id)
    return found


def source_status(cfg: LakeConfig) -> dict[str, dict]:
    """Per source: its last run (time, status, counts of new / unchanged / failed items, last error)."""
    if not cfg.exists():
        return {}
    with connect(cfg, read_only=True) as con:
        try:
            rows = con.execute(f"""
                WITH last AS (
                    SELECT * FROM {LAKE}.runs WHERE source IS NOT NULL AND flow = 'ingest-source'
                    QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC) = 1),
                f AS (
                    SELECT run_id,
                           count(*) FILTER (WHERE outcome NOT IN ('ok', 'not_modified', 'rejected')) AS failed,
                           count(*) FILTER (WHERE outcome = 'not_modified') AS not_modified,
                           last(error ORDER BY requested_at) FILTER (WHERE error IS NOT NULL) AS last_error
                    FROM {LAKE}.fetches GROUP BY run_id)
                SELECT last.source, last.started_at, last.status, last.docs_ok, last.docs_rejected,
                       last.docs_unchanged + coalesce(f.not_modified, 0), coalesce(f.failed, 0),
                       coalesce(last.error, f.last_error)
                FROM last LEFT JOIN f USING (run_id)""").fetchall()
        except duckdb.CatalogException:
            return {}
    keys = ("last_run", "status", "new", "rejected", "unchanged", "failed", "last_error")
    return {r[0]: dict(zip(keys, r[1:])) for r in rows}


def last_article_urls(cfg: LakeConfig, source: str, kind: str = "feed") -> list[str]:
    """The article URLs read the last time ``source``'s feed (or sitemap) gave entries, in order: what
    to re-check when the feed itself answers 304."""
    if not cfg.exists():
        return []
    with connect(cfg, read_only=True) as con:
        try:
            rows = con.execute(f"""
                WITH last AS (
                    SELECT run_id FROM {LAKE}.fetches
                    WHERE source = ? AND kind = ? AND outcome IN ('ok', 'malformed_feed')
                    ORDER BY requested_at DESC LIMIT 1)
                SELECT url, min(requested_at) AS t FROM {LAKE}.fetches
                WHERE source = ? AND kind = 'article' AND run_id IN (SELECT run_id FROM last)
                GROUP BY url ORDER BY t""", [source, kind, source]).fetchall()
        except duckdb.CatalogException:
            return []
    return [r[0] for r in rows]
