"""Identical output before and after a performance change: ingest a fixed sample with
``newslake ingest`` into a fresh lake and dump every content table (run ids and ingest times
aside, rows sorted) as JSON lines; compare two such dumps table by table.

    python bench/identical.py dump OUT [--reuters 600] [--polnear 40]   # with the code under test
    python bench/identical.py compare OUT_BEFORE OUT_AFTER

The sample: the first ``--reuters`` Reuters stories and the first ``--polnear`` PolNeAR articles
(read from ``../shared``, never copied into the repo; the dump holds rows derived from them, so
write it outside the repo). Run the dump with two checkouts (the base commit and the branch) to
check that a change moves no row of any table: entities, links and blocks included (they come
from the commits' relinking).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale import polnear, reuters, write_jsonl  # noqa: E402

SKIP = ("run_id", "ingested_at")


def dump(out: Path, n_reuters: int, n_polnear: int, batch_size: int | None) -> None:
    from newslake.warehouse.lake import LakeConfig, query
    from newslake.warehouse.schema import TABLES

    tmp = Path(tempfile.mkdtemp(prefix="identical-"))
    try:
        (tmp / "in").mkdir()
        write_jsonl(reuters(n_reuters), tmp / "in" / "reuters.jsonl")
        write_jsonl(polnear(n_polnear), tmp / "in" / "polnear.jsonl")
        cmd = [sys.executable, "-m", "newslake.entry", "ingest", str(tmp / "in"), "-w", str(tmp / "wh")]
        if batch_size:
            cmd += ["--batch-size", str(batch_size)]
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        cfg = LakeConfig(tmp / "wh")
        out.mkdir(parents=True, exist_ok=True)
        for name, schema in TABLES.items():
            if name in ("runs",):
                continue
            cols = [f.name for f in schema if f.name not in SKIP]
            rows = query(cfg, f"SELECT {', '.join(json.dumps(c) for c in cols)} FROM {name} ORDER BY ALL").to_pylist()
            with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
                for r in rows:
                    # the input's temporary folder (in uri, path) is not part of the output
                    f.write(json.dumps(r, default=str, sort_keys=True).replace(str(tmp), "<tmp>") + "\n")
            print(f"{name}: {len(rows)} rows", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compare(a: Path, b: Path) -> int:
    names = sorted({p.stem for p in a.glob("*.jsonl")} | {p.stem for p in b.glob("*.jsonl")})
    differ, rows = [], 0
    for name in names:
        ra = (a / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if (a / f"{name}.jsonl").exists() else None
        rb = (b / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if (b / f"{name}.jsonl").exists() else None
        if ra is None or rb is None:
            differ.append(name)
            print(f"{name}: missing in {'the first' if ra is None else 'the second'} dump")
            continue
        rows += len(ra)
        if ra != rb:
            differ.append(name)
            sa, sb = set(ra), set(rb)
            print(f"{name}: {len(ra)} vs {len(rb)} rows; {len(sa - sb)} only in the first, {len(sb - sa)} only in the second")
    print(f"tables identical: {len(names) - len(differ)}/{len(names)} ({rows} rows in the first dump)"
          + (f"; differ: {', '.join(differ)}" if differ else ""))
    return 1 if differ else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--reuters", type=int, default=600)
    d.add_argument("--polnear", type=int, default=40)
    d.add_argument("--batch-size", type=int, default=None)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.reuters, args.polnear, args.batch_size)
    else:
        sys.exit(compare(args.a, args.b))


if __name__ == "__main__":
    main()
