"""``python -m resume_etl``: the ``resume-etl`` command, for environments without its script."""

from resume_etl.cli import app

app(prog_name="resume-etl")
