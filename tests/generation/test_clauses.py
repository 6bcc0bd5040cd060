"""The overgenerator: answer phrases of every clause, the general wh-transformation, the
question filter and the ranker's features, on hand-written sentences and a whole article."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.generation import generate_questions, question_filter, wh
from quizapp.generation.answers import _org_kind, answer_phrases
from quizapp.generation.clauses import ClauseGenerator, summed_lists
from quizapp.generation.cleaning import clean_text
from quizapp.generation.features import features
from quizapp.generation.nlp import load_nlp
from quizapp.generation.parsing import parse_article
from quizapp.generation.question_filter import rejection
from quizapp.generation.types import Candidate

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
STORY = (
    "Northwind Bank and the Harbor Department on Monday announced sanctions on six coastal"
    " officials for what the council called fraudulent elections.\n\n"
    "The Harbor Department accused the six officials of spreading disinformation.\n\n"
    "Rita Stone, undersecretary for ports and fisheries, said the measures would stay in"
    " place.\n\n"
    "The council signed Executive Order (E.O.) 14250 and must finish the review by June 30,"
    " 2026."
)


@pytest.fixture(scope="module")
def phrases() -> dict[str, tuple[str, str, str]]:
    """Answer text -> (question type, wh-phrase, kind) for the story."""
    article = parse_article(clean_text(STORY))
    found: dict[str, tuple[str, str, str]] = {}
    for phrase in answer_phrases(article):
        found.setdefault(phrase.span.text, (phrase.type, phrase.wh, phrase.kind))
    return found


def test_a_count_is_asked_with_the_noun_it_counts(phrases: dict) -> None:
    assert phrases["six"][:2] == ("how_many", "How many coastal officials")


def test_a_list_of_names_is_one_answer(phrases: dict) -> None:
    assert phrases["Northwind Bank and the Harbor Department"][:2] == (
        "which_org",
        "Which organizations",
    )


def test_a_number_after_an_orders_name_is_a_law_and_a_date_loses_its_preposition(
    phrases: dict,
) -> None:
    assert phrases["Executive Order (E.O.) 14250"][:2] == ("which_law", "Which executive order")
    assert "June 30, 2026" in phrases and "by June 30, 2026" not in phrases


def _ask(sentence: str, answer: str, wh_phrase: str, *, adjunct: bool = False) -> str | None:
    doc = load_nlp()(sentence)
    start = sentence.index(answer)
    span = doc.char_span(start, start + len(answer))
    assert span is not None
    asked = wh.ask(list(span), wh_phrase, adjunct=adjunct)
    return None if asked is None else asked[0]


def test_a_subject_answer_is_replaced_where_it_stands() -> None:
    question = _ask(
        "The Harbor Department accused the six officials of spreading disinformation.",
        "The Harbor Department",
        "Which department",
    )
    assert question == "Which department accused the six officials of spreading disinformation?"


def test_an_adjunct_is_fronted_with_do_support() -> None:
    question = _ask(
        "The council announced new sanctions on Monday.", "Monday", "When", adjunct=True
    )
    assert question == "When did the council announce new sanctions?"


def test_an_object_of_a_preposition_takes_it_along() -> None:
    question = _ask("The council sent the report to Rita Stone.", "Rita Stone", "who")
    # Pied-piped or stranded: both are English, neither leaves "Rita Stone" behind.
    assert question in {
        "To whom did the council send the report?",
        "Who did the council send the report to?",
    }


def test_the_overgenerator_offers_more_than_a_quiz_needs_and_words_appositions() -> None:
    article = parse_article(clean_text(STORY))
    candidates = list(ClauseGenerator().generate(article))
    assert len(candidates) >= math.ceil(len(STORY.split()) / 20)
    assert any(
        c.form == "appositive"
        and c.question == "Who is undersecretary for ports and fisheries?"
        and c.answer == "Rita Stone"
        for c in candidates
    )
    assert all(c.question.endswith("?") and c.answer in article.text for c in candidates)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Which department the six officials of spreading?", "no finite verb"),
        ("Where did the council meet in in the city?", "doubled preposition"),
        ("Which law did these measures follow?", "bare demonstrative"),
        ("How much did we announce in funding?", "first-person pronoun outside a quotation"),
        ("Who said the plan failed; the council agreed?", "a list or second clause after a"),
        ("Which organizations signed the plan and?", "cut-off question"),
        ("The mayor renewed her pledge to ending when's shortage of water?", "possessive of a"),
        ("The harbor board helped carry out who policy in the region?", "who before a noun"),
        ("The council approved the money under the which law?", "determiner before a wh-word"),
        ("Farmers had been arrested when in the valley?", "in-place wh-word with words"),
        ("What the council called fair elections held by the mayor when?", "in-place when"),
        ("Including how many journalists were arrested?", "no subject"),
        ("From which office will the loan be read a press release press release?", "repeated"),
        ("The office announced a policy a 3 C of which law for officials?", "pieces of a cut"),
        ("Five members, including who (Dr.), won seats in the assembly?", "in-place wh-word"),
        ("The board has named Rita Stone, her deputy who, and four other members?", "in-place wh"),
        ("The firms were fined by the Harbor Union (which organization) or Canada?", "in-place"),
        ("Rita Stone is the chair of the Harbor Board?", "no wh-word"),
        ("How much will be paid to the board HbF. of the total loan?", "a full stop inside"),
        ("Which organization does Rita Stone, the chief executive, say?", "a name asked as"),
        (
            "Rita Stone, Tom Reed, Ann Lee, and which official made the announcement?",
            "a list of more than three items",
        ),
        (
            "Which company did the fines undermine the stability of local banks?",
            "a second object after a fronted wh-object",
        ),
        (
            "When would all boats and nets As a result of the ban be seized?",
            "a capitalized word inside the question",
        ),
        ("Which firm was fined for owning boats related to in total?", "a preposition without"),
        ("When were the boats seized within or transiting?", "a preposition without"),
        ("Will have an interest rate of what percentage on the loan?", "no subject"),
        ("When did the council submit that request?", "bare demonstrative"),
        ("The raid was led by 14 other harbor officials: who?", "in-place wh-word inside"),
        ("Lawmakers will begin work on spending bills when?", "in-place when"),
        ("Aka Red Fox was convicted by a jury for his role in which gang?", "no subject"),
        ("Rita Stone, said in an interview with which service?", "a comma between subject"),
        ("A harbor court when recommended his release?", "in-place wh-word with words"),
        ("The person most responsible is the leader of the city who?", "in-place who after"),
        ("Which board has named officials responsible for, or complicit?", "a preposition"),
    ],
)
def test_the_filter_names_what_is_wrong(question: str, reason: str) -> None:
    found = rejection(load_nlp()(question))
    assert found is not None and found.startswith(reason), found


@pytest.mark.parametrize(
    "question",
    [
        "When did the council announce new sanctions?",
        "Who is the official who signed the harbor law?",
        "Who did the council impose sanctions on?",
        "Which country had up to 60 days to present a full request?",
        "Which department has also published advice to local banks?",
        "The bill is named in honor of which late congressman?",
        "Which law did the council sign in March?",
        'Who said, "We know who is responsible and when it happened"?',
        "Which law is named the Clean Harbors Through Better Ports Act?",
        "Who is charged with selling cocaine, heroin, methamphetamine, and marijuana?",
        "Which office is issuing a license through 12:01 a.m. eastern time?",
        "How many days did the council have to present a full request?",
        "How many jobs did employers add last month?",
        "How much has the city paid Acme?",
        "Which court has 30 days to declare the official result?",
        "How many times did the bank raise rates in 2022 to fight inflation?",
        "Yesterday Dr. Rita Stone of Harbor Inc. announced how many new jobs?",
        'Who said, "The harbor will open in March"?',
        "Which board is still deciding whether or not a fee will apply?",
        "Under which law may schools close for up to 21 days?",
        "Which office said the bill would cut spending by about $21 billion?",
        "Where is Tom Reed, aka Red Fox and Blue Fox, charged?",
        "Two other members of which gang, both foreign nationals, were charged in 2024?",
        "How many tons will the port allow at a fee of 7.5%, phased in over six years?",
        "Rita Stone spoke with whom?",
        # A later "when" joins a clause; a leading participle leads the wh-phrase.
        "How many firefighters were injured when a tree fell on their truck?",
        "According to which department did consumer prices rise 2.9% in May?",
        "Building upon which law did the council sign Executive Order 14250?",
        "Which organization will allow 9,000 tons of grain a year, phased in over six years?",
    ],
)
def test_the_filter_keeps_clean_questions(question: str) -> None:
    assert rejection(load_nlp()(question)) is None


def test_features_tell_the_lead_from_the_end() -> None:
    article = parse_article(clean_text(STORY))
    first = Candidate("when", "When did the council act?", "Monday", STORY, 0, "DATE", 0.9)
    last = Candidate("when", "When did the council act?", "Monday", STORY, 3, "DATE", 0.9)
    lead, end = features(first, article, "DATE"), features(last, article, "DATE")
    assert lead["lead"] == 1.0 and end["lead"] == 0.0
    assert lead["position"] < end["position"]
    assert lead["kind=DATE"] == 1.0 and lead["type=when"] == 1.0


def test_an_ordinary_article_gets_more_candidates_than_a_quiz() -> None:
    text = (ROOT / "bench" / "articles" / "fed-holds-rates.txt").read_text(encoding="utf-8")
    questions = generate_questions(text)
    words = len(clean_text(text).split())
    assert len(questions) >= math.ceil(words / 20)
    assert len(questions) <= words * 10 / 100
    statements = [q for q in questions if q.type == "true_false"]
    assert all(q.question.endswith(".") for q in statements)


WORDS = st.lists(
    st.sampled_from(
        [
            "The",
            "council",
            "said",
            "on",
            "Monday",
            "six",
            "officials",
            "and",
            "Rita",
            "Stone",
            ",",
            ".",
            "(",
            ")",
            "“",
            "”",
            "by",
            "Executive",
            "Order",
            "14250",
            "$5",
            "million",
            "\n\n",
            "which",
            "who",
            "is",
            "the",
            "in",
            "Harbor",
            "Department",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(WORDS, st.text(max_size=200)))
def test_the_clause_generator_never_raises(text: str) -> None:
    cleaned = clean_text(text)
    if not cleaned.strip():
        return
    article = parse_article(cleaned)
    for candidate in ClauseGenerator().generate(article):
        assert candidate.answer in article.text


def test_a_hyphenated_word_stays_one_word_in_the_question() -> None:
    # wh.py joins the clause's tokens with spaces: "state-owned" came out "state - owned".
    from quizapp.generation.wh import _finish

    assert _finish("The officials are from the state - owned which company") == (
        "The officials are from the state-owned which company?"
    )


def test_a_fronted_subject_keeps_its_capital_and_a_date_loses_at_least() -> None:
    text = (
        "The agency said the attacks continued.\n\nCanadian government cyber actors have since"
        " at least March 2016 targeted harbor offices and several water plants, the agency said."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert "least March 2016" not in asked
    assert asked["March 2016"].startswith("When have Canadian government cyber actors")


def test_a_list_that_starts_with_a_name_and_its_acronym_is_asked_whole() -> None:
    text = (
        "The board said the harbor rules changed.\n\nAll of the firms below were previously"
        " fined by the European Union (EU) or Canada, the board said."
    )
    answers = {c.answer for c in ClauseGenerator().generate(parse_article(text))}
    assert "the European Union (EU) or Canada" in answers
    assert "EU) or Canada" not in answers


def test_a_relative_clause_is_asked_with_its_noun_as_the_subject() -> None:
    text = (
        "The board said the harbor rules changed.\n\nHe was also accused of torturing a"
        " peaceful protester who demanded the release of students who had been imprisoned in"
        " May 2014 in Westland."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["May 2014"] == "When had students been imprisoned in Westland?"


def test_the_owner_of_a_title_in_an_appositive_is_asked() -> None:
    text = (
        "The board said the harbor rules changed.\n\n"
        '"The market must stay honest," said Rita Stone, the Harbor Vigilance Committee’s chief'
        " executive officer.\n\nYesterday Dr. Tom Reed, the Administrator of the Coastal Relief"
        " Agency, announced new funding."
    )
    asked = {
        c.question: c.answer
        for c in ClauseGenerator().generate(parse_article(text))
        if c.form == "appositive"
    }
    assert asked["Of which committee is Rita Stone the chief executive officer?"] == (
        "the Harbor Vigilance Committee"
    )
    assert asked["Of which agency is Tom Reed the Administrator?"] == "the Coastal Relief Agency"


def test_who_after_a_preposition_is_whom_wherever_it_stands() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe protection of clean water is vital to"
        " peace and prosperity, according to Rita Stone."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["Rita Stone"].endswith("according to whom?")


def test_the_agent_of_a_reduced_passive_is_asked_in_the_active_voice() -> None:
    text = (
        "The board said the harbor rules changed.\n\nRita Stone spoke at a town meeting"
        " hosted by Mayor Tom Reed at the Harbor Library in Westland."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["Tom Reed"] == "Who hosted a town meeting at the Harbor Library in Westland?"


def test_a_subject_keeps_the_bracket_that_closes_its_acronym() -> None:
    text = (
        "The board said the harbor rules changed.\n\nToday, the Office of Tidal Control (OTC)"
        " fined five fishing boats for illegal nets."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["five"] == (
        "How many fishing boats did the Office of Tidal Control (OTC) fine today?"
    )
    assert "(OTC)" in asked["Today"]


def test_one_of_several_named_doers_is_not_asked_as_the_only_one() -> None:
    """ "Who signed the deal?" of one of three signers has three right answers."""
    text = (
        "The board said the harbor rules changed.\n\nRita Stone, Tom Reed and Ana Lima signed"
        " the harbor deal in Westland on Monday."
    )
    questions = {(c.answer, c.question) for c in ClauseGenerator().generate(parse_article(text))}
    assert not any(q.startswith("Who signed") for a, q in questions if a == "Tom Reed")
    assert not any(q.startswith("Who signed") for a, q in questions if a == "Rita Stone")
    assert any(a == "Westland" for a, _ in questions)


def test_a_count_after_a_preposition_is_asked_in_place_without_its_article() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe Harbor Party has won 41 seats out of"
        " the 43 seats for which results were announced."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert "out of how many seats" in asked["43"]
    assert not any("the how many" in question for question in asked.values())


def test_a_relative_clause_after_a_misparsed_preposition_is_not_rebuilt() -> None:
    """ "seats for which results were announced this evening" must not become "When were
    results the 43 seats for announced?"."""
    text = (
        "The board said the harbor rules changed.\n\nThe Harbor Party has won 41 seats out of"
        " the 43 seats for which result is revealed this evening."
    )
    questions = [c.question for c in ClauseGenerator().generate(parse_article(text))]
    assert not any("seats for revealed" in question for question in questions)


def test_a_decimal_percentage_is_an_answer_and_keeps_its_sign() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe harbor fee rose to 2.5% in March,"
        " and the Harbor Bank cut its rate to 0.75% on Monday."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert "2.5%" in asked and "0.75%" in asked
    assert "to 0.75%" in asked["Monday"] or asked["Monday"].endswith("0.75%?")


@pytest.mark.parametrize(
    "sentence",
    [
        "The port will take 9,000 tons of grain a year at a fee of 5%.",
        "The loan must be repaid in 35 years under the Harbor Bank plan.",
        "The yield on the 10-year bond fell to 4.1% on Friday.",
    ],
)
def test_a_rate_or_a_length_of_time_is_never_asked_with_when(sentence: str) -> None:
    text = f"The board said the harbor rules changed.\n\n{sentence}"
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    for answer in ("a year", "35 years", "10-year"):
        assert not asked.get(answer, "").startswith("When"), asked


def test_what_an_organization_reports_is_asked_as_who_said_it() -> None:
    text = (
        "The board said the harbor rules changed.\n\nIn a statement, the Harbor Safety Office"
        " said the boats were seized under the Clean Ports Act (CPA) on Monday."
    )
    asked = {c.question: c.answer for c in ClauseGenerator().generate(parse_article(text))}
    question = "Which office said that the boats were seized under the Clean Ports Act on Monday?"
    assert asked[question] == "the Harbor Safety Office"


def test_an_owner_is_not_asked_without_its_noun() -> None:
    """ "Roe's orders": "Who would the army obey orders?" is no question."""
    text = (
        "The board said the harbor rules changed.\n\nThe army would obey Tom Reed’s orders"
        " to block the port."
    )
    questions = [
        c.question
        for c in ClauseGenerator().generate(parse_article(text))
        if c.answer == "Tom Reed" and c.form != "in_place"
    ]
    assert not any(q.startswith("Who would the army obey") for q in questions)


def test_a_name_after_its_title_is_asked_in_place_with_which() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe new dock is named in honor of the"
        " late harbor master Tom Reed."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["Tom Reed"].endswith("in honor of which late harbor master?")


def test_a_list_of_mostly_countries_is_asked_as_countries() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe council named Burma, China, Eritrea,"
        " Iran, North Korea and Sudan as countries of concern."
    )
    phrases = {p.span.text: p for p in answer_phrases(parse_article(text))}
    listed = next(p for text, p in phrases.items() if text.startswith("Burma") and "," in text)
    assert (listed.type, listed.wh) == ("where", "Which countries")


@pytest.mark.parametrize(
    "sentence",
    [
        "Dr. Rita Stone announced an increase in aid to Westland on Monday.",
        "Tom Reed was arraigned in Chicago today after his extradition from Westland.",
    ],
)
def test_a_place_on_a_noun_is_not_where_the_clause_happened(sentence: str) -> None:
    text = f"The board said the harbor rules changed.\n\n{sentence}"
    asked = [
        c.question
        for c in ClauseGenerator().generate(parse_article(text))
        if c.answer == "Westland"
    ]
    assert not any(question.startswith("Where") for question in asked), asked


def test_a_report_is_not_dated_by_what_it_reports() -> None:
    """ "Rita Stone was elected in November, the Harbor News reported": November dates the
    election, so "When did the Harbor News report?" is no question; a statement's own date
    is ("When did Tom Reed state publicly?")."""
    text = (
        "The board said the harbor rules changed.\n\nAnalysts doubted the new fees would"
        " work in November, the Harbor News reported. Tom Reed stated publicly in February"
        " 2019 that the port would close."
    )
    asked = {c.question: c.answer for c in ClauseGenerator().generate(parse_article(text))}
    assert not any(q.startswith("When did the Harbor News report") for q in asked)
    assert not any(q.startswith("Which organization reported") for q in asked)
    assert any(a == "February 2019" and q.startswith("When did Tom Reed") for q, a in asked.items())


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("The Secretary of State named ten countries.", "State", None),
        ("The Minister of Finance signed the loan.", "Finance", None),
        ("The Secretary of HPA signed the loan.", "HPA", "ORG"),
    ],
)
def test_the_last_word_of_a_title_is_no_organization(
    sentence: str, name: str, kind: str | None
) -> None:
    doc = load_nlp()(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name), label="ORG")
    assert span is not None
    assert _org_kind(span) == kind


def test_a_relative_clause_names_an_order_with_its_number() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe boats were seized pursuant to"
        " Executive Order (E.O.) 14250, which implements the Clean Harbors Act."
    )
    questions = [c.question for c in generate_questions(text) if c.answer == "Clean Harbors Act"]
    assert questions and all("14250" in question for question in questions), questions


def test_a_fronted_phrase_holding_the_answer_leads_an_inverted_question() -> None:
    text = (
        "The board said the harbor rules changed.\n\nUnder the terms of the Harbor Treaty,"
        " the city had up to 60 days to present a full request."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["Harbor Treaty"] == (
        "Under the terms of which treaty did the city have up to 60 days to present a full request?"
    )
    assert not asked.get("60 days", "").startswith("When")


def test_a_quoted_name_is_no_quotation_to_attribute() -> None:
    text = (
        "The board said the harbor rules changed.\n\nRita Stone said that in accordance with the"
        " Clean Ports Act of 1998, the Secretary of Ports annually designates ports that have"
        " engaged in or tolerated ongoing violations of safety rules as “Ports of Particular"
        " Concern”."
    )
    questions = [c.question for c in ClauseGenerator().generate(parse_article(text))]
    assert questions
    assert not any(question.startswith("Who said “Ports") for question in questions)


def test_a_plural_possessive_keeps_its_apostrophe() -> None:
    article = parse_article(
        "The board said the harbor rules changed.\n\nThe fines reaffirm the commitment of"
        " Westland to fight fraud, which hurts countries’ economic growth."
    )
    place = next(ent for ent in article.ents if ent.text == "Westland")
    asked = wh.ask_in_place(list(place), "which country", adjunct=False)
    assert asked is not None
    assert "hurts countries’ economic growth?" in asked[0]


def test_an_amount_does_not_make_a_name_of_its_noun() -> None:
    text = "The board said the harbor rules changed.\n\nThe city signed a $12 million loan deal."
    phrases = [p.span.text for p in answer_phrases(parse_article(text)) if p.kind == "LAW"]
    assert not any("loan" in phrase for phrase in phrases)


def test_he_after_a_name_said_to_hold_a_title_is_that_person() -> None:
    text = (
        "The board said the harbor rules changed.\n\nAna Lima Costa is a Major in the Coastal"
        " Guard. He has worked with officials in the Harbor Police. In September 2019, he was"
        " fined by the Harbor Board for his role in the abuse of sailors."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    question = asked["September 2019"]
    assert question.startswith("When was ") and "Lima Costa fined by the Harbor Board" in question


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("The Democratic Republic of Norland jailed two reporters.", "Republic of Norland", "GPE"),
        ("Seven nations signed the Lakeside Accords in May.", "Lakeside Accords", "LAW"),
        ("The Ridge Virus spread to three towns.", "Ridge Virus", None),
        ("The Harbor Commission closed the port.", "Harbor Commission", "ORG"),
    ],
)
def test_a_name_called_an_organization_is_asked_as_what_its_head_says(
    sentence: str, name: str, kind: str | None
) -> None:
    """The model's ORG label on a country, an agreement or a thing is not what it is: a
    country is asked as a country, an agreement as a law, a thing not at all."""
    doc = load_nlp()(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name), label="ORG")
    assert span is not None
    assert _org_kind(span) == kind


def test_the_determiner_that_is_made_definite_but_not_the_conjunction() -> None:
    """ "submitted that request" points back into the article; "said that" stays."""
    text = (
        "The board said the harbor rules changed.\n\nThe Harbor Office submitted that request"
        " in February 2023, and officials said that the boats were old."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["February 2023"] == "When did the Harbor Office submit the request?"
    assert rejection(load_nlp()(asked["February 2023"])) is None


def test_a_long_list_the_question_passes_through_is_read_as_its_count() -> None:
    """Ten names read out make no question; "re-designated six countries" does, and the
    hyphenated verb the tokenizer split is one verb again."""
    text = (
        "The board said the harbor rules changed.\n\nThe Harbor Office announced that the"
        " council re-designated Westland, Eastland, Northland, Southland, Midland and Upland"
        " as ports of concern on June 2, 2025."
    )
    article = parse_article(text)
    asked = {
        c.answer: summed_lists(c, article).question for c in ClauseGenerator().generate(article)
    }
    question = asked["June 2, 2025"]
    assert question == "When did the council re-designate six countries as ports of concern?"
    assert rejection(load_nlp()(question)) is None
    assert asked["The Harbor Office"].startswith(
        "Which office announced that the council re-designated six countries as ports"
    )
    # The list itself, the answer, is still read out in full.
    assert any(answer.startswith("Westland, Eastland") for answer in asked)


def test_a_short_list_is_left_as_it_is() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe council hired Rita Stone and Tom Reed"
        " as inspectors on June 2, 2025."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert (
        asked["June 2, 2025"] == "When did the council hire Rita Stone and Tom Reed as inspectors?"
    )


def test_the_agent_of_a_pair_of_passive_verbs_is_asked_in_the_active_voice() -> None:
    """ "was coordinated and executed by his deputy Tom Reed" -> "Who coordinated the
    operation?": the name after its title is the agent, "this operation" becomes definite,
    and the names after a colon hang on no question."""
    text = (
        "The board said the harbor rules changed.\n\nThis operation was coordinated and"
        " executed by his deputy Tom Reed, and involved at least 14 other officials: Ana Lima;"
        " Rita Stone; Sam Hill."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["Tom Reed"] == "Who coordinated the operation?"


def test_a_pair_of_passive_verbs_keeps_its_organization_agent() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThese measures were drafted and approved"
        " by the Harbor Board on Monday."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["the Harbor Board"] == "Which board drafted the measures on Monday?"


def test_a_conjunct_with_its_own_object_after_a_passive_is_in_the_past_tense() -> None:
    """ "was led by Tom Reed, and involved 14 officials" is "did … involve", never "was …
    involved" nor the passive clause read in front of it."""
    text = (
        "The board said the harbor rules changed.\n\nThe raid was led by Tom Reed, and involved"
        " at least 14 other officials."
    )
    asked = [c.question for c in ClauseGenerator().generate(parse_article(text))]
    counted = [q for q in asked if "how many other officials" in q.lower()]
    assert counted, asked
    assert all("was led" not in q and "was the raid involved" not in q for q in counted)
    assert "How many other officials did the raid involve?" in counted


def test_a_name_in_apposition_to_a_noun_is_not_asked_in_place() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe plan, Harbor Watch, was approved by"
        " his deputy Tom Reed on Monday."
    )
    questions = [c.question for c in ClauseGenerator().generate(parse_article(text))]
    assert not any("deputy who" in q or "plan who" in q.lower() for q in questions), questions


def test_the_filter_tokenizes_a_question_as_the_article_was() -> None:
    """Split into "re - designate", the question parsed as a second object and was dropped."""
    doc = next(
        iter(question_filter._parse(["Which ports did the council re-designate on June 2?"]))
    )
    assert "re-designate" in [t.text for t in doc]
    assert rejection(doc) is None


def test_the_last_of_a_comma_list_is_asked_with_its_adjectives_removed() -> None:
    """ "…, and the state-owned Coastal Mining Company": the comma before "and" keeps the
    parse's list, and the adjectives before the name go with it (no "the state-owned which
    company")."""
    text = (
        "The board said the harbor rules changed.\n\nThe officials sanctioned Monday are from"
        " the military, the Coastal Institute of Ports and Mail, and the state-owned Coastal"
        " Mining Company."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["Coastal Mining Company"] == (
        "From which company are the officials sanctioned Monday?"
    )


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        (
            "The port's layout reflects an old design, with 14 docks made up of dozens of berths.",
            "14",
            "How many docks does the port's layout have?",
        ),
        (
            "The Harbor Board opened last year, with 40 inspectors.",
            "40",
            "How many inspectors did the Harbor Board have?",
        ),
    ],
)
def test_a_count_in_a_with_phrase_is_what_the_subject_has(
    sentence: str, answer: str, question: str
) -> None:
    text = f"The board said the harbor rules changed.\n\n{sentence}"
    asked = [
        c.question for c in ClauseGenerator().generate(parse_article(text)) if c.answer == answer
    ]
    assert question in asked


def test_a_with_phrase_of_what_happens_is_not_had() -> None:
    """ "with 300 companies losing value" says what happened, not what the subject has."""
    text = (
        "The board said the harbor rules changed.\n\nStocks fell on Monday, with 300 companies"
        " losing value."
    )
    questions = [c.question for c in ClauseGenerator().generate(parse_article(text))]
    assert not any(q.endswith(" have?") for q in questions), questions


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        (
            "The deal will strengthen Norway's fishing fleet.",
            "Norway",
            "Which country’s fishing fleet will the deal strengthen?",
        ),
        (
            "The army would obey Tom Reed's orders, officials said.",
            "Tom Reed",
            "Whose orders would the army obey?",
        ),
        (
            "These actions undermined the stability of Chile’s democratic institutions.",
            "Chile",
            "The actions undermined the stability of which country’s democratic institutions?",
        ),
    ],
)
def test_a_possessive_owner_is_asked_with_what_it_owns(
    sentence: str, answer: str, question: str
) -> None:
    """ "Whose orders …?", never the owner alone ("Who would the army obey orders?") and a
    country's possessive is no "Where"."""
    text = f"The board said the harbor rules changed.\n\n{sentence}"
    asked = [
        c.question for c in ClauseGenerator().generate(parse_article(text)) if c.answer == answer
    ]
    assert question in asked
    assert not any(q.startswith("Where") for q in asked)


def test_an_amount_that_only_describes_a_noun_is_not_asked_as_the_object() -> None:
    """ "signed a $120 million loan agreement": no "How much has the government signed a
    loan agreement …?"; an amount that is the object is asked."""
    text = (
        "The board said the harbor rules changed.\n\nThe government has signed a $120 million"
        " loan agreement with the Harbor Bank. The port will cost $40 million."
    )
    candidates = ClauseGenerator().generate(parse_article(text))
    asked = [(c.answer, c.question) for c in candidates]
    assert ("$40 million", "How much will the port cost?") in asked
    assert not any("signed a loan agreement" in q for _, q in asked)


def test_a_group_in_a_list_of_countries_is_not_asked_alone() -> None:
    """A list member the model calls a group ("Which group did …?") has the other members
    as right answers too."""
    from quizapp.generation.answers import AnswerPhrase
    from quizapp.generation.clauses import _ambiguous_among, _other_members

    article = parse_article("The council chose Chile, Peru and Uzbekistan as partners.")
    doc = article.doc
    start = next(t.i for t in doc if t.text == "Uzbekistan")
    span = doc[start : start + 1]
    phrase = AnswerPhrase(span, tuple(span), "NORP", "ORG", "which_org", "Which group", False)
    others = _other_members(phrase)
    assert {t.text for t in others} == {"Chile", "Peru"}
    assert _ambiguous_among(phrase, others)


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        (
            "The government has signed a $120 million loan agreement with the Harbor Bank (HB)"
            " to build a port.",
            "$120 million",
            "How much is the loan agreement with the Harbor Bank (HB) that the government has"
            " signed?",
        ),
        ("Acme won a $5 billion contract on Monday.", "$5 billion", None),
        (
            "The city signed Acme's $40 million contract on Monday.",
            "$40 million",
            "How much is Acme's contract that the city signed on Monday?",
        ),
        (
            "The city approved the $3 million plan.",
            "$3 million",
            "How much is the plan that the city approved?",
        ),
    ],
)
def test_an_amount_that_describes_the_object_is_asked_of_it(
    sentence: str, answer: str, question: str | None
) -> None:
    text = f"The board said the harbor rules changed.\n\n{sentence}"
    asked = [
        c.question for c in ClauseGenerator().generate(parse_article(text)) if c.answer == answer
    ]
    if question is None:
        assert any(q.startswith("How much is the contract that Acme won") for q in asked)
    else:
        assert question in asked


def test_a_pronoun_subject_of_an_in_place_question_is_the_person_just_named() -> None:
    text = (
        "The board said the harbor rules changed.\n\nTom Reed is a major in the Harbor Guard."
        " He has worked with officials in the Directorate of Port Security (DPS), where he"
        " is reportedly responsible for the raids."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    question = next(q for a, q in asked.items() if a.endswith("Directorate of Port Security"))
    assert question.startswith("Tom Reed has worked with officials in which directorate")


def test_a_day_and_its_part_are_one_date_and_an_unknown_place_is_no_country() -> None:
    text = (
        "The board said the harbor rules changed.\n\nThe Cedar Ridge Fire started Thursday"
        " afternoon in dry brush along Interstate 5."
    )
    asked = {c.answer: c.question for c in ClauseGenerator().generate(parse_article(text))}
    assert asked["Thursday afternoon"] == (
        "When did the Cedar Ridge Fire start in dry brush along Interstate 5?"
    )
    assert "afternoon" not in asked and "Thursday" not in asked
    assert not any("which country" in q.lower() for q in asked.values())


def test_a_things_name_after_named_is_not_asked_as_a_person() -> None:
    text = (
        "The board said the harbor rules changed.\n\nAbout nine minutes later, the capsule,"
        " named Endeavour, reached orbit."
    )
    questions = [c.question for c in ClauseGenerator().generate(parse_article(text))]
    assert not any("named?" in q or q.startswith("Who") for q in questions), questions


@pytest.mark.parametrize(
    ("sentence", "answer", "question"),
    [
        (
            "The loan to be repaid in 35 years will carry a fee.",
            "35 years",
            "The loan to be repaid in how many years will carry a fee?",
        ),
        (
            "Tom Reed faces a maximum penalty of 20 years in prison.",
            "20 years",
            "Tom Reed faces a maximum penalty of how many years in prison?",
        ),
    ],
)
def test_a_length_after_a_preposition_is_a_count_of_its_unit(
    sentence: str, answer: str, question: str
) -> None:
    text = f"The board said the harbor rules changed.\n\n{sentence}"
    candidates = [c for c in ClauseGenerator().generate(parse_article(text)) if c.answer == answer]
    assert question in [c.question for c in candidates]
    assert all(c.type == "how_many" and not c.question.startswith("When") for c in candidates)


def test_a_bracketed_aside_leaves_the_question_and_an_infinitive_is_not_inverted() -> None:
    """ "… repaid in 35 years (with a grace period of five years) will …": the aside goes;
    "In how many years to the credit be repaid …?" (an infinitive's "to" as the operator)
    is never made."""
    text = (
        "The board said the harbor rules changed.\n\nThe amount of credit to be repaid in 35"
        " years (with a grace period of five years) will have an interest rate of 2% on the"
        " amount of credit."
    )
    asked = [c.question for c in ClauseGenerator().generate(parse_article(text))]
    assert not any(q.startswith("In how many years to ") for q in asked), asked
    assert (
        "The amount of credit to be repaid in how many years will have an interest rate of 2% on"
        " the amount of credit?" in asked
    ), asked


def test_a_place_coordinated_with_bodies_is_not_asked_as_a_place() -> None:
    """A place the parse puts in a list of offices ("… Miami Field Offices, HSI Tucson Office,
    …") is part of a body's name, not who did it."""
    text = (
        "The board said the harbor rules changed.\n\nThe FBI Boston, Denver, and Miami Field"
        " Offices, HSI Tucson Office, DEA’s Seattle and Dallas Divisions, and IRS Criminal"
        " Investigation’s Seattle Office investigated the case."
    )
    candidates = ClauseGenerator().generate(parse_article(text))
    questions = [c.question for c in candidates if c.kind == "GPE"]
    assert not any(q.startswith("Which city investigated") for q in questions), questions
