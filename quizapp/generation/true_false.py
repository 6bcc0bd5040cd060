"""The true_false generator: questions about true statements and their false twins."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from quizapp.generation.types import Candidate, ParsedArticle


class TrueFalseGenerator:
    """Propose "true_false" questions (placeholder until the generator lands)."""

    type: ClassVar[str] = "true_false"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article."""
        return iter(())
