"""The shared word lists and the variants other modules derive from them."""

from __future__ import annotations

from quizapp.generation import lexicon_facts, quality, words


def test_month_keys_cover_names_and_abbreviations() -> None:
    assert {"may", "september", "sept", "sep", "jan"} <= words.MONTH_KEYS
    assert {month.lower() for month in words.MONTHS} == words.MONTH_NAME_KEYS
    assert {day.lower() for day in words.WEEKDAYS} == words.WEEKDAY_KEYS


def test_dating_months_keep_abbreviated_tokens_except_mar_and_apr() -> None:
    assert {"jan.", "sept.", "dec.", "march", "april"} <= lexicon_facts.MONTHS
    assert not {"mar.", "apr.", "sept"} & lexicon_facts.MONTHS


def test_fact_pronouns_drop_possessives_and_add_one() -> None:
    assert "one" in lexicon_facts.UNRESOLVED_PRONOUNS
    assert not lexicon_facts.POSSESSIVE_PRONOUNS & lexicon_facts.UNRESOLVED_PRONOUNS
    assert {"her", "my", "that"} <= lexicon_facts.UNRESOLVED_PRONOUNS
    assert lexicon_facts.UNRESOLVED_PRONOUNS - {"one"} < words.PRONOUNS


def test_quality_lists_derive_from_the_shared_ones() -> None:
    assert quality.UNRESOLVED_PRONOUNS.isdisjoint(words.FIRST_AND_SECOND_PERSON_PRONOUNS)
    assert "that" not in quality.UNRESOLVED_PRONOUNS
    assert "that" in words.DEMONSTRATIVES
