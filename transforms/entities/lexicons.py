"""Lexicons of the entity rules (:mod:`newslake.transforms.entities.rules`): rules are data.

Each table names an example it serves.

>>> "district" in PLACE_NOUNS_AFTER and "say" in REPORTING_VERBS
True
"""

from __future__ import annotations


#: Nouns that head an organisation after a nationality or creed: "the Islamic State".
ORG_HEADS = frozenset(
    "state party army front movement brotherhood council congress league union guard guards "
    "committee force forces ministry church bank jihad emirate caliphate alliance".split()
)
#: "Kulob district", "the village of Charmagon", "the capital, Dushanbe".
PLACE_NOUNS_AFTER = frozenset(
    "district province region oblast governorate county prefecture municipality".split()
)
PLACE_NOUNS_BEFORE = frozenset("village town city province region district capital".split())
#: Prepositions before a place ("fighting near Raqqa"); "to" and "at" are left out: "moved to
#: Barcelona" and "at Barclays" name organisations as often as places.
LOCATIVE_PREPS = frozenset(
    "in from near outside around into across towards toward via throughout within".split()
)
#: Lemmas of verbs whose subject is a source: "Asia-Plus reported that ...".
REPORTING_VERBS = frozenset(
    "say tell report announce state claim confirm deny add write note warn insist allege "
    "reveal disclose acknowledge admit argue explain quote".split()
)
#: Titles that make the next name a person: "Dr Smith said".
PERSON_TITLES = frozenset("mr mrs ms dr president minister gen sen rep prof judge".split())
#: Token sequences between a name and its alias: "X a.k.a. Y", "X, also known as Y".
ALIAS_CUES: tuple[tuple[str, ...], ...] = (
    ("also", "known", "as"), ("better", "known", "as"), ("a.k.a.",), ("a.k.a", "."), ("a.k.a",),
    ("aka",), ("alias",),
)
#: Cues that are also verbs ("Smith called Jones"), so they need a comma, a bracket or
#: "who is" before them: "X, who is also called Y", "X (nicknamed Y)".
ALIAS_CUES_AFTER_COMMA: tuple[tuple[str, ...], ...] = (
    ("also", "called"), ("called",), ("known", "as"), ("also", "named"), ("named",),
    ("nicknamed",), ("also", "dubbed"), ("dubbed",),
)
#: Last words of company names: "Pirelli SpA", "Acme Corp."
CORPORATE_SUFFIXES = frozenset(
    "inc corp corporation co ltd llc plc ag sa spa nv bv gmbh group holdings bank".split()
)
#: Tokens a name does not end with: "Michigan 's".
TRAILING = frozenset({"'s", "’s", "'", "’"})
#: Lowercase particles inside names: "Joost van der Westhuizen".
NAME_PARTICLES = frozenset("van der de del della da di du al el bin ibn le la von".split())
#: Small words a name's acronym may skip: "Organization of the Petroleum Exporting Countries"
#: -> OPEC, "Bank of England" -> BoE / BOE.
ACRONYM_FILLERS = frozenset("of the and for on in at to de du des la le el al da di y et".split())

#: Nouns naming a title or role a person holds (:mod:`newslake.transforms.entities.roles`): "Lavrov, Russia's
#: foreign minister", "Kremlin spokesman Dmitry Peskov", "X is a senior analyst at Y".
#: Kinship ("brother") and descriptions without a role noun ("who researches militants") are
#: not roles.
ROLE_NOUNS = frozenset(
    "commander minister spokesman spokeswoman spokesperson president chief director leader head "
    "chairman chairwoman chairperson chair secretary governor mayor ambassador envoy diplomat "
    "general colonel lieutenant captain sergeant admiral marshal officer official soldier "
    "premier chancellor king queen prince princess emir sheikh imam cleric mufti ayatollah "
    "bishop archbishop pope cardinal priest rabbi senator congressman congresswoman lawmaker "
    "legislator parliamentarian deputy mp judge prosecutor lawyer attorney founder co-founder "
    "owner executive ceo cfo coo manager editor correspondent reporter journalist columnist "
    "researcher analyst economist strategist expert professor scholar adviser advisor aide "
    "activist militant fighter member coach striker goalkeeper midfielder defender player "
    "vice-president ombudsman commissioner inspector superintendent warden".split()
)
#: Government portfolios, which the model tags ORG inside a title: "Energy Secretary", "Secretary
#: of State", "Finance Minister".
PORTFOLIOS = frozenset(
    "state energy treasury defense defence commerce agriculture labor labour interior "
    "transportation transport education finance foreign trade justice health environment housing "
    "industry economy economics employment exchequer home".split()
)
#: Words that make a role head a longer title: "Foreign Minister" -> "foreign minister",
#: "deputy prime minister", "chief executive".
ROLE_QUALIFIERS = frozenset(
    "prime foreign defence defense interior finance justice health economy trade energy "
    "deputy vice chief executive managing general attorney assistant acting interim supreme "
    "senior".split()
)
#: Roles no longer held: "former commander", "ex-president", "then-governor".
FORMER_MARKERS = frozenset("former ex then onetime one-time erstwhile".split())
#: Verbs whose complement names the subject's role: "X is a senior analyst at Y".
COPULAS = frozenset("be become remain".split())

#: Words of wire-copy results tables that the model takes for names: "Shr 1.20 dlrs vs 1.05",
#: "Revs 4,357,000 vs 6,494,000", "Avg shrs 12.1 mln". An entity made only of these (and numbers)
#: is dropped.
TABLE_WORDS = frozenset(
    "shr shrs revs rev avg net oper qtr qtrs mths mth nine six vs cts dlrs mln bln loss profit "
    "sales year note start stcks stocks ended period div pay record prior".split()
)
#: Capitalised abbreviations of business and wire copy that name no entity though the model
#: tags them ORG: time zones ("at 1340 GMT"), statistics and money measures ("the PSBR", "M3",
#: "the ECU"), instruments and orders ("ADRs", "MOC orders", "an IPO"), credit ratings ("AAA")
#: and units ("MW", "DWT"). Compared without dots and a plural "s".
NON_NAME_ABBREVIATIONS = frozenset(
    "gmt utc est edt cst cdt mst mdt pst pdt bst cet cest jst hkt sgt aest "
    "gdp gnp cpi ppi rpi psbr m0 m1 m2 m3 m4 psl1 psl2 eps ecu sdr libor pibor hibor "
    "moc lbo ipo adr ads otc cd reit "
    "aaa bbb ccc baa "
    "mw kw kwh gw bpd btu dwt teu".split()
)
#: Last words that make a "person" an organisation ("Charter Oak Partners", "Gaspe Mines") or a
#: place ("Bass Strait", "St Lawrence Seaway") unless its first word is a given name.
ORG_NAME_HEADS = frozenset(
    "partners associates holdings industries mines mining securities investors investments "
    "enterprises ventures capital trust bancorp bancshares airlines airways motors petroleum "
    "resources systems technologies laboratories labs pharmaceuticals properties realty "
    "foods brands stores communications electronics fund funds group corporation company "
    "international university college institute foundation association society".split()
)
PLACE_NAME_HEADS = frozenset(
    "strait straits seaway canal bay gulf sea ocean river valley island islands peninsula "
    "mountains mountain lake desert basin harbour harbor coast".split()
)
#: Words that do not end a name: "the Group of" (the model's cut of "Group of Seven").
DANGLING = frozenset("of and & for the to in on at vs".split())

#: Titles that tell a person's gender: "Mr Howard" is not "Mrs Howard".
MALE_TITLES = frozenset("mr sir lord king prince sheikh father brother".split())
FEMALE_TITLES = frozenset("mrs ms miss lady baroness dame queen princess sister madam".split())
#: Titles stripped before names are compared inside a document ("Mr Blair" = "Blair").
NAME_TITLES = PERSON_TITLES | MALE_TITLES | FEMALE_TITLES | frozenset("dr prof gen col sen rep rev".split())
