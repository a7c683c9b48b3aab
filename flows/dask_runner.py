"""prefect-dask's task runner for newslake: every Dask worker loads the spaCy model once and keeps it.

Chosen with ``--runner dask`` / ``NEWSLAKE_RUNNER=dask`` (see :mod:`newslake.flows.runners`).
"""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin
from prefect_dask import DaskTaskRunner


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model into a Dask worker process when it joins, and keeps it there.

    The model lives in :mod:`newslake.flows.workers`' module-level cache, which every extract task on
    that worker uses; a worker that joins later (adaptive scaling, a restart) loads it when it joins.
    """

    name = "newslake-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:  # noqa: ARG002 (the plugin API passes the worker)
        import os

        from newslake.flows.workers import _nlp

        os.environ.setdefault("OMP_NUM_THREADS", "1")
        _nlp(self.model)


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
