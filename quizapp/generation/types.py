"""Value types shared by the cleaner, the parser, the generators and the pipeline."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

QUESTION_TYPES = (
    "who",
    "how_many",
    "which_law",
    "when",
    "where",
    "which_org",
    "quote",
    "true_false",
)

# The answer kind of each question type: distractor pools are keyed by kind.
KIND_BY_TYPE = {
    "who": "PERSON",
    "quote": "PERSON",
    "how_many": "NUMBER",
    "which_law": "LAW",
    "when": "DATE",
    "where": "GPE",
    "which_org": "ORG",
}


@dataclass(frozen=True, slots=True)
class GeneratedQuestion:
    """A finished question: what the library hands to its callers."""

    type: str  # one of QUESTION_TYPES; stable, stored in the database
    question: str
    answer: str  # a span of the cleaned text; "True"/"False" for true_false
    choices: tuple[str, ...]  # the answer plus at least three distractors
    evidence: str  # the sentence the answer comes from
    score: float  # ranking confidence, higher is better


@dataclass(frozen=True, slots=True)
class Candidate:
    """A question a generator proposes, before filtering, distractors and ranking.

    `kind` names the answer's semantic class ("PERSON", "NUMBER", "DATE", "GPE", "ORG",
    "LAW", …) so distractors of the same kind can be found. `choices` is set only when the
    generator fixes them itself (true/false).
    """

    type: str
    question: str
    answer: str
    evidence: str
    sentence_index: int
    kind: str
    confidence: float = 1.0
    choices: tuple[str, ...] | None = None


@dataclass(slots=True)
class ParsedArticle:
    """The cleaned text of one article with its spaCy parse and what was found in it."""

    text: str  # cleaned text; every answer is a span of it
    doc: Doc
    sentences: list[Span]
    # Mentions by kind ("PERSON", "ORG", "GPE", "DATE", "LAW", "NUMBER", …), in text order.
    mentions: dict[str, list[str]] = field(default_factory=dict)
    # Extra same-kind candidates a caller passes (e.g. entities of its other articles).
    pool: Mapping[str, Sequence[str]] = field(default_factory=dict)


class QuestionGenerator(Protocol):
    """A plug-in that proposes questions of one type from a parsed article."""

    type: ClassVar[str]

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions; the pipeline filters, completes and ranks them."""
        ...
