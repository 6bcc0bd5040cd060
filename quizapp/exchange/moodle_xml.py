"""Moodle XML export: a `<quiz>` of `<question>` elements that Moodle's question bank imports.

Question and choice texts are HTML inside `<text>` (escaped here, then escaped again as XML
by ElementTree); short-answer and numerical answers are plain text compared as typed.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from quizapp.exchange.types import ExchangeQuestion
from quizapp.quiz.numbers import format_number

MOODLE_TYPES = {
    "multiple_choice": "multichoice",
    "short_answer": "shortanswer",
    "true_false": "truefalse",
    "numeric": "numerical",
}


def _html(text: str) -> str:
    """Plain text as HTML: special characters escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    """`<tag …><text>text</text></tag>` under parent."""
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = text
    return element


def _answer(parent: ET.Element, fraction: int, text: str, fmt: str) -> ET.Element:
    answer = _text(parent, "answer", text, fraction=str(fraction), format=fmt)
    _text(answer, "feedback", "", format="html")
    return answer


def _question(quiz: ET.Element, question: ExchangeQuestion) -> None:
    element = ET.SubElement(quiz, "question", type=MOODLE_TYPES[question.format])
    _text(element, "name", question.title or question.prompt[:60])
    _text(element, "questiontext", _html(question.prompt), format="html")
    _text(element, "generalfeedback", _html(question.evidence), format="html")
    ET.SubElement(element, "defaultgrade").text = "1.0000000"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    if question.format == "multiple_choice":
        for choice in question.choices:
            _answer(element, 100 if choice == question.answer else 0, _html(choice), "html")
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "1"
        ET.SubElement(element, "answernumbering").text = "abc"
    elif question.format == "short_answer":
        ET.SubElement(element, "usecase").text = "0"
        for answer in (question.answer, *question.accepted):
            _answer(element, 100, answer, "moodle_auto_format")
    elif question.format == "true_false":
        right = question.answer == "True"
        _answer(element, 100 if right else 0, "true", "moodle_auto_format")
        _answer(element, 0 if right else 100, "false", "moodle_auto_format")
    else:
        answer = _answer(element, 100, question.answer, "moodle_auto_format")
        ET.SubElement(answer, "tolerance").text = format_number(question.tolerance or 0.0)


def write_moodle_xml(
    questions: Iterable[ExchangeQuestion], *, category: str | None = None
) -> bytes:
    """The questions as a UTF-8 Moodle XML document, after an optional category."""
    quiz = ET.Element("quiz")
    if category:
        pseudo = ET.SubElement(quiz, "question", type="category")
        _text(pseudo, "category", f"$course$/top/{category}")
    for question in questions:
        _question(quiz, question)
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="UTF-8", xml_declaration=True) + b"\n"
