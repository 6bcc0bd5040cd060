"""The question record both formats read and write, independent of the database."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExchangeQuestion:
    """One question of a supported kind, as a file holds it.

    `format` is "multiple_choice", "short_answer", "true_false" or "numeric". `answer` is the
    right choice, the first accepted answer, "True"/"False", or the number as text;
    `accepted` the other accepted short answers; `choices` every multiple-choice option in
    order, the right one included; `evidence` travels as the general feedback.
    """

    format: str
    prompt: str
    answer: str
    accepted: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    tolerance: float | None = None
    evidence: str = ""
    title: str = ""
    line: int = 0  # where the question starts in the file it was read from (1-based)
