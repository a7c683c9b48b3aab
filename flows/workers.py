"""Where the spaCy work runs: in this process, or in a pool of worker processes.

Each worker loads the model once (pool initializer) and extracts whole batches, so the parse and
every extractor run in parallel and only rows travel back. Processes are started with ``spawn``:
forking a process that runs Prefect's threads is not safe.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Sequence

from newslake.transforms.extract import Extracted, extract_batch
from newslake.transforms.ingest.readers import SourceDoc

_NLP = None
_MODEL: str | None = None


def _nlp(model: str):  # type: ignore[no-untyped-def]
    global _NLP, _MODEL
    if _NLP is None or _MODEL != model:
        from newslake.transforms.pipeline import load_nlp

        _NLP, _MODEL = load_nlp(model), model
    return _NLP


def _init(model: str) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _nlp(model)


def run_batch(docs: Sequence[SourceDoc], model: str, version: str) -> Extracted:
    """Extract one batch with this process's model."""
    return extract_batch(docs, _nlp(model), version=version)


def model_version(model: str) -> str:
    """The extractor version for ``model`` (loads the model in this process)."""
    from newslake.transforms.extract import extractor_version

    return extractor_version(_nlp(model))


def choose_processes(requested: int, n_docs: int, batch_size: int) -> int:
    """``requested`` when set; otherwise 2 processes when there are 2+ cores and 2+ full batches."""
    if requested:
        return requested
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 2 if cores >= 2 and n_docs >= 2 * batch_size else 1


class Workers:
    """Runs batches in this process (``n == 1``) or in ``n`` spawned worker processes."""

    def __init__(self, model: str, n: int) -> None:
        self.model = model
        self.pool = (
            ProcessPoolExecutor(n, mp_context=mp.get_context("spawn"), initializer=_init, initargs=(model,))
            if n > 1 else None
        )

    def submit(self, docs: Sequence[SourceDoc], version: str) -> "Future[Extracted]":
        if self.pool is None:
            f: Future[Extracted] = Future()
            try:
                f.set_result(run_batch(docs, self.model, version))
            except BaseException as e:  # surfaced by .result()
                f.set_exception(e)
            return f
        return self.pool.submit(run_batch, list(docs), self.model, version)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
