"""GIFT, Moodle's plain-text question format: parsing into records, and writing them.

Supported: multiple choice `{=right ~wrong}`, short answer `{=one =two}`, true/false
`{T}`/`{F}`/`{TRUE}`/`{FALSE}` and a single numerical answer `{#1200}` / `{#1200:50}`.
Matching, essay, missing-word, description, partial-credit and multi-answer numerical
questions are reported as unsupported, by line, and skipped. Malformed questions (unbalanced
braces, an unclosed title, no right answer) are errors: the caller imports nothing then.
Special characters `~ = # { } :` (and the backslash) are escaped with a backslash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from quizapp.exchange.types import ExchangeQuestion
from quizapp.quiz.numbers import format_number, parse_number

SPECIAL = "\\~=#{}:"
_FORMAT_PREFIX = re.compile(r"^\s*\[(?:html|moodle|plain|markdown)\]", re.IGNORECASE)
_TRUE_FALSE = re.compile(r"(TRUE|FALSE|T|F)\s*(?:#.*)?", re.IGNORECASE | re.DOTALL)
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")


@dataclass(frozen=True, slots=True)
class GiftIssue:
    """A problem with the question that starts at `line`."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}"


@dataclass(slots=True)
class GiftParse:
    """What a GIFT file held: supported questions, skipped ones, and errors."""

    questions: list[ExchangeQuestion] = field(default_factory=list)
    skipped: list[GiftIssue] = field(default_factory=list)
    errors: list[GiftIssue] = field(default_factory=list)
    category: str | None = None


class _Unsupported(Exception):
    """A well-formed question of a kind QuizApp does not have."""


class _Malformed(Exception):
    """A question that is not valid GIFT."""


# ---------------------------------------------------------------- escaping


def escape(text: str) -> str:
    """Text as GIFT writes it: special characters and the backslash escaped, newlines as \\n."""
    out = []
    for char in text.replace("\r", ""):
        if char in SPECIAL:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        else:
            out.append(char)
    return "".join(out)


def unescape(text: str) -> str:
    """The text a GIFT fragment stands for: `\\x` is x, `\\n` a new line."""
    out = []
    chars = iter(text)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        following = next(chars, "")
        out.append("\n" if following == "n" else following or "\\")
    return "".join(out)


def _unescaped(text: str, target: str) -> list[int]:
    """Positions where `target` occurs in `text` outside a backslash escape."""
    found, index = [], 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(target, index):
            found.append(index)
            index += len(target)
            continue
        index += 1
    return found


def _split_unescaped(text: str, target: str) -> list[str]:
    """`text` cut at every unescaped `target`."""
    parts, start = [], 0
    for position in _unescaped(text, target):
        parts.append(text[start:position])
        start = position + len(target)
    parts.append(text[start:])
    return parts


# ---------------------------------------------------------------- reading


def parse_gift(text: str) -> GiftParse:
    """Read a GIFT file's text (already decoded) into questions, skipped ones and errors."""
    result = GiftParse()
    for line, block in _blocks(text, result):
        try:
            result.questions.append(_question(block, line))
        except _Unsupported as reason:
            result.skipped.append(GiftIssue(line, f"{reason}; skipped."))
        except _Malformed as reason:
            result.errors.append(GiftIssue(line, str(reason)))
    return result


def _blocks(text: str, result: GiftParse) -> Iterable[tuple[int, str]]:
    """(first line number, text) of each question: blank lines separate questions."""
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped or stripped.startswith("$CATEGORY:"):
            if current:
                yield start, "\n".join(current)
                current = []
            if stripped:
                result.category = stripped.removeprefix("$CATEGORY:").strip() or None
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        yield start, "\n".join(current)


def _question(block: str, line: int) -> ExchangeQuestion:
    """One question block as a record, or _Unsupported / _Malformed."""
    title, rest = _title(block)
    opens, closes = _unescaped(rest, "{"), _unescaped(rest, "}")
    if not opens and not closes:
        raise _Unsupported("a description (text without answers in braces)")
    if len(opens) != len(closes) or any(c < o for o, c in zip(opens, closes, strict=False)):
        raise _Malformed("the braces { } are not balanced (escape a literal brace as \\{ or \\}).")
    if len(opens) > 1:
        raise _Malformed("a question has one {…} answer block; this one has several.")
    head, body, tail = rest[: opens[0]], rest[opens[0] + 1 : closes[0]], rest[closes[0] + 1 :]
    if tail.strip():
        raise _Unsupported("a missing-word question (text after the answers)")
    prompt = unescape(_FORMAT_PREFIX.sub("", head)).strip()
    if not prompt:
        raise _Malformed("the question has no text before its answers.")
    body, evidence = _general_feedback(body)
    fields = _answers(body.strip())
    return ExchangeQuestion(prompt=prompt, evidence=evidence, title=title, line=line, **fields)


def _title(block: str) -> tuple[str, str]:
    """The optional ::title:: and the rest of the block."""
    stripped = block.lstrip()
    if not stripped.startswith("::"):
        return "", block
    ends = _unescaped(stripped[2:], "::")
    if not ends:
        raise _Malformed("the title is not closed with “::”.")
    return unescape(stripped[2 : ends[0] + 2]).strip(), stripped[ends[0] + 4 :]


def _general_feedback(body: str) -> tuple[str, str]:
    """The answers and the general feedback after `####` (kept as the evidence)."""
    parts = _split_unescaped(body, "####")
    return parts[0], unescape("####".join(parts[1:])).strip()


def _answers(body: str) -> dict[str, object]:
    """The format-specific fields of an answer block."""
    if not body:
        raise _Unsupported("an essay question (empty braces)")
    if body.startswith("#"):
        return _numeric(body[1:])
    if _TRUE_FALSE.fullmatch(body):
        truth = body.split("#", 1)[0].strip().upper()
        return {"format": "true_false", "answer": "True" if truth in ("T", "TRUE") else "False"}
    entries = _ordered(body)
    rights = [text for mark, text in entries if mark == "="]
    if len(rights) < len(entries):
        if not rights:
            raise _Malformed("no right answer is marked with “=”.")
        if len(rights) > 1:
            raise _Unsupported("a multiple-choice question with several right answers")
        choices = tuple(text for _mark, text in entries)
        return {"format": "multiple_choice", "answer": rights[0], "choices": choices}
    return {"format": "short_answer", "answer": rights[0], "accepted": tuple(rights[1:])}


def _ordered(body: str) -> list[tuple[str, str]]:
    """(mark, text) of each answer entry in the block's order."""
    entries: list[tuple[str, str]] = []
    positions = sorted(_unescaped(body, "=") + _unescaped(body, "~"))
    if not positions or body[: positions[0]].strip():
        raise _Malformed("each answer must start with “=” (right) or “~” (wrong).")
    for index, position in enumerate(positions):
        end = positions[index + 1] if index + 1 < len(positions) else len(body)
        raw = body[position + 1 : end]
        if _unescaped(raw, "->"):
            raise _Unsupported("a matching question")
        raw = _split_unescaped(raw, "#")[0]  # per-answer feedback: QuizApp has none
        weight = _WEIGHT.match(raw.strip())
        if weight:
            percent = float(weight[1])
            mark = body[position]
            if (mark == "=" and percent != 100) or (mark == "~" and percent > 0):
                raise _Unsupported("a question with partial credit (%…% weights)")
            raw = raw.strip()[weight.end() :]
        text = unescape(raw).strip()
        if not text:
            raise _Malformed("an answer is empty.")
        entries.append((body[position], text))
    return entries


def _numeric(body: str) -> dict[str, object]:
    """`{#value}` or `{#value:tolerance}`; ranges and several answers are unsupported."""
    text = _split_unescaped(body, "#")[0].strip()
    value_text, _, tolerance_text = text.partition(":")
    value = parse_number(value_text)
    tolerance = parse_number(tolerance_text) if tolerance_text.strip() else 0.0
    if value is None or tolerance is None or tolerance < 0:
        raise _Unsupported("a numerical question with a range or several answers")
    return {"format": "numeric", "answer": format_number(value), "tolerance": tolerance}


# ---------------------------------------------------------------- writing


def write_gift(questions: Iterable[ExchangeQuestion], *, category: str | None = None) -> str:
    """A GIFT file holding the questions, one block each, blank lines between."""
    blocks = []
    if category:
        blocks.append(f"$CATEGORY: {category}")
    for question in questions:
        title = f"::{escape(question.title)}:: " if question.title else ""
        blocks.append(f"{title}{escape(question.prompt)} {_answer_block(question)}")
    return "\n\n".join(blocks) + "\n"


def _answer_block(question: ExchangeQuestion) -> str:
    """The {…} part of one question."""
    feedback = f" ####{escape(question.evidence)}" if question.evidence else ""
    if question.format == "true_false":
        return f"{{{'T' if question.answer == 'True' else 'F'}{feedback}}}"
    if question.format == "numeric":
        tolerance = format_number(question.tolerance or 0.0)
        return f"{{#{question.answer}:{tolerance}{feedback}}}"
    if question.format == "multiple_choice":
        lines = [
            f"  {'=' if choice == question.answer else '~'}{escape(choice)}"
            for choice in question.choices
        ]
    else:
        lines = [f"  ={escape(answer)}" for answer in (question.answer, *question.accepted)]
    if feedback:
        lines.append(f" {feedback}")
    return "{\n" + "\n".join(lines) + "\n}"
