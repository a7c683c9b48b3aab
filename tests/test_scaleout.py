"""Beyond one machine, for real on loopback: a DuckLake catalog in PostgreSQL, Parquet files in an
S3-compatible store, writers in separate processes that share nothing but the catalog URL and the
bucket, and a reader in a third process that knows only the catalog.

The servers are real: the distribution's PostgreSQL (run as a non-root user) and moto's standalone S3
server, started once per session (see ``tests/servers.py``) and stopped at its end.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from itertools import count
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SEEDS
from tests.servers import Postgres, S3, free_port, postgres_server, s3_server

pytestmark = pytest.mark.scaleout

BUCKET = "newslake-test"
_lakes = count()


@pytest.fixture(scope="session")
def servers():
    """(Postgres, S3) started side by side; prints how long the two took to be ready."""
    t0 = time.perf_counter()
    started: dict[str, object] = {}
    stack: list = []

    def start(name: str, cm) -> None:  # type: ignore[no-untyped-def]
        try:
            started[name] = cm.__enter__()
            stack.append(cm)
        except BaseException as e:  # reported below
            started[name] = e

    threads = [threading.Thread(target=start, args=("pg", postgres_server())),
               threading.Thread(target=start, args=("s3", s3_server()))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        for v in started.values():
            if isinstance(v, BaseException):
                raise v
        pg, s3 = started["pg"], started["s3"]
        assert isinstance(pg, Postgres) and isinstance(s3, S3)
        s3.create_bucket(BUCKET)
        print(f"\n[scaleout] Postgres + S3 ready in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        yield pg, s3
    finally:
        for cm in stack:
            cm.__exit__(None, None, None)


@pytest.fixture()
def shared_lake(servers):
    """A fresh lake: its own catalog database and its own prefix in the bucket."""
    pg, s3 = servers
    n = next(_lakes)
    pg.createdb(f"lake{n}")
    return f"postgres:{pg.dsn(f'lake{n}')}", f"s3://{BUCKET}/lake{n}/", s3


def _writer(env: dict, catalog: str, data_path: str, k: int, n: int) -> None:
    """A writer process: it knows the catalog URL, the data path and the store's credentials only."""
    os.environ.update(env)
    from tests.conftest import doc_row, ent_row, run_tables
    from newslake.warehouse.lake import LakeConfig, commit

    cfg = LakeConfig(Path("/nonexistent"), catalog, data_path)
    for i in range(n):
        d = f"w{k}_{i}"
        commit(cfg, run_tables(f"run_{d}", [doc_row(d)], [ent_row(d, "e_shared", "Shared Name")]))


def _same_docs_writer(env: dict, catalog: str, data_path: str, k: int, n: int, barrier) -> None:  # type: ignore[no-untyped-def]
    """Commit documents ``same_0..n-1``, new to the lake; the first attempt of each commit waits,
    inside its transaction, until the other writer's transaction is open too (retries do not wait)."""
    os.environ.update(env)
    from tests.conftest import doc_row, ent_row, run_tables
    from newslake.warehouse import lake as lake_mod

    cfg = lake_mod.LakeConfig(Path("/nonexistent"), catalog, data_path)
    relink, first = lake_mod.relink, [False]

    def meeting_relink(con, touched, run_id):  # type: ignore[no-untyped-def]
        if first[0]:
            first[0] = False
            barrier.wait(300)
        relink(con, touched, run_id)

    lake_mod.relink = meeting_relink
    for i in range(n):
        first[0] = True
        lake_mod.commit(cfg, run_tables(f"run_{k}_{i}", [doc_row(f"same_{i}", version=f"v{k}")],
                                        [ent_row(f"same_{i}", f"e_same_{i}", f"Same Name {i}", version=f"v{k}")]))


def test_two_writers_of_the_same_new_document_leave_it_once(shared_lake):
    """On a Postgres catalog two transactions that only insert both commit (DuckLake sees no conflict):
    without the lake's commit guard, a document that two runs ingest at the same moment lands twice."""
    catalog, data_path, s3 = shared_lake
    from newslake.warehouse.lake import LakeConfig, query, table_counts
    from newslake.warehouse.storage import S3Options
    from tests.conftest import doc_row, run_tables
    from newslake.warehouse.lake import commit

    cfg = LakeConfig(Path("/nonexistent"), catalog, data_path, S3Options.resolve(env=s3.env()))
    commit(cfg, run_tables("r0", [doc_row("d0")]))
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_same_docs_writer, args=(s3.env(), catalog, data_path, k, 2, barrier))
             for k in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(600)
        assert p.exitcode == 0
    rows = query(cfg, "SELECT doc_id, count(*) AS n FROM documents GROUP BY doc_id ORDER BY doc_id").to_pylist()
    assert rows == [{"doc_id": d, "n": 1} for d in ("d0", "same_0", "same_1")]
    per_doc = query(cfg, "SELECT doc_id, count(*) AS n FROM doc_entities GROUP BY doc_id ORDER BY doc_id").to_pylist()
    assert per_doc == [{"doc_id": f"same_{i}", "n": 1} for i in range(2)]
    ents = query(cfg, "SELECT entity_id, doc_count FROM entities ORDER BY ALL").to_pylist()
    assert ents == [{"entity_id": f"e_same_{i}", "doc_count": 1} for i in range(2)]
    assert table_counts(cfg)["runs"] == 5


def _same_file_writer(env: dict, catalog: str, data_path: str, k: int, barrier) -> None:  # type: ignore[no-untyped-def]
    """One run as `newslake ingest` makes it: a batch with the shared document and its file's
    ``input_files`` row (the first attempt waits inside its transaction for the other writer),
    then the run's compaction."""
    os.environ.update(env)
    from tests.conftest import doc_row, run_tables
    from newslake.warehouse import lake as lake_mod
    from newslake.warehouse.schema import to_table

    cfg = lake_mod.LakeConfig(Path("/nonexistent"), catalog, data_path)
    relink, first = lake_mod.relink, [True]

    def meeting_relink(con, touched, run_id):  # type: ignore[no-untyped-def]
        if first[0]:
            first[0] = False
            barrier.wait(300)
        relink(con, touched, run_id)

    lake_mod.relink = meeting_relink
    rt = run_tables(f"run_{k}", [doc_row("same", version="v")])
    rt.tables["input_files"] = to_table("input_files", [{"sha256": "s_same", "path": f"/{k}/same.txt", "bytes": 1,
                                                         "docs": 1}], {"extractor_version": "v", "run_id": f"run_{k}",
                                                                       "ingested_at": datetime.now(timezone.utc)})
    with lake_mod.LakeWriter(cfg) as w:
        w.commit(rt)
        w.compact()


def test_two_writers_of_the_same_file_leave_its_input_files_row(shared_lake):
    catalog, data_path, s3 = shared_lake
    from newslake.warehouse.lake import LakeConfig, commit, query
    from newslake.warehouse.storage import S3Options
    from tests.conftest import doc_row, run_tables

    cfg = LakeConfig(Path("/nonexistent"), catalog, data_path, S3Options.resolve(env=s3.env()))
    commit(cfg, run_tables("r0", [doc_row("d0")]))
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_same_file_writer, args=(s3.env(), catalog, data_path, k, barrier)) for k in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(600)
        assert p.exitcode == 0
    assert query(cfg, "SELECT count(*) AS n FROM documents WHERE doc_id = 'same'").to_pylist() == [{"n": 1}]
    rows = query(cfg, "SELECT sha256, path FROM input_files").to_pylist()
    assert [r["sha256"] for r in rows] == ["s_same"], rows


def _reader(env: dict, catalog: str, out) -> None:  # type: ignore[no-untyped-def]
    """A reader process: the catalog URL and the store's credentials, not even the data path."""
    os.environ.update(env)
    from newslake.warehouse.lake import LakeConfig, query

    cfg = LakeConfig(Path("/nonexistent"), catalog)
    docs = query(cfg, "SELECT doc_id FROM documents ORDER BY doc_id").column("doc_id").to_pylist()
    (ent,) = query(cfg, "SELECT doc_count FROM entities").to_pylist()
    files = query(cfg, "SELECT data_file FROM ducklake_list_files('lake', 'documents')").column(0).to_pylist()
    out.put({"docs": docs, "doc_count": ent["doc_count"], "files": files})


def test_two_writer_processes_on_postgres_and_s3_and_a_reader(shared_lake):
    catalog, data_path, s3 = shared_lake
    from newslake.warehouse.lake import LakeConfig, LakeMissing, known_versions, query
    from newslake.warehouse.storage import S3Options

    empty = LakeConfig(Path("/nonexistent"), catalog, data_path, S3Options.resolve(env=s3.env()))
    with pytest.raises(LakeMissing, match="no lake at postgres:dbname="):
        query(empty, "SELECT 1")  # an empty catalog database: a clear error, and nothing created
    assert known_versions(empty, ["d1"]) == {}  # what a first ingest asks before anything exists
    ctx = mp.get_context("spawn")
    # both writers start on an empty catalog: creating DuckLake's metadata tables races too
    writers = [ctx.Process(target=_writer, args=(s3.env(), catalog, data_path, k, 4)) for k in range(2)]
    for p in writers:
        p.start()
    for p in writers:
        p.join(300)
        assert p.exitcode == 0
    q = ctx.Queue()
    reader = ctx.Process(target=_reader, args=(s3.env(), catalog, q))
    reader.start()
    got = q.get(timeout=300)
    reader.join(60)
    assert reader.exitcode == 0
    expected = sorted(f"w{k}_{i}" for k in range(2) for i in range(4))
    assert got["docs"] == expected  # every document once, none lost
    assert got["doc_count"] == 8    # the shared entity was recomputed by each commit, none overwritten
    # the Parquet files are in the bucket under the lake's prefix, and every one the catalog names exists
    keys = set(s3.keys(BUCKET, data_path.split(f"{BUCKET}/", 1)[1]))
    assert got["files"] and all(f.startswith(data_path) for f in got["files"])
    assert {f.split(f"s3://{BUCKET}/", 1)[1] for f in got["files"]} <= keys


# --- the whole product: `newslake ingest` from two processes, Prefect's server on Postgres -----------

#: four short invented wire stories (a*: first writer, b*: second writer)
WIRE = ROOT / "tests" / "fixtures" / "wire"


@pytest.fixture(scope="session")
def prefect_on_postgres(servers):
    """A Prefect API server whose database is the Postgres server (``prefect server start``)."""
    pg, _ = servers
    pg.createdb("prefect")
    port = free_port()
    home = tempfile.mkdtemp(prefix="newslake-prefect-")
    env = {**os.environ, "PREFECT_HOME": home, "PREFECT_API_DATABASE_CONNECTION_URL": pg.url("prefect"),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = open(os.path.join(home, "server.log"), "wb")
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(Path(sys.executable).parent / "prefect"), "server", "start", "--host", "127.0.0.1",
                             "--port", str(port), "--no-services"], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 300
        while True:
            assert proc.poll() is None, Path(home, "server.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "Prefect server did not start within 300s"
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        print(f"\n[scaleout] Prefect server on Postgres ready in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        shutil.rmtree(home, ignore_errors=True)


def _cli(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([str(Path(sys.executable).parent / "newslake"), *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.model
@pytest.mark.e2e
@pytest.mark.timeout(1500)  # starts Prefect's server on Postgres and three ingest processes
def test_two_ingest_processes_one_reader(servers, shared_lake, prefect_on_postgres, tmp_path):
    catalog, data_path, s3 = shared_lake
    seed = next(SEEDS.iterdir())
    inputs = {}
    for side in ("a", "b"):
        d = tmp_path / side
        d.mkdir()
        (d / seed.name).write_bytes(seed.read_bytes())  # the seed article goes to both writers
        for f in sorted(WIRE.glob(f"{side}*.txt")):
            (d / f.name).write_bytes(f.read_bytes())
        inputs[side] = d
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSLAKE_", "AWS_", "PREFECT_API_URL"))}
    writer_env = {**base, **s3.env(), "NEWSLAKE_CATALOG": catalog, "NEWSLAKE_DATA_PATH": data_path,
                  "PREFECT_API_URL": prefect_on_postgres}
    # the reference: the same two folders into a local lake (SQLite catalog, a folder), in one run. The
    # same folders, because `documents.uri` and `input_files.path` are where a file was read ("path as
    # given"): copies elsewhere would differ there and nowhere else
    local_env = {**base, "PREFECT_API_URL": prefect_on_postgres}
    procs = [_cli(["ingest", str(inputs[s])], writer_env) for s in ("a", "b")]
    procs.append(_cli(["ingest", str(inputs["a"]), str(inputs["b"]), "--warehouse", str(tmp_path / "local")], local_env))
    outs = [p.communicate(timeout=900) for p in procs]
    for p, (o, e) in zip(procs, outs):
        assert p.returncode == 0, e[-3000:]

    # the reader knows the catalog and the store's credentials, nothing else (no data path, no Prefect)
    reader_env = {**base, **s3.env(), "NEWSLAKE_CATALOG": catalog}

    def sql(q: str) -> list[dict]:
        p = _cli(["sql", q, "--format", "json"], reader_env)
        o, e = p.communicate(timeout=300)
        assert p.returncode == 0, e
        return json.loads(o)

    docs = sql("SELECT doc_id, uri FROM documents")
    assert len(docs) == 5 and len({d["doc_id"] for d in docs}) == 5  # 1 shared + 4 invented, each once
    tables = ["documents", "mentions", "doc_entities", "entity_roles", "entity_links", "claims", "claim_entities",
              "amounts", "events", "entities"]
    once = sql(" UNION ALL ".join(
        f"SELECT '{t}' AS t, (SELECT count(*) FROM {t}) AS n, (SELECT count(*) FROM (SELECT DISTINCT * FROM {t})) AS d"
        for t in tables))
    for row in once:
        assert row["n"] == row["d"], row  # no row twice
    runs = sql("SELECT run_id, status, mentions, docs_ok FROM runs ORDER BY run_id")
    assert [r["status"] for r in runs] == ["committed", "committed"]
    assert sum(r["docs_ok"] for r in runs) == 6  # the seed article was extracted by both
    seed_id = next(d["doc_id"] for d in docs if d["uri"].endswith(seed.name))
    (n_seed,) = sql(f"SELECT count(*) AS n FROM mentions WHERE doc_id = '{seed_id}'")
    (n_all,) = sql("SELECT count(*) AS n FROM mentions")
    # the later commit replaced the seed article's rows: every mention landed once
    assert n_all["n"] == sum(r["mentions"] for r in runs) - n_seed["n"]

    # the shared lake holds exactly the rows of the local lake of the same input, run columns aside
    from newslake.warehouse.lake import LakeConfig, query
    from newslake.warehouse.schema import TABLES
    from newslake.warehouse.storage import S3Options

    local_cfg = LakeConfig(tmp_path / "local")
    shared_cfg = LakeConfig(tmp_path / "unused", catalog, None, S3Options.resolve(env=s3.env()))
    # the seed article is in both folders: one document (its id is its content), read from whichever
    # copy the later commit read (shared: the writer that committed last; local: the first read)
    copies = {str(inputs[side] / seed.name) for side in ("a", "b")}

    def rows(cfg, name: str, cols: list[str]) -> list[tuple]:  # type: ignore[no-untyped-def]
        listed = ", ".join('"' + c + '"' for c in cols)
        out = query(cfg, f"SELECT {listed} FROM {name}").to_pylist()
        return sorted((tuple("<seed copy>" if isinstance(v, str) and v in copies else v for v in r.values()) for r in out), key=repr)

    for name, schema in TABLES.items():
        if name in ("runs", "input_files"):
            continue
        cols = [f.name for f in schema if f.name not in ("run_id", "ingested_at")]
        shared, local = rows(shared_cfg, name, cols), rows(local_cfg, name, cols)
        differ = [c for i, c in enumerate(cols) if sorted(map(repr, (r[i] for r in shared))) != sorted(map(repr, (r[i] for r in local)))]
        assert shared == local, f"{name}: columns {differ} differ"
    # input_files (which file contents a later run may skip unread): one row per content. The seed
    # article, finished by both writers at about the same time, has one row (from either folder);
    # each run's closing commit restores a row its batch wrote and a concurrent writer lost
    cols = [f.name for f in TABLES["input_files"] if f.name not in ("run_id", "ingested_at")]
    shared, local = rows(shared_cfg, "input_files", cols), rows(local_cfg, "input_files", cols)
    assert sorted(set(shared)) == sorted(set(local)) and len(shared) == 5, (shared, local)

    # the Parquet files are in the bucket, and the run history is in Prefect's Postgres database
    assert any(k.endswith(".parquet") for k in s3.keys(BUCKET, data_path.split(f"{BUCKET}/", 1)[1]))
    pg, _ = servers
    flow_runs = pg.psql("prefect", "SELECT id::text || ' ' || state_type FROM flow_run").splitlines()
    assert len(flow_runs) == 3 and all(r.endswith(" COMPLETED") for r in flow_runs)  # the local run too
    assert {r["run_id"] for r in runs} <= {r.split()[0] for r in flow_runs}

