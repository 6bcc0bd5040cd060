"""The how_many generator: questions about counts and ranges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from quizapp.generation.types import Candidate, ParsedArticle


class HowManyGenerator:
    """Propose "how_many" questions (placeholder until the generator lands)."""

    type: ClassVar[str] = "how_many"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article."""
        return iter(())
