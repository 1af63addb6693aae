"""Reflow: put back the line breaks of text whose breaks were collapsed into runs of spaces.

Text pulled from a PDF or a web form often arrives as one long line in which every line break
became a run of spaces ("... NC 27599  Phone: ...    EDUCATION  2001 ..."). Every later stage
reads lines (headings, entry headers, bullets), so such a text yields no sections and no entries.
This module is "text in, line breaks out": it finds the lines that read as collapsed and puts a
line break back into each run of spaces that stood for one.

Offsets are kept: a break replaces the first space of its run (two for a blank line), so every
character stays where it was and spans into the raw text stay valid. The remaining spaces of
the run lead the next line, where the segmenter ignores them.

The thresholds come from data, not from cases. In the dev half of the dotin set (100 real
résumés, every one a single line), each document holds at least 4 runs of two or more spaces
that do not follow a sentence end, at least 0.75 per 100 characters; in the multi-line
documents of ``raw/`` and 20 real markdown résumés no line holds more than 3 such runs once
runs beside a separator ("a  |  b", "a  •  b") are left out, and those lines are short. Dotin
spans also say which runs are *not* line breaks: of the runs inside labelled spans, the largest
group sits between two dates ("2003  Present", "June 2009  February 2010"), where the collapse
lost the dash of the range; those get the dash back (one character, so offsets still hold) and
stay on their line (dates are read with the default date settings, English month names).
Run lengths come in pairs: of the dev half's 12,574 runs, 9,815 have 2 spaces and 2,084 have 4,
two collapsed breaks, a blank line; so a run of 4 or more gets two breaks, unless a list item
or a wrapped line follows it, whose spaces were more likely indentation.

``gaps.py`` says what each run stood for, one run at a time; then the runs of the line are read
together for the shapes a single run cannot show: rows whose last cell was pushed to the right
margin ("Acme Corp, Leeds            03/2021 - Present"), where a wide run is the gap inside a
row, not a blank line (``margin.py``), and the wrapped lines of a list item or an indented
paragraph, whose wide runs are indentation (``blocks.py``).
"""

from __future__ import annotations

from resume_etl.stages.reflow.blocks import join_wrapped_blocks
from resume_etl.stages.reflow.gaps import Gap, runs
from resume_etl.stages.reflow.margin import keep_right_margin

__all__ = ["MIN_BREAKING_RUNS", "MIN_LINE_CHARS", "REPAIR", "restore_line_breaks"]

REPAIR = "line_breaks"
"""The name ingest records in ``documents.repairs`` when this step changed a text."""

MIN_BREAKING_RUNS = 4
"""A line is collapsed when at least this many of its runs read as line breaks (not counting
runs after a sentence end, which also occur as sentence spacing in prose)."""

MIN_LINE_CHARS = 100
"""Shorter lines are left alone: a short line with wide gaps is a row of columns, not a text."""


def restore_line_breaks(text: str) -> str:
    """``text`` with line breaks put back into the lines that read as collapsed.

    A text with no such line comes back unchanged (the same object), so a document that kept
    its line breaks is never touched; the result has the same length as ``text``.
    """
    if "  " not in text:
        return text
    lines = text.split("\n")
    reflowed = [_reflowed(line) for line in lines]
    if reflowed == lines:
        return text
    return "\n".join(reflowed)


def _reflowed(line: str) -> str:
    if len(line) < MIN_LINE_CHARS or line.count("  ") < MIN_BREAKING_RUNS:
        return line
    found = list(runs(line))
    if sum(run.counts for run in found) < MIN_BREAKING_RUNS:
        return line
    chars = list(line)
    for run in join_wrapped_blocks(line, keep_right_margin(line, found)):
        if run.gap is Gap.BREAK:
            chars[run.start] = "\n"
        elif run.gap is Gap.BLANK_LINE:
            chars[run.start : run.start + 2] = "\n\n"
        elif run.gap is Gap.DASH:
            chars[run.start + (run.end - run.start - 1) // 2] = "-"
    return "".join(chars)
