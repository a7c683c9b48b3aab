"""Span helpers for the claim rules: paragraphs, direct quotations, speaker phrases, pronouns.

Pure functions on text or on a parsed spaCy ``Doc``; :mod:`newslake.transforms.claims.extract` combines them.

>>> quote_spans('He said "we won" and left.')
[(8, 16)]
>>> text = "She said: \u201cwe will stay.\\nNext paragraph."
>>> [text[s:e] for s, e in quote_spans(text)]  # unbalanced: ends at the paragraph end
['\u201cwe will stay.']
"""

from __future__ import annotations

import bisect
import math
import re

from spacy.tokens import Doc, Span, Token

from newslake.transforms.claims.cues import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PRONOUN_ANTECEDENTS,
    STRAIGHT_QUOTES,
)
from newslake.transforms.types import doc_text  # noqa: F401  (the claim modules import it from here)

_LINE_BREAK = re.compile(r"\n\s*")
_TERMINAL = tuple(".!?:;\"\u201d\u2019')]\u2026")
_SHORT_LINE = 40
_OPENER_BEFORE = set(" \t\n([{\u2014\u2013-/:")
_QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES
_MARK = re.compile("''|``|[" + "".join(sorted(_QUOTE_MARKS)) + "]")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def quotes_overlapping(quotes: list[tuple[int, int]], s: int, e: int) -> tuple[int, int]:
    """Index range ``[lo, hi)`` of the quotations (sorted, disjoint, as :func:`quote_spans` gives
    them) that overlap the characters ``[s, e)``: two binary searches, not a scan.

    >>> quotes_overlapping([(0, 4), (10, 14), (20, 24)], 3, 11)
    (0, 2)
    >>> quotes_overlapping([(0, 4), (10, 14), (20, 24)], 4, 10)
    (1, 1)
    """
    lo = bisect.bisect_right(quotes, (s, math.inf)) - 1  # the last one starting at or before s
    if lo < 0 or quotes[lo][1] <= s:
        lo += 1
    hi = bisect.bisect_left(quotes, (e, -math.inf))  # the first one starting at or after e
    return lo, max(lo, hi)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``, without surrounding whitespace.

    A blank line always ends a paragraph. A single line break ends one only after closing
    punctuation or a short line (a headline, a credit); otherwise it is a hard wrap inside a
    paragraph, as in wire copy wrapped at 70 columns.

    >>> text = "One.\\n\\n Two. Three.\\nFour, wrapped at the margin of a wire story, and\\nmore."
    >>> [text[s:e] for s, e in paragraph_bounds(text)][1:]
    ['Two. Three.', 'Four, wrapped at the margin of a wire story, and\\nmore.']
    """
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        if m is not None and "\n" not in m.group()[1:]:  # a single line break
            line = text[text.rfind("\n", 0, end) + 1 : end].strip()
            if len(line) >= _SHORT_LINE and not line.endswith(_TERMINAL):
                continue  # hard wrap: the paragraph goes on
        chunk = text[pos:end]
        if chunk.strip():
            start = pos + len(chunk) - len(chunk.lstrip())
            bounds.append((start, pos + len(chunk.rstrip())))
        if m:
            pos = m.end()
    return bounds


def enclosing(bounds: list[tuple[int, int]], char: int) -> tuple[int, int]:
    """The span of ``bounds`` (sorted, disjoint) that contains ``char``, else ``(char, char)``.

    >>> enclosing([(0, 4), (7, 18)], 9)
    (7, 18)
    """
    i = bisect.bisect_right(bounds, (char, float("inf"))) - 1
    if i >= 0 and bounds[i][0] <= char < bounds[i][1]:
        return bounds[i]
    return (char, char)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations, marks included, never crossing a paragraph end.

    Curly marks (and two backticks) open and close by shape; a straight mark (``"`` or ``''``) opens
    after a space or a bracket and closes otherwise. A quotation left open ends at its paragraph
    end; a stray closing mark is ignored; a new opening mark inside an open quotation ends the
    open one before it.

    >>> quote_spans('\u201cA,\u201d he said, \u201cB')
    [(0, 4), (14, 16)]
    >>> quote_spans("He said ''no'' twice.")
    [(8, 14)]
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_bounds(text):
        open_at: int | None = None
        for m in _MARK.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group()
            if mark in STRAIGHT_QUOTES or mark == "''":
                opens = open_at is None and (i == p_start or text[i - 1] in _OPENER_BEFORE)
                closes = open_at is not None
            else:
                opens, closes = mark in OPEN_QUOTES or mark == "``", mark in CLOSE_QUOTES
            if opens:
                if open_at is not None:
                    spans.append((open_at, len(text[open_at:i].rstrip()) + open_at))
                open_at = i
            elif closes and open_at is not None:
                spans.append((open_at, m.end()))
                open_at = None
        if open_at is not None:
            spans.append((open_at, p_end))
    return spans


def is_quote_mark(tok: Token) -> bool:
    """True for a token that is a double quotation mark (curly or straight)."""
    return tok.text in _QUOTE_MARKS or tok.text in ("``", "''")


def entity_span(tok: Token) -> Span | None:
    """The named entity ``tok`` belongs to, if any."""
    if not tok.ent_type_:
        return None
    start = tok.i
    doc = tok.doc
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


_LEFT_DEPS = {"det", "compound", "amod", "poss", "nummod", "quantmod", "nmod", "npadvmod"}
_RIGHT_PREPS = {"of", "for", "at", "from", "with", "in", "on", "close"}


def speaker_phrase(tok: Token) -> tuple[int, int]:
    """Token span ``[start, end)`` of the noun phrase headed by ``tok``, kept short.

    Names are their entity span; other nouns take their determiners, compounds and adjectives,
    plus an "of/for/with ..." phrase without commas or verbs ("a spokesman for the army").
    Relative clauses and appositions are left out.
    """
    ent = entity_span(tok)
    start, end = (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)
    for child in tok.lefts:
        if child.dep_ in _LEFT_DEPS:
            start = min(start, child.left_edge.i)
    if tok.pos_ == "NOUN":
        for child in tok.rights:
            if child.dep_ not in ("prep", "amod") or child.i != end:
                continue
            if child.dep_ == "prep" and child.lower_ not in _RIGHT_PREPS:
                continue
            sub = list(child.subtree)
            if len(sub) > 8 or any(t.text == "," or t.pos_ in ("VERB", "AUX") for t in sub):
                break
            end = child.right_edge.i + 1
    doc = tok.doc
    while end - 1 > start and (doc[end - 1].is_space or doc[end - 1].text.isspace()):
        end -= 1  # "a broker at Nomura Securities Co.\n\n": the entity took the paragraph break
    return start, end


def _ent_for_subject(tok: Token, labels: tuple[str, ...]) -> Span | None:
    ent = entity_span(tok)
    if ent is not None and ent.label_ in labels and tok.dep_ in _SUBJECT_DEPS:
        return ent
    return None


def resolve_pronoun(
    pron: Token, paragraphs: list[tuple[int, int]], _depth: int = 0
) -> Span | None:
    """The entity a subject pronoun most likely stands for, or None.

    The antecedent is the nearest preceding subject that is a PERSON (for "he"/"she") or an
    ORG/GPE (also PERSON for "they"), looked for back to the start of the paragraph or of the
    previous sentence, whichever is earlier. A preceding identical pronoun subject passes on its
    own antecedent ("Smith arrived. He sat down. He said ...").
    """
    labels = PRONOUN_ANTECEDENTS.get(pron.lower_)
    if labels is None or _depth > 4:
        return None
    doc: Doc = pron.doc
    para_start, _ = enclosing(paragraphs, pron.idx)
    sent = pron.sent
    window = sent.start_char if sent.start == 0 else doc[sent.start - 1].sent.start_char
    window = min(window, para_start)
    for i in range(pron.i - 1, -1, -1):
        tok = doc[i]
        if tok.idx < window:
            break
        ent = _ent_for_subject(tok, labels)
        if ent is not None:
            return ent
        if tok.dep_ in _SUBJECT_DEPS and tok.lower_ == pron.lower_:
            return resolve_pronoun(tok, paragraphs, _depth + 1)
    return None


_OPENING_BRACKETS = frozenset({"<", "(", "[", "{"})


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and punctuation (but not quotation marks) from both ends of a token span."""
    def junk(t: Token) -> bool:
        return t.is_space or (t.is_punct and not is_quote_mark(t))

    def dangling(t: Token) -> bool:  # "to behead his brother and" (the conjunct left out), "Dlrs, <"
        return junk(t) or t.dep_ == "cc" or t.text in _OPENING_BRACKETS
    while start < end and junk(doc[start]):
        start += 1
    while end > start and dangling(doc[end - 1]):
        end -= 1
    return start, end


_CLOSING = {"(": ")", "[": "]", "<": ">"}


def _bracket_closed(doc: Doc, start: int, end: int, cue: tuple[int, int]) -> int:
    """The end of a content span carried over the closing bracket of one it opened, when the
    parse (or the trimming of punctuation) left it out: "... despite the counter-bid from
    <Equiticorp Tasman Ltd> (ETL), its director said" -> up to "(ETL)", not "(ETL"; "agreed to sell
    11 stores to <F and M Distributors>" -> up to ">"."""
    if end >= len(doc) or cue[0] <= end < cue[1]:
        return end
    for opening, closing in _CLOSING.items():
        if doc[end].text != closing:  # checked first: the count below reads the whole content
            continue
        depth = 0
        for t in doc[start:end]:  # a wire name may carry its brackets in its tokens ("<Distillers", "Plc>")
            depth += t.text.startswith(opening) - t.text.endswith(closing)
        if depth > 0:
            return end + 1
    return end


def content_chars(
    doc: Doc, content: tuple[int, int], cue: tuple[int, int], para: tuple[int, int],
    quotes: list[tuple[int, int]],
) -> tuple[int, int]:
    """Character span of a content token span ``[start, end)``: trimmed, widened to cover the
    quotations it touches (unless they hold the cue), kept inside the cue's paragraph.
    ``(0, 0)`` when nothing is left."""
    start, end = _trim(doc, *content)
    if start >= end:
        return 0, 0
    end = _bracket_closed(doc, start, end, cue)
    # never end inside a hyphenated word the parse split ("had re-kindled", "in 1968-69")
    while (end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in _HYPHENS
           and not doc[end].whitespace_ and doc[end + 1].text[:1].isalnum() and not cue[0] <= end + 1 < cue[1]):
        end += 2
    s, e = max(doc[start].idx, para[0]), min(doc[end - 1].idx + len(doc[end - 1]), para[1])
    cue_s, cue_e = doc[cue[0]].idx, doc[cue[1] - 1].idx + len(doc[cue[1] - 1])
    # widen to the first and the last quotation it overlaps, skipping those that hold the cue
    lo, hi = quotes_overlapping(quotes, s, e)
    x_lo, x_hi = quotes_overlapping(quotes, cue_s, cue_e)
    first = x_hi if x_lo <= lo < x_hi else lo
    last = x_lo - 1 if x_lo <= hi - 1 < x_hi else hi - 1
    if lo <= first < hi and lo <= last < hi:
        s, e = min(s, quotes[first][0]), max(e, quotes[last][1])
    text = doc_text(doc)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else (0, 0)


# what may stand between a cue and the quotation that resumes: punctuation, "(R-Utah)"
_GAP = re.compile(r"[\s,.;:\u2014\u2013-]*(\([^()]{0,40}\)[\s,.;:\u2014\u2013-]*)?")
_NON_SPACE = re.compile(r"\S")


def resumed_quote(
    doc: Doc, cue: Token, content_end: int, after: int, para: tuple[int, int],
    quotes: list[tuple[int, int]],
) -> tuple[int, int] | None:
    """The quotation that resumes a quoted content after its cue: right after the cue and
    speaker (``after``), or as the next sentence. None unless the content precedes the cue.

    "“We won,” she said. “Now we rest.”" -> the span of “Now we rest.”
    """
    if content_end > cue.idx:
        return None
    sent_end = cue.sent.end_char
    text = doc_text(doc)
    # the first quotation at or after ``after`` (a later one cannot touch the cue: this one is between)
    k = bisect.bisect_left(quotes, (after, -math.inf))
    if k < len(quotes) and quotes[k][1] <= para[1]:
        q_s, q_e = quotes[k]
        gap_ok = _GAP.fullmatch(text, after, q_s) is not None
        next_sentence = sent_end <= q_s and _NON_SPACE.search(text, sent_end, q_s) is None
        return (q_s, q_e) if gap_ok or next_sentence else None
    return None
