"""The renderers' weak labels: every printed line knows its role, and the text is unchanged."""

from __future__ import annotations

import dataclasses

from resume_etl.evaluation.real.facts import Job, Person, ResumeFacts
from resume_etl.evaluation.real.render import LAYOUTS, layout_named
from resume_etl.evaluation.real.render.text import RoleLine, join_lines, tag, tagged_lines
from resume_etl.nlp.line_roles import LineRole


def test_tagged_lines_print_exactly_the_rendered_text(facts: ResumeFacts) -> None:
    for layout in LAYOUTS:
        tagged = layout.tagged(facts)
        assert "\n".join(text for text, _role in tagged) + "\n" == layout.render(facts)


def test_a_wrapped_item_continues_from_its_second_line() -> None:
    lines = tag(LineRole.BULLET, ["- first part of", "  the same bullet"])
    assert [(text, role) for text, role in tagged_lines(lines)] == [
        ("- first part of", LineRole.BULLET),
        ("  the same bullet", LineRole.CONTINUATION),
    ]


def test_a_line_printed_without_a_role_is_other() -> None:
    assert tagged_lines(["plain", RoleLine("Page 1 of 2", LineRole.FURNITURE)]) == [
        ("plain", LineRole.OTHER),
        ("Page 1 of 2", LineRole.FURNITURE),
    ]
    assert join_lines(["plain", RoleLine("x", LineRole.HEADING)]) == "plain\nx\n"


def test_pdf_roles_mark_the_entry_its_wrapped_bullet_and_the_page_foot(
    facts: ResumeFacts,
) -> None:
    roles = dict(layout_named("pdf").tagged(facts))
    employer = next(text for text in roles if text.startswith("Harbour Ledger"))
    assert roles[employer] is LineRole.ENTRY_START
    assert roles["Senior Platform Engineer"] is LineRole.ENTRY_HEADER
    assert LineRole.CONTINUATION in roles.values()
    foot = next(text for text in roles if text.strip() == "Page 1 of 1")
    assert roles[foot] is LineRole.FURNITURE


def test_europass_entries_open_with_their_dates_line() -> None:
    job = Job(organization="Tallow Works", role="Chandler")
    facts = ResumeFacts(id="one", person=Person(name="Ada Wick"), jobs=[job])
    roles = dict(layout_named("europass").tagged(facts))
    assert roles["Chandler"] is LineRole.ENTRY_START  # no dates: the role leads
    assert roles["Tallow Works"] is LineRole.ENTRY_HEADER


def test_a_layout_variant_changes_the_wrap_width(facts: ResumeFacts) -> None:
    narrow = dataclasses.replace(layout_named("pdf"), width=50)
    body = [
        line
        for line, role in narrow.tagged(facts)
        if role in (LineRole.BULLET, LineRole.CONTINUATION, LineRole.PROSE)
    ]
    assert max(len(line) for line in body) <= 50
