"""Question generation from news articles: a Flask-free library.

`generate_questions(text)` cleans the pasted article, parses it with spaCy, runs every
generator in the registry, drops weak or self-answering questions, adds same-type
distractors and returns the questions ranked best first.
"""

from __future__ import annotations

from quizapp.generation.cleaning import clean_text, guess_title
from quizapp.generation.nlp import configure, load_nlp
from quizapp.generation.pipeline import generate_questions
from quizapp.generation.types import QUESTION_TYPES, GeneratedQuestion

__all__ = [
    "QUESTION_TYPES",
    "GeneratedQuestion",
    "clean_text",
    "configure",
    "generate_questions",
    "guess_title",
    "load_nlp",
]
