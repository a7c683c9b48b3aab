"""Attribution cues and hedges, as data.

Every table maps a lower-cased lemma (or word) to the certainty it gives the attributed content,
relative to its source (FactBank-like): ``asserted`` (the writer presents it as fact: factive
verbs such as "admitted"), ``reported`` (a source says so), ``claimed`` (a source maintains it;
the writer keeps a distance), ``rumored`` (nobody vouches for it), ``denied`` (the source rejects
it) and ``hedged`` (the source or the writer qualifies it). Two more are not degrees of belief but
say the content is not a statement of fact at all: ``intended`` (the source's intention, wish or
commitment: "wants", "plans", "promised", "pledged", "vowed", "threatened", "agreed to", "offered
to") and ``demanded`` (what the source asks of others: "demanded that", "urged", "called for",
"asked"). Events inside them are future (intended) or hypothetical (demanded). They rank above
``hedged``: "He wants it, probably" is a wish, not a hedged statement.

The rules in :mod:`newslake.transforms.claims.extract` read only these tables, so a new cue is one line here.

>>> VERB_CUES["say"], VERB_CUES["claim"], VERB_CUES["deny"]
('reported', 'claimed', 'denied')
>>> certainty_rank("denied") > certainty_rank("hedged") > certainty_rank("reported")
True
"""

from __future__ import annotations

CERTAINTIES = ("asserted", "reported", "claimed", "rumored", "denied", "hedged", "intended", "demanded")

# Which certainty wins when several markers apply: a cue's own category beats a hedge in the
# content, except that hedges override the neutral "reported"/"asserted".
_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "intended": 3, "demanded": 3, "rumored": 4, "claimed": 5,
         "denied": 6}


def certainty_rank(certainty: str) -> int:
    """Strength of a certainty label; the strongest marker of a claim sets its certainty.

    >>> certainty_rank("claimed") > certainty_rank("hedged")
    True
    """
    return _RANK[certainty]


# Verbs whose subject is the source and whose clausal complement (ccomp) is the content.
# "Officials said that the bridge was closed." -> say: reported
VERB_CUES: dict[str, str] = {
    # neutral reporting
    "say": "reported", "tell": "reported", "note": "reported", "report": "reported",
    "state": "reported", "add": "reported", "warn": "reported", "explain": "reported",
    "write": "reported", "announce": "reported", "declare": "reported", "tweet": "reported",
    "comment": "reported", "remark": "reported", "reply": "reported", "respond": "reported",
    "answer": "reported", "testify": "reported", "recall": "reported", "observe": "reported",
    "mention": "reported", "stress": "reported", "emphasize": "reported", "caution": "reported",
    "indicate": "reported", "disclose": "reported", "predict": "hedged",
    "complain": "reported", "agree": "reported", "echo": "reported", "conclude": "reported",
    # the source maintains it, the writer keeps a distance
    "claim": "claimed", "allege": "claimed", "insist": "claimed", "argue": "claimed",
    "contend": "claimed", "maintain": "claimed", "assert": "claimed", "charge": "claimed",
    "accuse": "claimed", "boast": "claimed", "purport": "claimed", "profess": "claimed",
    # factive: the writer commits to the content
    "acknowledge": "asserted", "admit": "asserted", "concede": "asserted", "confirm": "asserted",
    "reveal": "asserted", "learn": "asserted", "show": "asserted", "find": "asserted",
    "prove": "asserted", "discover": "asserted",
    # rejection
    "deny": "denied", "reject": "denied", "dismiss": "denied", "refute": "denied",
    "rebut": "denied", "dispute": "denied", "contradict": "denied", "dispel": "denied",
    "debunk": "denied", "disavow": "denied",
    # belief and guesswork
    "believe": "hedged", "think": "hedged", "suspect": "hedged", "estimate": "hedged",
    "expect": "hedged", "fear": "hedged", "doubt": "hedged", "suggest": "hedged",
    "speculate": "hedged", "guess": "hedged", "assume": "hedged", "hint": "hedged",
    "rumor": "rumored", "rumour": "rumored",
    # quotation tags and commitments ("“We will stay,” he continued." / "He vowed that ...")
    "continue": "reported", "joke": "reported", "quip": "reported", "shout": "reported",
    "promise": "intended", "pledge": "intended", "vow": "intended", "urge": "demanded",
    "demand": "demanded", "request": "demanded", "order": "demanded",  # "demanded that they leave"
}

# Speech verbs that also name a change in a quantity: "Unilever added 8p at 2,578" is a share price
# moving, not Unilever speaking. With a number (or an amount) as object such a cue is no claim.
QUANTITY_SENSES: frozenset[str] = frozenset({"add"})

# What a source asks for itself when it asks not to be named: "a banker who asked not to be
# identified" makes no claim. Verbs whose passive infinitive, as the whole content, is such a request.
ANONYMITY_VERBS: frozenset[str] = frozenset({"identify", "name", "quote", "disclose", "cite"})
ANONYMITY_NOUNS: frozenset[str] = frozenset({"anonymity"})
ANONYMITY_ASKING: frozenset[str] = frozenset({"ask", "request", "want", "wish", "prefer", "insist", "demand"})

# Verbs of evidence: their subject is a source only when it can be one (a person, an organisation,
# a document or data: EVIDENCE_NOUNS), not "Today's late recovery showed that investors were
# hunting bargains" (the writer's inference, no attribution).
EVIDENTIAL_CUES: frozenset[str] = frozenset(
    {"show", "prove", "indicate", "suggest", "reveal", "find", "demonstrate", "confirm"})
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    "figure data statistic survey report study poll record result test analysis research evidence "
    "investigation document estimate forecast calculation census audit review inquiry probe "
    "count index indicator number release statement finding paper letter filing memo minutes "
    "transcript tape video photo picture image map model simulation chart table".split())

# Belief verbs whose negation moves into the content (neg-raising): "I don't think he won"
# means the source believes he did not win -> certainty "denied". Other negated cues are no
# claim at all: "He did not say that he won" has nobody claiming anything.
NEG_RAISING: frozenset[str] = frozenset({"think", "believe", "expect", "suppose", "imagine"})

# Naming and characterising verbs: the object and its predicate are the content, a judgement
# the source maintains. "She called the plan a disaster" -> "the plan a disaster" (claimed);
# "He described the talks as useful" -> "the talks as useful".
NAMING_CUES: dict[str, str] = {
    "call": "claimed", "label": "claimed", "dub": "claimed", "brand": "claimed",
    "term": "claimed", "describe": "claimed", "characterize": "claimed", "portray": "claimed",
    "deem": "claimed", "declare": "claimed", "consider": "hedged", "see": "hedged",
    "view": "hedged", "regard": "hedged",
}

# Stances: the source takes a position on the object, which is the content; the writer
# reports it. "She criticized the ruling" -> "the ruling"; "He accused Smith of lying".
STANCE_CUES: dict[str, str] = {
    "criticize": "reported", "criticise": "reported", "praise": "reported",
    "endorse": "reported", "support": "reported", "back": "reported", "defend": "reported",
    "accuse": "claimed", "mock": "reported", "condemn": "reported", "applaud": "reported",
    "welcome": "reported", "tout": "reported", "question": "reported", "oppose": "reported",
    "blame": "claimed", "slam": "reported", "blast": "reported", "reiterate": "reported",
    "thank": "reported", "propose": "reported", "announce": "reported", "cite": "reported",
    "express": "reported", "discuss": "reported", "mention": "reported", "predict": "hedged",
    "recommend": "reported", "hail": "reported", "lament": "reported", "decry": "reported",
    "denounce": "reported", "ridicule": "reported", "favor": "reported", "favour": "reported",
    "prefer": "reported", "demand": "demanded", "promise": "intended", "pledge": "intended",
}

# Stance verbs that also name one market force propping up another ("Firm prices supported values",
# "capital generation will support expansion", "buying backed the dollar"): with a subject from
# MARKET_FORCES they are no stance of a source.
FORCE_SENSES: frozenset[str] = frozenset({"support", "back", "underpin", "favor", "favour"})
MARKET_FORCES: frozenset[str] = frozenset(
    "price value rate demand supply buying selling generation growth gain rise fall decline earnings "
    "profit income sale sales volume factor fundamental data figure inflow outflow interest yield "
    "spread margin trend momentum covering strength weakness cut increase".split())

# Wishes, plans and appeals: the infinitive (with its object) is the content. Nobody asserts
# it as a fact: it is "intended" (the source's own plan or wish) or "demanded" (asked of others). "They want to win", "He urged Congress to act",
# "The city plans to close the bridge."
INTENT_CUES: dict[str, str] = {
    "want": "intended", "plan": "intended", "urge": "demanded", "intend": "intended",
    "promise": "intended", "pledge": "intended", "vow": "intended", "threaten": "intended",
    "hope": "intended", "wish": "intended", "demand": "demanded", "ask": "demanded",
    "call": "demanded", "encourage": "demanded", "press": "demanded", "propose": "intended",
    "agree": "intended", "offer": "intended", "aim": "intended",  # commitments
}
# not "seek": "Texaco seeks to overturn the judgment" reports what Texaco does (its suit), not a
# statement of Texaco's (held-out Reuters samples read it as a claim wrongly)

# Verbs whose object, not subject, does what their infinitive says: "pressing the government to
# explain how ..." (the government would explain), "urged Congress to say ..."; not "contacted the
# company to request that ..." (the subject requests).
OBJECT_CONTROL: frozenset[str] = frozenset(
    "press urge ask tell force persuade require allow permit invite instruct order encourage call "
    "pressure lobby compel oblige advise remind warn".split())

# Subjects of an object cue that are instruments, not sources: "The agreement calls for a joint
# venture", "the plan calls for the sale of three units" state terms, not demands or intentions.
INSTRUMENT_NOUNS: frozenset[str] = frozenset(
    "agreement plan proposal bill budget law deal contract accord program programme legislation measure "
    "resolution treaty pact package offer scheme rule regulation provision amendment arrangement".split())

# Cues whose complement must be a finite clause ("Investigators found that the pilot erred"): a
# small clause after them is a judgment the writer reports as an experience ("Analysts find it hard
# to believe ...", "found the terms acceptable"), not a finding.
FINITE_ONLY_CUES: frozenset[str] = frozenset({"find"})

# Verbs whose prepositional object is what the source asks for: "They called for an inquiry".
PREP_CUES: dict[tuple[str, str], str] = {
    ("call", "for"): "demanded", ("ask", "for"): "demanded", ("appeal", "for"): "demanded",
    ("press", "for"): "demanded", ("push", "for"): "demanded", ("plead", "for"): "demanded",
}

# Phrasal cues: (verb lemma, particle) -> certainty. "As she pointed out, the road is closed."
PHRASAL_CUES: dict[tuple[str, str], str] = {
    ("point", "out"): "reported",
    ("make", "clear"): "reported",
}

# Verbs whose infinitive complement (xcomp) is the content.
# "He claimed to be a doctor." -> content "to be a doctor"
XCOMP_CUES: frozenset[str] = frozenset(
    {"claim", "allege", "purport", "profess", "deny", "pretend", "boast"}
)

# Passive cues without a named source: "X is rumored to ...", "it is claimed that ...".
# Note "it is said" is hearsay, so "say" is rumored here although active "said" is reported.
PASSIVE_CUES: dict[str, str] = {
    "rumor": "rumored", "rumour": "rumored", "say": "rumored", "report": "reported",
    "believe": "hedged", "think": "hedged", "suspect": "hedged", "expect": "hedged",
    "estimate": "hedged", "fear": "hedged", "allege": "claimed", "claim": "claimed",
    "understand": "reported", "know": "asserted", "confirm": "asserted",
}

# Sentence adverbs that attribute their clause to an unnamed source.
# "The minister reportedly resigned." -> reportedly: reported, speaker None
ADVERB_CUES: dict[str, str] = {
    "reportedly": "reported", "allegedly": "claimed", "purportedly": "claimed",
    "supposedly": "claimed", "ostensibly": "claimed", "rumoredly": "rumored",
}

# Nouns that take a "that" clause as their content.
# "the claim that 2,000 soldiers deserted" -> claim: claimed; "rumors that he fled" -> rumored
NOUN_CUES: dict[str, str] = {
    "claim": "claimed", "allegation": "claimed", "assertion": "claimed", "charge": "claimed",
    "accusation": "claimed", "contention": "claimed", "insistence": "claimed",
    "rumor": "rumored", "rumour": "rumored", "speculation": "rumored", "gossip": "rumored",
    "report": "reported", "statement": "reported", "announcement": "reported",
    "warning": "reported", "word": "rumored", "news": "reported", "testimony": "reported",
    "denial": "denied", "belief": "hedged", "suggestion": "hedged", "suspicion": "hedged",
    "estimate": "hedged", "fear": "hedged", "assessment": "reported", "finding": "asserted",
    "admission": "asserted", "confirmation": "asserted",
}

# Verbs that govern a cue noun. A denial verb turns the noun's content into a denial by the
# verb's subject: "She dismissed reports that she would resign." -> denied, speaker "She".
DENIAL_VERBS: frozenset[str] = frozenset(
    {"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contradict", "dispel",
     "debunk", "disavow", "counter", "quash", "squash", "scotch", "deflect"}
)
# Light verbs whose subject owns the noun: "He made the claim that ..." -> claimed by He.
SUPPORT_VERBS: frozenset[str] = frozenset(
    {"make", "repeat", "issue", "release", "publish", "voice", "spread", "file", "level",
     "offer", "give", "express", "put", "raise", "circulate", "fuel"}
)
# Verbs that pass their subject down to an infinitive cue: "He tried to dispel rumors ..."
CONTROL_VERBS: frozenset[str] = frozenset(
    {"attempt", "try", "seek", "want", "move", "rush", "hasten", "continue", "begin", "refuse",
     "decline", "appear", "seem", "have", "go", "fail", "aim", "hope", "plan"}
)

# Objects of "according to" that are not sources. "They live according to the laws of Allah."
NON_SOURCES: frozenset[str] = frozenset(
    {"law", "rule", "plan", "schedule", "tradition", "custom", "script", "instruction",
     "principle", "guideline", "standard", "regulation", "procedure", "protocol", "recipe",
     "pattern", "design", "scripture", "teaching", "need", "ability", "size", "order", "taste",
     "preference", "merit", "wish", "will", "doctrine", "formula"}
)

# Words that hedge the content or the cue. "The army may withdraw." -> hedged
HEDGES: frozenset[str] = frozenset(
    {"may", "might", "could", "possibly", "perhaps", "maybe", "probably", "apparently",
     "seemingly", "likely", "unlikely", "unclear", "uncertain", "believed", "presumably",
     "unconfirmed", "unverified", "seems", "seem", "seemed", "purportedly", "supposedly"}
)

# Subject pronouns and the entity labels their antecedent may have.
# "Smith arrived. He said ..." -> He -> Smith (PERSON)
PRONOUN_ANTECEDENTS: dict[str, tuple[str, ...]] = {
    "he": ("PERSON",), "she": ("PERSON",),
    "it": ("ORG", "GPE", "NORP"), "they": ("PERSON", "ORG", "GPE", "NORP"),
}
# First/second person pronouns are pronoun speakers without an antecedent to resolve.
OTHER_PRONOUNS: frozenset[str] = frozenset({"i", "we", "you"})
# Relative pronouns stand for the noun the clause modifies: "Smith, who said ..." -> Smith
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})

# Entity labels that make a speaker "named".
SPEAKER_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})

# Certainties of the speech verbs that may tag an adjacent quotation ("“We won,” she said.").
TAG_CERTAINTIES: frozenset[str] = frozenset({"reported", "claimed", "asserted", "denied"})

# Paragraph labels before a colon that are headings, not speakers. "Photo: AP" / "UPDATE: ..."
COLON_NON_SOURCES: frozenset[str] = frozenset(
    {"photo", "photos", "image", "video", "update", "updated", "note", "editor's note",
     "editor’s note", "related", "read more", "watch", "source", "sources", "credit",
     "advertisement", "correction", "breaking", "breaking news", "live", "exclusive", "poll",
     "analysis", "opinion", "q", "a", "question", "answer", "tags", "topics", "share", "via",
     "disclosure", "warning", "caption", "file", "listen", "subscribe", "sign up", "contact"}
)

# Characters that open a follow-on quotation paragraph.
FOLLOW_ON_OPENERS: frozenset[str] = frozenset({"\u201c", '"', "\u00ab", "`", "\u201e"})

# Quotation marks. Curly marks know their direction; straight marks are guessed from context.
OPEN_QUOTES: frozenset[str] = frozenset({"\u201c", "\u201e", "\u00ab"})
CLOSE_QUOTES: frozenset[str] = frozenset({"\u201d", "\u00bb"})
STRAIGHT_QUOTES: frozenset[str] = frozenset({'"'})
