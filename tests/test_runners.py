"""The Dask task runner (prefect-dask): a LocalCluster of 2 worker processes started by the test gives
the same tables as a local run of the same input."""

from __future__ import annotations

import pytest

from newslake.settings import get_settings
from newslake.warehouse.lake import LakeConfig, query
from newslake.warehouse.schema import TABLES
from tests.conftest import ROOT, SEEDS

WIRE = ROOT / "tests" / "fixtures" / "wire"  # four short invented wire stories

#: columns that name the run, not the content
RUN_COLUMNS = {"run_id", "ingested_at"}


def content(cfg: LakeConfig) -> dict[str, list[dict]]:
    """Every content table of a lake, without its run columns, in a deterministic order."""
    out = {}
    for name, schema in TABLES.items():
        if name == "runs":
            continue
        cols = ", ".join(f'"{f.name}"' for f in schema if f.name not in RUN_COLUMNS)
        out[name] = query(cfg, f"SELECT {cols} FROM {name} ORDER BY ALL").to_pylist()
    return out


def test_runner_choice_is_validated():
    from prefect_dask import DaskTaskRunner

    from newslake.flows.runners import task_runner

    from prefect.task_runners import ThreadPoolTaskRunner

    assert isinstance(task_runner("local", model="m"), ThreadPoolTaskRunner)
    r = task_runner("dask", model="m", address="tcp://127.0.0.1:8786")
    assert isinstance(r, DaskTaskRunner) and r.address == "tcp://127.0.0.1:8786"
    with pytest.raises(ValueError, match="runner 'ray'"):
        task_runner("ray", model="m")


def test_runner_from_environment(monkeypatch):
    monkeypatch.setenv("NEWSLAKE_RUNNER", "dask")
    monkeypatch.setenv("NEWSLAKE_DASK_ADDRESS", "tcp://10.0.0.1:8786")
    s = get_settings()
    assert (s.runner, s.dask_address) == ("dask", "tcp://10.0.0.1:8786")
    monkeypatch.setenv("NEWSLAKE_RUNNER", "spark")
    with pytest.raises(ValueError):
        get_settings()


@pytest.mark.scaleout
@pytest.mark.model
@pytest.mark.e2e
@pytest.mark.timeout(1500)  # may start Prefect's test server, then two flow runs and a Dask cluster
def test_dask_local_cluster_gives_the_local_tables(prefect_server, tmp_path):
    from distributed import Client, LocalCluster

    from newslake.flows.ingest import ingest
    from newslake.flows.runners import with_runner

    docs = tmp_path / "docs"
    docs.mkdir()
    seed = next(SEEDS.iterdir())
    (docs / seed.name).write_bytes(seed.read_bytes())
    for f in sorted(WIRE.glob("*.txt")):
        (docs / f.name).write_bytes(f.read_bytes())
    lakes = {}
    local_run = with_runner(ingest, get_settings(runner="local"))
    # batches of 2: the 5 documents go out as 3 tasks, spread over both workers
    summary = local_run(paths=[str(docs)], warehouse=str(tmp_path / "local"), batch_size=2)
    assert summary.status == "committed" and summary.docs_ok == 5
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        dask_run = with_runner(ingest, get_settings(runner="dask", dask_address=cluster.scheduler_address))
        summary = dask_run(paths=[str(docs)], warehouse=str(tmp_path / "dask"), batch_size=2)
        assert summary.status == "committed" and summary.docs_ok == 5
        # the batches ran in the Dask workers' processes, which keep their model after the run
        loaded = client.run(_worker_model)
        assert len(loaded) == 2 and {v for v in loaded.values() if v} == {get_settings().model}
    local, dask = content(LakeConfig(tmp_path / "local")), content(LakeConfig(tmp_path / "dask"))
    assert len(local["documents"]) == 5 and len(local["mentions"]) > 30
    for name in local:
        assert dask[name] == local[name], name


def _worker_model() -> str | None:
    from newslake.flows import workers

    return workers._MODEL if workers._NLP is not None else None
