"""Numbers as students and teachers type them: "1200", "1,200", "1 200", "-3.5", "1.2e3"."""

from __future__ import annotations

import math
import re

# Thousands separators are commas or spaces between groups of exactly three digits, so that
# "1,200" is twelve hundred while "1,20" (a decimal comma, or a typo) is not taken as a number.
_NUMBER = re.compile(
    r"""
    (?P<sign>[+\-\u2212])?
    (?P<int>\d{1,3}(?:(?P<sep>[,\u00a0\u202f ])\d{3})(?:(?P=sep)\d{3})*|\d+)?
    (?:\.(?P<frac>\d+))?
    (?:[eE](?P<exp>[+\-]?\d{1,3}))?
    """,
    re.VERBOSE,
)
_MINUS = ("-", "\u2212")
_SEPARATORS = {ord(c): None for c in ", \u00a0\u202f"}


def parse_number(text: str) -> float | None:
    """The value of a typed number, or None when the text is not one plain number."""
    match = _NUMBER.fullmatch(text.strip())
    if match is None or (match["int"] is None and match["frac"] is None):
        return None
    digits = (match["int"] or "0").translate(_SEPARATORS)
    sign = "-" if match["sign"] in _MINUS else ""
    exponent = f"e{match['exp']}" if match["exp"] else ""
    value = float(f"{sign}{digits}.{match['frac'] or '0'}{exponent}")
    return value if math.isfinite(value) else None


def format_number(value: float) -> str:
    """A number written plainly: 1200.0 → "1200", 0.5 → "0.5"."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def within(given: float, expected: float, tolerance: float) -> bool:
    """Whether `given` is at most `tolerance` away from `expected` (float rounding forgiven)."""
    slack = 1e-9 * max(1.0, abs(expected))
    return abs(given - expected) <= tolerance + slack
