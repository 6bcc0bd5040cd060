"""safe_next_url: only plain paths on this site are followed after logging in."""

from __future__ import annotations

import pytest

from quizapp.auth.redirects import safe_next_url


@pytest.mark.parametrize(
    "target", ["/", "/scores/", "/quiz/articles/1", "/quiz/?page=2&sort=title", "/quiz/#x"]
)
def test_paths_inside_the_site_are_safe(target: str) -> None:
    assert safe_next_url(target) == target


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "//evil.com",
        "///evil.com",
        "https://evil.com",
        "HTTPS://evil.com/scores/",
        "http:evil.com",
        "\\evil.com",
        "\\\\evil.com",
        "/\\evil.com",
        "/\\/evil.com",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "evil.com",
        "scores/",
        " /scores/",
        "/\t/evil.com",
        "/\n/evil.com",
        "/\x00",
        "/" + "a" * 2001,
    ],
)
def test_anything_else_is_refused(target: str | None) -> None:
    assert safe_next_url(target) is None
