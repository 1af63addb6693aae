"""spaCy components of resume-etl; importing this registers their factories."""

from __future__ import annotations

from resume_etl.nlp import components as components
from resume_etl.nlp import word_ends as word_ends
