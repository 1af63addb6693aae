"""The classified pieces of a header: what kind each is and where it stands in the text.

Their own module so that the modules ``_pieces`` reads from can build them as well; every
other module imports them from ``_pieces`` or ``_header``, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from resume_etl.stages.extract._draft import Extracted


class SegmentKind(StrEnum):
    EMPLOYMENT_TYPE = "employment_type"
    GPA = "gpa"
    DEGREE = "degree"
    ORGANIZATION = "organization"
    ROLE = "role"
    LOCATION = "location"
    UNKNOWN = "unknown"
    PROSE = "prose"
    """A sentence or a wrapped fragment of one, never a name or a title."""


@dataclass(frozen=True, slots=True)
class HeaderSegment:
    text: str
    start: int
    end: int
    kind: SegmentKind
    confidence: float

    def extracted(self, confidence: float | None = None) -> Extracted:
        return Extracted(self.text, self.start, self.end, confidence or self.confidence)
