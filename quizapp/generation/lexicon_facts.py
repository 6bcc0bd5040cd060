"""Word lists for the fact generators (how_many, when, where, which_org) and their grammar."""

from __future__ import annotations

from quizapp.generation.words import MONTH_ABBREVIATIONS, MONTH_NAME_KEYS, PRONOUNS

# Verbs that report speech: a clause headed by one of them with a clausal complement is a
# quotation frame ("X said Thursday that ..."), not a fact to ask about.
REPORTING_VERBS = frozenset(
    {
        "add",
        "announce",
        "argue",
        "claim",
        "confirm",
        "declare",
        "explain",
        "insist",
        "note",
        "report",
        "say",
        "state",
        "tell",
        "warn",
        "write",
    }
)

# Possessive pronouns (the free-standing ones too): a statement cannot use them alone.
POSSESSIVE_PRONOUNS = frozenset({"his", "hers", "its", "their", "theirs", "mine", "yours"})

# Pronouns a question cannot use without an antecedent: the shared list without the
# possessives (handled through POSSESSIVE_PRONOUNS and OWNER_POSSESSIVES), plus "one".
UNRESOLVED_PRONOUNS = (PRONOUNS - POSSESSIVE_PRONOUNS) | {"one"}

# Prepositions opening a list of examples, an aside a question drops when set off by a comma.
EXAMPLE_PREPOSITIONS = frozenset({"including", "among"})

# Nouns "this"/"that" may point at without needing the story ("so far this year").
TIME_NOUNS = frozenset(
    {"year", "month", "week", "weekend", "season", "summer", "winter", "spring", "fall", "time"}
)

# Group nouns a "their" may refer to ("the crew ... during their stay").
COLLECTIVE_NOUNS = frozenset(
    {"crew", "team", "group", "government", "police", "staff", "family", "public", "panel"}
)

# Nouns for a person that a "his"/"her" may refer to ("a Ukrainian man ... for his role").
PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "boy",
        "girl",
        "father",
        "mother",
        "son",
        "daughter",
        "husband",
        "wife",
        "suspect",
        "official",
        "minister",
        "president",
        "judge",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    }
)

# Relative pronouns: a relative clause's subject stands for the noun it modifies.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# Subordinators of an adverbial clause a question may keep as its time frame.
KEPT_CLAUSE_MARKS = frozenset({"when", "after", "before", "while", "as", "since"})

# Words that make even a dated expression a poor "When" answer: recurring ("every
# Monday"), vague ("in recent years") or a range ("between 2019 and 2021").
VAGUE_DATE_WORDS = frozenset(
    {
        "every",
        "each",
        "daily",
        "weekly",
        "monthly",
        "annual",
        "annually",
        "yearly",
        "recent",
        "recently",
        "past",
        "between",
        "through",
        "to",
        "until",
        "since",
        "old",
    }
)

# Words that date an expression (weekdays: words.WEEKDAY_KEYS): months, full and abbreviated as
# spaCy tokens ("jan.", "sept."; not "mar." or "apr."), and holidays.
MONTHS = MONTH_NAME_KEYS | frozenset(
    abbreviation.lower()
    for abbreviation in MONTH_ABBREVIATIONS
    if abbreviation not in {"Mar.", "Apr."}
)
HOLIDAYS = frozenset(
    ["christmas", "easter", "thanksgiving", "ramadan", "eid", "hanukkah", "diwali"]
)

# A number and one of these units is a duration or an age ("three years"), not a date.
DURATION_UNITS = frozenset(
    {
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "month",
        "year",
        "decade",
        "century",
        "seconds",
        "minutes",
        "hours",
        "days",
        "nights",
        "weeks",
        "months",
        "years",
        "decades",
        "centuries",
    }
)

# Verbs whose "to <duration>" is a penalty: "sentenced to 13 years".
SENTENCING_VERBS = frozenset({"sentence", "condemn", "jail", "imprison"})

# Words that turn a duration back into a point in time ("two years ago", "last year").
POINT_IN_TIME_WORDS = frozenset({"ago", "last", "next", "this", "earlier", "later"})

# Prepositions that introduce a date adjunct: the answer is the date alone ("on Monday")
# or includes the preposition ("after 4 a.m.", "by 2030"); "since", "for" or "until" a date
# answer "how long", not "when".
DATE_PREPOSITIONS = frozenset({"on", "in", "at"})
DATE_PREPOSITIONS_KEPT = frozenset({"before", "after", "by"})
# Nouns a sum of money in front of states the value of ("a $68.7 billion deal to buy X"):
# "How much is the deal to buy X worth?".
VALUED_NOUNS = frozenset({"deal", "contract", "settlement", "agreement", "acquisition"})
# Nouns a sum of money in front of states the cost of ("a $2 billion plan for a subway line"):
# "How much does the plan for a subway line cost?".
COSTED_NOUNS = frozenset({"program", "plan", "project", "initiative", "renovation", "expansion"})
# Verbs that say how long something went on: "When did the ceasefire last?" asks a length as a
# date, so their dates are not asked.
DURATION_VERBS = frozenset({"last", "span", "persist", "endure", "stretch"})

# Nouns a count of which makes a poor "How many ...?" question (units, money, measures).
# Uncounted nouns that count events when they modify a verb ("raised rates 11 times").
FREQUENCY_NOUNS = frozenset({"times"})
UNCOUNTED_NOUNS = frozenset(
    {
        "percent",
        "percentage",
        "%",
        "cent",
        "cents",
        "dollar",
        "dollars",
        "euro",
        "euros",
        "pound",
        "pounds",
        "yen",
        "yuan",
        "won",
        "rupees",
        "time",
        "times",
        "one",
        "ones",
        "other",
        "others",
        "thing",
        "things",
        "way",
        "ways",
        "lot",
        "lots",
        "kind",
        "kinds",
        "type",
        "types",
        "degree",
        "degrees",
        "per",
        "am",
        "pm",
        "a.m.",
        "p.m.",
    }
)

# Words after a unit that make it a rate ("80 kilometers per hour", "$5 a gallon").
RATE_WORDS = frozenset({"per", "an", "a", "each"})

# Head nouns of names the model calls organizations that are events or things.
NOT_ORG_HEADS = frozenset(
    {
        "fire",
        "storm",
        "hurricane",
        "cyclone",
        "typhoon",
        "earthquake",
        "flood",
        "act",
        "law",
        "bill",
        "treaty",
        "agreement",
        "list",
        "prize",
        "award",
        "games",
        "cup",
        "summit",
        "conference",
        "grant",
        "plan",
        "project",
        "initiative",
        "report",
        "strategy",
        "mission",
        "operation",
        # Agreements are laws, not bodies ("the Lakeside Accords").
        "accord",
        "accords",
        "pact",
        "protocol",
        "charter",
        "convention",
        # Things made or caught, not bodies that act.
        "virus",
        "vaccine",
        "disease",
        "aircraft",
        "jet",
        "rocket",
        "spacecraft",
        "capsule",
        "satellite",
        "telescope",
        "missile",
        "drone",
    }
)
# Head nouns of a country's formal name the model may call an organization ("the Republic of
# X", "the United Kingdom of Y"): a place, asked as a country.
COUNTRY_HEADS = frozenset(
    {"republic", "kingdom", "emirates", "emirate", "principality", "sultanate", "duchy"}
)

# Adjectives that say nothing about an organization's kind ("another contractor").
NON_KIND_ADJECTIVES = frozenset({"other", "another", "same", "such", "only", "former", "new"})

# Number words that are rarely counts ("one of the things", "a million reasons").
NON_COUNT_NUMBERS = frozenset({"one", "1", "zero", "0"})

# Prepositions left at the end of a question about their object ("How many officials did
# the Shore Ridge impose sanctions on?"); others move to the front ("In how many states").
STRANDED_PREPOSITIONS = frozenset({"on", "about"})

# Prepositions an organization may be asked through ("To which body ...?", "... sanctions on?").
ORG_PREPOSITIONS = frozenset({"to", "by", "with", "from", "against", "for"})

# Gatherings a place phrase may locate: "the two-day summit in Doha" -> "Where was the two-day
# summit held?".
HELD_EVENT_NOUNS = frozenset(
    {
        "summit",
        "summits",
        "conference",
        "talks",
        "meeting",
        "negotiations",
        "forum",
        "trial",
        "hearing",
        "ceremony",
        "festival",
        "rally",
        "election",
        "referendum",
        "congress",
        "convention",
        "games",
        "tournament",
    }
)

# Prepositions that place an event somewhere: "in Pyongyang", "at the White House".
PLACE_PREPOSITIONS = frozenset({"in", "at", "inside", "near", "outside", "across", "throughout"})

# Verbs whose "to X" names where something went ("extradited to Rose").
MOTION_VERBS = frozenset(
    {
        "travel",
        "fly",
        "flee",
        "return",
        "go",
        "move",
        "deploy",
        "send",
        "extradite",
        "deport",
        "evacuate",
        "relocate",
        "transfer",
        "ship",
        "export",
        "sail",
        "march",
        "drive",
        "come",
        "bring",
        "airlift",
        "dispatch",
    }
)

# Verbs whose "from X" names where a journey started ("lifted off from Grove Glen Dale").
DEPARTURE_VERBS = frozenset(
    {"launch", "lift", "depart", "take", "fly", "sail", "leave", "flee", "evacuate", "escape"}
)

# Subordinators of a clause that states a condition, not a fact.
CONDITION_MARKS = frozenset({"if", "unless", "whether"})

# Modals of a conjecture ("the court would take up the case"): no fact to ask about.
CONJECTURE_MODALS = frozenset({"would", "could", "might", "may"})

# Organization kinds one belongs to rather than works for.
MEMBERSHIP_KINDS = frozenset(
    {"party", "coalition", "movement", "league", "union", "alliance", "caucus"}
)

# Titles of a person who runs an organization ("chairman of the House Freedom Caucus").
LEADER_TITLES = frozenset(
    {
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "director",
        "head",
        "leader",
        "commander",
        "chief",
        "founder",
        "administrator",
        "secretary-general",
    }
)

# Head nouns of sites, which are "located" somewhere rather than "based" there.
FACILITY_HEADS = frozenset(
    {
        "stadium",
        "airport",
        "base",
        "cosmodrome",
        "port",
        "prison",
        "museum",
        "square",
        "bridge",
        "dam",
        "plant",
        "arena",
        "palace",
        "cathedral",
        "park",
        "fairgrounds",
    }
)

# Nouns for a part of an organization that acts for it ("a three-judge panel of the court").
PART_NOUNS = frozenset({"panel", "team", "delegation", "unit", "subcommittee", "mission"})

# Adverbs that focus on the place before them ("in Nairobi alone").
FOCUS_ADVERBS = frozenset({"alone", "only", "itself", "too", "also"})

# Titles before a person's name (lower-cased, without a final dot).
PERSON_TITLES = frozenset(
    {
        "governor",
        "governors",
        "gov",
        "senator",
        "senators",
        "sen",
        "rep",
        "representative",
        "president",
        "minister",
        "judge",
        "justice",
        "mayor",
        "dr",
        "mr",
        "mrs",
        "ms",
        "gen",
        "general",
        "chairman",
        "chairwoman",
        "commissioner",
        "secretary",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    }
)

# Head nouns of organization names -> the word a "Which ...?" question uses.
ORG_KIND_BY_HEAD = {
    "administration": "agency",
    "agency": "agency",
    "army": "army",
    "association": "association",
    "bank": "bank",
    "board": "board",
    "bureau": "agency",
    "cabinet": "body",
    "center": "organization",
    "coalition": "coalition",
    "college": "college",
    "commission": "commission",
    "committee": "committee",
    "company": "company",
    "congress": "legislative body",
    "house": "chamber",
    "corp": "company",
    "corp.": "company",
    "corporation": "company",
    "council": "council",
    "court": "court",
    "department": "department",
    "foundation": "foundation",
    "fund": "fund",
    "group": "group",
    "inc": "company",
    "inc.": "company",
    "institute": "institute",
    "league": "league",
    "ministry": "ministry",
    "movement": "movement",
    "network": "network",
    "office": "office",
    "organization": "organization",
    "organisation": "organization",
    "parliament": "legislative body",
    "assembly": "legislative body",
    "party": "party",
    "police": "police force",
    "senate": "chamber",
    "school": "school",
    "service": "organization",
    "tribunal": "court",
    "union": "organization",
    "university": "university",
}

# Verbs whose percentage is a change, asked "By what percentage did inflation rise?".
CHANGE_VERBS = frozenset(
    {
        "rise",
        "fall",
        "grow",
        "increase",
        "decrease",
        "drop",
        "decline",
        "climb",
        "jump",
        "gain",
        "shrink",
        "slip",
        "surge",
        "expand",
        "contract",
        "cut",
        "raise",
        "lower",
        "reduce",
        "soar",
        "plunge",
        "slide",
        "tumble",
    }
)
# Longest "of" group a percentage question names ("What percentage of registered voters").
MAX_SHARE_TOKENS = 6
# Nouns of "a total of $1.4 billion", asked as the sum itself ("How much did the DEF pledge?").
TOTAL_NOUNS = frozenset({"total", "sum"})
# Nouns of "a team of 16 specialists": sending the team sends the people, so the count is
# asked through the verb ("How many specialists did the agency deploy?").
CONTAINER_NOUNS = frozenset(
    {"team", "group", "delegation", "convoy", "fleet", "contingent", "crew", "unit", "force"}
)
