"""Shared fixtures: a Prefect test server and a lake built by the real flow from seeds/."""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")

import newslake.flows  # noqa: E402,F401  (Prefect's offline defaults, before Prefect is imported)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seed.gold.json"


@pytest.fixture(scope="session")
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=240):  # a busy 2-core machine is slow to start it
        yield


@pytest.fixture(scope="session")
def seed_lake(prefect_server, tmp_path_factory):
    """A lake with seeds/ ingested once by the real flow; returns (LakeConfig, RunSummary)."""
    from newslake.flows.ingest import ingest
    from newslake.warehouse.lake import LakeConfig

    wh = tmp_path_factory.mktemp("lake")
    summary = ingest(paths=[str(SEEDS)], warehouse=str(wh))
    return LakeConfig(wh), summary
