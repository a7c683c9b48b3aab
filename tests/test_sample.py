"""`newslake sample`: seeded rows of the seed lake shown at their offsets."""

from __future__ import annotations

import pytest

from newslake.sample import SampleError, sample_rows

pytestmark = pytest.mark.e2e


def test_sampled_mentions_show_their_own_text(seed_lake):
    cfg, _ = seed_lake
    rows = sample_rows(cfg, "mentions", n=5, seed=3)
    assert len(rows) == 5
    for r in rows:
        (ctx,) = r.contexts
        assert ctx.span == r.values["text"]  # the highlighted span is the row's text at its offsets
        assert "»" + ctx.span + "«" in ctx.render()
    assert [r.values["mention_id"] for r in sample_rows(cfg, "mentions", n=5, seed=3)] == \
        [r.values["mention_id"] for r in rows]  # same seed, same rows


def test_sample_filters_by_label_and_shows_entities_at_a_mention(seed_lake):
    cfg, _ = seed_lake
    rows = sample_rows(cfg, "entities", n=3, seed=1, label="GPE")
    assert rows and all(r.values["label"] == "GPE" for r in rows)
    assert all(r.contexts and r.contexts[0].span for r in rows)


def test_sample_rejects_tables_without_offsets(seed_lake):
    cfg, _ = seed_lake
    with pytest.raises(SampleError, match="no doc_id/start_char/end_char"):
        sample_rows(cfg, "runs")
    with pytest.raises(SampleError, match="unknown table"):
        sample_rows(cfg, "nope")
