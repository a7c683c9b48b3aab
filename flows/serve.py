"""Deployments and schedules of newslake's flows, declared in one place.

``newslake serve PATH --every 600`` (or ``python -m newslake.flows.serve PATH``) serves the ingest flow with
a schedule against the Prefect server in ``PREFECT_API_URL``; runs also start from the Prefect UI
or API (``prefect deployment run 'ingest/newslake-ingest'``).
"""

from __future__ import annotations

import sys
from typing import Sequence

from prefect import serve

from newslake.flows.ingest import ingest
from newslake.flows.runners import with_runner
from newslake.settings import get_settings


def ingest_deployment(paths: Sequence[str], *, name: str = "newslake-ingest", interval: int | None = 3600,
                      cron: str | None = None, warehouse: str | None = None):  # type: ignore[no-untyped-def]
    """The scheduled re-ingestion of ``paths`` (unchanged documents are skipped, so re-runs are cheap)."""
    # the task runner named by NEWSLAKE_RUNNER / NEWSLAKE_DASK_ADDRESS where the deployment is served
    return with_runner(ingest, get_settings()).to_deployment(
        name=name,
        interval=interval if cron is None else None,
        cron=cron,
        parameters={"paths": list(paths), "warehouse": warehouse},
        description="Re-ingest the given paths into the newslake lake.",
        tags=["newslake"],
    )


def serve_ingest(paths: Sequence[str], **kw) -> None:  # type: ignore[no-untyped-def]
    serve(ingest_deployment(paths, **kw))


if __name__ == "__main__":  # pragma: no cover
    serve_ingest(sys.argv[1:] or ["seeds"])
