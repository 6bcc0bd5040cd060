"""Word lists the people, quote, law and true/false generators match against (data, no logic)."""

from __future__ import annotations

# Lemmas of verbs that report speech: "X said", "X told reporters", "X warned".
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "declare",
        "explain",
        "note",
        "warn",
        "write",
        "insist",
        "argue",
        "claim",
        "comment",
        "remark",
        "reply",
        "respond",
        "stress",
        "emphasize",
        "acknowledge",
        "admit",
        "confirm",
        "deny",
        "predict",
        "suggest",
        "ask",
        "urge",
        "recall",
        "observe",
        "conclude",
        "assert",
        "tweet",
    }
)

# Head nouns of a title a person holds: "ABC. Assistant Secretary of State", "North Korean leader".
TITLE_WORDS = frozenset(
    {
        "president",
        "vice-president",
        "president-elect",
        "secretary",
        "undersecretary",
        "minister",
        "premier",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "director-general",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "ambassador",
        "envoy",
        "governor",
        "senator",
        "congressman",
        "congresswoman",
        "representative",
        "mayor",
        "chief",
        "commander",
        "general",
        "admiral",
        "head",
        "king",
        "queen",
        "prince",
        "princess",
        "chancellor",
        "judge",
        "justice",
        "attorney",
        "prosecutor",
        "ceo",
        "founder",
        "adviser",
        "advisor",
        "administrator",
        "commissioner",
        "coordinator",
        "pope",
        "archbishop",
        "bishop",
        "ruler",
        "emperor",
        "monarch",
        "sheriff",
        "superintendent",
        "dean",
        "rapporteur",
        "speaker",
        "whip",
        "official",
        "engineer",
        "master",
    }
)

# Last words of a portfolio ("Secretary ... for Democracy, Human Rights and Labor") that the
# model sometimes glues to the name after it.
TITLE_FIELD_WORDS = frozenset(
    {
        "affairs",
        "intelligence",
        "security",
        "labor",
        "labour",
        "development",
        "management",
        "policy",
        "relations",
        "operations",
        "trade",
        "finance",
        "defense",
        "defence",
        "justice",
        "health",
        "education",
        "energy",
        "commerce",
        "agriculture",
        "transportation",
        "environment",
        "services",
        "resources",
        "protection",
        "rights",
        "democracy",
        "enforcement",
        "charge",
        "state",
        "treasury",
        "interior",
        "communications",
        "information",
    }
)

# Words that make a capitalised name an organization, whatever label the model gave it.
ORGANIZATION_WORDS = frozenset(
    {
        "space",
        "inc",
        "inc.",
        "corp",
        "corp.",
        "co.",
        "ltd",
        "ltd.",
        "llc",
        "company",
        "group",
        "agency",
        "university",
        "institute",
        "bank",
        "party",
        "council",
        "ministry",
        "department",
        "association",
        "foundation",
        "fund",
        "airlines",
        "news",
        "service",
        "systems",
        "technologies",
        "labs",
        "court",
        "commission",
        "committee",
        "program",
        "programme",
        "organization",
        "union",
        "alliance",
    }
)

# Nouns that, after "the", refer back to a person already named: "the official said".
PERSON_REFERENCE_NOUNS = TITLE_WORDS | frozenset({"diplomat", "lawmaker", "officer", "expert"})

# Last words of a named law, treaty or order: "... Act of 2016", "... Treaty".
LAW_HEAD_WORDS = frozenset(
    {
        "Act",
        "Law",
        "Code",
        "Treaty",
        "Accord",
        "Accords",
        "Agreement",
        "Convention",
        "Amendment",
        "Bill",
        "Protocol",
        "Charter",
        "Compact",
        "Directive",
        "Statute",
        "Ordinance",
        "Decree",
        "Constitution",
    }
)

# Lower-case words allowed inside a law's name: "Sanctions and Policy Enhancement Act".
LAW_NAME_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "to", "in", "against", "&"})

# Generic nouns that refer back to a law named just before: "The law requires ...".
# The kind (see LAW_KIND_NOUNS) each must refer to: "the resolution" is no executive order.
LAW_REFERENCE_NOUNS = {
    "law": "law",
    "act": "law",
    "legislation": "law",
    "measure": "law",
    "statute": "law",
    "bill": "law",
    "order": "executive order",
    "resolution": "resolution",
    "treaty": "treaty",
    "agreement": "agreement",
    "accord": "agreement",
    "convention": "convention",
}

# Prepositions that say an action follows a law: "in accordance with the ... Act".
LAW_AUTHORITY_PHRASES = (
    ("in", "accordance", "with"),
    ("in", "compliance", "with"),
    ("pursuant", "to"),
    ("under",),
)

# Sentence openers that tie a sentence to the one before it: no stand-alone true/false.
CONNECTIVE_OPENERS = frozenset(
    {
        "but",
        "and",
        "or",
        "so",
        "however",
        "meanwhile",
        "still",
        "also",
        "instead",
        "then",
        "yet",
        "thus",
        "therefore",
        "moreover",
        "besides",
        "nevertheless",
        "later",
        "earlier",
        "separately",
        "similarly",
        "otherwise",
    }
)

# Quotation marks that open or close a quotation.
OPEN_QUOTES = frozenset({"“", '"'})
CLOSE_QUOTES = frozenset({"”", '"'})
QUOTE_MARKS = frozenset({"“", "”", '"', "‘‘", "''", "``"})

# The wh-phrase for a legal text by the word that names its kind; laws get "Which law".
LAW_KIND_NOUNS = (
    (("article",), "provision"),
    (("executive", "order"), "executive order"),
    (("resolution",), "resolution"),
    (("section",), "section"),
    (("treaty",), "treaty"),
    (("accord",), "agreement"),
    (("accords",), "agreement"),
    (("agreement",), "agreement"),
    (("convention",), "convention"),
    (("protocol",), "agreement"),
    (("charter",), "charter"),
    (("compact",), "agreement"),
    (("constitution",), "constitution"),
)
