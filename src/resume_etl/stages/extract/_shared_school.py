"""A school named once over the degrees taken there.

Academic CVs often name the university on a line of its own and list the degrees taken there
under it, each with its year ("**Northfield University**" / "2012" / ":   **PhD**, Department
of Physics" / "2008" / ":   **BSc**"). Read one entry at a time, the name is a school with no
degree and no date, and each degree a school with no institution, or with only the department
it was taken in. The name belongs to every degree under it, up to the next school named.
"""

from __future__ import annotations

from collections.abc import Sequence

from resume_etl.dates import DateRangeMatch
from resume_etl.stages.extract._draft import EducationCandidate
from resume_etl.stages.extract._team import is_department


def _names_a_school_alone(school: EducationCandidate) -> bool:
    """An institution with no degree, no field and no date: a name set over what follows."""
    return (
        school.found("institution") is not None
        and school.found("degree") is None
        and school.found("field_of_study") is None
        and school.get("dates", DateRangeMatch) is None
    )


def _wants_a_school(school: EducationCandidate) -> bool:
    """A degree whose institution is missing, or is only a department ("Department of X")."""
    if school.found("degree") is None:
        return False
    institution = school.found("institution")
    return institution is None or is_department(institution.value)


def schools_named_once(schools: Sequence[EducationCandidate]) -> list[EducationCandidate]:
    """``schools`` (one section's, in order) with a school named alone lent to each degree
    under it that names none; the name's own row goes once it has been lent."""
    result: list[EducationCandidate] = []
    index = 0
    while index < len(schools):
        school = schools[index]
        following = index + 1
        if _names_a_school_alone(school):
            while following < len(schools) and _wants_a_school(schools[following]):
                following += 1
        if following == index + 1:
            result.append(school)
        else:
            institution = school.found("institution")
            result.extend(
                degree.with_values(
                    institution=institution, location=degree.location or school.location
                )
                for degree in schools[index + 1 : following]
            )
        index = following
    return result
