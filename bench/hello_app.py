"""A hello-world Flask app: the floor that bench/serving.py measures QuizApp's pages against."""

from __future__ import annotations

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    """The least a Flask view can do."""
    return "Hello, World!"
