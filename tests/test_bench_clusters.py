"""The cluster bench runs the lake's own views on a few held-out stories (it once broke when the
documents table gained columns the bench did not build)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.test_runs import CORPUS


@pytest.mark.model
def test_cluster_bench_builds_the_lake_tables_and_runs_the_views() -> None:
    if not CORPUS.exists():
        pytest.skip(f"corpus not found: {CORPUS}")
    out = subprocess.run([sys.executable, "bench/reuters_clusters.py", "--docs", "40", "--seed", "1", "--show", "1"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "# heldout seed=1 stories=40" in out.stdout and "multi-document clusters=" in out.stdout
