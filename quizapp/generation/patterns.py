"""Rule patterns the parser adds where the small spaCy model is weak (laws, number words)."""

from __future__ import annotations

import re

# A capitalised word inside a law's name: "Banks", "ABC.", "PATRIOT", "Dodd-Frank", "21st".
_NAME_WORD = r"(?:[A-Z][\w'’.&-]*|\d+(?:st|nd|rd|th))"
# Lower-case words allowed between capitalised words of a name ("Banks and Woods").
_CONNECTOR = r"(?:and|of|for|on|the|to|in|with|&)"
# Between words of a name after "Stone … of the", commas may separate a list.
_LIST_GAP = rf"(?:,\s+(?:and\s+)?|\s+(?:{_CONNECTOR}\s+)*)"
# "Frost" heads a name only when no capitalised word follows ("the Rose Frost", never
# "President Frost Clinton").
_LAW_HEAD = (
    r"(?:Act|Law|Code|Statute|Amendment|Convention|Accord|Treaty"
    r"|Compact|Charter|Protocol|Covenant|Bill(?!\s+[A-Z]))"
)
# A year that completes a law's name: "… Ash of 2016", or "… Frost, 2026" in Commonwealth style.
_LAW_YEAR = r"(?:\s+of\s+|,\s+)(?:1[6-9]|20)\d\d"

# "the Finch Lark Banks and Woods Lake Ash of 2016", "the Patriot Ash",
# "the Marsh Law", "the First Amendment": the parser lets the specific patterns below win
# where they overlap ("Major Miles 13694 and the Park Marsh Ash").
LAW_NAME_PATTERN = re.compile(
    rf"\b{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_NAME_WORD})*\s+{_LAW_HEAD}\b"
    rf"(?:{_LAW_YEAR}\b)?"
)
# "and the" inside a name match joins two names ("the X Ash and the Y Ash").
NAME_JOINT = re.compile(r"\s+and\s+the\s+")
# A piece of a split match that still ends like a law's name.
LAW_NAME_END = re.compile(rf"\s{_LAW_HEAD}(?:{_LAW_YEAR})?$")
# Numbered legal references, matched before law names.
LAW_REFERENCE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "Stone 7031(c)", "Stone 212(a)(3)(C) of the Rivers and Hill Ash",
    # "Stone 7031(c) of the Pine of Birch, Wells Fields, and Related Programs
    # Appropriations Ash" (after "Stone … of the", a comma cannot end the name).
    re.compile(
        r"\bSection\s+\d+[A-Za-z]?(?:\([A-Za-z0-9]+\))*"
        rf"(?:\s+of\s+the\s+{_NAME_WORD}(?:{_LIST_GAP}{_NAME_WORD})*\s+{_LAW_HEAD}\b"
        r"(?:\s+of\s+(?:1[6-9]|20)\d\d\b)?)?"
    ),
    # "Major Miles 13694", "Major Miles No. 14024".
    re.compile(r"\bExecutive\s+Order\s+(?:No\.\s*)?\d[\d,]*\b"),
    # "Public Law 115-44", "Resolution 2397", "H.R. 757", "S. 2144".
    re.compile(r"\b(?:Public\s+Law\s+\d+-\d+|(?:Security\s+Council\s+)?Resolution\s+\d+)\b"),
    re.compile(r"\b(?:H\.\s?R\.|S\.)\s+\d+\b"),
)

# Capitalised words that begin a sentence or a clause, never a law's name ("In the Clean Air
# Ash" -> "Clean Air Ash").
LAW_LEADING_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "of",
        "for",
        "on",
        "to",
        "in",
        "under",
        "by",
        "with",
        "after",
        "before",
        "as",
        "at",
        "from",
        "this",
        "that",
        "its",
        "his",
        "her",
        "their",
        "our",
        "new",
        "old",
        "former",
        "current",
        "proposed",
        "landmark",
        "so-called",
    }
)
# A LAW entity of the model names one of these, else it is a mislabelled name ("Doe").
LAW_WORDS = frozenset(
    {
        "act",
        "law",
        "code",
        "statute",
        "amendment",
        "convention",
        "accord",
        "treaty",
        "section",
        "article",
        "order",
        "resolution",
        "bill",
        "constitution",
        "directive",
        "regulation",
        "protocol",
        "charter",
    }
)
# A bare head word is a common noun, not a name ("The Ash", "This Law").
LAW_BARE_NAMES = frozenset({"act", "law", "code", "statute", "amendment", "convention", "treaty"})

# Number words the small model leaves unlabelled or labels as something else.
# Words a number range or an estimate may hold without naming a currency ("between 20
# million and 25 million", "about 1.5 million").
NUMBER_RANGE_WORDS = frozenset(
    {"between", "and", "to", "about", "around", "some", "nearly", "almost", "roughly", "over"}
    | {"more", "than", "less", "fewer", "at", "least", "up", "-", "–"}
)
NUMBER_WORDS = frozenset(
    {
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
    }
)
# spaCy labels mapped to the mention kinds generators and distractors use.
KIND_BY_LABEL = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "GPE",
    "DATE": "DATE",
    "TIME": "DATE",
    "CARDINAL": "NUMBER",
    "QUANTITY": "NUMBER",
    "LAW": "LAW",
}

# Capitalised words after a name that make it a place or a facility, not a person ("Soto Cano
# Air Base", "Grove Glen Dale").
FACILITY_WORDS = frozenset(
    {
        "air", "base", "airport", "airfield", "station", "port", "harbor", "bridge", "dam",
        "stadium", "arena", "street", "avenue", "road", "highway", "square", "park", "prison",
        "cosmodrome", "center", "centre", "hospital", "palace", "tower", "building", "hall",
        "valley", "river", "lake", "mountain", "mountains", "island", "islands", "bay", "coast",
        "county", "province", "district", "city", "camp", "field", "plant", "mine",
        "fairgrounds", "refinery", "terminal", "reservoir", "forest", "canyon",
    }
)  # fmt: skip
# Nouns of an appositive that make a name an organization ("Volga Avionika, a company in Roe").
ORGANIZATION_APPOSITION_NOUNS = frozenset(
    {
        "company", "firm", "maker", "manufacturer", "supplier", "distributor", "exporter",
        "importer", "business", "startup", "subsidiary", "bank", "group", "agency", "network",
        "organization", "nonprofit", "charity", "party", "militia", "gang", "band", "outlet",
        "newspaper", "broadcaster", "university", "school", "lab", "laboratory", "retailer",
        "carrier", "airline", "operator", "contractor", "developer", "platform", "app",
        "service", "alliance", "coalition", "union", "association", "club", "team", "brand",
        "bloc", "cartel", "consortium",
    }
)  # fmt: skip
# Entity labels the parser may give to a surname the model misread ("Field" as ORG).
SURNAME_MISLABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
# Title words the shared lexicon lacks that the model glues to a name ("Special Agent in Charge
# Dawn Dusk").
EXTRA_TITLE_WORDS = frozenset(
    {
        "charge", "agent", "officer", "inspector", "detective", "lieutenant", "captain",
        "sergeant", "colonel", "major", "corporal", "astronaut", "cosmonaut", "commissioner",
    }
)  # fmt: skip
# Prepositions whose object is a place: a "person" after them is a town the model misread
# ("near Grants Pass", "north of Grants Pass").
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "at", "from", "to", "across"})
DIRECTION_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "northeastern", "northwestern", "southeastern", "southwestern",
    }
)  # fmt: skip
# Nouns of an appositive that make a name a person ("Helen Park, a lawyer in Cross Bell").
PERSON_APPOSITION_NOUNS = frozenset(
    {
        "lawyer", "attorney", "professor", "farmer", "resident", "student", "teacher",
        "doctor", "nurse", "analyst", "economist", "researcher", "scientist", "engineer",
        "activist", "worker", "owner", "mother", "father", "son", "daughter", "wife",
        "husband", "spokesman", "spokeswoman", "spokesperson", "official", "director",
        "president", "minister", "senator", "governor", "mayor", "judge", "leader", "chief",
        "member", "founder", "executive", "journalist", "reporter", "writer", "author",
        "candidate", "lawmaker", "diplomat", "officer", "expert", "volunteer", "survivor",
    }
)  # fmt: skip
