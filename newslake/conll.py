"""Score entity spans on a CoNLL-2003 file: the raw model beside newslake, in one run.

A CoNLL file has one token a line (``token POS chunk NER``; only the first and last columns are
read), blank lines between sentences and ``-DOCSTART-`` lines between documents; NER tags are
IOB1 or IOB2. Each document becomes one ``Doc`` built from its own tokens (joined by single
spaces, sentence starts from the file), so predicted and gold spans share token offsets.

Scores are exact-span micro precision/recall/F1 on PER, ORG and LOC. Predicted labels map
PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC; NORP counts as MISC, and MISC is not scored (a
predicted MISC span is neither a hit nor a false positive). The *raw model* is the ``Doc``
after the model's own components (what ``spacy.load`` gives); *newslake* is the same ``Doc``
after ``load_nlp()``'s extra components, read back through ``extract_entities``.

>>> docs = read_conll(io.StringIO("-DOCSTART- -X- O O\\n\\nAnna NNP I-NP I-PER\\nsang VBD I-VP O\\n"))
>>> docs[0].words, docs[0].spans
(('Anna', 'sang'), ((0, 1, 'PER'),))
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from spacy.tokens import Doc

from newslake.transforms.entities.extract import extract_entities
from newslake.transforms.pipeline import DEFAULT_MODEL, load_nlp

__all__ = ["ConllDoc", "ConllReport", "read_conll", "evaluate_conll", "score_spans", "SCORED", "DEFAULT_MODEL"]

SCORED = ("PER", "ORG", "LOC")
SYSTEMS = ("raw model", "newslake")
#: spaCy (OntoNotes) labels as CoNLL types; anything else is not scored.
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}


@dataclass(frozen=True)
class ConllDoc:
    words: tuple[str, ...]
    sent_starts: tuple[bool, ...]
    spans: tuple[tuple[int, int, str], ...]  # gold (start, end, type) token spans, MISC included


def _decode(tags: list[str], offset: int) -> list[tuple[int, int, str]]:
    """IOB1 or IOB2 tags to spans: a span starts at B-X, or at I-X after anything but X."""
    spans: list[list] = []
    prev = "O"
    for i, tag in enumerate(tags):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if kind is None:
            prev = "O"
            continue
        if tag.startswith("B-") or prev != kind:
            spans.append([offset + i, offset + i + 1, kind])
        else:
            spans[-1][1] = offset + i + 1
        prev = kind
    return [tuple(s) for s in spans]  # type: ignore[misc]


def read_conll(path: str | Path | IO[str]) -> list[ConllDoc]:
    """Documents of a CoNLL-2003 file (a file without ``-DOCSTART-`` is one document)."""
    own = not hasattr(path, "read")
    fh = open(path, encoding="utf-8") if own else path  # type: ignore[arg-type]  # noqa: SIM115
    docs: list[ConllDoc] = []
    words: list[str] = []
    starts: list[bool] = []
    spans: list[tuple[int, int, str]] = []
    sent_words: list[str] = []
    sent_tags: list[str] = []

    def end_sentence() -> None:
        if sent_words:
            spans.extend(_decode(sent_tags, len(words)))
            starts.extend([True] + [False] * (len(sent_words) - 1))
            words.extend(sent_words)
            sent_words.clear()
            sent_tags.clear()

    def end_doc() -> None:
        end_sentence()
        if words:
            docs.append(ConllDoc(tuple(words), tuple(starts), tuple(spans)))
        words.clear()
        starts.clear()
        spans.clear()

    try:
        for line in fh:  # type: ignore[union-attr]
            cols = line.split()
            if not cols:
                end_sentence()
            elif cols[0] == "-DOCSTART-":
                end_doc()
            else:
                sent_words.append(cols[0])
                sent_tags.append(cols[-1] if len(cols) > 1 else "O")
        end_doc()
    finally:
        if own:
            fh.close()  # type: ignore[union-attr]
    return docs


def score_spans(gold: set[tuple[int, int, str]], pred: set[tuple[int, int, str]]) -> Counter:
    """True/false positives and false negatives per scored type: ``c["PER", "tp"]``."""
    c: Counter = Counter()
    for label in SCORED:
        g = {x for x in gold if x[2] == label}
        p = {x for x in pred if x[2] == label}
        c[label, "tp"] += len(g & p)
        c[label, "fp"] += len(p - g)
        c[label, "fn"] += len(g - p)
    return c


@dataclass
class ConllReport:
    """Counts of one evaluation; :meth:`rows` turns them into scores."""

    source: str
    docs: int
    counts: dict[str, Counter] = field(default_factory=lambda: {s: Counter() for s in SYSTEMS})
    #: spans where newslake and the raw model differ: (sign, verdict, label, text, context)
    changes: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str, float, float, float, int, int, int]]:
        """``(system, label, precision, recall, f1, gold, predicted, correct)`` for each system
        and each of PER, ORG, LOC and ALL (micro)."""
        out = []
        for system in SYSTEMS:
            c = self.counts[system]
            for label in (*SCORED, "ALL"):
                labels = SCORED if label == "ALL" else (label,)
                tp = sum(c[lab, "tp"] for lab in labels)
                pred = tp + sum(c[lab, "fp"] for lab in labels)
                gold = tp + sum(c[lab, "fn"] for lab in labels)
                p = tp / pred if pred else 0.0
                r = tp / gold if gold else 0.0
                f = 2 * p * r / (p + r) if p + r else 0.0
                out.append((system, label, round(p, 4), round(r, 4), round(f, 4), gold, pred, tp))
        return out

    def f1(self, system: str, label: str = "ALL") -> float:
        return next(r[4] for r in self.rows() if r[0] == system and r[1] == label)


def evaluate_conll(path: str | Path, model: str = DEFAULT_MODEL, *, limit_docs: int | None = None,
                   keep_changes: bool = False) -> ConllReport:
    """Parse every document of a CoNLL file once and score the raw model and newslake on it."""
    nlp = load_nlp(model)
    model_steps = [p for n, p in nlp.pipeline if not n.startswith("newslake_")]
    our_steps = [p for n, p in nlp.pipeline if n.startswith("newslake_")]
    docs = read_conll(path)
    if limit_docs is not None:
        docs = docs[:limit_docs]
    report = ConllReport(str(path), len(docs))
    for cd in docs:
        gold = set(cd.spans)
        doc = Doc(nlp.vocab, words=list(cd.words), spaces=[True] * len(cd.words),
                  sent_starts=list(cd.sent_starts))
        for proc in model_steps:
            doc = proc(doc)
        raw = {(e.start, e.end, LABEL_MAP.get(e.label_, "-")) for e in doc.ents}
        for proc in our_steps:
            doc = proc(doc)
        res = extract_entities(doc, doc_id="conll", extractor_version="conll")
        labels = {(m.start_char, m.end_char): m.label for m in res.mentions}
        ours = {(e.start, e.end, LABEL_MAP.get(labels[e.start_char, e.end_char], "-"))
                for e in doc.ents if (e.start_char, e.end_char) in labels}
        report.counts["raw model"] += score_spans(gold, raw)
        report.counts["newslake"] += score_spans(gold, ours)
        if keep_changes:
            for s, e, lab in sorted(ours ^ raw):
                sign = "+" if (s, e, lab) in ours else "-"
                verdict = "ok" if (s, e, lab) in gold else "BAD" if lab in SCORED else ""
                report.changes.append((sign, verdict, lab, " ".join(cd.words[s:e]),
                                       " ".join(cd.words[max(0, s - 5):e + 3])))
    return report
