"""Flows that work on what is already in the lake: ``reingest`` (re-extract stored documents from
their stored raw input, no fetching) and ``maintenance`` (compaction and snapshot expiry)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newslake.flows.sources import SourceRunSummary, commit_documents
from newslake.flows.workers import Workers
from newslake.settings import get_settings
from newslake.transforms.ingest.readers import Limits, reread
from newslake.warehouse.lake import LakeConfig
from newslake.warehouse.maintenance import CompactReport, compact, stored_documents


@task(name="select-stored", cache_policy=NO_CACHE)
def select_stored(cfg: LakeConfig, **kw) -> list[dict]:  # type: ignore[no-untyped-def]
    return stored_documents(cfg, **kw)


@flow(name="reingest", log_prints=False)
def reingest(
    all: bool = False,
    source: str | None = None,
    since: datetime | None = None,
    where: str | None = None,
    warehouse: str | None = None,
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int | None = None,
    progress: bool = False,
) -> SourceRunSummary:
    """Re-extract stored documents from their stored raw input (nothing is fetched): by default those
    whose extractor version is not the current one; ``all``, ``source``, ``since`` or ``where`` choose
    others (all of them re-extracted). A document whose re-read gives other text replaces the old one."""
    s = get_settings(warehouse=warehouse, model=model, batch_size=batch_size, n_process=n_process)
    cfg = LakeConfig(Path(s.warehouse), s.catalog, s.data_path)
    limits = Limits(max_file_bytes=s.max_file_bytes, max_doc_chars=s.max_doc_chars, doc_budget_s=s.doc_budget_s)
    chosen = all or source is not None or since is not None or where is not None
    inputs = [f"{k}={v}" for k, v in (("all", all), ("source", source), ("since", since), ("where", where)) if v]
    current = None
    if not chosen:
        with Workers(s.model, 1) as w:  # the version from the model's metadata, in a worker (no spaCy here)
            current = w.version()
    rows = select_stored(cfg, outdated_of=current, source=source, since=since, where=where)
    docs, retired, skipped = [], [], 0
    for row in rows:
        doc = reread(row, limits)
        if doc is None:
            skipped += 1
            continue
        docs.append(doc)
        if doc.doc_id != row["doc_id"]:
            retired.append(row["doc_id"])
    get_run_logger().info("%d stored documents chosen, %d re-read, %d not re-readable (raw input cut)",
                          len(rows), len(docs), skipped)
    return commit_documents(docs, s=s, cfg=cfg, inputs=inputs or ["outdated"], flow_name="reingest",
                            retired=retired, force=True, progress=progress)


@flow(name="maintenance", log_prints=False)
def maintenance(warehouse: str | None = None, keep_days: float | None = None) -> CompactReport:
    """Compact the lake: merge small files, expire old snapshots, delete unneeded files from disk."""
    s = get_settings(warehouse=warehouse, snapshot_keep_days=keep_days)
    report = compact(LakeConfig(Path(s.warehouse), s.catalog, s.data_path), keep_days=s.snapshot_keep_days)
    get_run_logger().info("compacted: %s", report)
    return report
