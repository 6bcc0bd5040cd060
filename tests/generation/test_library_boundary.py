"""quizapp.generation is a Flask-free library: no module of it imports Flask or the models."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp" / "generation"
FORBIDDEN = ("flask", "flask_sqlalchemy", "flask_login", "flask_wtf", "quizapp.models")


def imported_names(path: Path) -> set[str]:
    """Every module name a source file imports, at any depth (lazy imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def is_forbidden(name: str) -> bool:
    """Whether a module name is Flask, a Flask extension or the app's models."""
    return any(name == bad or name.startswith(f"{bad}.") for bad in FORBIDDEN)


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda path: path.name)
def test_no_module_imports_flask_or_models(path: Path) -> None:
    assert not {name for name in imported_names(path) if is_forbidden(name)}


def test_importing_the_library_loads_neither_flask_nor_models() -> None:
    # An empty stand-in for the quizapp package keeps the app factory (which needs Flask)
    # out of the picture: only what quizapp.generation itself imports gets loaded.
    code = (
        "import importlib, pkgutil, sys, types\n"
        "package = types.ModuleType('quizapp')\n"
        "package.__path__ = ['quizapp']\n"
        "sys.modules['quizapp'] = package\n"
        "import quizapp.generation as generation\n"
        "for info in pkgutil.iter_modules(generation.__path__):\n"
        "    importlib.import_module(f'quizapp.generation.{info.name}')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'flask'"
        " or m.startswith('flask_') or m == 'quizapp.models')\n"
        "print(','.join(bad))\n"
    )
    root = PACKAGE.parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_real_package_import_does_not_load_the_web_stack() -> None:
    # quizapp/__init__.py runs first on `import quizapp.generation`; it must stay light.
    code = (
        "import sys, quizapp.generation\n"
        "loaded = [m for m in ('flask', 'quizapp.models', 'sqlalchemy') if m in sys.modules]\n"
        "print(','.join(loaded))"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
