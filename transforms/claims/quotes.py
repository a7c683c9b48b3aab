"""Quotation-driven claim rules: quotes beside their tag, transcript colons, follow-on paragraphs.

The parser often leaves a quotation unattached to its speech verb ("“Very good,” Trump said."
with the quote as an ``npadvmod``), and transcripts mark the speaker with a colon. These rules
work from the quotation marks and the paragraph layout instead of the dependency arcs:

- quote tags: a speech verb with its subject right after or right before a quotation:
  "“We won,” she said." / "She said: “We won.”" / "..., adding, “We rest.”";
- transcript colons: a paragraph opening with a name and a colon: "KERRY: We will act.";
- follow-on quotes: a paragraph that is one quotation without a cue of its own continues the
  quoted speaker of the paragraph before ("“A,” she said.\\n\\n“B.”" -> B is hers too).

>>> COLON_HEAD.match("SANDERS: We will win.") is not None
True
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Iterator

from spacy.tokens import Doc, Token

from newslake.transforms.claims import cues
from newslake.transforms.claims.rules import Found, can_be_source, fallback_subject, lemma, subject
from newslake.transforms.claims.spans import doc_text, enclosing, paragraph_bounds, quote_spans, speaker_phrase

# what may stand between a quotation and its tag: "“A,” she said" / "She said: “A”"
_BEFORE_TAG = re.compile(r"[\s,\u2014\u2013-]*")
_AFTER_TAG = re.compile(r"[\s,:\u2014\u2013-]*")
# a paragraph opening with a short speaker label and a colon
COLON_HEAD = re.compile(r"[^\W\d][\w.,'\u2019 -]{0,60}:\s+\S")
_MAX_LABEL_TOKENS = 7


def _tag_speaker(verb: Token) -> Token | None:
    return subject(verb) or fallback_subject(verb)


_SPEECH_TAGS = frozenset({"say", "tell", "add", "write", "reply", "respond", "answer", "shout", "explain"})
"""Tag verbs that only speakers do; any other tag verb ("continue", "note", "show") needs a subject
that can be a source (:func:`~newslake.transforms.claims.rules.can_be_source`)."""


def quote_tags(doc: Doc, quoted: frozenset[int]) -> Iterator[Found]:
    """ "“We won,” she said." and "She said: “We won.”" when the parse left the quote unattached.

    The tag is the speech verb and its subject; the quotation must touch the tag, with only
    spaces, commas, dashes (or a colon after the tag) between them.
    """
    text = doc_text(doc)
    quotes = quote_spans(text)
    if not quotes:
        return
    ends = [q_e for _, q_e in quotes]  # sorted too: the quotations are disjoint
    paragraphs = paragraph_bounds(text)
    for tok in doc:
        certainty = cues.VERB_CUES.get(lemma(tok))
        if tok.pos_ != "VERB" or certainty not in cues.TAG_CERTAINTIES or tok.i in quoted:
            continue
        if any(c.dep_ in ("neg", "auxpass") for c in tok.children):
            continue
        if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in tok.children):
            continue  # "it will continue “on an ongoing basis to study ...”": a plan, no quotation tag
        speaker = _tag_speaker(tok)
        if speaker is not None and lemma(tok) not in _SPEECH_TAGS and not can_be_source(speaker):
            speaker = None  # "it expected operating losses to continue “for the foreseeable future”"
        if speaker is None:
            continue
        sp_start, sp_end = speaker_phrase(speaker)
        near = abs(speaker.i - tok.i) <= 4
        lo = min(tok.i, sp_start) if near else tok.i
        hi = max(tok.i + 1, sp_end) if near else tok.i + 1
        left, right = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        para = enclosing(paragraphs, tok.idx)
        # only the nearest quotation on either side can touch the tag (any farther one has this
        # one's marks in between), the one before first: two binary searches, not a scan
        span = None
        k = bisect.bisect_right(ends, left) - 1
        j = bisect.bisect_left(quotes, (right, -math.inf))
        for q_s, q_e in ([quotes[k]] if k >= 0 else []) + ([quotes[j]] if j < len(quotes) else []):
            if q_s < para[0] or q_e > para[1]:
                continue
            if q_e <= left and _BEFORE_TAG.fullmatch(text, q_e, left):
                span = (q_s, q_e)
            elif q_s >= right and span is None and _AFTER_TAG.fullmatch(text, right, q_s):
                span = (q_s, q_e)
        if span is None:
            continue
        toks = doc.char_span(*span, alignment_mode="expand")
        if toks is not None and len(toks):
            yield Found((tok.i, tok.i + 1), (toks.start, toks.end), speaker, certainty, tok)


def _label_head(doc: Doc, start: int, colon: int) -> Token | None:
    """The speaker of a transcript label ``doc[start:colon]``: a name, no verb, not a heading."""
    label = doc[start:colon]
    if not 1 <= len(label) <= _MAX_LABEL_TOKENS or label.text.lower() in cues.COLON_NON_SOURCES:
        return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_upper for t in label):
        return None
    named = [t for t in label if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")
             or (t.is_upper and t.is_alpha and len(t) > 1)]
    if not named:
        return None
    heads = [t for t in label if not (start <= t.head.i < colon) or t.head == t]
    head = heads[0] if heads else named[-1]
    return head if not head.is_punct else named[-1]


def colon_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[Found]:
    """ "KERRY: By law, the president sets the maximum." -> Kerry, content after the colon."""
    text = doc_text(doc)
    for p_s, p_e in paragraph_bounds(text):
        if not COLON_HEAD.match(text, p_s, p_e):
            continue
        first = doc.char_span(p_s, p_e, alignment_mode="expand")
        if first is None:
            continue
        colon = next((t for t in first[: _MAX_LABEL_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i + 1 >= first.end:
            continue
        head = _label_head(doc, first.start, colon.i)
        if head is None or head.lower_ in cues.COLON_NON_SOURCES:
            continue
        content = (colon.i + 1, first.end)
        if sum(1 for t in doc[content[0] : content[1]] if t.is_alpha) < 3:
            continue
        yield Found((colon.i, colon.i + 1), content, head, "reported", None)


def follow_on_paragraphs(
    text: str, paragraphs: list[tuple[int, int]], quotes: list[tuple[int, int]],
    cue_starts: list[int], claimed: list[tuple[int, int, int, int]],
) -> list[tuple[int, int, int]]:
    """Paragraphs that continue the quoted speaker of the paragraph before.

    ``cue_starts`` are the cue offsets of all claims; ``claimed`` holds ``(cue_start,
    start_char, end_char, index)`` of the quoted claims with a speaker; the result holds ``(start_char, end_char, index)``: the quotation of a paragraph that
    opens with a quotation mark and holds no cue, attributed to the claim ``index`` of the
    paragraph right before it (which may itself be a follow-on).

    >>> t = "\u201cA,\u201d she said.\\n\\n\u201cB and C.\u201d"
    >>> follow_on_paragraphs(t, paragraph_bounds(t), quote_spans(t), [5], [(5, 0, 4, 0)])
    [(16, 26, 0)]
    """
    cue_paras = {enclosing(paragraphs, c)[0] for c in cue_starts}
    last: dict[int, int] = {}  # paragraph start -> index of its last quoted claim
    for cue_s, _, _, ix in sorted(claimed, key=lambda c: c[1]):
        last[enclosing(paragraphs, cue_s)[0]] = ix
    out: list[tuple[int, int, int]] = []
    for prev, (p_s, p_e) in zip(paragraphs, paragraphs[1:]):
        owner = last.get(prev[0])
        if owner is None or p_s in cue_paras or text[p_s] not in cues.FOLLOW_ON_OPENERS:
            continue
        # the quotations inside the paragraph (none crosses a paragraph end): a binary search each way
        q_first = bisect.bisect_left(quotes, (p_s, -math.inf))
        q_last = bisect.bisect_right(quotes, (p_e, math.inf)) - 1
        if q_first > q_last or quotes[q_first][0] != p_s:
            continue
        out.append((p_s, quotes[q_last][1], owner))
        last[p_s] = owner
    return out
