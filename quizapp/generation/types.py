"""Value types shared by the cleaner, the parser, the generators and the pipeline."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from quizapp.generation.names import guess_kind
from quizapp.generation.patterns import KIND_BY_LABEL

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

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
    # How the question was worded ("moved" wh-question, "appositive", "speaker", …), the
    # answer's syntactic role and the generator that proposed it: features for the ranker.
    form: str = ""
    role: str = ""
    source: str = ""


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
    # The same mentions as spans of `doc`, by kind, in text order (rule matches included).
    spans: dict[str, list[Span]] = field(default_factory=dict)
    # Every entity span in text order, computed once: use it instead of `doc.ents`, which
    # builds a new tuple of new Span objects on every read (generators read it many times).
    ents: tuple[Span, ...] = ()
    # Every token of `doc`, built once: `doc[i]` and `for token in doc` create a new Token
    # object on each access, so hot loops index this tuple instead.
    tokens: tuple[Token, ...] = ()
    # Named laws ("Finch Lark Banks and Woods Lake Ash of 2016",
    # "Stone 7031(c)", "Major Miles 13694"): rule matches plus the model's LAW entities.
    laws: list[Span] = field(default_factory=list)
    # A short person mention ("Banks", "Wren") -> the full name in the text ("Banks Robin Hart").
    person_names: dict[str, str] = field(default_factory=dict)
    # Paragraph number of each sentence in `sentences` (paragraph breaks end sentences).
    sentence_paragraphs: list[int] = field(default_factory=list)
    # What each name in the article is ("SpaceX" -> "ORG", "Vogel" -> "PERSON" because "Lena
    # Vogel" is), keyed by `kind_key(text)`: the majority label of its mentions, person names
    # and their words winning over the model's one-off labels.
    kinds: dict[str, str] = field(default_factory=dict)
    # Per-article memo so generators share work (an index of names, …) within one call.
    cache: dict[str, Any] = field(default_factory=dict)

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """Return `build()` computed once per article under `key` (shared by generators)."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]

    def full_name(self, name: str) -> str:
        """Return the full name the text gives for a person mention (the mention if none)."""
        return self.person_names.get(name, name)

    def sentence_index(self, char_offset: int) -> int:
        """Return the index in `sentences` of the sentence containing a character offset."""
        starts = self.memo(
            "sentence_starts", lambda: [sentence.start_char for sentence in self.sentences]
        )
        return max(bisect_right(starts, char_offset) - 1, 0)

    def sentence_at(self, char_offset: int) -> tuple[int, Span]:
        """Return the index and the sentence containing a character offset."""
        index = self.sentence_index(char_offset)
        return index, self.sentences[index]

    def kind_of(self, span_or_text: Span | str) -> str | None:
        """Return what a name or mention really is in this article ("PERSON", "ORG", "GPE",
        "NUMBER", …): "SpaceX" is ORG, "Vogel" is PERSON when "Lena Vogel" is; None if unknown.

        The article's own mentions decide (a person's full name, its surname and its given
        name count as the person), not the label the model gave one occurrence.
        """
        text = span_or_text if isinstance(span_or_text, str) else span_or_text.text
        key = kind_key(text)
        if key in self.kinds:
            return self.kinds[key]
        if not isinstance(span_or_text, str) and span_or_text.label_:
            label = span_or_text.label_
            return KIND_BY_LABEL.get(label, label)
        words = key.split()
        # "Vogel’s mission" / "Lena Vogel, the EFG astronaut": the name inside the phrase.
        if words and all(self.kinds.get(word) == "PERSON" for word in words):
            return "PERSON"
        return guess_kind(key)


_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def kind_key(text: str) -> str:
    """The lookup key of a name: no leading "the", no possessive, single spaces."""
    text = " ".join(text.split())
    return _TRAILING_POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text))


class QuestionGenerator(Protocol):
    """A plug-in that proposes questions of one type from a parsed article."""

    type: ClassVar[str]

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions; the pipeline filters, completes and ranks them."""
        ...
