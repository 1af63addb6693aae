"""The README's command list and ``resume-etl --help`` name the same commands."""

from __future__ import annotations

import re

import typer
from typer.main import get_command

from resume_etl.cli import app
from tests.conftest import REPO

COMMAND_LINE = re.compile(r"^resume-etl ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?", re.MULTILINE)


def _cli_commands() -> set[str]:
    """Every leaf command as typed: 'run', 'export search', …"""
    root = get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    names: set[str] = set()
    for name, command in root.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            names.update(f"{name} {sub}" for sub in command.commands)
        else:
            names.add(name)
    return names


def _readme_commands(groups: set[str]) -> set[str]:
    """Commands shown at the start of a README line, with the subcommand for a group."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = set()
    for match in COMMAND_LINE.finditer(text):
        name, sub = match.group(1), match.group(2)
        found.add(f"{name} {sub}" if name in groups and sub else name)
    return found


def test_readme_lists_every_command_of_the_cli_and_no_other() -> None:
    commands = _cli_commands()
    groups = {name.split()[0] for name in commands if " " in name}
    assert _readme_commands(groups) == commands
