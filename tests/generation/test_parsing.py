"""Parsing cleaned text: one parse, paragraph-bounded sentences, mentions by kind, rule fixes."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.types import ParsedArticle

pytestmark = pytest.mark.slow

SEED_PART = (
    "The latest U.S. sanctions on North Korea are aimed at sending a warning to North Korean "
    "leader Kim Jong Un and other officials over human rights abuses, a senior U.S. official "
    "said Thursday.\n\n"
    "The United States imposed sanctions on Kim and 10 other top officials Wednesday for grossly "
    "violating human rights. Eight North Korean entities were also blacklisted.\n\n"
    "“One of the things we want to do is to tell people inside North Korea that we know what is "
    "happening,” Tom Malinowski, U.S. Assistant Secretary of State for Democracy, Human Rights "
    "and Labor, said in an interview with the VOA Korean Service.\n\n"
    "Malinowski said it is important for the United States to raise North Korean human rights.\n\n"
    "The State Department submitted the report to the U.S. Congress in accordance with the North "
    "Korea Sanctions and Policy Enhancement Act of 2016 enacted in February. It is estimated that "
    "between 80,000 and 120,000 people are held in political prison camps in the North."
)


@pytest.fixture(scope="module")
def article() -> ParsedArticle:
    """The parsed excerpt of the seed article."""
    return parse_article(SEED_PART, pool={"PERSON": ["Jane Doe"]})


def test_text_and_pool_are_kept(article: ParsedArticle) -> None:
    assert article.text == SEED_PART
    assert article.doc.text == SEED_PART
    assert article.pool == {"PERSON": ["Jane Doe"]}


def test_paragraph_breaks_end_sentences(article: ParsedArticle) -> None:
    texts = [sentence.text for sentence in article.sentences]
    assert texts[0].endswith("said Thursday.")
    assert texts[1].startswith("The United States imposed sanctions")
    assert "Eight North Korean entities were also blacklisted." in texts
    assert all("\n" not in text for text in texts)
    assert len(article.sentence_paragraphs) == len(article.sentences)
    assert article.sentence_paragraphs[0] == 0
    assert article.sentence_paragraphs[-1] == 4
    assert article.sentence_paragraphs == sorted(article.sentence_paragraphs)


def test_mentions_are_collected_by_kind(article: ParsedArticle) -> None:
    assert "Kim Jong Un" in article.mentions["PERSON"]
    assert "Tom Malinowski" in article.mentions["PERSON"]
    assert {"10", "Eight", "between 80,000 and 120,000"} <= set(article.mentions["NUMBER"])
    assert "North Korea" in article.mentions["GPE"]
    assert {"Thursday", "Wednesday", "February"} <= set(article.mentions["DATE"])
    assert any("State Department" in org for org in article.mentions["ORG"])
    for kind, spans in article.spans.items():
        assert [span.text for span in spans] == article.mentions[kind]


def test_the_law_is_matched_whole(article: ParsedArticle) -> None:
    assert [law.text for law in article.laws] == [
        "North Korea Sanctions and Policy Enhancement Act of 2016"
    ]
    assert article.mentions["LAW"] == ["North Korea Sanctions and Policy Enhancement Act of 2016"]
    assert "2016" not in article.mentions.get("DATE", [])
    assert any(ent.label_ == "LAW" for ent in article.doc.ents)


def test_short_person_mentions_map_to_full_names(article: ParsedArticle) -> None:
    assert article.person_names["Kim"] == "Kim Jong Un"
    assert article.person_names["Malinowski"] == "Tom Malinowski"
    assert article.full_name("Kim") == "Kim Jong Un"
    assert article.full_name("Jane Doe") == "Jane Doe"


def test_sentence_index_and_kind_of(article: ParsedArticle) -> None:
    offset = SEED_PART.index("Eight North Korean")
    assert article.sentences[article.sentence_index(offset)].text.startswith("Eight")
    assert article.sentence_index(0) == 0
    assert article.kind_of("Kim Jong Un") == "PERSON"
    assert article.kind_of("nothing like this") is None


def test_memo_builds_once(article: ParsedArticle) -> None:
    calls: list[int] = []
    first = article.memo("test-key", lambda: calls.append(1) or "value")
    second = article.memo("test-key", lambda: calls.append(1) or "other")
    assert (first, second, len(calls)) == ("value", "value", 1)


@pytest.mark.parametrize(
    ("text", "law"),
    [
        (
            "Visa bans were imposed under Section 7031(c) of the appropriations law.",
            "Section 7031(c)",
        ),
        (
            "The president signed Executive Order 13694 and the Global Magnitsky Act.",
            "Executive Order 13694",
        ),
        (
            "The president signed Executive Order 13694 and the Global Magnitsky Act.",
            "Global Magnitsky Act",
        ),
        ("In the Clean Air Act, Congress set limits on pollution.", "Clean Air Act"),
        ("He cited the Trading with the Enemy Act and the Clean Air Act.", "Clean Air Act"),
        (
            "He cited the Trading with the Enemy Act and the Clean Air Act.",
            "Trading with the Enemy Act",
        ),
        (
            "The family was barred under Section 7031(c) of the Department of State, Foreign "
            "Operations, and Related Programs Appropriations Act.",
            "Section 7031(c) of the Department of State, Foreign Operations, and Related Programs "
            "Appropriations Act",
        ),
        ("Parliament passed the National Security Law last year.", "National Security Law"),
    ],
)
def test_rule_patterns_find_laws_the_model_misses(text: str, law: str) -> None:
    assert law in [span.text for span in parse_article(text).laws]


def test_a_bare_act_is_not_a_law() -> None:
    assert parse_article("The Act was passed in 2016 by a wide margin.").laws == []


def test_a_name_the_model_calls_a_law_is_dropped() -> None:
    text = (
        "Ohio Attorney General Mark Delaney praised the ruling. “It is a good day,” Delaney said."
    )
    assert all("Delaney" not in law.text for law in parse_article(text).laws)


def test_number_words_are_numbers() -> None:
    article = parse_article(
        "Twelve inspectors visited the plant. They found three leaks and two cracks."
    )
    assert {"Twelve", "three", "two"} <= set(article.mentions["NUMBER"])


@pytest.mark.parametrize("text", ["", "   ", "12 34 56", "Das ist ein Satz auf Deutsch."])
def test_odd_text_parses(text: str) -> None:
    article = parse_article(text)
    assert article.text == text
    assert all(sentence.text.strip() for sentence in article.sentences)
