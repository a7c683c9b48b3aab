"""Cost of full-text search: building the BM25 index beside the ingest it would otherwise slow.

The index is built on the first search after a commit, never by ingest (ingest pays 0%). This prints
what that build costs, on a lake you give (ingested from ``../shared/corpus``) and, for scale, on the
first N Reuters stories loaded straight into DuckDB; the baseline measured in the same run is a plain
scan of the same texts. With ``--ingest-seconds S`` (the time `newslake ingest` took for that lake) it
prints the build as a share of the ingest, i.e. what keeping the index current inside ingest would add.

    python bench/search.py --warehouse /tmp/lake [--ingest-seconds 114] [--docs 2000 19043]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"  # --corpus for another place


def _t(fn, repeat: int = 1) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def lake(warehouse: Path, ingest_s: float | None) -> None:
    from newslake.warehouse.lake import LakeConfig, connect, query
    from newslake.warehouse.search import cache_dir, index_path, search

    cfg = LakeConfig(warehouse)
    n = query(cfg, "SELECT count(*) AS n FROM documents WHERE status = 'ok'").column("n")[0].as_py()
    def opened() -> None:
        with connect(cfg):
            pass

    attach = _t(opened, 3)
    scan = _t(lambda: query(cfg, "SELECT doc_id, title, text FROM documents WHERE status = 'ok'"), 3)

    def rebuild() -> None:
        shutil.rmtree(cache_dir(cfg), ignore_errors=True)
        index_path(cfg)

    build = _t(rebuild, 3)
    cached = _t(lambda: index_path(cfg), 3)
    q = _t(lambda: search(cfg, "oil prices"), 5)
    print(f"lake {warehouse}: {n} documents")
    print(f"  baseline: open the lake              {attach:7.3f} s")
    print(f"  baseline: open + scan of the texts   {scan:7.3f} s")
    print(f"  index build (first search)           {build:7.3f} s  ({build / scan:.1f}x the scan)")
    print(f"  index lookup when cached             {cached:7.3f} s")
    print(f"  search 'oil prices' (cached index)   {q:7.3f} s")
    if ingest_s:
        print(f"  build / ingest of the same lake      {100 * build / ingest_s:6.1f} %  (ingest {ingest_s:.1f} s)")


def corpus(n: int, path: Path) -> None:
    import duckdb
    import pyarrow as pa

    from newslake.warehouse.search import load_fts

    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.append({"doc_id": str(r["id"]), "title": r.get("title") or "", "text": r.get("text") or ""})
            if len(rows) >= n:
                break
    t = pa.Table.from_pylist(rows)
    with tempfile.TemporaryDirectory() as d:
        def build() -> None:
            con = duckdb.connect(str(Path(d) / f"i{time.perf_counter_ns()}.duckdb"))
            load_fts(con)
            con.register("new_docs", t)
            con.execute("CREATE TABLE docs AS SELECT * FROM new_docs")
            con.execute("PRAGMA create_fts_index('docs', 'doc_id', 'title', 'text')")
            con.close()

        def scan() -> None:
            con = duckdb.connect()
            con.register("new_docs", t)
            con.execute("SELECT sum(length(text)) FROM new_docs").fetchall()
            con.close()

        s, b = _t(scan, 3), _t(build, 1)
    chars = sum(len(r["text"]) for r in rows)
    print(f"corpus, first {len(rows)} stories ({chars / 1e6:.1f} M chars): index build {b:.2f} s "
          f"({len(rows) / b:.0f} docs/s); baseline scan {s:.3f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warehouse", type=Path)
    ap.add_argument("--ingest-seconds", type=float)
    ap.add_argument("--docs", type=int, nargs="*", default=[300, 2000])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args()
    if a.warehouse:
        lake(a.warehouse, a.ingest_seconds)
    for n in a.docs:
        corpus(n, a.corpus)


if __name__ == "__main__":
    main()
