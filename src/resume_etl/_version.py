"""The package's version, read once from the installed distribution's metadata.

``pyproject.toml`` is the one place the version is written; modules that need it import it from
here, never from the package root (which would import the public API they are part of).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__ = version("resume-etl")
except PackageNotFoundError:  # a source tree on sys.path that pip never installed
    __version__ = "0+unknown"
