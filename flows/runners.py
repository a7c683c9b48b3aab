"""Where the ingest flow's parse tasks run: this machine, or a Dask cluster (through prefect-dask).

``local`` (the default) is Prefect's thread pool: the extract tasks hand batches to this machine's
spaCy worker processes (:mod:`newslake.flows.workers`). ``dask`` is prefect-dask's
``DaskTaskRunner``: every extract task runs on a Dask worker, which loads the spaCy model on its
first batch and keeps it (the module-level cache of :mod:`newslake.flows.workers`) for every batch it
is given after; only the rows travel back, and the flow process commits them to the lake. With no address a ``LocalCluster`` of
``NEWSLAKE_DASK_WORKERS`` processes is started for the run and closed after it; with
``NEWSLAKE_DASK_ADDRESS`` (``tcp://scheduler:8786``) the run uses a cluster someone else operates,
whose workers must have newslake (same version) and the model installed.

    newslake ingest corpus/ --runner dask                                  # LocalCluster, 2 processes
    NEWSLAKE_DASK_ADDRESS=tcp://scheduler:8786 newslake ingest corpus/ --runner dask
"""

from __future__ import annotations

import sys
from concurrent.futures import Future
from typing import Any, Sequence

from prefect.context import FlowRunContext
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from newslake.settings import RUNNERS  # noqa: E402,F401 - ("local", "dask")


def task_runner(kind: str, *, model: str, address: str | None = None, workers: int = 2) -> TaskRunner:
    """The task runner called ``kind`` (``local`` or ``dask``; Dask is imported only for ``dask``)."""
    if kind == "local":
        return ThreadPoolTaskRunner()
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={
            "n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None})
    raise ValueError(f"runner {kind!r}: use one of {', '.join(RUNNERS)}")


def with_runner(flow, settings):  # type: ignore[no-untyped-def]
    """``flow`` with the task runner the settings name (``runner``, ``dask_address``, ``dask_workers``)."""
    runner = task_runner(settings.runner, model=settings.model, address=settings.dask_address,
                         workers=settings.dask_workers)
    return flow.with_options(task_runner=runner)


def on_cluster() -> bool:
    """True inside a flow run whose tasks go to a Dask cluster."""
    dask_runners = sys.modules.get("prefect_dask")  # imported by any run that uses one
    ctx = FlowRunContext.get()
    return dask_runners is not None and ctx is not None and isinstance(ctx.task_runner, dask_runners.DaskTaskRunner)


def cluster_workers(model: str) -> "tuple[InProcess, int] | None":
    """Inside a flow run on a Dask cluster: the workers object its extract tasks use (each task runs
    the batch in its Dask worker's own process) and the number of Dask workers (how many batches to
    keep in flight). None on the local runner."""
    if not on_cluster():
        return None
    ctx = FlowRunContext.get()
    n = len(ctx.task_runner.client.scheduler_info().get("workers", {}))  # type: ignore[union-attr]
    return InProcess(model), max(1, n)


class InProcess:
    """:class:`~newslake.flows.workers.Workers`' interface, run in the calling process: on a Dask
    worker that process is the worker, whose model (cached in :mod:`newslake.flows.workers`) is kept
    from batch to batch."""

    def __init__(self, model: str) -> None:
        self.model = model

    def submit(self, pieces: Sequence[Any], version: str, run_id: str, cfg: Any, limits: Any) -> "Future":
        from newslake.flows.workers import run_batch

        f: Future = Future()
        try:
            f.set_result(run_batch(list(pieces), self.model, version, run_id, cfg, limits))
        except BaseException as e:  # surfaced by .result()
            f.set_exception(e)
        return f

    def version(self) -> str:
        from newslake.flows.workers import _version

        return _version(self.model)

    def close(self) -> None:
        pass

    def __enter__(self) -> "InProcess":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
