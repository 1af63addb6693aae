"""Answer four analyst questions from the output tables with pandas.

Run it after ``make run``::

    .venv/bin/python docs/examples/analyst.py output

``resume_etl.read_tables`` returns one DataFrame per table (``tables.experiences``, …) with
Arrow-backed dtypes: dates are dates, lists are lists, missing values are ``<NA>``, and closed
vocabularies (``unit``, ``employment_type``, …) are categoricals. Tables join on ``doc_id`` (one
``profiles`` row per document); ``metrics.entry_id`` joins ``experiences.entry_id`` and
``projects.entry_id``. The test suite runs this script against the tables of ``raw/``.
"""

from __future__ import annotations

import sys

import pandas as pd

import resume_etl
from resume_etl import Tables


def person_names(tables: Tables) -> pd.DataFrame:
    """``doc_id`` -> a display name: the stated name, else the headline, else the doc id."""
    profiles = tables.profiles
    person = profiles["name"].fillna(profiles["headline"]).fillna(profiles["doc_id"])
    return pd.DataFrame({"doc_id": profiles["doc_id"], "person": person})


def median_tenure_per_organization(tables: Tables) -> pd.DataFrame:
    """Median months per job at each organization, over the jobs whose dates give a duration."""
    jobs = tables.experiences.dropna(subset=["organization", "duration_months"])
    tenure = jobs.groupby("organization")["duration_months"].agg(["median", "count"])
    tenure.columns = ["median_months", "jobs"]
    return tenure.sort_values(["median_months", "jobs"], ascending=False)


def most_common_skills(tables: Tables, top: int = 15) -> pd.DataFrame:
    """Skills by how many people list or mention them (a person counts once per skill)."""
    people_per_skill = tables.skills.groupby("name")["doc_id"].nunique()
    ranked = people_per_skill.sort_values(ascending=False).head(top)
    return ranked.rename("people").reset_index()


def metrics_per_person(tables: Tables) -> pd.DataFrame:
    """How many impact metrics each person states, by unit (percent, currency, count, …)."""
    metrics = tables.metrics.merge(person_names(tables), on="doc_id")
    counts = pd.crosstab(metrics["person"], metrics["unit"].astype("string"))
    counts["total"] = counts.sum(axis=1)
    return counts.sort_values("total", ascending=False)


def career_timeline(tables: Tables) -> pd.DataFrame:
    """Every dated job, person by person, in the order they started."""
    jobs = tables.experiences.dropna(subset=["start_date"]).merge(person_names(tables), on="doc_id")
    timeline = jobs.assign(
        end=jobs["end_date"].astype("string").where(~jobs["is_current"], "present"),
    )
    columns = ["person", "start_date", "end", "organization", "role", "duration_months"]
    return timeline.sort_values(["person", "start_date"])[columns].reset_index(drop=True)


def main(argv: list[str]) -> None:
    tables = resume_etl.read_tables(argv[0] if argv else "output")
    answers = {
        "Median tenure per organization (months)": median_tenure_per_organization(tables),
        "Most common skills": most_common_skills(tables),
        "Metrics per person, by unit": metrics_per_person(tables),
        "Career timeline": career_timeline(tables),
    }
    for question, answer in answers.items():
        print(f"\n## {question}\n")
        print(answer.to_string(max_colwidth=40))


if __name__ == "__main__":
    main(sys.argv[1:])
