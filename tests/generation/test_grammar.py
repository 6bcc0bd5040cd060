"""The clause-to-question grammar: do-support, tense, voice, pronouns and what it refuses."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from quizapp.generation import grammar
from tests.generation.facts_articles import find, sentence_doc

pytestmark = pytest.mark.slow


def question(
    text: str, answer: str, wh: str, *, adjunct: bool = False, singular: bool = False
) -> str | None:
    """The question for `answer` in `text`, or None."""
    doc = sentence_doc(text)
    return _ask(doc, answer, wh, adjunct=adjunct, singular=singular)


def _ask(doc: Doc, answer: str, wh: str, *, adjunct: bool, singular: bool) -> str | None:
    slot = grammar.locate(find(doc, answer), adjunct=adjunct)
    if slot is None:
        return None
    resolve = grammar.person_resolver(doc, lambda name: name)
    asked = grammar.ask(slot, wh, singular=singular, resolve=resolve)
    return None if asked is None else asked.text


SANCTIONS = (
    "The United States imposed sanctions on Kim and 10 other top officials Wednesday "
    "for grossly violating human rights."
)


def test_past_object_gets_did_and_the_base_form_with_a_stranded_preposition() -> None:
    assert question(SANCTIONS, "10 other top officials", "How many other top officials") == (
        "How many other top officials did the United States impose sanctions on?"
    )


def test_adjunct_date_is_removed_with_do_support() -> None:
    assert question(SANCTIONS, "Wednesday", "When", adjunct=True) == (
        "When did the United States impose sanctions on Kim and 10 other top officials "
        "for grossly violating human rights?"
    )


def test_passive_subject_keeps_its_auxiliary_and_adverb() -> None:
    text = "Eight North Korean entities were also blacklisted."
    assert question(text, "Eight North Korean entities", "How many North Korean entities") == (
        "How many North Korean entities were also blacklisted?"
    )


def test_third_person_present_becomes_does_plus_base_form() -> None:
    text = "The law requires the secretary of state to provide a report to Congress."
    assert question(text, "the secretary of state", "Who") == (
        "Who does the law require to provide a report to Congress?"
    )


def test_perfect_and_modal_auxiliaries_move_before_the_subject() -> None:
    perfect = "The leader has been personally sanctioned in Washington."
    assert question(perfect, "Washington", "Where", adjunct=True) == (
        "Where has the leader been personally sanctioned?"
    )
    modal = "The city will build 1,200 homes for homeless veterans."
    assert question(modal, "1,200 homes", "How many homes") == (
        "How many homes will the city build for homeless veterans?"
    )


def test_phrasal_verb_keeps_its_particle() -> None:
    text = "Amazon laid off 18,000 employees last year."
    assert question(text, "18,000 employees", "How many employees") == (
        "How many employees did Amazon lay off last year?"
    )


def test_copula_and_existential_there_invert_without_do() -> None:
    assert question("The deadline is Friday.", "Friday", "When", adjunct=True) == (
        "When is the deadline?"
    )
    there = "There were 14 candidates on the ballot."
    assert question(there, "14 candidates on the ballot", "How many candidates") == (
        "How many candidates were there?"
    )


def test_subject_question_needs_no_do_support_and_agrees_with_a_singular_wh() -> None:
    text = "Local officials coordinate the rescue effort in the valley."
    assert question(text, "Local officials", "Which organization", singular=True) == (
        "Which organization coordinates the rescue effort in the valley?"
    )
    org = "The State Department submitted the report to the U.S. Congress."
    assert question(org, "The State Department", "Which department", singular=True) == (
        "Which department submitted the report to the U.S. Congress?"
    )


def test_passive_agent_is_asked_in_the_active_voice() -> None:
    past = "The measure was approved by the House Judiciary Committee."
    assert question(past, "the House Judiciary Committee", "Which committee") == (
        "Which committee approved the measure?"
    )
    perfect = "The new law has been challenged by the American Civil Liberties Union."
    assert question(perfect, "the American Civil Liberties Union", "Which organization") == (
        "Which organization has challenged the new law?"
    )


def test_reduced_passive_relative_gets_was() -> None:
    text = (
        "The State Department submitted the report in accordance with the North Korea Sanctions "
        "and Policy Enhancement Act of 2016 enacted in February."
    )
    assert question(text, "February", "When", adjunct=True) == (
        "When was the North Korea Sanctions and Policy Enhancement Act of 2016 enacted?"
    )


def test_relative_pronoun_subject_becomes_its_noun() -> None:
    text = "Officials inspected the dam, which was built in 1962."
    assert question(text, "1962", "When", adjunct=True) == "When was the dam built?"


def test_fronted_adjuncts_move_to_the_end_and_sentence_adverbs_go() -> None:
    text = "However, in 2020, the government hired 3,000 teachers."
    assert question(text, "3,000 teachers", "How many teachers") == (
        "How many teachers did the government hire in 2020?"
    )


def test_long_questions_drop_trailing_adjuncts() -> None:
    text = (
        "The State Department submitted the report to the U.S. Congress in accordance with the "
        "North Korea Sanctions and Policy Enhancement Act of 2016 enacted in February."
    )
    assert question(text, "The State Department", "Which department", singular=True) == (
        "Which department submitted the report to the U.S. Congress?"
    )


def test_he_is_resolved_to_the_one_person_just_named() -> None:
    text = "Prime Minister Anthony Albanese visited a flooded town. He met 30 families at a school."
    assert question(text, "30 families", "How many families") == (
        "How many families did Anthony Albanese meet at a school?"
    )


def test_he_with_two_people_named_before_is_refused() -> None:
    text = "John Smith met Mary Jones. He hired 30 workers."
    assert question(text, "30 workers", "How many workers") is None


@pytest.mark.parametrize(
    ("text", "answer", "wh", "adjunct"),
    [
        (
            "It has killed more than 300 people in the region.",
            "more than 300 people",
            "How many people",
            False,
        ),
        ("Microsoft did not buy the startup in 2019.", "2019", "When", True),
        (
            "“We will hire 200 teachers next year,” the mayor said.",
            "200 teachers",
            "How many teachers",
            False,
        ),
        ("A senior official said Thursday the talks had failed.", "Thursday", "When", True),
        ("They met 40 students at this school.", "40 students", "How many students", False),
        ("To hire 50 nurses, the hospital raised wages.", "50 nurses", "How many nurses", False),
    ],
)
def test_clauses_that_cannot_make_a_clean_question_are_refused(
    text: str, answer: str, wh: str, adjunct: bool
) -> None:
    assert question(text, answer, wh, adjunct=adjunct) is None


def test_a_noun_modifier_is_not_a_clause_argument() -> None:
    doc = sentence_doc("A federal judge in Texas blocked the rule.")
    assert grammar.locate(find(doc, "Texas"), adjunct=True) is None


def test_questions_are_capped_at_thirty_words() -> None:
    clauses = " and ".join(f"the {word} plan" for word in "abcdefghijklmnopq")
    text = f"The council approved 12 budgets for {clauses} on Monday."
    asked = question(text, "12 budgets", "How many budgets")
    assert asked is None or len(asked.split()) <= grammar.MAX_WORDS


def test_base_form_and_contains_answer() -> None:
    doc = sentence_doc("The agency imposed fines and requires reports.")
    assert grammar.base_form(doc[2]) == "impose"
    assert grammar.contains_answer("Which agency imposed fines?", "The agency")
    assert not grammar.contains_answer("How many officials were blacklisted?", "10")
    assert grammar.contains_answer("How many of the 10 officials were blacklisted?", "10")
    assert not grammar.contains_answer("When did it happen in 2010?", "201")


def test_possessive_apostrophe_is_not_a_quotation_mark() -> None:
    doc = sentence_doc(
        "Ten of the state’s 40 prisons remain closed, according to Texas’ Department of "
        "Criminal Justice."
    )
    slot = grammar.locate(find(doc, "Ten"))
    assert slot is not None
    question = grammar.ask(slot, "How many of the state’s 40 prisons")
    assert question is not None
    assert question.text.startswith("How many of the state’s 40 prisons remain closed")


def test_a_name_the_text_capitalizes_keeps_its_capital_at_the_start() -> None:
    doc = sentence_doc(
        "Former President Donald Trump wrote that aid should stop. Trump met with Hungarian "
        "Prime Minister Viktor Orbán in Florida on March 8."
    )
    assert doc[find(doc, "Trump", 1)[0].i].ent_type_ != "PERSON"  # the model missed the name
    slot = grammar.locate(find(doc, "March 8"), adjunct=True)
    assert slot is not None
    question = grammar.ask(slot, "When")
    assert question is not None
    assert (
        question.text
        == "When did Trump meet with Hungarian Prime Minister Viktor Orbán in Florida?"
    )


def test_a_conjunct_the_tagger_read_as_a_noun_is_dropped_with_its_and() -> None:
    doc = sentence_doc("The House has been in recess since Feb. 9 and returns on Feb. 28.")
    slot = grammar.locate(find(doc, "The House"))
    assert slot is not None
    question = grammar.ask(slot, "Which chamber", singular=True)
    assert question is not None
    assert question.text == "Which chamber has been in recess since Feb. 9?"


def test_a_past_clause_keeps_a_verb_whose_past_looks_present() -> None:
    doc = sentence_doc(
        "The agency declared an emergency on Monday after cases spread to four countries."
    )
    slot = grammar.locate(find(doc, "four countries"))
    assert slot is not None
    question = grammar.ask(slot, "How many countries")
    assert question is not None
    assert question.text == "To how many countries did cases spread?"


def test_a_relative_clause_on_a_date_has_no_owner() -> None:
    doc = sentence_doc(
        "Three counties have declared emergencies because of flooding since March, which has "
        "killed more than 200 people."
    )
    slot = grammar.locate(find(doc, "more than 200 people"))
    assert slot is None or grammar.ask(slot, "How many people") is None


def test_an_elliptical_comparison_clause_is_refused() -> None:
    doc = sentence_doc(
        "Employers added only 114,000 jobs in July, far fewer than the 175,000 economists had "
        "expected."
    )
    slot = grammar.locate(find(doc, "175,000 economists"))
    assert slot is None or grammar.ask(slot, "How many economists") is None


def test_a_fronted_place_moves_to_the_end_without_a_stray_comma() -> None:
    doc = sentence_doc("In New York, the S&P 500 fell 3% on Monday, and the Nasdaq lost 3.4%.")
    slot = grammar.locate(find(doc, "Monday"), adjunct=True)
    assert slot is not None
    question = grammar.ask(slot, "When")
    assert question is not None
    assert question.text == "When did the S&P 500 fall 3% in New York?"


def test_they_in_reported_speech_is_the_group_that_reports() -> None:
    doc = sentence_doc("Police said they had arrested 612 people in the capital.")
    slot = grammar.locate(find(doc, "612 people"))
    assert slot is not None
    question = grammar.ask(slot, "How many people")
    assert question is not None
    assert question.text == "How many people had police arrested in the capital?"


def test_they_is_refused_when_a_person_or_an_unnamed_speaker_reports() -> None:
    for text in (
        "Maria Lopez said they had hired 300 workers.",
        "A spokesman said it had sent 40 trucks.",
    ):
        doc = sentence_doc(text)
        number = next(t for t in doc if t.like_num)
        slot = grammar.locate(list(number.head.subtree))
        assert slot is None or grammar.ask(slot, "How many things") is None, text


def test_a_hyphenated_word_is_never_cut_in_half() -> None:
    doc = sentence_doc(
        "The European Union pledged 40 million euros at the conference, which was co-hosted by "
        "Jordan and Egypt."
    )
    slot = grammar.locate(find(doc, "The European Union"))
    question = None if slot is None else grammar.ask(slot, "Which organization", singular=True)
    # "co" never stands alone (a cut "co-hosted"); "conference" is another word.
    assert question is None or not re.search(r"\bco\b(?!-)", question.text)


def test_a_trailing_participle_takes_the_subject_and_tense_of_its_clause() -> None:
    storm = (
        "The storm hit the coast of Honduras on Tuesday, killing 12 people and destroying "
        "300 homes."
    )
    assert question(storm, "12 people", "How many people") == "How many people did the storm kill?"
    assert question(storm, "300 homes", "How many homes") == (
        "How many homes did the storm destroy?"
    )
    runoff = (
        "Former finance minister Andrea Solís Vargas won Costa Rica’s presidential runoff on "
        "Sunday, defeating businessman Rodrigo Montero by nearly 12 percentage points."
    )
    assert question(runoff, "nearly 12 percentage points", "How many percentage points") == (
        "By how many percentage points did former finance minister Andrea Solís Vargas defeat "
        "businessman Rodrigo Montero?"
    )
    fire = "The fire has destroyed 230 homes, forcing 14,000 people to leave the valley."
    assert question(fire, "14,000 people", "How many people") == (
        "How many people has the fire forced to leave the valley?"
    )


def test_a_participle_after_a_passive_or_a_participle_with_its_own_subject_is_refused() -> None:
    # The town was hit; the storm, not the town, killed: no subject to borrow.
    passive = "The town was hit by the storm on Tuesday, killing 12 people."
    assert question(passive, "12 people", "How many people") is None
    # "with" marks an absolute phrase, not the clause's own action.
    absolute = "The storm hit the coast on Tuesday, with 12 people killed."
    assert question(absolute, "12 people", "How many people") is None


def test_an_adjective_phrase_after_its_noun_is_dropped_as_an_aside() -> None:
    text = (
        "The measure provides $895 billion for the Defense Department, an increase of 3%, and "
        "$764 billion for nondefense programs, roughly equal to last year."
    )
    assert question(text, "$895 billion", "How much", singular=True) == (
        "How much does the measure provide for the Defense Department?"
    )


def test_a_time_counted_from_the_day_of_writing_is_left_out() -> None:
    text = "The airline cancelled 300 flights this week after a storm hit Chicago."
    assert question(text, "300 flights", "How many flights") == (
        "How many flights did the airline cancel after a storm hit Chicago?"
    )


def test_a_preposition_is_not_fronted_across_a_purpose_clause() -> None:
    text = "The charity will use the donation to send tents to 12 villages."
    assert question(text, "12 villages", "How many villages") is None


def test_a_second_object_after_a_comma_is_an_aside() -> None:
    text = "The central bank raised its key rate on Thursday, its ninth increase in a row."
    assert question(text, "Thursday", "When", adjunct=True) == (
        "When did the central bank raise its key rate?"
    )


def test_a_dropped_coordinated_verb_takes_its_misattached_object_along() -> None:
    text = (
        "The Bureau of Reclamation will spend $40 million to line irrigation canals and "
        "repair aging dams in Utah."
    )
    assert question(text, "The Bureau of Reclamation", "Which agency", singular=True) == (
        "Which agency will spend $40 million to line irrigation canals in Utah?"
    )


@pytest.mark.parametrize(
    ("text", "agent", "wh", "expected"),
    [
        (
            "The purchases will be paid for by the Colorado River Fund.",
            "the Colorado River Fund",
            "Which fund",
            "Which fund will pay for the purchases?",
        ),
        (
            "The talks were presided over by the African Union.",
            "the African Union",
            "Which organization",
            "Which organization presided over the talks?",
        ),
        (
            "The case was looked into by the Justice Department.",
            "the Justice Department",
            "Which department",
            "Which department looked into the case?",
        ),
    ],
)
def test_a_prepositional_passive_keeps_its_preposition_before_the_object(
    text: str, agent: str, wh: str, expected: str
) -> None:
    assert question(text, agent, wh, singular=True) == expected


def _pronoun_names(text: str) -> list[str | None]:
    from quizapp.generation.parsing import parse_article

    doc = parse_article(text).doc
    resolve = grammar.person_resolver(doc, lambda name: name)
    return [resolve(token) for token in doc if token.lower_ == "he"]


def test_he_points_back_over_two_sentences_of_its_paragraph_only() -> None:
    # "he" two sentences after the name, in one paragraph: the one person named.
    assert _pronoun_names(
        "John Miller is a major in the national guard. He has worked with the intelligence"
        " service for years. In September 2019, he was sanctioned by the council."
    ) == ["John Miller", "John Miller"]
    # Past the previous sentence a paragraph break ends the window.
    assert _pronoun_names(
        "John Miller is a major in the national guard.\n\nThe guard has many officers."
        " In September 2019, he was sanctioned by the council."
    ) == [None]
