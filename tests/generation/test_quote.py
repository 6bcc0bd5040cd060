"""The quote generator on real sentences: named, inverted, preceding and resolved speakers."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.quote import QuoteGenerator
from tests.generation.people_articles import (
    ARTICLES,
    ODD_INPUTS,
    assert_well_formed,
    checked_on_article,
    checked_on_odd_input,
    pairs,
    parsed,
    run,
)

pytestmark = pytest.mark.slow

GENERATOR = QuoteGenerator()


def test_seed_quotes_named_and_resolved() -> None:
    found = pairs(run(GENERATOR, parsed("seed")))
    assert found == {
        (
            'Who said, "One of the things we want to do is to tell people inside North Korea'
            ' that we know what is happening"?',
            "Tom Malinowski",
        ),
        # "the official said": Malinowski was the last person named as a speaker.
        (
            'Who said, "Democratic countries that respect human rights don’t go to war against'
            ' each other"?',
            "Tom Malinowski",
        ),
    }
    # Two more quotations of his ("The time for a war talk …") are left out: at most
    # MAX_QUOTES_PER_SPEAKER (2) questions share one answer.


def test_the_surest_quotations_of_a_speaker_are_kept_in_text_order() -> None:
    article = parse_article(
        "“We have not seen fire behavior like this in this part of the state in a decade,” said"
        " incident commander Rachel Dominguez. “The fire made a run of 16 kilometers in six hours"
        " on Friday night.”\n\n"
        "Governor Laura Whitman declared a state of emergency on Friday.\n\n"
        "“Rain will help, but it will not put this fire out,” Dominguez said. “We expect to be"
        " here for weeks and maybe longer than that.”"
    )
    found = run(GENERATOR, article)
    assert [c.answer for c in found] == ["Rachel Dominguez", "Rachel Dominguez"]
    assert "We have not seen fire behavior" in found[0].question
    assert "Rain will help" in found[1].question


def test_a_report_is_not_a_speaker() -> None:
    questions = " ".join(c.question for c in run(GENERATOR, parsed("seed")))
    assert "extrajudicial" not in questions


def test_named_resolved_inverted_and_mislabelled_speakers() -> None:
    found = pairs(run(GENERATOR, parsed("cyclone")))
    assert (
        'Who said, "The situation is dire and we need all the help we can get from our friends"?',
        "Monica Mutsvangwa",
    ) in found
    # "said Herve Verhoosel, a spokesman": the model calls the name an ORG.
    assert ('Who said, "We are seeing entire villages under water"?', "Herve Verhoosel") in found
    # "he said" after "Mnangagwa cut short a visit ... He met survivors".
    assert ('Who said, "Nobody expected a storm this strong"?', "Emmerson Mnangagwa") in found


def test_she_said_resolves_to_the_person_just_named() -> None:
    found = pairs(run(GENERATOR, parsed("myanmar")))
    assert (
        'Who said, "These actions send a strong message that those who commit atrocities will'
        ' be held to account"?',
        "Heather Nauert",
    ) in found


def test_attribution_before_the_quotation() -> None:
    found = pairs(run(GENERATOR, parsed("traps")))
    assert ('Who said, "We are asking everyone to stay off the roads tonight"?', "Jay Inslee") in (
        found
    )


def test_ambiguous_he_is_dropped() -> None:
    # "John Smith met Robert Jones ... “...,” he said": either man could have said it.
    questions = " ".join(c.question for c in run(GENERATOR, parsed("traps")))
    assert "agreed on nothing" not in questions


def test_scare_quotes_and_unattributed_quotes_are_skipped() -> None:
    article = parse_article(
        'North Korea called the move a "declaration of war." '
        '"Nobody in the region wants another war on the peninsula," the statement said.'
    )
    assert run(GENERATOR, article) == []


def test_long_quote_is_cut_to_a_clause_and_never_names_the_speaker() -> None:
    article = parse_article(
        '"We have worked with our partners in the region for many years, and we will keep '
        "working with them until every family that lost a home has a safe place to live, "
        'whatever it costs," said Ana Torres, the regional director of the Red Cross.'
    )
    candidates = run(GENERATOR, article)
    assert pairs(candidates) == {
        (
            'Who said, "We have worked with our partners in the region for many years ..."?',
            "Ana Torres",
        )
    }
    assert_well_formed(candidates, article, "PERSON")


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_candidate_meets_the_quality_rules(name: str) -> None:
    candidates = checked_on_article(GENERATOR, name, "PERSON")
    for candidate in candidates:
        excerpt = candidate.question.split('"')[1].lower()
        assert not any(part.lower() in excerpt.split() for part in candidate.answer.split())


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_never_raises(text: str) -> None:
    checked_on_odd_input(GENERATOR, text, "PERSON")


def test_a_quotation_that_finishes_a_reported_clause() -> None:
    article = parse_article(
        "Thirty-one Republicans voted against the package in the House. Representative Dale"
        " Hutchins of Texas, a member of the House Freedom Caucus, said the bill “spends money we"
        " do not have on priorities the voters rejected.”"
    )
    assert (
        'Who said the bill "spends money we do not have on priorities the voters rejected"?',
        "Dale Hutchins",
    ) in pairs(run(GENERATOR, article))


def test_a_surname_speaker_is_answered_with_the_full_name_after_a_long_title() -> None:
    article = parse_article(
        "Assistant Secretary of Commerce for Export Enforcement Daniel Okoro said the companies"
        " had diverted American-made chips to Russian weapons makers.\n\n"
        "“When a chip made in Texas turns up in a drone that hits an apartment building in"
        " Kharkiv, we want to know how it got there,” Okoro said."
    )
    answers = {c.answer for c in run(GENERATOR, article)}
    assert answers == {"Daniel Okoro"}


def test_a_quotation_continuing_the_previous_one_has_the_same_speaker() -> None:
    article = parse_article(
        "“We knocked on his door twice. He told us he had lived through fires before,” Sheriff"
        " Dave Hollister said. “It is a tragedy, and I ask everyone who is still in an evacuation"
        " zone to please go now.”\n\n"
        "“Rain will help, but it will not put this fire out.”"
    )
    found = {c.question: c for c in run(GENERATOR, article)}
    continued = found[
        'Who said, "It is a tragedy, and I ask everyone who is still in an evacuation zone to'
        ' please go now"?'
    ]
    assert continued.answer == "Dave Hollister"
    assert continued.evidence.startswith("He told us") and continued.evidence.endswith("now.”")
    # A quotation in a paragraph of its own has no speaker.
    assert not any("Rain will help" in question for question in found)


def test_a_speaker_quoted_three_times_answers_two_questions() -> None:
    article = parse_article(
        "“The committee judges that inflation is moving back toward its goal,” Federal Reserve"
        " Chair Martin Keller said at a news conference on Wednesday.\n\n"
        "“We are prepared to adjust the stance of policy as appropriate if risks emerge,” Keller"
        " said, adding that the labor market remained solid.\n\n"
        "“We do not think it will be appropriate to cut rates until we have greater confidence,”"
        " Keller told reporters after the two-day meeting in Washington."
    )
    found = run(GENERATOR, article)
    assert len(found) == 2
    assert {article.full_name(c.answer) for c in found} == {"Martin Keller"}


def test_a_clause_about_a_person_before_a_colon_introduces_the_quotation() -> None:
    article = parse_article(
        "The state auditor, Helen Marsh, was blunt: “This project ran two years late.”\n\n"
        "Police found a note in the car: “I am sorry for everything I did.”"
    )
    assert pairs(run(GENERATOR, article)) == {
        ('Who said, "This project ran two years late"?', "Helen Marsh")
    }


def test_the_second_half_of_a_split_quotation_is_not_asked_alone() -> None:
    article = parse_article(
        "Health Commissioner Omar Haddad visited the clinic on Monday.\n\n"
        "“The state has promised the money for five years,” said Haddad, “and the doors will stay"
        " open every day of the week.”"
    )
    assert pairs(run(GENERATOR, article)) == {
        ('Who said, "The state has promised the money for five years"?', "Omar Haddad")
    }
