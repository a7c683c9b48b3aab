"""Deployments and schedules of newslake's flows, declared in one place.

``newslake serve --sources sources.yaml`` serves one deployment of the ``ingest-source`` flow per
declared source, named after it and scheduled by its ``every``/``cron``, plus ``maintenance/newslake-
maintenance`` (compaction), against the Prefect server in ``PREFECT_API_URL``. Runs also start from
the Prefect UI or API: ``prefect deployment run 'ingest-source/world'``. ``newslake serve PATH --every
600`` serves the ``ingest`` flow over local paths. ``prefect.yaml`` at the repository root declares the
same deployments for ``prefect deploy --all`` and a process work pool.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

from prefect import serve

from newslake.flows.ingest import ingest
from newslake.flows.runners import with_runner
from newslake.settings import get_settings
from newslake.flows.maintenance import maintenance
from newslake.flows.sources import ingest_source
from newslake.sources import Source

MAINTENANCE = "newslake-maintenance"


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


def source_deployment(src: Source, *, sources_file: Path, warehouse: str | None = None):  # type: ignore[no-untyped-def]
    """One source's deployment: named after it, on its schedule, one run at a time (a run that is still
    going when the next is due makes the next wait)."""
    return ingest_source.to_deployment(
        name=src.name,
        interval=src.interval_seconds,
        cron=src.cron,
        parameters={"source": src.name, "sources_file": str(Path(sources_file).resolve()), "warehouse": warehouse},
        description=f"Fetch and ingest the {src.kind} source {src.name!r} ({', '.join(src.locations)[:200]}).",
        tags=["newslake", f"source:{src.name}"],
        concurrency_limit=1,
    )


def maintenance_deployment(*, interval: int = 86400, warehouse: str | None = None):  # type: ignore[no-untyped-def]
    return maintenance.to_deployment(
        name=MAINTENANCE, interval=interval, parameters={"warehouse": warehouse},
        description="Compact the lake: merge small files, expire old snapshots, delete unneeded files.",
        tags=["newslake"], concurrency_limit=1,
    )


def source_deployments(sources: Sequence[Source], *, sources_file: Path, warehouse: str | None = None,
                       maintenance_interval: int | None = 86400) -> list:
    deps = [source_deployment(s, sources_file=sources_file, warehouse=warehouse) for s in sources]
    if maintenance_interval:
        deps.append(maintenance_deployment(interval=maintenance_interval, warehouse=warehouse))
    return deps


def serve_sources(sources: Sequence[Source], **kw) -> None:  # type: ignore[no-untyped-def]
    serve(*source_deployments(sources, **kw))


def serve_ingest(paths: Sequence[str], **kw) -> None:  # type: ignore[no-untyped-def]
    serve(ingest_deployment(paths, **kw))


if __name__ == "__main__":  # pragma: no cover
    serve_ingest(sys.argv[1:] or ["seeds"])
