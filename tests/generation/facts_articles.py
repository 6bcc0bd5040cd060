"""News texts and helpers for the how_many, when, where, which_org and grammar tests."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, Token

from quizapp.generation.cleaning import clean_text
from quizapp.generation.parsing import parse_article
from quizapp.generation.types import Candidate, ParsedArticle, QuestionGenerator

SEED_ARTICLE = (
    Path(__file__).resolve().parent.parent.parent
    / "seeds"
    / ("us-official-warns-north-korean-leader.txt")
)

# Short paragraphs in wire-service style: disasters, elections, budgets, courts.
DISASTER = """At least 42 people were killed when a powerful earthquake struck southern Turkey \
on Monday, officials said.

The quake hit the province of Hatay shortly after 4 a.m., collapsing more than 300 buildings.

The World Health Organization sent medical supplies to the region on Tuesday.

The storm destroyed nearly 1,000 homes in Florida and left 2 million customers without power.

Three soldiers were wounded in the attack, the Pentagon said.

About 2,500 firefighters are battling the blaze, which has burned 40,000 acres in California.

Police arrested 12 protesters outside the parliament building in Nairobi."""

ELECTION = """Voters in Kenya elected a new president in August.

There were 14 candidates on the ballot in Nigeria.

The Labour Party won 412 seats in the election, giving it a large majority in Parliament.

Turnout fell to 60 percent, the lowest since 2001.

Voters will choose 35 senators and all 435 members of the House of Representatives.

Senator John Smith introduced the bill in the Senate in recent years."""

BUDGET = """The company has hired 500 workers at its new plant in Ohio since January.

The new hospital will open in September and will employ 900 nurses.

Prime Minister Anthony Albanese visited the flooded town of Lismore on Saturday. \
He met 30 families at an evacuation center in the town.

The firm paid $40 million to settle the case.

Prices rose 5 percent in March.

Amazon laid off 18,000 employees last year.

The World Bank lent Ghana $3 billion in 2023.

The Federal Reserve raised interest rates by a quarter point on Wednesday."""

COURT = """A federal judge in Texas blocked the new immigration rule on Tuesday.

Judge Maria Lopez said the government had failed to explain the policy.

She ordered the Department of Homeland Security to restore the old rules within 30 days.

The ruling affects about 400,000 migrants who arrived after 2020.

The Supreme Court ruled in June that the state had violated the rights of prisoners.

The measure was approved by the House Judiciary Committee in a 21-15 vote.

The contract will be reviewed by the city council in June.

Microsoft did not buy the startup in 2019.

“We will hire 200 teachers next year,” the mayor said on Monday.

It has killed more than 300 people in the region.

The Apollo 11 astronauts landed on the moon in July 1969.

The drought has lasted three years.

Stores open every Monday at 9 a.m.

According to Reuters, the talks collapsed in Geneva on Sunday."""

# Constructions the small model parses in surprising ways: datelines, partitives, infinitives,
# coordinated participles, appositions that name an organization's kind, scare quotes.
TRICKY = """NAIROBI, Kenya — The electoral commission announced the final results on Thursday \
afternoon.

The National Renewal Alliance won 23 of the 57 seats in the Legislative Assembly.

Andrea Solís promised to hire 4,000 new police officers and to expand after-school programs.

State officials hope to vaccinate between 15,000 and 20,000 children and adults by June.

The Digital Commerce Alliance, a trade group that represents 31 technology companies, sued \
the state in Columbus.

Winds gusted up to 80 kilometers per hour.

Oregon’s fire season now starts about three weeks earlier than it did in the 1980s.

Senator Thomas Whitaker hopes to pass all 12 bills before the August recess.

Hrytsenko was arrested in Poland in May 2024 and extradited to Pittsburgh in January 2025.

The last government shutdown, in the winter of 2018 and 2019, lasted 35 days, the longest in \
U.S. history.

The Cedar Ridge Fire started Thursday afternoon in dry brush north of Grants Pass."""

# Regression sentences for findings on unseen articles: changes between two dates, deadlines,
# organizations and sites named with their place, affiliations, split names, partitives.
WIRE = """Unemployment in the region fell from 9% in 2020 to 6% last year, the ministry said.

The two countries agreed to phase out coal power by 2035.

A ceasefire agreement was reached in 2021.

The ferry is expected to arrive at about 6 p.m. Friday.

The treaty was signed in Geneva by the foreign ministers of both countries.

The cargo ship ran aground Monday near Port Sudan on the Red Sea coast.

The satellite lifted off from the Guiana Space Centre in French Guiana.

Orbital Dynamics, a startup in Kazan, builds the satellite's engines.

The Pacific Tsunami Warning Center in Honolulu, Hawaii, issued a tsunami warning.

Maria Santos of the International Atomic Energy Agency will lead the inspection team.

Daniel Kerr, a senior economist at the World Bank, said growth would slow.

Lucas Moreau, director of the Pasteur Institute, declined to comment.

The new rules were criticized in a report by the Government Accountability Office, which \
found that the agency had overpaid contractors by $2 billion.

The World Health Organization said it was shipping 50 tons of medical supplies to Sudan.

The U.S. Court of Appeals for the 9th Circuit ruled that the state had acted lawfully.

The Ministry of Defence’s Procurement Agency signed the contract in March.

If the Senate approves the treaty, the Commerce Department would enforce the export limits.

Nine of the province’s 14 hospitals have run out of insulin.

A former bank manager was sentenced on Friday to 8 years in prison for fraud.

The two sides concluded the talks in June.

Twenty schools have done so since March.

A three-judge panel of the Federal Circuit Court of Appeals ruled 2-1 that the tariffs were \
lawful, overturning a trade court that had blocked them before they could take effect."""

# Sums of money and percentages, in the style of aid announcements and economic news.
MONEY = """The United States is providing more than $212 million in humanitarian assistance for \
the people of Sudan, Deputy Secretary of State Richard Hale announced Monday at a pledging \
conference in London.

The European Union pledged a total of $1.4 billion at the conference.

Between March 2021 and June 2023, the group extorted between $25 million and $30 million from \
victims in 19 states.

FBI Special Agent in Charge Michael Ferris said that agents had recovered about $7 million of \
the ransom payments so far.

The agency said the $20 million would pay for food, clean water and emergency shelter.

About 61% of voters backed the measure in the referendum.

Inflation rose 4.3% in March, and the central bank raised its benchmark rate to 5.25%.

With 96% of polling stations counted, Solís had 55.8% of the vote.

The measure provides $895 billion for the Defense Department, an increase of 3%, and $764 \
billion for nondefense programs, roughly equal to last year.

The Congressional Budget Office said the bill would reduce spending by about $21 billion."""

# Paragraphs written for round 4 (health, transport, diplomacy, economy): facts in frequency
# adverbials, attributions, time adjuncts counted from today and owners of organizations.
REPORTS = """Measles cases in the region tripled last year, according to the World Health \
Organization.

Nineteen health ministers signed the declaration this week.

The city council has inspected the old bridge four times since March.

Diesel prices rose three times faster than wages.

Brazil’s Supreme Court on Friday suspended the new mining law.

The railway operator will use most of the grant to deliver new trains to about 40 towns.

Analysts said the central bank had raised rates because inflation rose 6%, according to the \
Statistics Office.

The two-day climate summit in Nairobi ended on Saturday with a pledge to plant trees.

Nineteen hospitals reported shortages of insulin. Seven of them have closed their clinics.

The Food and Drug Administration approved the vaccine in 2021. The agency will review new \
safety data in June."""

ARTICLES = {
    "reports": REPORTS,
    "disaster": DISASTER,
    "election": ELECTION,
    "budget": BUDGET,
    "court": COURT,
    "tricky": TRICKY,
    "wire": WIRE,
    "money": MONEY,
}


@functools.cache
def parsed(name: str) -> ParsedArticle:
    """A parsed test article by name ("seed" is the cleaned seed file)."""
    if name == "seed":
        return parse_article(clean_text(SEED_ARTICLE.read_text(encoding="utf-8")))
    return parse_article(ARTICLES[name])


def run(generator: QuestionGenerator, article: ParsedArticle) -> list[Candidate]:
    """All candidates a generator proposes for an article."""
    return list(generator.generate(article))


def pairs(candidates: Iterable[Candidate]) -> dict[str, str]:
    """Question -> answer for a list of candidates."""
    return {candidate.question: candidate.answer for candidate in candidates}


def sentence_doc(text: str) -> Doc:
    """The parse of a short text, as the generators see it."""
    return parse_article(text).doc


def find(doc: Doc, phrase: str, occurrence: int = 0) -> list[Token]:
    """The tokens of the n-th occurrence of `phrase` in the doc."""
    starts = [match.start() for match in re.finditer(re.escape(phrase), doc.text)]
    span = doc.char_span(starts[occurrence], starts[occurrence] + len(phrase))
    assert span is not None, phrase
    return list(span)


def assert_well_formed(
    candidates: Iterable[Candidate], article: ParsedArticle, kind: str | frozenset[str]
) -> None:
    """The quality rules every candidate must meet (`kind`: the answer kind, or the kinds)."""
    kinds = {kind} if isinstance(kind, str) else kind
    for candidate in candidates:
        assert candidate.kind in kinds
        assert candidate.question.endswith("." if candidate.type == "true_false" else "?")
        assert candidate.question[0].isupper()
        assert len(candidate.question.split()) <= 30
        assert candidate.answer in article.text
        assert candidate.answer.lower() not in candidate.question.lower()
        assert candidate.evidence in article.text
        assert 0.0 < candidate.confidence <= 1.0
        assert 0 <= candidate.sentence_index < len(article.sentences)
        words = set(re.findall(r"[a-z']+", candidate.question.lower()))
        assert not words & {"he", "she", "it", "they", "him", "them", "this", "these"}, (
            candidate.question
        )
