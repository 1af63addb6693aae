"""The gold schema: what a reviewer says a document contains (``tests/gold/README.md``).

One JSON file per document. Values are written as the document states them; the scorer
normalizes case, punctuation and legal suffixes, so a reviewer never has to guess the pipeline's
spelling. Dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` at the precision the text states (a
season such as "Summer 2017" is its year), and are compared at that precision.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.vocab import EmploymentType, MetricUnit

GoldDate = Annotated[str, Field(pattern=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")]
"""A date at the precision the text states it."""


class GoldModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldWork(GoldModel):
    """One job; ``current`` is true when the text says it is ongoing (then ``end`` is null)."""

    organization: str | None = None
    role: str | None = None
    employment_type: EmploymentType | None = None
    location: str | None = None
    start: GoldDate | None = None
    end: GoldDate | None = None
    current: bool = False


class GoldEducation(GoldModel):
    institution: str | None = None
    location: str | None = None
    degree: str | None = None
    field: str | None = None
    start: GoldDate | None = None
    end: GoldDate | None = None
    gpa: float | None = None
    gpa_scale: float | None = None


class GoldProject(GoldModel):
    name: str
    start: GoldDate | None = None
    end: GoldDate | None = None


class GoldPublication(GoldModel):
    title: str
    venue: str | None = None
    year: int | None = None


class GoldMetric(GoldModel):
    """A number that shows impact; ``text`` is the expression as written ("by 31%")."""

    value: float
    unit: MetricUnit
    text: str


class GoldDocument(GoldModel):
    """Everything a reviewer found in one document."""

    document: str = Field(
        description="Path of the document, relative to the folder of this gold file."
    )
    name: str | None = None
    headline: str | None = None
    location: str | None = None
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    work: list[GoldWork] = Field(default_factory=list)
    education: list[GoldEducation] = Field(default_factory=list)
    projects: list[GoldProject] = Field(default_factory=list)
    publications: list[GoldPublication] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    metrics: list[GoldMetric] = Field(default_factory=list)
    notes: str | None = Field(default=None, description="Reviewer's notes; not scored.")


def load_gold(folder: Path) -> dict[Path, GoldDocument]:
    """Gold records of a folder, keyed by the resolved path of the document each names.

    Raises ``ResumeEtlError`` (E104) when the folder holds no gold file: an evaluation of
    nothing would report perfect scores.
    """
    found: dict[Path, GoldDocument] = {}
    for gold_file in sorted(folder.glob("*.json")):
        if gold_file.name == "floors.json":
            continue
        try:
            gold = GoldDocument.model_validate_json(gold_file.read_text(encoding="utf-8"))
        except (ValidationError, UnicodeDecodeError) as error:
            raise _bad_gold_error(gold_file, error) from error
        found[(gold_file.parent / gold.document).resolve()] = gold
    if not found:
        where = "" if folder.is_dir() else ", which is no folder"
        raise ResumeEtlError(
            ErrorCode.E104_NO_INPUT, f"no gold JSON files in {folder}{where}", _GOLD_HINT
        )
    return found


def missing_documents_error(gold: dict[Path, GoldDocument]) -> ResumeEtlError | None:
    """E104 when gold files name documents that do not exist: run over them, each would be
    quarantined and its empty prediction scored against whatever the gold lists."""
    missing = sorted(str(path) for path in gold if not path.is_file())
    if not missing:
        return None
    more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
    return ResumeEtlError(
        ErrorCode.E104_NO_INPUT,
        f"gold files name documents that do not exist: {', '.join(missing[:3])}{more}",
        "A gold file's 'document' is read relative to the gold file's folder; fix it, or pass "
        "--tables to score tables a run already wrote.",
    )


_GOLD_HINT = (
    "Pass --gold a folder of gold JSON files, each naming its 'document' (the format is in "
    "tests/gold/README.md of the source repository)."
)


def _bad_gold_error(gold_file: Path, error: Exception) -> ResumeEtlError:
    """E104 for a gold file that is no gold record, in one line (pydantic's is a page)."""
    lines = str(error).strip().splitlines()
    kept = [
        line.split(" [type=")[0].strip() for line in lines[1:3] if "further information" not in line
    ]
    detail = " ".join(kept) if kept else str(error)
    return ResumeEtlError(
        ErrorCode.E104_NO_INPUT, f"{gold_file} is no gold record: {detail}", _GOLD_HINT
    )
