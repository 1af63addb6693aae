"""The real-data report as tables: rich tables for the terminal, markdown for the docs.

Per set and half, a field table (P, R, F1, tp, fp, fn); for the JSON Resume set also a matrix
of F1 per field and layout with entry accuracy and mean text similarity; for the markdown set
the coverage counts beside its field table (the CVs with hand-written gold).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from resume_etl.evaluation.real.report import ALL_LAYOUTS, GroupScore, RealReport
from resume_etl.evaluation.real.split import Half

MATRIX_FIELDS: tuple[str, ...] = (
    "profile.name",
    "profile.headline",
    "profile.location",
    "profile.summary",
    "contact.email",
    "contact.phone",
    "contact.link",
    "work.entry",
    "work.organization",
    "work.role",
    "work.start",
    "work.end",
    "work.location",
    "work.text",
    "education.entry",
    "education.institution",
    "education.degree",
    "education.field",
    "education.start",
    "education.end",
    "project.name",
    "publication.title",
    "skill",
)
"""JSON Resume fields shown in the per-layout matrix, in reading order."""

ENTRY_ACCURACY = "entry accuracy"

HEADLINE: tuple[tuple[str, str, str, str], ...] = (
    ("jobs fully right (entry accuracy), JSON Resume", "jsonresume/all", ENTRY_ACCURACY, "F1"),
    ("jobs fully right, PDF-pasted layout", "jsonresume/pdf", ENTRY_ACCURACY, "F1"),
    ("jobs fully right, the same PDF text in one line", "jsonresume/oneline", ENTRY_ACCURACY, "F1"),
    ("jobs fully right, markdown CVs (hand-written gold)", "markdown", ENTRY_ACCURACY, "F1"),
    ("work.organization F1, JSON Resume", "jsonresume/all", "work.organization", "F1"),
    ("work.organization F1, markdown CVs", "markdown", "work.organization", "F1"),
    ("work.organization F1, dotin", "dotin", "work.organization", "F1"),
    ("work.role F1, JSON Resume", "jsonresume/all", "work.role", "F1"),
    ("work.role F1, dotin", "dotin", "work.role", "F1"),
    ("work.role F1, markdown CVs", "markdown", "work.role", "F1"),
    ("work.start F1, JSON Resume", "jsonresume/all", "work.start", "F1"),
    ("work.end F1, JSON Resume", "jsonresume/all", "work.end", "F1"),
    ("work.text F1 (prose rejoined), JSON Resume", "jsonresume/all", "work.text", "F1"),
    ("education.institution F1, JSON Resume", "jsonresume/all", "education.institution", "F1"),
    ("education.degree F1, JSON Resume", "jsonresume/all", "education.degree", "F1"),
    ("education.field F1, JSON Resume", "jsonresume/all", "education.field", "F1"),
    ("education.institution F1, dotin", "dotin", "education.institution", "F1"),
    ("education.institution F1, markdown CVs", "markdown", "education.institution", "F1"),
    ("profile.name F1, JSON Resume", "jsonresume/all", "profile.name", "F1"),
    ("profile.name F1, dotin", "dotin", "profile.name", "F1"),
    ("contact.phone recall, JSON Resume", "jsonresume/all", "contact.phone", "R"),
    ("person's location F1, dotin (header)", "dotin", "profile.location", "F1"),
    (
        "person's location F1, dotin (tagged headers only)",
        "dotin",
        "profile.location (tagged headers)",
        "F1",
    ),
    ("profile.summary F1, JSON Resume", "jsonresume/all", "profile.summary", "F1"),
    ("project.name F1, JSON Resume", "jsonresume/all", "project.name", "F1"),
    ("publication.title F1, JSON Resume", "jsonresume/all", "publication.title", "F1"),
    ("skill F1, JSON Resume", "jsonresume/all", "skill", "F1"),
    ("skill F1, dotin", "dotin", "skill", "F1"),
)
"""The measures of issue 14, as (label, group key without the half, field, statistic)."""


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _title(group: GroupScore) -> str:
    layout = "all layouts" if group.layout == ALL_LAYOUTS else f"{group.layout} layout"
    what = f"{group.dataset} ({layout})" if group.layout else group.dataset
    unit = "renderings" if group.layout else "documents"
    return f"{what} · {group.half.value} · {group.documents} {unit}"


def field_rows(group: GroupScore) -> list[list[str]]:
    """One row per scored field: field, P, R, F1, tp, fp, fn."""
    rows = [
        [
            score.field,
            _num(score.precision),
            _num(score.recall),
            _num(score.f1),
            str(score.true_positives),
            str(score.false_positives),
            str(score.false_negatives),
        ]
        for score in group.fields
    ]
    if group.entry_accuracy is not None:
        rows.append(
            [ENTRY_ACCURACY, "", "", _num(group.entry_accuracy), str(group.jobs_right), "", ""]
        )
    rows += [
        [f"{name} (mean similarity)", "", "", _num(v), "", "", ""]
        for name, v in group.similarity.items()
    ]
    return rows


FIELD_HEADER = ("field", "P", "R", "F1", "tp", "fp", "fn")


def matrix_rows(groups: Sequence[GroupScore]) -> list[list[str]]:
    """F1 per field (rows) and layout (columns), entry accuracy first."""
    rows = [[ENTRY_ACCURACY, *(_num(group.entry_accuracy) for group in groups)]]
    for name in MATRIX_FIELDS:
        scores = [group.field(name) for group in groups]
        if any(score is not None for score in scores):
            rows.append([name, *(_num(score.f1 if score else None) for score in scores)])
    return rows


def _headline_value(report: RealReport, key: str, field: str, statistic: str) -> str:
    group = report.group(key)
    if group is None:
        return "–"
    if field == ENTRY_ACCURACY:
        return _num(group.entry_accuracy)
    score = group.field(field)
    if score is None:
        return "–"
    return _num(score.recall if statistic == "R" else score.f1)


def headline_rows(report: RealReport) -> list[list[str]]:
    """The issue's measures, one row each, with a column per half that was run."""
    halves = list(dict.fromkeys(group.half.value for group in report.groups))
    return [
        [label, *(_headline_value(report, f"{key}/{half}", field, stat) for half in halves)]
        for label, key, field, stat in HEADLINE
    ]


def coverage_rows(group: GroupScore) -> list[list[str]]:
    return [
        [name, f"{value} / {group.documents}" if name.startswith("with") else str(value)]
        for name, value in group.coverage.items()
    ]


def _rich(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(title=title, show_header=True)
    for index, column in enumerate(header):
        table.add_column(column, justify="left" if index == 0 else "right", no_wrap=index == 0)
    for row in rows:
        table.add_row(*row)
    return table


def _markdown(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [f"**{title}**", "", "| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _sections(
    report: RealReport, per_layout: bool = False
) -> list[tuple[str, Sequence[str], list[list[str]]]]:
    """(title, header, rows) of every table, in report order; ``per_layout`` adds a field
    table (P, R, F1, counts) for each JSON Resume layout, not only for all layouts pooled."""
    halves = list(dict.fromkeys(group.half.value for group in report.groups))
    sections: list[tuple[str, Sequence[str], list[list[str]]]] = [
        ("headline measures", ["measure", *halves], headline_rows(report))
    ]
    layouts_by_half: dict[str, list[GroupScore]] = {}
    for group in report.groups:
        if group.dataset == "jsonresume" and group.layout != ALL_LAYOUTS:
            layouts_by_half.setdefault(group.half.value, []).append(group)
            if per_layout:
                sections.append((_title(group), FIELD_HEADER, field_rows(group)))
            continue
        if group.fields or group.entry_accuracy is not None:
            sections.append((_title(group), FIELD_HEADER, field_rows(group)))
        if group.coverage:
            title = _title(group) + " · coverage"
            sections.append((title, ("measure", "count"), coverage_rows(group)))
        if group.layout == ALL_LAYOUTS:
            by_layout = layouts_by_half.get(group.half.value, [])
            header = ["F1 per layout", *(g.layout or "" for g in by_layout), ALL_LAYOUTS]
            title = f"jsonresume per layout · {group.half.value} · {group.documents} renderings"
            sections.append((title, header, matrix_rows([*by_layout, group])))
    return sections


WORST_HEADER = ("document", "F1", "errors", "jobs right", "weakest fields")


def worst_rows(report: RealReport, count: int) -> list[list[str]]:
    """The ``count`` dev documents with the lowest F1 over all their fields, to read first.
    Untouched documents are never listed: reading them would make the untouched half a second
    dev half. A document's name says its set and, for JSON Resume, its layout."""
    found = [
        result
        for group in report.groups
        if group.half == Half.DEV and group.layout != ALL_LAYOUTS
        for result in group.results
    ]
    found.sort(key=lambda result: (result.f1, -result.errors, result.document))
    return [
        [
            result.document,
            _num(result.f1),
            str(result.errors),
            f"{result.jobs_right} / {result.jobs}" if result.jobs else "–",
            ", ".join(result.weakest_fields),
        ]
        for result in found[:count]
    ]


def worst_table(report: RealReport, count: int) -> Table:
    return _rich(f"worst {count} dev documents", WORST_HEADER, worst_rows(report, count))


def rich_tables(report: RealReport, per_layout: bool = False) -> list[Table]:
    return [_rich(title, header, rows) for title, header, rows in _sections(report, per_layout)]


def markdown_tables(report: RealReport, per_layout: bool = False) -> str:
    sections = _sections(report, per_layout)
    return "\n".join(_markdown(title, header, rows) for title, header, rows in sections)
