"""The words the rules are made of (speech verbs, roles, organisation heads) and the regex pieces built from them.

Kept in one place so the classifier, the entity finder and the attribution finder agree on vocabulary, and
so each list is compiled once into an alternation rather than looped over per sentence.
"""

from __future__ import annotations


def alternation(words: str | list[str]) -> str:
    """A non-capturing alternation of the words, longest first so "Prime Minister" beats "Minister"."""
    items = words.split("|") if isinstance(words, str) else words
    items = sorted({w.strip() for w in items if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(w.replace(" ", "[ ]").replace(".", r"\.") for w in items) + ")"


SPEECH_VERBS = alternation(
    "said|says|told|added|adds|stated|states|noted|notes|stressed|stresses|emphasised|emphasized|emphasises|"
    "emphasizes|highlighted|highlights|underlined|remarked|observed|explained|maintained|insisted|claimed|"
    "argued|asserted|declared|warned|pointed out|informed|confirmed|revealed|disclosed|reiterated|urged|"
    "assured|acknowledged|asked|replied|commented|mentioned|announced|expressed|proposed|suggested|"
    "recalled|welcomed|lauded|briefed|wrote|tweeted|conveyed|shared|observes|believes|believed|"
    "continued|responded|testified|concluded|cautioned|complained|predicted|contended|countered|"
    "stated|writes|written|told|tells|adding|saying|telling"
)
# Nouns that name a body when a capitalised word or two go before them: "the US military", "the French
# foreign ministry", "a UK Government official" (whose speaker is the UK Government).
BODY_NOUNS = frozenset(
    "military army navy government ministry department police company firm bank agency office embassy "
    "commission council court committee administration authorities authority regulator party union "
    "campaign group spokesman spokeswoman spokesperson official officials statement".split())
# Words that stand for the body a spokesperson speaks for: "a spokesman for AOL", "CBP's spokesperson".
SPOKES_NOUNS = frozenset("spokesman spokeswoman spokesperson representative official officials source "
                         "sources statement".split())
# Words between a title and a name that are roles, not names: "House Speaker Dana Fulton".
ROLE_WORDS = frozenset(
    "Speaker Superintendent Secretary Under-Secretary Minister Chancellor President Chairman Chairwoman "
    "Director Governor Gov Senator Sen Representative Rep Ambassador Envoy Commissioner Mayor Judge Justice "
    "Chief Executive Officer Adviser Advisor Spokesman Spokeswoman Spokesperson Leader Lt Col Gen General "
    "Admiral Captain Sergeant Officer Professor Prof Dr Doctor Mr Mrs Ms Dame Sir Lord Lady King Queen "
    "Prince Princess Pope Rev Attorney Deputy Vice Acting Former Analyst Economist Correspondent Editor "
    "Premier Pres Supt Inspector Commander Mr. Mrs. Ms. Dr. Gov. Sen. Rep. Prof. Gen. Lt. Col. "
    # party labels before a name ("Conservative Alan Pike") describe, they do not name
    "Conservative Labour Republican Democrat Democratic Liberal Tory Green Socialist Independent".split())

ROLE_HEADS = alternation(
    "Special Assistant|Prime Minister|Chief Minister|Federal Minister|Minister of State|State Minister|"
    "Minister|Deputy Minister|Secretary|Secretary General|Secretary-General|Additional Secretary|"
    "Adviser|Advisor|Chairman|Chairperson|Chairwoman|Chief Executive Officer|Chief Executive|"
    "Chief Economist|President|Vice President|Vice-President|Governor|Deputy Governor|Ambassador|"
    "High Commissioner|Consul General|Consul-General|Director General|Director-General|Managing Director|"
    "Director|Spokesperson|Spokesman|Spokeswoman|Senator|Envoy|Special Envoy|Commissioner|Mayor|"
    "Chief Justice|Chancellor|Premier|Crown Prince|Emir|Army Chief|Chief of Army Staff|Head|"
    "CEO|CFO|COO|MD|DG|SAPM|MNA|MPA|PM|COAS"
)

# Words that end a role phrase's head in lower case, for "the ministry spokesperson said".
PARTY_NOUNS = (
    "spokesperson|spokesman|spokeswoman|official|officials|minister|ministry|secretary|source|sources|"
    "sides|side|delegation|government|department|authorities|authority|analyst|analysts|expert|experts|"
    "economist|economists|chairman|president|ambassador|envoy|statement|report|agency|company|firm|bank|"
    "adviser|advisor|director|governor|officer|officers|diplomat|diplomats|executive|leader|leaders"
)

ORG_SUFFIXES = frozenset(
    "Mills Mill Bank Corporation Corp Company Co Ltd Limited Inc Group Authority Commission Council Board "
    "Agency Association Federation Chamber Institute Institution University College Ministry Department "
    "Bureau Fund Organisation Organization Forum Party Assembly Parliament Senate Court Exchange Committee "
    "Office Services Holdings Industries Enterprises Works Refinery Airlines Airways Railways Shipyard "
    "Corporation Trust Foundation Society Union Alliance Cabinet Directorate Secretariat Division Police "
    "Army Navy Force Recorder Times Post Tribune Herald News Agency Steel Motors Petroleum Energy Gas Oil "
    "Securities Capital Partners Investments Textiles Cement Pharmaceuticals Telecom Airport Port".split()
)
ORG_PREFIXES = frozenset(
    "Ministry Government Department Bank University Council Board Commission Embassy Consulate Federation "
    "Chamber Institute Office Bureau Court Directorate Division Secretariat Agency Authority Academy "
    "Organisation Organization Association House Senate Parliament Cabinet State Port".split()
)

# Capitalised words that start sentences or headings but never begin a name.
NOT_NAME_WORDS = frozenset(
    "The A An This That These Those During According In On At For By With From And But Both Its It His Her "
    "Their Our Your He She They We I If When While After Before Since As Of To Also However Meanwhile "
    "Moreover Furthermore Separately Earlier Later Today Yesterday Tomorrow Last Next Speaking Addressing "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Mr Mrs Ms Dr Prof Sir Madam Dear Photo File Copyright "
    "Comments Leave Share Follow Read Click Subscribe Advertisement Sources Officials Experts Analysts "
    "Under Over Despite Although Though Because Why What Who Where How Which Each Every Some Many Most "
    "Several Such Other Another All Any No Not Only Yet So Then There Here Now Government Ministry State "
    "Federal Provincial National International Prime Chief Special Assistant Minister Secretary President "
    "Chairman Director Ambassador Senator Governor Spokesperson Spokesman Adviser Advisor Head Deputy "
    "Says Said Tells Told Adds Former Ex Acting Then".split()  # a headline's verb after a title: "Lt. Gov. Says"
)

# Lower-case nouns for what a person is ("Gazprom chairman Aleksey Miller", "Tim Morrison, a former official").
ROLE_NOUNS = alternation(
    "chairman|chairwoman|chairperson|chair|chief executive|executive|president|vice president|minister|"
    "prime minister|secretary|spokesman|spokeswoman|spokesperson|director|governor|ambassador|envoy|senator|"
    "representative|congressman|congresswoman|lawmaker|analyst|economist|strategist|official|officer|"
    "commissioner|adviser|advisor|chief|head|leader|founder|co-founder|owner|ceo|cfo|chancellor|premier|mayor|"
    "judge|lawyer|attorney|prosecutor|professor|researcher|scientist|superintendent|commander|general|"
    "colonel|captain|lieutenant|sergeant|diplomat|negotiator|manager|partner|editor|correspondent|reporter|"
    "spokesperson|coach|principal|teacher|president-elect|king|queen|prince|princess|emir|sheikh|"
    "rapporteur|inspector|investigator|detective|candidate|nominee|deputy|member|fellow|expert|activist|"
    "host|anchor|columnist|commentator|author|writer|producer|singer|actor|actress|player|striker|coach|"
    "physician|doctor|surgeon|nurse|pastor|priest|bishop|chef|entrepreneur|investor|billionaire|banker|"
    "trader|chief economist|economist|attorney general|solicitor general|secretary-general|head coach"
)

TITLES = alternation("Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Lt|Maj|Lt Gen|Maj Gen|Brig|Col|Capt|Cmdr|Cdr|Adm|Sgt|Gov|Amb|Rev|"
                     "Hon|Sir|Dame|Sen|Rep|Engr|Barrister")
# "Prof. ", "Maj. Gen. ", "Lt. Col. ": the titles before a name, each with or without its full stop.
TITLE_RUN = rf"(?:{TITLES}\.?[ ]){{1,3}}"

# One name word: Capitalised (Haroon, McDonald, O’Brien, al-Assad), or an initial (J.).
NAME_WORD = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[’'-][A-Za-z][a-z]+)*|[A-Z][’'][A-Z][a-z]+|[A-Z]\.)"
NAME_PARTICLE = r"(?:bin|ibn|al|el|ul|ud|van|von|de|da|di|der|la)"
NAME = rf"{NAME_WORD}(?:[ ](?:{NAME_PARTICLE}[ ])?{NAME_WORD}){{1,3}}"
SHORT_NAME = rf"{NAME_WORD}(?:[ ](?:{NAME_PARTICLE}[ ])?{NAME_WORD}){{0,3}}"

# A capitalised word of any shape (acronyms and possessives included), for organisation and role phrases.
CAP_WORD = r"(?:[A-Z](?:[\w’'&-]|\.(?=[A-Z]))*)"
ROLE_COMPLEMENT = (rf"(?:[ ](?:on|for|of|of[ ]the|to[ ]the|to|at[ ]the|at|in)[ ]{CAP_WORD}"
                   rf"(?:[ ](?:and|&)[ ]{CAP_WORD})?)")
ROLE = rf"(?:(?:{CAP_WORD}[ ]){{0,2}}{ROLE_HEADS}{ROLE_COMPLEMENT}{{0,3}})"
