"""Thin click commands: `flask --app quizapp generate|seed|create-user`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click
from flask import Flask

from quizapp.generation import generate_questions


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


def register_cli(app: Flask) -> None:
    """Attach the commands to the app's `flask` CLI."""
    app.cli.add_command(generate_command)
