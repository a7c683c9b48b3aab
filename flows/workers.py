"""Where the spaCy work runs: a pool of worker processes, each loading the model once.

Each worker loads the model on its first batch, parses and extracts whole batches and sends back
Arrow tables (one per per-document table), so only rows travel between processes and the
coordinating process never loads the model (nor needs spaCy to read the rows). Processes are
started with ``spawn`` (forking a process that runs Prefect's threads is not safe), and on demand:
the second starts when a second batch is waiting, so a one-batch run loads the model once and a
large run has both cores busy from its first two batches.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import pyarrow as pa

    from newslake.transforms.ingest.readers import SourceDoc

_NLP = None
_MODEL: str | None = None


def _nlp(model: str):  # type: ignore[no-untyped-def]
    global _NLP, _MODEL
    if _NLP is None or _MODEL != model:
        from newslake.transforms.pipeline import load_nlp

        _NLP, _MODEL = load_nlp(model), model
    return _NLP


def _init() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")


@dataclass
class BatchResult:
    """One extracted batch: an Arrow table per per-document table, its counts for ``runs``, and the
    (uri, reason) of its rejected documents."""

    tables: dict[str, "pa.Table"] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def run_batch(docs: Sequence["SourceDoc"], model: str, version: str, run_id: str) -> BatchResult:
    """Parse and extract one batch with this process's model (loaded on first use) and build its
    tables (``ingested_at`` is set again when the batch commits)."""
    from newslake.transforms.extract import extract_batch
    from newslake.warehouse.schema import PER_DOCUMENT, to_table

    ex = extract_batch(docs, _nlp(model), version=version)
    extra = {"run_id": run_id, "ingested_at": datetime.now(timezone.utc), "extractor_version": version}
    rows = {name: getattr(ex, name) for name in PER_DOCUMENT}
    rows["documents"] = [
        {**{f: getattr(d, f) for f in d.__dataclass_fields__}, "char_count": len(d.text), "boilerplate": list(d.boilerplate)}
        for d in ex.documents
    ]
    ok = sum(d.status == "ok" for d in ex.documents)
    return BatchResult(
        tables={name: to_table(name, rows[name], extra) for name in PER_DOCUMENT},
        counts={"docs_ok": ok, "docs_rejected": len(ex.documents) - ok, "mentions": len(ex.mentions),
                "doc_entities": len(ex.doc_entities), "claims": len(ex.claims), "events": len(ex.events)},
        rejected=[(d.uri, d.error or "") for d in ex.documents if d.status != "ok"],
    )


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def choose_processes(requested: int) -> int:
    """``requested`` when set; otherwise one per core, at most 2 (each process holds a model)."""
    return requested if requested else max(1, min(2, cores()))


class Workers:
    """``n`` spawned worker processes (started on demand, up to ``n``) that run :func:`run_batch`."""

    def __init__(self, model: str, n: int) -> None:
        self.model = model
        self.pool = ProcessPoolExecutor(n, mp_context=mp.get_context("spawn"), initializer=_init)

    def submit(self, docs: Sequence["SourceDoc"], version: str, run_id: str) -> "Future[BatchResult]":
        return self.pool.submit(run_batch, list(docs), self.model, version, run_id)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
