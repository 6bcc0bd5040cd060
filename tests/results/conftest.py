"""The results tests share the classes fixtures (articles, classes, attempts, statement counts)."""

from __future__ import annotations

from tests.classes.conftest import log_in_as, make_article

__all__ = ["log_in_as", "make_article"]
