"""The names of the JSON Resume layouts, in report order.

Kept apart from ``render`` (which loads pydantic and the renderers) so the command line can
list and check ``--layouts`` without loading them; ``tests/evaluation/real/test_render.py``
checks that this tuple names exactly the layouts ``render.LAYOUTS`` defines.
"""

LAYOUT_NAMES: tuple[str, ...] = (
    "markdown",
    "pdf",
    "linkedin",
    "website",
    "europass",
    "plain",
    "oneline",
)
