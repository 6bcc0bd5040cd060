"""Where to go after logging in: a `next` parameter is followed only inside the site."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_next_url(target: str | None) -> str | None:
    """Return `target` when it is a relative path inside this site, else None.

    Browsers read "//evil.com", "/\\evil.com" and URLs with tabs or newlines in them as other
    hosts, so anything but a plain absolute path on this host is refused.
    """
    if not target or len(target) > 2000:
        return None
    if "\\" in target or any(char.isspace() or not char.isprintable() for char in target):
        return None
    if not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
