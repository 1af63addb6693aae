"""Training the models the pipeline ships, reproducibly, from files in the repository or the
shared real-data folder (read in place, never copied): ``resume-etl train`` / ``make train``."""

DEFAULT_NAME = "line_roles_v5"
"""The line-role model the pipeline names; ``make train`` writes it."""
DEFAULT_VARIANTS = 6
"""Seeded redraws (wrap width, date style) per layout in the training renderings."""
