from __future__ import annotations

import datetime as dt

from resume_etl.evaluation.gold import GoldDocument
from resume_etl.evaluation.predicted import Predicted
from resume_etl.evaluation.real.markdown import score_document
from resume_etl.evaluation.real.report import Tally
from resume_etl.evaluation.real.runner import DocumentRows


def test_coverage_counts_what_was_read() -> None:
    rows = DocumentRows(
        Predicted(GoldDocument(document="x.md")),
        "",
        {
            "profiles": [{"name": "Lee Park"}],
            "contacts": [{"kind": "email"}],
            "experiences": [
                {"organization": "Acme", "role": "Chemist", "start_date": dt.date(2020, 1, 1)},
                {"organization": "Acme", "role": None, "start_date": None},
                {"organization": None, "role": None, "start_date": dt.date(2019, 1, 1)},
            ],
            "education": [
                {"institution": None, "degree": "BSc"},
                {"institution": None, "degree": None},
            ],
            "sections": [{"kind": "experience"}, {"kind": "other"}],
        },
    )
    tally = Tally()
    score_document(rows, tally)
    score_document(None, tally)
    assert tally.documents == 2
    assert tally.coverage["with a name"] == 1
    assert tally.coverage["with a phone"] == 0
    assert tally.coverage["jobs with content"] == 2  # the row with neither is not counted
    assert tally.coverage["schools with content"] == 1
    assert tally.coverage["schools with institution"] == 0
    assert tally.coverage["jobs with org+role+start"] == 1
    assert tally.coverage["sections left 'other'"] == 1
