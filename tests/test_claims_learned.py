"""The learned attribution tagger: shipped weights load from the package, it labels a plain
sentence it was not trained on, the claims extractor uses it, and the training script runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newslake.transforms.claims import learned
from newslake.transforms.claims.extract import MODES, extract_claims
from newslake.transforms.types import SpanEntityLookup

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = ("Maria Lopez, the harbour master, said on Tuesday that the ferry would stay in port "
            "until the storm had passed.")


def test_weights_ship_in_the_package():
    assert (learned.DATA_DIR / "config.cfg").exists()
    assert (learned.DATA_DIR / "README.md").exists()
    tagger = learned.load_tagger()
    assert tagger.pipe_names == ["ner"]
    assert set(tagger.get_pipe("ner").labels) == set(learned.ATTRIBUTION_LABELS)
    size = sum(f.stat().st_size for f in learned.DATA_DIR.rglob("*") if f.is_file())
    assert size < 12_000_000
    assert learned.load_tagger() is tagger  # loaded once per process


def test_missing_weights_are_a_clear_error(tmp_path):
    with pytest.raises(learned.TaggerMissing, match="make train"):
        learned.load_tagger(str(tmp_path))


@pytest.mark.model
def test_tagger_labels_a_plain_sentence():
    from newslake.transforms.pipeline import load_nlp

    doc = load_nlp()(SENTENCE)
    spans = learned.learned_spans(doc)
    by_label = {s.label: doc.text[s.start_char : s.end_char] for s in spans}
    assert by_label.get("CUE", "").startswith("said")
    assert "Maria Lopez" in by_label.get("SOURCE", "")
    assert "the ferry would stay in port" in by_label.get("CONTENT", "")
    (att,) = learned.group_spans(doc, spans)
    assert doc[att.cue[0]].text == "said" and doc[att.source[0]].text == "Maria"


@pytest.mark.model
def test_combined_mode_adds_what_the_rules_miss_and_keeps_rows_whole():
    from newslake.transforms.pipeline import load_nlp

    text = ("Critics have long questioned whether the ministry could deliver on time. "
            "The harbour master told reporters on Tuesday that the ferry would stay in port.")
    doc = load_nlp()(text)
    ents = SpanEntityLookup.from_triples([])
    by_mode = {m: extract_claims(doc, doc_id="d", entities=ents, mode=m) for m in MODES}
    rule_keys = {(c.cue_start, c.start_char, c.end_char) for c in by_mode["rules"]}
    combined_keys = {(c.cue_start, c.start_char, c.end_char) for c in by_mode["combined"]}
    assert rule_keys <= combined_keys  # combined keeps every rule claim
    for c in by_mode["combined"] + by_mode["learned"]:
        assert c.doc_id == "d" and c.extractor_version
        assert c.content == text[c.start_char : c.end_char] and c.content
        assert text[c.cue_start : c.cue_end] == c.cue
    # the tagger misses the source "The harbour master" here; the cue's subject stands in
    (told,) = [c for c in by_mode["learned"] if "ferry would stay in port" in c.content]
    assert told.cue == "told" and told.speaker_text == "The harbour master"
    with pytest.raises(ValueError, match="mode"):
        extract_claims(doc, doc_id="d", entities=ents, mode="neural")


def test_group_spans_joins_content_cut_at_sentences_and_finds_the_cue():
    import spacy
    from spacy.tokens import Doc

    words = ["He", "said", ":", "\u201c", "We", "won", ".", "They", "lost", ".", "\u201d"]
    heads = [1, 1, 1, 5, 5, 1, 5, 8, 8, 8, 8]
    deps = ["nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert not doc[6].is_sent_start and doc[7].is_sent_start
    span = lambda label, s, e: learned.LearnedSpan(label, s, e, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))  # noqa: E731
    spans = [span("SOURCE", 0, 1), span("CUE", 1, 2), span("CONTENT", 4, 6), span("CONTENT", 7, 9)]
    (att,) = learned.group_spans(doc, spans)
    assert att == learned.LearnedAttribution(cue=(1, 2), content=(4, 9), source=(0, 1))
    assert learned.group_spans(doc, [span("CONTENT", 4, 6)]) == []  # no cue, no claim


@pytest.mark.model
def test_training_script_dry_run(tmp_path):
    """One tiny update on a few synthetic articles in PolNeAR's format; nothing is written."""
    text = "The mayor said that the bridge would close. Residents complained that nobody asked them."
    att = lambda src, cue, content: {role: [{"spans": [[text.index(s), text.index(s) + len(s)]], "text": s}]  # noqa: E731
                                     for role, s in (("source", src), ("cue", cue), ("content", content))}
    rows = [{"split": "train", "filename": f"f{i}", "annotator": "a", "text": text,
             "attributions": [att("The mayor", "said", "the bridge would close"),
                              att("Residents", "complained", "nobody asked them")]} for i in range(3)]
    rows.append({**rows[0], "split": "dev", "filename": "dev1"})
    data = tmp_path / "polnear.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_attribution.py"), "--polnear", str(data),
                           "--out", str(out), "--dry-run"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "3 annotated articles from PolNeAR train" in proc.stdout
    assert "dry run: nothing written" in proc.stdout
    assert not out.exists()


def _parsed(words, heads, deps, pos):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_learned_cue_without_content_takes_its_complement_from_the_parse():
    from newslake.transforms.claims.extract import _cue_complements

    # "Trump refused to release his returns ."
    doc = _parsed(["Trump", "refused", "to", "release", "his", "returns", "."], [1, 1, 3, 1, 5, 3, 1],
                  ["nsubj", "ROOT", "aux", "xcomp", "poss", "dobj", "punct"],
                  ["PROPN", "VERB", "PART", "VERB", "PRON", "NOUN", "PUNCT"])
    span = lambda label, s, e: learned.LearnedSpan(label, s, e, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))  # noqa: E731
    spans = [span("SOURCE", 0, 1), span("CUE", 1, 2)]
    assert learned.group_spans(doc, spans) == []  # the tagger found no content
    (att,) = _cue_complements(doc, spans, [])
    assert att.cue == (1, 2) and doc[att.content[0]:att.content[1]].text == "to release his returns"
    # a cue that already has a content, or one with no complement in the parse, gets none
    assert _cue_complements(doc, spans, [learned.LearnedAttribution((1, 2), (2, 6), (0, 1))]) == []
    assert _cue_complements(doc, [span("CUE", 6, 7)], []) == []


def test_combined_mode_keeps_learned_cues_the_tables_do_not_list_as_reported(monkeypatch):
    from newslake.transforms.claims import extract

    doc = _parsed(["Trump", "refused", "to", "release", "his", "returns", "."], [1, 1, 3, 1, 5, 3, 1],
                  ["nsubj", "ROOT", "aux", "xcomp", "poss", "dobj", "punct"],
                  ["PROPN", "VERB", "PART", "VERB", "PRON", "NOUN", "PUNCT"])
    span = lambda label, s, e: learned.LearnedSpan(label, s, e, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))  # noqa: E731
    monkeypatch.setattr(learned, "learned_spans", lambda d, path=None: [span("SOURCE", 0, 1), span("CUE", 1, 2),
                                                                         span("CONTENT", 2, 6)])
    ents = SpanEntityLookup.from_triples([])
    assert extract_claims(doc, doc_id="d", entities=ents, mode="rules") == []
    (claim,) = extract_claims(doc, doc_id="d", entities=ents, mode="combined")
    assert (claim.speaker_text, claim.cue, claim.content, claim.certainty) == (
        "Trump", "refused", "to release his returns", "reported")


@pytest.mark.model
def test_the_tagger_needs_the_parses_tok2vec_output():
    import spacy

    doc = spacy.blank("en")("The mayor said that the bridge would close.")
    with pytest.raises(ValueError, match="tok2vec"):
        learned.learned_spans(doc)


def test_a_learned_content_is_cut_to_its_paragraph_before_it_is_compared_with_the_rules(monkeypatch):
    """The tagger ran "ignored"'s content on into the next paragraph, over the rules' claim there:
    cut to its own paragraph it is a claim of its own, not a repeat of "Jones said"."""
    import spacy
    from spacy.tokens import Doc

    rows = [r.split() for r in """Smith Smith PROPN NNP nsubj 1
ignored ignore VERB VBD ROOT 1
the the DET DT det 4
tax tax NOUN NN compound 4
plan plan NOUN NN dobj 1
. . PUNCT . punct 1
\\n\\n \\n\\n SPACE _SP dep 5
Jones Jones PROPN NNP nsubj 8
said say VERB VBD ROOT 8
prices price NOUN NNS nsubj 11
would would AUX MD aux 11
rise rise VERB VB ccomp 8
sharply sharply ADV RB advmod 11
next next ADJ JJ amod 14
year year NOUN NN npadvmod 11
. . PUNCT . punct 8""".splitlines()]
    words = [r[0].replace("\\n", "\n") for r in rows]
    spaces = [not (w == "\n\n" or i + 1 == len(words) or words[i + 1] in (".", "\n\n")) for i, w in enumerate(words)]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, lemmas=[r[1].replace("\\n", "\n") for r in rows],
              pos=[r[2] for r in rows], tags=[r[3] for r in rows], deps=[r[4] for r in rows],
              heads=[int(r[5]) for r in rows])
    assert doc.text == "Smith ignored the tax plan.\n\nJones said prices would rise sharply next year."
    span = lambda label, s, e: learned.LearnedSpan(label, s, e, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))  # noqa: E731
    monkeypatch.setattr(learned, "learned_spans", lambda d, path=None: [
        span("SOURCE", 0, 1), span("CUE", 1, 2), span("CONTENT", 2, 15)])
    ents = SpanEntityLookup.from_triples([])
    (rule,) = extract_claims(doc, doc_id="d", entities=ents, mode="rules")
    assert (rule.cue, rule.content) == ("said", "prices would rise sharply next year")
    got = [(c.speaker_text, c.cue, c.content) for c in extract_claims(doc, doc_id="d", entities=ents, mode="combined")]
    assert got == [("Smith", "ignored", "the tax plan."), ("Jones", "said", "prices would rise sharply next year")]
    # a learned content that is (more than half) a claim already made adds nothing
    monkeypatch.setattr(learned, "learned_spans", lambda d, path=None: [span("CUE", 8, 9), span("CONTENT", 9, 15)])
    assert [c.content for c in extract_claims(doc, doc_id="d", entities=ents, mode="combined")] == [rule.content]


def test_the_loaded_tagger_scores_cue_starts_higher_by_cue_bias():
    import numpy
    import spacy

    raw = spacy.load(learned.DATA_DIR).get_pipe("ner")
    loaded = learned.load_tagger().get_pipe("ner")
    names = [loaded.moves.get_class_name(i) for i in range(loaded.moves.n_moves)]
    diff = loaded.model.get_ref("upper").get_param("b") - raw.model.get_ref("upper").get_param("b")
    want = numpy.array([learned.CUE_BIAS if n in ("B-CUE", "U-CUE") else 0.0 for n in names], dtype=diff.dtype)
    assert learned.CUE_BIAS > 0 and numpy.allclose(diff, want)
    with pytest.raises(ValueError, match="no action 'B-QUOTE'"):
        learned.bias_actions(spacy.load(learned.DATA_DIR), {"B-QUOTE": 1.0})


def test_the_shipped_weights_were_trained_with_the_tagger_config_the_script_builds():
    """`make train` builds TAGGER_CONFIG: the shipped config.cfg has its encoder (window 2, depth 4)."""
    from spacy.util import load_config

    shipped = load_config(learned.DATA_DIR / "config.cfg")["components"]["ner"]["model"]["tok2vec"]["encode"]
    want = learned.TAGGER_CONFIG["tok2vec"]["encode"]
    assert (shipped["window_size"], shipped["depth"], shipped["width"]) == (
        want["window_size"], want["depth"], want["width"]) == (2, 4, 96)
    scores = json.loads((learned.DATA_DIR / "scores.json").read_text())
    assert (scores["written_epoch"], scores["window"]) == (2, 2)
