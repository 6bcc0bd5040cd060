"""The who generator: questions about who did something, who holds a title, who was interviewed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from quizapp.generation.types import Candidate, ParsedArticle


class WhoGenerator:
    """Propose "who" questions (placeholder until the generator lands)."""

    type: ClassVar[str] = "who"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article."""
        return iter(())
