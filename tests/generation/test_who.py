"""The who generator on real sentences: agents, title holders, interviewees."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.who import WhoGenerator
from tests.generation.people_articles import (
    ARTICLES,
    COURT,
    ODD_INPUTS,
    RAIL,
    asked,
    checked_on_article,
    pairs,
    parsed,
    parsed_text,
    run,
)

pytestmark = pytest.mark.slow

GENERATOR = WhoGenerator()


def test_seed_title_holders_and_agent() -> None:
    found = pairs(run(GENERATOR, parsed("seed")))
    assert (
        "Who is the U.S. Assistant Secretary of State for Democracy, Human Rights and Labor?",
        "Tom Malinowski",
    ) in found
    assert ("Who is the North Korean leader?", "Kim Jong Un") in found
    # "the country" stands for a country named before: no stand-alone question.
    assert ("Who is the leader of the country?", "Kim Jong Un") not in found
    assert ("Who called on Pyongyang to stop threatening rhetoric?", "Tom Malinowski") in found
    assert (
        "Who said Washington has not given up diplomatic efforts on Pyongyang?",
        "Tom Malinowski",
    ) in found


def test_seed_never_asks_who_imposed_when_a_country_did() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("seed"))]
    assert not any(q.startswith("Who imposed") for q in questions)


def test_surname_expands_to_the_full_name_even_when_the_model_mislabels_it() -> None:
    # "Malinowski said Washington ..." is tagged ORG by the small model.
    found = dict(pairs(run(GENERATOR, parsed("seed"))))
    assert found["Who said Washington has not given up diplomatic efforts on Pyongyang?"] == (
        "Tom Malinowski"
    )


def test_prenominal_titles_possessive_titles_and_interviews() -> None:
    found = pairs(run(GENERATOR, parsed("myanmar")))
    assert ("Who is the Treasury Secretary?", "Steven Mnuchin") in found
    assert ("Who is Myanmar's army chief?", "Min Aung Hlaing") in found
    assert ("Who is the Bangladesh Foreign Minister?", "Abul Hassan Mahmood Ali") in found
    assert ("Who did Steve Herman interview?", "Abul Hassan Mahmood Ali") in found
    assert ("Who rejected the accusations?", "Min Aung Hlaing") in found
    assert (
        "Who announced the measures at a news conference in Washington?",
        "Steven Mnuchin",
    ) in found


def test_agents_in_a_disaster_story() -> None:
    found = pairs(run(GENERATOR, parsed("cyclone")))
    assert ("Who declared a national disaster on Sunday?", "Emmerson Mnangagwa") in found
    assert ("Who is Zimbabwe's President?", "Emmerson Mnangagwa") in found
    assert ("Who is the Information Minister?", "Monica Mutsvangwa") in found
    assert (
        "Who cut short a visit to the United Arab Emirates to return home?",
        "Emmerson Mnangagwa",
    ) in found


def test_election_relative_clauses_and_sentence_initial_titles() -> None:
    found = pairs(run(GENERATOR, parsed("election")))
    assert (
        "Who was declared the winner with 54 percent of the vote?",
        "Uhuru Kenyatta",
    ) in found
    assert ("Who is the opposition leader?", "Raila Odinga") in found
    assert ("Who is the electoral commission chairman?", "Wafula Chebukati") in found
    assert ("Who urged all sides to remain calm?", "Robert Godec") in found
    # "he disagreed ... would respect it" cannot stand alone.
    assert not any("disagreed" in question for question, _ in found)


def test_pronoun_subjects_and_countries_give_no_question() -> None:
    cyclone = [c.question for c in run(GENERATOR, parsed("cyclone"))]
    assert not any(q.startswith(("Who said roads", "Who met survivors")) for q in cyclone)
    traps = [c.question for c in run(GENERATOR, parsed("traps"))]
    assert not any("imposed" in q for q in traps)


def test_claims_inside_quotation_marks_are_not_facts() -> None:
    article = parse_article(
        "“Kim Jong Un ordered the missile tests last week,” Tom Malinowski said on Monday."
    )
    questions = [c.question for c in run(GENERATOR, article)]
    assert not any("ordered" in q for q in questions)


def test_a_title_two_people_hold_is_not_asked() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("traps"))]
    assert "Who is the mayor of the city?" not in questions
    assert ("Who opened the new bridge?", "Maria Lopez") in pairs(run(GENERATOR, parsed("traps")))


def test_a_question_with_a_stand_in_noun_is_dropped() -> None:
    # "Tom Reed ... closed the old one": "one" needs the previous sentence.
    questions = [c.question for c in run(GENERATOR, parsed("traps"))]
    assert "Who closed the old one?" not in questions


def test_indefinite_appositions_are_not_titles() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("myanmar"))]
    assert not any("spokeswoman" in q for q in questions)


def test_credit_line_that_survives_cleaning() -> None:
    article = parse_article(
        "Floods forced 3,000 people from their homes in Kenya.\n\n"
        "Mohammed Yusuf contributed to this report."
    )
    assert ("Who contributed to this report?", "Mohammed Yusuf") in pairs(run(GENERATOR, article))


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_candidate_meets_the_quality_rules(name: str) -> None:
    candidates = checked_on_article(GENERATOR, name, "PERSON")
    assert len({c.question for c in candidates}) == len(candidates)


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_gives_no_question_and_no_error(text: str) -> None:
    assert run(GENERATOR, parse_article(text)) == []


def test_text_without_people_gives_nothing() -> None:
    article = parse_article("The river rose by two meters overnight and flooded 40 villages.")
    assert run(GENERATOR, article) == []


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        (
            "Judge Raymond Kessler wrote the opinion for the majority.\n\n"
            "Judge Amanda Whitfield dissented.",
            "Who dissented?",
            "Amanda Whitfield",
        ),
        (
            "NASA astronaut Andre Whitfield, a geologist from Oregon, is the pilot.",
            "Who is the pilot?",
            "Andre Whitfield",
        ),
        (
            "The Ohio General Assembly passed the Youth Online Safety Act in 2024, and Governor"
            " Thomas Reilly signed it on July 3 of that year.",
            "Who signed the Youth Online Safety Act?",
            "Thomas Reilly",
        ),
        (
            "The state is paying for adult doses with $4.5 million in emergency funds released"
            " by Governor Elena Trujillo last week.",
            "Who released $4.5 million in emergency funds?",
            "Elena Trujillo",
        ),
        (
            "Assistant Secretary of Commerce for Export Enforcement Daniel Okoro said the"
            " companies had diverted American-made chips to Russian weapons makers.\n\n"
            "“When a chip made in Texas turns up in a drone that hits an apartment building in"
            " Kharkiv, we want to know how it got there,” Okoro said.",
            "Who is the Assistant Secretary of Commerce for Export Enforcement?",
            "Daniel Okoro",
        ),
    ],
)
def test_short_predicates_copulas_resolved_objects_and_passive_agents(
    text: str, question: str, answer: str
) -> None:
    assert (question, answer) in asked(GENERATOR, text)


def test_it_stays_unresolved_when_two_laws_were_named() -> None:
    article = parse_article(
        "The Senate passed the Clean Water Act and the Clean Air Act in May, and Governor Thomas"
        " Reilly signed it in June."
    )
    assert not any(c.question.startswith("Who signed") for c in run(GENERATOR, article))


def test_a_title_many_people_hold_needs_its_qualifier() -> None:
    article = parse_article(
        "U.S. District Judge Paula Okafor agreed with the group.\n\n"
        "“It did not,” said U.S. Attorney Eric Dalton for the Western District of Pennsylvania."
        " Trial Attorney Jacob Stein of the Criminal Division’s Computer Crime and Intellectual"
        " Property Section and Assistant U.S. Attorney Rachel Kim prosecuted the case."
    )
    found = pairs(run(GENERATOR, article))
    questions = {question for question, _ in found}
    assert "Who is the U.S. District Judge?" not in questions
    assert "Who is the Trial Attorney?" not in questions
    assert not any(q.endswith(("Computer Crime?", " and?")) for q in questions)
    assert (
        "Who is the U.S. Attorney for the Western District of Pennsylvania?",
        "Eric Dalton",
    ) in found


def test_an_indefinite_complement_is_no_question() -> None:
    article = parse_article("Andrea Solís Vargas is a former finance minister.")
    assert not any(c.question.startswith("Who is a") for c in run(GENERATOR, article))


def test_two_people_doing_one_thing_give_no_single_answer() -> None:
    article = parse_article(
        "Trial Attorney Jacob Stein of the Criminal Division’s Computer Crime and Intellectual"
        " Property Section and Assistant U.S. Attorney Rachel Kim for the Western District of"
        " Pennsylvania prosecuted the case."
    )
    assert not any(c.question.startswith("Who prosecuted") for c in run(GENERATOR, article))


def test_companies_are_never_answers_to_who() -> None:
    article = parse_article(
        "The flight is the 12th regular crew rotation that SpaceX has flown for NASA under the"
        " agency’s Commercial Crew Program. Boeing, the program’s other contractor, has flown its"
        " Starliner capsule with astronauts only once.\n\n"
        "Three companies, Axiom Space, Vast and a team led by Blue Origin, are developing private"
        " stations. SpaceX built the capsule that carried NASA astronaut Jessica Moreno.\n\n"
        "NASA Administrator Robert Hanley watched the launch."
    )
    answers = {c.answer for c in run(GENERATOR, article)}
    assert answers & {"SpaceX", "Boeing", "Axiom Space", "Vast", "Blue Origin"} == set()
    assert "Robert Hanley" in answers


def test_a_passive_clause_is_asked_in_the_active_voice() -> None:
    article = parse_article(
        "The Organization of American States sent 42 observers to Costa Rica.\n\n"
        "The mission was led by former Uruguayan Foreign Minister Diego Ferrer."
    )
    assert ("Who led the mission?", "Diego Ferrer") in pairs(run(GENERATOR, article))


def test_an_agent_sharing_the_action_gives_no_question() -> None:
    article = parse_article(
        "The agreement was signed in Montevideo by European Commission President Ursula Fischer"
        " and the presidents of Brazil, Argentina, Uruguay and Paraguay."
    )
    assert not any(c.question.startswith("Who signed") for c in run(GENERATOR, article))


def test_an_ambassador_is_asked_with_the_country() -> None:
    article = parse_article(
        "U.S. Ambassador Robert Godec urged all sides to remain calm.\n\n"
        "Ambassador Linda Thomas of the United States to the United Nations spoke on Friday."
    )
    questions = {c.question for c in run(GENERATOR, article)}
    assert "Who is the U.S. Ambassador?" not in questions


def test_its_title_names_the_organization_the_sentence_before_is_about() -> None:
    article = parse_article(
        "Among those sanctioned is Volga Avionika, a company in Kazan that the Treasury said had"
        " imported more than $60 million worth of electronic components since 2023. Its"
        " director, Sergei Lobanov, was also designated.\n\n"
        "The rebels seized the town on Monday.\n\n"
        "Its mayor, Pedro Alves, fled to the capital."
    )
    found = pairs(run(GENERATOR, article))
    assert ("Who is the director of Volga Avionika?", "Sergei Lobanov") in found
    # "its" after a sentence about no organization (a new paragraph, too) stays unresolved.
    assert not any(answer == "Pedro Alves" and "mayor" in q for q, answer in found)


def test_a_statement_before_its_speaker_is_asked_as_what_was_said() -> None:
    found = pairs(run(GENERATOR, parsed_text(RAIL)))
    assert (
        "Who said work on a new rail line between Nairobi and Mombasa will start next year?",
        "Daniel Otieno",
    ) in found
    article = parse_article(
        "After the storm, the port expects to reopen within a week, Harbor Master Lena Ortiz told"
        " reporters."
    )
    found = pairs(run(GENERATOR, article))
    assert (
        "Who said the port expects to reopen within a week after the storm?",
        "Lena Ortiz",
    ) in found
    assert not any(question.startswith("Who told") for question, _ in found)


def test_a_group_led_by_a_titled_person_asks_who_leads_it() -> None:
    found = pairs(run(GENERATOR, parsed_text(RAIL)))
    # The model reads "Engineer" as part of the name: the answer is the name alone.
    assert ("Who leads the Chinese consortium?", "Faith Njeri") in found
    found = pairs(run(GENERATOR, parsed_text(COURT)))
    assert ("Who led the three-judge panel?", "Priya Raman") in found
    assert (
        "Who said the state will begin enforcing the law in September?",
        "Dana Whitlock",
    ) in found


def test_an_unnamed_group_led_by_someone_is_no_question() -> None:
    article = parse_article("A team led by Maria Santos will inspect the dam on Friday.")
    assert not any("team" in question for question, _ in pairs(run(GENERATOR, article)))


def test_the_last_sentence_of_a_quotation_is_not_a_reported_statement() -> None:
    article = parse_article(
        "“The river has never been this low. Barges will stop running within a week,” Port"
        " Director Lena Ortiz said."
    )
    assert not any(q.startswith("Who said") for q, _ in pairs(run(GENERATOR, article)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks were chaired by the Minister of State for Foreign Affairs, Jeje Odongo,"
            " who called for a ceasefire.",
            ("Who chaired the talks?", "Jeje Odongo"),
        ),
        (
            "The new budget, drafted by the Finance Minister, Enoch Godongwana, raises taxes on"
            " fuel.",
            ("Who drafted the new budget?", "Enoch Godongwana"),
        ),
        (
            "The mission was led by Diego Ferrer, and it reached the camp.",
            ("Who led the mission?", "Diego Ferrer"),
        ),
    ],
)
def test_an_agent_named_after_a_long_title_is_asked(text: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(run(GENERATOR, parse_article(text)))


def test_an_agent_joined_by_others_is_not_asked_alone() -> None:
    article = parse_article(
        "The inquiry was led by the Chief Justice of Kenya, Martha Koome, and two other judges."
    )
    assert not any(c.question.startswith("Who led") for c in run(GENERATOR, article))


def test_a_capitalised_title_set_off_before_the_name_is_asked() -> None:
    article = parse_article(
        "The Minister of State for Foreign Affairs, Jeje Odongo, called for a ceasefire."
    )
    assert ("Who is the Minister of State for Foreign Affairs?", "Jeje Odongo") in pairs(
        run(GENERATOR, article)
    )


def test_the_end_of_one_title_is_not_read_as_the_next_persons_title() -> None:
    text = (
        "The harbor case moved ahead on Monday.\n\nActing Harbor Attorney Tom Reed for the"
        " Northern District of Westland, Acting Harbor Attorney Ann Lee for the Southern District"
        " of Eastland, and Director Bo Park of the Harbor Police made the announcement."
    )
    asked = {c.question: c.answer for c in WhoGenerator().generate(parse_article(text))}
    assert asked["Who is the Acting Harbor Attorney for the Northern District of Westland?"] == (
        "Tom Reed"
    )
    assert not [question for question in asked if "," in question]
