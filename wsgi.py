"""WSGI entry point for production servers: `gunicorn wsgi:app`."""

from quizapp import create_app

app = create_app()
