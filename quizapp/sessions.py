"""Flask's signed-cookie session, with its signing serializer built once instead of twice a request.

Flask's `SecureCookieSessionInterface` makes a new `URLSafeTimedSerializer` (key derivation
set-up, JSON tagger) every time it opens or saves a session. The serializer depends only on the
secret key and its fallbacks, so this interface keeps one per key. Cookies are byte-for-byte the
ones Flask writes: same salt, digest, key derivation and serializer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask.sessions import SecureCookieSessionInterface

if TYPE_CHECKING:
    from flask import Flask
    from itsdangerous import URLSafeTimedSerializer


class CachedSerializerSessionInterface(SecureCookieSessionInterface):
    """The standard session interface, reusing one serializer per secret key."""

    def __init__(self) -> None:
        self._serializers: dict[tuple[object, ...], URLSafeTimedSerializer | None] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """The serializer Flask would build for this app's keys, built once."""
        key = (app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        if key not in self._serializers:
            self._serializers[key] = super().get_signing_serializer(app)
        return self._serializers[key]
