"""The session interface builds its serializer once and writes Flask's own cookies."""

from __future__ import annotations

from flask import Flask, session
from flask.sessions import SecureCookieSessionInterface

from quizapp.sessions import CachedSerializerSessionInterface


def test_the_app_uses_the_caching_interface_with_one_serializer_per_key(app: Flask) -> None:
    interface = app.session_interface
    assert isinstance(interface, CachedSerializerSessionInterface)
    assert interface.get_signing_serializer(app) is interface.get_signing_serializer(app)


def test_cookies_are_the_ones_flask_writes_and_reads(app: Flask) -> None:
    ours = app.session_interface.get_signing_serializer(app)
    flasks = SecureCookieSessionInterface().get_signing_serializer(app)
    assert ours is not None and flasks is not None
    cookie = ours.dumps({"_user_id": "token", "n": 3})
    assert flasks.loads(cookie) == {"_user_id": "token", "n": 3}
    assert ours.loads(flasks.dumps({"a": [1, 2]})) == {"a": [1, 2]}


def test_a_new_secret_key_gets_a_new_serializer_and_old_cookies_stop_working(app: Flask) -> None:
    @app.get("/count")
    def count() -> str:
        session["n"] = session.get("n", 0) + 1
        return str(session["n"])

    client = app.test_client()
    assert client.get("/count").text == "1"
    assert client.get("/count").text == "2"
    old = app.session_interface.get_signing_serializer(app)

    app.secret_key = "another-secret-key"
    assert app.session_interface.get_signing_serializer(app) is not old
    assert client.get("/count").text == "1"  # the old cookie is not valid any more

    # Rotating keys: cookies signed with a fallback key are still read.
    app.secret_key = "a-third-secret-key"
    app.config["SECRET_KEY_FALLBACKS"] = ["another-secret-key"]
    assert client.get("/count").text == "2"
