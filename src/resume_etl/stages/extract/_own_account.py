"""A job on one's own account names no other employer: "Developer at Freelance".

People who work for themselves write where an employer stands the word for how they work:
"Freelance" as a company line, "Consultant at Self-employed", "Developer, Freelance (2018 -
2020)". The header reads that word as an employment type, so the job had no employer, and the
page showed none where the author wrote one. When no employer is found and the job's stated
employment type is an own-account one (freelance, self-employed), written as a piece of its own
and not in brackets ("Developer (freelance)" qualifies the title), that piece is the employer
as written; the employment type stays as well.
"""

from __future__ import annotations

from collections.abc import Sequence

from resume_etl.stages.extract._draft import Extracted
from resume_etl.stages.extract._pieces import HeaderSegment, SegmentKind
from resume_etl.vocab import EmploymentType

_OWN_ACCOUNT = frozenset({EmploymentType.FREELANCE, EmploymentType.SELF_EMPLOYED})
_OPENING_BRACKETS = "([{"


def own_account_employer(
    segments: Sequence[HeaderSegment],
    text: str,
    employment: tuple[EmploymentType, Extracted] | None,
) -> Extracted | None:
    """The stated own-account employment type, as the employer (see module); None when the
    job states none, or states it inside the title or in brackets."""
    if employment is None or employment[0] not in _OWN_ACCOUNT:
        return None
    stated = employment[1]
    for found in segments:
        if (
            found.kind is SegmentKind.EMPLOYMENT_TYPE
            and (found.start, found.end) == (stated.start, stated.end)
            and text[: found.start].rstrip()[-1:] not in _OPENING_BRACKETS
        ):
            return Extracted(found.text, found.start, found.end, 0.6)
    return None
