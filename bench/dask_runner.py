"""The Dask runner against the local one, in one run: the same Reuters documents ingested by the
ingest flow with ``--runner local`` (this machine's 2 spaCy worker processes) and with ``--runner dask``
(a Dask LocalCluster of 2 worker processes, started and closed by the run), each into its own lake.

Prints docs/s of each, the ratio dask/local, and whether the two lakes hold identical tables (every
content table, run ids and ingest times aside). Both timings include starting the workers and loading
the model in them; neither includes the Prefect server (started once, before both).

    python bench/dask_runner.py [--docs 400] [--batch-size 50] [--rounds 1] [--keep]

With ``--rounds 2`` the order alternates (local, dask, dask, local) and the best time of each is kept,
which evens out a machine whose load changes during the run. Reads ``../shared/corpus/reuters21578.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"  # ../shared beside the checkout

os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
import newslake.flows  # noqa: E402,F401  (Prefect's offline defaults first)


def write_docs(n: int, folder: Path, corpus: Path) -> int:
    """The first ``n`` Reuters stories with text, as one JSONL file the readers understand."""
    rows = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("text", "").strip():
                rows.append(r)
            if len(rows) >= n:
                break
    (folder / "reuters.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def content(warehouse: Path) -> dict[str, list[dict]]:
    from newslake.warehouse.lake import LakeConfig, query
    from newslake.warehouse.schema import TABLES

    cfg = LakeConfig(warehouse)
    out = {}
    for name, schema in TABLES.items():
        if name == "runs":
            continue
        cols = ", ".join(f'"{f.name}"' for f in schema if f.name not in ("run_id", "ingested_at"))
        out[name] = query(cfg, f"SELECT {cols} FROM {name} ORDER BY ALL").to_pylist()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=1, help="1: local then dask; 2: local, dask, dask, local")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the Reuters JSONL (default ../shared/corpus/...)")
    ap.add_argument("--keep", action="store_true", help="keep the two lakes (their folder is printed) to compare them")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    from prefect.testing.utilities import prefect_test_harness

    from newslake.flows.ingest import ingest
    from newslake.flows.runners import with_runner
    from newslake.settings import get_settings

    tmp = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    (tmp / "in").mkdir()
    n = write_docs(args.docs, tmp / "in", args.corpus)
    order = ["local", "dask"] if args.rounds == 1 else ["local", "dask", "dask", "local"]
    best: dict[str, float] = {}
    lakes: dict[str, Path] = {}
    print(f"{n} Reuters documents, batches of {args.batch_size}, 2 worker processes each; order {' '.join(order)}",
          flush=True)
    with prefect_test_harness(server_startup_timeout=300):
        for i, kind in enumerate(order):
            wh = tmp / f"{kind}{i}"
            s = get_settings(runner=kind, dask_workers=2)
            run = with_runner(ingest, s)
            t0 = time.perf_counter()
            summary = run(paths=[str(tmp / "in")], warehouse=str(wh), batch_size=args.batch_size, n_process=2)
            dt = time.perf_counter() - t0
            assert summary.docs_ok + summary.docs_rejected == n, summary
            print(f"  {kind:<6} {dt:8.2f} s {n / dt:8.1f} docs/s  ({summary.mentions} mentions, "
                  f"{summary.claims} claims, {summary.events} events)", flush=True)
            best[kind] = min(best.get(kind, dt), dt)
            lakes.setdefault(kind, wh)
    local, dask = content(lakes["local"]), content(lakes["dask"])
    same = [t for t in local if local[t] == dask[t]]
    differ = [t for t in local if local[t] != dask[t]]
    rows = sum(len(v) for v in local.values())
    print(f"local (baseline) {n / best['local']:.1f} docs/s; dask {n / best['dask']:.1f} docs/s; "
          f"ratio dask/local {best['local'] / best['dask']:.2f}")
    print(f"tables identical: {len(same)}/{len(local)} ({rows} rows)" + (f"; differ: {', '.join(differ)}" if differ else ""))
    for t in differ:
        a, b = {json.dumps(r, default=str, sort_keys=True) for r in local[t]}, {json.dumps(r, default=str, sort_keys=True) for r in dask[t]}
        print(f"  {t}: {len(a - b)} rows only in local, {len(b - a)} only in dask")
    if args.keep:
        print(f"lakes kept: {lakes['local']} {lakes['dask']}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
