"""The quote generator: questions about who said a quotation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from quizapp.generation.types import Candidate, ParsedArticle


class QuoteGenerator:
    """Propose "quote" questions (placeholder until the generator lands)."""

    type: ClassVar[str] = "quote"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article."""
        return iter(())
