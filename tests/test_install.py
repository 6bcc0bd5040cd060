"""`make install` installs exactly the lock: the venv holds requirements/*.txt and nothing else."""

import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name as canonical

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def locked() -> dict[str, str]:
    """Every `name==version` pinned in requirements/*.txt."""
    pins: dict[str, str] = {}
    for path in sorted(REQUIREMENTS.glob("*.txt")):
        for line in path.read_text().splitlines():
            if match := PIN.match(line):
                pins[canonical(match[1])] = match[2]
    return pins


def installed() -> dict[str, str]:
    """Every distribution in this interpreter's own site-packages."""
    return {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}


def test_every_requirement_line_is_pinned_and_hashed():
    for path in sorted(REQUIREMENTS.glob("*.txt")):
        text = path.read_text()
        requirements = [
            line for line in text.splitlines() if line and not line.startswith((" ", "#", "-"))
        ]
        assert requirements, path
        for line in requirements:
            assert PIN.match(line), f"{path.name}: {line!r} is not pinned with =="
        # Each pinned requirement is followed by at least one hash.
        assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}", text)) >= len(requirements)


def test_lock_names_no_machine_specific_index():
    for path in sorted(REQUIREMENTS.glob("*.txt")):
        text = path.read_text()
        assert "file://" not in text and "--find-links" not in text, path.name


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="runs inside the venv made by make")
def test_venv_holds_exactly_the_lock():
    want, have = locked(), installed()
    missing = {n: v for n, v in want.items() if n not in have}
    extra = {n: v for n, v in have.items() if n not in want}
    wrong = {n: (want[n], have[n]) for n in want.keys() & have.keys() if want[n] != have[n]}
    assert not missing, f"locked but not installed: {missing}"
    assert not extra, f"installed but not in requirements/*.txt: {extra}"
    assert not wrong, f"installed version differs from the lock (lock, venv): {wrong}"


def test_bootstrap_pins_pip():
    assert "pip" in {canonical(n) for n in locked()}
    assert canonical("pip") in installed() or sys.prefix == sys.base_prefix
