"""Question interchange with Moodle: GIFT (read and write) and Moodle XML (write).

Flask-free and database-free: the formats convert between text and `ExchangeQuestion`
records; `quizapp.teacher.exchange` turns those into an article's questions and back.
"""

from __future__ import annotations

from quizapp.exchange.gift import GiftIssue, GiftParse, parse_gift, write_gift
from quizapp.exchange.moodle_xml import write_moodle_xml
from quizapp.exchange.types import ExchangeQuestion

__all__ = [
    "ExchangeQuestion",
    "GiftIssue",
    "GiftParse",
    "parse_gift",
    "write_gift",
    "write_moodle_xml",
]
