"""Moodle XML export: the structure Moodle's importer reads, with text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizapp.exchange import ExchangeQuestion, write_moodle_xml


def test_each_kind_becomes_the_matching_moodle_question() -> None:
    content = write_moodle_xml(
        [
            ExchangeQuestion(
                "multiple_choice", "Who <b>&</b>?", "Kim", choices=("Obama", "Kim"), title="Q1"
            ),
            ExchangeQuestion("short_answer", "Who?", "Kim", accepted=("Kim Jong Un",)),
            ExchangeQuestion("true_false", "It rained.", "False", evidence="It was dry."),
            ExchangeQuestion("numeric", "How many?", "1200", tolerance=50.0),
        ],
        category="QuizApp/Sanctions",
    )
    assert content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    quiz = ET.fromstring(content)
    category, choice, short, truth, number = quiz.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/QuizApp/Sanctions"
    assert choice.get("type") == "multichoice"
    assert choice.findtext("name/text") == "Q1"
    # HTML inside <text>: the prompt's own < and & are escaped for HTML.
    assert choice.findtext("questiontext/text") == "Who &lt;b&gt;&amp;&lt;/b&gt;?"
    assert choice.find("questiontext").get("format") == "html"  # type: ignore[union-attr]
    answers = [(a.get("fraction"), a.findtext("text")) for a in choice.findall("answer")]
    assert answers == [("0", "Obama"), ("100", "Kim")]
    assert choice.findtext("single") == "true" and choice.findtext("shuffleanswers") == "1"
    assert short.get("type") == "shortanswer" and short.findtext("usecase") == "0"
    assert [(a.get("fraction"), a.findtext("text")) for a in short.findall("answer")] == [
        ("100", "Kim"),
        ("100", "Kim Jong Un"),
    ]
    assert truth.get("type") == "truefalse"
    assert [(a.get("fraction"), a.findtext("text")) for a in truth.findall("answer")] == [
        ("0", "true"),
        ("100", "false"),
    ]
    assert truth.findtext("generalfeedback/text") == "It was dry."
    assert number.get("type") == "numerical"
    assert number.findtext("answer/text") == "1200"
    assert number.findtext("answer/tolerance") == "50"
