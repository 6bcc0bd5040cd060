"""The interchange formats and the item arithmetic load neither Flask nor the database."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_formats_and_the_statistics_loads_no_web_stack() -> None:
    code = (
        "import sys, quizapp.exchange, quizapp.teacher.item_stats;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy', 'wtforms')"
        " or m in ('quizapp.models', 'quizapp.extensions')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
