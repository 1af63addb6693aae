"""Layout analysis on positioned words, without any PDF: columns, furniture, wraps, headings."""

from __future__ import annotations

from resume_etl.stages.readers.columns import Side, reading_blocks
from resume_etl.stages.readers.layout import group_rows, pages_to_text
from resume_etl.stages.readers.lines import PageWords, Word

CHAR = 5.0  # width of one character at size 10, in points
PAGE_WIDTH, PAGE_HEIGHT = 600.0, 800.0


def line(text: str, x: float, top: float, size: float = 10.0) -> list[Word]:
    """Words of ``text`` set from ``x`` on a baseline band starting at ``top``."""
    words = []
    for part in text.split(" "):
        width = len(part) * CHAR * size / 10
        words.append(Word(part, x, x + width, top, top + size, size))
        x += width + CHAR * size / 10
    return words


def page(*lines: list[Word], width: float = PAGE_WIDTH) -> PageWords:
    return PageWords(width, PAGE_HEIGHT, tuple(w for words in lines for w in words))


def text_of(*pages: PageWords) -> str:
    return pages_to_text(pages)[0]


def test_larger_lines_become_headings_ranked_by_size() -> None:
    text = text_of(
        page(
            line("Jane Doe", 50, 80, size=18),
            line("Experience", 50, 110, size=13),
            line("Built the billing service.", 50, 130),
        )
    )
    assert text.splitlines()[0] == "# Jane Doe"
    assert "## Experience" in text.splitlines()


def test_a_wrapped_bullet_is_joined_into_one_line() -> None:
    first = "• Led the migration of forty services to the new cluster and cut the"
    rows = [
        line(first, 50, 100),
        line("monthly bill by a third.", 50 + 2 * CHAR, 113),
        line("• Mentored two engineers.", 50, 126),
    ]
    # The text's right edge is where the longest line ends, as far from the page's side as the
    # left margin.
    right = max(word.x1 for words in rows for word in words)
    text = text_of(page(*rows, width=right + 50))
    assert text.splitlines() == [
        "• Led the migration of forty services to the new cluster and cut the monthly bill "
        "by a third.",
        "• Mentored two engineers.",
    ]


def test_short_lines_that_fit_are_not_joined() -> None:
    rows = [
        line("Python Django PostgreSQL Redis Kafka", 50, 100),
        line("Go", 50, 113),
        line("Terraform Kubernetes", 50, 126),
    ]
    assert text_of(page(*rows)).splitlines() == [
        "Python Django PostgreSQL Redis Kafka",
        "Go",
        "Terraform Kubernetes",
    ]


def test_two_columns_are_read_one_after_the_other() -> None:
    header = [line("Jane Doe jane@example.org +1 555 0100 Springfield", 50, 80)]
    left = [line(word, 50, 120 + 13 * i) for i, word in enumerate(["Skills", "Python", "SQL"])]
    right = [
        line(text, 250, 120 + 13 * i)
        for i, text in enumerate(
            ["Experience", "Engineer, Acme", "2019 - 2023", "Built a thing.", "Analyst, Beta"]
        )
    ]
    lines = text_of(page(*header, *left, *right)).splitlines()
    assert lines[0].startswith("Jane Doe")
    body = [text for text in lines[1:] if text]
    assert body == ["Skills", "Python", "SQL", *["Experience", "Engineer, Acme"], *body[5:]]
    assert body[-1] == "Analyst, Beta"


def test_right_aligned_dates_are_no_second_column() -> None:
    rows = []
    for i in range(4):
        top = 100 + 40 * i
        title = line(f"Engineer at Company{i}", 50, top)
        rows += [
            title + line("2019 - 2021", 480, top),
            line("Built things for people.", 50, top + 13),
        ]
    lines = [text for text in text_of(page(*rows)).splitlines() if text]
    assert lines[0] == "Engineer at Company0    2019 - 2021"


def test_page_numbers_and_a_repeated_running_header_are_dropped() -> None:
    first = page(
        line("Jane Doe", 50, 80, size=18),
        line("First page text.", 50, 120),
        line("Page 1 of 2", 280, 770),
    )
    second = page(
        line("Jane Doe", 50, 20), line("Second page text.", 50, 120), line("Page 2 of 2", 280, 770)
    )
    text, report = pages_to_text([first, second])
    assert "Page" not in text
    assert text.count("Jane Doe") == 1
    assert "layout:page_furniture:3" in report.repairs()


def test_aligned_rows_of_three_cells_are_a_table() -> None:
    rows = [
        line("Period", 50, 100) + line("Role", 150, 100) + line("Company", 350, 100),
        line("2021 - now", 50, 113) + line("Engineer", 150, 113) + line("Acme", 350, 113),
        line("2018 - 2021", 50, 126) + line("Analyst", 150, 126) + line("Beta", 350, 126),
    ]
    assert text_of(page(*rows)).splitlines() == [
        "| Period | Role | Company |",
        "| 2021 - now | Engineer | Acme |",
        "| 2018 - 2021 | Analyst | Beta |",
    ]


def test_a_sentence_running_over_a_page_break_is_not_cut_by_a_blank_line() -> None:
    first = page(line("Reduced waiting times across", 50, 700))
    second = page(line("the unit's four bays.", 50, 100))
    assert text_of(first, second) == "Reduced waiting times across\nthe unit's four bays."


def test_three_aligned_rows_of_two_cells_are_a_table_and_two_are_not() -> None:
    labels = [("Languages", "Python, SQL"), ("Data", "DuckDB, Spark"), ("MLOps", "Docker")]
    rows = [
        line(a, 50, 100 + 13 * i) + line(b, 200, 100 + 13 * i) for i, (a, b) in enumerate(labels)
    ]
    assert text_of(page(*rows)).splitlines() == [f"| {a} | {b} |" for a, b in labels]
    assert "|" not in text_of(page(*rows[:2]))


def test_rows_of_a_year_and_a_title_are_no_table() -> None:
    talks = [("2024", "Seeing mitophagy"), ("2023", "Luciferase reporters"), ("2021", "Parkin")]
    rows = [
        line(a, 50, 100 + 13 * i) + line(b, 200, 100 + 13 * i) for i, (a, b) in enumerate(talks)
    ]
    assert "|" not in text_of(page(*rows))


def test_a_line_cut_by_a_page_break_is_joined_across_the_pages() -> None:
    cut = "Reviewed forty supplier contracts and renegotiated the payment terms of the"
    first = page(line(cut, 50, 700), width=50 + len(cut) * CHAR + 50)
    second = page(line("largest six, saving 4% a year.", 50, 100), width=first.width)
    assert text_of(first, second) == (
        "Reviewed forty supplier contracts and renegotiated the payment terms of the largest "
        "six, saving 4% a year."
    )


def test_a_line_set_in_under_a_year_keeps_its_indent() -> None:
    rows = [
        line("2024", 50, 100) + line('"Seeing mitophagy", EMBO Workshop,', 90, 100),
        line("Cavtat, Croatia", 90, 113),
        line("2023", 50, 126) + line('"Luciferase reporters", Leipzig', 90, 126),
    ]
    assert text_of(page(*rows)).splitlines()[1] == "        Cavtat, Croatia"


def test_one_line_paragraphs_outnumbering_wrapped_lines_keep_their_blank_lines() -> None:
    # A web page saved as PDF: every line a paragraph of its own, 8 points apart, and one
    # paragraph wrapped over three lines 3 points apart; the line gap is the one that recurs
    # smallest, not the lower quartile (here a paragraph gap).
    rows = [line(f"Paragraph number {i}", 50, 100 + 18 * i) for i in range(8)]
    rows += [line(f"Wrapped line {i} of the long paragraph", 50, 260 + 13 * i) for i in range(3)]
    lines = text_of(page(*rows, width=300)).splitlines()
    assert lines[:3] == ["Paragraph number 0", "", "Paragraph number 1"]
    assert lines[-4] == ""


def two_column_page(left: list[str], right: list[str]) -> PageWords:
    """A page of a sidebar and a main column; a text starting with "#" is a heading."""

    def set_in(texts: list[str], x: float) -> list[list[Word]]:
        return [
            line(text.lstrip("# "), x, 100 + 16 * i, size=13 if text[0] == "#" else 10)
            for i, text in enumerate(texts)
        ]

    return page(*set_in(left, 50), *set_in(right, 250))


def test_a_main_column_running_on_to_the_next_page_is_read_before_its_sidebar() -> None:
    first = two_column_page(
        ["# Skills", "Python", "SQL", "Go"],
        ["# Projects", "Tree, 2024", "Built a tree.", "Pager, 2023", "Built a pager."],
    )
    second = two_column_page(
        ["# Contact", "jane@example.org", "+1 555 0100", "Springfield"],
        [
            "Queue, 2021",
            "Built a queue.",
            "Index, 2020",
            "Built an index.",
            "Log, 2019",
            "Built a log.",
        ],
    )
    body = [text for text in text_of(first, second).splitlines() if text]
    assert body[body.index("Built a pager.") + 1] == "Queue, 2021"
    assert body[-4:] == ["# Contact", "jane@example.org", "+1 555 0100", "Springfield"]


def test_a_sidebar_of_two_lines_beside_a_heading_is_a_column() -> None:
    # Two sections open level with each other: the sidebar's two lines are too few to find a
    # gutter from by counting rows, but a one-column page never sets two headings on one row.
    header = line("Jane Doe jane@example.org +1 555 0100 Springfield Illinois", 50, 60)
    sidebar = two_column_page(["# Links", "jane.example.org"], [])
    main = two_column_page(
        [], ["# Work", "Engineer, Acme", "Built the billing service.", "Analyst, Beta", "Ran it."]
    )
    text = text_of(page(header, list(sidebar.words), list(main.words)))
    body = [text for text in text.splitlines() if text]
    assert body[1:3] == ["# Links", "jane.example.org"]
    assert body[3:5] == ["# Work", "Engineer, Acme"]


def test_a_line_running_off_the_page_does_not_move_the_wrapping_edge() -> None:
    cut = "Cut paging alerts per week from 140 to 25 by rewriting"
    rows = [
        line(cut, 50, 100),
        line("alert rules around SLOs.", 50, 113),
        line("https://example.org/" + "a" * 120, 50, 139),
    ]
    text = text_of(page(*rows, width=50 + len(cut) * CHAR + 50))
    assert text.splitlines()[0] == cut + " alert rules around SLOs."


def test_a_header_laid_out_in_fields_above_the_columns_is_read_across_the_page() -> None:
    header = [
        line("Jane Doe", 50, 60) + line("Pharmacist | Durban", 300, 60),
        line("B.Pharm, registered", 50, 73) + line("jane@example.org", 290, 73),
    ]
    columns = two_column_page(
        ["Education", "B.Pharm", "UKZN, 2015"],
        ["Experience", "Pharmacist", "City Pharmacy", "2019 - now", "Ran the dispensary."],
    )
    lines = [text for text in text_of(page(*header, list(columns.words))).splitlines() if text]
    assert lines[:2] == [
        "Jane Doe    Pharmacist | Durban",
        "B.Pharm, registered    jane@example.org",
    ]
    assert lines[2:5] == ["Education", "B.Pharm", "UKZN, 2015"]


def test_a_sidebar_line_reaching_into_the_gutter_stays_in_the_sidebar() -> None:
    # The gutter found is the part of the strip the fewest rows cross, so the sidebar's one
    # long line can reach into it; it is still the sidebar's, not a line across the page.
    rows = group_rows(
        [
            *line("Degree: Bachelor of", 50, 100),
            *line("Objective", 250, 100),
            *line("School: Lyceum of the Philippines", 50, 113),
            *line("To lead a team.", 250, 113),
            *line("University, Manila", 50, 126),
        ]
    )
    blocks = reading_blocks(rows, gutter=(200.0, 250.0))
    assert [block.side for block in blocks] == [Side.LEFT, Side.RIGHT]
    assert len(blocks[0].lines) == 3
