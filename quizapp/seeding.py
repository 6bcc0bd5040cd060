"""Loads the articles in seeds/ with published questions, once: seeding twice adds nothing."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.generation.cleaning import guess_title
from quizapp.models import TITLE_MAX, Article
from quizapp.teacher.services import create_article


def load_seeds(seeds_dir: Path, *, limit: int | None = None) -> list[Article]:
    """Add every seeds_dir/*.txt not loaded yet, published; return only the new articles."""
    loaded = set(
        db.session.scalars(select(Article.seed_name).where(Article.seed_name.is_not(None)))
    )
    added = []
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        if path.name in loaded:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        title = (guess_title(text) or readable_name(path))[:TITLE_MAX]
        added.append(
            create_article(None, title, text, publish=True, seed_name=path.name, limit=limit)
        )
    return added


def readable_name(path: Path) -> str:
    """A title made from a file name: "us-official-warns.txt" → "Us official warns"."""
    words = re.sub(r"[-_\s]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else path.name
