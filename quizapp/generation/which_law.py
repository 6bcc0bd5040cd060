"""The which_law generator: questions about which named law."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from quizapp.generation.types import Candidate, ParsedArticle


class WhichLawGenerator:
    """Propose "which_law" questions (placeholder until the generator lands)."""

    type: ClassVar[str] = "which_law"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article."""
        return iter(())
