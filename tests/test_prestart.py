"""The ingest command's worker pool, started before Prefect: its processes load the model while the
temporary server starts, the flow takes that pool, and each process still loads the model once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslake.flows.workers import Piece, Workers, discard_prestarted, estimate_docs, prestart
from newslake.transforms.ingest.readers import Limits
from newslake.transforms.pipeline import DEFAULT_MODEL
from newslake.warehouse.lake import LakeConfig
from tests.conftest import ROOT

TEXTS = ["The central bank of Kenya raised its main rate to 9 percent on Tuesday, the governor said.",
         "Workers at the Antwerp port went on strike for a second day, a union official said on Monday.",
         "Brazil's soybean exports fell 12 percent in March, the trade ministry said.",
         "The mayor of Lyon said the new tram line would open in June."]


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    return path


def test_estimate_docs_counts_jsonl_lines_and_one_per_other_file(tmp_path):
    a = _jsonl(tmp_path / "a.jsonl", TEXTS)
    b = tmp_path / "b.txt"
    b.write_text("one story")
    assert estimate_docs([str(a), str(b), str(tmp_path / "gone.jsonl")]) == len(TEXTS) + 2


def test_a_prestarted_pool_is_handed_over_once_and_only_for_its_model_and_size():
    w = prestart("no_such_model", 2, docs=1)  # nothing loads until a call runs: no model needed here
    try:
        assert Workers.take("no_such_model", 1) is None  # another size: closed, not handed over
        assert w.pool._shutdown_thread
        w2 = prestart("no_such_model", 2, docs=1)
        assert Workers.take("no_such_model", 2) is w2 and Workers.take("no_such_model", 2) is None
    finally:
        discard_prestarted()
        w.close(stop=True)
        w2.close(stop=True)


@pytest.mark.model
@pytest.mark.timeout(900)
def test_prestarted_workers_load_the_model_once_each_before_the_first_batch(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", TEXTS)
    lines = src.read_bytes().splitlines(keepends=True)
    prestart(DEFAULT_MODEL, 2, docs=100)  # more than a first batch: both processes
    with Workers.take(DEFAULT_MODEL, 2) as w:
        assert len(w.warming) == 2
        warmed = [f.result() for f in w.warming]
        assert len(w.pool._processes) == 2
        assert all(loads == 1 for _, loads in warmed), warmed
        futures = [w.submit([Piece(str(src), i + 1, line)], "v-test", "run-1", LakeConfig(tmp_path / "none"), Limits())
                   for i, line in enumerate(lines)]
        results = [f.result() for f in futures]
    pids = {pid for pid, _ in warmed}
    assert all(r.worker[0] in pids and r.worker[1] == 1 for r in results), [r.worker for r in results]
    assert sum(r.counts["docs_ok"] for r in results) == len(TEXTS)
    assert all(r.tables["mentions"].num_rows > 0 for r in results)


@pytest.mark.model
@pytest.mark.timeout(900)
def test_a_small_input_prestarts_one_worker():
    prestart(DEFAULT_MODEL, 2, docs=3)
    with Workers.take(DEFAULT_MODEL, 2) as w:
        assert len(w.warming) == 1 and w.warming[0].result()[1] == 1
        assert len(w.pool._processes) == 1


@pytest.mark.model
@pytest.mark.e2e
@pytest.mark.timeout(1800)
def test_the_ingest_command_commits_and_leaves_no_prefect_errors(tmp_path):
    """The whole command on its own temporary server: the run commits, and the log lines and events
    Prefect queued reach the server before it stops (none is retried against a stopped server)."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    wh = tmp_path / "wh"
    p = subprocess.run([sys.executable, "-m", "newslake.entry", "ingest", str(_jsonl(tmp_path / "in.jsonl", TEXTS)),
                        "-w", str(wh)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert p.returncode == 0, p.stderr[-2000:]
    assert "documents: 4 ok" in p.stdout, p.stdout
    assert "Error logging to API" not in p.stderr and "connection attempts failed" not in p.stderr, p.stderr[-2000:]


def test_a_worker_whose_parent_died_before_it_started_exits():
    """A worker started by a parent that was killed meanwhile (its parent is already init when its
    initializer runs) still ends: it watches the pid its parent gave it, not the one it finds."""
    code = ("import time\nfrom newslake.flows.workers import _init\n"
            "_init(parent=2 ** 22 + 1)\n"  # above Linux's pid_max: no such process is this one's parent
            "time.sleep(300)\nprint('still alive')")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert p.returncode == 1 and "still alive" not in p.stdout and not p.stderr.strip(), (p.returncode, p.stdout, p.stderr[-500:])
