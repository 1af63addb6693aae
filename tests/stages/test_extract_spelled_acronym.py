"""An acronym spelled out in brackets after it is a name, whatever title word the brackets
hold (``stages/extract/_piece_kind.py``); every name here is invented."""

from __future__ import annotations

import pytest

from tests.stages.job_rows import Extract, job_rows


@pytest.mark.parametrize(
    "text",
    [
        "PROFESSIONAL EXPERIENCE\n\n"
        "Kettle Systems, Brask, UK                            2010 - 2012\nStock Clerk\n\n"
        "MP (Marlow Partner), Brask, UK                       2007 - 2008\nCashier and Stocker\n",
        "Work experience\n\nStock Clerk, Kettle Systems (2010 – 2012)\nBrask\n\n"
        "Cashier and Stocker, MP (Marlow Partner) (2007 – 2008)\nBrask\n",
        "Experience\n\nStock Clerk at Kettle Systems\n2010 — 2012 · Brask\n\n"
        "Cashier and Stocker at MP (Marlow Partner)\n2007 — 2008 · Brask\n",
    ],
)
def test_a_spelled_out_acronym_is_the_employer(extract_text: Extract, text: str) -> None:
    employer, title, _place = job_rows(extract_text, text)[1]
    assert (employer, title) == ("MP (Marlow Partner)", "Cashier and Stocker")


def test_a_title_spelled_out_stays_a_title(extract_text: Extract) -> None:
    text = (
        "Work experience\n\nCTO (Chief Technology Officer), Kettle Systems (2010 – 2012)\nBrask\n"
    )
    employer, title, _place = job_rows(extract_text, text)[0]
    assert (employer, title) == ("Kettle Systems", "CTO (Chief Technology Officer)")
