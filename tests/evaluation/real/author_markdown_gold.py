"""Write the markdown set's gold by text, store it by ranges (docs/evaluation.md).

The gold of a markdown CV may not hold its words (they are real people's data), so it is
stored as ranges into the file (``resume_etl.evaluation.real.markdown_gold``). Writing ranges
by hand is error-prone; this turns a *draft* that quotes the text into the stored gold, and
shows a stored gold's values for review. Keep drafts outside the repository (they quote the
CVs), e.g. in /tmp.

    python tests/evaluation/real/author_markdown_gold.py ranges DRAFT.json [--data DIR]
    python tests/evaluation/real/author_markdown_gold.py show GOLD.json [--data DIR]

A draft is ``{"file": "<name>.md", "work": [...], "education": [...]}``. Each job is
``{"at": "...", "organization": "...", "role": "...", "start": ["Jan 2019", "2019-01"],
"end": ["Present", null], "current": true}``; each school ``{"at": "...", "institution": "...",
"degree": "...", "end": ["2014", "2014"]}``. ``at`` is text where the entry begins (default:
its organization, institution or role), found after the previous entry's ``at``; each field
is the first occurrence of its text at or after ``at`` (an end: after the start), or a list of
pieces when markup cuts it (``["Lab", "and", "Firm"]``, each after the one before), or
``{"after": "## Education", "text": "..."}`` for a value written once for several entries. A
date is its text and its value; a missing field is null or left out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from resume_etl.evaluation.real.data import require_data_dir
from resume_etl.evaluation.real.markdown import input_for
from resume_etl.evaluation.real.markdown_gold import GOLD_DIR, MarkdownGold, gold_document

TEXT_FIELDS = {"work": ("organization", "role"), "education": ("institution", "degree")}


def _find(text: str, quoted: str, start: int, where: str) -> tuple[int, int]:
    found = text.find(quoted, start)
    if found < 0:
        raise SystemExit(f"{where}: {quoted!r} not found after offset {start}")
    return found, found + len(quoted)


def _pieces(text: str, quoted: Any, start: int, where: str) -> list[list[int]]:
    """A value's ranges: one quoted text, or pieces each found after the one before, or
    ``{"after": "...", "text": ...}`` found after the first occurrence of ``after`` in the
    whole text (a value several entries share: one school named over three degrees)."""
    if isinstance(quoted, dict):
        start = _find(text, quoted["after"], 0, where)[1]
        quoted = quoted["text"]
    found = []
    for piece in [quoted] if isinstance(quoted, str) else quoted:
        at = _find(text, piece, start, where)
        found.append(list(at))
        start = at[1]
    return found


def _entry(text: str, kind: str, draft: dict[str, Any], cursor: int, where: str) -> dict[str, Any]:
    names = TEXT_FIELDS[kind]
    anchor = draft.get("at") or next(draft[name] for name in names if draft.get(name))
    anchor = anchor["text"] if isinstance(anchor, dict) else anchor
    anchor = anchor if isinstance(anchor, str) else anchor[0]
    begin = _find(text, anchor, cursor, where)[0]
    entry: dict[str, Any] = {
        name: _pieces(text, draft[name], begin, f"{where}.{name}")
        for name in names
        if draft.get(name)
    }
    after = begin
    for name in ("start", "end"):
        if draft.get(name):
            quoted, value = draft[name]
            at = _find(text, quoted, after, f"{where}.{name}")
            entry[name] = {"at": list(at), "value": value}
            after = at[1]
    if draft.get("current"):
        entry["current"] = True
    return entry | {"_begin": begin}


def _dumped(gold: dict[str, Any]) -> str:
    """The gold as JSON with one entry a line, so a diff shows which entry changed."""
    lines = ["{", f'  "file": {json.dumps(gold["file"])},', f'  "sha256": "{gold["sha256"]}",']
    for kind in TEXT_FIELDS:
        entries = [f"    {json.dumps(entry)}" for entry in gold[kind]]
        body = ",\n".join(entries)
        lines.append(f'  "{kind}": [\n{body}\n  ]' if entries else f'  "{kind}": []')
        lines[-1] += "," if kind != "education" else ""
    return "\n".join([*lines, "}"]) + "\n"


def ranges(draft_path: Path, data: Path, folder: Path = GOLD_DIR) -> Path:
    """Store the gold a draft quotes as ranges in ``folder/<file stem>.json``; the path."""
    draft = json.loads(draft_path.read_text(encoding="utf-8"))
    path = data / "markdown" / draft["file"]
    text = input_for(path).text
    gold: dict[str, Any] = {
        "file": path.name,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    for kind in TEXT_FIELDS:
        cursor, entries = 0, []
        for index, item in enumerate(draft.get(kind, [])):
            entry = _entry(text, kind, item, cursor, f"{kind}[{index}]")
            cursor = entry.pop("_begin") + 1
            entries.append(entry)
        gold[kind] = entries
    MarkdownGold.model_validate(gold)
    target = folder / f"{path.stem}.json"
    target.write_text(_dumped(gold), encoding="utf-8")
    return target


def show(gold_path: Path, data: Path) -> None:
    """Print a stored gold's values, read from its CV (to the terminal only)."""
    gold = MarkdownGold.model_validate_json(gold_path.read_text(encoding="utf-8"))
    path = data / "markdown" / gold.file
    record = gold_document(gold, input_for(path).text, gold.file)
    for job in record.work:
        current = " (current)" if job.current else ""
        print(f"job: {job.organization} | {job.role} | {job.start} – {job.end}{current}")
    for school in record.education:
        print(f"school: {school.institution} | {school.degree} | {school.start} – {school.end}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("ranges", "show"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(argv)
    data = require_data_dir(args.data)
    if args.command == "ranges":
        target = ranges(args.file, data)
        print(f"wrote {target}")
        show(target, data)
    else:
        show(args.file, data)


if __name__ == "__main__":
    main(sys.argv[1:])
