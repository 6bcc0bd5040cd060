"""What a name looks like on its own: a brand, an organization, a known place (no parse)."""

from __future__ import annotations

import re

from quizapp.generation import distractor_lists as lists
from quizapp.generation.lexicon import ORGANIZATION_WORDS
from quizapp.generation.lexicon_facts import COUNTRY_HEADS

# Surname prefixes with a capital after them ("McDonald", "DeWine"): not brand-like.
NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz"})


def is_camel_case(word: str) -> bool:
    """A brand-like word with a capital inside ("SpaceX", "OpenAI"), never a person's name."""
    if not word.isalpha() or word.isupper():
        return False
    inner = [index for index, char in enumerate(word) if index and char.isupper()]
    return bool(inner) and word[: inner[0]] not in NAME_PREFIXES


def is_formal_country_name(text: str) -> bool:
    """A country's formal name by its head noun ("the Republic of X", "the X Kingdom")."""
    head = re.split(r"\s(?:of|for)\s|,|\(", f"{text.strip()} ", maxsplit=1)[0].split()
    return bool(head) and head[-1].lower().strip(".") in COUNTRY_HEADS


def place_sort(text: str) -> str | None:
    """ "country", "state", "city" or "region" for a place in the built-in gazetteer (or a
    country's formal name)."""
    if is_formal_country_name(text):
        return "country"
    bare = text.strip().removeprefix("the ").removeprefix("The ")
    for sort, names in (
        ("country", lists.GAZETTEER_COUNTRIES),
        ("state", lists.GAZETTEER_US_STATES),
        ("city", lists.GAZETTEER_CITIES),
        ("region", lists.REGIONS),
    ):
        if bare in names or text in names:
            return sort
    return None


def is_known_place(text: str) -> bool:
    """A country, GHI state, major city or region of the built-in gazetteer."""
    return place_sort(text) is not None


def guess_kind(text: str) -> str | None:
    """The kind a name's own words show ("SpaceX", "Axiom Space" ORG; "Ford" GPE), if any."""
    words = text.split()
    if not words:
        return None
    if any(is_camel_case(word) for word in words) or any(
        word.lower().strip(".,") in ORGANIZATION_WORDS for word in words
    ):
        return "ORG"
    return "GPE" if is_known_place(text) else None
