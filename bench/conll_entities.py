"""Measure entity spans on CoNLL-2003 (eng.testa): the raw model against newslake's pipeline.

Exact-span micro precision/recall/F1 on PER, ORG and LOC. Labels map PERSON->PER, ORG->ORG,
GPE/LOC/FAC->LOC; NORP->MISC and MISC are not scored (a predicted MISC span is neither a hit
nor a false positive). Each CoNLL document becomes one ``Doc`` built from its own tokens
(``Doc(nlp.vocab, words=..., spaces=..., sent_starts=...)``, tokens joined by single spaces),
then every pipeline component runs on it, so predicted and gold spans share token offsets.

    .venv/bin/python bench/conll_entities.py [--limit N] [--errors 20]

The raw model is the ``Doc`` after the model's own components (as from ``spacy.load``);
newslake is the same ``Doc`` after ``load_nlp()``'s extra components, read back through
``extract_entities`` (its mentions). Both are computed in the same run on the same docs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacy.tokens import Doc  # noqa: E402

from transforms.entities import extract_entities  # noqa: E402
from transforms.pipeline import load_nlp  # noqa: E402

DATA = Path("/work/shared/eval/conll2003/eng.testa.docs.jsonl")
SCORED = ("PER", "ORG", "LOC")
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}


def gold_spans(doc_json: dict) -> tuple[list[str], list[bool], set[tuple[int, int, str]]]:
    words, sent_starts, gold = [], [], set()
    for sent in doc_json["sentences"]:
        offset = len(words)
        words.extend(sent["tokens"])
        sent_starts.extend([True] + [False] * (len(sent["tokens"]) - 1))
        for s, e, label in sent["entities"]:
            gold.add((offset + s, offset + e, label))
    return words, sent_starts, gold


def score(gold: set, pred: set) -> Counter:
    c = Counter()
    for label in SCORED:
        g = {x for x in gold if x[2] == label}
        p = {x for x in pred if x[2] == label}
        c[label, "tp"] += len(g & p)
        c[label, "fp"] += len(p - g)
        c[label, "fn"] += len(g - p)
    return c


def prf(c: Counter, labels=SCORED) -> tuple[float, float, float]:
    tp = sum(c[lab, "tp"] for lab in labels)
    fp = sum(c[lab, "fp"] for lab in labels)
    fn = sum(c[lab, "fn"] for lab in labels)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print N changed spans (fixed vs raw)")
    args = ap.parse_args()

    nlp = load_nlp()
    model_steps = [(n, p) for n, p in nlp.pipeline if not n.startswith("newslake_")]
    our_steps = [(n, p) for n, p in nlp.pipeline if n.startswith("newslake_")]
    raw_c, fix_c = Counter(), Counter()
    changes: list[str] = []
    lines = DATA.read_text(encoding="utf-8").splitlines()
    if args.limit:
        lines = lines[: args.limit]
    for line in lines:
        words, sent_starts, gold = gold_spans(json.loads(line))
        doc = Doc(nlp.vocab, words=words, spaces=[True] * len(words), sent_starts=sent_starts)
        for _, proc in model_steps:
            doc = proc(doc)
        raw = {(e.start, e.end, MAP.get(e.label_, "-")) for e in doc.ents}
        for _, proc in our_steps:
            doc = proc(doc)
        res = extract_entities(doc, doc_id="conll", extractor_version="bench")
        spans = {(m.start_char, m.end_char): m.label for m in res.mentions}
        fixed = {(e.start, e.end, MAP.get(spans[(e.start_char, e.end_char)], "-"))
                 for e in doc.ents if (e.start_char, e.end_char) in spans}
        raw_c += score(gold, raw)
        fix_c += score(gold, fixed)
        if args.errors:
            for s, e, lab in sorted(fixed ^ raw):
                mark = "+" if (s, e, lab) in fixed else "-"
                ok = "ok " if (s, e, lab) in gold else "BAD" if lab in SCORED else "   "
                changes.append(f"{mark} {ok} {lab:4} {' '.join(words[s:e])!r}  | {' '.join(words[max(0, s - 5):e + 3])}")

    print(f"CoNLL-2003 eng.testa, {len(lines)} docs, exact-span micro P/R/F1 on PER/ORG/LOC")
    for name, c in (("raw model (spacy.load)", raw_c), ("newslake (load_nlp+extract)", fix_c)):
        p, r, f = prf(c)
        per_label = "  ".join(f"{lab} F1={prf(c, (lab,))[2]:.3f}" for lab in SCORED)
        print(f"{name:28} P={p:.3f} R={r:.3f} F1={f:.3f}   {per_label}")
    for line in changes[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
