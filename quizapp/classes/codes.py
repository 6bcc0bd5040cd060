"""Join codes: short, random, and easy to read aloud or type from a whiteboard."""

from __future__ import annotations

import re
import secrets

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: letters and digits that look or sound alike are left out.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
LENGTH = 8
GROUP = 4  # shown as two groups of four: "KQ7M-3RTA"
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    """A fresh random code from the readable alphabet (about 2^37 possibilities)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_code(typed: str) -> str:
    """The stored form of a typed code: upper case, without spaces or dashes."""
    return _SEPARATORS.sub("", typed or "").upper()


def display_code(code: str) -> str:
    """A stored code in groups for reading aloud ("KQ7M-3RTA")."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
