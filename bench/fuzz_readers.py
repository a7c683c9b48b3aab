"""Coverage-guided fuzzing of every reader with atheris (libFuzzer), beside the hypothesis tests.

Each input's first byte picks the target (text, Markdown, HTML, JSON, JSONL, feed, metadata date,
text date); the rest are the file's bytes. A target that raises is a bug: atheris stops and saves
the input. A run prints the number of inputs tried and how many ended as documents / rejections.

    pip install atheris            # a wheel for CPython 3.11 on x86-64 Linux; not a project dependency
    python bench/fuzz_readers.py -atheris_runs=20000 [corpus_dir]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["newslake"]):
    from newslake.transforms.ingest.dates import find_text_date, parse_date
    from newslake.transforms.ingest.readers import read_source

TARGETS = ("a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.rss", "date", "text-date")
SEEN: Counter[str] = Counter()


def one_input(data: bytes) -> None:
    if not data:
        return
    target, body = TARGETS[data[0] % len(TARGETS)], data[1:]
    if target == "date":
        parse_date(body.decode("utf-8", "replace"))
        SEEN["date"] += 1
        return
    if target == "text-date":
        find_text_date(body.decode("utf-8", "replace"))
        SEEN["text-date"] += 1
        return
    for doc in read_source(body, uri=target):
        assert doc.status in ("ok", "rejected") and (doc.status == "ok") == (doc.error is None)
        doc.text.encode("utf-8")
        SEEN[doc.status] += 1


def main() -> None:
    import atexit

    atexit.register(lambda: print(f"inputs by outcome: {dict(SEEN)}", file=sys.stderr))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
