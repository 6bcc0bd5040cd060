"""News texts in VOA style for the who, quote, which_law and true_false generator tests."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from quizapp.generation.cleaning import clean_text
from quizapp.generation.parsing import parse_article
from quizapp.generation.types import Candidate, ParsedArticle, QuestionGenerator

SEED_ARTICLE = (
    Path(__file__).resolve().parent.parent.parent
    / "seeds"
    / ("us-official-warns-north-korean-leader.txt")
)

MYANMAR = """Washington imposes sanctions on Myanmar generals

The United States on Monday imposed sanctions on four Myanmar military commanders over abuses \
against Rohingya Muslims.

Treasury Secretary Steven Mnuchin announced the measures at a news conference in Washington. \
The sanctions freeze any assets the commanders hold in the United States.

"We will not tolerate the brutal treatment of ethnic minorities by military leaders anywhere \
in the world," Mnuchin said.

The Treasury Department acted under the Global Magnitsky Human Rights Accountability Act. \
Congress passed the Global Magnitsky Human Rights Accountability Act in 2016. The law allows \
the president to block the assets of foreign officials involved in serious human rights abuses.

Heather Nauert, a State Department spokeswoman, told reporters the move was a warning to the \
military. "These actions send a strong message that those who commit atrocities will be held \
to account," she said.

Myanmar's army chief, Min Aung Hlaing, rejected the accusations. Russia criticized the \
sanctions.

An estimated 700,000 Rohingya have fled to Bangladesh since August 2017, according to the \
United Nations.

Reporter Steve Herman interviewed Bangladesh Foreign Minister Abul Hassan Mahmood Ali in Dhaka.
"""

CYCLONE = """Cyclone Idai kills dozens in Zimbabwe

Zimbabwe's President Emmerson Mnangagwa declared a national disaster on Sunday after Cyclone \
Idai swept through the eastern part of the country.

The storm killed at least 65 people and left hundreds missing, the government said. \
Information Minister Monica Mutsvangwa said rescue teams had reached the worst-hit district of \
Chimanimani.

"The situation is dire and we need all the help we can get from our friends," Mutsvangwa said \
at a news briefing in Harare.

Joshua Sacco, a member of parliament for Chimanimani, told VOA that bridges had been washed \
away. He said roads to the area were impassable.

The United Nations World Food Program said it was sending food to 200,000 people. "We are \
seeing entire villages under water," said Herve Verhoosel, a spokesman for the agency.

In the United States, the Federal Emergency Management Agency provides aid under the Robert T. \
Stafford Disaster Relief and Emergency Assistance Act. The act requires states to request \
federal help before the agency can act.

Mnangagwa cut short a visit to the United Arab Emirates to return home. He met survivors on \
Tuesday.

"Nobody expected a storm this strong," he said.
"""

ELECTION = """Kenya's Supreme Court annuls presidential election

NAIROBI — Kenya's Supreme Court on Friday annulled the August 8 presidential election and \
ordered a new vote within 60 days.

Chief Justice David Maraga said the election commission had failed to conduct the vote in \
accordance with the constitution. Four of the six judges backed the ruling.

President Uhuru Kenyatta, who was declared the winner with 54 percent of the vote, said he \
disagreed with the decision but would respect it. "I personally disagree with the ruling that \
has been made today, but I respect it," Kenyatta said in a televised address.

Opposition leader Raila Odinga called the ruling "a historic day for the people of Kenya." \
Odinga had challenged the results, saying the electronic voting system was hacked.

The electoral commission chairman, Wafula Chebukati, said the commission would review the \
judgment. Under the Elections Act, the commission must publish the results of each polling \
station.

U.S. Ambassador Robert Godec urged all sides to remain calm. More than 100 people were killed \
in violence after the 2007 election.
"""

# Traps: two laws before "the law", an ambiguous "he", two people with one title, a country
# and a pronoun as subjects of "imposed".
TRAPS = """Obama expands cyber sanctions

President Barack Obama signed Executive Order 13694 in April 2015. The order lets the Treasury \
Department sanction people behind cyberattacks.

The Clean Air Act and the Clean Water Act were passed in the 1970s. The law requires companies \
to report their emissions.

John Smith met Robert Jones on Friday in Geneva. "We agreed on nothing of substance at all \
today," he said.

Maria Lopez, the mayor of the city, opened the new bridge. Tom Reed, the mayor of the city, \
closed the old one.

Governor Jay Inslee said: "We are asking everyone to stay off the roads tonight."

Russia imposed sanctions on three Ukrainian officials. He also imposed a travel ban.
"""

# Written for round 4 (not tuned on): a court ruling and a transport plan.
COURT = """A federal appeals court on Tuesday upheld a Texas law that requires age checks on \
adult websites.

The three-judge panel, led by Chief Judge Priya Raman, ruled 2-1 that the law did not violate \
the First Amendment.

The state will begin enforcing the law in September, Texas Attorney General Dana Whitlock told \
reporters.

"This decision protects children in every corner of our state," Whitlock said in a statement.

The challenge was brought under the Civil Rights Act of 1871 and the Declaratory Judgment Act of \
1934."""

RAIL = """Work on a new rail line between Nairobi and Mombasa will start next year, Transport \
Secretary Daniel Otieno said Thursday.

A Chinese consortium led by Chief Engineer Faith Njeri is expected to oversee construction.

Under Section 12 of the Railways Act, the line must carry freight as well as passengers."""

ARTICLES = {
    "seed": None,
    "myanmar": MYANMAR,
    "cyclone": CYCLONE,
    "election": ELECTION,
    "traps": TRAPS,
}
# Inputs that are not news at all: the generators must return quietly.
ODD_INPUTS = (
    "",
    "   \n\n  ",
    "12 34 5,600 7.8 90%",
    "<div><p>Hello <b>world</b></p></div>",
    "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen.",
    '“ ” " “unclosed quote said he',
    "Act Act Act of 2016 Executive Order",
)
PRONOUN_ANSWERS = {"he", "she", "they", "him", "her", "them", "it", "i", "we", "you"}


@functools.cache
def parsed(name: str) -> ParsedArticle:
    """One of the test articles, cleaned and parsed with the real model (once per run)."""
    text = ARTICLES[name]
    if text is None:
        text = SEED_ARTICLE.read_text(encoding="utf-8")
    return parse_article(clean_text(text))


def parsed_text(text: str) -> ParsedArticle:
    """Any text, cleaned and parsed."""
    return parse_article(clean_text(text))


def run(generator: QuestionGenerator, article: ParsedArticle) -> list[Candidate]:
    """All candidates a generator proposes for an article."""
    return list(generator.generate(article))


def pairs(candidates: Iterable[Candidate]) -> set[tuple[str, str]]:
    """The (question, answer) pairs of candidates."""
    return {(c.question, c.answer) for c in candidates}


def contains_word_sequence(question: str, answer: str) -> bool:
    """Whether the answer (without a leading "the") appears as words in the question."""
    core = re.sub(r"^the\s+", "", answer.strip(), flags=re.IGNORECASE).lower()
    return re.search(r"(?<!\w)" + re.escape(core) + r"(?!\w)", question.lower()) is not None


def assert_well_formed(candidates: Iterable[Candidate], article: ParsedArticle, kind: str) -> None:
    """The quality rules every candidate of the people generators must meet."""
    for candidate in candidates:
        assert candidate.question.endswith("." if kind == "BOOL" else "?"), candidate
        assert len(candidate.question.split()) <= 30, candidate
        assert candidate.kind == kind, candidate
        assert 0.0 <= candidate.confidence <= 1.0, candidate
        assert candidate.evidence and candidate.evidence in article.text, candidate
        if kind == "BOOL":
            assert candidate.answer in {"True", "False"}
            continue
        assert candidate.answer in article.text, candidate
        assert candidate.answer.lower() not in PRONOUN_ANSWERS, candidate
        assert not contains_word_sequence(candidate.question, candidate.answer), candidate


def asked(generator: QuestionGenerator, text: str) -> set[tuple[str, str]]:
    """The (question, answer) pairs a generator proposes for a text parsed as it stands."""
    return pairs(run(generator, parse_article(text)))


def checked_on_article(generator: QuestionGenerator, name: str, kind: str) -> list[Candidate]:
    """A generator's candidates on a test article: some, each meeting the quality rules."""
    article = parsed(name)
    candidates = run(generator, article)
    assert candidates
    assert_well_formed(candidates, article, kind)
    return candidates


def checked_on_odd_input(generator: QuestionGenerator, text: str, kind: str) -> list[Candidate]:
    """A generator's candidates on odd input: at most one, meeting the quality rules."""
    article = parse_article(text)
    candidates = run(generator, article)
    assert_well_formed(candidates, article, kind)
    assert len(candidates) <= 1
    return candidates
