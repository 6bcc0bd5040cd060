"""Countries, world regions and cities from libraries (Babel's territory names, the tz
database's zone cities), so that no place name is written into the generator's code."""

from __future__ import annotations

import functools
import json
import re

import pytz
from babel import Locale

from quizapp.generation.nlp import load_nlp

# The tz database's research stations are no cities.
_NO_CITY_AREA = "Antarctica"
# Territory names that are no country's everyday name ("St. Kitts & Nevis", "Macao SAR
# (a region)", "Congo - Kinshasa"): left out of the choices, still known as places.
_AWKWARD_NAME = re.compile(r"&|\bSAR\b| - |\bTerritor|\bOutlying\b|\bSt\.")
_PARENTHESES = re.compile(r"^(.*?)\s*\((.*)\)$")
_UNITED = "United "


@functools.cache
def _territories() -> dict[str, str]:
    """English names of the territories that have a time zone of their own, by code."""
    names = Locale("en").territories
    return {code: names[code] for code in pytz.country_timezones if code in names}


@functools.cache
def _country_codes() -> dict[str, str]:
    """Country name -> its code, with the short forms a name implies: "Côte d’Ivoire (Ivory
    Coast)"-style names give both, "United Kingdom" also "UK" and "U.K."."""
    codes: dict[str, str] = {}
    for code, name in _territories().items():
        match = _PARENTHESES.match(name)
        forms = [match.group(1), match.group(2)] if match else [name]
        for form in forms:
            codes.setdefault(form, code)
            if form.startswith(_UNITED) and " " in form:
                initials = "".join(word[0] for word in form.split())
                codes.setdefault(initials, code)
                codes.setdefault(".".join(initials) + ".", code)
    return codes


@functools.cache
def country_names() -> frozenset[str]:
    """Every country's name and short forms."""
    return frozenset(_country_codes())


@functools.cache
def _familiar_words() -> frozenset[str]:
    """The words of the spaCy model's own string store as shipped (its news training text):
    a place all of whose words are in it is one a reader of news has met. Read from the
    package's file, never from the live store, which grows with every text parsed."""
    path = load_nlp().path
    strings = path / "vocab" / "strings.json" if path is not None else None
    if strings is None or not strings.is_file():
        return frozenset()
    return frozenset(json.loads(strings.read_text(encoding="utf-8")))


def is_familiar(place: str) -> bool:
    """Whether every word of a place's name is one the model met in news (no "Yakutat")."""
    known = _familiar_words()
    return not known or all(word in known for word in place.split())


@functools.cache
def country_choices() -> tuple[str, ...]:
    """Countries by their everyday names, fit to offer as made-up choices: familiar ones."""
    return tuple(
        sorted(
            name
            for name in _country_codes()
            if not _AWKWARD_NAME.search(name)
            and not name.replace(".", "").isupper()
            and is_familiar(name)
        )
    )


@functools.cache
def region_names() -> tuple[str, ...]:
    """World regions ("Eastern Africa", "Southeast Asia"): Babel's numbered territories."""
    names = Locale("en").territories
    return tuple(
        sorted(name for code, name in names.items() if code.isdigit() and name[:1].isupper())
    )


@functools.cache
def _cities() -> dict[str, str]:
    """City name -> the code of its country, from the tz database's zone names."""
    cities: dict[str, str] = {}
    for code, zones in pytz.country_timezones.items():
        for zone in zones:
            parts = zone.split("/")
            if len(parts) == 2 and parts[0] != _NO_CITY_AREA:
                cities.setdefault(parts[1].replace("_", " "), code)
    return cities


@functools.cache
def city_names() -> frozenset[str]:
    """Every city the tz database names."""
    return frozenset(_cities())


def _area_of(code: str) -> str:
    """The continent of a country's first time zone ("Europe", "Asia")."""
    zones = pytz.country_timezones.get(code, ())
    return zones[0].split("/")[0] if zones else ""


def country_of(place: str) -> str | None:
    """The code of a country or a tz city's country, or None."""
    return _country_codes().get(place) or _cities().get(place)


def neighbours_first(answer: str, places: tuple[str, ...]) -> list[str]:
    """`places` with those of the answer's own country, then of its continent, first."""
    code = country_of(answer)
    if code is None:
        return list(places)
    area = _area_of(code)

    def distance(place: str) -> int:
        other = country_of(place)
        if other == code:
            return 0
        return 1 if other is not None and _area_of(other) == area else 2

    return sorted(places, key=distance)


@functools.cache
def city_choices() -> tuple[str, ...]:
    """Familiar cities, fit to offer as made-up choices."""
    return tuple(sorted(city for city in _cities() if is_familiar(city)))


# Zone names that say a time or a direction, not a place ("Country/Eastern").
_NOT_STATE_WORDS = frozenset(
    {"eastern", "central", "mountain", "pacific", "atlantic", "north", "south", "east", "west"}
    | {"general", "continental"}
)


@functools.cache
def _states() -> dict[str, str]:
    """State or province name -> the code of its country, from tz zone names: the middle of
    three-part zones ("Area/State/Town"), and the legacy "Country/State" zones of the
    countries of the continent whose zones name states (elsewhere legacy zones mix states
    with capitals). The only state names an installed library holds."""
    codes = _country_codes()
    state_areas = {zone.split("/")[0] for zone in pytz.all_timezones if zone.count("/") == 2}
    zone_codes = {zone: code for code, zones in pytz.country_timezones.items() for zone in zones}
    found: dict[str, str] = {}
    for zone in pytz.all_timezones:
        parts = zone.split("/")
        if len(parts) == 3 and parts[1].replace("_", " ") not in codes:
            name, code = parts[1], None
        elif len(parts) == 2 and parts[0] in codes and _area_of(codes[parts[0]]) in state_areas:
            name, code = parts[1], codes[parts[0]]
        else:
            continue
        name = name.replace("_", " ")
        if code is None:
            code = zone_codes.get(zone)
        if (
            code is None
            or "-" in name
            or name.isupper()
            or name.lower() in _NOT_STATE_WORDS
            or name in _cities()
            or name in codes
            or name.endswith("an")  # an adjective ("Aleutian"), not a state's name
            or any(word[1:] != word[1:].lower() for word in name.split())  # "BajaNorte"
            or not is_familiar(name)
        ):
            continue
        found.setdefault(name, code)
    return found


def state_names() -> frozenset[str]:
    """The states and provinces the tz database names."""
    return frozenset(_states())


def state_choices(near: str | None = None) -> list[str]:
    """Familiar states and provinces, those of the country `near` names (a country or one
    of its cities) first."""
    code = country_of(near) if near else None
    states = sorted(_states())
    return sorted(states, key=lambda state: _states()[state] != code)
