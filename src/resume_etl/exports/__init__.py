"""Downstream exports of the output tables: JSON Resume for sites, a bulk feed for search.

Each export reads an output folder (``resume-etl run --out DIR``) and can redact emails, phone
numbers and street addresses with stable salted hashes (``redact.Redactor``).
"""

from __future__ import annotations
