"""Built-in same-sort distractors for when an article and the caller's pool run short (data)."""

from __future__ import annotations

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

COUNTRIES = (
    "China",
    "Japan",
    "South Korea",
    "Russia",
    "India",
    "Germany",
    "France",
    "the United Kingdom",
    "Canada",
    "Mexico",
    "Brazil",
    "Australia",
    "Iran",
    "Syria",
    "Turkey",
    "Egypt",
    "Nigeria",
    "Kenya",
    "Indonesia",
    "Vietnam",
    "the Philippines",
    "Pakistan",
    "Ukraine",
    "Italy",
    "Spain",
)
CITIES = (
    "Beijing",
    "Tokyo",
    "Seoul",
    "Moscow",
    "London",
    "Paris",
    "Berlin",
    "Geneva",
    "New York",
    "Washington",
    "Brussels",
    "New Delhi",
    "Cairo",
    "Nairobi",
    "Jakarta",
    "Hanoi",
    "Manila",
    "Kyiv",
    "Rome",
    "Madrid",
)
REGIONS = (
    "East Asia",
    "the Middle East",
    "Europe",
    "Africa",
    "Latin America",
    "Southeast Asia",
    "Central Asia",
    "the Korean Peninsula",
)

GOVERNMENT_BODIES = (
    "the State Department",
    "the Treasury Department",
    "the Justice Department",
    "the Defense Department",
    "the Commerce Department",
    "the Department of Homeland Security",
    "the Pentagon",
    "the White House",
    "Congress",
    "the Senate",
    "the House of Representatives",
    "the Federal Bureau of Investigation",
    "the Central Intelligence Agency",
    "the National Security Council",
)
INTERNATIONAL_BODIES = (
    "the United Nations",
    "the U.N. Security Council",
    "the European Union",
    "NATO",
    "the World Bank",
    "the International Monetary Fund",
    "the World Health Organization",
    "the African Union",
    "the Association of Southeast Asian Nations",
    "the International Atomic Energy Agency",
    "the World Trade Organization",
    "the Red Cross",
)
NEWS_ORGANIZATIONS = (
    "Reuters",
    "the Associated Press",
    "Agence France-Presse",
    "the BBC",
    "CNN",
    "Radio Free Asia",
    "The New York Times",
    "The Washington Post",
    "Yonhap News Agency",
    "Al Jazeera",
)
RIGHTS_GROUPS = (
    "Human Rights Watch",
    "Amnesty International",
    "Freedom House",
    "Doctors Without Borders",
    "the International Crisis Group",
    "Transparency International",
)
COMPANIES = (
    "General Electric",
    "Boeing",
    "Microsoft",
    "Toyota",
    "Samsung",
    "ExxonMobil",
    "Siemens",
    "Unilever",
)
SCHOOLS = (
    "Harvard University",
    "Stanford University",
    "the University of Oxford",
    "Georgetown University",
    "Seoul National University",
    "the Massachusetts Institute of Technology",
)
# Words in an organization's name that tell its sort.
ORG_SORT_WORDS = {
    "government": (
        "department",
        "ministry",
        "agency",
        "congress",
        "senate",
        "house",
        "council",
        "office",
        "commission",
        "bureau",
        "administration",
        "pentagon",
        "parliament",
        "court",
        "army",
        "navy",
        "police",
        "government",
    ),
    "news": ("news", "service", "press", "times", "post", "radio", "television", "tv", "voa"),
    "international": ("nations", "union", "organization", "nato", "bank", "fund", "alliance"),
    "rights": ("rights", "watch", "amnesty", "freedom", "foundation", "group"),
    "company": ("inc", "corp", "company", "co", "ltd", "group", "motors", "airlines"),
    "school": ("university", "college", "school", "institute", "academy"),
}
ORGANIZATIONS_BY_SORT = {
    "government": GOVERNMENT_BODIES,
    "news": NEWS_ORGANIZATIONS,
    "international": INTERNATIONAL_BODIES,
    "rights": RIGHTS_GROUPS,
    "company": COMPANIES,
    "school": SCHOOLS,
}

LAWS = (
    "the Global Magnitsky Human Rights Accountability Act",
    "the Countering America's Adversaries Through Sanctions Act",
    "the International Emergency Economic Powers Act",
    "the Trading with the Enemy Act",
    "the Foreign Corrupt Practices Act",
    "the USA PATRIOT Act",
    "the North Korean Human Rights Act of 2004",
    "the Otto Warmbier North Korea Nuclear Sanctions and Enforcement Act of 2019",
    "the Foreign Assistance Act of 1961",
    "the Immigration and Nationality Act",
    "the Civil Rights Act of 1964",
    "the Clean Air Act",
    "the Affordable Care Act",
    "the Freedom of Information Act",
    "the Inflation Reduction Act of 2022",
    "the CHIPS and Science Act of 2022",
    "the Infrastructure Investment and Jobs Act of 2021",
    "the American Rescue Plan Act of 2021",
    "the Uyghur Forced Labor Prevention Act of 2021",
    "the Hong Kong Human Rights and Democracy Act of 2019",
    "the Tax Cuts and Jobs Act of 2017",
    "the Budget Control Act of 2011",
    "the Dodd-Frank Wall Street Reform and Consumer Protection Act of 2010",
    "the Homeland Security Act of 2002",
    "the Sarbanes-Oxley Act of 2002",
    "the Americans with Disabilities Act of 1990",
    "the Voting Rights Act of 1965",
    "the Clean Water Act of 1972",
    "the Endangered Species Act of 1973",
    "the Privacy Act of 1974",
    "the Children's Online Privacy Protection Act of 1998",
)

# ---- a small gazetteer: the sort of a place (country, US state, city) -----------------------
# Used to keep a place's distractors at its level (a city for a city) and to tell a surname
# from a place name; names without a leading "the".
GAZETTEER_COUNTRIES = frozenset(
    {
        "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda",
        "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain",
        "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia",
        "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso",
        "Burundi", "Cambodia", "Cameroon", "Canada", "Cape Verde", "Central African Republic",
        "Chad", "Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica", "Croatia",
        "Cuba", "Cyprus", "Czech Republic", "Czechia", "Democratic Republic of the Congo",
        "Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt",
        "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji",
        "Finland", "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece",
        "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras",
        "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy",
        "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kosovo",
        "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya",
        "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia",
        "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico",
        "Micronesia", "Moldova", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique",
        "Myanmar", "Burma", "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand",
        "Nicaragua", "Niger", "Nigeria", "North Korea", "North Macedonia", "Norway", "Oman",
        "Pakistan", "Palau", "Palestine", "Panama", "Papua New Guinea", "Paraguay", "Peru",
        "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda",
        "Saint Lucia", "Samoa", "San Marino", "Saudi Arabia", "Senegal", "Serbia", "Seychelles",
        "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands", "Somalia",
        "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan",
        "Suriname", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania",
        "Thailand", "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey",
        "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates", "UAE",
        "United Kingdom", "U.K.", "UK", "Britain", "Great Britain", "United States", "U.S.",
        "US", "USA", "America", "Uruguay", "Uzbekistan", "Vanuatu", "Vatican", "Venezuela",
        "Vietnam", "Yemen", "Zambia", "Zimbabwe",
    }
)  # fmt: skip
GAZETTEER_US_STATES = frozenset(
    {
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
        "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
        "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
        "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
        "New Jersey", "New Mexico", "North Carolina", "North Dakota", "Oklahoma", "Oregon",
        "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Utah",
        "Vermont", "Washington state", "West Virginia", "Wisconsin", "Wyoming", "Ohio", "Texas",
        "Virginia", "New York state",
    }
)  # fmt: skip
GAZETTEER_CITIES = frozenset(
    {
        *CITIES,
        "Washington", "New York", "New York City", "Los Angeles", "Chicago", "Houston",
        "Phoenix", "Philadelphia", "San Antonio", "San Diego", "Dallas", "Austin", "Miami",
        "Atlanta", "Boston", "Seattle", "Denver", "Detroit", "San Francisco", "Las Vegas",
        "Portland", "Columbus", "Cleveland", "Cincinnati", "Baltimore", "Pittsburgh",
        "Minneapolis", "New Orleans", "Nashville", "Sacramento", "Honolulu", "Anchorage",
        "Albuquerque", "Santa Fe", "Salt Lake City", "Kansas City", "St. Louis", "Toronto",
        "Montreal", "Vancouver", "Ottawa", "Mexico City", "Havana", "Bogota", "Bogotá", "Lima",
        "Caracas", "Quito", "Santiago", "Buenos Aires", "Montevideo", "Asunción", "La Paz",
        "Brasília", "Brasilia", "São Paulo", "Sao Paulo", "Rio de Janeiro", "San José",
        "Managua", "Tegucigalpa", "San Salvador", "Guatemala City", "Panama City",
        "Santo Domingo", "Port-au-Prince", "Kingston", "Dublin", "Edinburgh", "Lisbon",
        "Barcelona", "Milan", "Vienna", "Prague", "Warsaw", "Budapest", "Bucharest", "Sofia",
        "Athens", "Istanbul", "Ankara", "Amsterdam", "The Hague", "Copenhagen", "Stockholm",
        "Oslo", "Helsinki", "Zurich", "Munich", "Frankfurt", "Hamburg", "Minsk", "Riga",
        "Vilnius", "Tallinn", "Kharkiv", "Odesa", "Lviv", "St. Petersburg", "Kazan",
        "Vladivostok", "Tbilisi", "Yerevan", "Baku", "Tehran", "Baghdad", "Damascus", "Beirut",
        "Jerusalem", "Tel Aviv", "Gaza City", "Amman", "Riyadh", "Jeddah", "Doha", "Dubai",
        "Abu Dhabi", "Kabul", "Islamabad", "Karachi", "Lahore", "Mumbai", "Kolkata",
        "Chennai", "Bangalore", "Dhaka", "Kathmandu", "Colombo", "Bangkok", "Yangon",
        "Naypyitaw", "Kuala Lumpur", "Singapore", "Ho Chi Minh City", "Phnom Penh",
        "Shanghai", "Hong Kong", "Guangzhou", "Shenzhen", "Taipei", "Pyongyang", "Busan",
        "Osaka", "Sydney", "Melbourne", "Canberra", "Auckland", "Wellington", "Lagos", "Abuja",
        "Accra", "Dakar", "Addis Ababa", "Kampala", "Kigali", "Kinshasa", "Khartoum",
        "Johannesburg", "Cape Town", "Pretoria", "Harare", "Lusaka", "Algiers", "Tunis",
        "Tripoli", "Casablanca", "Rabat", "Mogadishu", "Dar es Salaam", "Almaty", "Astana",
        "Tashkent", "Bishkek", "Ulaanbaatar", "Strasbourg", "Luxembourg", "Geneva", "Boise",
        "Medford", "Albany", "Raleigh", "Richmond", "Tallahassee",
    }
)  # fmt: skip
# Every state is a fair made-up distractor for a state ("Washington" and "New York" read as
# their cities, so they are left out).
US_STATES = tuple(sorted(GAZETTEER_US_STATES - {"Washington state", "New York state"}))
# US cities, for a US city's distractors.
US_CITIES = (
    "Columbus", "Cleveland", "Cincinnati", "Chicago", "Denver", "Seattle", "Boston", "Atlanta",
    "Houston", "Dallas", "Phoenix", "Philadelphia", "Pittsburgh", "Baltimore", "Detroit",
    "Miami", "Portland", "Sacramento", "Albuquerque", "Minneapolis", "Nashville",
    "Salt Lake City", "San Diego", "Los Angeles", "San Francisco", "Boise", "Medford",
)  # fmt: skip
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
# Ordinary given names and surnames from several languages, combined into made-up people for
# a story with too few names of its own (no public figure a student could know).
COMMON_GIVEN_NAMES = (
    "Daniel", "Maria", "James", "Sarah", "Ahmed", "Elena", "Thomas", "Laura", "Carlos",
    "Anna", "Michael", "Grace", "David", "Sofia", "Peter", "Amina", "Robert", "Julia",
)  # fmt: skip
COMMON_SURNAMES = (
    "Turner", "Castillo", "Harlow", "Novak", "Mensah", "Lindqvist", "Herrera", "Walsh",
    "Petrov", "Mendes", "Collins", "Haddad", "Fischer", "Moreau", "Tanaka", "Keller",
)  # fmt: skip
