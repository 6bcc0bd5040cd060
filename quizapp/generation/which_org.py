"""The which_org generator: questions about organizations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from quizapp.generation.types import Candidate, ParsedArticle


class WhichOrgGenerator:
    """Propose "which_org" questions (placeholder until the generator lands)."""

    type: ClassVar[str] = "which_org"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidate questions found in the article."""
        return iter(())
