"""Promotions at one employer written as titles over their periods ("Senior Manager" /
"2019 - 2021" / "Manager" / "2016 - 2019" / ...): each title heads the entry of the period
under it (``segment/promotions.py``), and a lone year after a dated header is the
next job's. The layout rules alone are asked, as in a text whose line breaks were restored.
Every name here is invented."""

from __future__ import annotations

from tests.stages.rule_entries import rule_entries

_LADDER = (
    "KESTREL POWER, Fairview, OH\n"
    "1999 - 2005\n"
    "Maker of backup power systems for phone networks.\n"
    "Senior Marketing Manager\n"
    "2002 - 2005\n"
    "Product Marketing Manager\n"
    "2000 - 2002\n"
    "Key Account Manager\n"
    "1999 - 2000\n"
)


def test_each_title_heads_the_period_under_it() -> None:
    text = _LADDER + "- Sold power services to phone companies across the region.\n"
    assert [header for header, _body in rule_entries(text)] == [
        ["KESTREL POWER, Fairview, OH", "1999 - 2005"],
        ["Senior Marketing Manager", "2002 - 2005"],
        ["Product Marketing Manager", "2000 - 2002"],
        ["Key Account Manager", "1999 - 2000"],
    ]


def test_a_description_without_marks_under_the_last_period_is_its_body() -> None:
    sentence = "Championed the new power line to phone companies across the whole region"
    last_header, last_body = rule_entries(_LADDER + sentence + "\n")[-1]
    assert (last_header, last_body) == (["Key Account Manager", "1999 - 2000"], [sentence])


def test_a_period_after_a_described_job_keeps_its_own_header() -> None:
    text = (
        "Harwick Books, Leeds\n2016 - 2019\nShop Assistant\n"
        "- Served customers at the till.\n"
        "2013 - 2016\nKestrel Garden Centre, York\nSales Assistant\n"
    )
    assert [header for header, _body in rule_entries(text)] == [
        ["Harwick Books, Leeds", "2016 - 2019", "Shop Assistant"],
        ["2013 - 2016", "Kestrel Garden Centre, York", "Sales Assistant"],
    ]


def test_titles_over_lone_years_are_one_job_a_year() -> None:
    text = (
        "Marlow Banking Group, Fairview, Ohio\n"
        "Head of Treasury Services\n"
        "1999\n"
        "Chief Financial Officer of Marlow Finance\n"
        "1998\n"
        "- Reported to the group's president on the yearly budget.\n"
    )
    assert [header for header, _body in rule_entries(text)] == [
        ["Marlow Banking Group, Fairview, Ohio", "Head of Treasury Services", "1999"],
        ["Chief Financial Officer of Marlow Finance", "1998"],
    ]
