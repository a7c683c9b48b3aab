"""CoNLL-2003 reading and scoring, on snippets written here (never the eval data)."""

from __future__ import annotations

import io

import pytest

from newslake.conll import ConllReport, evaluate_conll, read_conll, score_spans

IOB1 = """-DOCSTART- -X- -X- O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
John NNP I-NP B-PER
Smith NNP I-NP I-PER

-DOCSTART- -X- -X- O

LONDON NNP I-NP I-LOC
1996-08-30 CD I-NP O
"""

IOB2 = """New B-LOC
York I-LOC
Times B-ORG
said O
"""


def test_read_iob1_documents_sentences_and_adjacent_spans() -> None:
    a, b = read_conll(io.StringIO(IOB1))
    assert a.words == ("EU", "rejects", "German", "call", ".", "Peter", "Blackburn", "John", "Smith")
    assert a.sent_starts == (True, False, False, False, False, True, False, False, False)
    # I- after the same type continues; B- splits two adjacent names of one type
    assert a.spans == ((0, 1, "ORG"), (2, 3, "MISC"), (5, 7, "PER"), (7, 9, "PER"))
    assert b.words == ("LONDON", "1996-08-30") and b.spans == ((0, 1, "LOC"),)


def test_read_iob2_without_docstart_is_one_document(tmp_path) -> None:
    path = tmp_path / "x.conll"
    path.write_text(IOB2, encoding="utf-8")
    (doc,) = read_conll(path)
    assert doc.spans == ((0, 2, "LOC"), (2, 3, "ORG"))


def test_score_spans_counts_exact_matches_by_type() -> None:
    gold = {(0, 2, "PER"), (3, 4, "LOC"), (5, 6, "MISC")}
    pred = {(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "MISC"), (7, 8, "ORG")}
    c = score_spans(gold, pred)
    assert (c["PER", "tp"], c["LOC", "tp"], c["LOC", "fp"], c["LOC", "fn"], c["ORG", "fp"]) == (1, 0, 1, 1, 1)
    assert not any(k[0] == "MISC" for k in c)


def test_report_rows_micro_average() -> None:
    report = ConllReport("x", 1)
    report.counts["newslake"] += score_spans({(0, 1, "PER"), (2, 3, "ORG")}, {(0, 1, "PER"), (2, 3, "LOC")})
    rows = {(r[0], r[1]): r[2:] for r in report.rows()}
    assert len(rows) == 8
    assert rows["newslake", "ALL"] == (0.5, 0.5, 0.5, 2, 2, 1)
    assert rows["newslake", "PER"] == (1.0, 1.0, 1.0, 1, 1, 1)
    assert rows["raw model", "ALL"] == (0.0, 0.0, 0.0, 0, 0, 0)


@pytest.mark.model
def test_evaluate_conll_scores_both_systems_on_the_same_docs(tmp_path) -> None:
    path = tmp_path / "mini.conll"
    path.write_text(
        "-DOCSTART- O\n\nReporters O\nmet O\nEdward B-PER\nLemon I-PER\nin O\nDushanbe B-LOC\non O\n"
        "Monday O\n. O\n\n"
        "-DOCSTART- O\n\nThe O\nTajik B-MISC\npolice O\narrived O\n. O\n", encoding="utf-8")
    report = evaluate_conll(path)
    assert report.docs == 2
    rows = {(r[0], r[1]): r for r in report.rows()}
    assert rows["raw model", "ALL"][5] == rows["newslake", "ALL"][5] == 2  # gold counted once each
    assert rows["newslake", "ALL"][7] == 2  # both names found with the right type
    assert evaluate_conll(path, limit_docs=1).docs == 1
