"""GIFT reading and writing: every supported kind, escaping, unsupported kinds and errors."""

from __future__ import annotations

import pytest

from quizapp.exchange import ExchangeQuestion, parse_gift, write_gift
from quizapp.exchange.gift import escape, unescape

SAMPLE = """// Questions about the sanctions
$CATEGORY: Sanctions

::Sanctions 1:: How many North Korean entities were also blacklisted? {=eight ~six ~ten ~twelve}

::Sanctions 2:: Under which law was the report submitted? {
  =North Korea Sanctions and Policy Enhancement Act of 2016
  ~North Korean Human Rights Act of 2004#No, an older law.
  ~Countering America's Adversaries Through Sanctions Act
}

The United States imposed the sanctions on a Wednesday. {T}

Kim Jong Un was sanctioned alone. {FALSE#He was not alone.}

Who said\\: the leader is most responsible? {=Tom Malinowski =Malinowski ####He said so.}

How many people are held in camps? {#80000:5000}
"""


def test_every_supported_kind_is_read() -> None:
    parsed = parse_gift(SAMPLE)
    assert parsed.errors == [] and parsed.skipped == []
    assert parsed.category == "Sanctions"
    first, second, true, false, short, number = parsed.questions
    assert (first.title, first.line, first.format) == ("Sanctions 1", 4, "multiple_choice")
    assert first.answer == "eight" and first.choices == ("eight", "six", "ten", "twelve")
    assert second.line == 6 and second.choices[1] == "North Korean Human Rights Act of 2004"
    assert (true.format, true.answer, false.answer) == ("true_false", "True", "False")
    assert short.prompt == "Who said: the leader is most responsible?"
    assert (short.answer, short.accepted, short.evidence) == (
        "Tom Malinowski",
        ("Malinowski",),
        "He said so.",
    )
    assert (number.format, number.answer, number.tolerance) == ("numeric", "80000", 5000.0)


def test_unsupported_kinds_are_reported_by_line_and_skipped() -> None:
    text = (
        "Match these. {=Kim -> leader =Malinowski -> official}\n\n"
        "Write an essay. {}\n\n"
        "The sanctions were {=imposed ~lifted} on Wednesday.\n\n"
        "A plain description.\n\n"
        "Pick two. {~%50%Kim ~%50%Malinowski ~Obama}\n\n"
        "A range. {#1..5}\n\n"
        "Kept? {T}\n"
    )
    parsed = parse_gift(text)
    assert [q.prompt for q in parsed.questions] == ["Kept?"]
    assert [(issue.line, issue.message.split(" (")[0]) for issue in parsed.skipped] == [
        (1, "a matching question; skipped."),
        (3, "an essay question"),
        (5, "a missing-word question"),
        (7, "a description"),
        (9, "a question with partial credit"),
        (11, "a numerical question with a range or several answers; skipped."),
    ]
    assert str(parsed.skipped[0]) == "Line 1: a matching question; skipped."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Unclosed? {=a ~b\n", "not balanced"),
        ("Closed twice? {=a ~b}}\n", "not balanced"),
        ("Backwards? }=a ~b{\n", "not balanced"),
        ("::Title without end Question? {T}\n", "title is not closed"),
        ("No right answer? {~a ~b}\n", "no right answer"),
        ("Two blocks {=a ~b} and {=c ~d}\n", "several"),
        ("{=a ~b}\n", "no text"),
        ("Empty answer? {=a ~}\n", "empty"),
        ("Loose text? {oops =a ~b}\n", "must start with"),
    ],
)
def test_malformed_questions_are_errors_with_their_line(text: str, message: str) -> None:
    parsed = parse_gift("Fine? {T}\n\n" + text)
    assert len(parsed.errors) == 1, parsed
    assert parsed.errors[0].line == 3 and message in parsed.errors[0].message


def test_special_characters_are_escaped_and_unescaped() -> None:
    text = "a~b=c#d{e}f:g\\h\nnext"
    assert escape(text) == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nnext"
    assert unescape(escape(text)) == text


def test_writing_then_reading_gives_the_same_questions() -> None:
    tricky = ExchangeQuestion(
        "multiple_choice",
        "What is 2+2=? {braces} # hash : colon ~ tilde",
        "4 = four",
        choices=("3 ~ three", "4 = four", "{5}"),
        evidence="Math: 2+2=4 #fact",
        title="Q:1",
    )
    questions = [
        tricky,
        ExchangeQuestion("short_answer", "Who?", "Kim", accepted=("Kim Jong Un",)),
        ExchangeQuestion("true_false", "It rained.", "False"),
        ExchangeQuestion("numeric", "How many?", "1200", tolerance=50.0),
        ExchangeQuestion("numeric", "Exactly?", "0.5", tolerance=0.0),
    ]
    text = write_gift(questions, category="QuizApp/Sanctions")
    assert "::Q\\:1::" in text and "$CATEGORY: QuizApp/Sanctions" in text
    parsed = parse_gift(text)
    assert parsed.errors == [] and parsed.skipped == []
    strip = [ExchangeQuestion(**{**_fields(q), "line": 0}) for q in parsed.questions]
    assert strip == questions


def _fields(question: ExchangeQuestion) -> dict[str, object]:
    return {name: getattr(question, name) for name in ExchangeQuestion.__slots__}
