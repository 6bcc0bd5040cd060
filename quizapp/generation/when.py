"""The when generator: questions about dates and times."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from quizapp.generation.types import Candidate, ParsedArticle


class WhenGenerator:
    """Propose "when" questions (placeholder until the generator lands)."""

    type: ClassVar[str] = "when"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article."""
        return iter(())
