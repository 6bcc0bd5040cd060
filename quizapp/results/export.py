"""CSV exports of results, safe to open in a spreadsheet (no cell can run as a formula)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime

from quizapp.results.services import AttemptLine, ResponseLine
from quizapp.scores.services import percentage

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ATTEMPT_HEADER = (
    "student",
    "email",
    "attempt",
    "started_at_utc",
    "submitted_at_utc",
    "score",
    "max_score",
    "percent",
)
RESPONSE_HEADER = (
    "student",
    "email",
    "attempt",
    "question_number",
    "question",
    "answer",
    "correct",
    "right_answer",
)

Cell = str | int | None


def spreadsheet_safe(value: Cell) -> Cell:
    """Text that would start a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """A CSV document (with a BOM, so spreadsheets read UTF-8 names right)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()


def attempts_csv(lines: Iterable[AttemptLine]) -> str:
    """One row per attempt."""
    return to_csv(
        ATTEMPT_HEADER,
        (
            (
                line.name,
                line.email,
                line.attempt_id,
                _iso(line.started_at),
                _iso(line.submitted_at),
                line.score,
                line.max_score,
                percentage(line.score, line.max_score) if line.submitted_at else None,
            )
            for line in lines
        ),
    )


def responses_csv(lines: Iterable[ResponseLine]) -> str:
    """One row per student and question, from each student's best attempt."""
    return to_csv(
        RESPONSE_HEADER,
        (
            (
                line.name,
                line.email,
                line.attempt_id,
                line.position,
                line.prompt,
                line.answer or "",
                "" if line.correct is None else ("yes" if line.correct else "no"),
                line.expected,
            )
            for line in lines
        ),
    )
