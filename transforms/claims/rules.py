"""Claim rules: each turns a parsed ``Doc`` into raw findings (cue, content, speaker, certainty).

Families (tables of cue words live in :mod:`newslake.transforms.claims.cues`; quotation-driven rules in
:mod:`newslake.transforms.claims.quotes`):

- verb cues: "Officials said (that) P", "He claimed to be P", "I don't think P" (denied);
- object cues: "She called the plan a disaster", "He urged Congress to act", "They want to win";
- "according to X, P" and "P, according to X";
- noun cues: "made the claim that P", "rumors that P", "X dismissed reports that P" (a denial);
- passive cues: "X is rumored to P", "it is claimed that P" (speaker None unless "by X");
- adverb cues: "X reportedly did P" (speaker None).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Token

from newslake.transforms.claims import cues
from newslake.transforms.claims.spans import speaker_phrase

@dataclass(frozen=True)
class Found:
    """A rule's raw finding, in token indices (end exclusive)."""

    cue: tuple[int, int]
    content: tuple[int, int]
    speaker: Token | None  # head token of the speaker phrase
    certainty: str
    marker: Token | None  # the word that sets a non-neutral certainty ("rumored", "dispel")


def lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``, inherited through conj/xcomp/-ing adverbials and relative clauses.

    "Smith arrived and said ..." -> Smith; "a militant who Lemon notes ..." -> Lemon;
    "Smith, who said ..." -> Smith; "..., saying ..." -> the subject of the main verb.
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = [c for c in subjects if c.lower_ not in cues.RELATIVE_PRONOUNS]
    if named:  # two subjects are a parse error: a pronoun right before the verb is its subject ("The dry
        # fall damaged pastures, the cold winter raised feed demands ..., they said": they); otherwise
        # the first ("Many remisiers and dealers criticised", "Acme Inc, 65.3 pct owned by X, said")
        # the first when the two are coordinated or the later one is a modifier set off by commas
        # ("Many remisiers and dealers criticised", "Acme Inc, 65.3 pct owned by X, said")
        if len(named) > 1 and _later_subject(named[0], named[-1], verb):
            return named[-1]
        return named[0]
    if subjects and verb.dep_ == "relcl":
        return verb.head
    if depth == 0 and verb.dep_ == "xcomp" and lemma(verb.head) in cues.OBJECT_CONTROL and any(
            c.dep_ in ("dobj", "dative") and c.i < verb.i for c in verb.head.children):
        return None  # "pressing the government to explain": the government would explain, not the subject
    head = verb.head
    if depth < 3 and verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB" and head.dep_ in (
            "ccomp", "xcomp") and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children) and not any(
            c.dep_ == "aux" for c in verb.children):
        # "Stoltenberg suggested that the U.K. should join the EMS and also urged ...": "urged" cannot
        # share "should"; it is the speaker's, coordinated with the cue
        return subject(head.head, depth + 1)
    if depth < 3 and verb.head != verb:
        ing = verb.tag_ == "VBG" or verb.lower_.endswith("ing")
        if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and ing):
            return subject(verb.head, depth + 1)
    return None


def _later_subject(first: Token, last: Token, verb: Token) -> bool:
    """Of two subjects the parse gave one verb, whether the later is the verb's: it stands right
    before the verb, holds no comma, and either a comma (but no "and") parts it from the first
    ("The dry fall damaged pastures, the cold winter raised ..., they said"; "In testimony before
    Sen. Frank Lautenberg's committee, a press statement said") or it is the name the first, a
    description, stands before ("Dutch chemicals group Akzo NV said")."""
    doc = verb.doc
    if not first.i < last.i < verb.i or not any(ch.isalnum() for ch in last.text):
        return False
    k = verb.i - 1
    while k > last.i and doc[k].is_space:
        k -= 1
    if last.right_edge.i != k or any(t.text == "," for t in doc[last.left_edge.i : k + 1]):
        return False
    if last.ent_iob_ == "I" and doc[last.left_edge.i].ent_iob_ == "I":
        return False  # the end of a name begun before it ("Krapels of Energy Security Analysis, Inc said")
    between = doc[first.i + 1 : last.left_edge.i]
    if any(t.tag_ in ("WDT", "WP", "WP$") for t in doc[first.i + 1 : last.i]):
        return False  # "<AB Catena>, in which AB Volvo has a 48 pct stake, said": Catena
    if any(t.text == "," for t in between) and not any(t.dep_ == "cc" and t.head.i == first.i for t in between):
        return True
    return first.pos_ == "NOUN" and last.pos_ == "PROPN" and last.left_edge.i == first.right_edge.i + 1


def can_be_source(tok: Token) -> bool:
    """Whether a subject can be the source of an attribution: a pronoun or a name, a person, an
    organisation, a document or data ("figures show", "the study found"), not "the recovery showed"."""
    from newslake.transforms.claims.speakers import DOCUMENT_NOUNS, ORG_DESCRIPTIONS, ORG_NOUNS, PERSON_NOUNS

    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in cues.SPEAKER_LABELS:
        return True
    lem = lemma(tok)
    return (lem in PERSON_NOUNS or lem in ORG_NOUNS or lem in ORG_DESCRIPTIONS or lem in DOCUMENT_NOUNS
            or lem in cues.EVIDENCE_NOUNS or lem.endswith(("man", "woman", "person")))


def _span_of(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def fallback_subject(verb: Token) -> Token | None:
    """A name or pronoun right before a finite cue the parser left without a subject.

    "In a meeting with the board Trump said that ..." (parsed with "Trump" as a pobj).
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    prev = verb.doc[i] if i >= 0 else None
    if prev is not None and prev.pos_ in ("PROPN", "PRON"):
        return None if prev.lower_ in cues.RELATIVE_PRONOUNS else prev
    return None


def _pick_complement(verb: Token, comps: list[Token], quoted: frozenset[int]) -> Token | None:
    """Of several complements prefer a "that" clause, then a quoted one, then one after the cue.

    "Smith outlined X, he said that P" -> P; "“P,” Warren told him, after ..." -> P
    """
    def score(c: Token) -> tuple[bool, bool, bool]:
        marked = any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in c.children)
        left, right = c.left_edge.i, c.right_edge.i
        in_quote = any(i in quoted for i in range(left, right + 1))
        return marked, in_quote, c.i > verb.i
    return max(comps, key=score) if comps else None


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite_clause(comp: Token) -> bool:
    """Whether a complement is a finite clause ("found that the pilot erred", "found the pilot had
    erred"), not a small clause ("found it hard to believe", "found the offer inadequate")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
        return True
    return comp.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS
                                             for c in comp.children)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _aside(cue: Token, speaker: Token, quoted: frozenset[int], certainty: str) -> bool:
    """A first-person belief or wish inside a quotation hedges the quote; it is no claim.

    "“I think he is right,” Smith said." -> one claim, Smith's.
    """
    return (certainty in ("hedged", "denied", "intended", "demanded") and cue.i in quoted
            and speaker.lower_ in cues.OTHER_PRONOUNS)


_ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "warn", "remind", "advise", "notify", "brief", "promise"})
"""Speech verbs whose object is the addressee: "told reporters the list included 60 items"."""
_NARRATION = frozenset({"decline", "refuse", "elaborate", "comment", "give", "provide", "disclose", "specify",
                        "identify", "name", "detail", "reveal"})
"""Verbs of a conjunct that narrates about the speaker, not what the speaker said ("... but he
did not say for how long", "... but declined to elaborate")."""


def _content_of(cue: Token, comp: Token, comps: list[Token], speaker: Token) -> tuple[int, int]:
    """Token span of a verb cue's content: the complement's subtree, and

    * before a postposed cue ("P1, but P2, he said"), every complement before the cue, up to the
      speaker ("..., approved by the commission, Pacific Gas and Electric said": the parse may hang
      the speaker's name on the content);
    * without a trailing conjunct in which the writer narrates about the speaker: "he thinks rates
      will stay stable but he did not say for how long" -> "rates will stay stable".
    """
    start, end = _span_of(comp)
    if comp.i > cue.i and lemma(cue) not in _ADDRESSEE_VERBS:
        # "He recalled the Sogenal offer was for 4.95 mln shares": the parse made the complement's
        # subject the cue's object; it belongs to the content (not a time of the saying: "said
        # Monday that ...")
        obj = next((c for c in cue.rights if c.dep_ in ("dobj", "npadvmod") and c.i < start), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN", "NUM") and not _time_word(obj):
            start = obj.left_edge.i
        start = _past_time_of_cue(cue, start, end)
    if comp.i > cue.i:
        start = _past_addressee(cue, start, end)
        start = _fronted_phrase(cue, comp, start)
        end = _list_continued(cue, comp, comps, end)
    before = [c for c in comps if c.i < cue.i]
    if comp.i < cue.i and len(before) > 1:
        start, end = min(c.left_edge.i for c in before), max(c.right_edge.i for c in before) + 1
    if comp.i < cue.i:  # "The dry fall damaged pastures, the cold winter raised ..., they said": the
        # parse took the content's first clause as a second subject of the cue
        stray = [c for c in cue.children if c.dep_ == "nsubj" and c.i != speaker.i and c.i < start
                 and c.right_edge.i < comp.i and not _speaker_like(c)]
        if stray:
            start = min(c.left_edge.i for c in stray)
    if comp.i > cue.i:
        end = stray_conjuncts(cue, end)
    if start <= speaker.i < end and speaker.i > comp.i and comp.i < cue.i:
        s_start, _ = speaker_phrase(speaker)
        end = max(start + 1, min(end, s_start))
    for conj in (c for c in comp.rights if c.dep_ == "conj"):
        subj = next((c for c in conj.children if c.dep_ == "nsubj"), None)
        narrates = (lemma(conj) in cues.VERB_CUES and _speaks(conj, subj)) or (lemma(conj) in _NARRATION and (
            subj is not None or _negated(conj) or _refuses_to_speak(conj)))  # "..., but could not give any details"
        narrates = narrates or _other_tense(comp, conj)
        if narrates and (subj is None or subj.lower_ == speaker.lower_):
            cc = next((c for c in comp.rights if c.dep_ == "cc" and c.i < conj.i), None)
            end = min(end, (cc.i if cc is not None else conj.left_edge.i))
            break
    return start, end


_PARTITIVES = frozenset("total number majority minority group lot most some many all half part".split())


def _can_take_a_stance(tok: Token) -> bool:
    """Whether the subject of a stance verb can hold a stance: one who can speak (:func:`_speaker_like`),
    or a plural that may be people the tables do not list ("Many remisiers criticised"); a partitive
    by what it counts ("A total of 294 deputies support"). Not "The 20-year loan supports a project"."""
    if lemma(tok) in _PARTITIVES:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            tok = pobj
    return _speaker_like(tok) or tok.tag_ == "NNS"


def _speaker_like(tok: Token) -> bool:
    """Whether a second subject of a cue could be a source itself (a pronoun, a name, a person):
    then it is no clause of the content."""
    return tok.pos_ in ("PRON", "PROPN") or bool(tok.ent_type_) or can_be_source(tok)


_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})


def stray_conjuncts(cue: Token, end: int) -> int:
    """The end of a content after its cue carried over noun conjuncts the parse coordinated with
    the cue verb, which no noun can be: "it sees 1987/88 as a year of reconstruction and
    consolidation" ("consolidation" hung on "sees") -> up to "consolidation" and what it holds."""
    doc = cue.doc
    for conj in sorted((c for c in cue.rights if c.dep_ == "conj" and c.i >= end), key=lambda c: c.i):
        gap = doc[end : conj.left_edge.i]
        if conj.pos_ not in _NOMINAL or not all(t.lower_ in ("and", "or", ",") for t in gap):
            break
        end = conj.right_edge.i + 1
    return end


_REFUSALS_TO_SPEAK = frozenset({"decline", "refuse"})


def _refuses_to_speak(conj: Token) -> bool:
    """ "..., but declined to say how much each man got": the writer on the speaker, no content."""
    return lemma(conj) in _REFUSALS_TO_SPEAK and any(
        c.dep_ == "xcomp" and (lemma(c) in cues.VERB_CUES or lemma(c) in _NARRATION) for c in conj.children)


def _other_tense(comp: Token, conj: Token) -> bool:
    """Whether a finite speech verb the parse coordinated with a modal content cannot be its
    conjunct: "suggested that the U.K. should join the EMS and also urged some members to ..."
    ("urged" cannot share "should": the speaker urged)."""
    return (lemma(conj) in cues.VERB_CUES or lemma(conj) in cues.INTENT_CUES) and conj.tag_ in ("VBD", "VBZ") and (
        comp.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in comp.children)
        and not any(c.dep_ in ("aux", "nsubj") for c in conj.children))


def _speaks(conj: Token, subj: Token | None) -> bool:
    """Whether a speech verb coordinated with the content is the speaker speaking again ("he said
    rates would rise and added that ..."), not something the content's subject did: with no subject
    of its own it must report a clause ("added that ...", "warned prices could fall") and have no
    object; "the meeting noted with satisfaction an improvement and urged it to continue" is what the
    meeting did, all of it content."""
    if subj is not None:
        return True
    return (any(c.dep_ == "ccomp" for c in conj.children)
            and not any(c.dep_ in ("dobj", "dative") for c in conj.children))


_TIME_LABELS = frozenset({"DATE", "TIME"})
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
    "week month year weekend morning afternoon evening night day earlier later".split())
_TIME_MODIFIERS = frozenset({"last", "next", "this", "early", "late", "on", "the"})


def _time_word(tok: Token) -> bool:
    """Whether a token heads a time expression ("Monday", "last week", "yesterday")."""
    return tok.ent_type_ in _TIME_LABELS or tok.lower_ in _TIME_WORDS


def _past_time_of_cue(cue: Token, start: int, end: int) -> int:
    """The content's start moved past a time phrase right after the cue, which says when the
    source spoke: "said Monday that P", "said last week the deficit would widen",
    "said yesterday the troops had left" -> P, "the deficit would widen", "the troops had left".

    Only a time phrase that is a bare adverbial (not a subject or a possessive: "said last week's
    figures were wrong" keeps its content) and that more of the content follows."""
    doc = cue.doc
    if start <= cue.i or any(not t.is_punct for t in doc[cue.i + 1 : start]):
        return start
    j = start
    while j < end and (_time_word(doc[j]) or doc[j].lower_ in _TIME_MODIFIERS):
        j += 1
    if j == start or not any(_time_word(t) for t in doc[start:j]):
        return start
    phrase = doc[start:j]
    if phrase.root.dep_ not in ("npadvmod", "tmod", "advmod") or any(
            t.dep_ == "poss" or t.tag_ == "POS" for t in doc[start : j + 1]):
        return start
    while j < end and doc[j].is_punct:
        j += 1
    return j if end - j >= 2 else start


def _fronted_phrase(cue: Token, comp: Token, start: int) -> int:
    """The content's start moved back over a phrase the parse hung on the cue that opens the
    content, set off from its clause by a comma: "The department said in the Corn Belt and Northern
    Plains, which suffered losses, declines appear to be moderating" -> from "in the Corn Belt".
    Not with "that" ("said in a statement that ...": where it was said) nor a time of the saying."""
    doc = cue.doc
    k = start
    while k < len(doc) and (doc[k].is_punct or doc[k].is_space):
        k += 1
    if any(c.dep_ == "mark" for c in comp.children) or k < 2 or doc[k - 1].text != ",":
        return start
    prep = next((c for c in cue.rights if c.dep_ == "prep" and c.right_edge.i == k - 2), None)
    if prep is None or prep.i != cue.i + 1 or lemma(prep) not in ("in", "on", "at", "for", "among", "outside"):
        return start
    if any(_time_word(g) for g in prep.children) or any(lemma(g) in ("statement", "interview", "speech", "letter",
                                                                    "report", "release", "filing", "testimony")
                                                        for g in prep.children):
        return start
    return prep.i


def _past_addressee(cue: Token, start: int, end: int) -> int:
    """The content's start moved past the addressee of a speech verb that the parse hung on the
    content: "Yeutter told Reuters bilateral trade disputes are increasing" -> "bilateral trade
    disputes are increasing" (a name right after "told"/"assured"/... with no object of its own,
    taken as a modifier of the content's subject)."""
    doc = cue.doc
    if lemma(cue) not in _ADDRESSEE_VERBS or start != cue.i + 1 or any(
            c.dep_ in ("dobj", "dative") for c in cue.children):
        return start
    tok = doc[start]
    if tok.ent_type_ not in ("ORG", "PERSON", "NORP", "GPE") or tok.ent_iob_ != "B":
        return start
    k = start + 1
    while k < end and doc[k].ent_iob_ == "I":
        k += 1
    name = doc[start:k]
    if name.root.dep_ not in ("nmod", "compound", "npadvmod", "poss") or end - k < 3:
        return start
    return k


def _list_continued(cue: Token, comp: Token, comps: list[Token], end: int) -> int:
    """The content's end carried over more complements of the cue that continue it as a list:
    "He said prices rose in January, fell in February, and were flat in March" (the parse hung
    "fell" on "said", beside "rose") -> up to "March". A later complement joins only when nothing
    but commas and "and"/"or" stand between it and the content."""
    if comp.i < cue.i:
        return end
    doc = cue.doc
    for c in sorted((c for c in comps if c.i > comp.i and c.left_edge.i >= end), key=lambda c: c.i):
        gap = doc[end : c.left_edge.i]
        last = end - 1
        while last > comp.i and doc[last].is_space:
            last -= 1
        if doc[last].text in (".", "!", "?") or not all(t.text in (",", ";") or t.lower_ in ("and", "or") for t in gap):
            break  # never past a full stop: "... Hoover Dam. Edison said ..." is a new sentence
        end = c.right_edge.i + 1
    return end


def _postposed_content(cue: Token, speaker: Token) -> tuple[int, int] | None:
    """The clause before ", X said." when the parse gave the cue no complement: from the sentence
    start to the comma before the speaker (or before the cue: ", said X"), if it holds a verb.

    "Demand for oil rose, the agency said." -> "Demand for oil rose"."""
    doc, sent = cue.doc, cue.sent
    if cue.dep_ != "ROOT":
        return None
    s_start, s_end = speaker_phrase(speaker)
    first = min(s_start, cue.i) if s_start < cue.i else cue.i
    if s_start > cue.i and s_end > sent.end:
        return None
    comma = first - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    body = doc[sent.start : comma]
    if len(body) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in body):
        return None
    return sent.start, comma


def _verb_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[Found]:
    """Speech and belief verbs: "Officials said the bridge was closed."

    A negated cue is no claim ("He did not say that he won": nobody claims anything), except a
    belief verb, whose negation moves into the content ("I don't think he won" -> denied).
    """
    phrasal = {verb for verb, _ in cues.PHRASAL_CUES}
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        lem = lemma(tok)  # a cue lemma first: a token's children are a scan of its subtree
        if (lem not in cues.VERB_CUES and lem not in phrasal) or any(c.dep_ == "auxpass" for c in tok.children):
            continue
        prt = next((c for c in tok.rights if c.dep_ in ("prt", "acomp")), None)
        certainty = cues.PHRASAL_CUES.get((lem, prt.lower_)) if prt is not None else None
        cue_end = prt.i + 1 if certainty else tok.i + 1
        certainty = certainty or cues.VERB_CUES.get(lem)
        if certainty is None:
            continue
        if _negated(tok):
            if lem not in cues.NEG_RAISING:
                continue
            certainty = "denied"
        deps = ("ccomp", "xcomp") if lem in cues.XCOMP_CUES else ("ccomp",)
        comps = [c for c in tok.children if c.dep_ in deps]
        comp = _pick_complement(tok, comps, quoted)
        speaker = subject(tok) or fallback_subject(tok)
        if speaker is not None and speaker.i in quoted and tok.i not in quoted:
            # "“..., no new ideas,” a dealer at a bank said": the parse took a quoted word as the
            # subject and the speaker as its apposition
            speaker = next((c for c in speaker.children if c.dep_ == "appos" and c.i not in quoted), speaker)
        if comp is None and speaker is not None and certainty in cues.TAG_CERTAINTIES:
            span = _postposed_content(tok, speaker)
            if span is not None:  # "Demand for oil rose, the agency said." parsed without a ccomp
                if not any(i in quoted for i in range(*span)):  # quotations have their own rule
                    yield Found((tok.i, cue_end), span, speaker, certainty, tok)
                continue
        if comp is None or speaker is None or _aside(tok, speaker, quoted, certainty):
            continue
        if lem in cues.EVIDENTIAL_CUES and not can_be_source(speaker):
            continue
        if lem in cues.FINITE_ONLY_CUES and not _finite_clause(comp):
            continue  # "Analysts find it hard to believe ...": a judgment of difficulty, no finding
        yield Found((tok.i, cue_end), _content_of(tok, comp, comps, speaker), speaker, certainty, tok)


def _object_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[Found]:
    """Verbs whose object (with its predicate) is the content.

    "She called the plan a disaster" -> "the plan a disaster" (claimed);
    "He described the talks as useful" -> "the talks as useful";
    "He urged Congress to act" -> "Congress to act" (demanded); "They want to win" -> "to win" (intended);
    "They called for an inquiry" -> "an inquiry" (demanded).
    """
    for tok in doc:
        if tok.pos_ != "VERB" or _negated(tok) or any(c.dep_ == "auxpass" for c in tok.children):
            continue
        lem = lemma(tok)
        speaker = subject(tok) or fallback_subject(tok)
        if speaker is None or lemma(speaker) in cues.INSTRUMENT_NOUNS:
            continue  # "The agreement calls for a joint venture": a term, not a demand
        kids = list(tok.rights)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if lem in cues.NAMING_CUES and obj is not None:
            pred = next((c for c in kids if c.i > obj.i and (
                c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"))),
                None)
            if pred is not None:
                yield Found((tok.i, tok.i + 1), (obj.left_edge.i, stray_conjuncts(tok, pred.right_edge.i + 1)),
                            speaker, cues.NAMING_CUES[lem], tok)
            continue
        prep = next((c for c in kids if c.dep_ == "prep" and (lem, c.lower_) in cues.PREP_CUES), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and not any(c.dep_ in ("xcomp", "ccomp") for c in kids):  # "called for an inquiry"
            yield Found((tok.i, prep.i + 1), (pobj.left_edge.i, pobj.right_edge.i + 1), speaker,
                        cues.PREP_CUES[(lem, prep.lower_)], tok)
            continue
        certainty = cues.INTENT_CUES.get(lem)
        comp = next((c for c in kids if c.dep_ in ("xcomp", "ccomp")), None)
        if certainty is None or comp is None or comp.tag_ not in ("VB", "VBN", "VBG"):
            stance = cues.STANCE_CUES.get(lem)
            if stance is not None and obj is not None and not obj.lower_ in cues.OTHER_PRONOUNS and not (
                    lemma(speaker) in cues.MARKET_FORCES and lem in cues.FORCE_SENSES) and _can_take_a_stance(speaker):
                # not "Firm fob prices supported sunflowerseed oil values": a market force is no source;
                # nor "The 20-year loan supports a project": a thing that cannot speak takes no stance
                # (a plural may be people the tables do not list: "Many remisiers criticised")
                end = obj.right_edge.i + 1
                pp = next((c for c in kids if c.dep_ == "prep" and c.i == end), None)
                if pp is not None and pp.lower_ in ("of", "for", "as"):  # "accused X of Y"
                    end = pp.right_edge.i + 1
                yield Found((tok.i, tok.i + 1), (obj.left_edge.i, end), speaker, stance, tok)
            continue
        if _aside(tok, speaker, quoted, certainty):
            continue
        start = obj.left_edge.i if obj is not None and obj.i < comp.i else comp.left_edge.i
        agent = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "for" and c.i < comp.i
                      and any(g.dep_ == "pobj" for g in c.children)), None)
        if agent is not None and obj is None and not (lem, "for") in cues.PREP_CUES:
            start = agent.i  # "agreed in principle for Indian LP to purchase ...": who is to purchase
        yield Found((tok.i, tok.i + 1), (start, _infinitives_continued(tok, comp)), speaker, certainty, tok)


def _infinitives_continued(cue: Token, comp: Token) -> int:
    """The end of an intention's content carried over the bare infinitives the parse coordinated
    with the cue instead of with its complement: "Morocco intended to stop rescheduling its debts,
    and pay them off instead" ("pay" cannot share the tense of "intended": it continues "to stop").
    Only a base form without a subject of its own coordinated with a finite cue."""
    end = comp.right_edge.i + 1
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return end
    for conj in cue.rights:
        if conj.dep_ != "conj" or conj.i < end:
            continue
        if conj.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in conj.children):
            break
        end = conj.right_edge.i + 1
    return end


def _passive_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[Found]:
    """ "He is rumored to be dead." / "It is claimed that ..." (source unnamed unless "by X").

    With an infinitive the content starts at the subject: "The plant is expected to open in 1991"
    -> "The plant is expected to open in 1991" (without it, "to open in 1991" says of nothing)."""
    for tok in doc:
        lem = lemma(tok)
        if lem not in cues.PASSIVE_CUES:
            continue
        aux = next((c for c in tok.children if c.dep_ == "auxpass"), None)
        if aux is None or aux.i > tok.i:
            continue
        comp = next((c for c in tok.rights if c.dep_ in ("xcomp", "ccomp")), None)
        if comp is None:
            continue
        start, end = _span_of(comp)
        if comp.dep_ == "xcomp":  # "to be dead - killed in fighting": the rest of the clause
            for c in tok.rights:
                finite = c.tag_ in ("VBD", "VBZ", "VBP", "MD") or c.dep_ == "cc"
                if c.i > comp.i and c.dep_ not in ("punct",) and not finite:
                    end = max(end, c.right_edge.i + 1)
                elif c.i > comp.i and finite:
                    break
        subj = next((c for c in tok.lefts if c.dep_ == "nsubjpass"), None)
        if tok.dep_ == "relcl" and any(c.lower_ in cues.RELATIVE_PRONOUNS and c.dep_ in ("dobj", "pobj")
                                       for c in (*tok.children, *comp.children)):
            continue  # "the measures which Lawson is expected to announce": the measures are the topic
        if comp.dep_ == "xcomp" and subj is not None and subj.lower_ not in ("there", *cues.RELATIVE_PRONOUNS):
            start = subj.left_edge.i  # "The machine is expected to run by 1991": what is expected of what
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        yield Found((aux.i, tok.i + 1), (start, end), by, cues.PASSIVE_CUES[lem], tok)


def _according_to(doc: Doc, quoted: frozenset[int]) -> Iterator[Found]:
    """ "According to X, P." and "P, according to X." """
    for tok in doc[:-1]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None or lemma(obj) in cues.NON_SOURCES:
            continue
        sent = tok.sent
        before = [t for t in doc[sent.start : tok.i] if not (t.is_punct or t.is_space)]
        if before and doc[tok.i - 1].text != ",":  # "live according to the law": no source
            continue
        _, phrase_end = speaker_phrase(obj)
        # skip ", who researches X," or ", a researcher at Y," after the source
        nxt = doc[phrase_end] if phrase_end < sent.end else None
        if nxt is not None and nxt.text == "," and phrase_end + 1 < sent.end:
            after = doc[phrase_end + 1]
            appos = after.head == obj and after.dep_ == "appos"
            if after.lower_ in cues.RELATIVE_PRONOUNS or appos:
                comma = next((t.i for t in doc[phrase_end + 1 : sent.end] if t.text == ","), None)
                phrase_end = comma if comma is not None else phrase_end
        content = (sent.start, tok.i) if before else (phrase_end, _before_tag(sent, phrase_end))
        yield Found((tok.i, to.i + 1), content, obj, "reported", None)


def _before_tag(sent, start: int) -> int:
    """The end of a stretch of ``sent`` from ``start`` without the speech tag that closes the
    sentence: "According to filings, Mark IV owns 17.6 pct of Baird's stock, Baird said." -> up to
    "stock" (", Baird said" is another source's tag, with its own claim)."""
    doc, root = sent.doc, sent.root
    if lemma(root) not in cues.VERB_CUES or root.i <= start:
        return sent.end
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i > start), None)
    first = min(root.i, subj.left_edge.i) if subj is not None else root.i
    if first > start and doc[first - 1].text == "," and all(
            t.is_punct or t.is_space for t in doc[max(root.i, subj.i if subj is not None else root.i) + 1 : sent.end]):
        return first - 1
    return sent.end


def _governing_verb(noun: Token) -> tuple[Token | None, int]:
    """The verb whose object ``noun`` is, and where the cue starts (a controlling verb).

    "attempts to dispel rumors" -> (dispel, index of "attempts")
    """
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ not in ("VERB", "AUX"):
        return None, noun.i
    verb = noun.head
    start = verb.i
    if verb.dep_ == "xcomp" and lemma(verb.head) in cues.CONTROL_VERBS and verb.head.i < verb.i:
        start = verb.head.i
    return verb, start


def _noun_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[Found]:
    """ "He made the claim that P", "rumors that P", "She denied reports that P"."""
    for tok in doc:
        lem = lemma(tok)
        if tok.pos_ not in ("NOUN", "PROPN") or lem not in cues.NOUN_CUES:
            continue
        comp = next(
            (c for c in tok.rights
             if c.dep_ in ("acl", "ccomp", "appos", "relcl")
             and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
            None,
        )
        if comp is None:
            continue
        certainty, marker = cues.NOUN_CUES[lem], tok
        verb, cue_start = _governing_verb(tok)
        speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
        if speaker is not None and speaker.ent_type_ in ("DATE", "TIME"):
            speaker = None  # "last week's announcement": a time, not a source
        by = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" and c.i < comp.i
                   for g in c.children if g.dep_ == "pobj"), None)
        speaker = speaker or by  # "the announcement by Brazil that ..."
        if speaker is None and verb is None and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "through") and (
                tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB"):
            speaker = subject(tok.head.head)  # "Pioneer recommended in a statement that ...": Pioneer's statement
        if verb is not None and lemma(verb) in cues.DENIAL_VERBS:
            certainty, marker, speaker = "denied", verb, subject(verb)
        elif verb is not None and lemma(verb) in cues.SUPPORT_VERBS:
            speaker = subject(verb)
        else:
            cue_start = tok.i
        yield Found((cue_start, tok.i + 1), _span_of(comp), speaker, certainty, marker)


def _adverb_cues(doc: Doc, quoted: frozenset[int]) -> Iterator[Found]:
    """ "Tajikistan has reportedly blocked access ..." -> the whole clause, speaker None."""
    for tok in doc:
        certainty = cues.ADVERB_CUES.get(tok.lower_)
        if certainty is None or tok.head == tok:
            continue
        yield Found((tok.i, tok.i + 1), _span_of(tok.head), None, certainty, tok)


RULES = (_verb_cues, _according_to, _noun_cues, _passive_cues, _adverb_cues, _object_cues)
