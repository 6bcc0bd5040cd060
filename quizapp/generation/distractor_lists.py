"""General closed classes for distractors: number words, units, titles, sorts of bodies (data)."""

from __future__ import annotations

from quizapp.generation import gazetteer

RELATIVE_DATES = (
    "last week",
    "last month",
    "last year",
    "earlier this year",
    "two years ago",
    "in recent years",
    "in the past decade",
    "next month",
    "next year",
    "this week",
)
TIMES_OF_DAY = ("morning", "afternoon", "evening", "night")

# Words for counts, 0-20 and the tens (higher counts are written in digits in news style).
NUMBER_WORDS = {
    0: "zero",
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
SCALE_WORDS = {100: "hundred", 1_000: "thousand", 1_000_000: "million", 1_000_000_000: "billion"}
# Vague amounts ("dozens") that have no exact value.
VAGUE_AMOUNTS = ("a few", "several", "dozens", "hundreds", "thousands", "tens of thousands")

# Places come from libraries (see gazetteer.py), never from a list written here: a list of
# names would carry the knowledge of the articles it was tuned on.
GAZETTEER_COUNTRIES = gazetteer.country_names()
GAZETTEER_CITIES = gazetteer.city_names()
REGIONS = gazetteer.region_names()
# No installed library lists the states of a federation; a state is known from the article
# ("a town, then its state") or not at all.
GAZETTEER_US_STATES: frozenset[str] = frozenset()

# The sort of an organization, told by the head noun of its name ("the Ministry of X" is a
# ministry, "the X Court of Claims" a court). Sorts of one family may stand for each other
# (an agency for a department); a sort never stands for another family (no company for a
# court, no program for a college).
ORG_SORTS = {
    "court": ("court", "courts", "tribunal", "circuit"),
    "legislature": ("congress", "senate", "parliament", "assembly", "legislature", "house"),
    "ministry": ("ministry", "department", "treasury", "cabinet", "government"),
    "agency": (
        "agency", "office", "bureau", "administration", "commission", "service", "board",
        "authority", "directorate", "division", "council", "centers", "center", "centre",
        "secretariat", "inspectorate", "administrator", "corps", "institute",
    ),
    "military": ("army", "navy", "police", "force", "forces", "guard", "military", "command"),
    "international": (
        "nations", "union", "organization", "organisation", "programme", "program",
        "alliance", "association",
    ),
    "finance": ("bank", "fund", "reserve", "exchange"),
    "school": ("university", "college", "school", "academy", "seminary"),
    "company": (
        "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "motors",
        "airlines", "holdings", "industries", "enterprises",
    ),
    "news": ("news", "press", "times", "post", "radio", "television", "tv", "journal", "herald"),
    "party": ("party", "movement", "front"),
    "civil": ("committee", "foundation", "society", "watch", "federation", "coalition", "network"),
    "criminal": ("cartel", "gang", "syndicate", "mafia"),
    "country": ("republic", "kingdom", "emirates", "principality", "sultanate"),
}  # fmt: skip
ORG_FAMILIES = {
    "court": "justice",
    "legislature": "legislature",
    "ministry": "executive",
    "agency": "executive",
    "military": "military",
    "international": "international",
    "school": "school",
    "company": "company",
    "news": "news",
    "party": "party",
    "civil": "civil",
    "criminal": "criminal",
    "country": "country",
    "finance": "finance",
}
# Families a body of unknown sort may belong to ("Acme", an unexplained acronym): such a
# body is no wrong choice for a court or a ministry, but may stand beside a company.
LOOSE_ORG_FAMILIES = frozenset({"company", "civil", "international", "news", "finance"})
# Sorts whose answer takes only its own family: an unknown name is no court or college.
STRICT_ORG_SORTS = frozenset(
    {"court", "school", "party", "news", "criminal", "company", "legislature", "country"}
)
# Portfolios of ministries and departments: "the Ministry of Trade" may be offered beside
# "the Ministry of Health" when the article names too few bodies (general words only).
MINISTRY_PORTFOLIOS = (
    "Agriculture", "Commerce", "Defence", "Education", "Energy", "Finance", "Foreign Affairs",
    "Health", "Interior", "Justice", "Labour", "Planning", "Trade", "Transport",
)  # fmt: skip
# The same for "the X Department", the way its departments are named in news English.
DEPARTMENT_PORTFOLIOS = (
    "Agriculture", "Commerce", "Defense", "Education", "Energy", "Health", "Interior",
    "Justice", "Labor", "State", "Transportation", "Treasury",
)  # fmt: skip
# Words of an organization's name that say what it is, not which one it is: "the Treasury"
# and "the Treasury" Department are one body.
GENERIC_ORG_WORDS = frozenset(
    {
        "department", "ministry", "office", "agency", "bureau", "administration", "service",
        "commission", "board", "council", "committee", "organization", "organisation", "group",
        "company", "corporation", "inc", "corp", "co", "ltd", "university", "college",
        "institute", "school", "court", "the", "of", "for", "and", "on", "in", "&", "u.s.",
        "us",
    }
)  # fmt: skip

# What a person is, told by the title before or after the name: a judge's wrong choices are
# other judges, an official's other officials (general titles, no names).
ROLE_GROUPS = {
    "court": (
        "judge", "justice", "magistrate", "prosecutor", "attorney", "lawyer", "counsel",
        "defendant",
    ),
    "legislator": (
        "senator", "representative", "congressman", "congresswoman", "lawmaker", "legislator",
        "deputy", "mp", "speaker", "rep", "sen",
    ),
    "official": (
        "president", "vice", "minister", "secretary", "undersecretary", "premier",
        "chancellor", "governor", "mayor", "administrator", "director", "commissioner",
        "ambassador", "spokesperson", "spokesman", "spokeswoman", "official", "chief", "head",
        "chair", "chairman", "chairwoman", "consul", "envoy", "leader", "king", "queen",
        "prince", "dictator", "sheriff", "commissar",
    ),
    "military": (
        "general", "gen", "colonel", "col", "admiral", "commander", "sergeant", "major",
        "maj", "lieutenant", "lt", "captain", "capt", "officer",
    ),
    "expert": (
        "dr", "doctor", "professor", "prof", "researcher", "scientist", "economist",
        "analyst", "expert", "astronaut", "engineer",
    ),
}  # fmt: skip

# Nouns that measure rather than count things: a count of people gets no "215 kilometers".
MEASURE_UNITS = frozenset(
    {
        "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
        "kilometer", "kilometre", "mile", "meter", "metre", "foot", "feet", "inch",
        "centimeter", "hectare", "acre", "percent", "percentage", "point", "dollar", "euro",
        "pound", "yuan", "yen", "ton", "tonne", "kilogram", "gram", "liter", "litre", "gallon",
        "barrel", "degree", "vote", "time",
    }
)  # fmt: skip

# Invented people, only when the article and the pool give too few real ones (and then all
# three choices are invented, never one beside a real person). Common given names (women's,
# then men's) and surnames of one origin go together ("Keiko Tanaka", not "Keiko Mbeki");
# the three invented people come from three origins. General lists, checked against no
# article: any name that shares a word with the article's own names is skipped at run time.
PERSON_NAME_ORIGINS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("Astrid", "Greta", "Ingrid", "Klara"),
        ("Anders", "Jonas", "Sven", "Oskar"),
        ("Andersen", "Dahlberg", "Eklund", "Halvorsen", "Lindgren", "Eriksen", "Jansen"),
    ),
    (
        ("Lucia", "Rosa", "Valeria", "Adriana"),
        ("Mateo", "Rafael", "Tomas"),
        ("Alvarado", "Barros", "Ibarra", "Quintero", "Rosales", "Sandoval", "Zamora"),
    ),
    (
        ("Camille", "Mara", "Esther", "Nora", "Sofia"),
        ("Leon", "Isaac"),
        ("Castellano", "Gallo", "Moretti", "Rossi", "Fontaine", "Schreiber", "Weber"),
    ),
    (
        ("Petra", "Zofia"),
        ("Dmitri", "Marek", "Nikos"),
        ("Kowalczyk", "Novak", "Petrov", "Varga", "Horvath"),
    ),
    (
        ("Dalia", "Laila", "Rania", "Yara"),
        ("Bilal", "Farid", "Omar", "Samir", "Tariq"),
        ("Farouk", "Haddad", "Karimi", "Rahimi", "Saleh"),
    ),
    (("Elif", "Selin", "Noor", "Ayse"), ("Yusuf", "Kaveh"), ("Demir", "Yilmaz", "Aydin", "Kaya")),
    (
        ("Anika", "Kavita", "Meera"),
        ("Arjun", "Ravi", "Sanjay"),
        ("Bakshi", "Kapoor", "Iqbal", "Mehta"),
    ),
    (
        ("Keiko", "Hana", "Aiko"),
        ("Haruto", "Hiroshi", "Kenta"),
        ("Nakamura", "Tanaka", "Takahashi", "Yamada"),
    ),
    (
        ("Amara", "Abena", "Ngozi"),
        ("Chidi", "Emeka", "Kwame", "Kofi"),
        ("Abara", "Adeyemi", "Mbeki", "Mensah", "Osei"),
    ),
)
# Words that tell a person is a woman or a man (a pronoun after the name, a courtesy title).
FEMALE_WORDS = frozenset({"she", "her", "hers", "herself", "ms", "ms.", "mrs", "mrs.", "madam"})
MALE_WORDS = frozenset({"he", "him", "his", "himself", "mr", "mr."})

# Invented sibling bodies: the word of a body's name that says what it deals with, swapped
# for another general one ("the District Court" -> "the Bankruptcy Court").
ORG_PATTERN_HEADS = frozenset(
    {
        "agency", "commission", "office", "court", "board", "bureau", "service", "authority",
        "council", "committee", "institute", "administration", "directorate", "inspectorate",
        "tribunal", "command",
    }
)  # fmt: skip
COURT_SUBJECTS = (
    "District", "Appeals", "Bankruptcy", "Tax", "Claims", "Supreme", "Family", "Juvenile",
    "Circuit", "Probate", "Criminal", "Superior", "Constitutional", "High",
)  # fmt: skip
# The commands of an armed force, by region or by task ("the Southern Command").
COMMAND_SUBJECTS = (
    "Northern", "Southern", "Central", "Pacific", "Strategic", "Cyber", "Space",
    "Transportation", "Special Operations",
)  # fmt: skip
ORG_SUBJECT_NOUNS = (
    "Agriculture", "Aviation", "Consumer", "Customs", "Defense", "Education", "Election",
    "Energy", "Environment", "Fisheries", "Forest", "Health", "Housing", "Immigration", "Labor",
    "Mining", "Postal", "Railway", "Refugee", "Revenue", "Securities", "Security", "Statistics",
    "Tax", "Tourism", "Trade", "Transport", "Veterans", "Water", "Weather", "Wildlife",
    "Broadcasting", "Competition", "Communications", "Telecommunications", "Highway",
)  # fmt: skip
ORG_SUBJECT_ADJECTIVES = (
    "Agricultural", "Electoral", "Environmental", "Financial", "Judicial", "Maritime",
    "Medical", "Educational", "Industrial", "Nuclear", "Civil", "Economic",
    "Monetary", "Regulatory", "Statistical", "Cultural", "Scientific",
)  # fmt: skip

# Invented named laws, in the answer's own pattern ("the X Protection Act of 2008"): what a
# law is about and what it does, in general words.
LAW_SUBJECTS = (
    "Clean Water", "Consumer", "Public Health", "Food Safety", "Energy Security", "Workforce",
    "Affordable Housing", "Student Aid", "Wildlife", "Small Business", "Rural Development",
    "Veterans", "Data Privacy", "Child Welfare", "Coastal", "Highway Safety", "Farm Credit",
    "Pension", "Mine Safety", "Broadband",
)  # fmt: skip
LAW_PURPOSES = (
    "Protection", "Reform", "Improvement", "Modernization", "Relief", "Enforcement",
    "Investment", "Recovery", "Security", "Assistance",
)  # fmt: skip

# Last resorts for counts that no value moves: shares, ranks, vague amounts (general words).
FRACTIONS = ("a quarter", "a third", "half", "two-thirds", "three-quarters", "a fifth")
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth",
)  # fmt: skip
# Vague plural scales, smallest first ("tens of millions", "hundreds of thousands").
VAGUE_SCALES = ("dozens", "tens", "hundreds", "thousands", "millions", "billions")
# Clock times for a time of day that has no number ("noon").
CLOCK_TIMES = ("noon", "midnight", "6 a.m.", "9 a.m.", "3 p.m.", "8 p.m.")
