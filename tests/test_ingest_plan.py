"""The flow's building blocks without the model: cutting input into batches, skipping finished files."""

from __future__ import annotations

from pathlib import Path

from newslake.flows.ingest import InputFile, file_sha256, plan_batches
from newslake.flows.workers import Piece, read_piece
from newslake.transforms.ingest.readers import Limits, read_source


def _inputs(tmp_path: Path) -> list[InputFile]:
    lines = "".join(f'{{"id": "{i}", "title": "T{i}", "text": "Story number {i} about the harbour strike."}}\n'
                    for i in range(10))
    (tmp_path / "a.jsonl").write_text(lines)
    (tmp_path / "b.txt").write_text("The minister said the talks would resume on Monday.")
    (tmp_path / "blank.jsonl").write_text("\n\n")
    return [InputFile(str(tmp_path / n), file_sha256(str(tmp_path / n)), 1) for n in ("a.jsonl", "b.txt", "blank.jsonl")]


def test_batches_cut_jsonl_by_lines_and_read_like_the_whole_file(tmp_path):
    inputs = _inputs(tmp_path)
    batches = list(plan_batches(inputs, 4))  # ramp: min(4, 16 << k) = 4 throughout
    sizes = [[(p.path.rsplit("/", 1)[1], p.first_line) for p in b.pieces] for b in batches]
    assert sizes[:3] == [[("a.jsonl", 1)], [("a.jsonl", 5)], [("a.jsonl", 9), ("b.txt", 0), ("blank.jsonl", 1)]]
    assert sizes[-1][-1] == ("blank.jsonl", 0)  # a file of blank lines is also read whole, to say why
    # each file is complete in the batch holding its last piece; no batch is empty
    done = [[f.path.rsplit("/", 1)[1] for f in b.completes] for b in batches]
    assert done[:3] == [[], [], ["a.jsonl", "b.txt"]] and done[-1] == ["blank.jsonl"]
    assert all(b.pieces for b in batches)
    # a file that ends exactly at a batch's end is complete in that batch
    exact = list(plan_batches(inputs[:1], 5))
    assert [len(b.pieces) for b in exact] == [1, 1] and [len(b.completes) for b in exact] == [0, 1]
    docs = [d for b in batches for p in b.pieces for d in read_piece(p, Limits())]
    whole = [d for f in inputs for d in read_source(Path(f.path).read_bytes(), uri=f.path)]
    assert docs == whole
    assert docs[-1].status == "rejected" and docs[-1].error == "empty file"


def test_unreadable_or_oversized_files_become_rejected_documents(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    (d,) = read_piece(Piece(str(big)), Limits(max_file_bytes=10))
    assert d.status == "rejected" and "above the limit" in d.error
    (d,) = read_piece(Piece(str(tmp_path / "gone.txt")), Limits())
    assert d.status == "rejected" and "cannot read" in d.error


def _lines_file(tmp_path: Path, n: int) -> InputFile:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(f'{{"id": "{i}", "text": "Story {i} about the port."}}\n' for i in range(n)))
    return InputFile(str(path), file_sha256(str(path)), 1)


def _sizes(batches) -> list[int]:  # type: ignore[no-untyped-def]
    return [sum(p.data.count(b"\n") for p in b.pieces) for b in batches]


def test_last_batches_shrink_so_the_workers_finish_together(tmp_path):
    inp = _lines_file(tmp_path, 300)
    # ramp up (16, 32, 64), then at most a worker's share of what is left, never under 32
    assert _sizes(plan_batches([inp], 64, docs=300, workers=2)) == [16, 32, 64, 64, 62, 32, 30]
    assert _sizes(plan_batches([inp], 64)) == [16, 32, 64, 64, 64, 60]  # no estimate: the ramp alone
    # a wrong estimate only changes where the input is cut: every line is planned once, in order
    for docs in (0, 10, 299, 301, 10_000):
        batches = list(plan_batches([inp], 64, docs=docs, workers=2))
        assert sum(_sizes(batches)) == 300 and all(16 <= s <= 64 for s in _sizes(batches))
        lines = b"".join(p.data for b in batches for p in b.pieces)
        assert lines == Path(inp.path).read_bytes()
        assert [f.path for b in batches for f in b.completes] == [inp.path]
