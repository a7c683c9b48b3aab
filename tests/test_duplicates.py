"""The same document twice in one run: the first copy in input order stays, whatever the batches."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from newslake.flows.ingest import without_docs
from newslake.flows.workers import BatchResult
from newslake.warehouse.lake import LakeConfig, query


def test_without_docs_drops_their_rows_and_their_counts():
    result = BatchResult(
        tables={"documents": pa.table({"doc_id": ["a", "b", "c"], "status": ["ok", "ok", "rejected"]}),
                "mentions": pa.table({"doc_id": ["a", "b", "b", "b"], "mention_id": ["m1", "m2", "m3", "m4"]}),
                "claims": pa.table({"doc_id": pa.array([], pa.string())})},
        counts={"docs_seen": 3, "docs_ok": 2, "docs_rejected": 1, "docs_replaced": 2, "docs_unchanged": 0,
                "mentions": 4, "claims": 0},
        replaced=["b", "c"])
    out = without_docs(result, {"b", "c"})
    assert out.tables["documents"].column("doc_id").to_pylist() == ["a"]
    assert out.tables["mentions"].column("mention_id").to_pylist() == ["m1"]
    assert out.counts == {"docs_seen": 1, "docs_ok": 1, "docs_rejected": 0, "docs_replaced": 0, "docs_unchanged": 0,
                          "mentions": 1, "claims": 0}
    assert out.replaced == [] and without_docs(result, set()) is result


@pytest.mark.model
@pytest.mark.e2e
def test_a_document_read_twice_keeps_its_first_copy_across_batches(prefect_server, tmp_path):
    from newslake.flows.ingest import ingest

    text = "The minister said on Monday that the port strike would end after talks with the union."
    lines = [{"id": "first", "title": "Strike", "text": text}, {"id": "second", "title": "Strike", "text": text},
             {"id": "other", "title": "Other", "text": "Rain fell."}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in lines))
    # one document per batch: the two copies are in two batches, extracted side by side (the second
    # worker looks its batch up in the lake while the first is still loading the model, so it does
    # not find the first copy there)
    s = ingest(paths=[str(src)], warehouse=str(tmp_path / "wh"), batch_size=1, n_process=2)
    cfg = LakeConfig(tmp_path / "wh")
    docs = query(cfg, "SELECT external_id FROM documents ORDER BY external_id").to_pylist()
    assert [d["external_id"] for d in docs] == ["first", "other"]
    assert (s.docs_seen, s.docs_ok, s.docs_replaced, s.batches) == (2, 2, 0, 3)
    (run,) = query(cfg, "SELECT docs_seen, docs_ok, mentions FROM runs").to_pylist()
    assert run["docs_seen"] == 2 and run["mentions"] == query(cfg, "SELECT count(*) AS n FROM mentions").to_pylist()[0]["n"]
