"""Every rate limit of the app is declared for POST only.

quizapp/extensions.py lets GET, HEAD and OPTIONS requests skip Flask-Limiter's per-request
lookup; a limit declared for another method would then never be enforced.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.extensions import UNLIMITED_METHODS

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp"
DECLARATION = re.compile(r"@limiter\.(?:limit|shared_limit)\((?P<args>[^)]*)\)")


def declarations() -> list[tuple[str, str]]:
    """Every `@limiter.limit(...)` in the package, with the file it is in."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for match in DECLARATION.finditer(path.read_text(encoding="utf-8")):
            found.append((path.name, match.group("args")))
    return found


def test_the_app_declares_limits() -> None:
    assert {name for name, _ in declarations()} >= {"views.py"}
    assert len(declarations()) >= 2  # log-in and joining a class


@pytest.mark.parametrize(("name", "args"), declarations())
def test_each_limit_is_for_post_only(name: str, args: str) -> None:
    methods = re.search(r"methods=\[([^\]]*)\]", args)
    assert methods is not None, f"{name}: limit without methods=: {args}"
    declared = {m.strip().strip("'\"").upper() for m in methods.group(1).split(",")}
    assert declared and not declared & UNLIMITED_METHODS, f"{name}: {args}"
