"""Derive the compact CAMEO verb-pattern and agent-noun tables from the PETRARCH2 dictionaries.

    .venv/bin/python scripts/build_cameo.py [--src ../shared/lexicons/petrarch2]

Reads ``CAMEO.2.0.txt`` (verb dictionary) and ``Phoenix.agents.txt`` (agent nouns) and writes
``transforms/events/data/cameo_verbs.tsv``, ``cameo_agents.txt`` and the MIT licence beside them
(``LICENSE-petrarch2.txt``). The output is deterministic (sorted), so re-running it on the same
input changes nothing.

``cameo_verbs.tsv`` keeps the dictionary's blocks (verbs that share patterns). Rows::

    B  block_name  block_code
    V  verb  particle  code                                   (one per verb of the block)
    P  subject_words  object_words  preposition  prep_words  code  swap   (the block's patterns)

* ``verb`` is the lemma (lower case); ``particle`` the second word of a phrasal verb entry
  (``+SHOOT_DOWN`` -> verb ``shoot``, particle ``down``), else empty.
* A verb's ``code`` is its own (the code after the verb), empty when it has none (then the
  block's code applies); ``---`` means "not an event by itself" (only a pattern can make it one).
* Pattern words are lower-case alternatives separated by ``|`` (synsets such as ``&CEASEFIRE``
  are expanded); of a braced phrase ``{HUMAN RIGHTS}`` the head and the word before it are kept
  (``human rights``): the parse gives a head and its modifiers. ``subject_words`` come before ``*`` (the subject's head), ``object_words``
  after it (the object's head), ``preposition prep_words`` from the first ``(PREP NOUN)`` group.
* ``code`` is the CAMEO code; ``swap`` is 1 for PETRARCH's ``[:code]`` (the code applies with
  source and target exchanged: "faced criticism" -> the subject is criticised).
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "transforms" / "events" / "data"
DEFAULT_SRC = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()),
                   Path("../shared")) / "lexicons" / "petrarch2"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")


def _strip(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` -> lower-case head words of its members (``+HUMAN_RIGHTS`` -> ``rights``)."""
    out: dict[str, list[str]] = {}
    cur = None
    for raw in lines:
        line = _strip(raw).strip()
        if line.startswith("&"):
            cur = line.rstrip("_")
            out[cur] = []
        elif line.startswith("+") and cur is not None:
            words = line[1:].rstrip("_").lower().replace("_", " ").split()
            if words:
                out[cur].append(words[-1])
        elif line.startswith("---"):
            break
    return out


def _words(term: str, synsets: dict[str, list[str]]) -> list[str]:
    """One pattern term -> lower-case alternatives for its head word; a braced phrase keeps the
    word before its head too (``{CIVILIAN STAFF}`` -> ``civilian staff``), so the modifier must
    be on the parse as well."""
    braced = term.startswith("{")
    parts = term.strip("{}").split()
    if not parts:
        return []
    head = parts[-1]
    if head.startswith("&"):
        heads = sorted(set(synsets.get(head.rstrip("_"), [])))
    else:  # "FAVOUR/FAVOR", "BOMBING/EXPLOSION": alternatives
        heads = []
        for alt in head.split("/"):
            low = alt.strip("+$%^").lower().replace("_", " ").split()
            if low and re.fullmatch(r"[a-z][a-z'\-]*", low[-1]):
                heads.append(low[-1])
    if braced and len(parts) > 1 and heads:
        mod = parts[-2]
        mods = sorted(set(synsets.get(mod.rstrip("_"), []))) if mod.startswith("&") else [mod.strip("+$%^").lower()]
        mods = [m for m in mods if re.fullmatch(r"[a-z][a-z'\-]*", m)]
        return [f"{m} {h}" for m in mods for h in heads] if mods else heads
    return heads


def _terms(text: str) -> list[str]:
    """Split a pattern half into terms: braced phrases stay whole."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+", text)


def _prep_alternatives(body: str) -> list[str]:
    """``"* (BY/WITH SANCTIONS)"`` -> ``["* (BY SANCTIONS)", "* (WITH SANCTIONS)"]``: one pattern per
    preposition of a slashed group (a slashed head word is expanded by :func:`_words`)."""
    m = re.search(r"\((\S+/\S+)(\s[^)]*)?\)", body)
    if not m or not all(re.fullmatch(r"[A-Za-z]+", w) for w in m.group(1).split("/")):
        return [body]
    return [body[:m.start()] + "(" + w + (m.group(2) or "") + ")" + body[m.end():] for w in m.group(1).split("/")]


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> tuple[list[str], list[str], str, list[str]] | None:
    """``"PROTEST * RESIGNATION (OF ...)"`` -> (subject words, object words, prep, prep words)."""
    if "*" not in body:
        return None
    pre, post = body.split("*", 1)
    subj: list[str] = []
    for t in _terms(pre):
        if not t.startswith("(") and t not in ("+", "$", "%", "^"):
            subj = _words(t, synsets) or subj
    obj: list[str] = []
    prep, pwords = "", []
    for t in _terms(post):
        if t.startswith("("):
            inner = t[1:-1].split()
            if inner and not prep:
                prep = inner[0].split("/")[0].lower()
                rest = " ".join(inner[1:])
                pwords = _words(_terms(rest)[-1], synsets) if rest else []
        elif t not in ("+", "$", "%", "^") and not obj and not prep:
            obj = _words(t, synsets)
            if not obj:
                return None  # a word we cannot match on a parse (a verb particle spelled out)
    if not (subj or obj or prep):
        return None
    return subj, obj, prep, pwords


def _verb_entry(line: str) -> tuple[str, str, str | None] | None:
    """``"MURDER [190]"`` -> ("murder", "", "190"); ``"+SHOOT_DOWN {...}"`` -> ("shoot", "down", None)."""
    body = re.sub(r"\{[^}]*\}", "", line)
    code = _CODE.search(body)
    word = body.split("[")[0].strip()
    if not word or " " in word:
        return None
    parts = word.lower().split("_")
    plus = [i for i, p in enumerate(parts) if p.startswith("+")]
    if plus:
        i = plus[0]
        verb = parts[i].lstrip("+")
        rest = [p for j, p in enumerate(parts) if j > i]
        if len(rest) > 1 or i > 0 or not verb.isalpha():
            return None  # "KIDNAPPED_AND_KILLED", "WIRE_+TAP": not matchable by lemma + particle
        particle = rest[0] if rest else ""
        if particle in ("and", "or"):
            return None
    else:
        if len(parts) > 1 or not parts[0].isalpha():
            return None
        verb, particle = parts[0], ""
    return verb, particle, code.group(1).strip() if code else None


def read_verbs(lines: list[str], synsets: dict[str, list[str]]) -> list[tuple]:
    """Blocks as ``(name, code, [(verb, particle, own code)], [(subj, obj, prep, prep_words, code, swap)])``."""
    blocks: list[tuple] = []
    name, block_code, verbs = "", "---", []
    patterns: list[tuple] = []

    def flush() -> None:
        vs = sorted({(v, p, own or "") for v, p, own in verbs})
        ps = sorted({("|".join(s), "|".join(o), pr, "|".join(pw), c, sw) for s, o, pr, pw, c, sw in patterns})
        if vs:
            blocks.append((name, block_code, vs, ps))

    started = False
    for raw in lines:
        line = _strip(raw)
        if not line.strip():
            continue
        m = _BLOCK.match(line)
        if m:
            if started:
                flush()
            started, name, block_code, verbs, patterns = True, m.group(1), m.group(2).strip() or "---", [], []
            continue
        if not started or line.startswith("~"):
            continue
        if line.startswith("-"):
            code = _CODE.findall(line)
            if not code:
                continue
            c = code[-1].strip()
            swap = 0
            if ":" in c:
                first, second = (x.strip() for x in c.split(":", 1))
                c, swap = (first, 0) if first else (second, 1)
            for body in _prep_alternatives(line[1:line.rindex("[")].strip()):
                parsed = parse_pattern(body, synsets)
                if parsed is not None and c:
                    patterns.append((*parsed, c, swap))
        elif not line.startswith((" ", "\t")) or line.strip():
            entry = _verb_entry(line.strip())
            if entry is not None:
                verbs.append(entry)
    if started:
        flush()
    return blocks


NON_AGENT_HEADS = frozenset(
    "activity base building camp check control crime district facility facilitiy grade grader "
    "information jail loan operation operations order portfolio position post presence "
    "protocol rights rule run sector site station system town races security enforcement hire "
    "extraordinary emeritus supreme especiales nationale federale daily affairs advisory led in at "
    "to for c 16 4c cof fa jg".split())
"""Heads of multi-word agent phrases that name no one when they stand alone: ``INTELLIGENCE_ACTIVITY``
gives no agent "activity", ``MILITARY_OPERATION`` no agent "operation", ``LAW_ENFORCEMENT`` no
"enforcement" (the phrase's head is kept when the dictionary also lists it as a word of its own)."""


def read_agents(path: Path) -> list[str]:
    """Head nouns of the Phoenix agent phrases (``POLICE_OFFICER`` -> ``officer``), lower case; the
    head of a multi-word phrase is left out when it is one of :data:`NON_AGENT_HEADS`."""
    macros: dict[str, list[str]] = {}
    heads: set[str] = set()
    singles: set[str] = set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip(raw).strip()
        if not line:
            continue
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",")]
            continue
        phrase = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", line).strip().split()
        if not phrase:
            continue
        word = phrase[0].rstrip("_")
        for mac, forms in macros.items():
            if word.endswith(mac):
                word = word[: -len(mac)] + "_" + forms[0]
                heads.update(f for f in forms)
        parts = word.lower().replace("!", "").split("_")
        if "of" in parts[1:]:  # "PRISONER_OF_WAR" -> prisoner, not war
            parts = parts[: parts.index("of", 1)]
        head = parts[-1]
        if len(parts) == 1:
            singles.add(head)
        if re.fullmatch(r"[a-z][a-z\-]+", head):
            heads.add(head)
    return sorted(h for h in heads if h in singles or h not in NON_AGENT_HEADS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    args = ap.parse_args()
    lines = (args.src / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = read_synsets(lines)
    rows = read_verbs(lines, synsets)
    OUT.mkdir(parents=True, exist_ok=True)
    header = ("# Derived by scripts/build_cameo.py from PETRARCH2 CAMEO.2.0.txt (Open Event Data Alliance, MIT:\n"
              "# see LICENSE-petrarch2.txt). Rows: B name code | V verb particle code | P subject_words\n"
              "# object_words preposition prep_words code swap. Do not edit by hand: re-run the script.\n")
    with (OUT / "cameo_verbs.tsv").open("w", encoding="utf-8") as f:
        f.write(header)
        for name, code, verbs, patterns in rows:
            f.write(f"B\t{name}\t{code}\n")
            for v in verbs:
                f.write("V\t" + "\t".join(v) + "\n")
            for p in patterns:
                f.write("P\t" + "\t".join(map(str, p)) + "\n")
    agents = read_agents(args.src / "Phoenix.agents.txt")
    (OUT / "cameo_agents.txt").write_text(
        "# Head nouns of the PETRARCH2 Phoenix agent dictionary (Phoenix.agents.txt, MIT: see\n"
        "# LICENSE-petrarch2.txt), derived by scripts/build_cameo.py: nouns that name actors.\n"
        + "\n".join(agents) + "\n", encoding="utf-8")
    shutil.copyfile(args.src / "LICENSE", OUT / "LICENSE-petrarch2.txt")
    print(f"{len(rows)} blocks, {sum(len(b[2]) for b in rows)} verbs, {sum(len(b[3]) for b in rows)} patterns, {len(agents)} agent nouns -> {OUT}")


if __name__ == "__main__":
    main()
