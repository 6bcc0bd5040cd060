"""Thin click commands: `flask --app quizapp generate|seed|create-user|users`."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from quizapp.auth.services import AuthError, create_user, set_active
from quizapp.generation import generate_questions
from quizapp.models import ROLES
from quizapp.seeding import load_seeds


@click.command("generate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list and nothing else.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Keep the best N.")
def generate_command(file: Path, as_json: bool, limit: int | None) -> None:
    """Print the ranked questions generated for an article in FILE."""
    text = file.read_text(encoding="utf-8", errors="replace")
    questions = generate_questions(text, limit=limit)
    if as_json:
        rows = [dataclasses.asdict(question) for question in questions]
        for row in rows:
            row["choices"] = list(row["choices"])
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for number, question in enumerate(questions, start=1):
        click.echo(f"{number}. [{question.type}] {question.question}")
        click.echo(f"   answer: {question.answer}   (score {question.score:.2f})")
        click.echo(f"   choices: {' | '.join(question.choices)}")
        click.echo(f"   evidence: {question.evidence}")


@click.command("seed")
@with_appcontext
def seed_command() -> None:
    """Load the articles in seeds/ with published questions (a second run adds nothing)."""
    seeds_dir = Path(current_app.config["SEEDS_DIR"])
    if not seeds_dir.is_dir():
        raise click.ClickException(f"No seeds folder at {seeds_dir}.")
    added = load_seeds(seeds_dir, limit=current_app.config["QUESTIONS_PER_ARTICLE"])
    for article in added:
        click.echo(f"Added “{article.title}” with {len(article.questions)} questions.")
    click.echo(f"{len(added)} article{'s' if len(added) != 1 else ''} added.")


@click.command("create-user")
@with_appcontext
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="student", show_default=True)
@click.option("--name", default=None, help="Display name (default: the email's local part).")
def create_user_command(email: str, role: str, name: str | None) -> None:
    """Create an account; the password is asked twice, or read from standard input."""
    password = _read_password()
    display_name = name if name is not None else email.strip().split("@", 1)[0]
    try:
        user = create_user(email, display_name, password, role=role)
    except AuthError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role} {user.email}.")


@click.group("users")
def users_group() -> None:
    """Manage accounts: disable or enable one by its email."""


@users_group.command("disable")
@with_appcontext
@click.argument("email")
def disable_user_command(email: str) -> None:
    """Disable an account: it cannot log in, and every session of it ends at once."""
    try:
        user = set_active(email, False)
    except AuthError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Disabled {user.role} {user.email}; its sessions have ended.")


@users_group.command("enable")
@with_appcontext
@click.argument("email")
def enable_user_command(email: str) -> None:
    """Enable a disabled account again (its user logs in afresh)."""
    try:
        user = set_active(email, True)
    except AuthError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Enabled {user.role} {user.email}.")


def _read_password() -> str:
    """Prompt twice with hidden input on a terminal; otherwise read the first line of stdin."""
    if sys.stdin.isatty():
        return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))
    line = sys.stdin.readline()
    if not line:
        raise click.ClickException("No password given on standard input.")
    return line.rstrip("\r\n")


def register_cli(app: Flask) -> None:
    """Attach the commands to the app's `flask` CLI."""
    for command in (generate_command, seed_command, create_user_command, users_group):
        app.cli.add_command(command)
