"""Downstream exports of the output tables: JSON Resume for sites, a bulk feed for search.

Each export reads an output folder (``resume-etl run --out DIR``) and can redact emails, phone
numbers and postal addresses in every string it writes with stable salted hashes
(``redact.Redactor``; the detectors are ``_personal`` over the data of ``_patterns``). Files are
written atomically and never through a symbolic link (``_files``).
"""

from __future__ import annotations

__all__ = ["DEFAULT_INDEX", "SALT_ENV_VAR"]

SALT_ENV_VAR = "RESUME_ETL_REDACT_SALT"
"""Environment variable read for the salt when no ``--salt``/``salt=`` is given."""

DEFAULT_INDEX = "resumes"
"""Index named in each bulk action line of the search feed unless another is given."""
