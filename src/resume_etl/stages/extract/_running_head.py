"""A page's running head: the document's first line (the name) with a few words beside it.

A PDF repeats "Ada Example – Curriculum Vitae" at the top of every page. Where the layout was
printed, the line-role model reads it as page furniture; in a text pulled as one line, whose
line breaks the ingest stage restored, no model reads it, and the running head sits right above
the next job's employer, where the employer is read. Projects and job headers leave it out.
"""

from __future__ import annotations

from resume_etl.stages.segment import Line

_MIN_HEAD_CHARS = 4
_RUNNING_HEAD_EXTRA_CHARS = 30


def is_running_head(content: str, first_line: str) -> bool:
    """Whether ``content`` is the document's first line (the name) with a few words beside it
    ("Ada Example - Curriculum Vitae")."""
    text = content.strip()
    return (
        len(first_line) >= _MIN_HEAD_CHARS
        and first_line in text
        and len(text) <= len(first_line) + _RUNNING_HEAD_EXTRA_CHARS
    )


def first_line_of(text: str) -> str:
    """The document's first non-blank line, stripped."""
    stripped = text.lstrip()
    end = stripped.find("\n")
    return (stripped if end < 0 else stripped[:end]).strip()


def repeated_running_head(line: Line, text: str) -> bool:
    """A header line that is a running head printed more than once in the document: the name
    alone is no running head (it may open a section), a line repeating it with words beside
    it, on every page, is."""
    content = line.content.strip()
    first_line = first_line_of(text)
    return (
        content != first_line and is_running_head(content, first_line) and text.count(content) > 1
    )
