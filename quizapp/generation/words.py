"""Word lists several generators share: pronouns and calendar names (data, no logic).

Each list is written out once here; other modules import it (or derive a variant from it)
rather than writing the words out again.
"""

from __future__ import annotations

# Every personal, possessive and demonstrative pronoun that needs an antecedent: a question or
# statement cannot use one of them alone.
FIRST_AND_SECOND_PERSON_PRONOUNS = frozenset({"i", "me", "my", "mine", "you", "your", "yours"})
PRONOUNS = FIRST_AND_SECOND_PERSON_PRONOUNS | frozenset(
    {"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself"}
    | {"they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours"}
    | {"this", "that", "these", "those"}
)

# Subject pronouns that can stand for the one person named just before them ("he said").
PERSON_PRONOUNS = frozenset({"he", "she"})

# Possessives that may stay when the question names their owner itself ("its", "their").
OWNER_POSSESSIVES = frozenset({"his", "her", "its", "their"})

# Determiners that point back into the story ("this report", "that law").
DEMONSTRATIVES = frozenset({"this", "these", "those", "that"})

# Plural auxiliaries and their singular forms, so "Who" (singular) agrees with the verb.
SINGULAR_AUX = {"are": "is", "were": "was", "have": "has", "do": "does"}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Abbreviated month names as news agencies write them ("Feb. 3").
MONTH_ABBREVIATIONS = {
    "Jan.": "January",
    "Feb.": "February",
    "Mar.": "March",
    "Apr.": "April",
    "Aug.": "August",
    "Sept.": "September",
    "Sep.": "September",
    "Oct.": "October",
    "Nov.": "November",
    "Dec.": "December",
}
# The same names as lower-case words, for tests on text ("may", "sept").
MONTH_NAME_KEYS = frozenset(month.lower() for month in MONTHS)
MONTH_KEYS = MONTH_NAME_KEYS | frozenset(
    abbreviation.rstrip(".").lower() for abbreviation in MONTH_ABBREVIATIONS
)
WEEKDAY_KEYS = frozenset(day.lower() for day in WEEKDAYS)
