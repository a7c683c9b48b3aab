"""Integration: a real Prefect server (``prefect server start`` on loopback, its own PREFECT_HOME),
``newslake serve`` registering a deployment per source with a short interval, and a loopback site
serving a feed and its articles. Scheduled runs land (the second finding nothing new); a changed
article is replaced by a later scheduled run. Everything started here is stopped here."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from newslake.warehouse.lake import LakeConfig, query
from tests.test_fetch import article, rss
from tests.webserver import LoopbackServer


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STARTUP_S = 300  # a loaded 2-core machine can take minutes to start a Prefect server
WAIT_S = 600


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    """Stop a process group started here: SIGINT, then SIGTERM, then SIGKILL."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGINT, 20), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def wait_for(what: str, check, timeout: float, procs=()):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p, log in procs:
            if p.poll() is not None:
                raise AssertionError(f"{p.args[0]} exited while waiting for {what}:\n{Path(log).read_text()[-3000:]}")
        got = check()
        if got:
            return got
        time.sleep(2)
    raise AssertionError(f"timed out waiting for {what}")


def runs(cfg: LakeConfig) -> list[dict]:
    if not cfg.exists():
        return []
    try:
        return query(cfg, "SELECT run_id, status, docs_ok, docs_unchanged, docs_replaced, error FROM runs "
                          "WHERE source = 'live' ORDER BY started_at").to_pylist()
    except Exception:  # the lake is being created by the first run
        return []


@pytest.mark.e2e
@pytest.mark.model
def test_served_source_runs_on_schedule(tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5", "PREFECT_RUNNER_POLL_FREQUENCY": "3",
           "PREFECT_LOGGING_LEVEL": "INFO", "NEWSLAKE_FETCH_HOST_DELAY_S": "0", "NEWSLAKE_FETCH_RETRIES": "0"}
    env.pop("PREFECT_PROFILES_PATH", None)
    started: list[subprocess.Popen] = []
    wh = tmp_path / "warehouse"
    cfg = LakeConfig(wh)
    with LoopbackServer() as site:
        site.site.page("/a1", article("Storm reaches the coast"), mtime=1_700_000_000)
        site.site.page("/a2", article("Port closes for the night", "Ships waited in the bay."), mtime=1_700_000_000)
        site.site.page("/feed.xml", rss([("Storm", site.url("/a1")), ("Port", site.url("/a2"))]),
                       "application/rss+xml", etag='"f1"')
        sources = tmp_path / "sources.yaml"
        sources.write_text(f"sources:\n  - name: live\n    kind: feed\n    url: {site.url('/feed.xml')}\n    every: 20s\n")
        try:
            server_log = tmp_path / "server.log"
            server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                      env=env, stdout=server_log.open("w"), stderr=subprocess.STDOUT,
                                      start_new_session=True, cwd=tmp_path)
            started.append(server)
            wait_for("the Prefect server", lambda: _healthy(api), STARTUP_S, [(server, server_log)])

            serve_log = tmp_path / "serve.log"
            serving = subprocess.Popen([str(BIN / "newslake"), "serve", "--sources", str(sources), "--warehouse", str(wh),
                                        "--maintenance-every", "off"],
                                       env=env, stdout=serve_log.open("w"), stderr=subprocess.STDOUT,
                                       start_new_session=True, cwd=ROOT)
            started.append(serving)
            procs = [(server, server_log), (serving, serve_log)]

            # a run writes its `running` row when it starts; wait until the first two have ended
            two = wait_for("two scheduled runs to end", lambda: (r := runs(cfg)) and len(r) >= 2
                           and all(x["status"] != "running" for x in r[:2]) and r[:2], WAIT_S, procs)
            assert [r["status"] for r in two] == ["committed", "committed"], two
            assert two[0]["docs_ok"] == 2 and two[1]["docs_ok"] == 0, two  # the second finds nothing new
            for r in two:  # runs of the deployment, started by its schedule
                fr = httpx.get(f"{api}/flow_runs/{r['run_id']}", timeout=30).json()
                assert fr["deployment_id"] and fr["auto_scheduled"] is True and fr["state_type"] == "COMPLETED"
            dep = httpx.get(f"{api}/deployments/name/ingest-source/live", timeout=30).json()
            assert dep["schedules"][0]["schedule"]["interval"] == 20.0

            site.site.page("/a2", article("Port reopens at dawn", "The ships sailed in at first light."),
                           mtime=1_700_100_000)
            wait_for("a run replacing the changed article",
                     lambda: any(r["docs_replaced"] == 1 and r["status"] != "running" for r in runs(cfg)), WAIT_S, procs)
            titles = [r["title"] for r in query(cfg, "SELECT title FROM documents ORDER BY title").to_pylist()]
            assert titles == ["Port reopens at dawn", "Storm reaches the coast"]
        finally:
            for p in reversed(started):
                stop(p)
    assert all(p.poll() is not None for p in started)


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.mark.filterwarnings("ignore")
def test_prefect_yaml_deployments_load_and_match_their_flows():
    """prefect.yaml stays in step with the code: every entrypoint loads, its parameters are the
    flow's, every source it names is in the sources file it names."""
    import inspect

    import yaml
    from prefect.flows import load_flow_from_entrypoint

    from newslake.sources import load_sources

    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    names = set()
    for dep in spec["deployments"]:
        flow = load_flow_from_entrypoint(str(ROOT / dep["entrypoint"]))
        params = dep.get("parameters") or {}
        assert set(params) <= set(inspect.signature(flow.fn).parameters), dep["name"]
        assert dep["schedules"] and all(s["interval"] > 0 for s in dep["schedules"])
        if "source" in params:
            declared = {s.name: s for s in load_sources(ROOT / params["sources_file"])}
            assert params["source"] == dep["name"] and params["source"] in declared
            assert declared[params["source"]].interval_seconds == dep["schedules"][0]["interval"]
        names.add(dep["name"])
    assert "newslake-maintenance" in names


def test_one_deployment_per_source_with_its_schedule(tmp_path):
    from newslake.flows.serve import source_deployments
    from newslake.sources import parse_sources
    from tests.test_sources import GOOD

    path = tmp_path / "sources.yaml"
    deps = source_deployments(parse_sources(GOOD), sources_file=path, warehouse="/data/lake", maintenance_interval=3600)
    assert [d.name for d in deps] == ["world", "pages", "local", "newslake-maintenance"]
    world, pages, local, maint = deps
    assert world.parameters == {"source": "world", "sources_file": str(path.resolve()), "warehouse": "/data/lake"}
    assert world.schedules[0].schedule.interval.total_seconds() == 900
    assert pages.schedules[0].schedule.cron == "0 * * * *"
    assert local.schedules == [] or local.schedules is None  # no schedule: runs on demand only
    assert maint.parameters == {"warehouse": "/data/lake"} and maint.schedules[0].schedule.interval.total_seconds() == 3600
    assert "source:world" in world.tags
