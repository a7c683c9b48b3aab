"""Faults: a SIGKILLed ingest leaves no Prefect server behind (and, with the fault points of
issue 11, no half-written run)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

NEWSLAKE = [sys.executable, "-m", "newslake.cli"]


def children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (from /proc)."""
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for k in kids.get(todo.pop(), []):
            out.append(k)
            todo.append(k)
    return out


def cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.e2e
@pytest.mark.timeout(1800)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_the_temporary_server_dies_with_a_sigkilled_ingest(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    proc = subprocess.Popen([*NEWSLAKE, "ingest", str(SEEDS), "-w", str(tmp_path / "lake")], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = None
    try:
        deadline = time.monotonic() + 900  # a loaded machine takes minutes to get here
        while server is None and time.monotonic() < deadline and proc.poll() is None:
            server = next((p for p in children(proc.pid) if "uvicorn" in cmdline(p)), None)
            time.sleep(0.2)
        assert server is not None, "no temporary server was started"
        proc.send_signal(signal.SIGKILL)  # as the OOM killer would: no exit handlers run
        proc.wait(timeout=30)
        deadline = time.monotonic() + 30
        while alive(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(server), "the temporary Prefect server outlived its SIGKILLed parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        if server is not None and alive(server):
            os.kill(server, signal.SIGKILL)


# --------------------------------------------------------------------------- fault points

FAULT_DOCS = {
    "a.txt": "Storm Nears\n\nWinds rose across the coast on Monday night, the weather office said.",
    "b.jsonl": ('{"id": "b1", "title": "Port reopens", "text": "The port of Rotterdam reopened on Tuesday '
                'after a two-day strike, a spokesman for the port authority said."}\n'
                '{"id": "b2", "text": "Bad line \\u0000"}\n'),
}
# (NEWSLAKE_FAULT, expected exit code): a killed worker fails the run (1), a killed main process
# is -9, a full disk inside a commit fails the run (1). Commit 1 is the run's start (its runs row).
FAULTS = [("read:1:kill", 1), ("extract:2:kill", -9), ("commit.before:1:kill", -9),
          ("commit.before:3:kill", -9), ("commit.after:2:kill", -9), ("commit.before:3:raise", 1)]


def runs_left(fault: str, code: int) -> list[str]:
    """The ``runs`` statuses a fault leaves: ``failed`` when the run could say so (exit 1), else the
    ``running`` row of the run's start commit, or no row at all when the kill came inside that very
    commit (``commit.before:1``): a transaction killed before COMMIT leaves nothing, its runs row
    included (the guarantee the other points test), so there is no run to show."""
    if code == 1:
        return ["failed"]
    point, count, _ = (fault.split(":") + ["1", ""])[:3]
    return [] if point == "commit.before" and int(count or 1) == 1 else ["running"]


def lake_rows(cfg) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the columns that name the run (run_id, ingested_at)."""
    from newslake.warehouse.lake import connect
    from newslake.warehouse.schema import TABLES

    out = {}
    with connect(cfg) as con:
        for table, schema in TABLES.items():
            if table in ("runs", "input_files"):
                continue
            cols = ", ".join(f'"{c}"' for c in schema.names if c not in ("run_id", "ingested_at"))
            out[table] = sorted(con.execute(f"SELECT {cols} FROM lake.{table}").fetchall(), key=repr)
    return out


@pytest.fixture(scope="module")
def fault_inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fault-inputs")
    for name, text in FAULT_DOCS.items():
        (folder / name).write_text(text)
    (folder / "seed.txt").write_bytes(next(SEEDS.iterdir()).read_bytes())
    return folder


@pytest.fixture(scope="module")
def fault_baseline(prefect_server, fault_inputs: Path, tmp_path_factory) -> dict[str, list[tuple]]:
    """The tables of an uninterrupted run over the same inputs."""
    from newslake.flows.ingest import ingest
    from newslake.warehouse.lake import LakeConfig

    wh = tmp_path_factory.mktemp("baseline")
    ingest(paths=[str(fault_inputs)], warehouse=str(wh), batch_size=1)
    return lake_rows(LakeConfig(wh))


def _fault_env(fault: str) -> dict:
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"}
    env.update(NEWSLAKE_FAULT=fault, PREFECT_API_URL=PREFECT_API_URL.value())
    return env


def _ingest_cmd(src: Path, wh: Path) -> list[str]:
    return [*NEWSLAKE, "ingest", str(src), "-w", str(wh), "--batch-size", "1", "-j", "1"]


@pytest.mark.e2e
@pytest.mark.model
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("fault, code", FAULTS, ids=[f for f, _ in FAULTS])
def test_a_crash_at_any_point_leaves_a_sound_lake_and_a_rerun_finishes_it(
        prefect_server, fault_inputs: Path, fault_baseline: dict, tmp_path: Path, fault: str, code: int) -> None:
    from newslake.flows.ingest import ingest
    from newslake.warehouse.check import check
    from newslake.warehouse.lake import LakeConfig, connect

    cfg = LakeConfig(tmp_path / "lake")
    proc = subprocess.run(_ingest_cmd(fault_inputs, cfg.warehouse), cwd=ROOT, env=_fault_env(fault),
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == code, proc.stderr[-2000:]
    if code == 1:  # one clear error, no traceback
        assert len([ln for ln in proc.stderr.splitlines() if ln.strip()]) <= 2, proc.stderr
    if cfg.exists():
        check(cfg, repair=True, min_age_s=0)  # what a killed commit leaves: files no snapshot references
        report = check(cfg)
        assert report.ok, report.rows()
        with connect(cfg) as con:
            statuses = [r[0] for r in con.execute("SELECT status FROM runs").fetchall()]
        assert statuses == runs_left(fault, code), statuses
    ingest(paths=[str(fault_inputs)], warehouse=str(cfg.warehouse), batch_size=1)  # the rerun
    assert check(cfg).ok
    assert lake_rows(cfg) == fault_baseline


@pytest.mark.e2e
@pytest.mark.model
@pytest.mark.timeout(1800)
def test_ctrl_c_stops_soon_and_the_runs_row_tells_what_was_committed(
        prefect_server, fault_inputs: Path, tmp_path: Path) -> None:
    from newslake.warehouse.lake import LakeConfig, connect

    cfg = LakeConfig(tmp_path / "lake")
    proc = subprocess.Popen(_ingest_cmd(fault_inputs, cfg.warehouse), cwd=ROOT, env=_fault_env("commit.after:2:pause"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:  # paused right after the first batch's commit
            if line.startswith("newslake-fault"):
                break
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)  # seconds, not minutes (a bound, not a benchmark)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode not in (0, None)
    with connect(cfg) as con:
        run = con.execute("SELECT status, batches, docs_ok + docs_rejected, error FROM runs").fetchall()
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert len(run) == 1 and run[0][0] in ("failed", "interrupted") and run[0][1] == 1, run
    assert run[0][2] == docs  # the row counts exactly what is in the lake
    assert "nothing was committed" not in err and "committed before" in err, err
