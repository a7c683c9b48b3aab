"""Where the ingest flow's parse tasks run: this machine, or a Dask cluster (through prefect-dask).

``local`` (the default) is Prefect's thread pool: the extract tasks hand batches to this machine's
spaCy worker processes (:mod:`newslake.flows.workers`). ``dask`` is prefect-dask's
``DaskTaskRunner``: every extract task runs on a Dask worker, which loads the spaCy model once (a
worker plugin, at start) and keeps it for every batch it is given; only the rows travel back, and
the flow process commits them to the lake. With no address a ``LocalCluster`` of
``NEWSLAKE_DASK_WORKERS`` processes is started for the run and closed after it; with
``NEWSLAKE_DASK_ADDRESS`` (``tcp://scheduler:8786``) the run uses a cluster someone else operates,
whose workers must have newslake (same version) and the model installed.

    newslake ingest corpus/ --runner dask                                  # LocalCluster, 2 processes
    NEWSLAKE_DASK_ADDRESS=tcp://scheduler:8786 newslake ingest corpus/ --runner dask
"""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin
from prefect.context import FlowRunContext
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect_dask import DaskTaskRunner

RUNNERS = ("local", "dask")


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model into a Dask worker process when it joins, and keeps it there.

    The model lives in :mod:`newslake.flows.workers`' module-level cache, which every extract task on
    that worker uses; a worker that joins later (adaptive scaling, a restart) loads it when it joins.
    """

    name = "newslake-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:  # noqa: ARG002 (the plugin API passes the worker)
        from newslake.flows.workers import _init

        _init(self.model)


class NewslakeDaskRunner(DaskTaskRunner):
    """prefect-dask's runner that also installs :class:`ModelPlugin` on the cluster's workers."""

    def __init__(self, model: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.model = model

    def duplicate(self) -> "NewslakeDaskRunner":
        return type(self)(model=self.model, address=self.address, cluster_class=self.cluster_class,
                          cluster_kwargs=self.cluster_kwargs, adapt_kwargs=self.adapt_kwargs,
                          client_kwargs=self.client_kwargs, performance_report_path=self.performance_report_path)

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and getattr(other, "model", None) == self.model

    def __enter__(self) -> "NewslakeDaskRunner":
        super().__enter__()
        self.client.register_plugin(ModelPlugin(self.model))  # waits until every worker has the model
        return self


def task_runner(kind: str, *, model: str, address: str | None = None, workers: int = 2) -> TaskRunner:
    """The task runner called ``kind`` (``local`` or ``dask``)."""
    if kind == "local":
        return ThreadPoolTaskRunner()
    if kind == "dask":
        if address:
            return NewslakeDaskRunner(model, address=address)
        return NewslakeDaskRunner(model, cluster_kwargs={
            "n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None})
    raise ValueError(f"runner {kind!r}: use one of {', '.join(RUNNERS)}")


def with_runner(flow, settings):  # type: ignore[no-untyped-def]
    """``flow`` with the task runner the settings name (``runner``, ``dask_address``, ``dask_workers``)."""
    runner = task_runner(settings.runner, model=settings.model, address=settings.dask_address,
                         workers=settings.dask_workers)
    return flow.with_options(task_runner=runner)


def on_cluster() -> bool:
    """True inside a flow run whose tasks go to a Dask cluster (so no local process pool is needed)."""
    ctx = FlowRunContext.get()
    return ctx is not None and isinstance(ctx.task_runner, DaskTaskRunner)
