"""The where generator: questions about places."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from quizapp.generation.types import Candidate, ParsedArticle


class WhereGenerator:
    """Propose "where" questions (placeholder until the generator lands)."""

    type: ClassVar[str] = "where"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article."""
        return iter(())
