"""Throughput: docs/s of the raw spaCy model beside newslake's extraction, on the same documents.

Reads ``../shared/corpus/reuters21578.jsonl`` (never copied into the repo). Prints one line per
configuration and the ratio to the baseline measured in the same run:

    python bench/throughput.py [--docs 500] [--flow]     # --flow also times the whole Prefect flow
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"


def load_texts(n: int) -> list[dict]:
    out = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("text", "").strip():
                out.append(r)
            if len(out) >= n:
                break
    return out


def timed(label: str, n: int, fn, baseline: float | None = None) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    dt = time.perf_counter() - t0
    rate = n / dt
    rel = f"  ({rate / baseline:.2f}x baseline)" if baseline else "  (baseline)"
    print(f"{label:<44} {n:>6} docs {dt:8.2f} s {rate:9.1f} docs/s{rel}", flush=True)
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--flow", action="store_true", help="also run the whole ingest flow (1 and 2 processes)")
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    import spacy

    from newslake.transforms.extract import extract_batch
    from newslake.transforms.pipeline import DEFAULT_MODEL, load_nlp
    from newslake.transforms.ingest.readers import read_source

    records = load_texts(args.docs)
    texts = [r["text"] for r in records]
    print(f"corpus: {CORPUS.name}, {len(texts)} docs, {sum(map(len, texts)) / len(texts):.0f} chars/doc on average")
    raw = spacy.load(DEFAULT_MODEL)
    nlp = load_nlp(DEFAULT_MODEL)
    list(raw.pipe(texts[:20]))  # warm up
    list(nlp.pipe(texts[:20]))
    base = timed("raw model: spacy.load + nlp.pipe", len(texts), lambda: list(raw.pipe(texts, batch_size=32)))
    timed("newslake pipeline: load_nlp + nlp.pipe", len(texts), lambda: list(nlp.pipe(texts, batch_size=32)), base)
    docs = [d for r in records for d in read_source(json.dumps(r).encode(), uri=f"r{r['id']}.json") if d.status == "ok"]
    timed("read + normalise (no NLP)", len(records),
          lambda: [read_source(json.dumps(r).encode(), uri="x.json") for r in records], base)
    timed("parse + all extractors (1 process)", len(docs), lambda: extract_batch(docs, nlp), base)
    if args.flow:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
        from newslake.flows.ingest import ingest

        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.jsonl"
            src.write_text("".join(json.dumps(r) + "\n" for r in records))
            for n in (1, 2):
                wh = Path(tmp) / f"wh{n}"
                timed(f"whole ingest flow, {n} process(es), into DuckLake", len(records),
                      lambda: ingest(paths=[str(src)], warehouse=str(wh), n_process=n, batch_size=128), base)


if __name__ == "__main__":
    main()
