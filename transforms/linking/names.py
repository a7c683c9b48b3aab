"""Names for linking (:mod:`newslake.transforms.linking.link`): folding, parsing and blocking keys.

A name is folded for transliteration ("Khalimov" -> "halimov"), parsed by family (PERSON: first,
middle initials, last; ORG: core without legal suffix, acronyms it is or spells) and given its
blocking keys: two records can only link when they share one.

>>> fold("Gulmurod Khalimov"), fold("Muhammad"), fold("Mohammed"), skeleton("muhamad")
('gulmurod halimov', 'muhamad', 'mohamed', 'mmd')
>>> sorted(parse("e", "G. A. Halimov", "PERSON", (), geocoded=False).keys)
['PERSON:name:g a halimov', 'per:halimov']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from newslake.transforms.entities.lexicons import PERSON_TITLES


#: Transliteration folds, applied in order: "Khalimov" -> "halimov", "Yevgeny" -> "ievgeni",
#: "Dzhokhar" -> "johar", "Youssef" -> "iusef" (then doubled letters collapse: "Mohammed").
TRANSLIT = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ou", "u"),
            ("oo", "u"), ("ee", "i"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("y", "i"))
#: Words left out of ORG initials: "Islamic State of Iraq and Syria" -> ISIS.
ORG_STOP = frozenset("of the and for in on at to de du des la le el al & y".split())
#: One-word organisation names that are only a generic word once the legal form is dropped:
#: "Trust Co." and "Trust Company", "Telegraph" and "Telegraph Co" are fragments of longer names
#: ("Chase Manhattan Trust Co", "American Telephone and Telegraph Co") as often as companies, so
#: equal folding is no evidence across documents.
GENERIC_ORG_WORDS = frozenset(
    "trust telegraph telephone bank banks savings federal national first union general american "
    "international holdings holding group capital partners securities investment investments "
    "industries corporation company fund funds finance financial insurance mutual reserve "
    "commission council board committee exchange ministry department agency authority office "
    "court university institute association society foundation church party government "
    "administration state treasury energy oil gas power electric mining resources development "
    "communications systems services products technologies".split()
)
#: Words of a person's role: an "organisation" named with one ("Finance Minister", tagged ORG) is
#: never joined to an organisation by a fuzzy match ("Finance Ministry").
ROLE_WORDS = frozenset(
    "minister secretary president chairman chairwoman governor spokesman spokeswoman director "
    "commissioner ambassador adviser advisor chancellor premier mayor senator".split()
)
#: Legal-form endings dropped from ORG names: "Acme Corp." = "Acme Corporation".
#: One spelling per legal form: "Corp" and "Corporation" are one form, "AG" and "Ltd" two.
LEGAL_FORMS = {"incorporated": "inc", "corporation": "corp", "company": "co", "limited": "ltd"}
LEGAL_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc plc ag sa spa nv bv gmbh".split())
_VOWELS = frozenset("aeiou")
_SURNAME_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an|ud|ul)[-‐’']")


def plain(text: str) -> str:
    """Casefolded letters and digits, accents dropped: "Bogotá D.C." -> "bogota dc"."""
    s = unicodedata.normalize("NFKD", text.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join("".join(c for c in t if c.isalnum()) for t in s.split()).strip()


def fold_token(tok: str) -> str:
    s = plain(_SURNAME_PREFIX.sub("", tok.casefold())).replace(" ", "")
    for a, b in TRANSLIT:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def fold(text: str) -> str:
    """Transliteration-folded name: "Gulmurod Khalimov" -> "gulmurod halimov"."""
    return " ".join(t for t in (fold_token(w) for w in text.split()) if t)


def skeleton(folded: str) -> str:
    """Consonants without 'h': "muhamad" and "mohamed" -> "mmd" (blocking only, never matching)."""
    return "".join(c for c in folded if c not in _VOWELS and c != "h") or folded[:1]



def _acronym(raw: str) -> str | None:
    """"NATO", "N.A.T.O.", "DoD" -> plain acronym; "Apple" -> None."""
    s = raw.replace(".", "")
    ups = sum(c.isupper() for c in s)
    if 2 <= len(s) <= 8 and s.isalpha() and ups >= 2 and ups * 2 >= len(s):
        return plain(s)
    return None


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    method: str
    score: float
    evidence: str


@dataclass(frozen=True)
class Parsed:
    entity_id: str
    name: str
    family: str
    kind: str  # single, initials, full, acronym, org, place, other
    norm: str  # the folded (PERSON) or plain (others) name
    first: str = ""
    last: str = ""
    middle: tuple[str, ...] = ()
    inits: tuple[str, ...] = ()
    acrs: frozenset[str] = frozenset()  # ORG: acronyms it is or spells
    alias_norms: frozenset[str] = frozenset()
    geocoded: bool = False
    legal: str = ""  # ORG: its legal form, one spelling per form ("corp" for "Corp."/"Corporation")
    keys: frozenset[str] = field(default=frozenset())


def _is_initial(tok: str) -> bool:
    return len(tok.rstrip(".")) == 1 and tok[0].isalpha()


def _person(eid: str, name: str, aliases: tuple[str, ...]) -> Parsed:
    toks = [t.strip(",;:()\"") for t in name.split()]
    toks = [t for t in toks if t and t not in ("'s", "’s")]
    while len(toks) > 1 and toks[0].casefold().rstrip(".") in PERSON_TITLES:
        toks = toks[1:]
    al = frozenset(fold(a) for a in aliases if len(a.split()) > 1) - {""}
    folded = [fold_token(t) for t in toks]
    keys = {f"PERSON:name:{a}" for a in al}
    norm = " ".join(f for f in folded if f)
    if norm:
        keys.add(f"PERSON:name:{norm}")
    base = dict(entity_id=eid, name=name, family="PERSON", norm=norm, alias_norms=al)
    if len(toks) == 1 and not _is_initial(toks[0]) and folded[0]:
        return Parsed(kind="single", last=folded[0], keys=frozenset(keys | {f"per:{folded[0]}"}),
                      **base)
    if len(toks) >= 2 and folded[-1] and not _is_initial(toks[-1]):
        last = folded[-1]
        keys.add(f"per:{last}")
        if all(_is_initial(t) for t in toks[:-1]):
            return Parsed(kind="initials", last=last, inits=tuple(f[:1] for f in folded[:-1]),
                          keys=frozenset(keys), **base)
        if not _is_initial(toks[0]) and folded[0]:
            keys.add(f"per:sk:{skeleton(last)}")
            return Parsed(kind="full", first=folded[0], last=last,
                          middle=tuple(f[:1] for f in folded[1:-1] if f), keys=frozenset(keys),
                          **base)
    return Parsed(kind="other", keys=frozenset(keys), **base)


def _org(eid: str, name: str, aliases: tuple[str, ...]) -> Parsed:
    def core(text: str) -> list[str]:
        # words in brackets tell subsidiaries apart and are never a legal suffix to drop:
        # "United States Lines (S.A.) Inc" is not "United States Lines Inc"
        text = re.sub(r"\(([^)]*)\)?", lambda m: " ".join("in" + w for w in m.group(1).split()),
                      text.strip().lstrip("("))
        toks = plain(text.replace("’s", "").replace("'s", "")).split()
        if toks[:1] == ["the"]:
            toks = toks[1:]
        while len(toks) > 1 and toks[-1] in LEGAL_SUFFIXES:
            toks = toks[:-1]
        return toks

    toks = core(name)
    norm = " ".join(toks)
    raw = plain(name).split()
    legal = raw[-1] if len(raw) > len(toks) and raw[-1] in LEGAL_SUFFIXES else ""
    legal = LEGAL_FORMS.get(legal, legal)
    acr = _acronym(name) if len(name.split()) == 1 else None
    acrs = {acr} if acr else set()
    alias_acrs = {a for a in (_acronym(x) for x in aliases if len(x.split()) == 1) if a}
    al = frozenset(" ".join(core(a)) for a in aliases if not _acronym(a)) - {""}
    keys = {f"ORG:name:{a}" for a in al} | {f"org:acr:{a}" for a in alias_acrs}
    if norm:
        keys.add(f"ORG:name:{norm}")
    sig = [t for t in toks if t not in ORG_STOP]
    kind = "acronym" if acr else "org"
    if len(sig) >= 2 and not acr:
        spelled = {"".join(t[0] for t in sig), "".join(t[0] for t in toks)}
        acrs |= spelled
        keys |= {f"org:acr:{a}" for a in spelled}
        keys.add(f"org:{sig[0]}:{len(sig)}")
    elif acr:
        keys.add(f"org:acr:{acr}")
    return Parsed(entity_id=eid, name=name, family="ORG", kind=kind, norm=norm, legal=legal,
                  acrs=frozenset(acrs), alias_norms=frozenset(al | alias_acrs),
                  keys=frozenset(keys))


def parse(eid: str, name: str, family: str, aliases: tuple[str, ...], *, geocoded: bool) -> Parsed:
    if family == "PERSON":
        return _person(eid, name, aliases)
    if family == "ORG":
        return _org(eid, name, aliases)
    norm = plain(name)
    al = frozenset(plain(a) for a in aliases) - {""}
    if family == "PLACE":
        return Parsed(eid, name, family, "place", norm, alias_norms=al, geocoded=geocoded,
                      keys=frozenset(f"place:{n}" for n in al | {norm} if n))
    return Parsed(eid, name, family, "other", norm, alias_norms=al,
                  keys=frozenset(f"{family}:name:{n}" for n in al | {norm} if n))


