"""People helpers: full names, mislabelled surnames and "he said" resolution on real text."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from quizapp.generation.parsing import parse_article
from quizapp.generation.people import People, people_of, text_units
from tests.generation.people_articles import RAIL, parsed, parsed_text

pytestmark = pytest.mark.slow


def _token(people: People, text: str, occurrence: int = 0) -> Token:
    """The n-th token with this text."""
    return [t for t in people.doc if t.text == text][occurrence]


def test_short_names_expand_to_the_full_name_named_before() -> None:
    people = People(parsed("seed").doc)
    kim = next(m for m in people.mentions if m.text == "Kim")
    assert people.full_name(kim).text == "Kim Jong Un"
    malinowski = next(m for m in people.mentions if m.text == "Malinowski")
    assert people.full_name(malinowski).text == "Tom Malinowski"


def test_two_people_sharing_a_surname_are_ambiguous() -> None:
    people = People(
        parse_article(
            "Robert Kim met Susan Kim in Seoul on Monday.\n\nKim said the talks went well."
        ).doc
    )
    bare = [m for m in people.mentions if m.text == "Kim"]
    assert bare and all(people.full_name(m) is None for m in bare)


def test_a_lone_capitalised_word_is_not_a_sure_name() -> None:
    people = People(parse_article("Measles was declared eliminated in the United States.").doc)
    assert all(people.full_name(m) is None for m in people.mentions)


def test_he_and_the_official_resolve_to_the_last_named_speaker() -> None:
    article = parsed("seed")
    people = People(article.doc)
    official = _token(people, "official", 1)  # "..., the official said."
    assert people.resolve_reference(official, article.sentences).text == "Tom Malinowski"


def test_he_is_not_resolved_when_another_person_was_named_since() -> None:
    article = parse_article(
        'John Smith met Robert Jones on Friday in Geneva. "We agreed on nothing," he said.'
    )
    people = People(article.doc)
    he = _token(people, "he")
    assert people.resolve_reference(he, article.sentences) is None


def test_text_units_never_cross_a_paragraph_break() -> None:
    article = parsed("myanmar")
    assert all("\n" not in unit.text for _, unit in text_units(article))


def test_a_place_or_title_tagged_person_is_not_a_person() -> None:
    article = parse_article(
        "The Cedar Ridge Fire started Thursday afternoon in dry brush along Interstate 5 north"
        " of Grants Pass and spread quickly as winds gusted up to 80 kilometers per hour.\n\n"
        "Josephine County Sheriff Dave Hollister ordered the town of Merlin to evacuate on"
        " Friday.\n\nGovernor Laura Whitman declared a state of emergency on Friday."
    )
    people = people_of(article)
    verdicts = {m.text: people.is_person(people.full_name(m)) for m in people.mentions}
    assert verdicts["Dave Hollister"] and verdicts["Laura Whitman"]
    assert not verdicts.get("Grants Pass", False)
    assert not verdicts.get("Josephine County Sheriff", False)


def test_the_index_is_built_once_per_article() -> None:
    article = parse_article("Treasury Secretary Steven Mnuchin announced the measures.")
    assert people_of(article) is people_of(article)
    assert [m.text for m in people_of(article).mentions] == ["Steven Mnuchin"]


def test_the_last_word_of_a_title_is_no_given_name() -> None:
    article = parse_article(
        "Secretary for Housing, Transport, and Innovation Paul Mendes opened the station. Later,"
        " Mendes said trains would run every ten minutes."
    )
    people = people_of(article)
    assert "Paul Mendes" in [m.text for m in people.mentions]
    assert not any("Innovation" in m.text for m in people.mentions)


def test_a_title_the_model_took_into_a_name_is_left_out() -> None:
    # The model tags "Engineer Faith Njeri" in RAIL as one PERSON.
    mentions = [m.text for m in people_of(parsed_text(RAIL)).mentions]
    assert mentions == ["Daniel Otieno", "Faith Njeri"]
