"""Measure entity spans on CoNLL-2003 (eng.testa): the raw model against newslake's pipeline.

A thin wrapper over :func:`newslake.conll.evaluate_conll` (which says how spans are scored):

    .venv/bin/python bench/conll_entities.py [--limit N] [--errors 20] [FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newslake.conll import evaluate_conll  # noqa: E402

DATA = Path("/work/shared/eval/conll2003/eng.testa")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(DATA))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print N changed spans (newslake vs raw)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    report = evaluate_conll(args.file, limit_docs=args.limit, keep_changes=bool(args.errors))
    dt = time.perf_counter() - t0
    print(f"{Path(args.file).name}, {report.docs} docs in {dt:.1f} s, exact-span micro P/R/F1 on PER/ORG/LOC")
    rows = report.rows()
    for system in ("raw model", "newslake"):
        (_, _, p, r, f, *_), = [x for x in rows if x[0] == system and x[1] == "ALL"]
        per_label = "  ".join(f"{x[1]} F1={x[4]:.3f}" for x in rows if x[0] == system and x[1] != "ALL")
        print(f"{system:10} P={p:.3f} R={r:.3f} F1={f:.3f}   {per_label}")
    print(f"newslake - raw model: {100 * (report.f1('newslake') - report.f1('raw model')):+.1f} F1")
    for sign, verdict, label, text, context in report.changes[: args.errors]:
        print(f"{sign} {verdict:3} {label:4} {text!r}  | {context}")


if __name__ == "__main__":
    main()
