"""The segment stage: a document in, its sections (with their entries) out."""

from __future__ import annotations

from dataclasses import dataclass

from resume_etl.records import DocumentRecord
from resume_etl.stages.layout import LineRoleModel, RoleGuess
from resume_etl.stages.reflow import REPAIR as RESTORED_LINE_BREAKS
from resume_etl.stages.segment.drafts import Entry
from resume_etl.stages.segment.entries import split_entries
from resume_etl.stages.segment.glued import split_glued_headings
from resume_etl.stages.segment.lines import Line, split_lines
from resume_etl.stages.segment.sections import SectionClassifier, group_by_heading
from resume_etl.stages.segment.shapes import line_shapes, may_use, repeated_lines, with_wraps
from resume_etl.vocab import ENTRY_SECTION_KINDS, SectionKind, SourceFormat


@dataclass(frozen=True, slots=True)
class Section:
    position: int
    kind: SectionKind
    heading: Line | None
    lines: tuple[Line, ...]
    entries: tuple[Entry, ...]
    intro: tuple[Line, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SegmentedDocument:
    document: DocumentRecord
    sections: tuple[Section, ...]


def segment(
    document: DocumentRecord,
    classifier: SectionClassifier,
    line_model: LineRoleModel | None = None,
) -> SegmentedDocument:
    """Stage entry point: sections (with entries) covering the whole document in order.

    With a ``line_model`` the entries are cut where it reads the layout (``split_entries``).
    """
    lines = split_lines(document.text, document.source_format is SourceFormat.MARKDOWN)
    # Line breaks the ingest stage restored (a text pulled as one line) are the rules' own
    # guess at a layout that was never printed: the model, which reads printed layouts,
    # would only echo that guess back, or misread it.
    printed = RESTORED_LINE_BREAKS not in document.repairs
    if not printed:
        lines = split_glued_headings(lines, classifier)
    groups = group_by_heading(lines, classifier)
    roles: dict[int, RoleGuess] = {}
    if (
        line_model is not None
        and printed
        and any(kind in ENTRY_SECTION_KINDS for kind, _h, _b in groups)
    ):
        ordered, shapes = line_shapes(document.text, groups)
        entry_kinds = {kind.value for kind in ENTRY_SECTION_KINDS}
        wanted = [shape.section in entry_kinds and not shape.is_heading for shape in shapes]
        guesses = with_wraps(shapes, line_model.label_where(shapes, wanted))
        repeated = repeated_lines(ordered)
        first_line = ordered[0].content.strip() if ordered else ""
        roles = {
            line.start: guess
            for line, guess in zip(ordered, guesses, strict=True)
            if guess is not None and may_use(guess, line, repeated, first_line)
        }
    sections = []
    for position, (kind, heading, body) in enumerate(groups):
        entries, intro = (
            split_entries(kind, body, roles) if kind in ENTRY_SECTION_KINDS else ((), tuple(body))
        )
        first = heading or (body[0] if body else None)
        last = body[-1] if body else heading
        start = first.start if first else 0
        end = last.end if last else 0
        sections.append(Section(position, kind, heading, tuple(body), entries, intro, start, end))
    return SegmentedDocument(document, tuple(sections))
