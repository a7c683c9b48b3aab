"""Rules that fix the statistical model's named entities, as one pass over a ``Doc``.

Each rule is a small function over a :class:`Spans` working set (token spans with a label and
whether a rule touched them); :func:`fix_entities` runs them in order and writes ``doc.ents``.
The lexicons are data, at the top of the module. Labels the model gave are kept on
``doc._.newslake_model_ents`` as ``[start_char, end_char, label]`` lists.

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Lemon", "said", "Edward", "Lemon", "spoke", "."]
>>> doc = Doc(spacy.blank("en").vocab, words=words, ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"])
>>> [(e.text, e.label_) for e in fix_entities(doc).ents]
[('Lemon', 'PERSON'), ('Edward Lemon', 'PERSON')]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from newslake.transforms.entities.lexicons import (
    ALIAS_CUES,
    ALIAS_CUES_AFTER_COMMA,
    CORPORATE_SUFFIXES,
    NAME_TITLES,
    NON_NAME_ABBREVIATIONS,
    PORTFOLIOS,
    ROLE_NOUNS,
    ORG_NAME_HEADS,
    PLACE_NAME_HEADS,
    LOCATIVE_PREPS,
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_NOUNS_AFTER,
    PLACE_NOUNS_BEFORE,
    REPORTING_VERBS,
    DANGLING,
    TABLE_WORDS,
    TRAILING,
)
from newslake.transforms.entities.actors import given_names, known_actors
from newslake.transforms.entities.gazetteer import Gazetteer, default_gazetteer, place_key
from newslake.transforms.keys import NAMED_LABELS

__all__ = ["Spans", "fix_entities", "alias_links"]
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


@dataclass
class Ent:
    start: int  # token offsets
    end: int
    label: str
    by_rule: bool = False


class Spans:
    """The working set of entity spans over one ``Doc``."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.items = [Ent(e.start, e.end, e.label_) for e in doc.ents]

    @functools.cached_property
    def doc_text(self) -> str:
        """``doc.text`` (which spaCy joins from the tokens on every access), joined once."""
        return self.doc.text

    def at(self, i: int) -> Ent | None:
        for e in self.items:
            if e.start <= i < e.end:
                return e
        return None

    def starting(self, i: int) -> Ent | None:
        return next((e for e in self.items if e.start == i), None)

    def free(self, start: int, end: int) -> bool:
        return all(e.end <= start or e.start >= end for e in self.items)

    def add(self, start: int, end: int, label: str) -> Ent | None:
        if start >= end or not self.free(start, end):
            return None
        ent = Ent(start, end, label, True)
        self.items.append(ent)
        return ent

    def named(self) -> list[Ent]:
        return [e for e in self.items if e.label in NAMED_LABELS]

    def text(self, e: Ent) -> str:
        return self.doc[e.start:e.end].text


def _cap(tok) -> bool:
    return tok.text[:1].isupper()


@functools.lru_cache(maxsize=None)
def _string_ids(values: frozenset[str]) -> np.ndarray:
    return np.array(sorted(get_string_id(v) for v in values), dtype=np.uint64)


def _where(doc: Doc, attr: str, values: frozenset[str]) -> np.ndarray:
    """Token indices (in order) whose ``attr`` (``"LOWER"``, ``"DEP"``, ``"TAG"``) is one of
    ``values``, read from the doc's arrays: a rule that looks at a few words of the lexicon skips
    the rest of the doc without making a ``Token`` per word."""
    if not len(doc):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.isin(doc.to_array(attr), _string_ids(values)))


def _proper_run_left(doc: Doc, end: int) -> int:
    """Start of the run of capitalised proper nouns (and inner hyphens) ending at ``end``."""
    i = end
    while i > 0:
        t = doc[i - 1]
        if _cap(t) and t.tag_ in ("NNP", "NNPS"):
            i -= 1
        elif t.text in ("-", "&") and i - 2 >= 0 and _cap(doc[i - 2]) and i < end:
            i -= 1
        else:
            break
    return i


def _proper_run_right(doc: Doc, start: int) -> int:
    j = start
    while j < len(doc) and _cap(doc[j]) and doc[j].tag_ in ("NNP", "NNPS"):
        j += 1
    return j


def drop_uncapitalised(spans: Spans) -> None:
    """A named entity has a capitalised word or a digit: "mosques" tagged FAC is dropped."""
    spans.items = [
        e for e in spans.items
        if e.label not in NAMED_LABELS
        or any(t.text[:1].isupper() or t.text[:1].isdigit() for t in spans.doc[e.start:e.end])
    ]


def trim_edges(spans: Spans) -> None:
    """No leading "the" or "<", no trailing possessive, punctuation or dangling "of": "The
    University of Michigan 's" -> "University of Michigan", "<Dubin Clark and Co>" -> "Dubin
    Clark and Co". A span left with nothing but punctuation is dropped."""
    doc = spans.doc
    for e in spans.named():
        while e.end - e.start > 1 and (doc[e.start].lower_ == "the" or doc[e.start].text in ("<", ">")
                                       or (doc[e.start].is_lower and doc[e.start].is_alpha
                                           and doc[e.start].lower_ not in NAME_PARTICLES)):
            e.start += 1  # "the next Organization of ..." -> "Organization of ..."
        if (doc[e.end - 1].lower_ == "of" and e.end < len(doc) and doc[e.end].like_num
                and spans.at(e.end) in (None,) + tuple(x for x in spans.items if x.label not in NAMED_LABELS)):
            # "the Group of" + "Seven": the number is part of the name
            spans.items = [x for x in spans.items if not (x.start == e.end and x.label not in NAMED_LABELS)]
            e.end += 1
        while e.end - e.start > 1 and (doc[e.end - 1].lower_ in TRAILING or doc[e.end - 1].is_punct
                                       or doc[e.end - 1].lower_ in DANGLING):
            e.end -= 1
    spans.items = [e for e in spans.items if e.label not in NAMED_LABELS
                   or any(c.isalnum() for c in doc[e.start:e.end].text)]


def table_line(text: str) -> bool:
    """A line of a wire-copy table: two or more numbers and fewer than four lowercase words.

    >>> table_line("Shr 1.20 dlrs vs 1.05 dlrs"), table_line("Revs 4,357,000 vs 6,494,000")
    (True, True)
    >>> table_line("Arrivals for the week ended February 22 were 155,221 bags")
    False
    """
    nums = re.findall(r"\d[\d,.]*", text)
    words = re.findall(r"\b[a-z]{3,}\b", text)
    return len(nums) >= 2 and len(words) < 4


def _abbreviation(text: str) -> str:
    """``text`` as a look-up key of :data:`NON_NAME_ABBREVIATIONS`: "ADRs" -> "adr", "G.M.T." -> "gmt"."""
    key = text.replace(".", "").strip()
    if len(key) > 2 and key.endswith("s") and key[:-1].isupper():
        key = key[:-1]
    return key.lower() if key.isupper() or key[:1].isdigit() or key[-1:].isdigit() else ""


def drop_wire_tables(spans: Spans) -> None:
    """Wire-copy tables and result lists name nobody: an entity on a table line ("Avg shrs
    12.1 mln vs 11.8 mln"), across a paragraph break, made only of table words ("Revs",
    "Shr") or only of company suffixes ("Co Inc"), or an abbreviation that names nothing ("GMT",
    "PSBR", "ADRs") is dropped."""
    doc, text = spans.doc, spans.doc_text
    keep = []
    for e in spans.items:
        if e.label in NAMED_LABELS:
            span = doc[e.start:e.end]
            s, t = span.start_char, span.end_char
            ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", t)
            line = text[ls:le if le >= 0 else len(text)]
            words = [w.lower_.rstrip(".") for w in span if w.is_alpha or w.text.rstrip(".").isalpha()]
            if (table_line(line) or "\n\n" in span.text or _abbreviation(span.text) in NON_NAME_ABBREVIATIONS
                    or (words and all(w in TABLE_WORDS for w in words))
                    or (e.label == "ORG" and all(w in CORPORATE_SUFFIXES or w in ("and", "&") for w in words))):
                continue
        keep.append(e)
    spans.items = keep


def add_bracketed_companies(spans: Spans) -> None:
    """Wire copy writes company names in angle brackets: "<Dubin Clark and Co> said" is one ORG
    (entities inside it give way). Tickers ("<MSFT.O>", "<TX>") are not names and are left out."""
    doc = spans.doc
    i = 0
    while i < len(doc):
        if doc[i].text != "<":
            i += 1
            continue
        j = next((k for k in range(i + 1, min(len(doc), i + 14)) if doc[k].text in (">", "<", "\n")), None)
        if j is None or doc[j].text != ">" or j == i + 1:
            i += 1
            continue
        inner = doc[i + 1:j]
        ticker = len(inner) == 1 and (inner.text.isupper() or "." in inner.text)
        if not ticker and _cap(inner[0]) and any(t.is_alpha and len(t) > 1 for t in inner):
            spans.items = [e for e in spans.items if e.end <= i + 1 or e.start >= j]
            spans.add(i + 1, j, "ORG")
        i = j + 1


def doubt_lone_names(spans: Spans, gazetteer: Gazetteer) -> None:
    """A one-word "person" that no full name of the document, no title or role before it and no
    dictionary backs is, in wire copy, mostly a company ("Cyacq", "Privatbanken", "Liffe"): it
    becomes an ORG, or a place when the gazetteer knows it as a country or a large city. Lone
    surnames of listed people ("Reagan", "Weinberger") stay people."""
    from newslake.transforms.entities.lexicons import NAME_TITLES, ROLE_NOUNS, ROLE_QUALIFIERS

    doc = spans.doc
    actors = known_actors()
    parts = {t.text for e in spans.named() if e.label == "PERSON" and e.end - e.start > 1
             for t in doc[e.start:e.end]}
    # a name the model also labels otherwise in this document is left to unify_surface_labels
    parts |= {spans.text(e) for e in spans.named() if e.label != "PERSON"}
    for e in spans.named():
        if e.label != "PERSON" or e.end - e.start != 1:
            continue
        tok = doc[e.start]
        prev = doc[e.start - 1].lower_.rstrip(".") if e.start > 0 else ""
        if (tok.text in parts or prev in NAME_TITLES or prev in ROLE_NOUNS or prev in ROLE_QUALIFIERS
                or actors.person_surname(tok.text) or actors.kind(tok.text) == "person"
                or not tok.text[:1].isupper() or len(tok.text) < 3):
            continue
        place = gazetteer.resolve(tok.text)
        if place is not None and (place.kind != "city" or place.population >= 100_000):
            e.label, e.by_rule = place.label, True
        else:
            e.label, e.by_rule = "ORG", True


def relabel_known_actors(spans: Spans) -> None:
    """Names the Phoenix dictionaries know take their kind: "Opec" tagged NORP is an ORG, a
    leader's full name tagged ORG is a PERSON. Acronyms must be written in capitals ("UN",
    not "Un"); one-word person names are left alone (a surname is no evidence)."""
    actors = known_actors()
    for e in spans.named():
        if e.label in ("GPE", "LOC", "FAC"):
            continue  # places: the gazetteer decides
        text = spans.text(e)
        if len(text) < 4 and not text.isupper():
            continue
        kind = actors.kind(text)
        if kind == "org" and e.label != "ORG" and e.label in ("NORP", "PERSON", "PRODUCT", "LAW", "WORK_OF_ART"):
            e.label, e.by_rule = "ORG", True
        elif kind == "person" and e.label != "PERSON" and e.end - e.start > 1:
            e.label, e.by_rule = "PERSON", True


def relabel_corporate_names(spans: Spans) -> None:
    """A "person" whose last word is a company suffix is an ORG: "Pirelli SpA"."""
    doc = spans.doc
    for e in spans.named():
        if e.label == "PERSON" and e.end - e.start > 1 and doc[e.end - 1].lower_.rstrip(".") in CORPORATE_SUFFIXES:
            e.label, e.by_rule = "ORG", True


def relabel_head_nouns(spans: Spans) -> None:
    """A "person" of several words that ends in an organisation or place noun and does not begin
    with a given name is an ORG ("Charter Oak Partners", "Gaspe Mines") or a LOC ("Bass Strait",
    "St Lawrence Seaway"); "Michael Bay" and "Paul Strait" stay people."""
    doc, known = spans.doc, given_names()
    for e in spans.named():
        if e.label != "PERSON" or e.end - e.start < 2:
            continue
        last, first = doc[e.end - 1].lower_, doc[e.start].text
        if first.capitalize() in known or known_actors().kind(spans.text(e)) == "person":
            continue
        if last in ORG_NAME_HEADS:
            e.label, e.by_rule = "ORG", True
        elif last in PLACE_NAME_HEADS:
            e.label, e.by_rule = "LOC", True


def extend_org_heads(spans: Spans) -> None:
    """NORP + organisation head is an ORG: "the Islamic State", "Islamic Jihad"."""
    doc = spans.doc
    for e in spans.named():
        if e.label == "NORP" and e.end < len(doc):
            nxt = doc[e.end]
            if _cap(nxt) and nxt.lower_ in ORG_HEADS and spans.at(e.end) is None:
                e.end, e.label, e.by_rule = e.end + 1, "ORG", True


def add_parenthesised_acronyms(spans: Spans) -> None:
    """An acronym in brackets after a noun phrase names an organisation:
    "the country's special police (OMON)" -> OMON/ORG. After a named entity it takes that
    entity's label: "the Kurdistan Workers Party (PKK)"."""
    doc = spans.doc
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not _ACRONYM.match(doc[i + 1].text):
            continue
        prev = doc[i - 1]
        if prev.pos_ not in ("NOUN", "PROPN") or prev.text.isupper():
            continue  # not after a noun, or inside an all-caps headline
        before = spans.at(i - 1)
        label = before.label if before and before.label in ("ORG", "NORP", "GPE") else "ORG"
        spans.add(i + 1, i + 2, "ORG" if label == "NORP" else label)


def add_place_nouns(spans: Spans) -> None:
    """Names next to a place noun are places: "Kulob district", "the village of Charmagon",
    "the Tajik capital, Dushanbe"."""
    doc = spans.doc
    for i in _where(doc, "LOWER", _PLACE_NOUNS).tolist():  # the other tokens meet neither test
        tok = doc[i]
        low = tok.lower_
        if low in PLACE_NOUNS_AFTER and tok.i > 0 and not _cap(tok):
            start = _proper_run_left(doc, tok.i)
            _make_place(spans, start, tok.i)
        if low in PLACE_NOUNS_BEFORE and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("of", ","):
            start = tok.i + 2
            _make_place(spans, start, _proper_run_right(doc, start))


_PLACE_NOUNS = PLACE_NOUNS_AFTER | PLACE_NOUNS_BEFORE
_PROPER_TAGS = frozenset(("NNP", "NNPS"))


def _make_place(spans: Spans, start: int, end: int) -> None:
    if start >= end:
        return
    e = spans.starting(start)
    if e is not None and e.end == end:
        if e.label in ("ORG", "PERSON", "NORP"):
            e.label, e.by_rule = "GPE", True
    else:
        spans.add(start, end, "GPE")


def add_reporting_subjects(spans: Spans) -> None:
    """An unlabelled proper name that is the subject of a reporting verb is a source:
    "Asia-Plus reported that ..." -> ORG; after a title or a known first name -> PERSON."""
    doc = spans.doc
    first_names = {spans.doc[e.start].text for e in spans.named()
                   if e.label == "PERSON" and e.end - e.start > 1}
    subjects = np.intersect1d(_where(doc, "DEP", frozenset(("nsubj",))), _where(doc, "TAG", _PROPER_TAGS))
    for i in subjects.tolist():  # sorted: the tokens in order, as a loop over the doc met them
        tok = doc[i]
        if tok.dep_ != "nsubj" or tok.tag_ not in ("NNP", "NNPS") or not _cap(tok):
            continue
        if tok.head.lemma_.lower() not in REPORTING_VERBS or tok.i > tok.head.i:
            continue
        start, end = _proper_run_left(doc, tok.i + 1), tok.i + 1
        if start == tok.i and tok.is_sent_start:
            continue  # a lone capitalised first word may be anything
        first = doc[start]
        if start > 0 and doc[start - 1].lower_.rstrip(".") in PERSON_TITLES:
            label = "PERSON"
        else:
            label = "PERSON" if first.text in first_names else "ORG"
        spans.add(start, end, label)


def relabel_by_lexicon(spans: Spans, gazetteer: Gazetteer) -> None:
    """Demonyms are NORP ("Tajik" tagged PERSON); countries, states and continents are
    places ("Tajikistan" tagged NORP); a known city after a locative preposition or before
    ", <country>" is a place ("fighting near Raqqa")."""
    doc = spans.doc
    for e in spans.named():
        text = spans.text(e)
        if e.label in ("PERSON", "ORG", "GPE", "LOC") and gazetteer.demonym(text):
            e.label, e.by_rule = "NORP", True
            continue
        if e.label not in ("NORP", "ORG", "PERSON"):
            continue
        place = gazetteer.resolve(text)
        if place is None:
            continue
        strong = place.kind in ("country", "admin1", "continent") and place_key(text) != "us"
        locative = e.start > 0 and doc[e.start - 1].lower_ in LOCATIVE_PREPS
        before_country = (e.end + 1 < len(doc) and doc[e.end].text == ","
                          and gazetteer.country(doc[e.end + 1].text) is not None)
        if strong or locative or before_country:
            e.label, e.by_rule = place.label, True
    # "a facility in Mont Belvieu, Texas": after a locative preposition and before ", <state or
    # country>", a name is a place even when the gazetteer does not know it
    for e in spans.named():
        if e.label in ("ORG", "PERSON", "FAC") and 0 < e.start and e.end + 1 < len(doc):
            if (doc[e.start - 1].lower_ in LOCATIVE_PREPS and doc[e.end].text == ","
                    and gazetteer.within(doc[e.end + 1].text) is not None
                    and gazetteer.resolve(spans.text(e)) is None and not spans.text(e).isupper()):
                e.label, e.by_rule = "GPE", True


def relabel_unknown_places(spans: Spans, gazetteer: Gazetteer) -> None:
    """Places and facilities that the document itself shows to be organisations become ORGs:

    * an acronym in capitals tagged as a place that the gazetteer does not know ("ICCO");
    * a one-word place, facility or product the gazetteer cannot place, or a one-word "person"
      no full name of the document ends with, that is the first word of an organisation's name
      in the same document ("Dome" beside "Dome Petroleum Ltd"; only a first word counts).
    """
    doc = spans.doc
    named = spans.named()
    org_first = {doc[e.start].text for e in named if e.label == "ORG" and e.end - e.start > 1}
    surnames = {doc[e.end - 1].text for e in named if e.label == "PERSON" and e.end - e.start > 1}
    for e in named:
        text = spans.text(e)
        if e.label in ("GPE", "LOC", "FAC", "PRODUCT", "PERSON") and e.end - e.start == 1:
            if e.label == "PERSON" and (text in surnames or known_actors().kind(text) == "person" or (
                    e.start > 0 and doc[e.start - 1].lower_.rstrip(".") in NAME_TITLES)):
                continue
            if e.label in ("GPE", "LOC") and gazetteer.resolve(text) is not None:
                continue
            if text in org_first or (text.isupper() and text.isalpha() and len(text) >= 3
                                     and e.label in ("GPE", "LOC")):
                e.label, e.by_rule = "ORG", True


def drop_non_names(spans: Spans) -> None:
    """Spans that name nothing on their own are dropped:

    * a single character ("S and P": "P");
    * a government portfolio tagged ORG as part of a role: before a role noun ("Energy
      Secretary John Herrington", "Finance Minister") or after "<role noun> of" ("Secretary of
      State"); the role itself is in ``entity_roles`` ("Exxon spokesman" keeps Exxon);
    * an acronym defined in brackets by lowercase words ("ordinary capital resources (OCR)"):
      a term, not an organisation; every mention of it in the document.
    """
    doc = spans.doc
    terms = set()
    for i in range(1, len(doc) - 2):
        if doc[i].text == "(" and doc[i + 2].text == ")" and _ACRONYM.match(doc[i + 1].text):
            acr = doc[i + 1].text
            words = [t for t in doc[max(0, i - len(acr)):i] if t.is_alpha]
            if (len(words) == len(acr) and "".join(t.text[0] for t in words).upper() == acr
                    and any(t.is_lower for t in words)):
                terms.add(acr)
    keep = []
    for e in spans.items:
        if e.label in NAMED_LABELS:
            text = spans.text(e)
            one = e.end - e.start == 1
            nxt = doc[e.end].lower_ if e.end < len(doc) else ""
            before = (doc[e.start - 2].lower_, doc[e.start - 1].lower_) if e.start > 1 else ("", "")
            if (len(text.strip(".")) <= 1 or text in terms
                    or (e.label == "ORG" and one and text.lower() in PORTFOLIOS
                        and (nxt in ROLE_NOUNS or (before[1] == "of" and before[0] in ROLE_NOUNS)))):
                continue
        keep.append(e)
    spans.items = keep


def add_missing_demonyms(spans: Spans, gazetteer: Gazetteer) -> None:
    """A capitalised demonym outside any entity, not part of a longer name, is NORP:
    "the Tajik capital"."""
    doc = spans.doc
    for tok in doc:
        if not _cap(tok) or spans.at(tok.i) is not None or tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and _cap(nxt) and nxt.pos_ == "PROPN":
            continue
        if tok.text.isupper() and len(tok) > 1:
            continue  # headline capitals
        if gazetteer.demonym(tok.text):
            spans.add(tok.i, tok.i + 1, "NORP")


def alias_links(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, int]]:
    """Find "X, who is also called Y" / "X (a.k.a. Y)" / "X alias Y": returns
    ``(index of X in spans, y_start, y_end)`` token offsets of Y (an entity or a proper-name
    run). ``spans`` are ``(start, end, label)`` token spans sorted by start."""
    found = []
    for k, (_, xend, label) in enumerate(spans):
        if label not in ("PERSON", "ORG"):
            continue
        i = xend
        weak_ok = False
        if i < len(doc) and doc[i].text in (",", "("):
            i, weak_ok = i + 1, True
        if i + 1 < len(doc) and doc[i].lower_ == "who" and doc[i + 1].lower_ in ("is", "was", "are", "were"):
            i, weak_ok = i + 2, True
        for cue in ALIAS_CUES + (ALIAS_CUES_AFTER_COMMA if weak_ok else ()):
            words = tuple(t.lower_ for t in doc[i:i + len(cue)])
            if words == cue:
                j = i + len(cue)
                while j < len(doc) and doc[j].text in ('"', "“", "'", "‘"):
                    j += 1
                y = next(((s, e) for s, e, _ in spans if s == j), None)
                if y is None:
                    y = (j, _proper_run_right(doc, j))
                if y[1] > y[0]:
                    found.append((k, y[0], y[1]))
                break
    return found


def apply_alias_links(spans: Spans) -> None:
    """The alias takes the name's label: "Nusrat Nazarov, who is also called Abu Kholidi
    Kulobi" makes "Abu Kholidi Kulobi" a PERSON."""
    named = sorted(spans.named(), key=lambda e: e.start)
    triples = [(e.start, e.end, e.label) for e in named]
    for k, ys, ye in alias_links(spans.doc, triples):
        target = spans.starting(ys)
        if target is not None and target.end == ye:
            if target.label != named[k].label:
                target.label, target.by_rule = named[k].label, True
        else:
            spans.add(ys, ye, named[k].label)


def link_name_parts(spans: Spans, gazetteer: Gazetteer) -> None:
    """A single word equal to the surname or first name of a full PERSON name of the same
    document is that person: "Lemon" (tagged ORG) after "Edward Lemon". An untagged proper
    noun equal to a surname is added: "Nazarov outlined ..."."""
    doc = spans.doc
    fulls = [doc[e.start:e.end].text.split() for e in spans.named() if e.label == "PERSON"]
    fulls = [f for f in fulls if len(f) > 1]
    surnames = {f[-1] for f in fulls if f[-1][:1].isupper() and len(f[-1]) > 2 and not f[-1].endswith(".")}
    # a surname that is also a nationality or a country ("Latino", "Christians", "Jordan") is the
    # person only as the subject of a verb or after "said": "Latino said", "said Christians"
    loaded = {n for n in surnames if gazetteer.demonym(n) or gazetteer.country(n) is not None}
    surnames -= loaded
    for e in spans.named():
        if " " in spans.text(e) or e.label == "PERSON" or e.label not in NAMED_LABELS:
            continue
        if e.label == "LOC" and e.start > 0 and doc[e.start - 1].lower_ == "the":
            continue  # "the North" is a region, "North's suit" the person
        tok = doc[e.end - 1]
        text = spans.text(e)
        subject = (tok.dep_ in ("nsubj", "nsubjpass")
                   or (tok.head.lemma_.lower() in REPORTING_VERBS and tok.i > tok.head.i))
        if text in surnames or (text in loaded and subject
                                    and not (e.start > 0 and doc[e.start - 1].lower_ == "the")):
            e.label, e.by_rule = "PERSON", True
    for tok in doc:
        if tok.i > 0 and doc[tok.i - 1].lower_ in NAME_PARTICLES:
            continue
        if tok.text in surnames and tok.tag_ == "NNP" and spans.at(tok.i) is None:
            left = tok.i > 0 and _cap(doc[tok.i - 1]) and doc[tok.i - 1].tag_ == "NNP"
            right = tok.i + 1 < len(doc) and _cap(doc[tok.i + 1]) and doc[tok.i + 1].tag_ == "NNP"
            if not left and not right:
                spans.add(tok.i, tok.i + 1, "PERSON")


def propagate_to_untagged(spans: Spans) -> None:
    """An untagged occurrence of a name tagged elsewhere in the document gets the same
    label: "Kulob is a town in Tajikistan. ... near Kulob" tags the first "Kulob" too."""
    doc = spans.doc
    names: dict[tuple[str, ...], str] = {}
    for e in spans.named():
        toks = doc[e.start:e.end]
        if all(_cap(t) or not t.is_alpha for t in toks) and any(len(t) > 2 for t in toks):
            names.setdefault(tuple(t.text for t in toks), e.label)
    if not names:
        return
    firsts = {k[0] for k in names}
    for tok in doc:
        if tok.text not in firsts or tok.tag_ not in ("NNP", "NNPS") or spans.at(tok.i) is not None:
            continue
        for key, label in names.items():
            end = tok.i + len(key)
            if key[0] == tok.text and tuple(t.text for t in doc[tok.i:end]) == key:
                # not the start or end of a longer proper name
                if (tok.i > 0 and doc[tok.i - 1].tag_ in ("NNP", "NNPS") and _cap(doc[tok.i - 1])) or (
                        end < len(doc) and doc[end].tag_ in ("NNP", "NNPS") and _cap(doc[end])):
                    continue
                spans.add(tok.i, end, label)
                break


def unify_surface_labels(spans: Spans, gazetteer: Gazetteer) -> None:
    """One label per surface form in a document: a rule's label wins, then a place label
    when the gazetteer knows the name and one mention is a place, else the majority
    (ties: the first mention's label)."""
    groups: dict[str, list[Ent]] = {}
    for e in sorted(spans.named(), key=lambda e: e.start):
        groups.setdefault(place_key(spans.text(e)), []).append(e)
    for key, group in groups.items():
        ruled = [e.label for e in group if e.by_rule]
        if not ruled and len({e.label for e in group}) > 1:
            places = [e.label for e in group if e.label in ("GPE", "LOC")]
            if places and gazetteer.candidates(key):
                ruled = places
        votes = Counter(ruled or [e.label for e in group])
        best = max(votes.values())
        label = next(e.label for e in group if votes[e.label] == best)
        for e in group:
            e.label = label


def fix_entities(doc: Doc, gazetteer: Gazetteer | None = None) -> Doc:
    """Run every rule on ``doc`` in order and write the result to ``doc.ents``."""
    gaz = gazetteer or default_gazetteer()
    if not Doc.has_extension("newslake_model_ents"):
        Doc.set_extension("newslake_model_ents", default=None)
    if doc._.newslake_model_ents is None:
        doc._.newslake_model_ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
    spans = Spans(doc)
    drop_uncapitalised(spans)
    trim_edges(spans)
    drop_wire_tables(spans)
    add_bracketed_companies(spans)
    relabel_known_actors(spans)
    relabel_corporate_names(spans)
    relabel_head_nouns(spans)
    extend_org_heads(spans)
    add_parenthesised_acronyms(spans)
    add_place_nouns(spans)
    relabel_by_lexicon(spans, gaz)
    relabel_unknown_places(spans, gaz)
    link_name_parts(spans, gaz)
    doubt_lone_names(spans, gaz)
    apply_alias_links(spans)
    add_reporting_subjects(spans)
    add_missing_demonyms(spans, gaz)
    propagate_to_untagged(spans)
    unify_surface_labels(spans, gaz)
    drop_non_names(spans)
    drop_wire_tables(spans)  # names a later rule propagated onto table lines
    items = sorted(spans.items, key=lambda e: e.start)
    doc.ents = [Span(doc, e.start, e.end, label=e.label) for e in items]
    return doc
