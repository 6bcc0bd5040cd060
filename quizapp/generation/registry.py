"""The explicit registry of question generators, by question type."""

from __future__ import annotations

from quizapp.generation.types import QuestionGenerator

GENERATORS: dict[str, QuestionGenerator] = {}
